"""Long text laid out once into a column of blocks, for screens that scroll (how to play,
the end-of-round review). Scenes describe what to say; this decides how it looks.

A document can be far taller than the window (the class results list every statement), so
laying it out only measures each block; a block is rendered when it comes into view, through
the text cache, whose budget keeps what is on screen and lets the rest go."""
import pygame

from game.ui import charts
from game.ui.widgets import draw_mark
from game.ui.words import WordFlow

# kind -> (share of the body size, style)
KINDS = {"title": (1.5, "bold"), "h": (1.15, "bold"), "sub": (1.0, "bold"),
         "p": (1.0, "regular"), "serif": (1.0, "serif"),
         "muted": (0.9, "regular"), "quote": (1.05, "serif-italic")}


def lay_out(text, theme, items, width: int, size: int) -> tuple[list, int]:
    """items: (kind, payload) pairs; returns [(paint, x, y, height)], where paint(surface,
    x, y) draws the block with its top left at (x, y), and the total height.

    payload is a string, except for "quote": (text, marks), "mark": (verdict, words) with
    the verdict's value ("right", "partly" or "wrong"), "words": (sentence, words, cues,
    picks), a sentence marked as the feedback marks it (game.ui.words.WordFlow),
    "bar": (label, share, note), "meter": (label, share, partly, note) and "columns":
    (label, values, low, high, note)."""
    blocks, y = [], 0
    gap = max(6, size // 2)
    for kind, payload in items:
        if kind == "gap":
            y += gap * 2
            continue
        if kind in ("mark", "quote", "words", "bar", "meter", "columns"):
            build = {"mark": _mark, "quote": _quote, "words": _words, "bar": charts.bar,
                     "meter": charts.meter,
                     "columns": charts.columns}[kind]
            height, paint = build(text, theme, *payload, size, width)
        else:
            height, paint = _paragraph(text, theme, kind, payload, size, width)
        blocks.append((paint, 0, y, height))
        y += height + gap
    return blocks, max(0, y - gap)


def _paragraph(text, theme, kind, words, size, width):
    share, style = KINDS[kind]
    size = round(size * share)
    return text.height(words, size, width, style), painter(text, theme, words, size, width,
                                                          style, muted=kind == "muted")


def painter(text, theme, words, size, width, style="regular", muted=False):
    """paint(surface, x, y): words wrapped to width, drawn with their top left at (x, y)."""
    colour = theme.muted if muted else theme.text

    def paint(surface, x, y):
        surface.blit(text.block(words, size, colour, width, style=style), (x, y))
    return paint


def _quote(text, theme, sentence, marks, size, width):
    pad = max(8, size // 2)
    inner_size, inner_w = round(size * KINDS["quote"][0]), width - 2 * pad - 4
    style = KINDS["quote"][1]
    height = text.height(sentence, inner_size, inner_w, style, marked=True) + 2 * pad

    def paint(surface, x, y):
        pygame.draw.rect(surface, theme.panel, (x, y, width, height), border_radius=8)
        pygame.draw.rect(surface, theme.accent, (x, y, 4, height))
        inner = text.marked(sentence, marks, inner_size, theme.text, inner_w, theme.cue,
                            theme.on_cue, style=style)
        surface.blit(inner, (x + pad + 4, y + pad))
    return height, paint


def _words(text, theme, sentence, words, cues, picks, size, width):
    """The sentence as written on the quote's panel, its judgment words highlighted and
    underlined and the player's picks boxed: the feedback's marks, read side by side."""
    pad = max(8, size // 2)
    flow = WordFlow(sentence, words)
    height = flow.place(text, size, width - 2 * pad - 4) + 2 * pad

    def paint(surface, x, y):
        pygame.draw.rect(surface, theme.panel, (x, y, width, height), border_radius=8)
        pygame.draw.rect(surface, theme.accent, (x, y, 4, height))
        flow.draw(surface, (x + pad + 4, y + pad), text, theme, cues=cues, picks=picks)
    return height, paint


def _mark(text, theme, mark: str, words: str, size, width):
    colour = getattr(theme, mark)
    label_size, label_w = round(size * 1.15), width - size * 2
    label_h = text.height(words, label_size, label_w, "bold")
    icon = round(size * 1.4)
    height = max(icon, label_h)

    def paint(surface, x, y):
        draw_mark(surface, pygame.Rect(x, y + (height - icon) // 2, icon, icon), mark, colour)
        label = text.block(words, label_size, colour, label_w, style="bold")
        surface.blit(label, (x + icon + size // 2, y + (height - label_h) // 2))
    return height, paint
