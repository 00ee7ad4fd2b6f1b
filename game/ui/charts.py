"""Charts drawn as blocks of a scrolling document (game.ui.doc): a bar per statement, and a
row of columns per round. Each carries its numbers in words too, so colour and length are
never the only way to read it."""
import pygame


def bar(text, theme, label: str, share: float, note: str, size: int, width: int):
    """The label, then a bar as long as share (0..1) with the note beside it."""
    pad = max(4, size // 3)
    head = text.block(label, size, theme.text, width)
    note_block = text.block(note, round(size * 0.9), theme.muted, width * 2 // 5)
    track = pygame.Rect(0, head.get_height() + pad, width * 3 // 5 - pad, round(size * 0.9))
    height = track.top + max(track.height, note_block.get_height())
    surface = pygame.Surface((width, height), pygame.SRCALPHA)
    surface.blit(head, (0, 0))
    pygame.draw.rect(surface, theme.panel, track, border_radius=4)
    pygame.draw.rect(surface, theme.muted, track, width=1, border_radius=4)
    filled = track.copy()
    filled.width = round(track.width * max(0.0, min(1.0, share)))
    if filled.width:
        pygame.draw.rect(surface, theme.accent, filled, border_radius=4)
    surface.blit(note_block, (track.right + pad, track.top))
    return surface


def columns(text, theme, label: str, values, low: float, high: float, note: str,
            size: int, width: int):
    """label | one column per value, rising from the zero line (or from low when low >= 0),
    None leaving a gap | note. values are clipped to low..high."""
    pad = max(4, size // 3)
    label_w, note_w = width * 3 // 10, width * 3 // 10
    label_block = text.block(label, size, theme.text, label_w - pad)
    note_block = text.block(note, round(size * 0.9), theme.muted, note_w - pad)
    area = pygame.Rect(label_w, 0, width - label_w - note_w - pad, round(size * 2.2))
    height = max(area.height, label_block.get_height(), note_block.get_height())
    surface = pygame.Surface((width, height), pygame.SRCALPHA)
    surface.blit(label_block, (0, 0))
    surface.blit(note_block, (width - note_w + pad, 0))
    pygame.draw.rect(surface, theme.panel, area)
    base = low if low >= 0 else 0.0

    def y_of(value):
        return area.bottom - round((value - low) / (high - low) * area.height)

    pygame.draw.line(surface, theme.muted, (area.left, y_of(base)), (area.right, y_of(base)))
    slots = max(1, len(values))
    step = area.width / slots
    for i, value in enumerate(values):
        if value is None:
            continue
        value = max(low, min(high, value))
        top, bottom = sorted((y_of(value), y_of(base)))
        rect = pygame.Rect(area.left + round(i * step + step * 0.15), top,
                           max(2, round(step * 0.7)), max(2, bottom - top))
        pygame.draw.rect(surface, theme.accent, rect)
    return surface
