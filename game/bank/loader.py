"""Load question files into a Bank, reporting every problem of every file.

A file with any problem is skipped whole and listed; the others load. Nothing here
writes to a teacher's file."""
from dataclasses import dataclass, field
from pathlib import Path

from game.bank.errors import BankError
from game.bank.models import Article, Bank, HandQuestion, Statement, Where

PROJECT = Path(__file__).resolve().parents[2]
# Where an article's text_file is looked for, after the question file's own folder.
ARTICLE_DIRS = (PROJECT / "questions" / "articles", PROJECT.parent / "shared" / "articles")


@dataclass
class FileResult:
    path: str
    errors: list[BankError] = field(default_factory=list)
    article: Article | None = None
    statements: list[Statement] = field(default_factory=list)
    questions: list[HandQuestion] = field(default_factory=list)
    quotes_checked: bool = False


@dataclass
class LoadResult:
    bank: Bank
    problems: list[BankError]
    files: list[FileResult]

    @property
    def skipped(self) -> list[str]:
        return [f.path for f in self.files if f.errors]


def question_files(paths) -> tuple[list[Path], list[BankError]]:
    """The YAML files named, or found directly inside the folders named."""
    found, errors = [], []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir()
                                if p.suffix in (".yaml", ".yml") and p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            errors.append(BankError(str(path), 1, 1, "no such file or folder"))
    return found, errors


def load_bank(paths=("questions",), cache=None) -> LoadResult:
    """cache: a game.bank.cache.BankCache, so that files unchanged since the last start
    are not parsed again; the command line reads every file afresh."""
    files, problems = question_files(paths)
    results = [(cache and cache.get(p)) or load_file(p) for p in files]
    if cache is not None:
        for p, result in zip(files, results):
            cache.put(p, result)
        cache.save()
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
    return LoadResult(bank, problems, results)


def load_file(path: Path) -> FileResult:
    from game.bank.reading import load_file as read
    return read(path)


def parse(path: Path, data: bytes) -> FileResult:
    """Check one file's bytes; `path` names it in messages and anchors its text_file."""
    from game.bank.reading import parse as read
    return read(path, data)


def find_article_file(text_file: str, question_file: Path) -> Path | None:
    """Where an article's text is: beside its question file, or in one of ARTICLE_DIRS."""
    if not text_file:
        return None
    for folder in (Path(question_file).parent, *ARTICLE_DIRS):
        candidate = folder / text_file
        if candidate.is_file():
            return candidate
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
