"""Every screen that reports an answer to "spot the opinion words" marks it as the feedback
does (issue 13 §1): the sentence as written, the judgment words highlighted beside the
player's picks, boxed, and the engine's verdict in the same words. Driven through the real
loop; what is marked is what WordFlow.draw is asked to draw."""
import pygame
import pytest

from pilot import answer, click_on, key, new_app, run_frames, scroll_through, Drawn, readable
from game.quiz.questions import generate
from game.quiz.round import RoundSetup
from game.quiz.seats import Seat, Turns
from game.quiz.state import RoundState
from game.quiz.verdict import Verdict
from game.scenes.feedback import FeedbackScene
from game.scenes.hotseat import RevealScene
from game.scenes.question import QuestionScene
from game.scenes.review import ReviewScene
from game.ui import words as words_module


@pytest.fixture
def app(monkeypatch):
    app = new_app(size=(1280, 720), seed=5)
    app.marked = []     # (cues, picks) of each sentence drawn marked

    real = words_module.WordFlow.draw

    def spy(flow, surface, origin, text, theme, selected=frozenset(), focus=None,
            cues=frozenset(), picks=None, lit=None):
        if picks is not None or cues:
            app.marked.append((frozenset(cues), picks))
        return real(flow, surface, origin, text, theme, selected, focus, cues, picks, lit)
    monkeypatch.setattr(words_module.WordFlow, "draw", spy)
    yield app
    pygame.quit()


def questions(app):
    made = generate(app.loaded.bank)
    words = max((q for q in made if q.skill == "opinion_words" and len(q.cue_groups) >= 2),
                key=lambda q: len(q.text))
    extra = min(set(range(len(words.words))) - words.cue_words)
    return words, next(q for q in made if q.skill == "fact_or_opinion"), \
        words.cue_groups[0] | {extra}


def test_the_review_marks_the_picks_beside_the_cues_as_the_feedback_does(app):
    q, other, picked = questions(app)
    app.push(QuestionScene(app, RoundState(RoundSetup(count=5), [q, other])))
    app.step()
    answer(app, given=picked)
    run_frames(app, 30)
    feedback = app.scene
    assert isinstance(feedback, FeedbackScene) and feedback.answer.verdict is Verdict.PARTLY
    marks = feedback.marked_words()
    shown = {i for i, (_, pick, _) in enumerate(marks) if pick}, \
        {i for i, (_, _, cue) in enumerate(marks) if cue}
    assert shown == (picked, q.cue_words) and app.marked[-1] == (q.cue_words, picked)
    key(app, pygame.K_RETURN)
    answer(app)
    key(app, pygame.K_RETURN)
    drawn = Drawn(app)
    app.marked.clear()
    click_on(app, "Review answers")
    assert isinstance(app.scene, ReviewScene)
    assert app.marked == [(q.cue_words, picked)]        # the same marks, at the top
    frame = drawn.frame()
    said = [text for text, *_ in frame]
    assert any(Verdict.PARTLY.word in text for text in said)    # the engine's words
    assert any("Boxed: your picks" in text for text in said)
    for word in q.word_texts():     # the sentence as written, every word of it in view
        assert readable([frame], lambda text, word=word: text == word), word


def test_the_hot_seat_answer_screen_shows_each_seats_picks_beside_the_cues(app):
    q, _, picked = questions(app)
    names = ["Ana", "Ben"]
    turns = Turns([Seat(name, RoundState(RoundSetup(count=5), [q] * 5)) for name in names],
                  "hotseat", same=True)
    app.push(QuestionScene(app, turns))
    app.step()
    drawn = Drawn(app)
    answer(app)                             # Ana: right
    key(app, pygame.K_RETURN)               # Ben's turn
    answer(app, given=picked)               # Ben: partly right
    run_frames(app, 5)
    assert isinstance(app.scene, RevealScene)
    app.marked.clear()
    frames = scroll_through(app, drawn)
    # The sentence with its judgment words, then each seat's picks under its name.
    assert set(app.marked) == {(q.cue_words, None), (q.cue_words, q.cue_words),
                               (q.cue_words, picked)}
    said = " ".join(text for frame in frames for text, *_ in frame)
    for name, verdict in zip(names, (Verdict.RIGHT, Verdict.PARTLY)):
        assert f"{name}:" in said and verdict.word in said
    assert "What each seat picked" in said and "Boxed: their picks" in said
