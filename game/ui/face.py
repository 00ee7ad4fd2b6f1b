"""A font that draws the characters its face lacks with a fallback face, on its baseline.

Inter and Noto Serif have no Chinese, Japanese or Korean letters, and a name typed in those
scripts would otherwise show as empty boxes. Right-to-left scripts (Arabic, Hebrew) need
shaping and bidirectional reordering, which this does not do: their letters are drawn, if
a face has them, unjoined and left to right."""
from pathlib import Path

import pygame
import pygame.freetype


class Coverage:
    """Which characters one font file has, asked once per character.

    pygame.font's metrics() gives a missing glyph the .notdef box's metrics (with the
    SDL_ttf 2.24 of pygame-ce 2.5), so it cannot tell; pygame.freetype's get_metrics()
    gives None for it."""

    def __init__(self, path: Path):
        self._path, self._face = path, None     # opened when first asked about a letter
        self._has: set[str] = set()
        self._lacks: set[str] = set()

    def lacks(self, text: str) -> bool:
        """Whether some character of text is not in the file. Set operations, so a long
        line with a curly quote costs about what measuring it does."""
        if text.isascii():      # every bundled face covers ASCII: the common case stops here
            return False
        chars = set(text)
        if chars <= self._has:
            return False
        new = "".join(chars - self._has - self._lacks)
        if new:
            for char, metrics in zip(new, self._opened().get_metrics(new)):
                (self._has if metrics is not None else self._lacks).add(char)
        return not chars <= self._has

    def _opened(self) -> pygame.freetype.Font:
        if self._face is None:
            pygame.freetype.init()
            self._face = pygame.freetype.Font(self._path, 12)  # any size has the same cmap
        return self._face


_size = pygame.font.Font.size


class Face(pygame.font.Font):
    """A style's font at one size; what it lacks the fallback draws at the same size, so
    size() and render() agree and wrapping, fitting and heights stay right."""

    def __init__(self, path: Path, size: int, coverage: Coverage, fallback: Path,
                 fallback_coverage: Coverage, bold: bool = False):
        super().__init__(path, size)
        self._coverage, self._fallback_coverage = coverage, fallback_coverage
        self._fallback_path, self._bold, self._fallback = fallback, bold, None

    def size(self, text):
        # Called for every candidate line while wrapping: a plain call, not super().
        if text.isascii() or not self._coverage.lacks(text):
            return _size(self, text)
        return sum(width for _, _, width in self._runs(text)), self.get_height()

    def measurer(self, text):
        """size() for the pieces of text, as wrapping measures line after line of it: the
        face's own, with nothing checked per piece, when the face has all of text."""
        return self.size if self._coverage.lacks(text) else _size.__get__(self)

    def render(self, text, antialias, color, bgcolor=None, wraplength=0):
        if not self._coverage.lacks(text):
            return super().render(text, antialias, color, bgcolor, wraplength)
        runs = self._runs(text)
        surface = pygame.Surface((sum(width for _, _, width in runs), self.get_height()),
                                 pygame.SRCALPHA)
        if bgcolor is not None:
            surface.fill(bgcolor)
        x, baseline = 0, self.get_ascent()
        for run, font, width in runs:
            # The fallback's line is taller than Inter's, but its glyphs' ink sits inside
            # Inter's ascent and descent: on one baseline, the line keeps this face's height.
            drawn = pygame.font.Font.render(font, run, antialias, color)
            surface.blit(drawn, (x, baseline - font.get_ascent()))
            x += width
        return surface

    def _runs(self, text) -> list[tuple[str, pygame.font.Font, int]]:
        """text cut where it passes between this face and the fallback: each run, the font
        that draws it and its width. What neither face has stays with this one (its box).
        Measured and drawn as plain fonts: a run of this face must not come back here."""
        fallback = self._fallback_font()
        runs: list[tuple[str, pygame.font.Font]] = []
        for char in text:
            font = fallback if (self._coverage.lacks(char)
                                and not self._fallback_coverage.lacks(char)) else self
            if runs and runs[-1][1] is font:
                runs[-1] = (runs[-1][0] + char, font)
            else:
                runs.append((char, font))
        return [(run, font, _size(font, run)[0]) for run, font in runs]

    def _fallback_font(self) -> pygame.font.Font:
        if self._fallback is None:
            self._fallback = pygame.font.Font(self._fallback_path, self.point_size)
            self._fallback.bold = self._bold    # a bold style's name stays bold
        return self._fallback
