"""The end of a round in pictures (issue 13 §4): a bar per skill played, its numbers in
words beside it, scrolling rather than shrinking; and the hot seat's podium rising, at
once with Reduce motion."""
import pygame
import pytest

from pilot import Drawn, key, new_app, run_frames
from game.quiz.questions import SKILLS
from game.quiz.round import RoundSetup, build_round
from game.quiz.seats import seat_round
from game.quiz.state import RoundState
from game.scenes.hotseat import PodiumScene
from game.scenes.round_end import ResultsScene
from game.tools.shots import _given
from game.ui.layout import TEXT


def played(app, confidence=False) -> RoundState:
    setup = RoundSetup(count=12, seed=2, confidence=confidence)
    state = RoundState(setup, build_round(app.loaded.bank, setup))
    for i, q in enumerate(state.questions):
        state.answer(_given(q, ("right", "partly", "wrong")[i % 3]),
                     confidence=("sure", "guessing")[i % 2] if confidence else None)
    return state


def test_the_round_end_charts_each_skill_played_with_its_numbers_in_words():
    app = new_app(size=(1280, 720), seed=5)
    drawn = Drawn(app)
    state = played(app)
    app.push(ResultsScene(app, state))
    run_frames(app, 30)
    bars = {label: (share, partly, note) for kind, (label, share, partly, note) in
            ((k, p) for k, p in sum(app.scene.columns, []) if k == "meter")}
    skills = state.by_skill()
    assert len(skills) >= 3 and set(bars) == {SKILLS[s].rstrip("?") for s in skills}
    frame = drawn.frame()
    shown = [words for words, *_ in frame]
    app.draw(app.screen)
    theme, size = app.theme, app.layout().font(TEXT.label)
    for skill, tally in skills.items():
        # Under its name, the bar: filled as far as the right answers go, then partly right.
        name = min((rect for words, _, rect, _ in frame if words == SKILLS[skill].rstrip("?")),
                   key=lambda rect: rect.left)      # in the left column
        under = pygame.Rect(name.left, name.bottom, app.layout().content().width // 3,
                            size * 5 // 2)     # the bar, under the note if that is there
        colours = {tuple(app.screen.get_at((x, y)))[:3] for x in range(under.left, under.right)
                   for y in range(under.top, under.bottom)}
        assert (theme.accent in colours) == (tally.right > 0), skill
        assert (theme.partly in colours) == (tally.partly > 0), skill
        share, partly, note = bars[SKILLS[skill].rstrip("?")]
        assert share == pytest.approx(tally.share)
        assert partly == pytest.approx(tally.partly / tally.asked)
        assert f"{tally.right} of {tally.asked} right" in note
        assert SKILLS[skill].rstrip("?") in shown and note in shown
    pygame.quit()


@pytest.mark.parametrize("text_size", ["largest", "projector"])
def test_the_round_end_scrolls_rather_than_shrink(text_size):
    """At the smallest window: nothing under the documents' size (the notes beside the bars
    a tenth smaller), and every line reached by scrolling."""
    app = new_app(size=(960, 540), seed=5)
    if text_size == "projector":
        app.settings.projector = True
    else:
        app.settings.text_size = text_size
    drawn = Drawn(app)
    state = played(app, confidence=True)
    app.push(ResultsScene(app, state))
    run_frames(app, 30)
    least = round(app.layout().font(TEXT.text) * 0.9)
    frames = [drawn.frame()]
    for _ in range(20):
        key(app, pygame.K_PAGEDOWN)
        frames.append(drawn.frame())
    sizes = {size for frame in frames for _, size, *_ in frame}
    assert min(sizes) >= least
    seen = {words for frame in frames for words, _, _, visible in frame if visible.height}
    for kind, payload in sum(app.scene.columns, []):
        if kind in ("h", "sub", "p"):
            assert payload in seen, payload
    pygame.quit()


def podium(reduce_motion: bool):
    app = new_app(size=(1280, 720), seed=5)
    app.settings.reduce_motion = reduce_motion
    drawn = Drawn(app)
    turns = seat_round(app.loaded.bank, RoundSetup(count=5, seed=1),
                       ["Ana", "Ben", "The Fact Checkers", "Sam"], "hotseat")
    for n in range(5):
        for i, seat in enumerate(turns.seats):
            seat.state.answer(_given(seat.state.current, ("right", "partly", "wrong")[(i + n) % 3]))
    app.push(PodiumScene(app, turns))
    app.step(dt=0)
    return app, drawn


def readable(app, drawn) -> None:
    """Each of the three on the podium: their name over their step, their score on it."""
    shown = drawn.frame()
    for place, name, step in app.scene.steps():
        seat = next(s for s in app.scene.turns.seats if s.name == name)
        assert any(words == name and rect.bottom <= step.top for words, _, rect, _ in shown)
        assert any(words == str(seat.state.score) and step.contains(rect)
                   for words, _, rect, _ in shown)


def test_the_podium_stands_at_full_height_at_once_with_reduce_motion():
    app, drawn = podium(reduce_motion=True)
    first = app.scene.steps()
    assert not app.scene.moving
    run_frames(app, 30)
    assert app.scene.steps() == first
    readable(app, drawn)
    pygame.quit()


def test_the_podium_rises_within_300_ms_readable_all_the_while():
    app, drawn = podium(reduce_motion=False)
    full, _ = podium(reduce_motion=True)
    risen = full.scene.steps()
    heights = []
    assert app.scene.moving
    for _ in range(18):         # 0.3 s at 60 frames a second
        heights.append([step.height for _, _, step in app.scene.steps()])
        readable(app, drawn)
        run_frames(app)
    assert heights[0] != [step.height for _, _, step in risen]     # it started lower
    assert all(a <= b for earlier, later in zip(heights, heights[1:])
               for a, b in zip(earlier, later))                     # and only rose
    assert app.scene.steps() == risen and not app.scene.moving
    pygame.quit()


def test_a_key_lands_the_podium_at_once():
    app, _ = podium(reduce_motion=False)
    full, _ = podium(reduce_motion=True)
    key(app, pygame.K_RIGHT)
    assert app.scene.steps() == full.scene.steps()
    pygame.quit()
