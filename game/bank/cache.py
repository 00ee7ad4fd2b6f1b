"""What each clean question file held when last read, so a start with unchanged files
skips YAML parsing (most of the start-up time).

JSON, never pickle: a class's shared data folder must not be a way to run code. An entry
counts only while the file and its article text have the same size and modification time
as when it was read, and the loader's version is the same; anything else, or an unreadable
cache, means reading the file afresh. A teacher's file is never written."""
import json
import re
from dataclasses import asdict, fields
from pathlib import Path

from game.bank.models import GENRES, LABELS, SOURCE_KINDS, AlsoSource, Around, Article, \
    Cue, FileResult, HandQuestion, Statement, Where
from game.bank.paths import find_article_file
from game.datafiles import write_replacing
from game.files import FileProblem, read_file

VERSION = 7     # raise when the loader's checks or the models change
FILE_NAME = "bank-cache.json"
MAX_BYTES = 32 * 1024 * 1024    # some 2,000 question files; a bigger cache is not ours

# What the loader can produce, checked again on every entry read: a cache may have been
# damaged or written by someone else, and a value of the wrong kind would only fail later,
# in the middle of a round. Anything outside these bounds is read afresh from its file.
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\Z")     # as game.bank.reading._ID
_LONGEST = 10_000       # characters in any one field, far over the loader's limits
_MOST = 200             # items in any one list (cues, choices, provenance)
_DIFFICULTY = range(1, 4)
_ALLOWED = {"genre": GENRES, "genre_also_fits": GENRES, "label": LABELS,
            "source_kind": tuple(SOURCE_KINDS)}
_UNDRAWABLE = re.compile("[\x00\ud800-\udfff]")      # pygame draws neither
_PARTS = {"stamps", "article", "statements", "questions", "quotes_checked"}


def _stamp(path: Path | None) -> list | None:
    try:
        info = path.stat()
        return [str(path.resolve()), info.st_size, info.st_mtime_ns]
    except (OSError, RuntimeError, AttributeError):     # RuntimeError: a link loop
        return None


def _key(path) -> str | None:
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):     # a link loop: the loader says what it is
        return None


def _text(value, may_be_empty: bool = False) -> bool:
    return isinstance(value, str) and len(value) <= _LONGEST and (may_be_empty or bool(value)) \
        and not _UNDRAWABLE.search(value)


def _texts(value, allowed=None) -> bool:
    return isinstance(value, (list, tuple)) and len(value) <= _MOST and all(
        _text(v) and (allowed is None or v in allowed) for v in value)


def _where(value) -> bool:
    return isinstance(value, dict) and value.keys() == {"path", "line", "column"} \
        and isinstance(value["path"], str) \
        and all(type(value[k]) is int and value[k] >= 1 for k in ("line", "column"))


def _cues(value) -> bool:
    return isinstance(value, (list, tuple)) and len(value) <= _MOST and all(
        isinstance(c, dict) and c.keys() == {"words", "by"} and _text(c["words"])
        and _text(c["by"]) for c in value)


def _also_sources(value) -> bool:
    return isinstance(value, (list, tuple)) and len(value) <= _MOST and all(
        isinstance(a, dict) and a.keys() == {"source", "why"} and _text(a["source"])
        and _text(a["why"]) for a in value)


def _around(value) -> bool:
    return value is None or isinstance(value, dict) and value.keys() == {"before", "after"} \
        and all(_text(v, may_be_empty=True) for v in value.values())


def _check(f):
    """How a field's value, as JSON gives it back, is checked against the model's type."""
    allowed = _ALLOWED.get(f.name)
    if f.name == "where":
        return _where
    if f.name == "id":
        return lambda v: _text(v) and bool(_ID.match(v))
    if f.type is str:
        return (lambda v: isinstance(v, str) and v in allowed) if allowed \
            else (lambda v: _text(v, may_be_empty=f.default == ""))
    if f.type == tuple[Cue, ...]:
        return _cues
    if f.type == tuple[AlsoSource, ...]:
        return _also_sources
    if f.type == Around | None:
        return _around
    if f.type == tuple[str, ...]:
        return lambda v: _texts(v, allowed)
    if f.type is bool:
        return lambda v: type(v) is bool
    if f.type is int:
        return lambda v: type(v) is int and v in _DIFFICULTY
    raise TypeError(f"no check for {f.name}: {f.type}")     # a model changed: add one


