"""Idle costs nothing (issue 13 §5): the real loop (game.loop) draws a still screen once
and then sleeps until input comes or something is due; motion, input and a running clock
keep it drawing; live reload, the banner and the results file's retries go on while it
sleeps. A fake clock stands in for time, so nothing here sleeps."""
import os
import shutil

import pygame
import pytest

from conftest import ROOT
from game.loop import FPS, Loop
from game.scenes.feedback import FeedbackScene
from game.scenes.question import QuestionScene
from game.scenes.title import TitleScene
from game.watch import PERIOD
from pilot import new_app


class FakeTime:
    """pygame's clock and the loop's wait, on a clock that moves only when told."""

    def __init__(self):
        self.now = self.last = 0.0
        self.waits: list[float] = []      # each sleep's timeout, in seconds

    def tick(self, fps: int = 0) -> float:
        """Milliseconds since the last tick; a frame lasts at least 1/fps."""
        if fps:
            self.now = max(self.now, self.last + 1 / fps)
        ms, self.last = (self.now - self.last) * 1000, self.now
        return ms

    def wait(self, timeout: float) -> list:
        """Input already posted ends the sleep at once; else the whole timeout passes."""
        self.waits.append(timeout)
        events = pygame.event.get()
        if not events:
            self.now += timeout
        return events


@pytest.fixture
def app(tmp_path):
    app = new_app(seed=5, data_dir=tmp_path / "data")
    yield app
    pygame.quit()


def looped(app) -> tuple[Loop, FakeTime]:
    fake = FakeTime()
    return Loop(app, clock=fake, wait=fake.wait), fake


def turns(loop, n: int) -> int:
    """How many of n turns of the loop drew a frame."""
    before = loop.app.frames
    for _ in range(n):
        loop.turn()
    return loop.app.frames - before


def settle(loop) -> None:
    """The window's first events drawn; the last motion finished."""
    turns(loop, 2 * FPS)
    assert turns(loop, 5) == 0


def press(k: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode=""))


def start_round(loop, timer=None) -> QuestionScene:
    loop.app.settings.round = {"timer_seconds": timer}
    for _ in range(3):        # Play, one player, as Player 1
        press(pygame.K_RETURN)
        turns(loop, 1)
    assert isinstance(loop.app.scene, QuestionScene)
    return loop.app.scene


def test_a_still_title_is_drawn_once_then_the_loop_sleeps(app):
    loop, fake = looped(app)
    settle(loop)
    assert turns(loop, 600) == 0
    # It woke at least once a second, for the question files' next look, and no oftener.
    assert max(fake.waits) <= PERIOD and fake.now >= 590 * PERIOD
    assert isinstance(app.scene, TitleScene) and app.running


def test_a_key_wakes_it_and_is_drawn(app):
    loop, fake = looped(app)
    settle(loop)
    focus = app.scene.menu.focus
    press(pygame.K_DOWN)
    assert turns(loop, 1) == 1 and app.scene.menu.focus != focus
    assert turns(loop, 5) == 0
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(5, 5), rel=(1, 1),
                                         buttons=(0, 0, 0)))
    assert turns(loop, 1) == 1                       # a hover may change the picture


def test_a_question_without_a_timer_sleeps_and_times_an_answer_when_it_is_given(app):
    loop, fake = looped(app)
    scene = start_round(loop)
    settle(loop)
    asked = scene.flow.elapsed
    assert turns(loop, 10) == 0 and fake.now > 9
    # Ten seconds went by asleep: the answer is timed then, not at the last frame drawn.
    slept = fake.now - fake.last
    press(pygame.K_1 if scene.question.choices else pygame.K_RETURN)
    turns(loop, 1)
    answer = scene.state.answers[-1]
    assert answer.seconds == pytest.approx(asked + 10 * PERIOD + slept, abs=2 / FPS)


