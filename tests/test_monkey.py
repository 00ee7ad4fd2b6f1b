"""20,000 random key, mouse and resize events across every screen: nothing may raise."""
import random

import pygame

from pilot import new_app

KEYS = [pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT,
        pygame.K_RIGHT, pygame.K_TAB, pygame.K_SPACE, pygame.K_f, pygame.K_o, pygame.K_c,
        pygame.K_F11, pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END,
        pygame.K_a, pygame.K_z, pygame.K_0, pygame.K_9, pygame.K_BACKSPACE]
KEYS += [pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4] * 3 + [pygame.K_RETURN] * 4
EVENTS = 20_000


def random_event(rng, size):
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


def test_monkey(tmp_path):
    rng = random.Random(20_000)
    seen = set()
    app = new_app(seed=1, data_dir=tmp_path)
    restarts = 0
    for n in range(EVENTS):
        pygame.event.post(random_event(rng, app.size()))
        if n % 2:       # two events to a frame, as a quick player would give
            app.step(pygame.event.get(), 1 / 30)
            seen.add(type(app.scene).__name__)
        if not app.running:    # Esc on the title quits: start again, as a player would
            pygame.quit()
            app = new_app(seed=restarts, data_dir=tmp_path)
            restarts += 1
        assert app.size()[0] >= 960 and app.size()[1] >= 540
    pygame.quit()
    every = {"TitleScene", "NameScene", "SetupScene", "HowToScene", "SettingsScene", "QuestionScene",
             "FeedbackScene", "ResultsScene", "ReviewScene", "ContextScene", "ModeScene",
             "PlayersScene", "HandoverScene", "RevealScene", "ProgressScene",
             "ClassResultsScene"}
    assert every <= seen, every - seen
