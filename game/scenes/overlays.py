"""Small scenes drawn over the question: the sentences around the quote, and "how sure?"."""
from dataclasses import dataclass

import pygame

from game.bank.context import context_of
from game.intents import Kind
from game.quiz.questions import quoted_sentence
from game.quiz.scoring import CONFIDENCE
from game.scenes.base import Scene
from game.ui.layout import TEXT
from game.ui.widgets import ButtonList


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
    body_top: int
    size: int                   # the sentences' text size
    small: int                  # the note's and the Close button's


class ContextScene(Overlay):
    """The sentences before and after the quote, as the article has them."""

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

    def handle(self, intent) -> None:
        self._place()
        if intent.kind in (Kind.BACK, Kind.NEXT, Kind.CONTEXT, Kind.TOGGLE) or \
                self.close.handle(intent) is not None:
            self.dismiss()

    def _place(self):
        lay, text = self.app.layout(), self.app.text
        box = self.panel(lay, 0.86)
        inner = box.inflate(-2 * lay.gap, -2 * lay.gap)
        small = lay.font(TEXT.small)
        button_h = round(small * 2.4)
        self.close.place(text, pygame.Rect(inner.right - small * 6, inner.bottom - button_h,
                                           small * 6, button_h), small, 0)
        head = text.block("The sentences around it", lay.font(TEXT.aside), self.app.theme.text,
                          inner.width, style="bold")
        body_top = inner.top + head.get_height() + lay.gap
        body_h = inner.bottom - button_h - lay.gap - body_top
        size = text.fit(self.body, inner.width, body_h, range(13, lay.font(TEXT.body) + 1))
        return ContextLayout(box, inner, head, body_top, size, small)

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        p = self._place()
        self.dim(surface)
        pygame.draw.rect(surface, theme.panel, p.box, border_radius=12)
        pygame.draw.rect(surface, theme.accent, p.box, width=3, border_radius=12)
        surface.blit(p.head, p.inner.topleft)
        body = text.marked(self.body, ((self.quote_at, self.quote_at + self.quote_len),), p.size,
                           theme.muted, p.inner.width, theme.panel, theme.text)
        surface.blit(body, (p.inner.left, p.body_top))
        note = text.block(self.note + "   C, Enter or Esc: close", p.small, theme.muted,
                          p.inner.width - p.small * 7)
        surface.blit(note, (p.inner.left, p.inner.bottom - note.get_height()))
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
