"""The screens between hot-seat turns: whose turn is next, the answer once every seat has
given theirs, and the podium at the end."""
from dataclasses import dataclass

import pygame

from game.intents import Kind
from game.quiz.questions import RECORD_HEADING
from game.quiz.wording import given_words, quoted, right_words
from game.scenes.base import Scene
from game.scenes.confirm import LEAVE, RoundButtons  # noqa: F401  (LEAVE: question.py's)
from game.scenes.review import picked_words
from game.scenes.round_end import RoundEnd
from game.ui.doc import lay_out
from game.ui.layout import TEXT, largest
from game.ui.motion import Tween
from game.ui.scroll import MORE, ScrollView
from game.ui.widgets import draw_mark

HINT = "Enter: continue   Esc: leave the round"
SCROLL_KEYS = "↑↓ PgUp PgDn, wheel or drag: scroll"


@dataclass
class RevealLayout:
    """The answer screen, laid out for one window, text size and theme."""

    c: pygame.Rect                  # the content area
    head: pygame.Surface
    strip: list                     # [(right, block, (x, y), icon rect)]: a row per seat
    rule: pygame.Rect               # under the strip: the edge the text scrolls under
    blocks: list                    # what scrolls, laid out for the ScrollView
    hint: tuple                     # (block, (x, y))
    more: tuple                     # "More below": (block, (x, y))
    button_size: int


