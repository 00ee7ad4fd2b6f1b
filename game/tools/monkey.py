"""Random key, mouse and resize events across every screen, as a careless player gives them:
the monkey test checks that nothing raises, the bench that memory stays flat."""
import os
import random

import pygame

from game.app import App, Config

KEYS = [pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT,
        pygame.K_RIGHT, pygame.K_TAB, pygame.K_SPACE, pygame.K_f, pygame.K_o, pygame.K_c,
        pygame.K_F11, pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END,
        pygame.K_a, pygame.K_z, pygame.K_0, pygame.K_9, pygame.K_BACKSPACE]
KEYS += [pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4] * 3 + [pygame.K_RETURN] * 4
EVENTS = 20_000
SEED = 20_000


def random_event(rng: random.Random, size) -> pygame.event.Event:
    w, h = size
    roll = rng.random()
    pos = (rng.randrange(-20, w + 20), rng.randrange(-20, h + 20))
    if roll < 0.04:
        return pygame.event.Event(pygame.TEXTINPUT, text=rng.choice("aZë' 7,"))
    if roll < 0.55:
        mod = pygame.KMOD_SHIFT if rng.random() < 0.1 else 0
        return pygame.event.Event(pygame.KEYDOWN, key=rng.choice(KEYS), mod=mod, unicode="")
    if roll < 0.75:
        return pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=rng.choice((1, 1, 1, 2, 3)),
                                  pos=pos)
    if roll < 0.88:
        return pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(rng.randint(-80, 80),
                                  rng.randint(-80, 80)), buttons=(rng.random() < 0.5, 0, 0))
    if roll < 0.99:
        return pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice((-3, -1, 1, 3)),
                                  flipped=False)
    new = (rng.randrange(600, 1700), rng.randrange(400, 1000))
    return pygame.event.Event(pygame.VIDEORESIZE, w=new[0], h=new[1], size=new)


def start(seed: int, data_dir) -> App:
    app = App(Config(seed=seed, data_dir=data_dir))
    app.step()
    return app


def monkey(data_dir, events: int = EVENTS, seed: int = SEED):
    """Yields (events so far, app) after each frame, two events to a frame as a quick player
    gives them. Esc on the title quits: a new game starts, as a player would start one."""
    rng = random.Random(seed)
    # A careless player presses "Open my question folder" too, a few times in 20,000 events:
    # with no programs to be found, the game says there is no file manager, where it would
    # open the tester's own again and again. Only finding programs needs PATH here.
    path = os.environ.get("PATH")
    os.environ["PATH"] = ""
    try:
        app, restarts = start(1, data_dir), 0
        for n in range(events):
            pygame.event.post(random_event(rng, app.size()))
            if n % 2:
                app.step(pygame.event.get(), 1 / 30)
                yield n + 1, app
            if not app.running:
                pygame.quit()
                app, restarts = start(restarts, data_dir), restarts + 1
    finally:
        if path is None:
            os.environ.pop("PATH")
        else:
            os.environ["PATH"] = path
