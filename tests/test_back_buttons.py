"""Every screen has a visible button for Back (issue 13 §2): a mouse-only player never needs
Esc. On a question, its feedback and a class's talk, the button is Leave, which asks first,
as Esc does. Driven through the real loop; the buttons found as the pilot finds them."""
import pygame
import pytest

from pilot import answer, click_on, key, new_app, start_round, widget
from game.quiz.questions import generate
from game.quiz.round import RoundSetup
from game.quiz.seats import Seat, Turns
from game.quiz.state import RoundState
from game.scenes.confirm import ConfirmScene
from game.scenes.feedback import FeedbackScene
from game.scenes.question import QuestionScene
from game.scenes.title import TitleScene

# What a way back is called on one screen or another.
BACKS = {"Back", "back", "Leave", "Leave round", "Close", "Back to title", "Quit", "Stay",
         "Change my answer"}
SIZES = [(960, 540), (1920, 1080)]


@pytest.fixture
def app(classroom_app):
    return classroom_app


def test_leave_on_a_question_asks_and_enter_leaves(app):
    start_round(app)
    question = app.scene
    first = question.question
    click_on(app, "Leave")
    assert isinstance(app.scene, ConfirmScene) and "Leave this round?" in app.scene.question
    key(app, pygame.K_ESCAPE)                   # stay: the same question
    assert app.scene is question and question.question is first
    answer(app)
    key(app, pygame.K_RETURN)
    click_on(app, "Leave")
    key(app, pygame.K_RETURN)                   # leave
    assert isinstance(app.scene, TitleScene)
    [row] = app.results.rounds()
    assert row.unfinished and row.answers == 1


def test_leave_on_a_word_question_picks_no_word(app):
    q = next(q for q in generate(app.loaded.bank) if q.skill == "opinion_words")
    app.push(QuestionScene(app, RoundState(RoundSetup(count=5), [q])))
    app.step()
    leave = widget(app, "Leave")
    assert not any(leave.colliderect(widget(app, ("word", i))) for i in range(len(q.words))
                   if ("word", i) in app.scene.widgets())
    click_on(app, "Leave")
    assert isinstance(app.scene, ConfirmScene)
    click_on(app, "Stay")
    assert isinstance(app.scene, QuestionScene) and app.scene.selected == frozenset()


def test_leave_on_the_feedback_asks_and_never_goes_on(app):
    start_round(app)
    question = app.scene
    answer(app)
    feedback = app.scene
    assert isinstance(feedback, FeedbackScene)
    click_on(app, "Leave")                      # not "click anywhere: continue"
    assert isinstance(app.scene, ConfirmScene)
    key(app, pygame.K_ESCAPE)
    assert app.scene is feedback and len(question.state.answers) == 1
    click_on(app, "Leave")
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, TitleScene)


def test_leave_while_a_class_talks_it_over(app):
    from game.scenes.discuss import DiscussScene
    key(app, pygame.K_RETURN)
    click_on(app, "class")
    key(app, pygame.K_RETURN)
    answer(app)
    talk = app.scene
    assert isinstance(talk, DiscussScene)
    click_on(app, "Leave")
    assert isinstance(app.scene, ConfirmScene)
    click_on(app, "Stay")
    assert app.scene is talk
    click_on(app, "Leave")
    click_on(app, "Leave")                      # the confirm's button
    assert isinstance(app.scene, TitleScene)


def screens(app):
    """Every kind of screen, each on top in turn: its name."""
    from game.scenes.howto import HowToScene
    from game.scenes.lineup import ModeScene, PlayersScene
    from game.scenes.name import NameScene
    from game.scenes.overlays import ConfidenceScene, ContextScene
    from game.scenes.problems import ProblemsScene
    from game.scenes.progress import ClassResultsScene, ProgressScene
    from game.scenes.save import SaveScene
    from game.scenes.settings_screen import SettingsScene
    from game.scenes.setup import SetupScene
    yield "title"
    for scene in (ModeScene, NameScene, PlayersScene, SetupScene, SettingsScene, HowToScene,
                  ProgressScene, ClassResultsScene, ProblemsScene, SaveScene):
        app.push(scene(app))
        app.step()
        yield scene.__name__
        del app.stack[1:]
    questions = generate(app.loaded.bank)
    kinds = {}
    for q in questions:
        kinds.setdefault(q.skill, q)
    state = RoundState(RoundSetup(count=len(kinds)), list(kinds.values()))
    app.push(QuestionScene(app, state))
    app.step()
    for q in kinds.values():
        yield f"question {q.skill}"
        if q.statement:
            key(app, pygame.K_c)
            yield "context"
            key(app, pygame.K_ESCAPE)
        app.push(ConfidenceScene(app))
        app.step()
        yield "confidence"
        app.pop()
        app.step()
        answer(app)
        yield "feedback"
        key(app, pygame.K_ESCAPE)
        yield "confirm"
        key(app, pygame.K_ESCAPE)
        key(app, pygame.K_RETURN)
    yield "results"
    click_on(app, "Review answers")
    yield "review"
    del app.stack[1:]
    q = next(q for q in questions if q.choices)
    turns = Turns([Seat(name, RoundState(RoundSetup(count=5), [q] * 5)) for name in "AB"],
                  "hotseat", same=True)
    app.push(QuestionScene(app, turns))
    app.step()
    answer(app)
    yield "handover"
    key(app, pygame.K_RETURN)
    answer(app)
    yield "reveal"
    del app.stack[1:]


@pytest.mark.parametrize("size", SIZES)
def test_every_screen_has_a_visible_button_back(tmp_path, size):
    app = new_app(seed=3, data_dir=tmp_path, size=size)
    app.settings.text_size = "largest"
    window = app.screen.get_rect()
    seen = set()
    for name in screens(app):
        shown = {id: widget(app, id) for id in app.scene.widgets() if id in BACKS}
        assert any(rect.width and window.contains(rect) for rect in shown.values()), \
            (name, type(app.scene).__name__, list(app.scene.widgets()))
        seen.add(type(app.scene).__name__)
    assert {"QuestionScene", "FeedbackScene", "ContextScene", "ReviewScene", "RevealScene",
            "HandoverScene", "ResultsScene", "SaveScene", "ConfirmScene"} <= seen
    pygame.quit()
