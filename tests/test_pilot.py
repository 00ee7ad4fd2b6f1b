"""The pilot the tests and autoplay play with: it finds a widget by its id where the scene
drew it, below the warning strip too, and says what a scene shows when an id is not there."""
import pygame
import pytest

from game.scenes.settings_screen import SettingsScene
from pilot import answer, click_on, key, start_round, widget


def test_a_widget_is_clicked_where_it_is_drawn_under_the_warning_strip(app):
    app.results.db.execute("PRAGMA query_only = ON")
    app.results.retry()
    app.results.trouble = "the results file or its folder is read-only"
    app.step()
    assert app.strip_height() > 0
    assert widget(app, "Settings").top == app.scene.widgets()["Settings"].top \
        + app.strip_height()
    click_on(app, "Settings")
    assert isinstance(app.scene, SettingsScene)
    click_on(app, "back")
    click_on(app, "Play")
    assert [*app.scene.widgets()] == ["solo", "hotseat", "class", "devices", "Back"]


def test_an_id_the_scene_does_not_show_is_named_with_those_it_does(app):
    with pytest.raises(LookupError, match=r"TitleScene shows no widget 'Start'; it shows "
                                          r"\['Play', 'Progress', "):
        widget(app, "Start")


@pytest.mark.parametrize("by", ["keys", "mouse"])
def test_an_answer_given_is_the_answer_recorded(app, by):
    start_round(app)
    while app.scene.question.skill != "opinion_words":
        q = app.scene.question
        answer(app, given=len(q.choices) - 1, by=by)
        assert app.scene.answer.given == len(q.choices) - 1
        key(app, pygame.K_RETURN)
    q = app.scene.question
    picked = frozenset({0, len(q.words) - 1})
    answer(app, given=picked, by=by)
    assert app.scene.answer.given == picked
