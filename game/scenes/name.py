"""Who is playing? A name typed, or picked from the players this computer knows.

Dismissed with the name, or None."""
from dataclasses import dataclass

import pygame

from game.intents import Kind
from game.names import MAX_NAME
from game.scenes.base import Scene
from game.ui.layout import TEXT, Layout
from game.ui.widgets import ButtonList

SHOWN = 6       # known players listed; typing the start of a name narrows the list
HINT = "Type a name, or ↑↓ to pick one   Enter: start   Esc: back"


@dataclass
class EntryLayout:
    """A screen where names are typed: a heading, the field, and what goes below them."""

    lay: Layout
    c: pygame.Rect              # the content area
    head: pygame.Surface
    field: pygame.Rect          # where the name is typed
    size: int                   # its text size
    small: int                  # the hint's, and the text around it
    left: int                   # the column of the field and what is under it
    width: int


@dataclass
class NameLayout(EntryLayout):
    top: int                    # where the known players start


class NameScene(Scene):
    def __init__(self, app, heading: str = "Who is playing?", name: str | None = None):
        super().__init__(app)
        self.heading = heading
        self.name = app.settings.player if name is None else name
        self.known = app.results.players()
        self.start = ButtonList(["Start"], align="center")
        self._list()

    def _list(self) -> None:
        typed = self.name.strip().casefold()
        matches = [n for n in self.known if n.casefold().startswith(typed)] or self.known
        self.menu = ButtonList(matches[:SHOWN])
        self.menu.focus = -1

    def handle(self, intent) -> None:
        self._place()
        kind = intent.kind
        if kind == Kind.BACK:
            self.dismiss(None)
        elif kind == Kind.TEXT:
            if len(self.name) < MAX_NAME:
                self.name += intent.value
                self._list()
        elif kind == Kind.ERASE:
            self.name = self.name[:-1]
            self._list()
        elif kind in (Kind.UP, Kind.DOWN) and self.menu.labels:
            step = -1 if kind == Kind.UP else 1
            self.menu.focus = (self.menu.focus + step) % len(self.menu.labels)
            self.name = self.menu.labels[self.menu.focus]
        elif kind == Kind.NEXT or (self.start.handle(intent) is not None and kind == Kind.CLICK):
            self._confirm()
        elif kind == Kind.CLICK:
            for i, rect in enumerate(self.menu.rects):
                if rect.collidepoint(intent.value):
                    self.name = self.menu.labels[i]
                    self._confirm()

    def _confirm(self) -> None:
        name = " ".join(self.name.split())
        if name:
            self.dismiss(name)

    def _place(self) -> NameLayout:
        lay, text = self.app.layout(), self.app.text
        c = lay.content()
        width = min(c.width, max(lay.w // 2, 560))
        left = (lay.w - width) // 2
        head = text.block(self.heading, lay.font(TEXT.heading), self.app.theme.text, width,
                          style="bold")
        size = lay.font(TEXT.large)
        field = pygame.Rect(left, c.top + head.get_height() + lay.gap,
                            width, round(size * 2.2))
        button_w = text.font("bold", size).size("Start")[0] + 3 * size
        start = pygame.Rect(left + width - button_w, field.bottom + lay.gap, button_w,
                            round(size * 2.2))
        self.start.place(text, start, size, 0)
        small = lay.font(TEXT.known)
        top = start.bottom + lay.gap
        self.menu.place(text, pygame.Rect(left, top + small * 2, width,
                                          c.bottom - top - small * 4), small, lay.gap // 3)
        # A name that does not fit above the hint is left out rather than drawn in half.
        self.menu.rects = [r for r in self.menu.rects if r.bottom <= c.bottom - small * 2]
        return NameLayout(lay, c, head, field, size, small, left, width, top)

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        p = self._place()
        surface.fill(theme.background)
        surface.blit(p.head, (p.left, p.c.top))
        pygame.draw.rect(surface, theme.panel, p.field, border_radius=8)
        pygame.draw.rect(surface, theme.accent, p.field, width=3, border_radius=8)
        pad = p.size // 2
        shown = text.block(self.name + "|", p.size, theme.text, p.field.width - 2 * pad)
        if shown.get_height() > p.field.height - pad:     # too long for one line: its end
            shown = shown.subsurface((0, shown.get_height() - text.font("regular", p.size)
                                      .get_height(), shown.get_width(),
                                      text.font("regular", p.size).get_height()))
        surface.blit(shown, (p.field.left + pad, p.field.centery - shown.get_height() // 2))
        self.start.draw(surface, text, theme, p.size)
        if self.menu.labels:
            label = text.block("Players on this computer", p.small, theme.muted, p.width)
            surface.blit(label, (p.left, p.top))
            self.menu.draw(surface, text, theme, p.small)
        hint = text.block(HINT, p.small, theme.muted, p.c.width, align="center")
        surface.blit(hint, ((p.lay.w - hint.get_width()) // 2, p.c.bottom - hint.get_height()))
