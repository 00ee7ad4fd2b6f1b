"""Players, rounds and every answer, in SQLite (the standard library's sqlite3).

Each answer is committed the moment it is given, so a machine switched off mid-round keeps
everything answered so far; a round without a finish time is shown as unfinished, never as
a score of zero. A class on their devices sends many answers a frame: those go in one
transaction per frame, on a writer thread (game.store.writer), and each device is told its
answer was taken only once it is in the file.

No answer is dropped in silence. Every answer of a round is also kept in memory until the
file has it; when a write fails (disk full, read-only, locked, damaged) `trouble` says why
in plain words, the answers wait, every later write tries them again first, and
`save_elsewhere` writes them to another folder. Reading never raises: rows whose values are
of the wrong kind are left out and counted in `problem`."""
import json
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from game.names import drawable
from game.quiz.hands import as_record
from game.quiz.wording import as_seen
from game.store.writer import ANSWER_INSERT, Writer
from game.store.database import (LOCK_WAIT, MIGRATIONS, RETRY_WAIT, VERSION, Damaged,
                                 connect, memory, migrate, move_aside, why)

__all__ = ["FILE_NAME", "MIGRATIONS", "VERSION", "Results", "RoundRow"]
FILE_NAME = "results.db"

# Rows whose values have the kinds the game writes; anything else (a value typed in by
# hand in another program, say) is left out of every reading and counted.
_GOOD_ANSWER = (
    "typeof(a.round_id) = 'integer' AND typeof(a.position) = 'integer'"
    " AND typeof(a.question_id) = 'text' AND length(a.question_id) <= 200"
    " AND typeof(a.statement_id) IN ('text', 'null') AND coalesce(length(a.statement_id), 0) <= 200"
    " AND typeof(a.skill) = 'text' AND length(a.skill) <= 60"
    " AND typeof(a.given) = 'text' AND length(a.given) <= 20000"
    " AND typeof(a.correct) = 'integer' AND a.correct IN (0, 1)"
    " AND typeof(a.verdict) = 'text' AND a.verdict IN ('right', 'partly', 'wrong')"
    " AND typeof(a.credit) IN ('integer', 'real') AND typeof(a.points) = 'integer'"
    " AND typeof(a.seconds) IN ('integer', 'real')"
    " AND typeof(a.confidence) IN ('text', 'null') AND coalesce(length(a.confidence), 0) <= 20"
    " AND typeof(a.answered) = 'text' AND length(a.answered) <= 40"
    " AND typeof(a.hands) IN ('text', 'null') AND coalesce(length(a.hands), 0) <= 20000")
_GOOD_ROUND = (
    "typeof(r.id) = 'integer' AND typeof(r.started) = 'text' AND length(r.started) <= 40"
    " AND typeof(r.finished) IN ('text', 'null') AND coalesce(length(r.finished), 0) <= 40"
    " AND typeof(r.score) IN ('integer', 'null') AND typeof(r.mode) = 'text'"
    " AND length(r.mode) <= 20 AND typeof(p.name) = 'text' AND length(p.name) <= 200")


# What a teacher can do about each reason, after "…save them in another folder".
_ADVICE = (("disk is full", ", or your teacher can free some space on the disk"),
           ("read-only", ", or your teacher can make the data folder writable"),
           ("locked", ", or close the other program using the file"),
           ("cannot be written", ", or your teacher can make the data folder writable"))


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


@dataclass
class _Kept:
    """A round of this session, as it must end up in the file."""

    player: str
    setup: str
    mode: str
    started: str
    answers: list = field(default_factory=list)   # rows, without the round's id
    finished: str | None = None
    score: int | None = None
    row: int | None = None       # its id in the file, once written
    written: int = 0             # how many of its answers the file has
    flying: int = 0              # how many after those the writer's thread is committing
    finish_written: bool = False

    @property
    def done(self) -> bool:
        return self.row is not None and self.written == len(self.answers) and (
            self.finished is None or self.finish_written)

    @property
    def behind(self) -> bool:
        """The file lacks some of it."""
        return not self.done


