"""The screens between hot-seat turns: whose turn is next, the answer once every seat has
given theirs, and the podium at the end."""
import pygame

from game.quiz.questions import RECORD_HEADING
from game.scenes.base import Scene
from game.scenes.results import RoundEnd
from game.scenes.review import given_words, right_words
from game.ui.layout import largest
from game.ui.widgets import ButtonList, draw_mark

LEAVE = "leave"     # dismissed with this: the players left the round with Esc


def _centred(surface, block, y: int) -> int:
    surface.blit(block, ((surface.get_width() - block.get_width()) // 2, y))
    return y + block.get_height()


def _board_lines(turns) -> list[tuple[str, str]]:
    return [(f"{place}.  {seat.name}", str(seat.state.score)) for place, seat in turns.standings()]


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
    """[(block, (x, y))] at the largest size at which every line fits."""
    text = app.text
    columns = 2 if len(lines) > 4 else 1
    per = -(-len(lines) // columns)
    gap = app.layout().gap * 3
    col_w = (area.width - gap * (columns - 1)) // columns

    def rows(size):
        score_w = max(text.font("bold", size).size(s)[0] for _, s in lines)
        placed, y, fits = [], area.top, True
        for i, (name, score) in enumerate(lines):
            if i % per == 0:
                y = area.top
            x = area.left + (i // per) * (col_w + gap)
            block = text.block(name, size, colour, col_w - score_w - size)
            number = text.block(score, size, colour, score_w + 1, style="bold")
            placed += [(block, (x, y)), (number, (x + col_w - number.get_width(), y))]
            y += block.get_height() + size // 3
            fits = fits and y - size // 3 <= area.bottom
        return placed, fits

    size = largest(12, max(12, app.layout().font(0.036)), lambda s: rows(s)[1])
    return rows(size)[0]


class HandoverScene(Scene):
    """"Your turn, Aisha": the next seat takes the keyboard, and between full turns of
    every seat, the scores so far (unless the teacher hid them until the podium)."""

    def __init__(self, app, turns, board: bool = False):
        super().__init__(app)
        self.turns, self.board = turns, board
        self.button = ButtonList(["Ready"], align="center")
        self._board = {}

    def handle(self, intent) -> bool:
        self._place()
        if intent.kind == "back":
            self.dismiss(LEAVE)
        elif intent.kind in ("next", "toggle") or self.button.handle(intent) is not None \
                and intent.kind == "click":
            self.dismiss()
        else:
            return False
        return True

    def _place(self):
        lay, text = self.app.layout(), self.app.text
        c = lay.content()
        size = lay.font(0.034)
        h = round(size * 2.4)
        w = text.font("bold", size).size("Ready")[0] + 5 * size
        self.button.place(text, pygame.Rect((lay.w - w) // 2, c.bottom - h - lay.font(0.024)
                                            - lay.gap, w, h), size, 0)
        return lay, c, size

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        lay, c, size = self._place()
        seat = self.turns.seat
        surface.fill(theme.background)
        y = _centred(surface, text.block(f"Your turn, {seat.name}", lay.font(0.07),
                                         theme.accent, c.width, style="bold",
                                         align="center"), c.top)
        number = len(seat.state.answers) + 1
        y = _centred(surface, text.block(
            f"Question {number} of {len(seat.state.questions)}. Pass the keyboard to "
            f"{seat.name}, then press Enter or click Ready.", lay.font(0.03), theme.text,
            c.width, align="center"), y + lay.gap) + lay.gap
        if self.board:
            y = _centred(surface, text.block("Scores so far", lay.font(0.032), theme.muted,
                                             c.width, style="bold", align="center"), y + lay.gap)
            width = min(c.width, lay.w * 2 // 3)
            area = pygame.Rect((lay.w - width) // 2, y + lay.gap // 2, width,
                               self.button.rects[0].top - lay.gap - y - lay.gap // 2)
            draw_board(surface, self.app, _board_lines(self.turns), area, theme.text,
                       self._board)
        self.button.draw(surface, text, theme, size)
        hint = text.block("Enter or click: ready   Esc: leave the round", lay.font(0.024),
                          theme.muted, c.width, align="center")
        _centred(surface, hint, c.bottom - hint.get_height())


class RevealScene(Scene):
    """Once every seat has answered a question: the right answer, why, and who got it."""

    def __init__(self, app, turns, position: int):
        super().__init__(app)
        self.turns, self.position = turns, position
        self.question = turns.seats[0].state.questions[position]
        self._sizes: dict = {}      # the rows' text size, found once per window size

    def enter(self) -> None:
        answers = [s.state.answers[self.position] for s in self.turns.seats]
        self.app.sounds.play("right" if sum(a.correct for a in answers) * 2 >= len(answers)
                             else "wrong")

    def handle(self, intent) -> bool:
        if intent.kind == "back":
            self.dismiss(LEAVE)
        elif intent.kind in ("next", "toggle", "click"):
            self.dismiss()
        else:
            return False
        return True

    def _rows(self) -> list[tuple[bool, str]]:
        show = self.turns.seat.state.setup.show_scores
        rows = []
        for seat in self.turns.seats:
            answer = seat.state.answers[self.position]
            points = f"  ({answer.points:+d})" if show and answer.points else ""
            rows.append((answer.correct, f"{seat.name}: {given_words(answer)}{points}"))
        return rows

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        lay = self.app.layout()
        c = lay.content()
        q = self.question
        surface.fill(theme.background)
        head = text.block(f"Question {self.position + 1}: the answer", lay.font(0.045),
                          theme.text, c.width, style="bold")
        surface.blit(head, c.topleft)
        hint = text.block("Enter or click: continue   Esc: leave the round", lay.font(0.024),
                          theme.muted, c.width)
        bottom = c.bottom - hint.get_height() - lay.gap
        surface.blit(hint, (c.left, c.bottom - hint.get_height()))
        top = c.top + head.get_height() + lay.gap
        if q.text:
            quote = f"“{q.text}”" if q.statement else q.text
            box = pygame.Rect(c.left, top, c.width, round(lay.h * 0.22))
            inner = box.inflate(-2 * lay.gap, -2 * lay.gap)
            # A wrong claim's record needs the room: its quote is set smaller.
            most = lay.font(0.026 if q.record else 0.036)
            size = text.fit(quote, inner.width, inner.height, range(13, most + 1),
                            style="italic")
            block = text.block(quote, size, theme.text, inner.width, style="italic")
            box.height = block.get_height() + 2 * lay.gap
            pygame.draw.rect(surface, theme.panel, box, border_radius=10)
            surface.blit(block, (inner.left, box.top + lay.gap))
            top = box.bottom + lay.gap
        left_w = (c.width - lay.gap) * 3 // 5
        body = f"{q.prompt}\nAnswer: {right_words(q)}\n\n{q.explanation}"
        if q.record:    # the hot seat's answer screen says it too, as the feedback panel does
            body += f"\n{RECORD_HEADING}: {q.record}"
        size = text.fit(body, left_w, bottom - top, range(13, lay.font(0.032) + 1))
        surface.blit(text.block(body, size, theme.text, left_w), (c.left, top))
        self._draw_rows(surface, pygame.Rect(c.left + left_w + lay.gap, top,
                                             c.width - left_w - lay.gap, bottom - top))

    def _draw_rows(self, surface, area) -> None:
        theme, text = self.app.theme, self.app.text
        rows = self._rows()

        def height(size):
            return sum(text.block(line, size, theme.text, area.width - size * 2).get_height()
                       + size // 2 for _, line in rows)

        key = (tuple(area), theme.name, self.app.layout().scale)
        if key not in self._sizes:
            self._sizes = {key: largest(12, max(12, self.app.layout().font(0.032)),
                                        lambda s: height(s) <= area.height)}
        size = self._sizes[key]
        y = area.top
        for correct, line in rows:
            colour = theme.right if correct else theme.wrong
            mark = pygame.Rect(area.left, y, round(size * 1.3), round(size * 1.3))
            draw_mark(surface, mark, correct, colour)
            block = text.block(line, size, theme.text, area.width - size * 2)
            surface.blit(block, (area.left + size * 2, y))
            y += block.get_height() + size // 2


class PodiumScene(RoundEnd):
    """The end of a hot-seat round: the first three on a podium, everyone's score below."""

    def __init__(self, app, turns):
        super().__init__(app, turns)
        self._board = {}

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        lay, c, size = self._place()
        surface.fill(theme.background)
        head = text.block("Final scores", lay.font(0.05), theme.text, c.width, style="bold",
                          align="center")
        y = _centred(surface, head, c.top) + lay.gap
        standings = self.turns.standings()
        rest = standings[3:]
        bottom = self.menu.rects[0].top - lay.gap
        if rest:
            lines = [(f"{place}.  {seat.name}", str(seat.state.score)) for place, seat in rest]
            rest_h = round(lay.h * 0.16)
            width = min(c.width, lay.w * 2 // 3)
            draw_board(surface, self.app, lines, pygame.Rect((lay.w - width) // 2,
                                                             bottom - rest_h, width, rest_h),
                       theme.text, self._board)
            bottom -= rest_h + lay.gap
        self._draw_podium(surface, standings[:3], pygame.Rect(c.left, y, c.width, bottom - y))
        self.menu.draw(surface, text, theme, size)

    def _draw_podium(self, surface, top3, area) -> None:
        """Second, first and third, left to right, on steps of falling height."""
        theme, text, lay = self.app.theme, self.app.text, self.app.layout()
        step_w = min(area.width // 3 - lay.gap, round(lay.h * 0.4))
        name_size = lay.font(0.032)
        label_h = name_size * 3
        heights = {1: 1.0, 2: 0.72, 3: 0.5}     # by place, so a tie stands level
        order = [i for i in (1, 0, 2) if i < len(top3)]
        total_w = len(order) * step_w + (len(order) - 1) * lay.gap
        x = area.centerx - total_w // 2
        for i in order:
            place, seat = top3[i]
            ink = theme.on_accent if place == 1 else theme.text
            number = text.block(str(place), lay.font(0.06), ink, step_w, style="bold",
                                align="center")
            score = text.block(str(seat.state.score), lay.font(0.03), ink, step_w,
                               align="center")
            least = number.get_height() + score.get_height() + lay.gap
            h = max(least, round((area.height - label_h) * heights.get(place, 0.5)))
            step = pygame.Rect(x, area.bottom - h, step_w, h)
            pygame.draw.rect(surface, theme.accent if place == 1 else theme.panel, step,
                             border_radius=8)
            pygame.draw.rect(surface, theme.accent, step, width=2, border_radius=8)
            surface.blit(number, (step.centerx - number.get_width() // 2, step.top + lay.gap // 2))
            surface.blit(score, (step.centerx - score.get_width() // 2,
                                 step.top + lay.gap // 2 + number.get_height()))
            size = text.fit(seat.name, step_w, label_h - lay.gap // 2,
                            range(12, name_size + 1), style="bold")
            name = text.block(seat.name, size, theme.text, step_w, style="bold", align="center")
            surface.blit(name, (step.centerx - name.get_width() // 2,
                                step.top - lay.gap // 2 - name.get_height()))
            x += step_w + lay.gap
