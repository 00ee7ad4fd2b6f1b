"""Colours for the two themes. Every text colour is checked against WCAG AA (4.5:1) by a test."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    name: str
    background: tuple[int, int, int]
    panel: tuple[int, int, int]
    text: tuple[int, int, int]
    muted: tuple[int, int, int]      # secondary text: hints, metadata
    accent: tuple[int, int, int]     # focus rings, selected choices
    right: tuple[int, int, int]      # with an icon and a word, never alone
    partly: tuple[int, int, int]     # partly right: named by a Verdict's value, as the others
    wrong: tuple[int, int, int]
    cue: tuple[int, int, int]        # highlighted opinion words' background
    on_accent: tuple[int, int, int]  # text drawn on the accent colour
    on_cue: tuple[int, int, int]     # text drawn on the cue highlight
    paper: tuple[int, int, int]      # a news clipping's newsprint, under the quote's text
    edge: tuple[int, int, int]       # a card's outline and shadow: never behind text
    # The answer tiles' fills, one per choice in turn; each tile has its number and shape
    # too, so no choice is known by its colour alone.
    tiles: tuple[tuple[int, int, int], ...] = ()
    on_tile: tuple[int, int, int] = (0, 0, 0)   # text and icons on a tile, pressed or not


STANDARD = Theme(
    name="standard", background=(247, 244, 237), panel=(255, 255, 255), text=(28, 30, 38),
    muted=(84, 88, 100), accent=(30, 80, 160), right=(22, 110, 60), partly=(150, 90, 0),
    wrong=(170, 40, 40),
    cue=(255, 226, 140), on_accent=(255, 255, 255), on_cue=(28, 30, 38),
    paper=(241, 235, 219), edge=(200, 192, 174),
    # Berry, blue, amber, teal: deep enough for white text, none the green or red of a verdict.
    tiles=((176, 36, 78), (25, 84, 166), (138, 86, 0), (0, 110, 118)),
    on_tile=(255, 255, 255))

HIGH_CONTRAST = Theme(
    name="high contrast", background=(0, 0, 0), panel=(18, 18, 18), text=(255, 255, 255),
    muted=(215, 215, 215), accent=(255, 220, 0), right=(90, 230, 130), partly=(255, 170, 60),
    wrong=(255, 130, 130),
    cue=(255, 220, 0), on_accent=(0, 0, 0), on_cue=(0, 0, 0),
    paper=(30, 28, 22), edge=(150, 150, 150),
    tiles=((255, 138, 170), (120, 180, 255), (255, 205, 70), (80, 220, 210)),
    on_tile=(0, 0, 0))

THEMES = {t.name: t for t in (STANDARD, HIGH_CONTRAST)}


def pressed(rgb) -> tuple[int, int, int]:
    """A fill a quarter darker: a tile held down."""
    return tuple(round(c * 0.75) for c in rgb)


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb) -> float:
    r, g, b = (_linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
