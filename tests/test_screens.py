"""Round setup, settings, how to play, context, "how sure?", the timer and the review,
each driven through the real loop with posted events."""
import json

import pygame
import pytest

from pilot import (answer, click_on, drag, focus_row, key, new_app, run_frames, start_round,
                   type_text, wheel)
from game.scenes.feedback import FeedbackScene
from game.scenes.howto import HowToScene
from game.scenes.overlays import ConfidenceScene, ContextScene
from game.scenes.question import QuestionScene
from game.scenes.review import ReviewScene
from game.scenes.round_end import ResultsScene
from game.scenes.settings_screen import SettingsScene
from game.scenes.setup import SetupScene
from game.scenes.title import TitleScene
from game.store.settings import FILE_NAME
from game.ui.theme import HIGH_CONTRAST, STANDARD


def open_from_title(app, item):
    assert isinstance(app.scene, TitleScene)
    click_on(app, item)


def test_round_setup_by_keyboard_shapes_the_round(app, tmp_path):
    for _ in range(TitleScene.ITEMS.index("Round setup")):
        key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, SetupScene)
    focus_row(app, "count")
    for _ in range(5):
        key(app, pygame.K_LEFT)                    # 10 -> 5 questions
    focus_row(app, "timer")
    key(app, pygame.K_RIGHT)                       # off -> 10 s
    focus_row(app, "confidence")
    key(app, pygame.K_SPACE)
    focus_row(app, ("skill", "article_genre"))
    key(app, pygame.K_SPACE)                       # no "what kind of article?"
    focus_row(app, "start")
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)  # one player
    key(app, pygame.K_RETURN)  # as Player 1
    assert isinstance(app.scene, QuestionScene)
    setup = app.scene.state.setup
    assert (setup.count, setup.timer_seconds, setup.confidence) == (5, 10, True)
    assert len(app.scene.state.questions) == 5
    assert "article_genre" not in {q.skill for q in app.scene.state.questions}
    saved = json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8"))
    assert saved["round"]["count"] == 5 and saved["round"]["confidence"] is True

    if app.scene.question.skill == "opinion_words":
        key(app, pygame.K_SPACE)
        key(app, pygame.K_RETURN)
    else:
        key(app, pygame.K_1)
    assert isinstance(app.scene, ConfidenceScene)
    key(app, pygame.K_2)
    assert isinstance(app.scene, FeedbackScene)
    assert app.scene.answer.confidence == "fairly sure"


def test_round_setup_by_mouse_and_it_is_remembered(app, tmp_path):
    open_from_title(app, "Round setup")
    form = app.scene.form
    articles = [r for r in form.rows if isinstance(r.key, tuple) and r.key[0] == "article"]
    for row in articles[1:]:
        click_on(app, row.key)                     # untick all but the first
    skills = [r for r in form.rows if isinstance(r.key, tuple) and r.key[0] == "skill"]
    for row in skills:
        click_on(app, row.key)                     # the last one stays ticked
    assert [r.value for r in skills] == [False] * (len(skills) - 1) + [True]
    click_on(app, "start")
    key(app, pygame.K_RETURN)                      # one player
    key(app, pygame.K_RETURN)                      # as Player 1
    state = app.scene.state
    assert {q.article for q in state.questions} == {articles[0].key[1]}
    assert {q.skill for q in state.questions} == {skills[-1].key[1]}
    pygame.quit()

    again = new_app(seed=5, data_dir=tmp_path)       # a new run reads the same choices
    key(again, pygame.K_RETURN)
    key(again, pygame.K_RETURN)  # one player
    key(again, pygame.K_RETURN)  # as Player 1
    assert {q.article for q in again.scene.state.questions} == {articles[0].key[1]}


def test_setup_says_when_no_question_matches(app):
    open_from_title(app, "Round setup")
    form = app.scene.form
    focus_row(app, "difficulty")
    key(app, pygame.K_LEFT)
    key(app, pygame.K_LEFT)                        # easy only
    for row in form.rows:
        if isinstance(row.key, tuple) and row.key[0] == "skill" and row.value:
            click_on(app, row.key)
    # only one skill left; keep only "what kind of article?" (difficulty 2) if it is ticked
    click_on(app, ("skill", "article_genre"))
    for row in form.rows:
        if isinstance(row.key, tuple) and row.key[0] == "skill" and row.value \
                and row.key[1] != "article_genre":
            click_on(app, row.key)
    assert "No questions match" in app.scene.status()
    click_on(app, "start")
    assert isinstance(app.scene, SetupScene)         # nothing to play: it stays


def test_settings_apply_at_once_and_persist(app, tmp_path):
    open_from_title(app, "Settings")
    assert isinstance(app.scene, SettingsScene)
    key(app, pygame.K_RIGHT)                       # text size: large
    focus_row(app, "high_contrast")
    key(app, pygame.K_SPACE)
    assert app.theme is HIGH_CONTRAST and app.settings.text_scale > 1
    assert app.screen.get_at((2, 2))[:3] == HIGH_CONTRAST.background
    focus_row(app, "sound")
    key(app, pygame.K_RETURN)                      # sound off
    assert app.motion
    focus_row(app, "reduce_motion")
    key(app, pygame.K_RETURN)
    assert not app.motion
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, TitleScene)
    pygame.quit()
    again = new_app(data_dir=tmp_path)
    assert again.theme is HIGH_CONTRAST
    assert (again.settings.text_size, again.settings.sound) == ("large", False)
    assert not again.sounds.enabled and not again.motion
    assert list(tmp_path.glob("*.tmp")) == []      # written by rename, nothing left over


