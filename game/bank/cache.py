"""What each clean question file held when last read, so a start with unchanged files
skips YAML parsing (most of the start-up time).

JSON, never pickle: a class's shared data folder must not be a way to run code. An entry
counts only while the file and its article text have the same size and modification time
as when it was read, and the loader's version is the same; anything else, or an unreadable
cache, means reading the file afresh. A teacher's file is never written."""
import json
import os
from dataclasses import asdict, fields
from pathlib import Path

from game.bank.loader import FileResult, find_article_file
from game.bank.models import Article, HandQuestion, Statement, Where

VERSION = 2     # raise when the loader's checks or the models change
FILE_NAME = "bank-cache.json"


def _stamp(path: Path | None) -> list | None:
    try:
        info = path.stat()
    except (OSError, AttributeError):
        return None
    return [str(path.resolve()), info.st_size, info.st_mtime_ns]


def _model(cls, data: dict):
    values = {f.name: data[f.name] for f in fields(cls) if f.name in data}
    for name, value in values.items():
        if isinstance(value, list):
            values[name] = tuple(value)
    if values.get("where"):
        values["where"] = Where(**values["where"])
    return cls(**values)


class BankCache:
    def __init__(self, folder):
        self.path = Path(folder) / FILE_NAME
        self.changed = False
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.entries = data["files"] if data.get("version") == VERSION else {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.entries = {}

    def _stamps(self, path: Path, article: Article | None) -> list:
        text = find_article_file(article.text_file, path) if article else None
        return [_stamp(path), _stamp(text)]

    def get(self, path: Path) -> FileResult | None:
        entry = self.entries.get(str(Path(path).resolve()))
        try:
            article = _model(Article, entry["article"])
            if entry["stamps"] != self._stamps(path, article):
                return None
            return FileResult(
                str(path), [], article,
                [_model(Statement, s) for s in entry["statements"]],
                [_model(HandQuestion, q) for q in entry["questions"]],
                entry["quotes_checked"])
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, path: Path, result: FileResult) -> None:
        """Remember a clean file; a file with problems is read afresh every time."""
        key = str(Path(path).resolve())
        if result.errors or result.article is None:
            self.changed |= self.entries.pop(key, None) is not None
            return
        stamps = self._stamps(path, result.article)
        if (self.entries.get(key) or {}).get("stamps") == stamps:
            return      # read from this very entry, or from a file unchanged since
        self.entries[key] = {"stamps": stamps, "article": asdict(result.article),
                             "statements": [asdict(s) for s in result.statements],
                             "questions": [asdict(q) for q in result.questions],
                             "quotes_checked": result.quotes_checked}
        self.changed = True

    def save(self) -> None:
        """Write by rename; a cache that cannot be written only costs speed next time."""
        if not self.changed:
            return
        import tempfile     # here, not at the top: it is slow to import, and is rarely needed
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.path.parent,
                                             delete=False, suffix=".tmp") as out:
                json.dump({"version": VERSION, "files": self.entries}, out, ensure_ascii=False)
            os.replace(out.name, self.path)
            self.changed = False
        except OSError:
            pass
