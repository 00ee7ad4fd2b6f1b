"""A PDF handout. pdfminer.six rather than pypdf: its layout analysis groups the page's
characters into lines and boxes with their places on the page, which is what reading two
columns in order and telling a running header, a footer or a page number from the text
needs; pypdf gives the text in the order it was drawn, or laid out as one grid of spaces.

pdfminer inflates a compressed stream whole, so every stream is first inflated here with a
cap (a 5 MB file can inflate to gigabytes), and the reading stops at a page and time limit."""
import re
import time
import zlib
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from game.authoring.readers.reading import Reading, Unreadable

MOST_PAGES = 60
MOST_SECONDS = 20
MOST_INFLATED = 50_000_000        # the file's streams but its pictures, inflated
MOST_PICTURE = 200_000_000        # one picture, inflated
_PICTURE = re.compile(rb"/Subtype\s*/Image")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$",
                          re.IGNORECASE)
_STREAM = re.compile(rb"stream\r?\n")
_EDGE = 0.12                      # of the page's height: where running headers and footers are
_SENTENCE_END = re.compile(r"[.!?:][”’\")]*$")
# Of a column's width: a line this long or longer may go on in the next box.
FULL = 0.75
# Of a line's height: a gap below a box this small or smaller is between two lines of one
# paragraph (line-height 1.6 leaves ~0.6), not between two paragraphs (~1.6 and more).
CLOSE = 1.0


def read(data: bytes) -> Reading:
    if not data.lstrip()[:5] == b"%PDF-":
        raise Unreadable("this is not a PDF (it does not start as one)")
    _check_inflated(data)
    pages = _pages(data)
    repeated = _running(pages)
    boxes = []
    for page in pages:
        kept = [box for box in page if box.text not in repeated
                and not _PAGE_NUMBER.match(box.text)]
        boxes += [(box.text, _runs_on(box, kept[i + 1] if i + 1 < len(kept) else None, kept))
                  for i, box in enumerate(kept)]
    return Reading(_mended(_joined(boxes)), "a PDF")


class Box(NamedTuple):
    """A text box of a page, its lines joined."""
    column: int         # 0 left, 1 right
    top: float          # from the page's top, as a share of its height
    x0: float
    text: str
    x1: float
    last_x1: float      # where its last line ends
    y_top: float        # the page's own coordinates (upwards)
    y_bottom: float
    line: float         # the height of its last line


def _runs_on(box: Box, after: Box | None, page: list[Box]) -> bool:
    """Whether the box may go on in the next: its last line reaches the column's right edge,
    as a line does that goes on (a heading, at the foot of a page too, does not), and the
    next box is the next column's or page's first, or is as close below as a line is to
    the one before it (a paragraph whose lines are spaced wider than pdfminer groups, as a
    page printed from a browser with line-height 1.6), not a paragraph's space away."""
    inside = [b for b in page if b.column == box.column]
    left, right = min(b.x0 for b in inside), max(b.x1 for b in inside)
    if box.last_x1 < left + FULL * (right - left):
        return False
    return after is None or after.column != box.column or \
        box.y_bottom - after.y_top < CLOSE * box.line


def _check_inflated(data: bytes) -> None:
    """Every stream inflated in pieces, counted and thrown away, before pdfminer inflates
    the ones it reads whole. A photo may inflate to tens of megabytes (pdfminer never
    inflates one), the text of a page to far less."""
    text_total = 0
    for match in _STREAM.finditer(data):
        picture = _PICTURE.search(data, max(0, match.start() - 400), match.start())
        most = MOST_PICTURE if picture else MOST_INFLATED - text_total
        size = _inflated_size(data, match.end(), most)
        if size > most:
            raise Unreadable(f"this PDF inflates to more than {most // 1_000_000} MB; it is "
                             "not a handout Byline reads (print the article to a new PDF "
                             "and try again)")
        text_total += 0 if picture else size


def _inflated_size(data: bytes, start: int, most: int) -> int:
    """How much the Flate stream at start inflates to, up to one piece past most (0 for
    a stream that is not Flate)."""
    inflater, size, position = zlib.decompressobj(), 0, start
    try:
        while size <= most and not inflater.eof:
            piece = inflater.unconsumed_tail or data[position:position + 65536]
            if not inflater.unconsumed_tail:
                position += 65536
            if not piece:
                break
            size += len(inflater.decompress(piece, 1_000_000))
    except zlib.error:
        pass                     # not Flate, or the end of one: pdfminer judges the rest
    return size


