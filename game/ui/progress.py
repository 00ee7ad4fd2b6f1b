"""How a round is going, in the question's top bar: a dot per question (each answered one
with its verdict's icon, as the engine judged it; the one on screen ringed; those to come
hollow), and a small flame beside a streak."""
from dataclasses import dataclass

import pygame

from game.ui.widgets import draw_mark

LEAST = 12      # px: a dot's smallest diameter, where its icon can still be told apart
FLAME_FROM = 2  # right answers in a row before the flame shows: one is not yet a streak


@dataclass(frozen=True)
class Dot:
    rect: pygame.Rect
    mark: str | None    # the verdict's value ("right", "partly", "wrong"); None: not answered
    current: bool       # the question on screen


@dataclass(frozen=True)
class Progress:
    dots: list[Dot]                 # none when the top bar has no room for them
    flame: pygame.Rect | None       # beside the streak, from FLAME_FROM right in a row


@dataclass(frozen=True)
class TopBar:
    """The question's top bar, laid out for one frame."""

    left: pygame.Surface            # whose turn, which question
    right: pygame.Surface           # the clock, the score, the streak
    right_x: int
    progress: Progress


def lay_dots(marks: list, current: int, room: pygame.Rect, size: int) -> list[Dot]:
    """A dot per mark, centred in room, size across; closer and smaller when room is
    short, down to LEAST; none at all when even those do not fit (the heading's
    "Question 3 of 10" then says where the round is)."""
    n = len(marks)
    for d in range(max(LEAST, size), LEAST - 1, -1):
        gap = max(2, d // 3)
        ring = max(2, d // 6)       # the current dot's ring, round the dot
        width = n * d + (n - 1) * gap + 2 * ring
        if width <= room.width and d + 2 * ring <= room.height:
            x = room.left + (room.width - width) // 2 + ring
            y = room.centery - d // 2
            return [Dot(pygame.Rect(x + i * (d + gap), y, d, d), mark, i == current)
                    for i, mark in enumerate(marks)]
    return []


def draw_dots(surface, dots: list[Dot], theme) -> None:
    for dot in dots:
        if dot.mark is None:
            pygame.draw.circle(surface, theme.muted, dot.rect.center, dot.rect.width // 2,
                               width=max(1, dot.rect.width // 8))
        else:
            draw_mark(surface, dot.rect, dot.mark, getattr(theme, dot.mark))
        if dot.current:
            ring = max(2, dot.rect.width // 6)
            pygame.draw.circle(surface, theme.accent, dot.rect.center,
                               dot.rect.width // 2 + ring + 1, width=ring)


def flame_size(line_height: int) -> tuple[int, int]:
    """The flame's width and height beside text of this line height."""
    return round(line_height * 0.6), round(line_height * 0.8)


def draw_flame(surface, rect: pygame.Rect, theme) -> None:
    """A flame: an amber tongue (the partly-right colour, which reads on the background)
    round a yellow heart."""
    def tongue(r: pygame.Rect) -> list:
        w, h = r.width, r.height
        return [(r.left + w * x, r.top + h * y) for x, y in (
            (0.55, 0.0), (0.75, 0.25), (0.95, 0.5), (1.0, 0.72), (0.85, 0.92), (0.5, 1.0),
            (0.15, 0.92), (0.0, 0.72), (0.08, 0.45), (0.3, 0.3), (0.4, 0.45))]
    pygame.draw.polygon(surface, theme.partly, tongue(rect))
    inner = pygame.Rect(0, 0, rect.width * 11 // 20, rect.height // 2)
    inner.midbottom = (rect.centerx, rect.bottom - rect.height // 12)
    pygame.draw.polygon(surface, theme.cue, tongue(inner))
