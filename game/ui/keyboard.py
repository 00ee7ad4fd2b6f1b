"""An on-screen keyboard for a name box, for a player with a mouse or a touch screen and no
keyboard: letters, digits, the marks names have (O'Brien, Anne-Marie, Jr.), Space, Erase,
Shift, Enter and Done. It opens when the box is clicked or by its "Keyboard" button, sits
below the box, never over it, and types through the same intents as a real keyboard, so the
platform's text input and an input method go on working beside it."""
import pygame

from game.intents import Intent, Kind
from game.ui.keybutton import draw_key_button

# Each row: (id, label, width in key units). A letter's label follows Shift.
_ERASE, _SHIFT, _SPACE, _ENTER, _DONE = "erase", "shift", "space", "enter", "done"
ROWS = (
    [(c, c, 1) for c in "1234567890"] + [(_ERASE, "Erase", 2)],
    [(c, c, 1) for c in "qwertyuiop"] + [("-", "-", 1)],
    [(c, c, 1) for c in "asdfghjkl"] + [("'", "'", 1), (".", ".", 1)],
    [(_SHIFT, "Shift", 2)] + [(c, c, 1) for c in "zxcvbnm"] + [(",", ",", 1)],
    [(_SPACE, "Space", 6), (_ENTER, "Enter", 3), (_DONE, "Done", 3)],
)
UNITS = max(sum(w for *_, w in row) for row in ROWS)
BUTTON = "Keyboard"


class Keyboard:
    def __init__(self):
        self.open = False
        self.shift = False
        self.button = pygame.Rect(0, 0, 0, 0)   # "Keyboard", beside the box
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.keys: dict[str, pygame.Rect] = {}
        self.size = 16          # the keys' labels
        self.button_size = 16

    def show(self, empty: bool) -> None:
        """Open; a name starts with a capital, so Shift is on when the box is empty."""
        self.open, self.shift = True, empty

    # -- layout ----------------------------------------------------------------------
    def place_button(self, text, field: pygame.Rect, size: int, gap: int) -> pygame.Rect:
        """Put the "Keyboard" button at the right end of the box's row: the box, shortened."""
        width = text.font("regular", size).size(BUTTON)[0] + size
        self.button_size = size
        self.button = pygame.Rect(field.right - width, field.top, width, field.height)
        return pygame.Rect(field.left, field.top, field.width - width - gap, field.height)

    def place(self, text, area: pygame.Rect, size: int, gap: int) -> None:
        """Lay the keys out at the bottom of area (below the box), as large as they fit,
        their labels at most at size."""
        step = max(2, gap // 3)
        pad = max(step, gap // 2)
        unit = min((area.width - 2 * pad - (UNITS - 1) * step) // UNITS, round(size * 2.6))
        key_h = min(round(size * 2.2), (area.height - 2 * pad) // len(ROWS) - step)
        self.size = max(10, min(size, round(key_h * 0.45), round(unit * 0.45)))
        # The panel spans the area's width, over what is below the box; each row centred.
        height = len(ROWS) * (key_h + step) - step + 2 * pad
        self.panel = pygame.Rect(area.left, area.bottom - height, area.width, height)
        self.keys = {}
        y = self.panel.top + pad
        for row in ROWS:
            units = sum(w for *_, w in row)
            x = self.panel.centerx - (units * unit + (units - 1) * step) // 2
            for id, _, w in row:
                self.keys[id] = pygame.Rect(x, y, w * unit + (w - 1) * step, key_h)
                x += w * unit + w * step
            y += key_h + step

    def widgets(self) -> dict:
        """The "Keyboard" button, and while open each key as ("key", id): a letter by its
        lower case, or "space", "erase", "shift", "enter", "done"."""
        found = {BUTTON: self.button}
        if self.open:
            found.update({("key", id): rect for id, rect in self.keys.items()})
        return found

    # -- input -----------------------------------------------------------------------
    def handle(self, intent, empty: bool) -> list[Intent] | None:
        """What a click on the keyboard types, as the intents a real keyboard would give
        ([] for a key that types nothing, such as Shift); None if the intent was not the
        keyboard's. While open, the panel takes every click and hover over it. empty:
        whether the box is empty (a name starts with a capital)."""
        if intent.kind == Kind.CLICK and self.button.collidepoint(intent.value):
            if self.open:
                self.open = False
            else:
                self.show(empty)
            return []
        if not self.open or intent.kind not in (Kind.CLICK, Kind.HOVER) or \
                not self.panel.collidepoint(intent.value):
            return None
        if intent.kind == Kind.HOVER:
            return []
        id = next((id for id, rect in self.keys.items() if rect.collidepoint(intent.value)),
                  None)
        if id == _SHIFT:
            self.shift = not self.shift
        elif id == _DONE:
            self.open = False
        elif id == _ENTER:
            self.shift = True       # a hot seat's next name
            return [Intent(Kind.NEXT)]
        elif id == _ERASE:
            return [Intent(Kind.ERASE)]
        elif id == _SPACE:
            self.shift = True       # the next name, or the next part of one, starts capital
            return [Intent(Kind.TEXT, " ")]
        elif id is not None:
            typed = id.upper() if self.shift else id
            self.shift = False
            return [Intent(Kind.TEXT, typed)]
        return []

    # -- drawing ---------------------------------------------------------------------
    def draw(self, surface, text, theme) -> None:
        """The "Keyboard" button; and the keys, when open."""
        draw_key_button(surface, text, theme, self.button, BUTTON, self.button_size, self.open)
        if not self.open:
            return
        pygame.draw.rect(surface, theme.background, self.panel)
        pygame.draw.line(surface, theme.accent, self.panel.topleft, self.panel.topright, 2)
        for row in ROWS:
            for id, label, _ in row:
                if len(label) == 1 and self.shift:
                    label = label.upper()
                draw_key_button(surface, text, theme, self.keys[id], label, self.size,
                                id == _SHIFT and self.shift)
