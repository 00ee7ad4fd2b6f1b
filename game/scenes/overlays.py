"""Small scenes drawn over the question: the sentences around the quote, and "how sure?"."""
from dataclasses import dataclass

import pygame

from game.bank.context import context_of
from game.intents import Kind
from game.quiz.questions import quoted_sentence
from game.quiz.scoring import CONFIDENCE
from game.scenes.base import Scene
from game.ui.layout import TEXT
from game.ui.scroll import MORE, ScrollView
from game.ui.widgets import ButtonList

BAR = 12                # room beside the sentences for the scroll bar


class Overlay(Scene):
    """A panel over a dimmed picture of the screen below, taken once: the question waits
    while the overlay is open, so there is nothing new to draw under it."""

    def __init__(self, app):
        super().__init__(app)
        self._backdrop = None

    def dim(self, surface) -> None:
        if self._backdrop is None or self._backdrop.get_size() != surface.get_size():
            below = self.app.stack[:self.app.stack.index(self)]
            first = max((i for i, s in enumerate(below) if s.opaque), default=0)
            for scene in below[first:]:
                scene.draw(surface)
            # Darkened in place (as black at 150/255 over it would): a window-sized
            # surface less to allocate each time an overlay opens or the window resizes.
            surface.fill((105, 105, 105), special_flags=pygame.BLEND_MULT)
            self._backdrop = surface.copy()
        surface.blit(self._backdrop, (0, 0))

    def panel(self, lay, share: float) -> pygame.Rect:
        w = min(lay.w - 2 * lay.margin, max(round(lay.w * 0.7), 860))
        h = round(lay.h * share)
        return pygame.Rect((lay.w - w) // 2, (lay.h - h) // 2, w, h)


@dataclass
class ContextLayout:
    box: pygame.Rect            # the panel
    inner: pygame.Rect          # inside its margins
    head: pygame.Surface
    blocks: list                # the sentences, for the ScrollView
    note: pygame.Surface        # what is marked, and the keys
    more: pygame.Surface        # "More below", over the note while there is
    small: int                  # the note's and the Close button's


class ContextScene(Overlay):
    """The sentences before and after the quote, as the article has them, at the body size
    of the chosen text size, never smaller: what does not fit scrolls."""

    def __init__(self, app, statement):
        super().__init__(app)
        found = context_of(statement, app.loaded.bank)
        # The quote on a line with the rest of its own sentence, if it is part of one.
        quote = quoted_sentence(statement.text, mid_sentence=False if found.lead else None)
        line = (found.lead + " " if found.lead else "") + quote + found.tail
        parts = []
        if found.before:
            parts.append("… " + found.before)
        parts.append(line)
        if found.after:
            parts.append(found.after + " …")
        self.body = "\n\n".join(parts)
        self.quote_at = self.body.index(line) + len(line) - len(found.tail) - len(quote)
        self.quote_len = len(quote)
        self.note = ("The quoted sentence is underlined." if found.from_article else
                     "The article's text is not on this computer: these are the quoted "
                     "sentences next to it in the question file.")
        self.close = ButtonList(["Close"], align="center")
        self.scroll = ScrollView()
        self._key, self._laid = None, None

    def handle(self, intent) -> None:
        self._place()
        if intent.kind in (Kind.BACK, Kind.NEXT, Kind.CONTEXT, Kind.TOGGLE) or \
                self.close.handle(intent) is not None:
            self.dismiss()
        else:
            self.scroll.handle(intent)

    @property
    def size(self) -> int:
        """The sentences' text size: the body size of the chosen text size."""
        return self.app.layout().font(TEXT.body)

    def _place(self) -> ContextLayout:
        lay, text, theme = self.app.layout(), self.app.text, self.app.theme
        key = (lay.w, lay.h, lay.scale, lay.margin, theme.name)
        if key == self._key:
            return self._laid
        box = self.panel(lay, 0.86)
        inner = box.inflate(-2 * lay.gap, -2 * lay.gap)
        small = lay.font(TEXT.small)
        button_w = text.font("bold", small).size("Close")[0] + 4 * small
        more = text.block(MORE, small, theme.accent, inner.width // 4, style="bold")
        note_w = inner.width - button_w - more.get_width() - 2 * lay.gap
        head = text.block("The sentences around it", lay.font(TEXT.aside), theme.text,
                          inner.width, style="bold")
        body_top = inner.top + head.get_height() + lay.gap
        size, width = self.size, inner.width - BAR
        height = text.height(self.body, size, width, marked=True)

        def band(keys):     # the note, the keys and the button, in a row at the bottom
            return max(round(small * 2.4), text.height(self.note + keys, small, note_w))

        keys = "   C, Enter or Esc: close"
        if height > inner.bottom - band(keys) - lay.gap - body_top:
            keys = "   ↑↓ or wheel: read on" + keys
        row = band(keys)
        self.close.place(text, pygame.Rect(inner.right - button_w, inner.bottom - row, button_w,
                                           row), small, 0)
        view = pygame.Rect(inner.left, body_top, width, inner.bottom - row - lay.gap - body_top)
        self.scroll.set(view, height, size * 2)
        body, marks = self.body, ((self.quote_at, self.quote_at + self.quote_len),)

        def paint(surface, x, y):
            surface.blit(text.marked(body, marks, size, theme.muted, width, theme.panel,
                                     theme.text), (x, y))
        note = text.block(self.note + keys, small, theme.muted, note_w)
        self._key = key
        self._laid = ContextLayout(box, inner, head, [(paint, 0, 0, height)], note, more, small)
        return self._laid

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        p = self._place()
        self.dim(surface)
        pygame.draw.rect(surface, theme.panel, p.box, border_radius=12)
        pygame.draw.rect(surface, theme.accent, p.box, width=3, border_radius=12)
        surface.blit(p.head, p.inner.topleft)
        self.scroll.draw(surface, p.blocks, theme)
        button = self.close.rects[0]
        surface.blit(p.note, (p.inner.left, button.centery - p.note.get_height() // 2))
        if self.scroll.more_below:
            surface.blit(p.more, (button.left - self.app.layout().gap - p.more.get_width(),
                                  button.centery - p.more.get_height() // 2))
        self.close.draw(surface, text, theme, p.small)


class ConfidenceScene(Overlay):
    """How sure are you? Dismissed with the level, or None to change the answer."""

    LEVELS = tuple(CONFIDENCE)

    def __init__(self, app):
        super().__init__(app)
        self.menu = ButtonList([level.capitalize() for level in self.LEVELS], numbered=True)
        self.back = ButtonList(["Change my answer"], align="center")
        self.back.focus = -1    # the keys choose how sure; Esc is this button's key

    def handle(self, intent) -> None:
        self._place()
        if intent.kind == Kind.BACK or intent.kind == Kind.CLICK \
                and self.back.handle(intent) is not None:
            self.dismiss(None)
            return
        chosen = self.menu.handle(intent)
        if chosen is not None:
            self.dismiss(self.LEVELS[chosen])

    def _place(self):
        lay, text = self.app.layout(), self.app.text
        box = self.panel(lay, 0.5)
        inner = box.inflate(-2 * lay.margin, -2 * lay.gap)
        head = text.block("How sure are you?", lay.font(TEXT.verdict), self.app.theme.text,
                          inner.width, style="bold")
        small = lay.font(TEXT.small)
        back_w = text.font("bold", small).size("Change my answer")[0] + 2 * small
        self.back.place(text, pygame.Rect(inner.right - back_w, 0, back_w, 0), small, 0)
        hint = text.block("1–3 or click: answer   Esc: change your answer", small,
                          self.app.theme.muted, inner.width - back_w - small)
        # The button and the hint, one line or two, side by side in a band at the bottom.
        back_h = self.back.rects[0].height
        band = max(back_h, hint.get_height())
        self.back.place(text, pygame.Rect(inner.right - back_w,
                                          inner.bottom - (band + back_h) // 2, back_w, back_h),
                        small, 0)
        top = inner.top + head.get_height() + lay.gap
        area = pygame.Rect(inner.left, top, inner.width, inner.bottom - band - lay.gap // 2
                           - top)
        size = self.menu.fit(text, area, range(14, lay.font(TEXT.large) + 1), lay.gap // 2)
        return box, inner, head, size, small, hint

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        box, inner, head, size, small, hint = self._place()
        self.dim(surface)
        pygame.draw.rect(surface, theme.panel, box, border_radius=12)
        pygame.draw.rect(surface, theme.accent, box, width=3, border_radius=12)
        surface.blit(head, inner.topleft)
        self.menu.draw(surface, text, theme, size)
        self.back.draw(surface, text, theme, small)
        band = max(self.back.rects[0].height, hint.get_height())
        surface.blit(hint, (inner.left, inner.bottom - (band + hint.get_height()) // 2))
