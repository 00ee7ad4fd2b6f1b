"""Sizes that follow the window: everything is a share of its height, with floors so the
smallest window (960×540) and the largest text setting still read."""
from dataclasses import dataclass

import pygame


@dataclass(frozen=True)
class TextSizes:
    """The font sizes the screens use, as shares of the window height, least first; use
    them through Layout.font, which scales them by the text-size setting."""

    hint: float = 0.024         # key hints, notes, the banner: the least set on purpose
    small: float = 0.026        # a question's source line and hint, a status line
    known: float = 0.028        # the players listed under the name being typed
    text: float = 0.03          # a document's paragraphs, buttons under a document
    label: float = 0.032        # a question's top bar, form rows, the round's end buttons
    tagline: float = 0.033      # the title's tag line
    body: float = 0.034         # a prompt, its choices, the feedback's explanation (and the
                                # hot seat's answer screen's, never smaller)
    large: float = 0.036        # a name being typed; menus and boards at their largest
    aside: float = 0.04         # the heading over the sentences around a quote
    verdict: float = 0.045      # "Right", "How sure are you?", "Question 3: the answer"
    heading: float = 0.05       # a screen's heading; a quote at its largest
    place: float = 0.06         # the podium's places
    display: float = 0.07       # "Your turn, Aisha", and the feedback's tick or cross


TEXT = TextSizes()


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
