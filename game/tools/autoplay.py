"""A scripted player that plays one whole round through the real event loop, headless:
key presses go into pygame's event queue and the app steps frame by frame."""
import os
import random
import time

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.app import App, Config  # noqa: E402
from game.quiz.scoring import lean  # noqa: E402
from game.tools import pilot  # noqa: E402

RIGHT_SHARE = 0.7     # how often the scripted player knows the answer
MAX_FRAMES = 20_000   # a round that has not ended by then is stuck: say so


class Player:
    """Plays through the pilot, as the tests do; thinks for `delay` seconds a question."""

    def __init__(self, app: App, seed: int, delay: float):
        self.app, self.rng, self.delay = app, random.Random(seed), delay

    def check(self) -> None:
        if self.app.frames > MAX_FRAMES:
            raise RuntimeError(f"no end of round after {MAX_FRAMES} frames "
                               f"(stuck on {type(self.app.scene).__name__})")

    def wait(self) -> None:
        """Think for `delay` seconds, with the loop running as it would for a person."""
        end = time.monotonic() + self.delay
        while time.monotonic() < end:
            pilot.run_frames(self.app)
            time.sleep(1 / 60)

    def answer(self, scene) -> None:
        q = scene.question
        if self.rng.random() < RIGHT_SHARE:
            pilot.answer(self.app, right=True)
        elif q.skill == "opinion_words":
            pilot.answer(self.app, given={self.rng.choice(range(len(q.words)))})
        else:
            pilot.answer(self.app, given=self.rng.choice(
                [i for i in range(len(q.choices)) if i != q.answer]))


def play(seed: int, data_dir=None, delay: float = 0.0, questions=()) -> tuple[int, str]:
    from game.scenes.feedback import FeedbackScene
    from game.scenes.overlays import ConfidenceScene
    from game.scenes.question import QuestionScene
    from game.scenes.round_end import ResultsScene

    app = App(Config(seed=seed, data_dir=data_dir, questions=tuple(questions)))
    player = Player(app, seed, delay)
    pilot.run_frames(app)
    pilot.start_round(app)                              # as the last player, or Player 1
    if not isinstance(app.scene, QuestionScene):
        return 1, "autoplay: no round could start (is the question bank empty?)"
    while not isinstance(app.scene, ResultsScene):
        player.check()
        scene = app.scene
        if isinstance(scene, QuestionScene):
            player.wait()
            player.answer(scene)
        elif isinstance(scene, ConfidenceScene):
            pilot.key(app, pygame.K_1 + player.rng.randrange(3))
        elif isinstance(scene, FeedbackScene):
            pilot.key(app, pygame.K_RETURN)
        else:
            pilot.run_frames(app)
    state = app.scene.state
    right = sum(a.correct for a in state.answers)
    judged = lean(state.answers)
    pygame.quit()
    # Answers the results file refused are saved elsewhere and said on stderr: exit 1.
    return app.close(), (f"autoplay seed {seed}: {len(state.answers)} questions, {right} right, "
               f"score {state.score}, d′ {judged.d_prime:.2f}, bias c {judged.bias:+.2f}, "
               f"{app.frames} frames")
