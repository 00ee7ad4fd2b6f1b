"""The tests drive the real app with the game's own pilot (game.tools.pilot, which autoplay
plays with too), in an app whose data lives in a fresh folder."""
import tempfile

import pygame

from game.app import App, Config
from game.tools.pilot import (  # noqa: F401  (the tests import them from here)
    answer, click, click_on, compose, drag, focus_row, key, move, resize, right_answer,
    run_frames, type_text, wheel, widget, wrong_answer)
from game.tools import pilot


def new_app(**config) -> App:
    """An app whose settings live in a fresh folder, never in the tester's own."""
    config.setdefault("data_dir", tempfile.mkdtemp(prefix="byline-test-"))
    app = App(Config(**config))
    app.step()
    return app


def play_question(app, question):
    """A round of one question on top of what is on screen, answered right: its state."""
    from game.quiz.state import RoundState
    from game.quiz.round import RoundSetup
    from game.scenes.question import QuestionScene
    state = RoundState(RoundSetup(count=5), [question])
    app.push(QuestionScene(app, state))
    app.step()
    answer(app)
    return state


def start_round(app) -> None:
    """Play, one player, the name offered: the saved setup's round is on screen."""
    from game.scenes.question import QuestionScene
    pilot.start_round(app)
    assert isinstance(app.scene, QuestionScene)


class Drawn:
    """What a scene draws: each block with its words, font size, place and the clip it was
    drawn through, so a test can tell what is readable on screen."""

    def __init__(self, app):
        self.app = app
        self.made = {}      # id(surface) -> (surface, words, size); the surface kept alive
        for name in ("block", "marked"):
            real = getattr(app.text, name)

            def spy(words, *args, _real=real, _name=name, **kwargs):
                surface = _real(words, *args, **kwargs)
                size = args[1] if _name == "marked" else args[0]
                self.made[id(surface)] = (surface, words, size)
                return surface
            setattr(app.text, name, spy)

    def frame(self) -> list[tuple[str, int, pygame.Rect, pygame.Rect]]:
        """(words, size, where the block is, the part of it that can be seen)."""
        drawn, made = [], self.made
        window = self.app.screen.get_rect()

        class Spy(pygame.Surface):
            def blit(self, block, pos, *args, **kwargs):
                _, words, size = made.get(id(block), (None, None, None))
                if words is not None:
                    rect = pygame.Rect(pos, block.get_size())
                    drawn.append((words, size, rect, rect.clip(self.get_clip()).clip(window)))
                return super().blit(block, pos, *args, **kwargs)

        self.app.scene.draw(Spy(window.size))
        return drawn


def scroll_through(app, drawn, by: int = pygame.K_DOWN) -> list[list]:
    """Frames from the top down, a line (↓) or what the key `by` moves at a time, until the
    screen stops changing."""
    frames = [drawn.frame()]
    for _ in range(200):
        key(app, by)
        frames.append(drawn.frame())
        if [f[2] for f in frames[-1]] == [f[2] for f in frames[-2]]:
            break
    return frames


def seen(frames, words) -> tuple[set, list]:
    """The sizes of the blocks that hold words (or for which words(text) holds), and which
    of their pixel rows were on screen, whole width, in any frame: [(top, bottom)]
    measured from the block's top."""
    holds = words if callable(words) else lambda text: words in text
    sizes, spans = set(), []
    for frame in frames:
        for text, size, rect, visible in frame:
            if holds(text):
                sizes.add(size)
                if visible.height and visible.width == rect.width:
                    spans.append((visible.top - rect.top, visible.bottom - rect.top))
    return sizes, spans


def covers(spans, height: int) -> bool:
    reached = 0
    for top, bottom in sorted(spans):
        if top > reached:
            return False
        reached = max(reached, bottom)
    return reached >= height


def readable(frames, words) -> bool:
    """Every line of the block that holds words was on screen in one frame or another."""
    holds = words if callable(words) else lambda text: words in text
    sizes, spans = seen(frames, holds)
    height = next((rect.height for frame in frames for text, _, rect, _ in frame
                   if holds(text)), None)
    return height is not None and covers(spans, height)


def pick_partly(app, setup):
    """Start a round of setup, pick the first question's partly right choice by its key:
    (the question, the round's state, the feedback scene)."""
    from game.quiz.verdict import Verdict
    from game.scenes.feedback import FeedbackScene
    app.stack[0].start_round(setup)
    app.step()
    state = app.scene.turns.seat.state
    q = state.current
    key(app, pygame.K_1 + q.also[0])
    feedback = app.scene
    assert isinstance(feedback, FeedbackScene)
    assert feedback.answer.verdict is Verdict.PARTLY and 0 < feedback.answer.points == state.score
    return q, feedback
