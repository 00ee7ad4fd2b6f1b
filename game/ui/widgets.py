"""A vertical list of buttons that keyboard and mouse drive the same way."""
import pygame

from game.intents import Intent, Kind
from game.ui.layout import largest


class ButtonList:
    def __init__(self, labels: list[str], numbered: bool = False, align: str = "left",
                 ids=None):
        """ids: what a scripted player calls each button (game.tools.pilot); its label
        unless given."""
        self.labels = labels
        self.ids = list(labels if ids is None else ids)
        self.numbered = numbered
        self.align = align
        self.focus = 0
        self.rects: list[pygame.Rect] = []

    def label(self, i: int) -> str:
        return f"{i + 1}   {self.labels[i]}" if self.numbered else self.labels[i]

    def place(self, text, area: pygame.Rect, size: int, gap: int, across: bool = False) -> None:
        """Stack the buttons in area, each as tall as its wrapped label needs; or, across,
        side by side in one row as tall as the tallest label."""
        self.rects = []
        y = area.top
        pad = max(6, size * 2 // 5)
        if across:
            n = len(self.labels)
            w = (area.width - gap * (n - 1)) // n
            h = max(text.height(self.label(i), size, w - 2 * pad)
                    for i in range(n)) + 2 * pad
            self.rects = [pygame.Rect(area.left + i * (w + gap), area.top, w, h) for i in range(n)]
            return
        for i in range(len(self.labels)):
            height = text.height(self.label(i), size, area.width - 2 * pad)
            rect = pygame.Rect(area.left, y, area.width, height + 2 * pad)
            self.rects.append(rect)
            y = rect.bottom + gap

    def widgets(self) -> dict:
        """Each button placed, by id."""
        return dict(zip(self.ids, self.rects))

    def fit(self, text, area: pygame.Rect, sizes: range, gap: int) -> int:
        """Stack the buttons in area at the largest of sizes at which they fit (the
        smallest if none does); returns that size."""
        def fits(size):
            self.place(text, area, size, gap)
            return self.rects[-1].bottom <= area.bottom
        size = largest(sizes[0], sizes[-1], fits)
        self.place(text, area, size, gap)
        return size

    def handle(self, intent: Intent) -> int | None:
        """The index chosen by this intent, if any; moves the focus on arrows and Tab."""
        n = len(self.labels)
        if intent.kind in (Kind.UP, Kind.DOWN, Kind.LEFT, Kind.RIGHT, Kind.TAB):
            step = -1 if intent.kind in (Kind.UP, Kind.LEFT) else 1
            if intent.kind == Kind.TAB:
                step = intent.value or 1
            self.focus = (self.focus + step) % n
        elif intent.kind in (Kind.NEXT, Kind.TOGGLE):
            return self.focus
        elif intent.kind == Kind.CHOOSE and 0 <= intent.value < n:
            self.focus = intent.value
            return intent.value
        elif intent.kind in (Kind.CLICK, Kind.HOVER):
            for i, rect in enumerate(self.rects):
                if rect.collidepoint(intent.value):
                    self.focus = i
                    return i if intent.kind == Kind.CLICK else None
        return None

    def draw(self, surface, text, theme, size: int) -> None:
        for i, rect in enumerate(self.rects):
            self.draw_button(surface, text, theme, size, i, rect)

    def draw_button(self, surface, text, theme, size: int, i: int, rect: pygame.Rect) -> None:
        """Button i, drawn at rect: where place() put it, or, in a list that scrolls, where
        it shows now."""
        focused = i == self.focus
        fill = theme.accent if focused else theme.panel
        colour = theme.on_accent if focused else theme.text
        pygame.draw.rect(surface, fill, rect, border_radius=8)
        pygame.draw.rect(surface, theme.accent, rect, width=2, border_radius=8)
        pad = max(6, size * 2 // 5)
        block = text.block(self.label(i), size, colour, rect.width - 2 * pad, align=self.align)
        x = rect.centerx - block.get_width() // 2 if self.align == "center" else rect.left + pad
        surface.blit(block, (x, rect.top + pad))


def draw_tick(surface, r: pygame.Rect, colour, width: int = 5) -> None:
    points = [(r.left, r.centery), (r.left + r.width // 3, r.bottom), (r.right, r.top)]
    pygame.draw.lines(surface, colour, False, points, width=max(2, width))


def draw_mark(surface, rect: pygame.Rect, mark: str, colour) -> None:
    """A verdict's icon in a ring, so that meaning is carried by shape as well as colour:
    mark "right" a tick, "partly" a half-filled disc, "wrong" a cross."""
    pygame.draw.circle(surface, colour, rect.center, rect.width // 2, width=max(2, rect.width // 16))
    r = rect.inflate(-rect.width // 2, -rect.height // 2)
    line = max(2, rect.width // 10)
    if mark == "right":
        draw_tick(surface, r, colour, line)
    elif mark == "partly":
        pygame.draw.circle(surface, colour, rect.center, rect.width // 2 - 2 * line, width=line)
        pygame.draw.circle(surface, colour, rect.center, rect.width // 2 - 2 * line,
                           draw_top_left=True, draw_bottom_left=True)
    else:
        pygame.draw.line(surface, colour, r.topleft, r.bottomright, width=line)
        pygame.draw.line(surface, colour, r.topright, r.bottomleft, width=line)
