"""The standalone build (`python -m game.dist`, PyInstaller) as a player without Python gets
it: built once for the module, then run from a folder of its own with no venv on PATH, no
PYTHON* variables and the user's folders in a temporary home. Builds for the system the
tests run on (CI: Linux)."""
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import docx
import pytest

from conftest import ROOT
from made_pdf import pdf
from game import __version__
from game.dist import NAME, program
from game.tools.bench_dist import environment


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("standalone")
    # PyInstaller's cache goes in the temporary folder too, never the real home's
    env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(where / "pyinstaller")}
    done = subprocess.run([sys.executable, "-m", "game.dist", "--out", where / "dist",
                           "--work", where / "build"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=900, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stdout + done.stderr
    return where / "dist" / NAME


class Player:
    """One machine: a home of its own, and a folder to run the program from."""

    def __init__(self, where: Path):
        self.home = where / "home"
        self.cwd = where / "somewhere-else"
        self.cwd.mkdir(parents=True)

    def run(self, folder: Path, *args, expect=0) -> str:
        done = subprocess.run([str(program(folder)), *map(str, args)], cwd=self.cwd,
                              env=environment(self.home), capture_output=True, text=True,
                              encoding="utf-8", timeout=300, stdin=subprocess.DEVNULL)
        assert done.returncode == expect, f"{args}: {done.stdout}\n{done.stderr}"
        return done.stdout


def _files(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_size
            for p in folder.rglob("*") if p.is_file()}


def test_the_built_program_validates_plays_and_reports_without_python(built, tmp_path):
    player = Player(tmp_path)
    before = _files(built)
    assert player.run(built, "--version") == f"byline {__version__}\n"
    checked = player.run(built, "validate")
    assert checked.startswith("OK: 5 file(s), 5 article(s)"), checked
    assert "autoplay seed 1: 10 questions" in player.run(built, "autoplay", "--seed", "1")
    report = player.run(built, "report")
    assert "Player 1" in report and "Rounds: 1 played, 1 finished" in report
    assert (player.home / "data" / "byline" / "results.db").is_file()
    assert _files(built) == before      # nothing written inside the build
    assert not list(player.cwd.iterdir())


def test_the_authoring_tools_and_the_student_page_come_with_it(built, tmp_path):
    """new-article reads TextBlob's lexicon as a file and splits with pysbd; host serves
    the student page from game/net/static: data PyInstaller's analysis cannot see."""
    player = Player(tmp_path)
    (player.cwd / "article.txt").write_text(
        "The council voted 7 to 2 on Tuesday to close the bridge. This is a terrible, "
        "shameful decision. It was a reckless vote. Closing it was a mistake.\n",
        encoding="utf-8")
    player.run(built, "new-article", "article.txt")
    # into the teacher's question folder, as from pip: nothing inside the build
    draft = (player.home / "data" / "byline" / "questions" / "article.yaml").read_text(
        encoding="utf-8")
    assert "(subjectivity 1.0 in TextBlob's" in draft and "council voted 7 to 2" in draft
    assert "in VADER's lexicon" in draft and "in AFINN's lexicon" in draft
    # a saved web page, a PDF and a Word file: trafilatura's and jusText's data files,
    # pdfminer's and python-docx's (its default template) come with the build too
    shutil.copy(ROOT / "tests" / "data" / "articles" / "bridge-page.html", player.cwd / "page.html")
    (player.cwd / "handout.pdf").write_bytes(pdf([[(72, 700, "The bridge closed today.")]]))
    document = docx.Document()
    document.add_paragraph("The library opened today.")
    document.save(player.cwd / "letter.docx")
    for name in ("page.html", "handout.pdf", "letter.docx"):
        player.run(built, "new-article", name)
    drafted = player.home / "data" / "byline" / "questions"
    assert "# from the page's og:site_name tag" in \
        (drafted / "council-votes-to-close-mill.yaml").read_text(encoding="utf-8")
    assert "The bridge closed today." in (drafted / "articles" / "handout.txt").read_text()
    assert "The library opened today." in (drafted / "articles" / "letter.txt").read_text()

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    host = subprocess.Popen([str(program(built)), "host", "--bind", "127.0.0.1", "--port",
                             str(port)], cwd=player.cwd, env=environment(player.home),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL)
    try:
        page = _fetch(f"http://127.0.0.1:{port}/", host)
    finally:
        host.terminate()
        host.wait(timeout=30)
    assert "<html" in page


def _fetch(url: str, server: subprocess.Popen, seconds: float = 60) -> str:
    end = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                return answer.read().decode("utf-8")
        except OSError:
            if server.poll() is not None:
                pytest.fail(f"host exited {server.returncode}: {server.stderr.read()}")
            if time.monotonic() > end:
                raise
            time.sleep(0.2)


def test_the_folder_works_wherever_it_is_copied(built, tmp_path):
    """Players unzip it anywhere: a path with a space, and the folder it was built in gone."""
    moved = tmp_path / "Games for class" / NAME
    shutil.copytree(built, moved, symlinks=True)
    away = built.with_name(NAME + "-away")
    built.rename(away)
    try:
        player = Player(tmp_path)
        assert player.run(moved, "validate").startswith("OK: 5 file(s)")
        assert "autoplay seed 2: 10 questions" in player.run(moved, "autoplay", "--seed", "2")
    finally:
        away.rename(built)
