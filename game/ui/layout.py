"""Sizes that follow the window: everything is a share of its height, with floors so the
smallest window (960×540) and the largest text setting still read."""
import pygame


class Layout:
    def __init__(self, size: tuple[int, int], scale: float = 1.0, safe: bool = False):
        """safe: a projector crops and blurs the edges of the picture, so nothing that
        matters goes in the outer 5% (television's "title-safe" area); the usual margin
        already keeps more than that from the top and bottom."""
        self.w, self.h = size
        self.scale = scale
        self.margin = max(24, round(self.w * (0.05 if safe else 0.04)))
        self.gap = max(10, round(self.h * 0.02))

    def font(self, share: float, floor: int = 16) -> int:
        """A font size: share of the window height, scaled by the text-size setting."""
        return max(floor, round(self.h * share * self.scale))

    def content(self) -> pygame.Rect:
        return pygame.Rect(self.margin, self.margin, self.w - 2 * self.margin,
                           self.h - 2 * self.margin)


def largest(low: int, high: int, fits) -> int:
    """The largest size in low..high for which fits(size) holds, by bisection (text that
    fits at one size fits at every smaller one); low if none does."""
    if fits(high):
        return high
    while high - low > 1:
        middle = (low + high) // 2
        if fits(middle):
            low = middle
        else:
            high = middle
    return low
