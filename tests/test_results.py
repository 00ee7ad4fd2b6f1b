"""Results in SQLite: every answer kept, damaged or old databases handled, names kept exact."""
import sqlite3

import pytest

from conftest import ROOT
from game.bank import load_bank
from game.quiz.round import RoundSetup, build_round
from game.quiz.state import RoundState
from game.store.results import FILE_NAME, MIGRATIONS, VERSION, Results


@pytest.fixture(scope="module")
def questions():
    return build_round(load_bank([ROOT / "questions"]).bank, RoundSetup(count=5, seed=2))


def play(store, questions, name, answered):
    state = RoundState(RoundSetup(count=5), questions)
    round_id = store.start_round(name, {"count": 5})
    for i in range(answered):
        q = state.current
        store.record(round_id, i, state.answer(q.cue_words if q.skill == "opinion_words"
                                               else q.answer))
    if state.finished:
        store.finish_round(round_id, state.score)
    return round_id, state


def test_answers_survive_a_restart_and_unfinished_rounds_stay_unfinished(tmp_path, questions):
    store = Results(tmp_path)
    done, state = play(store, questions, "Zoë O'Brien, Jr.", 5)
    half, _ = play(store, questions, "zoë o'brien, jr.", 2)       # same player, any case
    store.close()
    again = Results(tmp_path)
    assert again.players() == ["Zoë O'Brien, Jr."]
    rounds = {r.id: r for r in again.rounds("Zoë O'Brien, Jr.")}
    assert rounds[done].score == state.score and not rounds[done].unfinished
    assert rounds[done].answers == rounds[done].right == 5
    assert rounds[half].unfinished and rounds[half].score is None and rounds[half].answers == 2
    first = again.answers(done)[0]
    assert first["question_id"] == questions[0].id and first["correct"] == 1


def test_a_damaged_database_is_moved_aside_and_a_fresh_one_used(tmp_path, questions):
    (tmp_path / FILE_NAME).write_bytes(b"this is not a database" * 100)
    store = Results(tmp_path)
    assert "could not be used" in store.notice and "a new one was started" in store.notice
    kept = list(tmp_path.glob(FILE_NAME + ".unusable-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"this is not a database" * 100
    play(store, questions, "Ana", 5)
    assert [r.answers for r in store.rounds()] == [5]


def version_one_database(folder):
    """A results file as the first release wrote it: Ben, one finished round of 300."""
    db = sqlite3.connect(folder / FILE_NAME)
    db.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
    db.execute("INSERT INTO players (name, created) VALUES ('Ben', '2026-01-01T09:00:00')")
    db.execute("INSERT INTO rounds (player_id, started, setup, score, finished)"
               " VALUES (1, '2026-01-01T09:00:00', '{}', 300, '2026-01-01T09:05:00')")
    db.commit()
    db.close()


def test_an_older_schema_is_brought_forward_keeping_its_data(tmp_path):
    version_one_database(tmp_path)
    store = Results(tmp_path)
    assert store.notice is None
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == VERSION
    [row] = store.rounds("Ben")
    assert (row.score, row.mode) == (300, "solo")


def test_a_database_from_a_newer_byline_is_kept_not_overwritten(tmp_path):
    db = sqlite3.connect(tmp_path / FILE_NAME)
    db.execute(f"PRAGMA user_version = {VERSION + 1}")
    db.close()
    store = Results(tmp_path)
    assert "newer Byline" in store.notice
    assert len(list(tmp_path.glob(FILE_NAME + ".unusable-*"))) == 1


def test_killing_the_game_mid_round_loses_no_answer(tmp_path):
    """A real game process, killed with SIGKILL between answers."""
    import signal
    import subprocess
    import sys
    import time
    game = subprocess.Popen([sys.executable, str(ROOT / "run.py"), "autoplay", "--seed", "4",
                             "--data-dir", str(tmp_path), "--delay", "0.4"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen, deadline = 0, time.monotonic() + 60
    try:
        while seen < 3 and time.monotonic() < deadline and game.poll() is None:
            time.sleep(0.05)
            try:
                db = sqlite3.connect(f"file:{tmp_path / FILE_NAME}?mode=ro", uri=True)
                seen = db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
                db.close()
            except sqlite3.Error:
                pass     # not created yet, or busy for a moment
    finally:
        game.send_signal(signal.SIGKILL)
        game.wait()
    assert seen >= 3, "the game did not record three answers in time"
    store = Results(tmp_path)
    [row] = store.rounds()
    assert row.unfinished and row.answers >= seen and row.score is None
    assert store.notice is None
