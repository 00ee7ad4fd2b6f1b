"""Where the bank's files are: the project's own folders, and an article's text beside its
question file or in the folders kept for articles."""
from pathlib import Path

from game import shipped
from game.files import FileProblem, read_file

# Where an article's text_file is looked for, after the question file's own folder.
ARTICLE_DIRS = tuple(folder for folder in (shipped.ARTICLES, shipped.BESIDE_CHECKOUT) if folder)
# An article's own text, read to check quotes against and to show a quote in context: a
# news article is tens of KB.
MAX_ARTICLE_BYTES = 2_000_000


def article_candidates(text_file: str, question_file: Path) -> list[Path]:
    """Where an article's text may be, in the order looked: beside its question file, in
    the articles/ folder beside it, then in each of ARTICLE_DIRS."""
    if not text_file:
        return []
    beside = Path(question_file).parent
    return [folder / text_file for folder in dict.fromkeys(
        (beside, beside / "articles", *ARTICLE_DIRS))]


def find_article_file(text_file: str, question_file: Path) -> Path | None:
    """Where an article's text is: the first of its candidates that is a file."""
    return next((c for c in article_candidates(text_file, question_file) if c.is_file()),
                None)


def read_article(path: Path) -> tuple[bytes | None, str | None]:
    """An article's text file, refused unread if it is not a file or is too big: its bytes
    and None, or None and what is wrong."""
    try:
        return read_file(path, MAX_ARTICLE_BYTES, "an article's text"), None
    except FileProblem as problem:
        return None, problem.said_of(f"the article file {path}")
