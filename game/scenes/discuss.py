"""A whole class talks its answer over before the teacher reveals it (the flow's
"discussing" phase): the answer the class gave, questions to talk about and a show of hands
for each answer, never whether it is right; the score is not counted until the reveal, so
nothing on screen gives it away.

The show of hands is the class's spread of views, counted by the teacher (game.quiz.hands):
a row per answer with its number, shape and colour as on its tile, a bar and the count in
words. Its text is set at the body size, never smaller: what does not fit scrolls.

Dismissed with REVEAL, CHANGE (the class asks the question again) or LEAVE."""
from dataclasses import dataclass

import pygame

from game.intents import Kind
from game.quiz.hands import MOST, count_words, options
from game.quiz.wording import as_seen, in_words
from game.scenes.base import Scene
from game.scenes.confirm import LEAVE, ask_to_leave
from game.scenes.question_page import BAR, LEAVE_LABEL
from game.ui.keybutton import draw_key_button, key_button_size
from game.ui.layout import TEXT
from game.ui.scroll import MORE, ScrollView
from game.ui.tiles import draw_shape, shape_of
from game.ui.widgets import ButtonList

REVEAL, CHANGE = "reveal", "change"
# What a teacher may ask the class, by the question's skill.
TALK = {
    "fact_or_opinion": "Could someone check it, and how? Which words tell you?",
    "who_is_source": "Whose words are these? What in the sentence tells you?",
    "source_kind": "What kind of source is that? Why does it matter who it is?",
    "opinion_words": "Which words judge rather than report? Would everyone agree with them?",
    "article_genre": "What does the writer want from the reader? Where can you see it?",
}
OTHERWISE = "Why did the class choose this? Could another answer be right?"
HINT = "↑↓ then + − or digits: hands   Enter: reveal when the class is ready"
SCROLLING = (Kind.PAGE_UP, Kind.PAGE_DOWN, Kind.HOME, Kind.END, Kind.WHEEL)


@dataclass
class Row:
    """One answer's show of hands, measured from the top left of the scrolling body."""

    rect: pygame.Rect
    chip: pygame.Rect       # its number and shape on its tile's colour
    label_w: int
    count_at: tuple         # (x, y, "left" or "right"): where the count in words goes
    bar: pygame.Rect
    fewer: pygame.Rect
    more: pygame.Rect


@dataclass
class DiscussLayout:
    panel: pygame.Rect
    head: pygame.Surface
    head_at: tuple
    view: pygame.Rect       # where the body shows; it scrolls there when taller
    blocks: list            # the body, for the ScrollView
    rows: list[Row]
    hint: pygame.Surface
    hint_at: tuple
    more: pygame.Surface    # "More below", while there is
    more_at: tuple
    leave: pygame.Rect
    size: int               # the body's size, the buttons' too


