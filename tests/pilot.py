"""The tests drive the real app with the game's own pilot (game.tools.pilot, which autoplay
plays with too), in an app whose data lives in a fresh folder."""
import tempfile

from game.app import App, Config
from game.tools.pilot import (  # noqa: F401  (the tests import them from here)
    answer, click, click_on, drag, focus_row, key, resize, right_answer, run_frames,
    type_text, wheel, widget, wrong_answer)
from game.tools import pilot


def new_app(**config) -> App:
    """An app whose settings live in a fresh folder, never in the tester's own."""
    config.setdefault("data_dir", tempfile.mkdtemp(prefix="byline-test-"))
    app = App(Config(**config))
    app.step()
    return app


def play_question(app, question):
    """A round of one question on top of what is on screen, answered right: its state."""
    from game.quiz.play import RoundState
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
