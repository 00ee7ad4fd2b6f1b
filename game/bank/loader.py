"""Load question files into a Bank, reporting every problem of every file.

A file with any problem is skipped whole and listed; the others load. Nothing here
writes to a teacher's file.

Folders are read in the order given, and a file in a later folder replaces one with the same
article id in an earlier folder (game.bank.folders: the teacher's copy of a shipped file);
within one folder, or among files named one by one, an id used twice is a problem."""
import os
from dataclasses import dataclass, field
from pathlib import Path

from game.bank.errors import BankError
from game.bank.models import Bank, FileResult, Where
from game.files import what_is


@dataclass
class LoadResult:
    bank: Bank
    problems: list[BankError]
    files: list[FileResult]
    # (the file read, the file it replaced): same article id, in an earlier folder
    replaced: list[tuple[str, str]] = field(default_factory=list)

    @property
    def skipped(self) -> list[str]:
        """Every path left out: files with problems, then paths that are not files."""
        read = {f.path for f in self.files}
        return [f.path for f in self.files if f.errors] + sorted(
            {p.path for p in self.problems if p.path not in read})


def question_files(paths) -> tuple[list[Path], list[BankError]]:
    """The YAML files named, or found directly inside the folders named; and what each
    .yaml path is that is not an ordinary file (a folder, a pipe, a link to a device...),
    which is never opened."""
    found, errors = [], []
    for raw in paths:
        path = Path(raw)
        if not os.path.lexists(path):
            errors.append(BankError(str(path), 1, 1, "no such file or folder"))
            continue
        if not path.is_dir() or path.suffix in (".yaml", ".yml"):   # x.yaml is a file's name
            _sort_out(path, found, errors)
            continue
        try:
            inside = sorted(path.iterdir())
        except OSError as exc:
            errors.append(BankError(str(path), 1, 1,
                                    f"cannot read this folder ({exc.strerror or exc})"))
            continue
        for entry in inside:
            # '.#name.yaml' is the lock an editor (Emacs) makes while a file is edited: a
            # link to nowhere that is no one's question file.
            if entry.suffix in (".yaml", ".yml") and not entry.name.startswith(".#"):
                _sort_out(entry, found, errors)
    return found, errors


def _sort_out(path: Path, found: list, errors: list) -> None:
    kind = what_is(path)
    if kind:
        errors.append(BankError(str(path), 1, 1, f"this is {kind}"))
    else:
        found.append(path)


def load_bank(paths=("questions",), cache=None) -> LoadResult:
    """cache: a game.bank.cache.BankCache, so that files unchanged since the last start
    are not parsed again; the command line reads every file afresh.

    Never raises: the game calls it at start and on every live reload, mid-round."""
    files, problems, layers = [], [], []
    for layer, path in enumerate(paths):
        found, missing = question_files([path])
        files += found
        problems += missing
        layers += [layer if Path(path).is_dir() else None] * len(found)
    results = [_cached(cache, "get", p) for p in files]
    if not all(results):
        # Only now: reading needs PyYAML, most of the cost of a start the cache spares.
        from game.bank.reading import load_file
        results = [result or load_file(p) for p, result in zip(files, results)]
    for p, result in zip(files, results):
        _cached(cache, "put", p, result)
    _cached(cache, "save")
    results, replaced = _override(results, layers)
    _check_unique_ids(results)
    bank = Bank()
    for result in results:
        result.errors.sort()
        problems.extend(result.errors)
        if result.errors:
            continue
        bank.articles[result.article.id] = result.article
        # A statement not yet reviewed stays in its FileResult, for validate to count,
        # and out of the bank, so that nothing can play it.
        bank.statements.extend(s for s in result.statements if s.reviewed)
        bank.questions.extend(result.questions)
    return LoadResult(bank, problems, results, replaced)


def _override(results, layers) -> tuple[list[FileResult], list[tuple[str, str]]]:
    """The files left when each article id is kept only from the last folder that has it."""
    last: dict[str, int] = {}
    for result, layer in zip(results, layers):
        if layer is not None and result.article:
            last[result.article.id] = max(layer, last.get(result.article.id, layer))
    kept, dropped = [], []
    for result, layer in zip(results, layers):
        ident = result.article.id if result.article else None
        if layer is not None and ident in last and layer < last[ident]:
            dropped.append(result)
        else:
            kept.append(result)
    replaced = [(winner.path, loser.path) for loser in dropped for winner, layer in
                zip(results, layers) if winner.article and layer == last[loser.article.id]
                and winner.article.id == loser.article.id]
    return kept, replaced


def _cached(cache, method: str, *args):
    """A call to the cache, which only ever saves time: if it fails, the file is read."""
    if cache is None:
        return None
    try:
        return getattr(cache, method)(*args)
    except Exception:
        return None


def _check_unique_ids(results: list[FileResult]) -> None:
    """Files without problems of their own claim their ids first, so a duplicate is
    reported in the file that is broken anyway rather than in a good one."""
    first: dict[str, Where] = {}
    articles: dict[str, Where] = {}
    for result in sorted(results, key=lambda r: bool(r.errors)):
        if result.article and result.article.where:
            _claim(result, articles, result.article.id, result.article.where, "article id")
        for item in (*result.statements, *result.questions):
            _claim(result, first, item.id, item.where, "id")


def _claim(result, seen, ident, where, what) -> None:
    if ident in seen:
        result.errors.append(BankError(
            where.path, where.line, where.column,
            f"the {what} '{ident}' is already used at {seen[ident]}; every {what} must be "
            "unique"))
    else:
        seen[ident] = where
