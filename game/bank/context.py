"""The sentences around a quoted statement, for players who ask to see them.

From the article's own text when it can be found; otherwise from the neighbouring
statements in the question file, and the player is told which."""
import re
from dataclasses import dataclass
from game.bank.models import Bank, Statement
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
    body = body_of(bank.articles[statement.article])
    start = body.find(statement.text) if body else -1
    if start >= 0:
        stop = start + len(statement.text)
        ahead = body[max(0, start - 3 * REACH):start]
        behind = body[stop:stop + 3 * REACH]
        lead, ahead = _lead(ahead)
        tail, behind = _tail(statement.text, behind)
        return Context(_sentences(ahead, last=True), _sentences(behind, last=False), True,
                       lead, tail)
    siblings = bank.statements_of(statement.article)
    i = siblings.index(statement)
    return Context(siblings[i - 1].text if i > 0 else "",
                   siblings[i + 1].text if i + 1 < len(siblings) else "", False)


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


def _sentences(chunk: str, last: bool) -> str:
    """About REACH characters of whole sentences next to the quote (at least one sentence,
    however long), from the end of chunk if last, else from its start."""
    cuts = _cuts(chunk)
    if last:
        fitting = [c for c in cuts if c >= len(chunk) - REACH and c < len(chunk)]
        earlier = [c for c in cuts if c < len(chunk)]
        cut = chunk[fitting[0] if fitting else earlier[-1] if earlier else 0:]
    else:
        fitting = [c for c in cuts if 0 < c <= REACH]
        later = [c for c in cuts if c > 0]
        cut = chunk[:fitting[-1] if fitting else later[0] if later else len(chunk)]
    return re.sub(r"\s*\n\s*", "\n", cut).strip()
