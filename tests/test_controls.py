"""Controls that never trap or surprise (issue 13 §2), through the real loop: Esc asks before
it leaves a round or quits, a pointer at rest takes no focus, name boxes edit as text boxes
do, seats are never removed by accident, round setup's arrows stay in their column and stop
at the ends, and a whole class talks an answer over before it is revealed."""
import pygame
import pytest

from pilot import answer, click_on, compose, key, move, new_app, start_round, type_text, widget
from game.scenes.confirm import ConfirmScene
from game.scenes.feedback import FeedbackScene
from game.scenes.hotseat import HandoverScene
from game.scenes.lineup import ModeScene
from game.scenes.question import QuestionScene
from game.scenes.title import TitleScene


@pytest.fixture
def app(tmp_path):
    app = new_app(seed=3, data_dir=tmp_path)
    app.settings.round = {"count": 5}
    yield app
    pygame.quit()


def words_on(scene) -> str:
    return f"{scene.question} {scene.detail}"


# -- Esc ------------------------------------------------------------------------------------

def test_esc_on_a_question_asks_and_esc_again_stays(app):
    start_round(app)
    question = app.scene
    first = question.question
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, ConfirmScene)
    assert "Leave this round?" in words_on(app.scene) and "saved" in words_on(app.scene)
    assert app.stack[-2] is question
    key(app, pygame.K_ESCAPE)                       # stay
    assert app.scene is question and question.question is first
    answer(app)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_RETURN)                       # leave
    assert isinstance(app.scene, TitleScene)
    [row] = app.results.rounds()
    assert row.unfinished and row.answers == 1      # the answer given is kept


def test_leaving_by_the_mouse(app):
    start_round(app)
    key(app, pygame.K_ESCAPE)
    click_on(app, "Stay")
    assert isinstance(app.scene, QuestionScene)
    key(app, pygame.K_ESCAPE)
    click_on(app, "Leave")
    assert isinstance(app.scene, TitleScene)


def test_esc_on_the_feedback_never_skips_ahead(app):
    start_round(app)
    question = app.scene
    answer(app)
    feedback = app.scene
    assert isinstance(feedback, FeedbackScene)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, ConfirmScene) and "Leave this round?" in words_on(app.scene)
    key(app, pygame.K_ESCAPE)                       # stay: the same feedback, still
    assert app.scene is feedback and len(question.state.answers) == 1
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_RETURN)                       # leave from the feedback
    assert isinstance(app.scene, TitleScene) and app.results.rounds()[0].unfinished


def hot_seat_round(app, names=("Ana", "Ben")):
    """A hot-seat round of five on the same questions, started from the title."""
    from game.quiz.round import RoundSetup
    setup = RoundSetup.from_plain({"count": 5, "seed": 3}, app.loaded.bank.articles)
    app.scene.start_round(setup, list(names), "hotseat")
    app.step()


def test_esc_between_hot_seat_turns_asks_too(app):
    hot_seat_round(app)
    answer(app)
    assert isinstance(app.scene, HandoverScene)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, ConfirmScene)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, HandoverScene)
    click_on(app, "Leave round")                    # a button for it too
    assert isinstance(app.scene, ConfirmScene)
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, TitleScene)


def test_esc_on_the_title_asks_before_quitting(app):
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, ConfirmScene) and "Quit" in words_on(app.scene)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, TitleScene) and app.running
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_RETURN)
    assert not app.running


# -- the pointer ----------------------------------------------------------------------------

def test_a_pointer_at_rest_takes_no_focus(app):
    title = app.scene
    over_settings = widget(app, "Settings").center
    move(app, over_settings)        # the window appears under the pointer: no hover yet
    assert title.menu.focus == 0
    key(app, pygame.K_DOWN)
    move(app, over_settings)        # reported again, not moved: the keyboard's focus stays
    assert title.menu.focus == 1
    key(app, pygame.K_RETURN)       # Progress opens under the pointer, and closes
    key(app, pygame.K_ESCAPE)
    move(app, over_settings)
    assert title.menu.focus == 1
    move(app, (over_settings[0] + 3, over_settings[1]))     # it moves: the focus follows
    assert title.menu.focus == TitleScene.ITEMS.index("Settings")


def test_a_screen_appearing_under_the_pointer_keeps_its_focus(app):
    play = widget(app, "Play")
    move(app, play.center)
    move(app, (play.centerx, play.top + 3))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1,
                                         pos=(play.centerx, play.top + 3)))
    app.step(pygame.event.get())
    mode = app.scene
    assert isinstance(mode, ModeScene) and mode.menu.focus == 0
    under = [id for id, rect in mode.widgets().items() if rect.collidepoint(play.centerx,
                                                                           play.top + 3)]
    assert under and under != ["solo"]      # another button is under the pointer
    move(app, (play.centerx, play.top + 3))     # what SDL reports as the new screen is drawn
    assert mode.menu.focus == 0


def test_a_window_coming_back_under_the_pointer_takes_no_focus(app):
    title = app.scene
    over_quit = widget(app, "Quit").center
    move(app, over_quit)
    move(app, (over_quit[0] + 1, over_quit[1]))
    assert title.menu.focus == TitleScene.ITEMS.index("Quit")
    key(app, pygame.K_UP)
    assert title.menu.focus != TitleScene.ITEMS.index("Quit")
    focus = title.menu.focus
    pygame.event.post(pygame.event.Event(pygame.WINDOWLEAVE))
    pygame.event.post(pygame.event.Event(pygame.WINDOWENTER))
    app.step(pygame.event.get())
    move(app, (over_quit[0] + 5, over_quit[1]))  # where the pointer is now: no move seen yet
    assert title.menu.focus == focus
