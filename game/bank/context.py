"""The sentences around a quoted statement, for players who ask to see them.

From the article's own text when it can be found; else from what the question file stores
of it (the sentences around each quote: `run.py context` writes them); else from the
neighbouring statements in the question file, and the player is told which."""
import re
from dataclasses import dataclass
from game.bank.models import Around, Bank, Statement
from game.bank.texts import body_of

REACH = 320    # characters of context on each side, at most
_BOUNDARY = re.compile(r"(?<=[.!?…])[”’\"']?\s+(?=[“‘\"'(A-Z0-9])|\n\s*\n?")
# A full stop that ends an abbreviation or an initial ("U.S. President", "J. Mitchell").
_ENDS = re.compile(r"[.!?…][”’\"')]*$")     # the end of a sentence, and its closing marks
_ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|"
                           r"Lt|Col|No|Vol|Inc|Co|Corp)\.)$")


@dataclass(frozen=True)
class Context:
    before: str
    after: str
    from_article: bool    # False: nearby statements stand in for the article's text
    # The rest of the quote's own sentence, when the quote is only part of one: shown on
    # the quote's line, so that no line starts with a stray ", although…".
    lead: str = ""
    tail: str = ""


def context_of(statement: Statement, bank: Bank) -> Context:
    """From the article's text when it is here; else from what the question file stores
    of it (the same words: Around); else from the neighbouring statements."""
    body = body_of(bank.articles[statement.article])
    found = (around(body, statement.text) if body else None) or statement.context
    if found is not None:
        lead, ahead = _lead(found.before)
        tail, behind = _tail(statement.text, found.after)
        return Context(_tidy(ahead), _tidy(behind), True, lead, tail)
    siblings = bank.statements_of(statement.article)
    i = siblings.index(statement)
    return Context(siblings[i - 1].text if i > 0 else "",
                   siblings[i + 1].text if i + 1 < len(siblings) else "", False)


def around(body: str, text: str) -> Around | None:
    """What a question file stores of the article around a quote (None if the article
    does not hold it): about REACH characters of whole sentences on each side, and the
    rest of the quote's own sentence, each with the space or line break next to the
    quote, so that context_of finds the same lead and tail in them as in the article."""
    start = body.find(text)
    if start < 0:
        return None
    stop = start + len(text)
    ahead = body[max(0, start - 3 * REACH):start]
    behind = body[stop:stop + 3 * REACH]
    _, earlier = _lead(ahead)
    _, later = _tail(text, behind)
    # Spaces at the far ends say nothing; those next to the quote are kept.
    before = ahead[_last_sentences(earlier):].lstrip()
    after = behind[:len(behind) - len(later) + _first_sentences(later)].rstrip()
    return Around(*(re.sub(r"\s*\n\s*", "\n", part) if part.strip() else ""
                    for part in (before, after)))


def _cuts(chunk: str) -> list[int]:
    """Where sentences start in chunk."""
    return [m.end() for m in _BOUNDARY.finditer(chunk)
            if "\n" in m.group() or not _ABBREVIATION.search(chunk[:m.start()])]


def _lead(ahead: str) -> tuple[str, str]:
    """(the start of the quote's own sentence, when the quote begins inside one; the text
    before that sentence)."""
    trimmed = ahead.rstrip(" \t")
    if not trimmed or trimmed.endswith("\n") or (
            _ENDS.search(trimmed) and not _ABBREVIATION.search(trimmed)):
        return "", ahead
    start = max([0, *(c for c in _cuts(ahead) if c < len(trimmed))])
    return ahead[start:].strip(), ahead[:start]


def _tail(text: str, behind: str) -> tuple[str, str]:
    """(the rest of the quote's own sentence, when the quote stops inside one; the text
    after that sentence)."""
    if not behind or behind[0] == "\n" or (_ENDS.search(text) and behind[0].isspace()):
        return "", behind
    ends = [c for c in _cuts(behind) if c > 0]
    stop = ends[0] if ends else len(behind)
    return behind[:stop].rstrip(), behind[stop:]


def _last_sentences(chunk: str) -> int:
    """Where about REACH characters of whole sentences at the end of chunk start (at least
    one sentence, however long: a cut that leaves only a line break is none)."""
    cuts = [c for c in _cuts(chunk) if chunk[c:].strip()]
    fitting = [c for c in cuts if c >= len(chunk) - REACH]
    return fitting[0] if fitting else cuts[-1] if cuts else 0


def _first_sentences(chunk: str) -> int:
    """Where about REACH characters of whole sentences at the start of chunk end (at least
    one sentence, however long: a cut that leaves only a line break is none)."""
    cuts = [c for c in _cuts(chunk) if chunk[:c].strip()]
    fitting = [c for c in cuts if c <= REACH]
    return fitting[-1] if fitting else cuts[0] if cuts else len(chunk)


def _tidy(chunk: str) -> str:
    """A paragraph break as one line break, and no space at either end."""
    return re.sub(r"\s*\n\s*", "\n", chunk).strip()
