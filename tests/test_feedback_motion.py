"""The feedback's motion (issue 13 §4): a right answer's mark pulses once and its points
count up, a wrong one's mark shakes once, a partly right one's stays still; the judgment
words light up one by one. All of it within 300 ms, ended by any key or click (which then
acts at once), and none of it with Reduce motion. Driven through the real loop."""
import pygame
import pytest

from pilot import Drawn, answer, click, key, new_app, run_frames
from game.quiz.questions import generate
from game.quiz.round import RoundSetup
from game.quiz.state import RoundState
from game.quiz.verdict import Verdict
from game.scenes.feedback import FeedbackScene
from game.scenes.question import QuestionScene
from game.ui.motion import LONGEST

FRAMES = round(LONGEST * 60) + 2     # every motion is over by then


@pytest.fixture
def app():
    app = new_app(size=(1280, 720), seed=5)
    yield app
    pygame.quit()


def ask(app, skill="fact_or_opinion", least_cues=0) -> QuestionScene:
    q = next(q for q in generate(app.loaded.bank) if q.skill == skill
             and len(q.cue_words) >= least_cues)
    scene = QuestionScene(app, RoundState(RoundSetup(count=5), [q]))
    app.push(scene)
    app.step()
    return scene


def frames(app, n=FRAMES, watch=lambda scene: scene.mark_rect()) -> list:
    """What watch(feedback) gives on this frame and on each of the next n."""
    seen = [watch(app.scene)]
    for _ in range(n):
        run_frames(app)
        seen.append(watch(app.scene))
    return seen


def test_a_right_answers_mark_pulses_once_and_its_points_count_up(app):
    ask(app)
    drawn = Drawn(app)
    answer(app)
    feedback = app.scene
    assert isinstance(feedback, FeedbackScene) and feedback.answer.verdict is Verdict.RIGHT
    heads = []
    rects = frames(app, watch=lambda scene: (
        heads.extend(words for words, *_ in drawn.frame() if "points" in words),
        scene.mark_rect())[1])
    rest = rects[-1]
    # It grows in place (the panel rising under it) and back, once.
    assert rects[0].size == rest.size and max(r.width for r in rects) > rest.width * 1.15
    assert all(r.centerx == rest.centerx for r in rects)
    widths = [r.width for r in rects]
    top = widths.index(max(widths))
    assert widths[:top + 1] == sorted(widths[:top + 1]) and \
        widths[top:] == sorted(widths[top:], reverse=True)
    assert not feedback.moving
    # From few points to all of them, never down, ending at what the score changed by.
    counted = [int(words.split()[-2].replace("+", "")) for words in heads]
    final = feedback.answer.points
    assert counted == sorted(counted) and counted[-1] == final and counted[0] < final


def test_a_wrong_answers_mark_shakes_once_and_a_partly_right_ones_keeps_still(app):
    ask(app)
    answer(app, right=False)
    assert app.scene.answer.verdict is Verdict.WRONG
    rects = frames(app)
    rest = rects[-1]
    assert {r.size for r in rects} == {rest.size}
    lefts = [r.x - rest.x for r in rects]
    assert min(lefts) < 0 < max(lefts) and lefts[0] == 0
    key(app, pygame.K_RETURN)

    q = ask(app, "opinion_words", least_cues=2).question
    extra = min(set(range(len(q.words))) - q.cue_words)
    answer(app, given=q.cue_words | {extra})
    assert app.scene.answer.verdict is Verdict.PARTLY
    rects = frames(app)
    assert {(r.x, r.size) for r in rects} == {(rects[-1].x, rects[-1].size)}


def test_the_judgment_words_light_up_one_by_one_within_300_ms(app):
    q = ask(app, "opinion_words", least_cues=2).question
    answer(app)
    cues = sorted(q.cue_words)
    lit = frames(app, watch=lambda scene: [scene.lit(i) for i in cues])
    assert lit[0] == [0] * len(cues)                        # none before the panel is up
    assert any(0 < shown[0] and shown[-1] == 0 for shown in lit)     # first before last
    assert all(shown == sorted(shown, reverse=True) for shown in lit)  # in reading order
    done = next(n for n, shown in enumerate(lit) if shown == [1] * len(cues))
    assert done <= LONGEST * 60 + 1 and not app.scene.moving
    assert all(app.scene.lit(i) == 1 for i in range(len(q.words)))


@pytest.mark.parametrize("how", ["key", "click"])
def test_a_key_or_a_click_during_the_motion_ends_it_and_acts_at_once(app, how):
    ask(app)
    answer(app)
    feedback = app.scene
    run_frames(app, 8)
    assert feedback.moving
    if how == "key":
        key(app, pygame.K_DOWN)             # scrolls, if anything does: the motion is over
        assert app.scene is feedback and not feedback.moving
        still = feedback.mark_rect()
        run_frames(app, 8)
        assert feedback.mark_rect() == still
        key(app, pygame.K_RETURN)
    else:
        click(app, feedback.mark_rect().center)
    assert feedback not in app.stack        # on to what comes next, at once


def test_nothing_moves_with_reduce_motion(app):
    app.settings.reduce_motion = True
    scene = ask(app, "opinion_words", least_cues=2)
    q = scene.question
    answer(app)
    feedback = app.scene
    assert isinstance(feedback, FeedbackScene)
    assert not app.moving()             # the panel, the mark, the words, the score: all still
    rects = frames(app, 5)
    assert len(set(map(tuple, rects))) == 1
    assert all(feedback.lit(i) == 1 for i in q.cue_words)
    assert scene.shown_score == scene.state.score > 0
