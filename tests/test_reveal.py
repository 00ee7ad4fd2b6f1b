"""The hot-seat answer screen (every seat has answered the same question) at the smallest
window with the largest text: the explanation and what the record shows are as large as in
the one-player feedback, all of it can be read (on screen or by scrolling), and every seat's
row stays in view. Driven through the real loop, measured by what is drawn."""
import pygame
import pytest

from pilot import (Drawn, answer, click, drag, key, new_app, play_question, readable,
                   run_frames, scroll_through, seen, wheel)
from game.quiz.state import RoundState
from game.quiz.questions import generate
from game.quiz.round import RoundSetup
from game.quiz.seats import Seat, Turns
from game.quiz.state import RoundState
from game.quiz.wording import given_words
from game.scenes.feedback import FeedbackScene
from game.scenes.hotseat import HandoverScene, RevealScene
from game.scenes.question import QuestionScene

# As many seats as a hot seat takes, one name as long as a name may be (40 characters).
NAMES = ["Zoë O'Brien, Jr.", "Table 2", "The Fact Checkers", "Ana",
         "Team with a rather long name, the longest"[:40], "Table 6", "Sam", "Table 8"]
SIZE = (960, 540)


def hardest(bank) -> list:
    """Every question with a record, the longest explanations and the longest sentence:
    the most a reveal has to say. And one short explanation, at which the feedback panel
    keeps its full size."""
    questions = generate(bank, seed=1)
    picked = [q for q in questions if q.record]
    rest = [q for q in questions if not q.record]
    picked += sorted(rest, key=lambda q: -len(q.explanation))[:4]
    picked.append(max(rest, key=lambda q: len(q.text)))
    picked.append(min(rest, key=lambda q: len(q.explanation)))
    return picked


def feedback_size(app, drawn, question) -> int:
    """The size the one-player feedback panel draws this question's explanation at."""
    below = app.stack[:]
    play_question(app, question)
    run_frames(app, 20)
    assert isinstance(app.scene, FeedbackScene)
    sizes = [size for words, size, _, _ in drawn.frame() if question.explanation in words]
    app.stack[:] = below
    assert sizes, question.statement
    return sizes[0]


def answer_every_seat(app, n: int) -> None:
    """Each seat answers in turn, some right and some wrong (wrong words picked, or the
    next choice), through the handovers, up to the answer screen."""
    turns = app.scene.turns
    for i in range(len(turns.seats)):
        if isinstance(app.scene, HandoverScene):
            key(app, pygame.K_RETURN)
        q = app.scene.question
        right = (i + n) % 3 == 0
        if right or q.choices:
            answer(app, right=right)
        else:           # wrong words picked, not none
            answer(app, given=frozenset(range(min(4, len(q.words)))))
    run_frames(app, 5)


@pytest.fixture(params=["largest", "projector"])
def app(tmp_path, request):
    app = new_app(seed=5, data_dir=tmp_path, size=SIZE)
    if request.param == "projector":
        app.settings.projector = True       # the largest text, wider margins, high contrast
    else:
        app.settings.text_size = "largest"
    yield app
    pygame.quit()


