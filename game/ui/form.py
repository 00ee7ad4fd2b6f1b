"""Rows of toggles, choices and buttons in a grid, driven the same way by keyboard and mouse.

Used by round setup, settings and the hot seat's players. Up/Down move within a column,
Left/Right across a row, Tab through every row in the order they were given; on a choice,
Left/Right change it and stop at its ends (Space or Enter go round to the first again);
Space or Enter toggles a box or presses a button."""
from dataclasses import dataclass, field

import pygame

from game.intents import Kind
from game.ui.layout import largest
from game.ui.widgets import draw_tick


@dataclass
class Row:
    kind: str                      # header, toggle, choice, button, text (a value shown
                                   # in its label, which pressing asks to change)
    label: str
    key: object = None             # what the scene calls this row
    value: object = None           # toggle: bool; choice: index into options
    options: tuple[str, ...] = ()
    cell: tuple[int, int] = (0, 0)   # (column, grid row)
    span: int = 1                  # columns the row spans
    rect: pygame.Rect = field(default_factory=pygame.Rect)

    def columns(self) -> range:
        return range(self.cell[0], self.cell[0] + self.span)


class Form:
    def __init__(self, rows: list[Row], columns: int = 1):
        self.rows = rows
        self.columns = columns
        # -1: nothing in the form has the focus (a text field beside it has)
        self.focus = next(i for i, r in enumerate(rows) if r.kind != "header")
        self._placed = None     # (area, sizes) of the last layout, and its font size

    def row(self, key) -> Row:
        return next(r for r in self.rows if r.key == key)

    def widgets(self) -> dict:
        """Each row a player can press, by its key."""
        return {r.key: r.rect for r in self.rows if r.kind != "header"}

    # -- layout ----------------------------------------------------------------
    def place(self, text, area: pygame.Rect, sizes) -> int:
        """Lay the grid out in area with the largest font size that fits; returns it.
        Labels never change, so a layout holds until the area does."""
        key = (tuple(area), tuple(sizes))
        if self._placed is None or self._placed[0] != key:
            sizes = sorted(sizes)
            best = largest(sizes[0], sizes[-1], lambda size: self._place(text, area, size))
            self._place(text, area, best)
            self._placed = (key, best)
        return self._placed[1]

    def place_at(self, text, area: pygame.Rect, size: int) -> bool:
        """Lay the grid out in area at size, whatever was placed before (for a page that
        chooses the size itself, as the question page does for its answers); whether it
        fits."""
        self._placed = None
        return self._place(text, area, size)

    def _place(self, text, area, size) -> bool:
        pad, gap = max(6, size // 3), max(4, size // 4)
        col_w = (area.width - gap * (self.columns - 1)) // self.columns
        heights: dict[int, int] = {}
        for r in self.rows:
            width = col_w * r.span + gap * (r.span - 1)
            style = "bold" if r.kind == "header" else "regular"
            if self._under(text, r, size, width):
                h = text.height(r.label, size, width - 2 * pad, style) \
                    + max(text.height(o, size, width - 2 * pad, "bold") for o in r.options)
            else:
                label_w = width - 2 * pad - self._value_width(text, r, size)
                h = text.height(r.label, size, max(label_w, size), style)
            heights[r.cell[1]] = max(heights.get(r.cell[1], 0), h + 2 * pad)
        tops, y = {}, area.top
        for grid_row in sorted(heights):
            tops[grid_row] = y
            y += heights[grid_row] + gap
        for r in self.rows:
            col, grid_row = r.cell
            r.rect = pygame.Rect(area.left + col * (col_w + gap), tops[grid_row],
                                 col_w * r.span + gap * (r.span - 1), heights[grid_row])
        return y - gap <= area.bottom

    @classmethod
    def _under(cls, text, row: Row, size: int, width: int) -> bool:
        """Whether a choice's value goes under its label, not beside it: when beside it
        would leave the label less than a third of the row (a narrow column), or less
        than its longest word (which would be cut)."""
        if row.kind != "choice":
            return False
        room = width - 2 * max(6, size // 3) - cls._value_width(text, row, size)
        longest = max(text.font("regular", size).size(w)[0] for w in row.label.split())
        return room < (width - 2 * max(6, size // 3)) // 3 or room < longest

    @staticmethod
    def _value_width(text, row: Row, size: int) -> int:
        if row.kind == "toggle":
            return size + size // 2
        if row.kind == "choice":
            return max(text.font("bold", size).size(f"‹  {o}  ›")[0] for o in row.options) \
                + size // 2
        return 0

    # -- input -----------------------------------------------------------------
    def handle(self, intent) -> Row | None:
        """The row this intent changed or pressed, if any."""
        kind = intent.kind
        focused = self.rows[self.focus] if self.focus >= 0 else None
        if kind in (Kind.UP, Kind.DOWN):
            self.step(kind)
        elif kind == Kind.TAB:
            self._walk(intent.value or 1)
        elif kind in (Kind.LEFT, Kind.RIGHT):
            if focused is not None and focused.kind == "choice":
                return self._change(focused, -1 if kind == Kind.LEFT else 1, wrap=False)
            self.step(kind)
        elif kind in (Kind.TOGGLE, Kind.NEXT):
            return self._change(focused, 1, wrap=True) if focused is not None else None
        elif kind in (Kind.CLICK, Kind.HOVER):
            for i, r in enumerate(self.rows):
                if r.kind != "header" and r.rect.collidepoint(intent.value):
                    self.focus = i
                    if kind == Kind.HOVER:
                        return None
                    back = r.kind == "choice" and intent.value[0] < r.rect.left + r.rect.w // 3
                    return self._change(r, -1 if back else 1, wrap=False)
        return None

    def step(self, kind) -> bool:
        """Move the focus to the nearest row above or below it in its column, or beside it
        in its grid row; whether there was one (there is no going round)."""
        if self.focus < 0:      # into the form, from a field above it
            if kind in (Kind.DOWN, Kind.RIGHT):
                self._walk(1)
                return True
            return False
        here = self.rows[self.focus]
        col, line = here.cell
        best = None
        for i, r in enumerate(self.rows):
            if r.kind == "header" or i == self.focus:
                continue
            r_col, r_line = r.cell
            if kind in (Kind.UP, Kind.DOWN):
                ahead = r_line - line if kind == Kind.DOWN else line - r_line
                if ahead <= 0 or not set(r.columns()) & set(here.columns()):
                    continue
                # The nearest line; on it, the row in this column over one spanning it.
                rank = (ahead, col not in r.columns(), r_col)
            else:
                ahead = r_col - col if kind == Kind.RIGHT else col - (r_col + r.span - 1)
                if r_line != line or ahead <= 0:
                    continue
                rank = (ahead,)
            if best is None or rank < best[0]:
                best = (rank, i)
        if best is not None:
            self.focus = best[1]
        return best is not None

    def _walk(self, step: int) -> None:
        """Tab: the next row in the order given, round to the first after the last."""
        i = self.focus if self.focus >= 0 else (-1 if step > 0 else 0)
        for _ in self.rows:
            i = (i + step) % len(self.rows)
            if self.rows[i].kind != "header":
                self.focus = i
                return

    @staticmethod
    def _change(row: Row, step: int, wrap: bool) -> Row | None:
        """wrap: past the last option comes the first again (Enter), else it stops there."""
        if row.kind == "toggle":
            row.value = not row.value
        elif row.kind == "choice":
            value = row.value + step
            value = value % len(row.options) if wrap else min(max(0, value),
                                                               len(row.options) - 1)
            if value == row.value:
                return None
            row.value = value
        elif row.kind not in ("button", "text"):
            return None
        return row

    # -- drawing ---------------------------------------------------------------
    def draw(self, surface, text, theme, size: int) -> None:
        for i, r in enumerate(self.rows):
            self.draw_row(surface, text, theme, size, i, r.rect)

    def draw_row(self, surface, text, theme, size: int, i: int, rect: pygame.Rect) -> None:
        """Row i at rect: where place() put it, or, in a pane that scrolls, where it shows."""
        r, pad = self.rows[i], max(6, size // 3)
        if r.kind == "header":
            block = text.block(r.label, size, theme.text, rect.width, style="bold")
            surface.blit(block, (rect.left, rect.bottom - pad - block.get_height()))
            return
        focused = i == self.focus
        button = r.kind == "button"
        fill = theme.accent if focused else theme.panel
        colour = theme.on_accent if focused else theme.text
        pygame.draw.rect(surface, fill, rect, border_radius=8)
        pygame.draw.rect(surface, theme.accent, rect, width=2, border_radius=8)
        under = self._under(text, r, size, rect.width)
        value_w = 0 if under else self._value_width(text, r, size)
        label = text.block(r.label, size, colour, rect.width - 2 * pad - value_w,
                           style="bold" if button else "regular")
        x = rect.centerx - label.get_width() // 2 if button else rect.left + pad
        surface.blit(label, (x, rect.top + pad))
        if under:
            top = rect.top + pad + label.get_height()
            self._draw_choice(surface, text, r, pygame.Rect(
                rect.left + pad, top, rect.width - 2 * pad, rect.bottom - pad - top), size,
                colour)
            return
        if r.kind == "toggle":
            box = pygame.Rect(0, 0, size, size)
            box.midright = (rect.right - pad, rect.centery)
            pygame.draw.rect(surface, colour, box, width=2, border_radius=3)
            if r.value:
                draw_tick(surface, box.inflate(-size // 4, -size // 4), colour, size // 8)
        elif r.kind == "choice":
            self._draw_choice(surface, text, r, pygame.Rect(
                rect.right - pad - value_w + size // 2, rect.top + pad,
                value_w - size // 2, rect.height - 2 * pad), size, colour)

    @staticmethod
    def _draw_choice(surface, text, row: Row, area: pygame.Rect, size: int, colour) -> None:
        """The option between ‹ and ›, each arrow left out at its end of the options, so
        that the arrows say which way there is more."""
        value = text.block(row.options[row.value], size, colour, area.width, style="bold")
        surface.blit(value, (area.centerx - value.get_width() // 2, area.top))
        if row.value > 0:
            surface.blit(text.block("‹", size, colour, area.width, style="bold"), area.topleft)
        if row.value < len(row.options) - 1:
            right = text.block("›", size, colour, area.width, style="bold")
            surface.blit(right, (area.right - right.get_width(), area.top))
