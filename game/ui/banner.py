"""What the game says over every screen: a banner that goes after a few seconds (files
read again, results saved again) and the strip that stays while answers are not saved."""
import pygame

from game.ui.layout import TEXT, Layout


class Banner:
    def __init__(self):
        self.text, self.warning, self.left = "", False, 0.0

    @property
    def showing(self) -> str:
        """The words on screen now, or ""."""
        return self.text if self.left > 0 else ""

    def show(self, text: str, warning: bool = False, seconds: float = 8.0) -> None:
        self.text, self.warning, self.left = text, warning, seconds

    def update(self, dt: float) -> None:
        self.left = max(0.0, self.left - dt)

    def draw(self, surface, lay: Layout, theme, text) -> None:
        """At the top of the scenes' area, over whatever screen is showing."""
        if not self.showing:
            return
        block = text.block(self.text, lay.font(TEXT.hint), theme.wrong if self.warning else
                           theme.text, lay.w - 2 * lay.margin)
        panel = pygame.Rect(0, 0, lay.w, block.get_height() + lay.gap)
        pygame.draw.rect(surface, theme.panel, panel)
        pygame.draw.line(surface, theme.wrong if self.warning else theme.accent,
                         panel.bottomleft, panel.bottomright, width=3)
        surface.blit(block, (lay.margin, lay.gap // 2))


class Strip:
    """A warning above every screen for as long as it holds: the scenes draw below it."""

    def __init__(self):
        self._shape: tuple | None = None     # what shaped the strip, and its height

    @staticmethod
    def _safe_top(size, projector: bool) -> int:
        """A projector crops the picture's edges: the words start below the top 5%."""
        return round(size[1] * 0.05) if projector else 0

    def height(self, words: str | None, size, scale: float, projector: bool, text) -> int:
        if words is None:
            return 0
        shape = (words, tuple(size), scale, projector)
        if self._shape is None or self._shape[0] != shape:
            lay = Layout(size, scale, projector)
            height = text.height(words, lay.font(TEXT.hint), lay.w - 2 * lay.margin)
            self._shape = (shape, self._safe_top(size, projector) + height + lay.gap)
        return self._shape[1]

    def draw(self, surface, words: str, height: int, scale: float, projector: bool, theme,
             text) -> None:
        lay = Layout(surface.get_size(), scale, projector)
        panel = pygame.Rect(0, 0, lay.w, height)
        pygame.draw.rect(surface, theme.panel, panel)
        pygame.draw.line(surface, theme.wrong, panel.bottomleft, panel.bottomright, width=3)
        block = text.block(words, lay.font(TEXT.hint), theme.wrong, lay.w - 2 * lay.margin)
        top = self._safe_top(surface.get_size(), projector)
        surface.blit(block, (lay.margin, top + (height - top - block.get_height()) // 2))