def test_the_answer_screen_is_as_readable_as_the_feedback_and_shows_every_seat(app):
    drawn = Drawn(app)
    questions = hardest(app.loaded.bank)
    # The feedback panel's text size at this window and text setting: the size at which
    # it draws an explanation it has room for (a long one may be set smaller).
    least = max(feedback_size(app, drawn, q) for q in questions)
    setup = RoundSetup(count=len(questions))
    turns = Turns([Seat(name, RoundState(setup, list(questions))) for name in NAMES],
                  "hotseat", same=True)
    app.push(QuestionScene(app, turns))
    app.step()
    for n, q in enumerate(questions):
        answer_every_seat(app, n)
        assert isinstance(app.scene, RevealScene), q.statement
        frames = scroll_through(app, drawn)
        wanted = [q.prompt, q.explanation] + [q.record] * bool(q.record) + [q.text] * bool(q.text)
        if q.skill == "opinion_words":  # the sentence in its words, each seat's picks marked
            wanted[-1:] = [lambda text, word=word: text == word for word in q.word_texts()]
        for words in wanted:
            assert readable(frames, words), (q.statement, q.skill, words)
            if words not in (q.prompt,):  # the sentence is not shrunk either
                sizes = seen(frames, words)[0]
                assert min(sizes) >= least, (q.statement, q.skill, sizes, least)
        first = frames[0]
        whole_at_once = all(readable([first], words) for words in wanted)
        more = [text for text, _, _, visible in first if "more below" in text.lower()
                and visible.height]
        assert whole_at_once or more, (q.statement, "no sign that there is more below")
        assert not any("more below" in text.lower() for text, *_ in frames[-1])
        for seat in turns.seats:    # what each seat answered: in its row, or further down
            given = given_words(seat.state.answers[n])
            assert readable(frames, lambda text: text.startswith(seat.name) and given in text), (
                q.statement, seat.name, given)
        for frame in frames:
            for seat in turns.seats:        # every seat's row, whole, at every scroll
                rows = [(size, rect, visible) for text, size, rect, visible in frame
                        if text.startswith(seat.name)]
                assert any(visible == rect and size >= 16
                           for size, rect, visible in rows), (q.statement, seat.name)
            shown = [(text, visible) for text, _, _, visible in frame if visible.height]
            for i, (text, one) in enumerate(shown):     # nothing drawn over anything else
                assert one.collidelist([v for _, v in shown[i + 1:]]) == -1, (q.statement,
                                                                              text[:40])
        key(app, pygame.K_RETURN)
        if n + 1 < len(questions):
            assert isinstance(app.scene, (HandoverScene, QuestionScene)), q.statement


def reveal_of(app, question, names=NAMES[:3]):
    """Every seat has answered question (the first right, the others wrong): its reveal."""
    setup = RoundSetup(count=5)
    turns = Turns([Seat(name, RoundState(setup, [question] * 5)) for name in names],
                  "hotseat", same=True)
    app.push(QuestionScene(app, turns))
    app.step()
    answer_every_seat(app, 0)
    assert isinstance(app.scene, RevealScene)
    return app.scene


def top_of(drawn, words) -> int:
    return next(rect.top for text, _, rect, _ in drawn.frame() if words in text)


def test_a_long_answer_scrolls_by_wheel_keys_and_drag_and_continues_by_button(app):
    drawn = Drawn(app)
    longest = max((q for q in generate(app.loaded.bank, seed=1) if q.record),
                  key=lambda q: len(q.explanation) + len(q.record))
    scene = reveal_of(app, longest)
    words = longest.explanation
    start = top_of(drawn, words)
    wheel(app, -1)                                  # the wheel turned towards the reader
    after_wheel = top_of(drawn, words)
    assert after_wheel < start
    key(app, pygame.K_PAGEDOWN)
    assert top_of(drawn, words) < after_wheel
    key(app, pygame.K_HOME)
    assert top_of(drawn, words) == start
    key(app, pygame.K_END)
    assert not any("more below" in text.lower() for text, *_ in drawn.frame())
    key(app, pygame.K_HOME)
    drag(app, (app.screen.get_width() // 2, app.screen.get_height() // 2), -60)
    assert app.scene is scene               # pressing on the text starts a drag, no more
    assert top_of(drawn, words) < start
    texts = [text for text, *_ in drawn.frame()]
    assert "Continue" in texts
    button = next(rect for text, _, rect, _ in drawn.frame() if text == "Continue")
    click(app, button.center)
    assert app.scene is not scene and isinstance(app.scene, HandoverScene)


def test_quiet_frames_on_the_answer_screen_do_no_text_work(app, monkeypatch):
    import game.ui.text as text_module
    longest = max((q for q in generate(app.loaded.bank, seed=1) if q.record),
                  key=lambda q: len(q.explanation) + len(q.record))
    reveal_of(app, longest, NAMES)
    run_frames(app, 3)
    calls = []
    real_wrap = text_module.wrap
    monkeypatch.setattr(text_module, "wrap", lambda *a: calls.append(a) or real_wrap(*a))
    measured = []
    real_height = app.text.height
    monkeypatch.setattr(app.text, "height", lambda *a, **k: measured.append(a)
                        or real_height(*a, **k))
    before = app.text.renders
    run_frames(app, 3)
    assert calls == [] and app.text.renders == before
    key(app, pygame.K_DOWN)     # scrolling renders what comes into view, and lays out nothing
    run_frames(app, 3)
    assert measured == []
    calls.clear()
    before = app.text.renders
    run_frames(app, 3)
    assert calls == [] and measured == [] and app.text.renders == before
