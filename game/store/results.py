"""Players, rounds and every answer, in SQLite (the standard library's sqlite3).

Each answer is its own transaction, committed the moment it is given, so a machine
switched off mid-round keeps everything answered so far; a round without a finish time is
shown as unfinished, never as a score of zero. A database that cannot be used is moved
aside, never deleted, and a fresh one takes its place."""
import json
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

FILE_NAME = "results.db"
# Seconds to wait for another program's lock: long enough for its write to finish, short
# enough that a game blocked by a stuck lock starts without a noticeable hang.
LOCK_WAIT = 2

# Each step takes the schema from version i to i + 1; a database is brought forward on open.
MIGRATIONS = [
    """
    CREATE TABLE players (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created TEXT NOT NULL
    );
    CREATE TABLE rounds (
        id INTEGER PRIMARY KEY,
        player_id INTEGER NOT NULL REFERENCES players(id),
        started TEXT NOT NULL,
        finished TEXT,
        setup TEXT NOT NULL,
        score INTEGER
    );
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES rounds(id),
        position INTEGER NOT NULL,
        question_id TEXT NOT NULL,
        statement_id TEXT,
        skill TEXT NOT NULL,
        given TEXT NOT NULL,
        correct INTEGER NOT NULL,
        credit REAL NOT NULL,
        points INTEGER NOT NULL,
        seconds REAL NOT NULL,
        confidence TEXT,
        answered TEXT NOT NULL
    );
    """,
    # 2: rounds remember how they were played (alone, hot seat, whole class).
    """
    ALTER TABLE rounds ADD COLUMN mode TEXT NOT NULL DEFAULT 'solo';
    CREATE INDEX answers_by_round ON answers(round_id);
    """,
]
VERSION = len(MIGRATIONS)


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S")


@dataclass(frozen=True)
class RoundRow:
    id: int
    player: str
    started: str
    finished: str | None
    score: int | None
    mode: str
    answers: int
    right: int

    @property
    def unfinished(self) -> bool:
        return self.finished is None