def _pages(data: bytes) -> list[list[Box]]:
    """Each page's text boxes in reading order, columns one after the other."""
    import io
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextBox
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    deadline = time.monotonic() + MOST_SECONDS
    pages = []
    try:
        for page in extract_pages(io.BytesIO(data), maxpages=MOST_PAGES + 1, laparams=LAParams()):
            if len(pages) == MOST_PAGES:
                raise Unreadable(f"this PDF has more than {MOST_PAGES} pages; it is not one "
                                 "article: save the article's pages as a PDF of their own")
            if time.monotonic() > deadline:
                raise Unreadable(f"this PDF took more than {MOST_SECONDS} seconds to read; "
                                 "print the article to a new PDF and try again")
            middle = (page.x0 + page.x1) / 2
            boxes = []
            for box in page:
                if not isinstance(box, LTTextBox):
                    continue
                text = _lines(box.get_text())
                if text:
                    relative = (page.y1 - box.y1) / (page.height or 1)
                    column = 1 if box.x0 >= middle else 0
                    last = max(box, key=lambda line: -line.y0, default=box)
                    boxes.append(Box(column, relative, box.x0, text, box.x1, last.x1,
                                     box.y1, box.y0, last.y1 - last.y0))
            boxes.sort()
            pages.append(boxes)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise Unreadable("this PDF is protected by a password; open it, print it to a new "
                         "PDF without one, and try again") from None
    except (PDFSyntaxError, PSException):
        raise Unreadable("this PDF is damaged (cut short or not a PDF inside); download "
                         "it again and try again") from None
    except Unreadable:
        raise
    except Exception as error:      # pdfminer's own errors are not all of one family
        raise Unreadable(f"this PDF could not be read ({type(error).__name__}); print "
                         "the article to a new PDF and try again") from None
    return pages


def _lines(text: str) -> str:
    joined = ""
    for line in (line.strip() for line in text.splitlines()):
        if not line:
            continue
        joined = _glue(joined, line) if joined else line
    return joined


def _glue(before: str, after: str) -> str:
    """Two lines as one. A hyphen at the line's end before a lower-case letter is marked
    (BROKEN) for _mended to decide, once the whole text is known, whether it broke a
    word ("impor-" + "tant") or a compound at its own hyphen ("well-" + "known")."""
    if before.endswith("-") and before[-2:-1].isalpha():
        if after[:1].islower():
            return before[:-1] + BROKEN + after
        if after[:1].isupper():
            return before + after       # a name's own hyphen: "Russia-Georgia war"
    return f"{before} {after}"


BROKEN = "\u00ad"     # a soft hyphen: where a line ended in a hyphen
_BROKEN_WORD = re.compile(rf"(\w+){BROKEN}(\w+)")
_ADDRESS = re.compile(r"(?:https?://|www\.)")
# Both halves of a compound are words of this length or more ("short-sighted"), and the
# word made of them is rarer than this in TextBlob's spelling list ("shortsighted": 5;
# "everything": 451; "airport": 1, but "air" is short).
_HALF = 4
_COMMON = 10


def _mended(text: str) -> str:
    """Each marked line-end hyphen kept or dropped: as the article itself writes the word
    elsewhere, if it does; else dropped where the halves make a word ("important"), kept
    where they are two words whose sum is unknown or rare ("well-known", "short-sighted")."""
    if BROKEN not in text:
        return text
    words = Counter(re.findall(r"[\w-]+", text.lower()))
    known = _spelling()

    def decide(match: re.Match) -> str:
        first, second = match.group(1), match.group(2)
        whole, compound = (first + second).lower(), f"{first}-{second}".lower()
        start = max(match.string.rfind(" ", 0, match.start()),
                    match.string.rfind("\n", 0, match.start())) + 1
        if _ADDRESS.match(match.string, start):
            keep = True         # a web address is never hyphenated by the printer
        elif words[compound] or words[whole]:
            keep = words[compound] > words[whole]
        else:
            halves = all(len(h) >= _HALF and h.lower() in known for h in (first, second))
            keep = halves and known.get(whole, 0) < _COMMON
        return f"{first}-{second}" if keep else first + second
    return _BROKEN_WORD.sub(decide, text).replace(BROKEN, "")


@lru_cache(maxsize=1)
def _spelling() -> dict[str, int]:
    """English words and how often each was seen, from the spelling list that ships inside
    TextBlob (textblob/en/en-spelling.txt, about 29,000 words from public-domain books),
    read as a file as game/authoring/lexicon.py reads its lexicon; empty where it is
    missing, and then every broken word is made whole."""
    import importlib.util
    from pathlib import Path
    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "en" / "en-spelling.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    counts = {}
    for line in lines:
        word, _, count = line.partition(" ")
        if count.strip().isdigit():
            counts[word.lower()] = int(count)
    return counts


def _running(pages: list[list[Box]]) -> set[str]:
    """Text at the top or the bottom of at least half the pages (two at least): a running
    header or footer, whatever page number it carries."""
    if len(pages) < 2:
        return set()
    counts = Counter()
    for page in pages:
        edges = {re.sub(r"\d+", "#", box.text) for box in page
                 if box.top < _EDGE or box.top > 1 - _EDGE - 0.05}
        counts.update(edges)
    shapes = {shape for shape, n in counts.items() if n >= max(2, len(pages) / 2)}
    return {box.text for page in pages for box in page if re.sub(r"\d+", "#", box.text) in shapes}


def _joined(boxes: list[tuple[str, bool]]) -> str:
    """The boxes as paragraphs, one a line. A box whose last line is full and stops
    mid-sentence goes on in the next one: the next column's or page's first, or the next
    box of the same paragraph where its lines are spaced wider than pdfminer groups
    (a page printed from a browser, with line-height 1.6)."""
    paragraphs, goes_on = [], False
    for text, full in boxes:
        if goes_on:
            paragraphs[-1] = _glue(paragraphs[-1], text)
        else:
            paragraphs.append(text)
        goes_on = full and not _SENTENCE_END.search(paragraphs[-1])
    return "\n".join(paragraphs) + "\n"
