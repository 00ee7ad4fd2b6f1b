"""A question's choices as answer tiles: each has its number (the key that picks it), a
shape and a colour of its own, so that no choice is known by its colour alone; a tile lifts
under the pointer, sinks darker once pressed, and the keyboard's focus is ringed on it."""
import math

import pygame

from game.intents import Kind
from game.ui.theme import pressed
from game.ui.widgets import ButtonList

# One per choice in turn; a teacher's question with more choices than shapes starts again,
# its number still telling them apart.
SHAPES = ("triangle", "diamond", "circle", "square", "pentagon", "hexagon")


def shape_of(i: int) -> str:
    return SHAPES[i % len(SHAPES)]


def draw_shape(surface, rect: pygame.Rect, shape: str, colour) -> None:
    """A filled shape inside rect, each about as heavy as the others."""
    cx, cy, r = rect.centerx, rect.centery, rect.width / 2
    if shape == "circle":
        pygame.draw.circle(surface, colour, rect.center, round(r * 0.9))
    elif shape == "square":
        pygame.draw.rect(surface, colour, rect.inflate(-rect.width // 5, -rect.height // 5))
    elif shape == "diamond":
        pygame.draw.polygon(surface, colour, [(cx, rect.top), (rect.right, cy),
                                              (cx, rect.bottom), (rect.left, cy)])
    else:   # regular polygons, a point up: triangle, pentagon, hexagon
        sides = {"triangle": 3, "pentagon": 5, "hexagon": 6}[shape]
        # A triangle's centre sits low, so that it looks centred in its square.
        y = cy + (r * 0.2 if sides == 3 else 0)
        radius = r * (1.1 if sides == 3 else 1.0)
        turns = [k * math.tau / sides for k in range(sides)]
        pygame.draw.polygon(surface, colour, [(cx + radius * math.sin(a), y - radius * math.cos(a))
                                              for a in turns])


class AnswerTiles(ButtonList):
    """The choices of a question, stacked; ButtonList's keys and clicks pick them.

    hover: the tile under the pointer (None when it is over none); pressed: the tile
    picked, by click or key, drawn held down until the next question."""

    def __init__(self, labels: list[str]):
        super().__init__(labels, numbered=True)
        self.hover: int | None = None
        self.pressed: int | None = None

    def label(self, i: int) -> str:
        return self.labels[i]       # its number is drawn apart, beside its shape

    @staticmethod
    def metrics(text, size: int) -> tuple[int, int, int, int]:
        """(pad, lip, icon, lead): the room round the label, the depth a tile sinks, the
        shape's side and where the label starts, after the number and the shape."""
        pad, lip, icon = max(6, size * 2 // 5), max(3, size // 8), round(size * 0.8)
        digit = text.font("bold", size).size("9")[0]
        return pad, lip, icon, pad + digit + size // 4 + icon + size // 4

    def place(self, text, area: pygame.Rect, size: int, gap: int, across: bool = False) -> None:
        """Stacked in area, each as tall as its wrapped label (beside the number and the
        shape) needs."""
        pad, lip, icon, lead = self.metrics(text, size)
        self.rects, y = [], area.top
        for i in range(len(self.labels)):
            label_h = text.height(self.label(i), size, area.width - lead - pad)
            # The depth it sinks comes out of the room under the label, not the layout's.
            rect = pygame.Rect(area.left, y, area.width, max(label_h, icon) + 2 * pad)
            self.rects.append(rect)
            y = rect.bottom + gap

    def handle(self, intent):
        if intent.kind == Kind.HOVER:
            self.hover = next((i for i, r in enumerate(self.rects)
                               if r.collidepoint(intent.value)), None)
        chosen = super().handle(intent)
        if chosen is not None:
            self.pressed = chosen
        return chosen

    def parts(self, text, size: int, i: int, rect: pygame.Rect) -> dict:
        """Where tile i, at rect, draws its face, number, shape and label now: lifted
        under the pointer, sunk once pressed."""
        pad, lip, icon, lead = self.metrics(text, size)
        sink = lip if i == self.pressed else 0 if i == self.hover else lip // 2
        face = pygame.Rect(rect.left, rect.top + sink, rect.width, rect.height - lip)
        label_h = text.height(self.label(i), size, rect.width - lead - pad)
        middle = face.centery
        digit_h = text.font("bold", size).get_height()
        return {"face": face, "number": (face.left + pad, middle - digit_h // 2),
                "shape": pygame.Rect(lead - size // 4 - icon + face.left, middle - icon // 2,
                                     icon, icon),
                "label": (face.left + lead, middle - label_h // 2),
                "label_w": rect.width - lead - pad}

    def fill(self, theme, i: int):
        colour = theme.tiles[i % len(theme.tiles)]
        return pressed(colour) if i == self.pressed else colour

    def draw_button(self, surface, text, theme, size: int, i: int, rect: pygame.Rect) -> None:
        p = self.parts(text, size, i, rect)
        face, radius = p["face"], max(6, size // 3)
        fill = self.fill(theme, i)
        lip = rect.height - face.height
        # The tile's side, seen under its face: deep when it is lifted, gone when pressed.
        side = pygame.Rect(rect.left, rect.top + lip, rect.width, rect.height - lip)
        pygame.draw.rect(surface, pressed(pressed(fill)), side, border_radius=radius)
        pygame.draw.rect(surface, fill, face, border_radius=radius)
        if i == self.focus:     # the keyboard's place, on any tile colour
            ring = max(3, size // 8)
            pygame.draw.rect(surface, theme.on_tile, face.inflate(-ring * 2, -ring * 2),
                             width=ring, border_radius=max(4, radius - ring))
        surface.blit(text.block(str(i + 1), size, theme.on_tile, size * 2, style="bold"),
                     p["number"])
        draw_shape(surface, p["shape"], shape_of(i), theme.on_tile)
        surface.blit(text.block(self.label(i), size, theme.on_tile, p["label_w"]), p["label"])
