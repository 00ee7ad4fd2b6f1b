"""An article's text as the sentences a teacher may quote, and the lines that are not
part of the article (photo credits, contact lines, pleas to subscribe), kept apart.

pysbd does the splitting: it knows "U.S.", "Mr.", "7.5", initials and ellipses, and keeps a
quotation whole. Every sentence is returned exactly as it appears in the text, so that the
loader's quote check (text_file) accepts it unchanged."""
import re
from dataclasses import dataclass
from functools import lru_cache

# Lines (or the tail of a line) that credit a photo, not part of what the article says.
_CREDIT = re.compile(
    r"\(?\b(?:photo (?:by|credit)|(?:featured )?image credit|featured (?:image|photo)"
    r"|full credit|credit:|getty images|/afp\b|ap photo)", re.IGNORECASE)
_FURNITURE = [
    ("a photo credit", _CREDIT),
    ("a contact or legal line", re.compile(
        r"^\s*(?:contact us|follow us|share this|sign up|advertisement|our standards"
        r"|terms of use|privacy policy|all rights reserved|copyright|©)"
        r"|\[email\s*protected\]|\b[\w.+-]+@[\w-]+\.[\w.]+\b", re.IGNORECASE)),
    ("a plea to subscribe or donate", re.compile(
        r"\b(?:subscrib\w*|newsletter|donat\w*|become a (?:member|patron)|support us)\b",
        re.IGNORECASE)),
    ("a video's running time", re.compile(r"^\s*\d{1,2}:\d{2}\s*[-–—]\s*source:", re.I)),
    ("a divider", re.compile(r"^[\s_=*~#-]{3,}$")),
    ("a link", re.compile(r"https?://|^\s*www\.\S+\s*$")),
    ("a byline", re.compile(r"\|\s*By:?\s+[A-Z]")),
    ("a dateline", re.compile(r"^\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\s*[—–-]\s*$")),
]
# "US, WASHINGTON (ORDO NEWS) — " or "WASHINGTON — " before a paragraph's first sentence;
# the brackets name the outlet.
DATELINE = re.compile(r"^[A-Z][A-Z.,' ]*[A-Z.]\s*(?:\(([^)]{2,40})\))?\s*[—–]\s+(?=\S)")

# pysbd keeps a quotation open to the end of its paragraph when a closing quote is
# missing, and runs on over ".)": a full stop after a word, then an opening quote or
# bracket, or ".)" / ".”" then a capital, still ends a sentence.
_MISSED_END = re.compile(r"(?<=[a-z0-9][.!?])(?:(?=\s+[“(])|[”)](?=\s+[A-Z(“]))")


# pysbd's work grows with the square of a paragraph's length (its abbreviation pass goes
# over the whole paragraph once per abbreviation-like word): a 200 KB paragraph of short
# sentences took three minutes, one 200 KB sentence 47 s. A paragraph longer than any
# article has (the longest of the five shipped is 940 characters) is cut into pieces of
# about 500 characters: at a full stop after a word and before a capital where there is
# one, at any full stop otherwise. A stretch of more than _LONG_PARAGRAPH with no full
# stop is one run-on sentence, kept whole without pysbd (too long to be a statement).
_LONG_PARAGRAPH = 2_000
_PIECE = 500
_GOOD_END = re.compile(r"(?<=[a-z]{2})[.!?][”’\")]*\s+(?=[“\"‘(]?[A-Z0-9])")
_ANY_END = re.compile(r"[.!?][”’\")]*\s+")


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
DATE = re.compile(rf"\b{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\b|\b\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\b"
                  r"|\b\d{4}-\d{2}-\d{2}\b")
# "By Maria Lopez, The Riverside Gazette, March 4, 2025", "Posted by Riverside Watchdog on
# March 5, 2025": who wrote it, then parts separated by commas, bars or "on": a role
# ("Opinion contributor"), the outlet, the date. A sentence that starts with "By" ("By
# Tuesday, the council had voted.") has a clause among its parts, and is not a byline.
_BYLINE = re.compile(r"^\s*(?:(?:Posted|Written|Reported|Story)\s+by|By):?\s+"
                     r"(?P<author>[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|and|de|van|von))*)"
                     r"(?P<rest>(?:\s*(?:[,|·•]|\bon\b)\s*[^,|·•]*)*?)\s*$")
_ROLE = re.compile(r"^[A-Z]?[\w’'-]*(?:\s+[\w’'-]+){0,2}$")


@dataclass(frozen=True)
class Byline:
    author: str
    outlet: str = ""
    date: str = ""


