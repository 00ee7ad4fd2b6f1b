"""An article's own text, read once, and the article as a question about it shows it: that
text, or, where it is not on this computer, what its question file says of it.

A question about the whole article (what kind of article it is, a teacher's question about
its Editor's Note or its links) is fair only if the player can read what it asks about."""
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from game.bank.models import Article, Bank
from game.bank.paths import find_article_file, read_article


@lru_cache(maxsize=64)
def _read(path: Path) -> str | None:
    try:
        data, _ = read_article(path)
        return data.decode("utf-8-sig") if data is not None else None
    except (OSError, UnicodeDecodeError):
        return None


def body_of(article: Article) -> str | None:
    """The article's text_file, if it can be found and read as UTF-8; else None."""
    where = article.where.path if article.where else ""
    path = find_article_file(article.text_file, Path(where))
    return _read(path) if path else None


@dataclass(frozen=True)
class ShownArticle:
    paragraphs: tuple[str, ...]
    from_article: bool      # False: the question file's details and quotes stand in for it


def shown_article(article: Article, bank: Bank) -> ShownArticle:
    """The whole text, a paragraph per line as the copy has it (headline, byline and
    caption lines included: they are what a reader judges an article by); without it, the
    headline, outlet, author and date the file gives, then the sentences it quotes, in
    the file's order."""
    body = body_of(article)
    if body is not None:
        return ShownArticle(tuple(line.strip() for line in body.splitlines() if line.strip()),
                            True)
    details = (f"Headline: {article.headline}", f"Outlet: {article.outlet}",
               f"Author: {article.author}", f"Date: {article.date}")
    return ShownArticle(details + tuple(s.text for s in bank.statements_of(article.id)), False)