class Results:
    """One open database. Methods never raise on the game's own data: a failure to write is
    kept in `problem` for the screen to show."""

    def __init__(self, folder, name: str = FILE_NAME, read_only: bool = False):
        """read_only: for reports, which must leave the file exactly as it is, even when
        the game holds it or it is damaged; a problem is kept in `problem` instead."""
        self.path = Path(folder) / name
        self.notice: str | None = None
        self.problem: str | None = None
        self.db = self._open_read_only() if read_only else self._open()

    # -- opening -----------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._connect()
        except (sqlite3.Error, OSError) as error:
            kept = self._move_aside()
            self.notice = (f"The results file {self.path} could not be used ({_why(error)}). "
                           + (f"It was kept as {kept.name}; " if kept else "")
                           + "a new one was started.")
        try:
            return self._connect()
        except (sqlite3.Error, OSError) as error:
            # Not movable (Windows will not rename a file another program has open) or the
            # folder is not writable: play on, keeping this session's results in memory.
            self.notice = (f"The results file {self.path} could not be used ({_why(error)}); "
                           "results of this session will not be kept.")
            return self._memory()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=LOCK_WAIT, isolation_level=None)
        try:
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA synchronous = FULL")
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("the file is damaged")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > VERSION:
                raise sqlite3.DatabaseError(
                    f"it was written by a newer Byline (schema {version}, this one knows "
                    f"{VERSION})")
            _migrate(db, version)
            return db
        except sqlite3.Error:
            db.close()
            raise

    def _open_read_only(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                 timeout=LOCK_WAIT, isolation_level=None)
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > VERSION:
                self.problem = (f"The results file {self.path} was written by a newer Byline "
                                f"(schema {version}); some results may not show.")
            if version >= VERSION:
                return db
            # An older schema is brought forward in a copy in memory; the file stays as it is.
            copy = sqlite3.connect(":memory:", isolation_level=None)
            db.backup(copy)
            db.close()
            _migrate(copy, version)
            return copy
        except (sqlite3.Error, OSError) as error:
            self.problem = f"The results file {self.path} could not be read ({_why(error)})."
            return self._memory()

    @staticmethod
    def _memory() -> sqlite3.Connection:
        db = sqlite3.connect(":memory:", isolation_level=None)
        _migrate(db, 0)
        return db

    def _move_aside(self) -> Path | None:
        stamp = time.strftime('%Y%m%d-%H%M%S')
        target = self.path.with_name(f"{self.path.name}.unusable-{stamp}")
        n = 1
        while target.exists():    # os.replace would overwrite a file kept a moment ago
            n += 1
            target = self.path.with_name(f"{self.path.name}.unusable-{stamp}-{n}")
        try:
            os.replace(self.path, target)
        except OSError:
            return None
        for suffix in ("-journal", "-wal", "-shm"):
            side = self.path.with_name(self.path.name + suffix)
            if side.exists():
                os.replace(side, target.with_name(target.name + suffix))
        return target

    def _write(self, sql: str, values=()) -> int | None:
        try:
            with self.db:
                return self.db.execute(sql, values).lastrowid
        except sqlite3.Error as error:
            self.problem = f"A result could not be saved in {self.path}: {error}"
            return None

    # -- writing -----------------------------------------------------------------
    def player(self, name: str) -> int | None:
        name = " ".join(name.split())
        # A failed read leaves found empty; the insert then fails too and sets `problem`.
        found = self._read("SELECT id FROM players WHERE name = ?", (name,))
        if found:
            return found[0][0]
        return self._write("INSERT INTO players (name, created) VALUES (?, ?)", (name, now()))

    def start_round(self, player: str, setup: dict, mode: str = "solo") -> int | None:
        player_id = self.player(player)
        if player_id is None:
            return None
        return self._write("INSERT INTO rounds (player_id, started, setup, mode) "
                           "VALUES (?, ?, ?, ?)",
                           (player_id, now(), json.dumps(setup, ensure_ascii=False), mode))

    def record(self, round_id: int | None, position: int, answer) -> None:
        """One answer, committed before this returns."""
        if round_id is None:
            return
        q = answer.question
        # The words or the choice as the player saw them: choice order depends on the
        # round's seed, so an index would mean nothing in a report.
        if isinstance(answer.given, frozenset):
            given = [q.word_texts()[i] for i in sorted(answer.given)]
        else:
            given = q.choices[answer.given] if answer.given is not None else None
        self._write(
            "INSERT INTO answers (round_id, position, question_id, statement_id, skill, given,"
            " correct, credit, points, seconds, confidence, answered)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (round_id, position, q.id, q.statement, q.skill, json.dumps(given),
             int(answer.correct), answer.credit, answer.points, round(answer.seconds, 2),
             answer.confidence, now()))

    def finish_round(self, round_id: int | None, score: int) -> None:
        if round_id is not None:
            self._write("UPDATE rounds SET finished = ?, score = ? WHERE id = ?",
                        (now(), score, round_id))

    # -- reading: never raises; a failure leaves `problem` set and returns nothing ----
    def _read(self, sql: str, values=(), as_dicts: bool = False) -> list:
        try:
            cursor = self.db.execute(sql, values)
            if not as_dicts:
                return cursor.fetchall()
            names = [c[0] for c in cursor.description]
            return [dict(zip(names, row)) for row in cursor]
        except sqlite3.Error as error:
            self.problem = f"Results could not be read from {self.path}: {_why(error)}"
            return []

    def players(self) -> list[str]:
        return [r[0] for r in self._read("SELECT name FROM players ORDER BY name")]

    def rounds(self, player: str | None = None, since: str | None = None) -> list[RoundRow]:
        """since: 'YYYY-MM-DD', rounds started that day or later."""
        where, values = _where(player, since)
        sql = ("SELECT r.id, p.name, r.started, r.finished, r.score, r.mode,"
               " COUNT(a.id), COALESCE(SUM(a.correct), 0)"
               " FROM rounds r JOIN players p ON p.id = r.player_id"
               " LEFT JOIN answers a ON a.round_id = r.id"
               + where + " GROUP BY r.id ORDER BY r.id")
        return [RoundRow(*row) for row in self._read(sql, values)]

    def answers(self, round_id: int) -> list[dict]:
        return self._read("SELECT * FROM answers WHERE round_id = ? ORDER BY position",
                          (round_id,), as_dicts=True)

    def answer_rows(self, player: str | None = None, since: str | None = None) -> list[dict]:
        """Every answer with who gave it and the round's mode and times, in one query:
        what a report needs. `given` is still JSON text, as stored."""
        where, values = _where(player, since)
        return self._read(
            "SELECT a.*, p.name AS player, r.mode, r.started, r.finished"
            " FROM answers a JOIN rounds r ON r.id = a.round_id"
            " JOIN players p ON p.id = r.player_id"
            + where + " ORDER BY r.id, a.position, a.id", values, as_dicts=True)

    def close(self) -> None:
        self.db.close()


def _migrate(db: sqlite3.Connection, version: int) -> None:
    for step in range(version, VERSION):
        # One transaction per step: a step is applied whole or not at all.
        db.executescript(f"BEGIN; {MIGRATIONS[step]} PRAGMA user_version = {step + 1}; COMMIT;")


def _where(player: str | None, since: str | None) -> tuple[str, tuple]:
    clauses, values = [], []
    if player:
        clauses.append("p.name = ?")      # the column's NOCASE makes this any case
        values.append(" ".join(player.split()))
    if since:
        # ISO times sort as text, and '2026-03-14T09:00:00' >= '2026-03-14'.
        clauses.append("r.started >= ?")
        values.append(since)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(values)


def _why(error: Exception) -> str:
    """The error in words a teacher can act on."""
    text = str(error)
    if "locked" in text or "busy" in text:
        return "it is locked: another program, perhaps another Byline, is using it"
    return text