def byline(line: str) -> Byline | None:
    """The byline a line is, read as metadata (never a statement), or None. A line of
    page chrome ends in one: "Politics | By Ann Lee"."""
    line = re.split(r"\|\s*(?=By:?\s+[A-Z])", line)[-1]
    m = _BYLINE.match(line)
    if not m or DATE.fullmatch(m.group("author")) or re.search(r"\w{4,}[.!?]$", line.strip()):
        return None            # "By Tuesday, prices rose." ends as a sentence ends
    date = DATE.search(m.group("rest"))
    rest = DATE.sub("", m.group("rest")) if date else m.group("rest")
    outlet = ""
    for part in re.split(r"\s*(?:[,|·•]|\bon\b)\s*", rest):
        part = part.strip(" .")
        if not part:
            continue
        if not _ROLE.match(part):
            return None            # a clause: "By Tuesday, the council had voted."
        if all(w[0].isupper() for w in re.findall(r"[\w’'-]+", part) if len(w) > 3):
            outlet = part          # Title Case: a name ("The Valley Herald"); a role is not
    return Byline(m.group("author"), outlet, date.group(0) if date else "")


@dataclass(frozen=True)
class Dropped:
    text: str
    reason: str           # "a photo credit"


@dataclass
class Split:
    sentences: list[str]
    dropped: list[Dropped]
    datelines: list[str]      # the outlet a dateline names: "ORDO NEWS", "CNN" (never its
    #                           place: "RIVERSIDE —" says where, not who)


def furniture(text: str) -> str:
    """Why a line or sentence is not part of the article, or ''."""
    if byline(text):
        return "a byline"
    return next((why for why, pattern in _FURNITURE if pattern.search(text)), "")


def sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph, each exactly as in it, without the spaces between."""
    found = []
    for part, run_on in _parts(paragraph):
        if run_on:
            found.append(part.strip())
            continue
        for piece in _segmenter().segment(part):
            start = 0
            for end in [m.end() for m in _MISSED_END.finditer(piece)] + [len(piece)]:
                if piece[start:end].strip():
                    found.append(piece[start:end].strip())
                start = end
    return found


def _parts(paragraph: str) -> list[tuple[str, bool]]:
    """The paragraph, or a very long one in pieces cut between sentences; each with
    True when it is a run-on sentence not to give to pysbd."""
    if len(paragraph) <= _LONG_PARAGRAPH:
        return [(paragraph, False)]
    parts, start = [], 0
    while len(paragraph) - start > _PIECE:
        window = paragraph[start:start + _PIECE]
        cut = _last_end(_GOOD_END, window) or _last_end(_ANY_END, window)
        if not cut:
            later = _ANY_END.search(paragraph, start + _PIECE)
            cut = (later.end() if later else len(paragraph)) - start
        parts.append((paragraph[start:start + cut], cut > _LONG_PARAGRAPH))
        start += cut
    return parts + [(paragraph[start:], False)] if start < len(paragraph) else parts


def _last_end(pattern: re.Pattern, text: str) -> int:
    end = 0
    for end in (m.end() for m in pattern.finditer(text)):
        pass
    return end


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd     # here, not at the top: only the authoring commands need it
    return pysbd.Segmenter(language="en", clean=False)


def split(text: str) -> Split:
    """Every sentence of an article, or furniture dropped with its reason. Furniture is
    judged sentence by sentence: a plea to subscribe can share a line with a sentence
    that is the article's own."""
    result = Split([], [], [])
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        dateline = DATELINE.match(line)
        if dateline:
            if dateline.group(1):
                result.datelines.append(dateline.group(1).strip())
            result.dropped.append(Dropped(dateline.group(0).strip(), "a dateline"))
            line = line[dateline.end():]
        for sentence in sentences(line):
            _keep(sentence, result)
    return result


def _keep(sentence: str, result: Split) -> None:
    """A sentence, or the caption before a photo credit run into it, or nothing."""
    credit = _CREDIT.search(sentence)
    caption = sentence[:credit.start()].strip() if credit else ""
    if caption[-1:] in (".", "!", "?") and len(caption.split()) > 2:
        result.sentences.append(caption)      # "Obama is at right.Featured image credit: …"
        result.dropped.append(Dropped(sentence[credit.start():].strip(), "a photo credit"))
        return
    why = "a photo credit" if credit else furniture(sentence)
    if why:
        result.dropped.append(Dropped(sentence, why))
    else:
        result.sentences.append(sentence)