class DiscussScene(Scene):
    """A panel over the question's prompt and answers, the quoted sentence left in view."""

    opaque = False

    def __init__(self, app, flow, below=None):
        super().__init__(app)
        self.flow, self.below = flow, below
        q = flow.question
        given = flow.given
        self.said = "Time ran out before the class answered." if given is None else \
            f"The class answered: {in_words(as_seen(q, given))}"
        labels = ["Reveal the answer"] + (["Change the answer"] if flow.can_reconsider else [])
        self.menu = ButtonList(labels, align="center")
        self.talk = TALK.get(q.skill, OTHERWISE)
        self.options = options(q)
        self.scroll = ScrollView()
        # The keyboard's place: a row of hands (0…) or, after them, a button. It starts on
        # "Reveal", so Enter reveals as it always has; ↑ reaches the hands.
        self.focus = len(self.options)
        self._typing = False        # digits typed into the focused row so far
        self._pointer = None        # where the mouse was last: the wheel scrolls what is there
        self._key, self._laid = None, None

    # -- input ---------------------------------------------------------------------------
    def handle(self, intent) -> None:
        p = self._place()
        kind, n = intent.kind, len(self.options)
        row = self.focus if self.focus < n else None
        if kind in (Kind.CLICK, Kind.HOVER):
            self._pointer = intent.value
        if kind == Kind.BACK or (kind == Kind.CLICK and p.leave.collidepoint(intent.value)):
            ask_to_leave(self.app, lambda: self.dismiss(LEAVE))
        elif kind == Kind.WHEEL and self.below is not None and self._pointer and \
                not p.panel.collidepoint(self._pointer):
            self.below.scroll_at(intent, self._pointer)     # the article beside, read on
        elif kind in SCROLLING:
            self.scroll.handle(intent)
        elif kind == Kind.CLICK:
            self._click(intent)
        elif kind in (Kind.UP, Kind.DOWN, Kind.TAB):
            step = (intent.value or 1) if kind == Kind.TAB else -1 if kind == Kind.UP else 1
            self._move((self.focus + step) % (n + len(self.menu.labels)))
        elif kind == Kind.HOVER:    # over a button, as on every menu: the pointer moved there
            over = [i for i, r in enumerate(self.menu.rects) if r.collidepoint(intent.value)]
            if over:
                self._move(n + over[0])
        elif row is not None:
            self._on_row(row, intent)
        elif kind in (Kind.LEFT, Kind.RIGHT):     # between the buttons, stopping at the ends
            step = -1 if kind == Kind.LEFT else 1
            self._move(n + max(0, min(len(self.menu.labels) - 1, self.menu.focus + step)))
        elif kind in (Kind.NEXT, Kind.TOGGLE):
            self._chosen(self.menu.focus)
        # A number on a button is no answer: the class changes it with "Change the answer".

    def _on_row(self, row: int, intent) -> None:
        """Keys on a row of hands: + − ←→ one more or fewer, digits typed, Backspace."""
        kind, count = intent.kind, self.flow.hands[row]
        if kind in (Kind.MORE, Kind.RIGHT, Kind.FEWER, Kind.LEFT):
            self._set(row, count + (1 if kind in (Kind.MORE, Kind.RIGHT) else -1))
        elif kind == Kind.CHOOSE:
            digit = (intent.value + 1) % 10
            self._set(row, count * 10 + digit if self._typing else digit, typing=True)
        elif kind == Kind.ERASE:
            self._set(row, count // 10, typing=True)
        elif kind == Kind.NEXT:      # the next row, or Reveal after the last: never a reveal
            self._move(row + 1)

    def _click(self, intent) -> None:
        pos, shown = intent.value, self.scroll.shown
        for i, row in enumerate(self._place().rows):
            if shown(row.rect).collidepoint(pos):
                step = next((step for rect, step in ((row.fewer, -1), (row.more, 1))
                             if shown(rect).collidepoint(pos)), 0)
                self._move(i)       # which may scroll it: what was clicked is known first
                if step:
                    self._set(i, self.flow.hands[i] + step)
                return
        chosen = self.menu.handle(intent)
        if chosen is not None:
            self._chosen(chosen)

    def _chosen(self, button: int) -> None:
        self.dismiss((REVEAL, CHANGE)[button])

    def _set(self, row: int, count: int, typing: bool = False) -> None:
        self.flow.raise_hands(row, count)
        self._typing = typing

    def _move(self, focus: int) -> None:
        """The keyboard's place moves to focus; a row moves into view."""
        n = len(self.options)
        self.focus, self._typing = focus, False
        self.menu.focus = focus - n if focus >= n else -1     # no button looks focused
        if focus < n:
            rect = self._place().rows[focus].rect
            self.scroll.reveal(rect.top, rect.bottom)

    # -- layout --------------------------------------------------------------------------
    def _area(self, lay, frame_h: int) -> pygame.Rect:
        """Over the prompt and the choices (the quote, or the article, stays in view); for
        picked words, under the sentence if that leaves the panel room for its frame
        (frame_h) and a few lines, so that the sentence with the class's picks stays in
        view above it as far as it can."""
        if self.below is None:
            return pygame.Rect(0, lay.h // 2, lay.w, lay.h - lay.h // 2)
        area = self.below.feedback_area()
        top = min(area.top, round(lay.h * 0.55))
        if self.flow.question.skill == "opinion_words":
            lines = 3 * self.app.text.font("regular", lay.font(TEXT.body)).get_linesize()
            words = self.below.layout().area
            top = max(top, min(words.bottom + lay.gap // 2, lay.h - frame_h - lines))
        return pygame.Rect(area.left, top, lay.w - area.left, lay.h - top)

    def _place(self) -> DiscussLayout:
        lay, text, theme = self.app.layout(), self.app.text, self.app.theme
        wide = self.below.feedback_area() if self.below is not None else None
        key = (lay.w, lay.h, lay.scale, lay.margin, theme.name, wide and tuple(wide))
        if key == self._key:
            return self._laid
        # The frame first (heading, buttons, hint), across the panel's width; then where the
        # panel starts, and the body in the room the frame leaves.
        left = lay.margin if not wide or wide.left == 0 else wide.left + lay.gap
        width = lay.w - lay.margin - left
        size, small, gap = lay.font(TEXT.body), lay.font(TEXT.small), lay.gap
        head = text.block("Talk it over", lay.font(TEXT.verdict), theme.accent, width,
                          style="bold")
        button_w = max(text.font("bold", size).size(label)[0] for label in self.menu.labels) \
            + 4 * size
        count = len(self.menu.labels)
        row_w = min(width, count * button_w + (count - 1) * gap)
        self.menu.place(text, pygame.Rect(0, 0, row_w, 0), size, gap, across=True)
        buttons_h = self.menu.rects[0].height
        # The buttons beside the heading where they fit, to leave the body the most room;
        # else along the bottom, with "More below" left of them if it fits there too.
        on_top = head.get_width() + 2 * gap + row_w <= width
        top_h = max(head.get_height(), buttons_h) if on_top else head.get_height()
        bottom_h = 0 if on_top else buttons_h + gap
        more = text.block(MORE, small, theme.accent, width, style="bold")
        beside = not on_top and row_w + gap + more.get_width() <= width
        leave_w, leave_h = key_button_size(text, LEAVE_LABEL, small)

        def hint_row(more_over_leave: bool):
            """The hint, and the height of its row: "More below" over Leave if asked."""
            right_w, right_h = (max(leave_w, more.get_width()), leave_h + more.get_height()) \
                if more_over_leave else (leave_w, leave_h)
            hint = text.block(HINT, small, theme.muted, width - right_w - gap)
            return hint, max(hint.get_height(), right_h), right_h

        hint, row_h, right_h = hint_row(False)
        area = self._area(lay, 3 * gap + top_h + bottom_h + row_h)
        inner = pygame.Rect(left, area.top + gap, width, area.height - 2 * gap)
        body_top = inner.top + top_h + gap // 2

        def body(row_h):
            view = pygame.Rect(inner.left, body_top, inner.width,
                               max(1, inner.bottom - row_h - bottom_h - gap // 2 - body_top))
            blocks, rows, height = self._body(view.width, size)
            if height > view.height:        # it scrolls: room beside it for the scroll bar
                view.width -= BAR
                blocks, rows, height = self._body(view.width, size)
            return view, blocks, rows, height

        view, blocks, rows, height = body(row_h)
        if height > view.height and not beside:
            hint, row_h, right_h = hint_row(True)
            view, blocks, rows, height = body(row_h)
        self.scroll.set(view, height, size * 2)
        middle = inner.bottom - row_h // 2
        leave = pygame.Rect(inner.right - leave_w, middle + right_h // 2 - leave_h, leave_w,
                            leave_h)
        buttons_top = inner.top + (top_h - buttons_h) // 2 if on_top else \
            inner.bottom - row_h - gap - buttons_h
        self.menu.place(text, pygame.Rect(inner.right - row_w, buttons_top, row_w, buttons_h),
                        size, gap, across=True)
        more_at = (inner.left, buttons_top + (buttons_h - more.get_height()) // 2) if beside \
            else (inner.right - more.get_width(), leave.top - more.get_height())
        self._key = key
        self._laid = DiscussLayout(
            area, head, (inner.left, inner.top + (top_h - head.get_height()) // 2), view,
            blocks, rows, hint, (inner.left, middle - hint.get_height() // 2), more, more_at,
            leave, size)
        return self._laid

    def _body(self, width: int, size: int) -> tuple[list, list[Row], int]:
        """What the class answered, what to ask, and a row of hands per answer, as blocks
        for the ScrollView, all at the body size; and the rows, for clicks and focus."""
        text = self.app.text
        blocks, rows, y = [], [], 0

        def add(words, style="regular", space=size // 2):
            nonlocal y
            height = text.height(words, size, width, style)
            blocks.append((self._paint(words, size, width, style), 0, y, height))
            y += height + space

        # The rows say what the hands are for ("Fact: checkable  12 hands, 60%"): no heading
        # over them, so that on a projector they come into view with what the class said.
        add(self.said, "bold", size // 3)
        add(self.talk, space=size // 3)
        for i in range(len(self.options)):
            row = self._row(i, y, width, size)
            rows.append(row)
            blocks.append((self._paint_row(i, row, size), 0, row.rect.top, row.rect.height))
            y = row.rect.bottom + size // 3
        return blocks, rows, y - size // 3

    def _row(self, i: int, top: int, width: int, size: int) -> Row:
        """Answer i's row: its chip, its words with the count at the right of their line (or
        under them), a bar under them and − + buttons at the right. In a narrow panel
        (beside an article) the buttons and the count share a line under the words, and
        the bar goes across under that."""
        text = self.app.text
        font = text.font("regular", size)
        pad, line = max(6, size // 3), font.get_linesize()
        button = round(size * 1.9)              # a large target for a mouse or a finger
        icon = round(size * 0.8)
        chip = pygame.Rect(pad, pad, pad + text.font("bold", size).size("9")[0] + size // 4
                           + icon + pad, line + pad)
        words_x = chip.right + pad
        widest = font.size(count_words(MOST, (MOST,)))[0]
        bar_h = max(6, size // 2)
        words_w = width - words_x - 2 * button - 3 * pad
        if words_w >= widest + 2 * pad + 4 * size:      # the count beside the words
            label_w = words_w - widest - 2 * pad
            label_h = text.height(self.options[i], size, label_w)
            bar = pygame.Rect(words_x, pad + label_h + pad // 2, words_w, bar_h)
            height = max(bar.bottom, button + pad, chip.bottom) + pad
            buttons_top = (height - button) // 2
            count_at = (words_x + words_w, pad, "right")
        else:
            label_w = width - words_x
            label_h = text.height(self.options[i], size, label_w)
            buttons_top = max(chip.bottom, pad + label_h) + pad // 2
            count_at = (words_x, buttons_top + (button - line) // 2, "left")
            bar = pygame.Rect(words_x, buttons_top + button + pad // 2, width - words_x, bar_h)
            height = bar.bottom + pad
        fewer = pygame.Rect(width - 2 * button - pad, top + buttons_top, button, button)
        return Row(pygame.Rect(0, top, width, height), chip.move(0, top), label_w,
                   (count_at[0], top + count_at[1], count_at[2]), bar.move(0, top),
                   fewer, fewer.move(button + pad // 2, 0))

    def _paint(self, words, size, width, style):
        theme, text = self.app.theme, self.app.text

        def paint(surface, x, y):
            surface.blit(text.block(words, size, theme.text, width, style=style), (x, y))
        return paint

    def _paint_row(self, i: int, row: Row, size: int):
        """paint(surface, x, y) for answer i's row, with the hands counted when it is drawn;
        no mark of which answer is right: every bar is drawn alike, in its tile's colour."""
        theme, text = self.app.theme, self.app.text
        label = self.options[i]

        def paint(surface, x, y):
            dx, dy = x, y - row.rect.top
            hands = self.flow.hands
            if i == self.focus:     # the keyboard's place, ringed as on the tiles
                pygame.draw.rect(surface, theme.accent, row.rect.move(dx, dy),
                                 width=max(3, size // 8), border_radius=8)
            chip = row.chip.move(dx, dy)
            colour = theme.tiles[i % len(theme.tiles)]
            pygame.draw.rect(surface, colour, chip, border_radius=max(4, size // 4))
            pad = max(6, size // 3)
            number = text.block(str(i + 1), size, theme.on_tile, size * 2, style="bold")
            surface.blit(number, (chip.left + pad, chip.centery - number.get_height() // 2))
            icon = round(size * 0.8)
            draw_shape(surface, pygame.Rect(chip.right - pad - icon, chip.centery - icon // 2,
                                            icon, icon), shape_of(i), theme.on_tile)
            surface.blit(text.block(label, size, theme.text, row.label_w),
                         (chip.right + pad, row.rect.top + pad + dy))
            said = text.block(count_words(hands[i], hands), size, theme.text, row.rect.width,
                              style="bold")
            x, y, align = row.count_at
            surface.blit(said, (x + dx - (said.get_width() if align == "right" else 0), y + dy))
            bar = row.bar.move(dx, dy)
            pygame.draw.rect(surface, theme.background, bar, border_radius=4)
            total = sum(hands)
            if hands[i]:
                pygame.draw.rect(surface, colour, (bar.left, bar.top,
                                                   max(4, round(bar.width * hands[i] / total)),
                                                   bar.height), border_radius=4)
            pygame.draw.rect(surface, theme.muted, bar, width=1, border_radius=4)
            for rect, sign in ((row.fewer, "−"), (row.more, "+")):
                button = rect.move(dx, dy)
                pygame.draw.rect(surface, theme.background, button, border_radius=8)
                pygame.draw.rect(surface, theme.accent, button, width=2, border_radius=8)
                glyph = text.block(sign, round(size * 1.3), theme.text, button.width,
                                   style="bold")
                surface.blit(glyph, (button.centerx - glyph.get_width() // 2,
                                     button.centery - glyph.get_height() // 2))
        return paint

    # -- drawing -------------------------------------------------------------------------
    def draw(self, surface) -> None:
        theme = self.app.theme
        p = self._place()
        pygame.draw.rect(surface, theme.panel, p.panel)
        pygame.draw.line(surface, theme.accent, p.panel.topleft, p.panel.topright, width=6)
        surface.blit(p.head, p.head_at)
        self.scroll.draw(surface, p.blocks, theme)
        if self.scroll.more_below:
            surface.blit(p.more, p.more_at)
        self.menu.draw(surface, self.app.text, theme, p.size)
        surface.blit(p.hint, p.hint_at)
        draw_key_button(surface, self.app.text, theme, p.leave, LEAVE_LABEL,
                        self.app.layout().font(TEXT.small))

    def panel(self) -> pygame.Rect:
        """Where the panel is: what it covers of the question below."""
        return self._place().panel

    def widgets(self) -> dict:
        """The buttons, Leave, and each answer's row of hands and its − and + buttons, as
        ("hands", i), ("fewer", i) and ("more", i): those in view, where they show now."""
        p = self._place()
        found = {**self.menu.widgets(), "Leave": p.leave}
        for i, row in enumerate(p.rows):
            for name, rect in (("hands", row.rect), ("fewer", row.fewer), ("more", row.more)):
                shown = self.scroll.shown(rect)
                if shown.width and shown.height:
                    found[(name, i)] = shown
        return found
