"""A whole class's show of hands (issue 13 §2, "Whole class mode earns its name"): while the
class talks its answer over, the teacher counts the hands up for each answer, by keys or by
clicks; the panel shows a bar per answer with the count in words and nothing of which is
right; the reveal and the review say how many hands the right answer had. Driven through
the real loop."""
import json

import pygame
import pytest

from pilot import Drawn, answer, click_on, key, new_app, readable, scroll_through
from game.quiz.hands import WORD_OPTIONS
from game.scenes.discuss import HINT, DiscussScene
from game.scenes.feedback import FeedbackScene
from game.scenes.question_page import LEAVE_LABEL
from game.scenes.review import ReviewScene
from game.ui.layout import TEXT
from game.ui.scroll import MORE


@pytest.fixture
def app(classroom_app):
    return classroom_app


def start_class(app, skills) -> object:
    """Play, Whole class, the class offered: a round of these skills. The question scene."""
    app.settings.round = {"count": 5, "skills": list(skills)}
    key(app, pygame.K_RETURN)
    click_on(app, "class")
    key(app, pygame.K_RETURN)
    return app.scene


def said(app) -> list[str]:
    """Every block of text the scene on top draws now."""
    drawn = Drawn(app)
    return [text for text, *_ in drawn.frame()]


def press(app, *keys) -> None:
    for k in keys:
        key(app, k)


def test_a_class_counts_its_hands_by_keys_and_clicks_and_nothing_says_which_is_right(app):
    question = start_class(app, ["fact_or_opinion"])
    q = question.question
    answer(app, right=False)
    talk = app.scene
    assert isinstance(talk, DiscussScene)
    shown = talk.widgets()
    for i in range(len(q.choices)):                 # a row per choice, − and + for a mouse
        assert {("hands", i), ("fewer", i), ("more", i)} <= shown.keys()
    assert {"Reveal the answer", "Change the answer", "Leave"} <= shown.keys()
    # By keys: ↑ from Reveal to the last answer, ↑ again to the first; digits typed.
    press(app, pygame.K_UP, pygame.K_UP, pygame.K_1, pygame.K_3)
    assert question.flow.hands[0] == 13
    press(app, pygame.K_BACKSPACE, pygame.K_2)      # a slip put right
    assert question.flow.hands[0] == 12
    press(app, pygame.K_EQUALS, pygame.K_RIGHT, pygame.K_MINUS, pygame.K_LEFT)  # + → − ←
    assert question.flow.hands[0] == 12
    # By clicks on the second answer's + and −.
    for _ in range(9):
        click_on(app, ("more", 1))
    click_on(app, ("fewer", 1))
    assert question.flow.hands == (12, 8)
    frame = said(app)
    assert "12 hands, 60%" in frame and "8 hands, 40%" in frame
    assert all(choice in frame for choice in q.choices)     # each bar with its answer's words
    # Nothing says which is right, and nothing has been scored.
    assert not any(word in text.lower() for text in frame
                   for word in ("right", "wrong", "correct", "points", "✓"))
    assert (question.state.score, question.state.answers) == (0, [])
    assert app.scene is talk
    key(app, pygame.K_DOWN)         # from the clicked row to Reveal:
    key(app, pygame.K_1)            # on a button a number is no answer and no count
    assert app.scene is talk and question.flow.hands == (12, 8)


