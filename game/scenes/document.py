"""A screen of text to read and scroll, with a Back button: how to play, the review."""
from dataclasses import dataclass

import pygame

from game.intents import Kind
from game.scenes.base import Scene
from game.ui.doc import lay_out
from game.ui.layout import TEXT
from game.ui.scroll import ScrollView
from game.ui.widgets import ButtonList

HINT = "↑↓ PgUp PgDn, wheel or drag: scroll   Enter or Esc: back"


@dataclass
class DocumentLayout:
    c: pygame.Rect              # the content area
    head: pygame.Surface
    hint: pygame.Surface
    blocks: list                # the document, laid out for the ScrollView
    button_size: int


class DocumentScene(Scene):
    title = ""

    def __init__(self, app):
        super().__init__(app)
        self.scroll = ScrollView()
        self.back = ButtonList(["Back"], align="center")
        self._cache_key = None

    def items(self) -> list:
        """(kind, payload) pairs for game.ui.doc.lay_out."""
        raise NotImplementedError

    def hint(self) -> str:
        return HINT

    def handle(self, intent) -> None:
        self._place()
        if intent.kind in (Kind.BACK, Kind.NEXT) or self.back.handle(intent) is not None:
            self.dismiss()
        else:
            self.scroll.handle(intent)

    def _place(self) -> DocumentLayout:
        """Lay the text out again only when the window, text size or theme changed."""
        lay, theme = self.app.layout(), self.app.theme
        key = (lay.w, lay.h, lay.scale, lay.margin, theme.name)
        if key != self._cache_key:
            c = lay.content()
            text = self.app.text
            head = text.block(self.title, lay.font(TEXT.heading), theme.text, c.width,
                              style="bold")
            button_size = lay.font(TEXT.text)
            # The buttons side by side at the bottom right, each as wide as the widest.
            labels = self.back.labels
            one = max(text.font("bold", button_size).size(label)[0] for label in labels) \
                + 4 * button_size
            back_w = len(labels) * one + (len(labels) - 1) * lay.gap
            hint = text.block(self.hint(), lay.font(TEXT.hint), theme.muted,
                              min(c.width * 2 // 3, c.width - back_w - 2 * lay.gap))
            bottom = c.bottom - max(hint.get_height(), round(button_size * 2.4))
            self.back.place(text, pygame.Rect(c.right - back_w, bottom, back_w, c.bottom - bottom),
                            button_size, lay.gap, across=True)
            view = pygame.Rect(c.left, c.top + head.get_height() + lay.gap, c.width - 14,
                               bottom - lay.gap - c.top - head.get_height() - lay.gap)
            body = lay.font(TEXT.text)
            blocks, height = lay_out(text, theme, self.items(), view.width, body)
            self.scroll.set(view, height, body * 2)
            self._laid = DocumentLayout(c, head, hint, blocks, button_size)
            self._cache_key = key
        return self._laid

    def draw(self, surface) -> None:
        theme = self.app.theme
        p = self._place()
        c = p.c
        surface.fill(theme.background)
        surface.blit(p.head, c.topleft)
        self.scroll.draw(surface, p.blocks, theme)
        surface.blit(p.hint, (c.left, c.bottom - p.hint.get_height()))
        self.back.draw(surface, self.app.text, theme, p.button_size)
