"""One version, said the same everywhere: run.py, `python -m game` and the installed `byline`
command (a console script: the test venv is an editable install, so it is there) all print
game.__version__, and run every command alike; the title screen shows it."""
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pygame
import pytest

from conftest import ROOT, run
from game import __version__
from pilot import Drawn, new_app

BYLINE = shutil.which("byline", path=str(Path(sys.executable).parent))


def commands():
    """The three ways to start Byline, as argument lists before the command's own."""
    assert BYLINE, f"no byline command beside {sys.executable}: run pip install -e ."
    return {"run.py": [sys.executable, str(ROOT / "run.py")],
            "python -m game": [sys.executable, "-m", "game"],
            "byline": [BYLINE]}


def started(how, *args):
    return subprocess.run([*commands()[how], *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120, stdin=subprocess.DEVNULL)


def test_the_installed_version_is_the_one_in_game():
    # pyproject.toml reads it from game/__init__.py (setuptools' dynamic version)
    assert version("byline") == __version__


@pytest.mark.parametrize("how", ["run.py", "python -m game", "byline"])
def test_each_way_in_prints_the_version(how):
    done = started(how, "--version")
    assert (done.returncode, done.stdout, done.stderr) == (0, f"byline {__version__}\n", "")


@pytest.mark.parametrize("how", ["python -m game", "byline"])
@pytest.mark.parametrize("args", [["validate"], ["validate", "no-such-folder"],
                                  ["no-such-command"]])
def test_each_way_in_runs_a_command_as_run_py_does(how, args):
    expected, done = run(*args), started(how, *args)
    assert done.returncode == expected.returncode
    assert done.stdout == expected.stdout
    if args == ["validate"]:
        assert done.returncode == 0 and done.stdout.startswith("OK:")
    # A usage error names the command as typed; the error is the same.
    assert done.stderr.startswith(f"usage: {how}") == bool(expected.stderr)
    assert done.stderr.splitlines()[-1:] == [line.replace("run.py", how) for line in
                                             expected.stderr.splitlines()[-1:]]


@pytest.mark.parametrize("size, look", [((960, 540), "largest"), ((1920, 1080), "projector")])
def test_the_title_shows_the_version_out_of_the_way(tmp_path, size, look):
    app = new_app(seed=1, data_dir=tmp_path, size=size)
    drawn = Drawn(app)
    app.settings.projector = look == "projector"
    app.settings.text_size = "largest"
    app.step()
    frame = drawn.frame()
    shown = [(size_, rect, seen) for words, size_, rect, seen in frame if __version__ in words]
    assert len(shown) == 1
    text_size, rect, seen = shown[0]
    assert seen == rect     # whole, on screen
    assert app.layout().content().contains(rect)     # inside the margins
    if look == "projector":     # and the title-safe area: nothing in the outer 5%
        w, h = size
        assert pygame.Rect(0, 0, w, h).inflate(-w // 10, -h // 10).contains(rect)
    others = [r for words, _, r, _ in frame if __version__ not in words]
    assert rect.collidelist(others + list(app.scene.widgets().values())) == -1
    # small: no larger than the key hint
    assert text_size <= min(s for words, s, _, _ in frame if "F11" in words)
    pygame.quit()