def test_enter_on_a_row_goes_to_the_next_and_reveal_shows_the_hands_beside_the_answer(app):
    question = start_class(app, ["fact_or_opinion"])
    q = question.question
    answer(app, right=True)
    key(app, pygame.K_TAB)                          # from Reveal to Change the answer,
    key(app, pygame.K_TAB)                          # then round to the first answer
    counts = {q.answer: 12, 1 - q.answer: 8}
    for k in str(counts[0]):
        key(app, pygame.K_0 + int(k))
    key(app, pygame.K_RETURN)                       # the next answer: nothing revealed yet
    assert isinstance(app.scene, DiscussScene)
    key(app, getattr(pygame, f"K_KP_{counts[1]}"))  # the keypad types too
    key(app, pygame.K_RETURN)                       # onto Reveal
    assert isinstance(app.scene, DiscussScene) and question.flow.hands == (counts[0], counts[1])
    key(app, pygame.K_RETURN)                       # the teacher reveals
    feedback = app.scene
    assert isinstance(feedback, FeedbackScene) and feedback.answer.correct
    body = "\n".join(text for text, _ in feedback.blocks())
    assert f"Answer: {q.choices[q.answer]} — 12 of 20 hands" in body
    stored = app.results.answers(app.results.rounds()[0].id)[0]
    assert json.loads(stored["hands"]) == {q.choices[q.answer]: 12, q.choices[1 - q.answer]: 8}
    # The next question starts with no hands counted.
    key(app, pygame.K_RETURN)
    second = question.question
    answer(app)
    assert question.flow.hands == (0, 0)
    key(app, pygame.K_RETURN)                       # revealed with none: nothing said of hands
    assert app.scene.answer.hands is None
    assert f"Answer: {second.choices[second.answer]} —" not in \
        "\n".join(text for text, _ in app.scene.blocks())
    key(app, pygame.K_RETURN)
    while app.scene is question:                    # the rest of the round, no hands counted
        answer(app)
        key(app, pygame.K_RETURN)
        key(app, pygame.K_RETURN)
    click_on(app, "Review answers")
    review = app.scene
    assert isinstance(review, ReviewScene)
    text = [payload for kind, payload in review.items() if kind == "p"]
    assert f"Right answer: {right_words(q)} — 12 of 20 hands" in text
    assert any(line.startswith("Show of hands: ") and "12 hands, 60%" in line
               and "8 hands, 40%" in line for line in text)
    assert sum(line.startswith("Show of hands: ") for line in text) == 1    # one was counted


def right_words(q):
    from game.quiz.wording import right_words as words
    return words(q)


def test_picked_words_take_hands_for_agreeing_with_the_picks_or_not(app):
    question = start_class(app, ["opinion_words"])
    q = question.question
    answer(app, given=q.cue_words)
    talk = app.scene
    assert isinstance(talk, DiscussScene)
    assert {("hands", 0), ("hands", 1)} <= talk.widgets().keys() and \
        ("hands", 2) not in talk.widgets()
    frame = said(app)
    assert all(option in frame for option in WORD_OPTIONS)
    for _ in range(3):
        click_on(app, ("more", 0))
    click_on(app, ("more", 1))
    assert "3 hands, 75%" in said(app) and "1 hand, 25%" in said(app)
    click_on(app, "Reveal the answer")
    body = "\n".join(text for text, _ in app.scene.blocks())
    assert "3 of 4 hands agreed with the class’s picks" in body


def test_change_the_answer_and_leave_still_work_with_hands_up(app):
    question = start_class(app, ["fact_or_opinion"])
    q = question.question
    answer(app, right=False)
    click_on(app, ("more", 0))
    click_on(app, "Change the answer")
    assert app.scene is question and question.question is q
    answer(app, right=True)
    assert question.flow.hands[0] == 1              # the room's hands are still up
    key(app, pygame.K_ESCAPE)                       # Esc asks, and Esc stays
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, DiscussScene)
    click_on(app, "Leave")
    key(app, pygame.K_RETURN)
    assert not any(isinstance(s, DiscussScene) for s in app.stack)


@pytest.mark.parametrize("skill,given", [("fact_or_opinion", None), ("article_genre", None),
                                         ("opinion_words", "all")])
@pytest.mark.parametrize("text_size", ["largest", "projector"])
def test_nothing_in_the_panel_is_set_under_the_body_size_at_960x540(tmp_path, skill, given,
                                                                      text_size):
    app = new_app(size=(960, 540), seed=3, data_dir=tmp_path)
    app.settings.text_size = "largest"
    app.settings.projector = text_size == "projector"
    question = start_class(app, [skill])
    q = question.question
    if given == "all":                              # every word picked: the most to say
        given = frozenset(range(len(q.words)))
    drawn = Drawn(app)
    answer(app, given=given, right=False)
    talk = app.scene
    assert isinstance(talk, DiscussScene)
    body = app.layout().font(TEXT.body)
    frames = scroll_through(app, drawn, pygame.K_PAGEDOWN)
    small = {HINT, LEAVE_LABEL, MORE}               # the keys' hints, as on every screen
    sizes = {size for frame in frames for text, size, *_ in frame if text not in small}
    assert sizes and min(sizes) >= body
    for line in (talk.said, talk.talk, "0 hands, 0%"):
        assert readable(frames, line), line
    # Every row can be reached, its − and + in view to click.
    for i in range(len(question.flow.hands)):
        key(app, pygame.K_UP)
        shown = talk.widgets()
        row = len(question.flow.hands) - 1 - i
        assert shown[("fewer", row)].height > 0 and shown[("more", row)].height > 0
    if q.choices:       # the quote stays in view above or beside the panel
        assert not question.layout().quote_box.colliderect(talk.panel())
    pygame.quit()
