"""Motion never outlasts 300 ms, can be skipped, and does not happen with Reduce motion."""
from game.ui.motion import LONGEST, Tween


def test_a_tween_runs_its_time_and_no_longer_than_the_limit():
    tween = Tween(seconds=5)
    tween.start()
    assert tween.running and tween.t == 0
    for _ in range(round(LONGEST * 60) + 1):
        tween.step(1 / 60)
    assert not tween.running and tween.t == 1 and tween.eased == 1


def test_reduce_motion_and_a_skip_land_at_the_end_at_once():
    off = Tween(0.25)
    off.start(motion=False)
    assert not off.running and off.eased == 1
    assert off.shake(20) == 0 and off.pulse(0.1) == 1
    skipped = Tween(0.25)
    skipped.start()
    skipped.step(0.05)
    assert 0 < skipped.t < 1 and skipped.shake(20) != 0
    skipped.finish()
    assert not skipped.running and skipped.t == 1


def test_a_delay_holds_a_tween_at_its_start():
    later = Tween(0.1, delay=0.2)
    later.start()
    later.step(0.15)
    assert later.running and later.t == 0
    later.step(0.1)
    assert 0 < later.t < 1
