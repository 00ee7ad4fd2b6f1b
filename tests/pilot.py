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
