"""Save answers the results file refused in another folder: a USB stick, the Desktop, or a
folder typed in. Offered at the end of a round while answers wait in memory."""
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.intents import Kind
from game.scenes.base import Scene
from game.store.rescue import folders, subfolder
from game.ui.field import TextField
from game.ui.layout import TEXT
from game.ui.widgets import ButtonList

TYPE = "Type a folder…"
BACK = "Back"
MAX_PATH = 300
HINTS = {"pick": "↑↓ Enter or click: choose   Esc: back",
         "type": "Type the folder   Enter: save there   Esc: back to the list"}


@dataclass
class SaveLayout:
    c: pygame.Rect              # the content area
    head: pygame.Surface
    hint: pygame.Surface
    body: pygame.Surface        # what went wrong, or what saving did
    top: int                    # where the body starts
    area: pygame.Rect           # the folders to pick, or the field to type one in
    size: int                   # their text size


class SaveScene(Scene):
    def __init__(self, app):
        super().__init__(app)
        self.places = folders()[:5]
        self.typing = False
        self.typed = TextField(MAX_PATH)
        self.status: tuple[str, bool] | None = None      # (what happened, it worked)
        self._menu()

    def _menu(self) -> None:
        done = self.status is not None and self.status[1]
        labels = [BACK] if done else [str(p) for p in self.places] + [TYPE, BACK]
        self.menu = ButtonList(labels, numbered=not done)

    def handle(self, intent) -> None:
        self._place()
        if self.typing:
            self._handle_typing(intent)
            return
        if intent.kind == Kind.BACK:
            self.dismiss()
            return
        chosen = self.menu.handle(intent)
        if chosen is None:
            return
        label = self.menu.labels[chosen]
        if label == BACK:
            self.dismiss()
        elif label == TYPE:
            self.typing = True
            self.typed.start(self._field(self._place()).move(0, self.app.strip_height()))
        else:
            self._save(self.places[chosen])

    def _handle_typing(self, intent) -> None:
        if intent.kind == Kind.BACK:
            self.typing = False
            self.typed.stop()
        elif intent.kind == Kind.NEXT and self.typed.text.strip():
            self.typing = False
            self.typed.stop()
            self._save(Path(self.typed.text.strip()).expanduser())
        else:
            self.typed.handle(intent)

    def exit(self) -> None:
        self.typed.stop()

    @staticmethod
    def _field(p) -> pygame.Rect:
        return pygame.Rect(p.area.left, p.area.top, p.area.width, round(p.size * 2.2))

    def _save(self, folder: Path) -> None:
        path, message = self.app.results.save_elsewhere(subfolder(folder))
        self.status = (message, path is not None)
        self._menu()

    def _body(self) -> str:
        results = self.app.results
        if self.status is not None:
            return self.status[0]
        return (f"{results.unsaved} answer(s) could not be saved in {results.path}: "
                f"{results.trouble}. Pick a folder (a USB stick works) and Byline saves them "
                "there in a folder of their own, for your teacher.")

    def _place(self) -> SaveLayout:
        lay, text, theme = self.app.layout(), self.app.text, self.app.theme
        c = lay.content()
        head = text.block("Save the answers somewhere else", lay.font(TEXT.heading), theme.text,
                          c.width, style="bold")
        hint = text.block(HINTS["type" if self.typing else "pick"], lay.font(TEXT.hint),
                          theme.muted, c.width, align="center")
        top = c.top + head.get_height() + lay.gap
        bottom = c.bottom - hint.get_height() - lay.gap
        colour = theme.text if self.status is None else (
            theme.right if self.status[1] else theme.wrong)
        sizes = range(14, lay.font(TEXT.text) + 1)
        body = text.block(self._body(), text.fit(self._body(), c.width, (bottom - top) // 3,
                                                 sizes), colour, c.width)
        area = pygame.Rect(c.left, top + body.get_height() + lay.gap, c.width,
                           bottom - top - body.get_height() - lay.gap)
        if self.typing:
            self.menu.rects = []
            size = sizes[-1]
        else:
            size = self.menu.fit(text, area, sizes, lay.gap // 2)
        return SaveLayout(c, head, hint, body, top, area, size)

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        p = self._place()
        c = p.c
        surface.fill(theme.background)
        surface.blit(p.head, c.topleft)
        surface.blit(p.body, (c.left, p.top))
        if self.typing:
            self.typed.draw(surface, text, theme, self._field(p), p.size,
                            placeholder="/media/usb or ~/Desktop")
        else:
            self.menu.draw(surface, text, theme, p.size)
        surface.blit(p.hint, ((surface.get_width() - p.hint.get_width()) // 2,
                              c.bottom - p.hint.get_height()))
