"""Drive the real app: post events to pygame's queue and step frames."""
import tempfile

import pygame

from game.app import App, Config


def key(app: App, k: int, mod: int = 0, frames: int = 1) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=""))
    for _ in range(frames):
        app.step(pygame.event.get())


def click(app: App, pos) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=pos))
    app.step(pygame.event.get())


def resize(app: App, size) -> None:
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1],
                                         size=size))
    app.step(pygame.event.get())


def new_app(**config) -> App:
    """An app whose settings live in a fresh folder, never in the tester's own."""
    config.setdefault("data_dir", tempfile.mkdtemp(prefix="byline-test-"))
    app = App(Config(**config))
    app.step()
    return app


def wheel(app: App, y: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=y, flipped=False))
    app.step(pygame.event.get())


def drag(app: App, start, dy: int) -> None:
    """Press, move by dy with the button held, release."""
    x, y = start
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=start))
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(x, y + dy), rel=(0, dy),
                                         buttons=(1, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=(x, y + dy)))
    app.step(pygame.event.get())


def focus_row(app: App, form_key) -> None:
    """Move the focus of the form on screen to the row called form_key, by arrow keys."""
    form = app.scene.form
    for _ in range(len(form.rows)):
        if form.rows[form.focus].key == form_key:
            return
        key(app, pygame.K_DOWN)
    raise AssertionError(f"no row {form_key!r}")


def run_frames(app: App, frames: int, dt: float = 1 / 60) -> None:
    for _ in range(frames):
        app.step(pygame.event.get(), dt)
