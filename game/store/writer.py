"""A class's answers committed off the game's thread: a commit waits for the disk (1-2 ms
with synchronous = FULL), and at 300 students a frame's answers came each frame. The game
hands a frame's rows here with what to do once they are in the file (tell the devices);
this thread commits them in one transaction on a connection of its own, then does it.

Only the results store (game.store.results.Results) uses this, and it never writes the
same rows itself while they are in flight: it waits for this thread first."""
import queue
import sqlite3
import threading
from pathlib import Path

from game.store.database import connect

ANSWER_INSERT = ("INSERT INTO answers (round_id, position, question_id, statement_id, skill,"
                 " given, correct, verdict, credit, points, seconds, confidence, answered,"
                 " hands) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


class Writer:
    def __init__(self, path: Path):
        self.path = path
        self._jobs: queue.Queue = queue.Queue()
        self._landed: queue.SimpleQueue = queue.SimpleQueue()
        self._thread: threading.Thread | None = None

    def submit(self, rows: list, flights: list, then) -> None:
        """rows: answers rows with their round's id; flights: what the store notes of
        them, given back by landed(); then(): called on this thread once the rows are in
        the file or the commit failed (the store then keeps them in memory, and says so)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="byline-results",
                                            daemon=True)
            self._thread.start()
        self._jobs.put((rows, flights, then))

    def landed(self) -> list:
        """(committed, flights, error) for each batch done since the last call."""
        done = []
        while True:
            try:
                done.append(self._landed.get_nowait())
            except queue.Empty:
                return done

    def wait(self) -> None:
        """Until every batch handed over is committed or failed."""
        if self._thread is not None:
            self._jobs.join()

    def close(self) -> None:
        if self._thread is not None:
            self._jobs.put(None)
            self._thread.join()
            self._thread = None

    def _run(self) -> None:
        db = None
        while True:
            job = self._jobs.get()
            if job is None:
                self._jobs.task_done()
                break
            rows, flights, then = job
            try:
                if db is None:
                    db = connect(self.path)
                db.execute("BEGIN IMMEDIATE")
                db.executemany(ANSWER_INSERT, rows)
                db.execute("COMMIT")
                self._landed.put((True, flights, None))
            except (sqlite3.Error, OSError) as error:
                if db is not None:
                    try:
                        if db.in_transaction:
                            db.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass
                    db.close()      # a fresh connection next time, as the store reattaches
                    db = None
                self._landed.put((False, flights, error))
            finally:
                try:
                    then()
                finally:
                    self._jobs.task_done()
        if db is not None:
            db.close()
