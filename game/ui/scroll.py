"""A tall column of blocks seen through a window: wheel, keys and drag scroll it."""
import pygame

from game.intents import Kind

MORE = "↓ More below"   # said beside a view while some of its content is below it


class ScrollView:
    def __init__(self):
        self.offset = 0
        self.view = pygame.Rect(0, 0, 1, 1)
        self.content_height = 0
        self.line = 40

    def set(self, view: pygame.Rect, content_height: int, line: int) -> None:
        self.view, self.content_height, self.line = view, content_height, line
        self.offset = self._clamp(self.offset)

    @property
    def max_offset(self) -> int:
        return max(0, self.content_height - self.view.height)

    @property
    def more_below(self) -> bool:
        """Some of the content is still below the window: worth saying so."""
        return self.offset < self.max_offset

    def reveal(self, top: int, bottom: int) -> None:
        """Scroll the least that brings the content's rows top..bottom into view (the top
        row, if they are taller than the view)."""
        if bottom > self.offset + self.view.height:
            self.offset = bottom - self.view.height
        if top < self.offset:
            self.offset = top
        self.offset = self._clamp(self.offset)

    def shown(self, rect: pygame.Rect) -> pygame.Rect:
        """Where a rect of the content (measured from its top left) is on screen now, cut
        to the view: empty when it is scrolled out of sight."""
        return rect.move(self.view.left, self.view.top - self.offset).clip(self.view)

    def _clamp(self, offset: float) -> int:
        return int(min(max(0, offset), self.max_offset))

    def handle(self, intent) -> None:
        page = round(self.view.height * 0.9)
        moves = {Kind.UP: -self.line, Kind.DOWN: self.line, Kind.PAGE_UP: -page,
                 Kind.PAGE_DOWN: page, Kind.HOME: -self.content_height,
                 Kind.END: self.content_height}
        if intent.kind in moves:
            delta = moves[intent.kind]
        elif intent.kind == Kind.WHEEL:
            delta = -intent.value * self.line * 2
        elif intent.kind == Kind.DRAG:
            delta = -intent.value     # the content follows the pointer
        else:
            return
        self.offset = self._clamp(self.offset + delta)

    def draw(self, surface, blocks, theme, dy: int = 0) -> None:
        """blocks: (paint, x, y, height), y measured from the top of the content;
        paint(surface, x, y) is called only for blocks in view. dy: the view drawn that
        much lower (a panel still sliding into place)."""
        view = self.view.move(0, dy)
        clip = surface.get_clip()
        surface.set_clip(view.clip(clip))
        top, bottom = self.offset, self.offset + view.height
        for paint, x, y, height in blocks:
            if y < bottom and y + height > top:
                paint(surface, view.left + x, view.top + y - self.offset)
        surface.set_clip(clip)
        if self.max_offset:
            track = pygame.Rect(view.right + 4, view.top, 6, view.height)
            share = self.view.height / self.content_height
            thumb_h = max(24, round(track.height * share))
            thumb_y = track.top + round((track.height - thumb_h) * self.offset / self.max_offset)
            pygame.draw.rect(surface, theme.panel, track, border_radius=3)
            pygame.draw.rect(surface, theme.accent, (track.left, thumb_y, 6, thumb_h),
                             border_radius=3)
