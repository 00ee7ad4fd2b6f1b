"""Byline as a player or a school installs it: the project built (`python -m build`: an sdist,
then a wheel from that sdist), the wheel installed into a fresh venv, and the `byline` command
run from a folder that is not the checkout, with the user's folders in a temporary home.

Installing needs the dependencies from PyPI (or pip's cache), as it does for a user."""
import json
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT
from game import __version__
from game.tools.bench_dist import environment

SHIPPED = "game/shipped_files/"


def _run(args, timeout=600, **kw):
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True,
                          encoding="utf-8", timeout=timeout, stdin=subprocess.DEVNULL, **kw)
    assert done.returncode == 0, f"{args}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done


def build(source: Path, out: Path) -> tuple[Path, Path]:
    """The sdist and the wheel built from it, as `python -m build` makes them for a release."""
    _run([sys.executable, "-m", "build", "--outdir", out, source])
    sdists, wheels = sorted(out.glob("*.tar.gz")), sorted(out.glob("*.whl"))
    assert len(sdists) == len(wheels) == 1, os.listdir(out)
    return sdists[0], wheels[0]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(ROOT, tmp_path_factory.mktemp("dist"))


class Install:
    """A fresh venv with one wheel installed, and a user's home of its own."""

    def __init__(self, where: Path):
        self.where = where
        self.venv = where / "venv"
        self.home = where / "home"
        self.cwd = where / "somewhere-else"
        self.cwd.mkdir(parents=True)
        _run([sys.executable, "-m", "venv", self.venv])

    def install(self, wheel: Path) -> None:
        _run([self.venv / "bin" / "python", "-m", "pip", "install", "-q",
              "--disable-pip-version-check", wheel])

    def env(self) -> dict:
        """A player's machine, with this venv's programs on PATH."""
        env = environment(self.home)
        return {**env, "PATH": f"{self.venv / 'bin'}{os.pathsep}{env['PATH']}"}

    def byline(self, *args, expect=0) -> subprocess.CompletedProcess:
        done = subprocess.run([str(self.venv / "bin" / "byline"), *map(str, args)],
                              cwd=self.cwd, env=self.env(), capture_output=True, text=True,
                              encoding="utf-8", timeout=300, stdin=subprocess.DEVNULL)
        assert done.returncode == expect, f"byline {args}: {done.stdout}\n{done.stderr}"
        return done

    @property
    def package(self) -> Path:
        return next((self.venv / "lib").glob("python3*/site-packages/game"))

    @property
    def data(self) -> Path:
        return self.home / "data" / "byline"


