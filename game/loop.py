"""The main loop: a frame whenever the picture changed, and otherwise sleep until input
comes or something is due (the question files' next look, the next try of a results file
that refused an answer, the banner's end), so a still screen costs next to nothing."""
import time

import pygame

FPS = 60
# How often a sleeping loop looks for input: once a frame, as the 60 fps loop did, so a
# key waits no longer for an answer than it used to.
POLL = 1 / FPS


def poll(timeout: float) -> list:
    """The events that come within timeout seconds: as soon as any do, else none.

    pygame.event.wait(timeout) does the same, but looks every millisecond, and that alone
    costs several times more CPU than the whole loop does (game.tools.bench: idle)."""
    end = time.monotonic() + timeout
    while True:
        events = pygame.event.get()
        left = end - time.monotonic()
        if events or left <= 0:
            return events
        time.sleep(min(POLL, left))


class Loop:
    """clock and wait stand in for pygame's in tests, which step the real loop without
    sleeping."""

    def __init__(self, app, clock=None, wait=poll):
        self.app = app
        self.clock = clock or pygame.time.Clock()
        self.wait = wait

    def turn(self) -> None:
        app = self.app
        events = [] if app.dirty or app.moving() else self.wait(app.due())
        dt = self.clock.tick(FPS) / 1000    # never more than FPS frames a second
        # Time passes before the input that came in it is handled, so an answer given
        # after a second's sleep is timed at a second (speed points), not at the last frame.
        app.advance((), dt)
        app.advance(events + pygame.event.get(), 0.0)
        if app.dirty:
            app.redraw()

    def run(self) -> None:
        while self.app.running:
            self.turn()