def test_unreadable_settings_are_kept_aside_and_defaults_used(tmp_path):
    (tmp_path / FILE_NAME).write_text("{not json", encoding="utf-8")
    app = new_app(data_dir=tmp_path)
    assert app.theme is STANDARD
    assert any("could not be read" in n for n in app.notices)
    kept = list(tmp_path.glob(FILE_NAME + ".unreadable-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{not json"
    pygame.quit()


def test_how_to_play_shows_bank_examples_and_scrolls(app):
    open_from_title(app, "How to play")
    scene = app.scene
    assert isinstance(scene, HowToScene)
    quotes = [payload[0] for kind, payload in scene.items() if kind == "quote"]
    texts = {s.text: s for s in app.loaded.bank.statements}
    labels = [texts[q.strip("“”")].label for q in quotes]
    assert labels[:2] == ["fact", "opinion"] and len(quotes) == 3
    wheel(app, -2)
    assert scene.scroll.offset > 0
    drag(app, scene.scroll.view.center, 30)      # dragging down goes back up
    after_drag = scene.scroll.offset
    key(app, pygame.K_END)
    assert scene.scroll.offset == scene.scroll.max_offset > after_drag
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, TitleScene)


def test_context_by_key_and_by_button(app):
    start_round(app)
    scene = app.scene
    while not scene.question.statement:
        answer(app)
        key(app, pygame.K_RETURN)
    statement = next(s for s in app.loaded.bank.statements if s.id == scene.question.statement)
    key(app, pygame.K_c)
    assert isinstance(app.scene, ContextScene)
    assert statement.text in app.scene.body and len(app.scene.body) > len(statement.text) + 10
    key(app, pygame.K_ESCAPE)
    assert app.scene is scene and scene.question.statement == statement.id
    click_on(app, "context")
    assert isinstance(app.scene, ContextScene)
    click_on(app, "Close")
    assert app.scene is scene


def test_time_runs_out(app):
    app.settings.round = {"timer_seconds": 10}
    start_round(app)
    assert app.scene.time_left() == 10
    run_frames(app, 11, dt=1.0)
    assert isinstance(app.scene, FeedbackScene)
    answer = app.scene.answer
    assert answer.given in (None, frozenset()) and not answer.correct and answer.points == 0


def test_review_lists_every_answer_and_scrolls(app):
    start_round(app)
    while isinstance(app.scene, QuestionScene):
        answer(app)
        key(app, pygame.K_RETURN)
    assert isinstance(app.scene, ResultsScene)
    click_on(app, "Review answers")
    review = app.scene
    assert isinstance(review, ReviewScene)
    items = review.items()
    for given in review.state.answers:
        assert ("p", given.question.explanation) in items
    assert sum(kind == "mark" for kind, _ in items) == len(review.state.answers)
    wheel(app, -3)
    first = review.scroll.offset
    assert first > 0
    key(app, pygame.K_PAGEDOWN)
    assert review.scroll.offset > first
    drag(app, review.scroll.view.center, -50)
    assert review.scroll.offset > first
    click_on(app, "Back")
    assert isinstance(app.scene, ResultsScene)


def test_a_player_types_a_name_and_the_round_is_theirs(app, tmp_path):
    from game.scenes.name import NameScene
    key(app, pygame.K_RETURN)                      # Play
    key(app, pygame.K_RETURN)                      # one player
    assert isinstance(app.scene, NameScene) and app.scene.name == "Player 1"
    assert app.scene.field.text == ""              # offered, not typed: nothing to erase
    type_text(app, "Zoë O'Brien, Jr.x")
    key(app, pygame.K_BACKSPACE)
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, QuestionScene)
    answer(app)
    [row] = app.results.rounds()
    assert (row.player, row.answers, row.right) == ("Zoë O'Brien, Jr.", 1, 1)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_RETURN)                      # leave the round: it stays unfinished
    assert isinstance(app.scene, TitleScene) and app.results.rounds()[0].unfinished

    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    assert app.scene.name == "Zoë O'Brien, Jr."     # the last player is offered again
    type_text(app, "Ana")
    key(app, pygame.K_RETURN)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_RETURN)                      # leave
    key(app, pygame.K_RETURN)                      # Play: pick Zoë from the list
    key(app, pygame.K_RETURN)
    assert app.scene.name == "Ana"                 # "Ana" is offered, and not typed
    type_text(app, "z")
    assert app.scene.menu.labels == ["Zoë O'Brien, Jr."]
    click_on(app, "Zoë O'Brien, Jr.")
    assert isinstance(app.scene, QuestionScene)
    assert [r.player for r in app.results.rounds()] == ["Zoë O'Brien, Jr.", "Ana",
                                                         "Zoë O'Brien, Jr."]