_CHECKS = {cls: {f.name: _check(f) for f in fields(cls)}
           for cls in (Article, Statement, HandQuestion)}


def _model(cls, data, path: Path):
    """The model an entry describes, or None if it is not one the loader could have made."""
    checks = _CHECKS[cls]
    if not isinstance(data, dict) or data.keys() != checks.keys() \
            or not all(check(data[name]) for name, check in checks.items()):
        return None
    values = {name: tuple(v) if isinstance(v, (list, tuple)) else v
              for name, v in data.items()}
    if "cues" in values:
        values["cues"] = tuple(Cue(**c) for c in values["cues"])
    if "source_also_fits" in values:
        values["source_also_fits"] = tuple(AlsoSource(**a) for a in values["source_also_fits"])
    if values.get("context") is not None:
        values["context"] = Around(**values["context"])
    # The file's path as this start names it, as a fresh read would.
    values["where"] = Where(str(path), data["where"]["line"], data["where"]["column"])
    return cls(**values)


def _result(path: Path, entry) -> FileResult | None:
    """What a checked entry holds; None if any of it is not what the loader makes."""
    if not isinstance(entry, dict) or entry.keys() != _PARTS \
            or type(entry["quotes_checked"]) is not bool \
            or not isinstance(entry["statements"], list) \
            or not isinstance(entry["questions"], list):
        return None
    article = _model(Article, entry["article"], path)
    statements = [_model(Statement, s, path) for s in entry["statements"]]
    questions = [_model(HandQuestion, q, path) for q in entry["questions"]]
    if article is None or any(m is None for m in (*statements, *questions)) \
            or any(s.article != article.id for s in statements) \
            or any(q.article != article.id or q.answer not in q.choices for q in questions):
        return None
    return FileResult(str(path), [], article, statements, questions, entry["quotes_checked"])


class BankCache:
    def __init__(self, folder):
        self.path = Path(folder) / FILE_NAME
        self.changed = False
        try:
            data = json.loads(read_file(self.path, MAX_BYTES).decode("utf-8"))
            files = data["files"] if data["version"] == VERSION else {}
        except (FileProblem, ValueError, RecursionError, LookupError, TypeError):
            files = {}      # not ours, or from another version: rewritten on the next save
        self.entries = {key: entry for key, entry in files.items() if isinstance(entry, dict)} \
            if isinstance(files, dict) else {}

    def _stamps(self, path: Path, article: Article | None) -> list:
        text = find_article_file(article.text_file, path) if article else None
        return [_stamp(path), _stamp(text)]

    def get(self, path: Path) -> FileResult | None:
        key = _key(path)
        entry = self.entries.get(key)
        if entry is None:
            return None
        result = _result(Path(path), entry)
        if result is None:
            del self.entries[key]       # replaced by what the file holds, on the next save
            self.changed = True
            return None
        return result if entry["stamps"] == self._stamps(path, result.article) else None

    def put(self, path: Path, result: FileResult) -> None:
        """Remember a clean file; a file with problems, or with what the cache would not
        take back, is read afresh every time."""
        key = _key(path)
        if key is None:
            return
        if result.errors or result.article is None:
            self.changed |= self.entries.pop(key, None) is not None
            return
        stamps = self._stamps(path, result.article)
        if self.entries.get(key, {}).get("stamps") == stamps:
            return      # read from this very entry, or from a file unchanged since
        entry = {"stamps": stamps, "article": asdict(result.article),
                 "statements": [asdict(s) for s in result.statements],
                 "questions": [asdict(q) for q in result.questions],
                 "quotes_checked": result.quotes_checked}
        if _result(Path(path), entry) is None:
            self.changed |= self.entries.pop(key, None) is not None
            return
        self.entries[key] = entry
        self.changed = True

    def save(self) -> None:
        """Write by rename; a cache that cannot be written only costs speed next time."""
        if not self.changed:
            return
        try:
            write_replacing(self.path, json.dumps({"version": VERSION, "files": self.entries},
                                                  ensure_ascii=False), ".bank-cache-")
            self.changed = False
        except OSError:
            pass