class Results:
    """One open database. Methods never raise on the game's own data."""

    def __init__(self, folder, name: str = FILE_NAME, read_only: bool = False):
        """read_only: for reports, which must leave the file exactly as it is, even when
        the game holds it or it is damaged; a problem is kept in `problem` instead."""
        self.path = Path(folder) / name
        self.notice: str | None = None     # said once, on the title screen
        self.problem: str | None = None    # the results could not all be read
        self.trouble: str | None = None    # why answers are waiting in memory
        self.saved_to: list[Path] = []     # other folders that answers were saved to
        self._kept: dict[int, _Kept] = {}  # rounds of this session not yet wholly written
        self._next_key = -1                # handles of rounds the file does not have yet
        self._holding = 0                  # inside held(): answers wait for one commit
        self._waiting = False              # held answers (or finished rounds) to commit
        # The rounds the file lacks something of, by their key in _kept: a sync looks at
        # these, not at every round of a class of 300.
        self._behind: dict[int, _Kept] = {}
        self._writer = Writer(self.path)   # a class's answers, committed off the game's thread
        self._attached = True              # False: self.db is a stand-in in memory
        self.db = self._open_read_only() if read_only else self._open()

    # -- opening -----------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return connect(self.path)
        except Damaged as error:
            kept = move_aside(self.path)
            self.notice = (f"The results file {self.path} could not be used ({error}). "
                           + (f"It was kept as {kept.name}; " if kept else "")
                           + "a new one was started.")
            try:
                return connect(self.path)
            except (sqlite3.Error, OSError) as again:
                error = again
        except (sqlite3.Error, OSError) as error_:
            error = error_
        # Locked, unwritable or full: the file stays where it is, answers wait in memory
        # and every later write tries the file again.
        # The warning strip says so on every screen: no notice on the title as well.
        self._attached = False
        self.trouble = why(error, self.path)
        return memory()

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
            migrate(copy, version)
            return copy
        except (sqlite3.Error, OSError) as error:
            self.problem = f"The results file {self.path} could not be read ({why(error, self.path)})."
            return memory()

    # -- writing -----------------------------------------------------------------
    def player(self, name: str) -> int | None:
        name = " ".join(name.split())
        try:
            return self._player_id(self.db, name) if self._attached else None
        except sqlite3.Error as error:
            self.trouble = why(error, self.path)
            return None

    @staticmethod
    def _player_id(db, name: str) -> int:
        found = db.execute("SELECT id FROM players WHERE name = ?", (name,)).fetchone()
        if found:
            return found[0]
        return db.execute("INSERT INTO players (name, created) VALUES (?, ?)",
                          (name, now())).lastrowid

    def start_round(self, player: str, setup: dict, mode: str = "solo") -> int:
        """A handle for the round: its id in the file when it could be written at once."""
        key, self._next_key = self._next_key, self._next_key - 1
        self._kept[key] = _Kept(" ".join(player.split()),
                                json.dumps(setup, ensure_ascii=False), mode, now())
        self._behind[key] = self._kept[key]
        self._sync()
        kept = self._kept.get(key)
        if kept is not None and kept.row is not None:
            self._kept[kept.row] = self._kept.pop(key)
            return kept.row
        return key

    @contextmanager
    def held(self):
        """Answers recorded inside are committed together, in one transaction, when the
        function this gives is called with what to do once they are in the file (or at
        the end): a class's answers of one frame cost one commit, not one each, and that
        commit is the writer thread's, not the game's. Each answer is in the file before
        then() tells its device it was taken."""
        self._land()
        self._holding += 1
        try:
            yield self._commit_held
        finally:
            self._holding -= 1
            if not self._holding and self._waiting:
                self._sync()

    def _commit_held(self, then=lambda: None) -> None:
        """Commit what is held now (a frame with no answer commits nothing); then()."""
        if not (self._holding and self._waiting):
            then()
        elif self._may_fly():
            self._fly(then)
        else:
            self._holding -= 1
            try:
                self._sync()
            finally:
                self._holding += 1
            then()

    def _may_fly(self) -> bool:
        """Only answers of rounds the file has, with nothing else waiting, go to the
        writer's thread; anything else (a file in trouble, a round not in the file yet, a
        round to finish) is written here, as ever."""
        return self.trouble is None and self._attached and all(
            k.row is not None and (k.finished is None or k.finish_written)
            for k in self._behind.values())

    def _fly(self, then) -> None:
        rows, flights = [], []
        for key, kept in self._behind.items():
            new = kept.answers[kept.written + kept.flying:]
            if new:
                rows += [(kept.row, *answer) for answer in new]
                kept.flying += len(new)
                flights.append((key, kept, len(new)))
        self._behind, self._waiting = {}, False
        self._writer.submit(rows, flights, then)

    def _land(self, wait: bool = False) -> None:
        """What the writer's thread has committed is noted as written; what it could not
        is waiting again here, and said (the strip), to be tried again as any answer is."""
        if wait:
            self._writer.wait()
        for committed, flights, error in self._writer.landed():
            for key, kept, n in flights:
                kept.flying -= n
                if committed:
                    kept.written += n
                else:
                    self._behind[key] = kept
                    self._waiting = True
            if not committed:
                self.trouble = why(error, self.path)

    def record(self, round_id: int | None, position: int, answer) -> None:
        """One answer, committed before this returns (or, held, with the others held), or
        kept until it can be."""
        kept = self._kept.get(round_id)
        if kept is None:
            return
        q = answer.question
        given = as_seen(q, answer.given)    # an index would mean nothing in a report
        hands = as_record(q, answer.hands)  # by the answers' words, for the same reason
        kept.answers.append((position, q.id, q.statement, q.skill, json.dumps(given),
                             int(answer.correct), answer.verdict.value, answer.credit,
                             answer.points, round(answer.seconds, 2), answer.confidence,
                             now(), hands and json.dumps(hands)))
        self._behind[round_id] = kept
        self._waiting = True
        if not self._holding:
            self._sync()

    def reopen(self, round_id) -> str | None:
        """Take up a round an earlier run of the game started (a class's game resumed after
        it was killed): later answers and its finish go to it. Its player's name, or None
        when the file has no such round."""
        if type(round_id) is not int or round_id < 1:
            return None
        kept = self._kept.get(round_id)
        if kept is not None:
            return kept.player
        found = self._read(
            "SELECT p.name, r.setup, r.mode, r.started FROM rounds r JOIN players p"
            f" ON p.id = r.player_id WHERE r.id = ? AND {_GOOD_ROUND}", (round_id,))
        if not found:
            return None
        player, setup, mode, started = found[0]
        # This run writes only the answers it is given; those before are in the file.
        self._kept[round_id] = _Kept(player, setup, mode, started, row=round_id)
        return player

    def finish_round(self, round_id: int | None, score: int) -> None:
        kept = self._kept.get(round_id)
        if kept is not None:
            kept.finished, kept.score = now(), score
            self._behind[round_id] = kept
            self._waiting = True
            if not self._holding:
                self._sync()

    @property
    def unsaved(self) -> int:
        """Answers given this session that are in no file yet."""
        self._land(wait=True)
        return sum(len(k.answers) - k.written for k in self._kept.values())

    def retry(self) -> bool:
        """Try the file again for whatever waits; True when nothing waits any more."""
        self._land(wait=True)
        if self.trouble is not None:
            self._sync()
        return self.trouble is None

    def _sync(self) -> None:
        """Bring the file up to date with every round of this session, in one
        transaction; if it fails, all of it stays in memory, to be tried again."""
        self._land(wait=True)      # never the rows the writer's thread has in hand
        if not self._attached and not self._attach():
            return
        if self.trouble is not None:
            self.db.execute(f"PRAGMA busy_timeout = {int(RETRY_WAIT * 1000)}")
        # One transaction for everything waiting: where it all goes in or none of it does,
        # what was written is known again from the marks taken before.
        behind = {key: k for key, k in self._behind.items() if k.behind}
        marks = {key: (k.row, k.written, k.finish_written) for key, k in behind.items()}
        try:
            self.db.execute("BEGIN IMMEDIATE")
            for kept in behind.values():
                self._write_kept(self.db, kept)
            self.db.execute("COMMIT")
        except sqlite3.Error as error:
            if self.db.in_transaction:
                try:
                    self.db.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            for key, (row, written, finish_written) in marks.items():
                kept = behind[key]
                kept.row, kept.written, kept.finish_written = row, written, finish_written
            self.trouble = why(error, self.path)
            return
        self._waiting = False
        self._behind = {}
        for key, kept in behind.items():
            if kept.finished is not None and self._kept.get(key) is kept:
                del self._kept[key]        # wholly in the file: nothing to keep
        if self.trouble is not None:
            self.trouble = None
            self.db.execute(f"PRAGMA busy_timeout = {LOCK_WAIT * 1000}")

    def _attach(self) -> bool:
        try:
            db = connect(self.path, RETRY_WAIT)
        except (sqlite3.Error, OSError) as error:
            self.trouble = why(error, self.path)
            return False
        self.db.close()
        self.db, self._attached = db, True
        return True

    def _write_kept(self, db, kept: _Kept) -> None:
        """Whatever of one round the file lacks, inside the caller's transaction."""
        if kept.row is None:
            player_id = self._player_id(db, kept.player)
            kept.row = db.execute(
                "INSERT INTO rounds (player_id, started, setup, mode) VALUES (?, ?, ?, ?)",
                (player_id, kept.started, kept.setup, kept.mode)).lastrowid
        while kept.written < len(kept.answers):
            db.execute(ANSWER_INSERT, (kept.row, *kept.answers[kept.written]))
            kept.written += 1
        if kept.finished is not None and not kept.finish_written:
            db.execute("UPDATE rounds SET finished = ?, score = ? WHERE id = ?",
                       (kept.finished, kept.score, kept.row))
            kept.finish_written = True

    def save_elsewhere(self, folder) -> tuple[Path | None, str]:
        """Write every round that has answers waiting, whole, into FOLDER's results file
        (made if need be; added to if it is a Byline data folder). Returns the file and
        what happened, in words."""
        self._land(wait=True)
        waiting = [k for k in self._kept.values() if k.written < len(k.answers)
                   or (k.finished and not k.finish_written)]
        if not waiting:
            return None, "There are no answers waiting to be saved."
        other = Results(folder)
        try:
            if other.path.resolve() == self.path.resolve():
                return None, "That is the results file that cannot be written; pick another folder."
            if not other._attached:
                return None, f"Could not save in {other.path.parent}: {other.trouble}."
            count = 0
            other.db.execute("BEGIN IMMEDIATE")     # all of them there, or none
            for kept in waiting:
                copy = _Kept(kept.player, kept.setup, kept.mode, kept.started,
                             list(kept.answers), kept.finished, kept.score)
                other._write_kept(other.db, copy)
                count += len(copy.answers)
            other.db.execute("COMMIT")
        except (sqlite3.Error, OSError) as error:
            if other._attached and other.db.in_transaction:
                other.db.execute("ROLLBACK")
            return None, f"Could not save in {other.path.parent}: {why(error, other.path)}."
        finally:
            other.close()
        # The copies elsewhere are whole; nothing of these rounds is tried here again (the
        # end of a round is where this is offered, so no more answers come to them).
        self._kept = {key: k for key, k in self._kept.items() if k not in waiting}
        self._behind = {key: k for key, k in self._behind.items() if k not in waiting}
        self.saved_to.append(other.path)
        if not self.unsaved:
            self.trouble = None
        return other.path, (f"Saved {count} answer(s) in {other.path}. A teacher can read them "
                            f"with: python run.py report --data-dir \"{other.path.parent}\"")

    def warning(self) -> str | None:
        """What the player must be told while answers wait, or None."""
        if self.trouble is None:
            return None
        waiting = self.unsaved
        kept = f"{waiting} answer(s) kept in memory" if waiting else "Answers are kept in memory"
        advice = next((a for needle, a in _ADVICE if needle in self.trouble), "")
        return (f"Answers are not being saved: {self.trouble}. {kept}, and Byline keeps "
                f"trying. At the end of the round you can save them in another folder"
                f"{advice}.")

    # -- reading: never raises; a failure leaves `problem` set and returns nothing ----
    def _read(self, sql: str, values=(), as_dicts: bool = False) -> list:
        try:
            cursor = self.db.execute(sql, values)
            if not as_dicts:
                return cursor.fetchall()
            names = [c[0] for c in cursor.description]
            return [dict(zip(names, row)) for row in cursor]
        except sqlite3.Error as error:
            self.problem = f"Results could not be read from {self.path}: {why(error, self.path)}"
            return []

    def _count_bad(self) -> None:
        """Say how many rows were left out for holding values of the wrong kind."""
        found = self._read(
            "SELECT (SELECT COUNT(*) FROM answers a LEFT JOIN rounds r ON r.id = a.round_id"
            f" LEFT JOIN players p ON p.id = r.player_id WHERE NOT ({_GOOD_ANSWER})),"
            " (SELECT COUNT(*) FROM rounds r LEFT JOIN players p ON p.id = r.player_id"
            f" WHERE NOT ({_GOOD_ROUND}) OR p.id IS NULL)")
        bad_answers, bad_rounds = found[0] if found else (0, 0)
        if bad_answers or bad_rounds:
            parts = [f"{n} {what}" for n, what in ((bad_answers, "answer(s)"),
                                                    (bad_rounds, "round(s)")) if n]
            self.problem = (f"{' and '.join(parts)} in {self.path} hold values of the wrong "
                            "kind (edited by another program?) and were left out.")

    def _drawable(self, rows: list, name) -> list:
        """Rows whose player's name a name screen could have made: a NUL or a control
        character written in by another program cannot even be drawn."""
        kept = [r for r in rows if drawable(name(r))]
        if len(kept) < len(rows):
            self.problem = (f"{len(rows) - len(kept)} row(s) in {self.path} name a player "
                            "with characters a name cannot hold, and were left out.")
        return kept

    def players(self) -> list[str]:
        return [r[0] for r in self._drawable(self._read(
            "SELECT name FROM players WHERE typeof(name) = 'text' AND length(name) <= 200"
            " ORDER BY name"), lambda r: r[0])]

    def classes(self) -> list[str]:
        """The names that have played as a whole class, to be listed apart from players."""
        return [r[0] for r in self._drawable(self._read(
            "SELECT DISTINCT p.name FROM players p JOIN rounds r ON r.player_id = p.id"
            " WHERE r.mode = 'class' AND typeof(p.name) = 'text' AND length(p.name) <= 200"
            " ORDER BY p.name"), lambda r: r[0])]

    def rounds(self, player: str | None = None, since: str | None = None) -> list[RoundRow]:
        """since: 'YYYY-MM-DD', rounds started that day or later."""
        where, values = _where(player, since)
        self._count_bad()
        sql = ("SELECT r.id, p.name, r.started, r.finished, r.score, r.mode,"
               " COUNT(a.id), COALESCE(SUM(a.verdict = 'right'), 0)"
               " FROM rounds r JOIN players p ON p.id = r.player_id"
               f" LEFT JOIN answers a ON a.round_id = r.id AND {_GOOD_ANSWER}"
               f" WHERE {_GOOD_ROUND}" + where + " GROUP BY r.id ORDER BY r.id")
        return [RoundRow(*row) for row in self._drawable(self._read(sql, values),
                                                         lambda r: r[1])]

    def answers(self, round_id: int) -> list[dict]:
        return self._read(f"SELECT * FROM answers a WHERE a.round_id = ? AND {_GOOD_ANSWER}"
                          " ORDER BY a.position", (round_id,), as_dicts=True)

    def answer_rows(self, player: str | None = None, since: str | None = None) -> list[dict]:
        """Every answer with who gave it and the round's mode and times, in one query:
        what a report needs. `given` is still JSON text, as stored."""
        where, values = _where(player, since)
        self._count_bad()
        return self._drawable(self._read(
            "SELECT a.*, p.name AS player, r.mode, r.started, r.finished"
            " FROM answers a JOIN rounds r ON r.id = a.round_id"
            " JOIN players p ON p.id = r.player_id"
            f" WHERE {_GOOD_ANSWER} AND {_GOOD_ROUND}"
            + where + " ORDER BY r.id, a.position, a.id", values, as_dicts=True),
            lambda r: r["player"])

    def close(self) -> None:
        self._land(wait=True)
        self._writer.close()
        self.db.close()


def _where(player: str | None, since: str | None) -> tuple[str, tuple]:
    clauses, values = [], []
    if player:
        clauses.append("p.name = ?")      # the column's NOCASE makes this any case
        values.append(" ".join(player.split()))
    if since:
        # ISO times sort as text, and '2026-03-14T09:00:00' >= '2026-03-14'.
        clauses.append("r.started >= ?")
        values.append(since)
    return "".join(f" AND {c}" for c in clauses), tuple(values)

