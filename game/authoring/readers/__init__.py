"""An article in the form a teacher has it: a saved web page (HTML, or one file: .mhtml,
.webarchive), a PDF, a Word document, a plain-text file in any common encoding, or standard
input (`new-article -`).

Each reader is a small module of its own, imported only for its own kind of file, and
returns a Reading: the article's main text, the metadata it found with where from, and
the captions and credits it set aside (they go into the draft's comment block, never
into a statement). Every input is untrusted: its size is capped before it is parsed,
and what cannot be read is one sentence naming the file (Unreadable), never a traceback."""
import logging
from pathlib import Path

from game.authoring.readers.reading import Reading, Unreadable
from game.files import read_file, size_problem

# A page, a PDF or a Word file holds much more than its text (markup, fonts, pictures): the
# file may be this big; its text is held to the plain-text limit by the caller.
MAX_FILE_BYTES = 5_000_000
STDIN = "-"

WEB = {".html", ".htm", ".xhtml", ".shtml"}
FORMS = {**{suffix: "web_page" for suffix in WEB}, ".mhtml": "mhtml", ".mht": "mhtml",
         ".webarchive": "webarchive", ".pdf": "pdf", ".docx": "word"}
# Documents a teacher may have that Byline does not read, and what each is called to them.
SAVE_AGAIN = {".doc": "an older Word document (.doc)", ".odt": "an OpenDocument text (.odt)",
              ".rtf": "a rich-text document (.rtf)", ".pages": "a Pages document",
              ".wps": "a Works document"}


def read(path: Path, plain_limit: int) -> Reading:
    """The article in the file at path (or standard input for "-"). Raises Unreadable and
    game.files.FileProblem (not an ordinary file, or over its limit)."""
    if str(path) == STDIN:
        from game.authoring.readers.plain import from_stdin
        return from_stdin(plain_limit)
    suffix = path.suffix.lower()
    if suffix in SAVE_AGAIN:
        raise Unreadable(f"this is {SAVE_AGAIN[suffix]}, which Byline does not read: open it, "
                         "save it as a Word document (.docx), a PDF or plain text (.txt), "
                         "and give Byline that file")
    kind = FORMS.get(suffix)
    if kind is None:
        from game.authoring.readers.plain import from_file
        return from_file(path, plain_limit)
    data = read_file(path, MAX_FILE_BYTES, _WHAT[kind])
    for library in ("pdfminer", "trafilatura", "htmldate", "courlan", "docx"):
        # their warnings about a damaged file would come before, and say less than, ours
        logging.getLogger(library).setLevel(logging.ERROR)
    reading = _reader(kind)(data)
    size = len(reading.text.encode("utf-8"))
    if size > plain_limit:
        raise Unreadable(f"its text is {size_problem(size, plain_limit, 'an article')} (a "
                         "draft of a longer one would be too big for a question file): split "
                         "it into parts")
    if not reading.text.strip():
        raise Unreadable(f"no article text was found in this {_WHAT[kind]}")
    return reading


def _reader(kind: str):
    """Imported by name, so that PyInstaller's analysis finds each reader and its library;
    only when one is needed, so that the game never loads them."""
    if kind == "web_page":
        from game.authoring.readers.web_page import read as reader
    elif kind == "mhtml":
        from game.authoring.readers.web_archive import read_mhtml as reader
    elif kind == "webarchive":
        from game.authoring.readers.web_archive import read_webarchive as reader
    elif kind == "pdf":
        from game.authoring.readers.pdf import read as reader
    else:
        from game.authoring.readers.word import read as reader
    return reader


_WHAT = {"web_page": "a web page", "mhtml": "a web page saved as one file",
         "webarchive": "a Safari Web Archive", "pdf": "a PDF", "word": "a Word document"}