def test_a_timed_question_is_drawn_every_frame_until_time_is_up(app):
    loop, fake = looped(app)
    scene = start_round(loop, timer=5)
    assert turns(loop, FPS) == FPS               # the clock and its bar move every frame
    assert 4 <= scene.time_left() <= 5
    turns(loop, 5 * FPS)
    assert isinstance(app.scene, FeedbackScene)  # time is up, said as ever
    settle(loop)


def test_the_feedback_rising_and_the_score_counting_are_drawn_then_it_sleeps(app):
    loop, fake = looped(app)
    scene = start_round(loop)
    settle(loop)
    q = scene.question
    scene._answer(q.cue_words if q.skill == "opinion_words" else q.answer)   # right
    drawn = turns(loop, FPS)
    assert isinstance(app.scene, FeedbackScene) and scene.shown_score == scene.state.score
    # One frame per 1/60 s while anything moves (the panel's 0.15 s, the score's count),
    # then none: neither one frame a turn for the whole second nor a jump to the end.
    assert FeedbackScene.SLIDE * FPS <= drawn < FPS
    assert turns(loop, FPS) == 0


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(ROOT / "questions", tmp_path / "questions",
                    ignore=shutil.ignore_patterns("presets"))
    return tmp_path / "questions"


def test_live_reload_and_the_banner_go_on_while_it_sleeps(folder, tmp_path):
    app = new_app(question_paths=[folder], data_dir=tmp_path / "data")
    loop, fake = looped(app)
    settle(loop)
    target = folder / "osaka-repost.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace(
        "    label: opinion", "    label: opinon", 1), encoding="utf-8")
    stat = target.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    edited = fake.now
    assert turns(loop, 1) == 1             # woken for the next look: read, and shown
    assert fake.now - edited <= PERIOD and "osaka-repost.yaml:" in app.banner.showing
    shown, drawn = fake.now, 0
    while app.banner.showing:
        drawn += turns(loop, 1)
    assert fake.now - shown == pytest.approx(8.0)      # gone on time,
    assert drawn == 1 and not app.dirty                # drawn gone, and nothing else
    assert turns(loop, 20) == 0
    pygame.quit()


def test_the_results_file_is_tried_again_while_it_sleeps(app):
    from game.app import RETRY_EVERY
    loop, fake = looped(app)
    app.results.db.execute("PRAGMA query_only = ON")      # as a read-only file refuses
    scene = start_round(loop)
    press(pygame.K_1 if scene.question.choices else pygame.K_RETURN)
    turns(loop, 1)
    assert app.results.unsaved == 1 and app.warning()
    press(pygame.K_RETURN)
    turns(loop, 1)
    settle(loop)
    assert max(fake.waits[-5:]) <= RETRY_EVERY
    app.results.db.execute("PRAGMA query_only = OFF")     # the file takes answers again
    start = fake.now
    while app.warning():
        turns(loop, 1)
        assert fake.now - start <= RETRY_EVERY + 1 / FPS
    assert app.frames and not app.dirty                   # the strip's going was drawn
    assert "can be written again" in app.banner.showing


def test_every_still_screen_looks_the_same_a_second_later(app):
    """A scene that animates must say so (Scene.moving), or the sleeping loop would show
    its motion frozen: every screen the bench measures, once still, draws the same after
    a second has passed."""
    from game.tools.bench import screens
    checked = []
    for name, build in screens(app).items():
        try:
            built = build()
        except Exception:       # the bench's own note: a screen it cannot build alone
            continue
        app.stack[1:] = []
        for scene in built:
            app.push(scene)
        app.step()
        for _ in range(5 * FPS):
            if not app.moving():
                break
            app.step()
        assert not app.moving(), f"{name} never stops moving"
        before = pygame.image.tobytes(app.screen, "RGB")
        app.advance((), 1.0)
        assert not app.dirty, name
        app.redraw()
        assert pygame.image.tobytes(app.screen, "RGB") == before, \
            f"{name} changes with time but does not say it is moving"
        checked.append(name)
    assert len(checked) >= 20 and "title" in checked
