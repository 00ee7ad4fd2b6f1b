"""One value typed for a teacher's form (a draft's explanation, its source, the article's
outlet): a heading, what the value is about, the box with the value selected (typing
replaces it), and an on-screen keyboard for a mouse alone. Dismissed with the text, or None."""
import pygame

from game.intents import Kind
from game.scenes.name import EntryLayout, EntryScene
from game.ui.field import TextField
from game.ui.layout import TEXT
from game.ui.widgets import ButtonList

HINT = "Type, then Enter: keep it   Esc: back, unchanged"


class TextEntryScene(EntryScene):
    def __init__(self, app, heading: str, about: str, value: str, limit: int = 600):
        super().__init__(app)
        self.heading, self.about = heading, about
        self.field = TextField(limit)
        self.field.set(value)
        self.buttons = ButtonList(["Back", "OK"], align="center")
        self.buttons.focus = -1

    def handle(self, intent) -> None:
        p = self._place()
        if self.keyboard_took(intent, p.field):
            return
        if intent.kind == Kind.BACK:
            self.dismiss(None)
        elif intent.kind == Kind.NEXT:
            self.dismiss(" ".join(self.field.text.split()))
        elif self.field.handle(intent):
            pass
        elif intent.kind == Kind.CLICK:
            pressed = self.buttons.handle(intent)
            if pressed is not None:
                self.dismiss(None if pressed == 0 else " ".join(self.field.text.split()))

    def _place(self) -> EntryLayout:
        lay, text, theme = self.app.layout(), self.app.text, self.app.theme
        c = lay.content()
        width = min(c.width, max(lay.w * 3 // 4, 560))
        left = (lay.w - width) // 2
        head = text.block(self.heading, lay.font(TEXT.heading), theme.text, width,
                          style="bold")
        small = lay.font(TEXT.small)
        # What the value is about, at most a sixth of the window: a long sentence is cut.
        about_h = min(text.height(self.about, small, width, "serif"), lay.h // 6)
        size = lay.font(TEXT.large)
        top = c.top + head.get_height() + lay.gap + (about_h + lay.gap if self.about else 0)
        field = pygame.Rect(left, top, width, round(size * 2.2))
        self.place_buttons(field, size)
        p = EntryLayout(lay, c, head, field, size, small, left, width)
        p.about_h = about_h
        p.field = self.place_keyboard(p, self.buttons.rects[0].bottom + lay.gap)
        return p

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        p = self.begin_drawing(surface)
        if self.about:
            about = text.block(self.about, p.small, theme.muted, p.width, style="serif")
            top = p.c.top + p.head.get_height() + p.lay.gap
            surface.blit(about, (p.left, top), area=pygame.Rect(0, 0, p.width, p.about_h))
        self.field.draw(surface, text, theme, p.field, p.size)
        self.buttons.draw(surface, text, theme, p.size)
        if not self.keyboard.open:
            hint = text.block(HINT, p.small, theme.muted, p.c.width, align="center")
            surface.blit(hint, ((p.lay.w - hint.get_width()) // 2,
                                p.c.bottom - hint.get_height()))
        self.keyboard.draw(surface, text, theme)
