"""One line of typed text that behaves as text boxes do everywhere: a cursor, a selection
that typing replaces, ←→ Home End, Backspace and Delete, Ctrl+A; the characters come from
the platform's text input, so every keyboard layout, an input method (its composition is
shown underlined until it is committed) and an on-screen keyboard all type here."""
import pygame

from game.intents import Kind
from game.names import drawable

WIDE = 100_000      # a width no line reaches: the field's text on one line


class TextField:
    def __init__(self, limit: int):
        self.limit = limit
        self.text = ""
        self.cursor = self.anchor = 0     # the selection runs from anchor to cursor
        self.composing = ""               # an input method's text, not yet typed

    def set(self, text: str, selected: bool = True) -> None:
        """Put text in the box, all of it selected (so typing replaces it), or the cursor
        after it."""
        self.text = text[:self.limit]
        self.cursor = len(self.text)
        self.anchor = 0 if selected else self.cursor
        self.composing = ""

    @property
    def selection(self) -> tuple[int, int]:
        return min(self.anchor, self.cursor), max(self.anchor, self.cursor)

    def handle(self, intent) -> bool:
        """Whether the intent was the field's: it typed, erased or moved the cursor."""
        kind, (start, end) = intent.kind, self.selection
        if kind == Kind.TEXT:
            self.composing = ""
            typed = "".join(c for c in intent.value if drawable(c))
            room = self.limit - (len(self.text) - (end - start))
            self._replace(typed[:max(0, room)])
        elif kind == Kind.COMPOSE:
            self.composing = intent.value
        elif kind in (Kind.ERASE, Kind.DELETE):
            if start == end:    # nothing selected: the character before or after the cursor
                start, end = (max(0, start - 1), end) if kind == Kind.ERASE \
                    else (start, min(len(self.text), end + 1))
            self.anchor, self.cursor = start, end
            self._replace("")
        elif kind in (Kind.LEFT, Kind.RIGHT):
            step = -1 if kind == Kind.LEFT else 1
            moved = (start if step < 0 else end) if start != end else self.cursor + step
            self.cursor = self.anchor = min(max(0, moved), len(self.text))
        elif kind in (Kind.HOME, Kind.END):
            self.cursor = self.anchor = 0 if kind == Kind.HOME else len(self.text)
        elif kind == Kind.SELECT_ALL:
            self.anchor, self.cursor = 0, len(self.text)
        else:
            return False
        return True

    def _replace(self, typed: str) -> None:
        start, end = self.selection
        self.text = self.text[:start] + typed + self.text[end:]
        self.cursor = self.anchor = start + len(typed)

    # -- the platform's text input -----------------------------------------------------
    @staticmethod
    def start(rect: pygame.Rect) -> None:
        """Ask for typed text, near rect (window coordinates): an input method's window
        opens there, and a platform with an on-screen keyboard shows it."""
        pygame.key.start_text_input()
        pygame.key.set_text_input_rect(rect)

    @staticmethod
    def stop() -> None:
        """No more typing: an on-screen keyboard goes away."""
        pygame.key.stop_text_input()

    # -- drawing ---------------------------------------------------------------------
    def draw(self, surface, text, theme, rect: pygame.Rect, size: int,
             placeholder: str = "", focused: bool = True) -> None:
        """The text in rect on one line, scrolled so the cursor shows; the selection in the
        accent colour, the composition underlined, the cursor a bar. Without the focus, a
        thin edge and no cursor."""
        pygame.draw.rect(surface, theme.panel, rect, border_radius=8)
        pygame.draw.rect(surface, theme.accent if focused else theme.muted, rect,
                         width=3 if focused else 1, border_radius=8)
        pad = size // 2
        inner = rect.inflate(-2 * pad, 0)
        font = text.font("regular", size)
        top = rect.centery - font.get_height() // 2
        before = self.text[:self.cursor] + self.composing
        shown = before + self.text[self.cursor:]
        caret = font.size(before)[0]
        shift = max(0, caret + 2 - inner.width)      # the end of a long name stays in view
        x = inner.left - shift
        clip = surface.get_clip()
        surface.set_clip(inner.inflate(2, 0).clip(clip))
        if not shown:
            surface.blit(text.block(placeholder, size, theme.muted, WIDE), (x + 4, top))
        start, end = self.selection
        if start != end:
            a, b = font.size(self.text[:start])[0], font.size(self.text[:end])[0]
            pygame.draw.rect(surface, theme.accent, (x + a, top, b - a, font.get_height()))
        surface.blit(text.block(shown, size, theme.text, WIDE), (x, top))
        if start != end:
            chosen = text.block(self.text[start:end], size, theme.on_accent, WIDE)
            surface.blit(chosen, (x + font.size(self.text[:start])[0], top))
        if self.composing:
            a = font.size(self.text[:self.cursor])[0]
            line_y = top + font.get_height() - 1
            pygame.draw.line(surface, theme.text, (x + a, line_y), (x + caret, line_y), 2)
        if focused:
            pygame.draw.line(surface, theme.text, (x + caret, top),
                             (x + caret, top + font.get_height()), 2)
        surface.set_clip(clip)
