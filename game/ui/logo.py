"""Byline's logo, drawn, not loaded: a magnifying glass over a quotation mark (reading a
quote closely) beside the name in the articles' serif, over a newspaper's thick-and-thin
rule. It fits the height the title's layout gives it, so the menu keeps its room."""
import itertools
import math
from dataclasses import dataclass

import pygame

from game.ui.layout import largest

NAME = "Byline"


def _rule(size: int) -> tuple[int, int]:
    """The thick rule's thickness, and the height the rules take under the name."""
    thick = max(2, size // 14)
    return thick, thick + max(3, size // 10) + 2


@dataclass(frozen=True)
class Logo:
    rect: pygame.Rect       # all of it: the glass, the name and the rules
    size: int               # the name's font size

    @classmethod
    def fit(cls, text, height: int, top: int, window_w: int) -> "Logo":
        """The largest logo no taller than height, centred across the window at top."""
        def fits(size):
            return text.font("serif-bold", size).get_height() + _rule(size)[1] <= height
        size = largest(8, max(8, height), fits)
        font = text.font("serif-bold", size)
        glass = cls._glass_side(font)
        width = glass + size // 4 + font.size(NAME)[0]
        return cls(pygame.Rect((window_w - width) // 2, top, width,
                               font.get_height() + _rule(size)[1]), size)

    @staticmethod
    def _glass_side(font) -> int:
        return round(font.get_ascent() * 0.9)

    def draw(self, surface, text, theme) -> None:
        font = text.font("serif-bold", self.size)
        side = self._glass_side(font)
        name = text.block(NAME, self.size, theme.text, self.rect.width, style="serif-bold")
        surface.blit(name, (self.rect.right - name.get_width(), self.rect.top))
        # The glass stands on the name's baseline.
        baseline = self.rect.top + font.get_ascent()
        self._draw_glass(surface, theme, pygame.Rect(self.rect.left, baseline - side, side,
                                                     side))
        thick, _ = _rule(self.size)
        y = self.rect.top + font.get_height() + 1
        pygame.draw.rect(surface, theme.text, (self.rect.left, y, self.rect.width, thick))
        pygame.draw.line(surface, theme.text, (self.rect.left, y + thick + max(2, thick)),
                         (self.rect.right - 1, y + thick + max(2, thick)))

    def _draw_glass(self, surface, theme, box: pygame.Rect) -> None:
        r = round(box.width * 0.36)
        centre = (box.left + r + 1, box.top + r + 1)
        ring = max(2, box.width // 11)
        # The handle, from the rim towards the bottom right corner.
        a = math.radians(45)
        start = (centre[0] + r * math.cos(a), centre[1] + r * math.sin(a))
        pygame.draw.line(surface, theme.text, start, (box.right - 2, box.bottom - 2),
                         round(ring * 1.8))
        pygame.draw.circle(surface, theme.background, centre, r)
        pygame.draw.circle(surface, theme.text, centre, r, ring)
        # An opening quotation mark in the lens: two dots with their tails, in the accent.
        dot = max(2, r // 4)
        for dx in (-dot * 1.3, dot * 1.3):
            cx, cy = centre[0] + dx, centre[1] + dot * 0.5
            pygame.draw.circle(surface, theme.accent, (cx, cy), dot)
            pygame.draw.polygon(surface, theme.accent, [
                (cx - dot, cy - dot * 0.2), (cx - dot * 0.1, cy - dot),
                (cx + dot * 0.6, cy - dot * 2.2)])


def draw_scraps(surface, theme, menu: pygame.Rect, margin: int, gap: int) -> None:
    """Beside the title's menu, where there is room: a news clipping on the left and a
    post on the right, their text only grey lines (nothing to read, nothing to click),
    so the title says what the game is about before a word is read."""
    from game.ui.card import Card
    w, h = surface.get_size()
    room = menu.left - 2 * margin
    if room < h * 0.2:
        return
    card_w = min(room, round(h * 0.3))
    card_h = min(menu.height, round(card_w * 1.1))
    top = menu.top + (menu.height - card_h) // 2
    for look, x in (("clipping", margin + (room - card_w) // 2),
                    ("post", w - margin - (room + card_w) // 2)):
        rect = pygame.Rect(x, top, card_w, card_h)
        Card(look).draw(surface, rect, theme, gap)
        inner = rect.inflate(-2 * gap, -2 * gap)
        line = max(4, card_h // 22)

        def bar(x, y, width):
            pygame.draw.rect(surface, theme.edge, (x, y, width, line), border_radius=line // 2)
        y = inner.top
        if look == "clipping":      # a masthead over its rule
            pygame.draw.rect(surface, theme.edge, (inner.left, y, inner.width * 2 // 3, line * 2))
            y += line * 3
            pygame.draw.line(surface, theme.edge, (inner.left, y), (inner.right, y), 2)
        else:                       # the author's circle and name
            pygame.draw.circle(surface, theme.edge, (inner.left + line * 2, y + line * 2),
                               line * 2)
            bar(inner.left + line * 5, y + line, inner.width // 2)
            y += line * 4
        y += line * 2
        for share in itertools.cycle((1, 0.92, 0.97, 0.88, 1, 0.6)):
            if y + line > inner.bottom - gap:
                break
            bar(inner.left, y, round(inner.width * share))
            y += line * 2