def _files(folder: Path) -> set[str]:
    """Every file under folder, but Python's own byte-code caches."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


def test_the_wheel_and_the_sdist_carry_what_the_game_and_a_teacher_need(built):
    sdist, wheel = built
    assert wheel.name == f"byline-{__version__}-py3-none-any.whl"
    inside = set(zipfile.ZipFile(wheel).namelist())
    kept = {p.relative_to(ROOT).as_posix() for top in ("questions", "assets", "docs")
            for p in (ROOT / top).rglob("*") if p.is_file()}
    assert kept and {SHIPPED + name for name in kept} <= inside
    for needed in ("questions/cnn-37-times.yaml", "questions/presets/week3.yaml",
                   "assets/fonts/Inter-Regular.otf", "assets/fonts/LICENSE-Inter.txt",
                   "docs/question-file.schema.json", "docs/preset.schema.json",
                   "docs/teachers.md", "docs/question-format.md"):
        assert SHIPPED + needed in inside
    assert "game/net/static/index.html" in inside
    assert any(n.endswith("licenses/LICENSE") for n in inside)
    assert not any(n.startswith(("tests/", ".venv", "questions/")) for n in inside)
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    assert {"questions/cnn-37-times.yaml", "assets/fonts/Inter-Regular.otf", "run.py",
            "docs/teachers.md", "LICENSE", "CHANGELOG.md", "pyproject.toml"} <= names


def test_the_installed_game_plays_from_any_folder_and_writes_nothing_inside_itself(
        built, tmp_path):
    user = Install(tmp_path)
    user.install(built[1])
    before = _files(user.package)
    assert f"byline {__version__}" in user.byline("--version").stdout
    checked = user.byline("validate").stdout
    assert checked.startswith("OK: 5 file(s), 5 article(s)"), checked
    assert "5 file(s) that come with Byline ship without their articles' texts" in checked
    assert "was not found" not in checked
    # The sentences around every quote come from the question files: real context, as
    # the articles beside a checkout give, with no article text in the install.
    script = ("from game import shipped; from game.bank import load_bank; "
              "from game.bank.context import context_of; "
              "b = load_bank([shipped.QUESTIONS]).bank; "
              "c = [context_of(s, b) for s in b.statements]; "
              "print(len(c), sum(x.from_article and bool(x.before or x.after) for x in c))")
    done = subprocess.run([str(user.venv / "bin" / "python"), "-c", script], cwd=user.cwd,
                          env=user.env(), capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["92", "92"], done.stdout + done.stderr
    played = user.byline("autoplay", "--seed", "1").stdout
    assert "autoplay seed 1: 10 questions" in played
    report = user.byline("report").stdout
    assert "Player 1" in report and "Rounds: 1 played, 1 finished" in report
    done = subprocess.run([str(user.venv / "bin" / "python"), "-m", "game", "--version"],
                          cwd=user.cwd, env=user.env(), capture_output=True, text=True)
    assert done.stdout == f"byline {__version__}\n"
    refused = user.byline("schema", expect=1)
    assert "a teacher's question folder gets a copy" in refused.stderr
    # Results and settings went to the user's data folder; nothing into the install.
    assert {"results.db", "settings.json"} <= set(os.listdir(user.data))
    assert _files(user.package) == before
    assert not list(user.cwd.iterdir())


def test_an_upgrade_keeps_results_settings_and_the_teachers_files(built, tmp_path):
    """The wheel installed over the one before it. No version before this one was
    installable, so the one before is this code built again with a lower version."""
    sdist, wheel = built
    older = tmp_path / "older"
    with tarfile.open(sdist) as tar:
        tar.extractall(older, filter="data")
    source = next(older.iterdir())
    init = source / "game" / "__init__.py"
    init.write_text(init.read_text().replace(f'"{__version__}"', '"0.1.99"'))
    info = source / "PKG-INFO"     # what a build from an sdist takes the version from
    info.write_text(info.read_text().replace(f"Version: {__version__}\n", "Version: 0.1.99\n"))
    old_wheel = build(source, tmp_path / "older-dist")[1]
    assert old_wheel.name == "byline-0.1.99-py3-none-any.whl"

    user = Install(tmp_path / "user")
    user.install(old_wheel)
    assert "byline 0.1.99" in user.byline("--version").stdout
    user.byline("autoplay", "--seed", "3")
    mine = user.data / "questions" / "osaka-repost.yaml"     # a teacher's edited copy
    lines = (ROOT / "questions" / "osaka-repost.yaml").read_text(encoding="utf-8").splitlines()
    lines = ['  title: "Our copy"' if line.startswith("  title: ") else line for line in lines]
    mine.write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = user.data / "settings.json"
    chosen = json.loads(settings.read_text())
    chosen["text_size"] = "largest"
    settings.write_text(json.dumps(chosen))
    first = user.byline("report", "--json").stdout

    user.install(wheel)
    assert f"byline {__version__}" in user.byline("--version").stdout
    assert user.byline("report", "--json").stdout == first
    assert json.loads(first)["players"], first
    user.byline("autoplay", "--seed", "4")
    assert "Rounds: 2 played" in user.byline("report").stdout
    assert json.loads(settings.read_text())["text_size"] == "largest"
    checked = user.byline("validate").stdout
    assert f"{mine} is played instead of" in checked, checked
