import os
import subprocess
import sys
import wave

import pygame
import pytest

from conftest import ROOT
from game import sound
from game.sound import EFFECTS, RATE, Sounds, synthesize, write_wavs

FULL = 32767
DURATION = {"right": 0.25, "wrong": 0.3, "end": 0.6}
QUIET = 0.01 * FULL  # a sample this small at an edge is inaudible, not a click


@pytest.fixture(autouse=True)
def no_mixer():
    # Every test starts and ends with the mixer closed so none leaks into another.
    pygame.mixer.quit()
    yield
    pygame.mixer.quit()


def pitch(samples, rate=RATE):
    """Rough frequency from zero crossings: two per cycle."""
    crossings = sum((a < 0) != (b < 0) for a, b in zip(samples, samples[1:]))
    return crossings / 2 / (len(samples) / rate)


def test_effects_are_the_three_events():
    assert set(EFFECTS) == set(DURATION)


@pytest.mark.parametrize("name", DURATION)
@pytest.mark.parametrize("rate", [22050, 44100])
def test_duration_within_ten_percent(name, rate):
    samples = synthesize(name, rate)
    assert samples.typecode == "h"
    assert len(samples) / rate == pytest.approx(DURATION[name], rel=0.10)


@pytest.mark.parametrize("name", DURATION)
def test_loud_enough_but_well_below_clipping(name):
    peak = max(abs(s) for s in synthesize(name))
    assert 0.1 * FULL < peak < 0.5 * FULL


@pytest.mark.parametrize("name", DURATION)
def test_starts_and_ends_near_silence(name):
    samples = synthesize(name)
    assert all(abs(s) < QUIET for s in samples[:5])
    assert all(abs(s) < QUIET for s in samples[-5:])


@pytest.mark.parametrize("name", DURATION)
def test_no_click_between_notes(name):
    samples = synthesize(name)
    edge = 0
    for _freq, length, _tau in EFFECTS[name][:-1]:
        edge += round(length * RATE)
        assert all(abs(s) < QUIET for s in samples[edge - 3:edge + 3]), edge


def test_right_rises_wrong_falls_and_they_differ():
    right, wrong = synthesize("right"), synthesize("wrong")
    assert right != wrong
    n = len(right) * 2 // 5
    assert pitch(right[-n:]) > pitch(right[:n])
    n = len(wrong) * 2 // 5
    assert pitch(wrong[-n:]) < pitch(wrong[:n])
    assert pitch(wrong) < pitch(right)  # the wrong sound is the low one


def test_muted_never_touches_the_mixer():
    sounds = Sounds(False)
    for name in DURATION:
        sounds.play(name)
    assert not pygame.mixer.get_init()
    assert sounds.available is None


def test_unknown_name_fails_even_when_muted():
    with pytest.raises(KeyError):
        Sounds(False).play("applause")


def test_enabled_plays_under_dummy_driver():
    sounds = Sounds(True)
    for name in DURATION:
        sounds.play(name)
    assert sounds.available is True
    assert pygame.mixer.get_init()


def test_enabling_later_starts_playing():
    sounds = Sounds(False)
    sounds.play("right")
    sounds.enabled = True
    sounds.play("right")
    assert sounds.available is True


def test_adapts_to_a_mixer_already_open_in_stereo():
    # pygame.init() opens the mixer at 44100 Hz stereo before Sounds gets a say.
    pygame.mixer.init(frequency=44100, size=-16, channels=2)
    sounds = Sounds(True)
    sounds.play("end")
    assert pygame.mixer.get_init() == (44100, -16, 2)
    assert sounds._cache["end"].get_length() == pytest.approx(DURATION["end"], rel=0.10)


def test_no_audio_device_is_silent(monkeypatch):
    calls = []

    def broken_init(*args, **kwargs):
        calls.append(args or kwargs)
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "init", broken_init)
    sounds = Sounds(True)
    sounds.play("right")
    sounds.play("wrong")
    assert sounds.available is False
    assert len(calls) == 1  # gave up after the first failure


def test_play_after_mixer_quit_does_not_crash():
    # Playing a Sound whose mixer was closed segfaults pygame-ce 2.5, so run it in
    # a child process: a crash then fails this test instead of killing pytest.
    code = (
        "import pygame\n"
        "from game.sound import Sounds\n"
        "s = Sounds(True)\n"
        "s.play('right')\n"
        "pygame.mixer.quit()\n"
        "s.play('wrong')\n"
        "assert s.available\n"
    )
    env = dict(os.environ, SDL_AUDIODRIVER="dummy", SDL_VIDEODRIVER="dummy")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_write_wavs(tmp_path):
    paths = write_wavs(tmp_path / "fx")
    assert sorted(p.name for p in paths) == ["end.wav", "right.wav", "wrong.wav"]
    for path in paths:
        with wave.open(str(path), "rb") as w:
            assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, RATE)
            name = path.stem
            assert w.getnframes() == len(synthesize(name))
            assert w.getnframes() / RATE == pytest.approx(DURATION[name], rel=0.10)
            assert w.readframes(w.getnframes()) == sound._native_to_le(synthesize(name))
