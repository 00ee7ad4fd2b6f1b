"""A class's answers are committed on the results' writer thread (game.store.writer), a
frame's answers in one transaction: each device is told its answer was taken only once it
is in the file; an answer the file refuses is kept, said, and written once, when it can be."""
import sqlite3
import threading

from game.quiz.round import RoundSetup
from game.quiz.state import RoundState
from game.store.results import FILE_NAME, Results


def in_file(folder) -> int:
    with sqlite3.connect(folder / FILE_NAME) as db:
        return db.execute("SELECT count(*) FROM answers").fetchone()[0]


def answers(questions, n):
    state = RoundState(RoundSetup(count=5), questions[:n])
    return [state.answer(q.answer if q.choices else frozenset(q.cue_words)) for q in questions[:n]]


def test_a_frames_answers_are_in_the_file_before_any_device_is_told(tmp_path, questions):
    results = Results(tmp_path)
    rounds = [results.start_round(name, {}, "devices") for name in ("Ana", "Bo", "Cy")]
    seen_when_told, told = [], threading.Event()

    def tell():         # what the bridge does: hand the views to the server's loop
        seen_when_told.append(in_file(tmp_path))
        told.set()
    with results.held() as commit:
        for round_id, answer in zip(rounds, answers(questions, 3)):
            results.record(round_id, 0, answer)
        commit(tell)
    assert told.wait(10)
    assert seen_when_told == [3]
    assert results.unsaved == 0 and results.trouble is None
    for round_id in rounds:         # the round's end is written here, nothing twice
        results.finish_round(round_id, 100)
    assert in_file(tmp_path) == 3
    assert all(not r.unfinished and r.answers == 1 for r in results.rounds())
    results.close()


def test_a_frame_the_locked_file_refuses_is_kept_said_and_written_once_when_free(
        tmp_path, questions):
    results = Results(tmp_path)
    round_id = results.start_round("Ana", {}, "devices")
    given = answers(questions, 2)
    locker = sqlite3.connect(tmp_path / FILE_NAME, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")       # another program holds the file
    told = threading.Event()
    with results.held() as commit:
        results.record(round_id, 0, given[0])
        commit(told.set)
    assert told.wait(20)                    # the device is told: its answer is kept
    assert not results.retry()              # still locked: waiting, and said
    assert results.unsaved == 1 and "lock" in results.warning().lower()
    locker.execute("ROLLBACK")
    locker.close()
    with results.held() as commit:          # the next frame's answer, once the file is free
        results.record(round_id, 1, given[1])
        commit()
    assert results.retry() and results.unsaved == 0 and results.warning() is None
    assert in_file(tmp_path) == 2           # each once
    results.close()
