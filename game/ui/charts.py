"""Charts drawn as blocks of a scrolling document (game.ui.doc): a bar per statement, a
meter per skill, and a row of columns per round. Each carries its numbers in words too, so
colour and length are never the only way to read it.

Each returns its height and a function painting it at (x, y), as game.ui.doc expects."""
import pygame


def bar(text, theme, label: str, share: float, note: str, size: int, width: int):
    """The label, then a bar as long as share (0..1) with the note beside it."""
    pad = max(4, size // 3)
    note_size, note_w = round(size * 0.9), width * 2 // 5
    head_h = text.height(label, size, width)
    track = pygame.Rect(0, head_h + pad, width * 3 // 5 - pad, round(size * 0.9))
    height = track.top + max(track.height, text.height(note, note_size, note_w))

    def paint(surface, x, y):
        surface.blit(text.block(label, size, theme.text, width), (x, y))
        at = track.move(x, y)
        pygame.draw.rect(surface, theme.panel, at, border_radius=4)
        pygame.draw.rect(surface, theme.muted, at, width=1, border_radius=4)
        filled = at.copy()
        filled.width = round(track.width * max(0.0, min(1.0, share)))
        if filled.width:
            pygame.draw.rect(surface, theme.accent, filled, border_radius=4)
        surface.blit(text.block(note, note_size, theme.muted, note_w), (at.right + pad, at.top))
    return height, paint


def meter(text, theme, label: str, share: float, partly: float, note: str, size: int,
          width: int):
    """The label with the note at the right of its line (under it when both do not fit),
    then a bar across the whole width: share (0..1) filled, then partly (0..1) in the
    partly-right colour, which the note names in words."""
    pad = max(4, size // 3)
    note_size = round(size * 0.9)
    label_w = text.font("regular", size).size(label)[0]
    note_w = text.font("regular", note_size).size(note)[0]
    beside = label_w + pad * 3 + note_w <= width
    head_h = text.height(label, size, width)
    note_h = 0 if beside else text.height(note, note_size, width)
    track = pygame.Rect(0, head_h + note_h + pad, width, round(size * 0.7))

    def paint(surface, x, y):
        surface.blit(text.block(label, size, theme.text, width), (x, y))
        words = text.block(note, note_size, theme.muted, width)
        surface.blit(words, (x + width - words.get_width(), y + head_h - words.get_height())
                     if beside else (x, y + head_h))
        at = track.move(x, y)
        pygame.draw.rect(surface, theme.panel, at, border_radius=4)
        left = at.left
        for part, colour in ((share, theme.accent), (partly, theme.partly)):
            w = round(track.width * max(0.0, min(1.0, part)))
            if w:
                pygame.draw.rect(surface, colour, (left, at.top, w, at.height), border_radius=4)
            left += w
        pygame.draw.rect(surface, theme.muted, at, width=1, border_radius=4)
    return track.bottom, paint


def columns(text, theme, label: str, values, low: float, high: float, note: str,
            size: int, width: int):
    """label | one column per value, rising from the zero line (or from low when low >= 0),
    None leaving a gap | note. values are clipped to low..high."""
    pad = max(4, size // 3)
    label_w, note_w = width * 3 // 10, width * 3 // 10
    note_size = round(size * 0.9)
    area = pygame.Rect(label_w, 0, width - label_w - note_w - pad, round(size * 2.2))
    height = max(area.height, text.height(label, size, label_w - pad),
                 text.height(note, note_size, note_w - pad))
    base = low if low >= 0 else 0.0

    def y_of(value):
        return area.bottom - round((value - low) / (high - low) * area.height)

    def paint(surface, x, y):
        surface.blit(text.block(label, size, theme.text, label_w - pad), (x, y))
        surface.blit(text.block(note, note_size, theme.muted, note_w - pad),
                     (x + width - note_w + pad, y))
        clip = surface.get_clip()   # the block's own edge, as when it was a surface of its own:
        surface.set_clip(clip.clip((x, y, width, height)))   # a zero line there is not drawn
        at = area.move(x, y)
        pygame.draw.rect(surface, theme.panel, at)
        pygame.draw.line(surface, theme.muted, (at.left, y + y_of(base)),
                         (at.right, y + y_of(base)))
        slots = max(1, len(values))
        step = area.width / slots
        for i, value in enumerate(values):
            if value is None:
                continue
            value = max(low, min(high, value))
            top, bottom = sorted((y + y_of(value), y + y_of(base)))
            rect = pygame.Rect(at.left + round(i * step + step * 0.15), top,
                               max(2, round(step * 0.7)), max(2, bottom - top))
            pygame.draw.rect(surface, theme.accent, rect)
        surface.set_clip(clip)
    return height, paint
