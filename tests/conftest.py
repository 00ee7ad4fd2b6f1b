"""What the tests share: where things are, the shipped bank, running `run.py`, rounds put
straight into a results store, and GIFT read back as Moodle reads it. Driving the game's
own loop is the pilot's (tests/pilot.py)."""
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# Before anything imports pygame: no window, no sound device.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# The user's data folder (settings, results, the teacher's question folder) is a fresh one
# for the session, here and in every run.py started: no test reads or writes the real one.
_HOME = Path(tempfile.mkdtemp(prefix="byline-tests-home-"))
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
# Downloads, Desktop and Documents (where "A new article" looks for saved articles) are
# folders of the temporary home too, named as xdg-user-dirs names them.
SAVED = {name: _HOME / name for name in ("Downloads", "Desktop", "Documents")}
(_HOME / "config").mkdir()
(_HOME / "config" / "user-dirs.dirs").write_text("".join(
    f'XDG_{key}_DIR="{SAVED[name]}"\n' for key, name in
    (("DOWNLOAD", "Downloads"), ("DESKTOP", "Desktop"), ("DOCUMENTS", "Documents"))),
    encoding="utf-8")
# No desktop either: Settings' "Open my question folder" never starts the tester's own file
# manager (game.folder_opener), unless a test names a display and a fake xdg-open.
for _name in ("DISPLAY", "WAYLAND_DISPLAY"):
    os.environ.pop(_name, None)

from game.bank import load_bank  # noqa: E402
from game.quiz.state import RoundState  # noqa: E402
from game.quiz.round import RoundSetup, build_round  # noqa: E402
from game.store.results import FILE_NAME, MIGRATIONS  # noqa: E402

DATA = ROOT / "tests" / "data"
# The texts of the shipped bank's articles sit beside the checkout, not in it: a clone from
# a public repository has none. The tests marked `articles` read them.
ARTICLES = ROOT.parent / "shared" / "articles"
NO_ARTICLES = "../shared/articles is not beside this checkout"


def pytest_configure(config):
    config.addinivalue_line("markers", "articles: reads the article texts in ../shared/articles "
                                       "(skipped without them, failed without them under CI)")


def pytest_report_header(config):
    if not ARTICLES.is_dir():
        return f"{NO_ARTICLES}: the tests that read the article texts " + \
            ("fail (CI is set)" if os.environ.get("CI") else "skip")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_call(item):
    """CI has the articles, so there a missing folder is a failure, never a quiet skip."""
    if item.get_closest_marker("articles") is None or ARTICLES.is_dir():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{NO_ARTICLES}, and CI must run the tests that read it", pytrace=False)
    pytest.skip(NO_ARTICLES)


# --- the shipped bank and run.py ----------------------------------------------------------

@pytest.fixture(scope="module")
def bank():
    """The shipped bank, read once per module; it has no problems."""
    result = load_bank([ROOT / "questions"])
    assert result.problems == []
    return result.bank


def run(*args, cwd=ROOT, timeout=120):
    """`run.py` in a process of its own: a hang, a runaway read or a window opened by
    mistake is ended by the timeout (a safety net that fails the test, not a measure of
    speed)."""
    return subprocess.run([sys.executable, str(ROOT / "run.py"), *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout,
                          stdin=subprocess.DEVNULL)


# --- rounds straight into a results store, without the game ------------------------------

@pytest.fixture(scope="module")
def questions():
    """Five questions of the shipped bank, the same every time."""
    return build_round(load_bank([ROOT / "questions"]).bank, RoundSetup(count=5, seed=2))


def right(q):
    """The right answer to q: its choice, or its judgment words."""
    return q.cue_words if q.skill == "opinion_words" else q.answer


def play(store, questions, name, choose=right, stop=None):
    """A round of questions recorded in store: choose(question) -> what the player gives,
    three seconds each; stop: leave the round after that many."""
    state = RoundState(RoundSetup(count=len(questions)), questions)
    round_id = store.start_round(name, {"count": len(questions)})
    for i in range(stop if stop is not None else len(questions)):
        store.record(round_id, i, state.answer(choose(state.current), seconds=3.0))
    if state.finished:
        store.finish_round(round_id, state.score)
    return round_id, state


def version_one_database(folder):
    """A results file as the first release wrote it: Ben, one finished round of 300."""
    db = sqlite3.connect(folder / FILE_NAME)
    db.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
    db.execute("INSERT INTO players (name, created) VALUES ('Ben', '2026-01-01T09:00:00')")
    db.execute("INSERT INTO rounds (player_id, started, setup, score, finished)"
               " VALUES (1, '2026-01-01T09:00:00', '{}', 300, '2026-01-01T09:05:00')")
    db.commit()
    db.close()


# --- GIFT, read back ------------------------------------------------------------------------

_ESCAPED = {"\\\\": "\x00", "\\:": "\x01", "\\#": "\x02", "\\=": "\x03", "\\{": "\x04",
            "\\}": "\x05", "\\~": "\x06", "\\n": "\x07"}
_PLAIN = {"\x00": "\\", "\x01": ":", "\x02": "#", "\x03": "=", "\x04": "{", "\x05": "}",
          "\x06": "~", "\x07": "\n"}


def read_gift(text: str) -> list[dict]:
    """The multiple-choice questions in GIFT text, read the way Moodle's importer does
    (escapes first, then the unescaped control characters), so a missed escape shows."""
    found = []
    for block in text.split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("//")]
        body = "\n".join(lines).strip()
        if not body or body.startswith("$CATEGORY:"):
            continue
        for escaped, mark in _ESCAPED.items():
            body = body.replace(escaped, mark)
        assert body.startswith("::") and body.count("::") == 2, body
        name, rest = body[2:].split("::", 1)
        assert rest.count("{") == 1 and rest.count("}") == 1 and rest.endswith("}"), rest
        prompt, answers = rest[:-1].split("{")
        answers, feedback = answers.split("####")
        assert "=" not in prompt and "~" not in prompt
        # A choice may have feedback of its own, after a single '#'.
        choices = re.findall(r"([=~])(?:%(\d+)%)?([^=~#]*)(?:#([^=~#]*))?", answers)
        plain = lambda s: "".join(_PLAIN.get(c, c) for c in s).strip()
        found.append({"name": plain(name), "prompt": plain(prompt),
                      "choices": [plain(c) for _, _, c, _ in choices],
                      "right": [plain(c) for mark, _, c, _ in choices if mark == "="],
                      "partly": {plain(c): int(w) for _, w, c, _ in choices if w},
                      "said": {plain(c): plain(said) for _, _, c, said in choices if said},
                      "feedback": plain(feedback)})
    return found


@pytest.fixture
def app(tmp_path):
    """A game with its own data folder; a test file may define its own app instead."""
    import pygame
    from pilot import new_app
    app = new_app(seed=5, data_dir=tmp_path)
    yield app
    pygame.quit()


@pytest.fixture
def classroom_app(tmp_path):
    """A game with its own data folder and five-question rounds, for the screens of a
    round played on one computer."""
    import pygame
    from pilot import new_app
    app = new_app(seed=3, data_dir=tmp_path)
    app.settings.round = {"count": 5}
    yield app
    pygame.quit()
