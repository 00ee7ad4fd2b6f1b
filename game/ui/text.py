"""Text that wraps inside its box, rendered once and reused while it does not change."""
import re
from pathlib import Path

import pygame

from game import shipped
from game.memory import give_back
from game.ui.face import Coverage, Face
from game.ui.layout import largest
from game.ui.lru import LRU

FONT_DIR = shipped.FONTS
# Inter for the interface; Noto Serif for what the articles say (the quote, the article,
# the sentence's words), so the news reads as print and the game's own words as the game's.
# Both cover Latin, Greek and Cyrillic; what they lack (Chinese, Japanese, Korean) Droid Sans
# Fallback draws (see assets/README.md and game/ui/face.py).
STYLES = {"regular": "Inter-Regular.otf", "bold": "Inter-SemiBold.otf",
          "italic": "Inter-Italic.otf",
          "serif": "NotoSerif-Regular.ttf", "serif-italic": "NotoSerif-Italic.ttf",
          "serif-bold": "NotoSerif-Bold.ttf"}
# Noto Serif's line is a tenth taller than Inter's for the same size (1.36 em against 1.21):
# its lines are spaced by the same share of the size as Inter's, not of its own line.
FALLBACK = "DroidSansFallback.ttf"
BOLD = {"bold", "serif-bold"}
LEADING = {"serif": 0.89, "serif-italic": 0.89, "serif-bold": 0.89}


def leading(style: str, spacing: float) -> float:
    """The share of the font's own line between two lines' tops, in this style."""
    return spacing * LEADING.get(style, 1)


