"""Asked before Esc does what cannot be undone: leaving a round, quitting the game."""
import pygame

from game.intents import Kind
from game.scenes.overlays import Overlay
from game.ui.layout import TEXT
from game.ui.widgets import ButtonList

LEAVE = "leave"     # a screen of a round dismissed with this: the players left the round


class ConfirmScene(Overlay):
    """A question over the screen below, with a button that does it and one that stays:
    Enter does it, Esc stays. Dismissed with True (do it) or False."""

    def __init__(self, app, question: str, detail: str, yes: str, no: str):
        super().__init__(app)
        self.question, self.detail = question, detail
        self.menu = ButtonList([yes, no], align="center")

    def handle(self, intent) -> None:
        self._place()
        if intent.kind == Kind.BACK:
            self.dismiss(False)
            return
        chosen = self.menu.handle(intent)
        if chosen is not None:
            self.dismiss(chosen == 0)

    def _place(self):
        lay, text, theme = self.app.layout(), self.app.text, self.app.theme
        box = self.panel(lay, 0.5)
        inner = box.inflate(-2 * lay.margin, 0)
        head = text.block(self.question, lay.font(TEXT.verdict), theme.text, inner.width,
                          style="bold")
        detail = text.block(self.detail, lay.font(TEXT.body), theme.text, inner.width)
        yes, no = self.menu.labels
        hint = text.block(f"Enter: {yes.lower()}   Esc: {no.lower()}", lay.font(TEXT.small),
                          theme.muted, inner.width)
        size = lay.font(TEXT.large)
        self.menu.place(text, pygame.Rect(inner.left, 0, inner.width, 0), size, lay.gap,
                        across=True)
        buttons_h = self.menu.rects[0].height
        height = head.get_height() + detail.get_height() + buttons_h + hint.get_height() \
            + 5 * lay.gap
        box.height = min(height, lay.h)
        box.centery = lay.h // 2
        y = box.top + lay.gap
        blocks = [(head, (inner.left, y))]
        y += head.get_height() + lay.gap
        blocks.append((detail, (inner.left, y)))
        y += detail.get_height() + lay.gap
        self.menu.place(text, pygame.Rect(inner.left, y, inner.width, buttons_h), size,
                        lay.gap, across=True)
        y += buttons_h + lay.gap
        blocks.append((hint, (inner.left, y)))
        return box, blocks, size

    def draw(self, surface) -> None:
        theme = self.app.theme
        box, blocks, size = self._place()
        self.dim(surface)
        pygame.draw.rect(surface, theme.panel, box, border_radius=12)
        pygame.draw.rect(surface, theme.accent, box, width=3, border_radius=12)
        for block, place in blocks:
            surface.blit(block, place)
        self.menu.draw(surface, self.app.text, theme, size)


def ask_to_leave(app, then) -> None:
    """Esc during a round: "Leave this round?"; then() is called if the players leave."""
    kept = "Your answers so far are saved." if not app.results.unsaved else \
        "Your answers so far are kept: before the game closes, it asks where to save them."
    app.push(ConfirmScene(app, "Leave this round?", kept + " The round stays unfinished.",
                          "Leave", "Stay"),
             on_result=lambda leave: leave and then())


def ask_to_quit(app, then) -> None:
    """Esc on the title: "Quit Byline?"; then() is called if the player quits."""
    kept = "Your answers and settings are saved." if not app.results.unsaved else \
        "Some answers are not saved yet: the game asks where to save them first."
    app.push(ConfirmScene(app, "Quit Byline?", kept, "Quit", "Stay"),
             on_result=lambda leave: leave and then())


class RoundButtons(ButtonList):
    """The buttons under a screen between turns: "Leave round", and the one that goes on,
    which has the focus, so that Enter presses it. Esc is "Leave round" too."""

    def __init__(self, go_on: str):
        super().__init__(["Leave round", go_on], align="center")
        self.focus = 1

    def width(self, text, size: int) -> int:
        """The width of each button, the same for both."""
        return max(text.font("bold", size).size(label)[0] for label in self.labels) + 4 * size

    def press(self, scene, intent) -> None:
        """Leave (once the players say so) or go on, if intent pressed a button."""
        if intent.kind == Kind.BACK:
            chosen = 0
        elif intent.kind == Kind.CHOOSE:
            return      # a number is an answer, never a button here
        else:
            chosen = self.handle(intent)
        if chosen == 0:
            ask_to_leave(scene.app, lambda: scene.dismiss(LEAVE))
        elif chosen == 1:
            scene.dismiss()
