"""Who is playing? A name typed, or picked from those this computer knows: the players, or,
for a whole class, the classes, each listed apart from the other.

The box starts empty: the last name is offered first in the list, and Enter or Start plays
it until something is typed. Dismissed with the name, or None."""
from dataclasses import dataclass

import pygame

from game.intents import Kind
from game.names import MAX_NAME
from game.scenes.base import Scene
from game.ui.field import TextField
from game.ui.keyboard import Keyboard
from game.ui.layout import TEXT, Layout
from game.ui.widgets import ButtonList

SHOWN = 6       # known names listed; typing the start of a name narrows the list
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
    top: int                    # where the known names start


class EntryScene(Scene):
    """A screen with a box to type in (self.field; _place() gives an EntryLayout): the
    platform's text input is on while the screen is on top, and off under another. Beside
    the box, a "Keyboard" button opens an on-screen keyboard (so does a click on the box),
    for a player with only a mouse or a touch screen."""

    def __init__(self, app):
        super().__init__(app)
        self.keyboard = Keyboard()

    def keyboard_took(self, intent, field: pygame.Rect) -> bool:
        """Whether the on-screen keyboard took the intent: what its keys type is handled
        as typed keys are. A click on the box opens it (and is still the scene's)."""
        if intent.kind == Kind.CLICK and field.collidepoint(intent.value):
            self.keyboard.show(empty=not self.field.text)
            return False
        typed = self.keyboard.handle(intent, empty=not self.field.text)
        if typed is None:
            return False
        for one in typed:
            self.handle(one)
        return True

    def place_buttons(self, field: pygame.Rect, size: int) -> None:
        """The screen's two buttons (Back and OK, or the like) in a row under the box, at
        its right end, as wide as the longer label needs."""
        text, gap = self.app.text, self.app.layout().gap
        button_w = max(text.font("bold", size).size(label)[0]
                       for label in self.buttons.labels) + 3 * size
        row_w = 2 * button_w + gap
        self.buttons.place(text, pygame.Rect(field.right - row_w, field.bottom + gap, row_w,
                                             round(size * 2.2)), size, gap, across=True)

    def begin_drawing(self, surface) -> EntryLayout:
        """The layout, with the background and the heading drawn: how each typing screen
        starts to draw."""
        p = self._place()
        surface.fill(self.app.theme.background)
        surface.blit(p.head, (p.left, p.c.top))
        return p

    def place_keyboard(self, p: EntryLayout, top: int) -> pygame.Rect:
        """The box, shortened for its "Keyboard" button; the keys go from top down."""
        text, lay = self.app.text, p.lay
        field = self.keyboard.place_button(text, p.field, lay.font(TEXT.small), lay.gap)
        self.keyboard.place(text, pygame.Rect(p.c.left, top, p.c.width, p.c.bottom - top),
                            lay.font(TEXT.label), lay.gap)
        return field

    def enter(self) -> None:
        self.field.start(self._place().field.move(0, self.app.strip_height()))

    def resume(self) -> None:
        super().resume()
        self.enter()

    def pause(self) -> None:
        super().pause()
        self.field.stop()

    def exit(self) -> None:
        self.field.stop()


class NameScene(EntryScene):
    def __init__(self, app, heading: str = "Who is playing?", classes: bool = False):
        """classes: a whole class is named, and the classes are offered, not the players."""
        super().__init__(app)
        self.heading, self.classes = heading, classes
        settings, results = app.settings, app.results
        self.last = settings.class_name if classes else settings.player
        as_class = results.classes()
        if classes:
            known = as_class
        else:
            apart = {n.casefold() for n in as_class}
            known = [n for n in results.players() if n.casefold() not in apart]
        others = [n for n in known if n.casefold() != self.last.casefold()]
        self.played = len(others) < len(known)      # the last name has played here
        self.known = [self.last] + others
        self.field = TextField(MAX_NAME)
        self.buttons = ButtonList(["Back", "Start"], align="center")
        self.buttons.focus = -1     # Enter starts, whatever is picked in the list
        self._list("")

    @property
    def name(self) -> str:
        """Who Start plays as: what is typed, else the name picked in the list."""
        typed = " ".join(self.field.text.split())
        if typed or self.menu.focus < 0:
            return typed
        return self.menu.ids[self.menu.focus]

    def _list(self, typed: str) -> None:
        """The known names that start with what is typed; with nothing typed, all of them,
        the last name first and picked."""
        typed = typed.strip().casefold()
        names = [n for n in self.known if n.casefold().startswith(typed)][:SHOWN]
        labels = [f"{n}   (last time)" if n == self.last and self.played and not typed else n
                  for n in names]
        self.menu = ButtonList(labels, ids=names)
        self.menu.focus = -1 if typed else 0

    # -- input -----------------------------------------------------------------------
    def handle(self, intent) -> None:
        p = self._place()
        kind = intent.kind
        if self.keyboard_took(intent, p.field):
            pass
        elif kind == Kind.BACK:
            self.dismiss(None)
        elif kind in (Kind.UP, Kind.DOWN):
            if self.menu.ids:     # the name picked goes in the box, selected: typing replaces it
                step = -1 if kind == Kind.UP else 1
                self.menu.focus = (self.menu.focus + step) % len(self.menu.ids)
                self.field.set(self.menu.ids[self.menu.focus])
        elif kind == Kind.NEXT:
            self._confirm(self.name)
        elif self.field.handle(intent):
            if kind in (Kind.TEXT, Kind.ERASE, Kind.DELETE):
                self._list(self.field.text)
        elif kind == Kind.CLICK:
            pressed = self.buttons.handle(intent)
            if pressed is not None:
                self.dismiss(None) if pressed == 0 else self._confirm(self.name)
            for i, rect in enumerate(self.menu.rects):
                if rect.collidepoint(intent.value):
                    self._confirm(self.menu.ids[i])

    def _confirm(self, name: str) -> None:
        name = " ".join(name.split())
        if name:
            self.dismiss(name)

    # -- layout and drawing ----------------------------------------------------------
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
        self.place_buttons(field, size)
        small = lay.font(TEXT.known)
        top = self.buttons.rects[0].bottom + lay.gap
        self.menu.place(text, pygame.Rect(left, top + small * 2, width,
                                          c.bottom - top - small * 4), small, lay.gap // 3)
        # A name that does not fit above the hint is left out rather than drawn in half.
        self.menu.rects = [r for r in self.menu.rects if r.bottom <= c.bottom - small * 2]
        p = NameLayout(lay, c, head, field, size, small, left, width, top)
        p.field = self.place_keyboard(p, top)   # under Back and Start, over the names
        return p

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        p = self.begin_drawing(surface)
        self.field.draw(surface, text, theme, p.field, p.size, placeholder="Type a name")
        self.buttons.draw(surface, text, theme, p.size)
        if self.menu.labels and not self.keyboard.open:     # the keys cover the names
            said = "Or pick a class" if self.classes else "Or pick a name"
            label = text.block(said, p.small, theme.muted, p.width)
            surface.blit(label, (p.left, p.top))
            self.menu.draw(surface, text, theme, p.small)
        hint = text.block(HINT, p.small, theme.muted, p.c.width, align="center")
        surface.blit(hint, ((p.lay.w - hint.get_width()) // 2, p.c.bottom - hint.get_height()))
        self.keyboard.draw(surface, text, theme)