def _centred(surface, block, y: int) -> int:
    surface.blit(block, ((surface.get_width() - block.get_width()) // 2, y))
    return y + block.get_height()


def _board_lines(standings) -> list[tuple[str, str]]:
    """("1.  Aisha", "300") for each (place, seat) of Turns.standings()."""
    return [(f"{place}.  {seat.name}", str(seat.state.score)) for place, seat in standings]


def draw_board(surface, app, lines, area: pygame.Rect, colour, cache: dict) -> None:
    """Names and scores in a table that fits area: one column, or two for many seats.
    cache: the scene's, so that the table is laid out once, not every frame."""
    key = (tuple(area), tuple(lines), tuple(colour), app.layout().scale)
    if key not in cache:
        cache.clear()
        cache[key] = _lay_board(app, lines, area, colour)
    for block, place in cache[key]:
        surface.blit(block, place)


def _lay_board(app, lines, area, colour) -> list:
    """[(block, (x, y))] at the largest size at which every line fits; a class too large
    for the area at the hints' size shows its first lines and how many more there are
    (every score is in the review and the class results), rather than shrink further."""
    text = app.text
    gap = app.layout().gap * 3
    least = app.layout().font(TEXT.hint)

    def rows(size, lines):
        columns = 2 if len(lines) > 4 else 1
        per = -(-len(lines) // columns)
        col_w = (area.width - gap * (columns - 1)) // columns
        score_w = max(text.font("bold", size).size(s)[0] for _, s in lines)
        placed, y, fits = [], area.top, True
        for i, (name, score) in enumerate(lines):
            if i % per == 0:
                y = area.top
            x = area.left + (i // per) * (col_w + gap)
            block = text.block(name, size, colour, col_w - score_w - size)
            placed.append((block, (x, y)))
            if score:
                number = text.block(score, size, colour, score_w + 1, style="bold")
                placed.append((number, (x + col_w - number.get_width(), y)))
            y += block.get_height() + size // 3
            fits = fits and y - size // 3 <= area.bottom
        return placed, fits

    def cut(k):
        return lines[:k] + [(f"…and {len(lines) - k} more", "")] if k < len(lines) else lines
    if not rows(least, lines)[1]:
        shown = largest(1, len(lines), lambda k: rows(least, cut(k))[1])
        return rows(least, cut(shown))[0]
    size = largest(least, max(least, app.layout().font(TEXT.large)),
                   lambda s: rows(s, lines)[1])
    return rows(size, lines)[0]


class HandoverScene(Scene):
    """"Your turn, Aisha": the next seat takes the keyboard, and between full turns of
    every seat, the scores so far (unless the teacher hid them until the podium)."""

    def __init__(self, app, turns, board: bool = False):
        super().__init__(app)
        self.turns, self.board = turns, board
        self.button = RoundButtons("Ready")
        self._board = {}

    def handle(self, intent) -> None:
        self._place()
        self.button.press(self, intent)

    def _place(self):
        lay, text = self.app.layout(), self.app.text
        c = lay.content()
        size = lay.font(TEXT.body)
        h = round(size * 2.4)
        w = 2 * self.button.width(text, size) + lay.gap
        self.button.place(text, pygame.Rect((lay.w - w) // 2, c.bottom - h - lay.font(TEXT.hint)
                                            - lay.gap, w, h), size, lay.gap, across=True)
        return lay, c, size

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        lay, c, size = self._place()
        seat = self.turns.seat
        surface.fill(theme.background)
        y = _centred(surface, text.block(f"Your turn, {seat.name}", lay.font(TEXT.display),
                                         theme.accent, c.width, style="bold",
                                         align="center"), c.top)
        number = len(seat.state.answers) + 1
        y = _centred(surface, text.block(
            f"Question {number} of {len(seat.state.questions)}. Pass the keyboard to "
            f"{seat.name}, then press Enter or click Ready.", lay.font(TEXT.text), theme.text,
            c.width, align="center"), y + lay.gap) + lay.gap
        if self.board:
            y = _centred(surface, text.block("Scores so far", lay.font(TEXT.label), theme.muted,
                                             c.width, style="bold", align="center"), y + lay.gap)
            width = min(c.width, lay.w * 2 // 3)
            area = pygame.Rect((lay.w - width) // 2, y + lay.gap // 2, width,
                               self.button.rects[0].top - lay.gap - y - lay.gap // 2)
            draw_board(surface, self.app, _board_lines(self.turns.standings()), area, theme.text,
                       self._board)
        self.button.draw(surface, text, theme, size)
        hint = text.block("Enter or click: ready   Esc: leave the round", lay.font(TEXT.hint),
                          theme.muted, c.width, align="center")
        _centred(surface, hint, c.bottom - hint.get_height())


class RevealScene(Scene):
    """Once every seat has answered a question: who got it, the right answer and why.

    The seats' rows stay in a strip under the heading; below it the sentence, the answer,
    the explanation and what the record shows are set at the feedback panel's size and
    scroll when they do not fit, rather than shrink to fit."""

    def __init__(self, app, turns, position: int):
        super().__init__(app)
        self.turns, self.position = turns, position
        self.question = turns.seats[0].state.questions[position]
        self.scroll = ScrollView()
        self.button = RoundButtons("Continue")
        self._cache_key = None

    def enter(self) -> None:
        answers = [s.state.answers[self.position] for s in self.turns.seats]
        self.app.sounds.play("right" if sum(a.correct for a in answers) * 2 >= len(answers)
                             else "wrong")

    def handle(self, intent) -> None:
        self._place()
        if intent.kind in (Kind.UP, Kind.DOWN, Kind.PAGE_UP, Kind.PAGE_DOWN, Kind.HOME,
                           Kind.END, Kind.WHEEL, Kind.DRAG):
            self.scroll.handle(intent)
        else:
            # A press anywhere but the buttons starts a drag that scrolls.
            self.button.press(self, intent)

    def rows(self) -> list[tuple[str, str]]:
        """(verdict, "name: what they answered · verdict (points)") for every seat: the
        strip's rows when they fit with the answers."""
        return [(answer.verdict.value, f"{name}: {given_words(answer)}{verdict}")
                for answer, name, verdict in self._answers()]

    def _answers(self) -> list:
        show = self.turns.seat.state.setup.show_scores
        answers = []
        for seat in self.turns.seats:
            answer = seat.state.answers[self.position]
            # The verdict in words beside its icon: partly right is no shade of either.
            verdict = f" · {answer.verdict.word}" + (
                f"  ({answer.points:+d})" if show and answer.points else "")
            answers.append((answer, seat.name, verdict))
        return answers

    def _items(self, answers_in_strip: bool) -> list:
        """What scrolls, for game.ui.doc.lay_out: as the feedback panel and review say it."""
        q = self.question
        items, picks = [], []
        if q.skill == "opinion_words":    # each seat's picks beside the judgment words
            items, picks = picked_words(q, [(name, a) for a, name, _ in self._answers()])
        elif q.text:
            items.append(("quote", (quoted(q), ())) if q.statement else ("p", quoted(q)))
        items += [("p", q.prompt), ("sub", f"Answer: {right_words(q)}"), ("p", q.explanation)]
        items += picks
        if q.record:    # the hot seat's answer screen says it too, as the feedback panel does
            items += [("sub", RECORD_HEADING), ("p", q.record)]
        if not answers_in_strip:    # too many long names for them in the strip: after why
            items += [("sub", "What each seat answered")] + [
                ("p", f"{name} answered: {given_words(answer)}")
                for answer, name, _ in self._answers()]
        return items

    def _place(self) -> RevealLayout:
        """Lay the screen out again only when the window, text size or theme changed."""
        lay, theme, text = self.app.layout(), self.app.theme, self.app.text
        key = (lay.w, lay.h, lay.scale, lay.margin, theme.name)
        if key == self._cache_key:
            return self._laid
        c = lay.content()
        head = text.block(f"Question {self.position + 1}: the answer", lay.font(TEXT.verdict),
                          theme.text, c.width, style="bold")
        small = lay.font(TEXT.hint)
        more = text.block(MORE, small, theme.accent, c.width // 4, style="bold")
        button_size = lay.font(TEXT.text)
        button_w = 2 * self.button.width(text, button_size) + lay.gap
        hint_w = c.width - button_w - more.get_width() - 2 * lay.gap
        scroll_hint = SCROLL_KEYS + "   " + HINT
        if text.font("regular", small).size(scroll_hint)[0] > hint_w:
            scroll_hint = SCROLL_KEYS + "\n" + HINT    # two lines, broken where it reads well
        band = max(round(button_size * 2.4), more.get_height(),
                   text.height(scroll_hint, small, hint_w))
        bottom = c.bottom - band
        self.button.place(text, pygame.Rect(c.right - button_w, bottom, button_w, band),
                          button_size, lay.gap, across=True)
        strip_top = c.top + head.get_height() + lay.gap
        body = lay.font(TEXT.body)      # the feedback panel's size, never less
        width = c.width - 14                # and the scroll bar beside it
        blocks, height = lay_out(text, theme, self._items(True), width, body)
        # The strip may take a third of the room, or all that the text below does not need.
        room = bottom - lay.gap - strip_top
        cells, strip_h, answers_in_strip = self._lay_strip(
            c.width, max(room // 3, room - 2 * lay.gap - 1 - height))
        if not answers_in_strip:
            blocks, height = lay_out(text, theme, self._items(False), width, body)
        # A rule under the strip: the edge that the text scrolls under.
        rule = pygame.Rect(c.left, strip_top + strip_h + lay.gap // 2, c.width, 1)
        top = rule.bottom + lay.gap // 2
        view = pygame.Rect(c.left, top, width, bottom - lay.gap - top)
        self.scroll.set(view, height, body * 2)
        hint = text.block(scroll_hint if height > view.height else HINT, small, theme.muted,
                          hint_w)
        middle = bottom + band // 2
        self._laid = RevealLayout(
            c=c, head=head, blocks=blocks, button_size=button_size, rule=rule,
            strip=[(right, block, (c.left + x, strip_top + y), icon.move(c.left, strip_top))
                   for right, block, (x, y), icon in cells],
            hint=(hint, (c.left, middle - hint.get_height() // 2)),
            more=(more, (self.button.rects[0].left - lay.gap - more.get_width(),
                         middle - more.get_height() // 2)))
        self._cache_key = key
        return self._laid

    def _lay_strip(self, width: int, room: int) -> tuple[list, int, bool]:
        """The seats' rows in one to four columns, at the largest size (down to the hints'
        size) at which they fit room; if even that does not, names and verdicts only (the
        answers then scroll below the explanation), however tall that is.

        Returns [(verdict, block, (x, y), icon rect)] from the strip's top left, its height,
        and whether the rows say what each seat answered."""
        lay, text, theme = self.app.layout(), self.app.text, self.app.theme
        answers = self._answers()
        with_answers = self.rows()
        names_only = [(a.verdict.value, f"{name}{verdict}") for a, name, verdict in answers]

        def grid(rows, size, columns):
            """(size, [(right, words, x, y)], height): rows left to right, then down."""
            cell_w = (width - lay.gap * (columns - 1)) // columns
            words_w = cell_w - round(size * 1.7)
            cells, y = [], 0
            for start in range(0, len(rows), columns):
                line = rows[start:start + columns]
                cells += [(right, words, i * (cell_w + lay.gap), y)
                          for i, (right, words) in enumerate(line)]
                y += max(text.height(words, size, words_w) for _, words in line) + size // 2
            return size, words_w, cells, y - size // 2

        # No smaller than the key hints, the smallest text the game sets on purpose.
        least = lay.font(TEXT.hint)
        most = max(least, lay.font(TEXT.text))
        columns = range(1, min(4, len(answers)) + 1)
        chosen = None
        for rows, shown in ((with_answers, True), (names_only, False)):
            fitting = [grid(rows, largest(least, most,
                                          lambda s: grid(rows, s, n)[3] <= room), n)
                       for n in columns]
            fitting = [g for g in fitting if g[3] <= room]
            if fitting:     # the largest text, then the shortest strip
                chosen = min(fitting, key=lambda g: (-g[0], g[3])), shown
                break
        if chosen is None:
            chosen = min((grid(names_only, least, n) for n in columns),
                         key=lambda g: g[3]), False
        (size, words_w, cells, height), shown = chosen
        icon = round(size * 1.2)
        # The icon stands on the middle of its row's first line.
        icon_y = (text.font("regular", size).get_height() - icon) // 2
        placed = [(right, text.block(words, size, theme.text, words_w),
                   (x + round(size * 1.7), y), pygame.Rect(x, y + icon_y, icon, icon))
                  for right, words, x, y in cells]
        return placed, height, shown

    def draw(self, surface) -> None:
        theme = self.app.theme
        p = self._place()
        surface.fill(theme.background)
        surface.blit(p.head, p.c.topleft)
        for verdict, block, place, icon in p.strip:
            draw_mark(surface, icon, verdict, getattr(theme, verdict))
            surface.blit(block, place)
        pygame.draw.rect(surface, theme.muted, p.rule)
        self.scroll.draw(surface, p.blocks, theme)
        surface.blit(*p.hint)
        if self.scroll.more_below:
            surface.blit(*p.more)
        self.button.draw(surface, self.app.text, theme, p.button_size)


class PodiumScene(RoundEnd):
    """The end of a hot-seat round: the first three on a podium, everyone's score below.

    The steps rise from the floor, third place first and first place last, each carrying
    its place, score and name from the start, so they can be read all the while."""

    RISE = 0.18     # seconds for one step to rise
    STAGGER = 0.05  # between one step and the next: all up within Tween's limit

    def __init__(self, app, turns):
        super().__init__(app, turns)
        self._board = {}
        # By the order the places stand in standings: first, second, third.
        self.rising = [Tween(self.RISE, delay=self.STAGGER * (2 - i)) for i in range(3)]

    def enter(self) -> None:
        super().enter()
        for tween in self.rising:
            tween.start(self.app.motion)

    @property
    def moving(self) -> bool:
        return any(tween.running for tween in self.rising)

    def update(self, dt: float) -> None:
        for tween in self.rising:
            tween.step(dt)

    def handle(self, intent) -> None:
        if intent.kind is not Kind.HOVER:   # a key or a click never waits for the podium
            for tween in self.rising:
                tween.finish()
        super().handle(intent)

    def _areas(self):
        """Where the podium stands, and the board of the rest below it (None if no rest)."""
        lay, c, size = self._place()
        head_h = self.app.text.font("bold", lay.font(TEXT.heading)).get_height()
        y = c.top + head_h + lay.gap
        bottom = self.menu.rects[0].top - lay.gap
        board = None
        if len(self.turns.standings()) > 3:
            # A class's rest needs more room than a hot seat's five at most.
            rest_h = round(lay.h * (0.16 if len(self.turns.standings()) <= 8 else 0.3))
            width = min(c.width, lay.w * 2 // 3)
            board = pygame.Rect((lay.w - width) // 2, bottom - rest_h, width, rest_h)
            bottom -= rest_h + lay.gap
        return pygame.Rect(c.left, y, c.width, bottom - y), board

    def steps(self) -> list[tuple[int, str, pygame.Rect]]:
        """(place, name, the step's rect now) for the first three, left to right: second,
        first, third."""
        return [(place, seat.name, step) for place, seat, step, _ in self._steps()]

    def _steps(self) -> list:
        theme, text, lay = self.app.theme, self.app.text, self.app.layout()
        area, _ = self._areas()
        top3 = self.turns.standings()[:3]
        step_w = min(area.width // 3 - lay.gap, round(lay.h * 0.4))
        label_h = lay.font(TEXT.label) * 3
        heights = {1: 1.0, 2: 0.72, 3: 0.5}     # by place, so a tie stands level
        order = [i for i in (1, 0, 2) if i < len(top3)]
        total_w = len(order) * step_w + (len(order) - 1) * lay.gap
        x = area.centerx - total_w // 2
        laid = []
        for i in order:
            place, seat = top3[i]
            ink = theme.on_accent if place == 1 else theme.text
            number = text.block(str(place), lay.font(TEXT.place), ink, step_w, style="bold",
                                align="center")
            score = text.block(str(seat.state.score), lay.font(TEXT.text), ink, step_w,
                               align="center")
            least = number.get_height() + score.get_height() + lay.gap
            full = max(least, round((area.height - label_h) * heights.get(place, 0.5)))
            # Rising from the height that holds its place and score, so both show at once.
            h = least + round((full - least) * self.rising[i].eased)
            laid.append((place, seat, pygame.Rect(x, area.bottom - h, step_w, h),
                         (number, score)))
            x += step_w + lay.gap
        return laid

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        lay, c, size = self._place()
        surface.fill(theme.background)
        head = text.block("Final scores", lay.font(TEXT.heading), theme.text, c.width,
                          style="bold", align="center")
        _centred(surface, head, c.top)
        area, board = self._areas()
        if board is not None:
            draw_board(surface, self.app, _board_lines(self.turns.standings()[3:]), board,
                       theme.text, self._board)
        self._draw_podium(surface)
        self.menu.draw(surface, text, theme, size)

    def _draw_podium(self, surface) -> None:
        """Second, first and third, left to right, on steps of falling height."""
        theme, text, lay = self.app.theme, self.app.text, self.app.layout()
        name_size = lay.font(TEXT.label)
        label_h = name_size * 3
        for place, seat, step, (number, score) in self._steps():
            pygame.draw.rect(surface, theme.accent if place == 1 else theme.panel, step,
                             border_radius=8)
            pygame.draw.rect(surface, theme.accent, step, width=2, border_radius=8)
            surface.blit(number, (step.centerx - number.get_width() // 2, step.top + lay.gap // 2))
            surface.blit(score, (step.centerx - score.get_width() // 2,
                                 step.top + lay.gap // 2 + number.get_height()))
            size = text.fit(seat.name, step.width, label_h - lay.gap // 2,
                            range(12, name_size + 1), style="bold")
            name = text.block(seat.name, size, theme.text, step.width, style="bold",
                              align="center")
            surface.blit(name, (step.centerx - name.get_width() // 2,
                                step.top - lay.gap // 2 - name.get_height()))
