"""Text that wraps inside its box, rendered once and reused while it does not change."""
from pathlib import Path

import pygame

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
STYLES = {"regular": "Inter-Regular.otf", "bold": "Inter-SemiBold.otf",
          "italic": "Inter-Italic.otf"}


def wrap(text: str, font: pygame.font.Font, width: int) -> list[str]:
    """Lines no wider than width; a word too long for a line is split between letters."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if font.size(candidate)[0] <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            for char in word:
                if font.size(line + char)[0] > width and line:
                    lines.append(line)
                    line = ""
                line += char
        lines.append(line)
    return lines


class Text:
    """Fonts by (style, size) and rendered blocks by everything that shapes them."""

    def __init__(self, font_dir: Path = FONT_DIR):
        self.font_dir = font_dir
        self._fonts: dict[tuple[str, int], pygame.font.Font] = {}
        self._blocks: dict[tuple, pygame.Surface] = {}
        self._fits: dict[tuple, int] = {}
        self.renders = 0   # how many blocks were drawn afresh: a quiet frame adds none

    def font(self, style: str, size: int) -> pygame.font.Font:
        key = (style, size)
        if key not in self._fonts:
            self._fonts[key] = pygame.font.Font(self.font_dir / STYLES[style], size)
        return self._fonts[key]

    def block(self, text: str, size: int, colour, width: int, style: str = "regular",
              align: str = "left", spacing: float = 1.25) -> pygame.Surface:
        key = (text, size, tuple(colour), width, style, align, spacing)
        surface = self._blocks.get(key)
        if surface is None:
            surface = self._render(text, self.font(style, size), colour, width, align, spacing)
            self._blocks[key] = surface
            self.renders += 1
        return surface

    def fit(self, text: str, width: int, height: int, sizes, style: str = "regular",
            spacing: float = 1.25) -> int:
        """The largest of sizes (tried largest first) whose wrapped block fits the box.

        Remembered, as scenes ask again every frame while nothing has changed."""
        ordered = tuple(sorted(sizes, reverse=True))
        key = (text, width, height, ordered, style, spacing)
        if key not in self._fits:
            self._fits[key] = self._fit(text, width, height, ordered, style, spacing)
        return self._fits[key]

    def _fit(self, text, width, height, ordered, style, spacing) -> int:
        for size in ordered:
            font = self.font(style, size)
            lines = wrap(text, font, width)
            if _block_height(font, len(lines), spacing) <= height:
                return size
        return ordered[-1]

    @staticmethod
    def _render(text, font, colour, width, align, spacing) -> pygame.Surface:
        lines = wrap(text, font, width)
        step = round(font.get_linesize() * spacing)
        height = _block_height(font, len(lines), spacing)
        used = max((font.size(line)[0] for line in lines), default=0)
        surface = pygame.Surface((max(1, min(width, used)), max(1, height)), pygame.SRCALPHA)
        for i, line in enumerate(lines):
            rendered = font.render(line, True, colour)
            x = {"left": 0, "center": (surface.get_width() - rendered.get_width()) // 2,
                 "right": surface.get_width() - rendered.get_width()}[align]
            surface.blit(rendered, (x, i * step))
        return surface


def _block_height(font: pygame.font.Font, lines: int, spacing: float) -> int:
    if not lines:
        return 0
    return round(font.get_linesize() * spacing) * (lines - 1) + font.get_height()
