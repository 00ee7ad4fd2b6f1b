"""Long text laid out once into a column of blocks, for screens that scroll (how to play,
the end-of-round review). Scenes describe what to say; this decides how it looks."""
import pygame

from game.ui.widgets import draw_mark

# kind -> (share of the body size, style)
KINDS = {"title": (1.5, "bold"), "h": (1.15, "bold"), "p": (1.0, "regular"),
         "muted": (0.9, "regular"), "quote": (1.05, "italic")}


def lay_out(text, theme, items, width: int, size: int) -> tuple[list, int]:
    """items: (kind, payload) pairs; returns [(surface, x, y)] and the total height.

    payload is a string, except for "quote": (text, marks), "mark": (right, words),
    "bar": (label, share, note) and "columns": (label, values, low, high, note)."""
    blocks, y = [], 0
    gap = max(6, size // 2)
    for kind, payload in items:
        if kind == "gap":
            y += gap * 2
            continue
        if kind == "mark":
            block = _mark(text, theme, *payload, size, width)
        elif kind == "quote":
            block = _quote(text, theme, *payload, size, width)
        elif kind in ("bar", "columns"):
            from game.ui import charts
            block = getattr(charts, kind)(text, theme, *payload, size, width)
        else:
            share, style = KINDS[kind]
            colour = theme.muted if kind == "muted" else theme.text
            block = text.block(payload, round(size * share), colour, width, style=style)
        blocks.append((block, 0, y))
        y += block.get_height() + gap
    return blocks, max(0, y - gap)


def _quote(text, theme, sentence, marks, size, width) -> pygame.Surface:
    pad = max(8, size // 2)
    inner = text.marked(sentence, marks, round(size * KINDS["quote"][0]), theme.text,
                        width - 2 * pad - 4, theme.cue, theme.on_cue, style="italic")
    surface = pygame.Surface((width, inner.get_height() + 2 * pad), pygame.SRCALPHA)
    pygame.draw.rect(surface, theme.panel, surface.get_rect(), border_radius=8)
    pygame.draw.rect(surface, theme.accent, (0, 0, 4, surface.get_height()))
    surface.blit(inner, (pad + 4, pad))
    return surface


def _mark(text, theme, right: bool, words: str, size, width) -> pygame.Surface:
    colour = theme.right if right else theme.wrong
    label = text.block(words, round(size * 1.15), colour, width - size * 2, style="bold")
    icon = round(size * 1.4)
    surface = pygame.Surface((width, max(icon, label.get_height())), pygame.SRCALPHA)
    draw_mark(surface, pygame.Rect(0, (surface.get_height() - icon) // 2, icon, icon), right,
              colour)
    surface.blit(label, (icon + size // 2, (surface.get_height() - label.get_height()) // 2))
    return surface