def wrap(text: str, font: Face, width: int) -> list[str]:
    """Lines no wider than width; a word too long for a line is split between letters."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        size = font.measurer(paragraph)
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if size(candidate)[0] <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            for char in word:
                if size(line + char)[0] > width and line:
                    lines.append(line)
                    line = ""
                line += char
        lines.append(line)
    return lines


# Every window size brings new font sizes and widths, so each cache is bounded; the current
# screen's entries are the most recently used, so they stay and a quiet frame renders nothing.
# A quiet frame uses at most 7 MB of blocks (largest text, projector mode, a 960x985 window;
# 2-5 MB usually): the budget holds the screen and the one before it. A bigger one bought
# nothing a player sees but cost memory: with glibc, 24 MB and 64 fonts let the monkey test's
# 20,000 events peak at 220 MB (growth 1.55) against 105-117 MB here (game.tools.bench).
BLOCK_BYTES = 12 * 2**20
WINDOWS = 2     # and at least this many windows' pixels: 17 MB at 1920x1080, 66 MB at 4K
# Fitting text tries many sizes, so a layout can touch 20-40 fonts (~0.3 MB each); opening
# one again costs well under a millisecond, and only after a resize.
FONTS = 32
FITS = 2048     # fitted sizes and heights: a number each, but keyed by the text


def weight(surface: pygame.Surface) -> int:
    return surface.get_pitch() * surface.get_height()


class Text:
    """Fonts by (style, size) and rendered blocks by everything that shapes them."""

    def __init__(self, font_dir: Path = FONT_DIR):
        self.font_dir = font_dir
        self._fonts = LRU(FONTS)
        self._blocks = LRU(BLOCK_BYTES, weight)
        self._fits = LRU(FITS)
        self._heights = LRU(FITS)
        self._coverage: dict[str, Coverage] = {}     # by file: what each face has
        self.renders = 0   # how many blocks were drawn afresh: a quiet frame adds none

    def cached_bytes(self) -> int:
        """Pixels held by the cache now."""
        return self._blocks.total

    def window_resized(self) -> None:
        """Text rendered for the old size is drawn again only if the window goes back to
        exactly that size: let it go now, in one piece, and give the memory back."""
        self._blocks.clear()
        give_back()

    def budget_now(self) -> int:
        """The bytes of pixels the cache may hold: blocks grow with the window, so a big
        window gets room for as many screens as a small one."""
        window = pygame.display.get_surface() if pygame.display.get_init() else None
        if window is None:
            return BLOCK_BYTES
        return max(BLOCK_BYTES, WINDOWS * window.get_pitch() * window.get_height())

    def _keep(self, key: tuple, surface: pygame.Surface) -> pygame.Surface:
        self._blocks.budget = self.budget_now()
        self._blocks.put(key, surface)
        self.renders += 1
        return surface

    def font(self, style: str, size: int) -> pygame.font.Font:
        key = (style, size)
        font = self._fonts.get(key)
        if font is None:
            font = Face(self.font_dir / STYLES[style], size, self._covers(STYLES[style]),
                        self.font_dir / FALLBACK, self._covers(FALLBACK), style in BOLD)
            self._fonts.put(key, font)
        return font

    def _covers(self, file: str) -> Coverage:
        coverage = self._coverage.get(file)
        if coverage is None:
            coverage = self._coverage[file] = Coverage(self.font_dir / file)
        return coverage

    def block(self, text: str, size: int, colour, width: int, style: str = "regular",
              align: str = "left", spacing: float = 1.25) -> pygame.Surface:
        key = (text, size, tuple(colour), width, style, align, spacing)
        surface = self._blocks.get(key)
        if surface is None:
            surface = self._keep(key, self._render(text, self.font(style, size), colour,
                                                   width, align, leading(style, spacing)))
        return surface

    def marked(self, text: str, marks, size: int, colour, width: int, mark_fill, mark_colour,
               style: str = "regular", spacing: float = 1.25) -> pygame.Surface:
        """A wrapped block with the character spans in marks highlighted and underlined,
        so the highlight does not rest on colour alone."""
        marks = tuple(sorted(marks))
        key = ("marked", text, marks, size, tuple(colour), width, tuple(mark_fill),
               tuple(mark_colour), style, spacing)
        surface = self._blocks.get(key)
        if surface is None:
            font = self.font(style, size)
            lines = _wrap_spans(text, font, width)
            if lines is None:    # a word wider than the box: plain text, split between letters
                return self.block(text, size, colour, width, style, spacing=spacing)
            surface = self._keep(key, self._render_marked(text, lines, marks, font, colour,
                                                          mark_fill, mark_colour,
                                                          leading(style, spacing)))
        return surface

    @staticmethod
    def _render_marked(text, lines, marks, font, colour, fill, mark_colour, spacing):
        step = round(font.get_linesize() * spacing)
        height = _block_height(font, len(lines), spacing)
        used = max((font.size(text[a:b])[0] for a, b in lines), default=0)
        surface = pygame.Surface((max(1, used), max(1, height)), pygame.SRCALPHA)
        for i, (a, b) in enumerate(lines):
            y = i * step
            surface.blit(font.render(text[a:b], True, colour), (0, y))
            for m_start, m_end in marks:
                start, end = max(a, m_start), min(b, m_end)
                if start >= end:
                    continue
                x = font.size(text[a:start])[0]
                piece = font.render(text[start:end], True, mark_colour)
                rect = pygame.Rect(x - 2, y, piece.get_width() + 4, font.get_height())
                pygame.draw.rect(surface, fill, rect, border_radius=3)
                surface.blit(piece, (x, y))
                pygame.draw.line(surface, mark_colour, (x, y + font.get_height() - 2),
                                 (x + piece.get_width(), y + font.get_height() - 2), 2)
        return surface

    def height(self, text: str, size: int, width: int, style: str = "regular",
               spacing: float = 1.25, marked: bool = False) -> int:
        """The height of block() (or, marked, of marked()) for this text, found by wrapping
        without rendering: a long document is measured whole but rendered only in view."""
        key = (text, size, width, style, spacing, marked)
        height = self._heights.get(key)
        if height is None:
            font = self.font(style, size)
            lines = _wrap_spans(text, font, width) if marked else None
            count = len(lines) if lines is not None else len(wrap(text, font, width))
            height = max(1, _block_height(font, count, leading(style, spacing)))
            self._heights.put(key, height)
        return height

    def fit(self, text: str, width: int, height: int, sizes, style: str = "regular",
            spacing: float = 1.25) -> int:
        """The largest of sizes (tried largest first) whose wrapped block fits the box.

        Remembered, as scenes ask again every frame while nothing has changed."""
        ordered = tuple(sorted(sizes, reverse=True))
        key = (text, width, height, ordered, style, spacing)
        size = self._fits.get(key)
        if size is None:
            size = self._fit(text, width, height, ordered, style, leading(style, spacing))
            self._fits.put(key, size)
        return size

    def _fit(self, text, width, height, ordered, style, spacing) -> int:
        def fits(i):    # i counts from the smallest size up
            font = self.font(style, ordered[-1 - i])
            return _block_height(font, len(wrap(text, font, width)), spacing) <= height
        return ordered[-1 - largest(0, len(ordered) - 1, fits)]

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


def _wrap_spans(text: str, font: Face, width: int) -> list[tuple[int, int]] | None:
    """Lines as (start, end) offsets into text, as wrap() breaks them; None if a word alone
    is too wide (wrap() splits such a word between letters)."""
    lines: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        start = end = None
        size = font.measurer(paragraph)
        for word in re.finditer(r"\S+", paragraph):
            a, b = word.start() + offset, word.end() + offset
            if size(text[a:b])[0] > width:
                return None
            if start is not None and size(text[start:b])[0] > width:
                lines.append((start, end))
                start = None
            start = a if start is None else start
            end = b
        lines.append((start, end) if start is not None else (offset, offset))
        offset += len(paragraph) + 1
    return lines
