"""Opening the results file: its schema, telling a damaged file from a busy one, moving a
damaged one aside, and saying in plain words why a write failed.

A file that another program holds locked is alive, not damaged: it is never moved aside
(moving it would send the other program's answers into the moved file). Only a file SQLite
reports as corrupt, not a database, from a newer Byline or missing its tables is moved."""
import os
import sqlite3
from pathlib import Path

from game import datafiles

# Seconds to wait for another program's lock: long enough for its write to finish, short
# enough that a game blocked by a stuck lock goes on without a noticeable hang.
LOCK_WAIT = 2
# While answers wait in memory, each retry waits only this long, so a stuck lock does not
# freeze the game at every answer.
RETRY_WAIT = 0.25

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
    # 3: an answer's verdict: right, partly right or wrong (game.quiz.verdict). `correct`
    # stays, 1 for right only; answers saved before partly right existed keep their
    # verdict as it was told to the player.
    """
    ALTER TABLE answers ADD COLUMN verdict TEXT NOT NULL DEFAULT 'wrong';
    UPDATE answers SET verdict = 'right' WHERE correct = 1;
    """,
    # 4: a whole class's show of hands before the reveal, as JSON {answer: hands}
    # (game.quiz.hands.as_record); NULL where none was counted.
    """
    ALTER TABLE answers ADD COLUMN hands TEXT;
    """,
]
VERSION = len(MIGRATIONS)
TABLES = ("players", "rounds", "answers")


class Damaged(sqlite3.DatabaseError):
    """The file is not a results file this Byline can use: moved aside on open."""


def migrate(db: sqlite3.Connection, version: int) -> None:
    for step in range(version, VERSION):
        # One transaction per step: a step is applied whole or not at all.
        db.executescript(f"BEGIN; {MIGRATIONS[step]} PRAGMA user_version = {step + 1}; COMMIT;")


def connect(path: Path, wait: float = LOCK_WAIT) -> sqlite3.Connection:
    """The file, checked and brought up to date. Raises Damaged for a file to move aside,
    and sqlite3.Error or OSError for anything else (locked, unwritable, no space)."""
    db = sqlite3.connect(path, timeout=wait, isolation_level=None)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = FULL")
        verdict = db.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise Damaged("the file is damaged")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > VERSION:
            raise Damaged(f"it was written by a newer Byline (schema {version}, this one "
                          f"knows {VERSION})")
        if version:
            present = {r[0] for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            missing = [t for t in TABLES if t not in present]
            if missing:
                raise Damaged(f"the table '{missing[0]}' is missing")
        migrate(db, version)
        db.execute(f"PRAGMA busy_timeout = {int(LOCK_WAIT * 1000)}")
        return db
    except sqlite3.Error as error:
        db.close()
        if _corrupt(error) and not is_locked(error) and not isinstance(error, Damaged):
            raise Damaged(str(error)) from error
        raise


def memory() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:", isolation_level=None)
    migrate(db, 0)
    return db


def move_aside(path: Path) -> Path | None:
    """Rename a damaged file, and its journal with it, to a name nothing will reuse."""
    target = datafiles.move_aside(path, "unusable")
    for suffix in ("-journal", "-wal", "-shm") if target else ():
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target


def is_locked(error: Exception) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def _corrupt(error: Exception) -> bool:
    text = str(error).lower()
    return any(word in text for word in ("not a database", "malformed", "corrupt",
                                         "encrypted"))


def holders(path: Path) -> list[str]:
    """The other programs that have the file open, as "process 1234 (python3 run.py)";
    Linux only (read from /proc), else nothing. Not necessarily the one holding the lock,
    but a teacher can close them all."""
    try:
        target = os.stat(path)
        pids = [p for p in os.listdir("/proc") if p.isdigit() and int(p) != os.getpid()]
    except OSError:
        return []
    found = []
    for pid in pids:
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                info = os.stat(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if (info.st_dev, info.st_ino) == (target.st_dev, target.st_ino):
                found.append(f"process {pid} ({_command(pid)})")
                break
    return found


def _command(pid: str) -> str:
    """The program's name, and its script's if it runs one ("python3 run.py")."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            words = [w.decode(errors="replace") for w in f.read(4096).split(b"\0") if w]
    except OSError:
        return "unknown program"
    if not words:
        return "unknown program"
    shown = [os.path.basename(words[0])]
    if len(words) > 1 and words[1].endswith(".py"):
        shown.append(os.path.basename(words[1]))
    return " ".join(shown)[:60]


def why(error: Exception, path: Path | None = None) -> str:
    """Why a write or an open failed, in words a teacher can act on."""
    text = str(error)
    low = text.lower()
    if is_locked(error):
        who = holders(path) if path is not None else []
        return ("it is locked by another program"
                + (f": {', '.join(who[:3])} has it open" if who else
                   " (perhaps another Byline on this folder)"))
    if isinstance(error, OSError) and not isinstance(
            error, (PermissionError, NotADirectoryError)):
        return datafiles.reason(error)
    if "full" in low:
        return "the disk is full"
    if "readonly" in low or "read-only" in low:
        return "the results file or its folder is read-only"
    if "unable to open" in low or isinstance(error, (PermissionError, NotADirectoryError)):
        return "the results folder cannot be written to"
    if "no such table" in low or "no such column" in low or _corrupt(error):
        return f"the results file is damaged ({text})"
    return text
