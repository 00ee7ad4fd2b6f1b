"""A draft question file for a new article (`run.py new-article ARTICLE.txt`): every
sentence a statement with suggested label, source, kind of source and cues, the reasons as
comments, and `reviewed: false`, so that nothing is played before a teacher has checked it.

What only a teacher can write (explanations, genre, provenance, metadata the text does not
state) is left as a "FILL IN" that validate reports. An existing file is never replaced."""
import os
import re
import sys
import textwrap
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from game.authoring.contexts import context_lines
from game.authoring.readers import FORMS, STDIN, Reading, Unreadable, read
from game.authoring.json_schema import schema_line
from game.authoring.sentences import Dropped, Split, byline, split
from game.authoring.suggest import OPINION, Memory, Suggester
from game.authoring.yamltext import flow, quoted, word
from game.bank.context import around
from game.bank.models import GENRES, PLACEHOLDER, Around
from game import shipped
from game.bank.paths import find_article_file
from game.bank.yamlsafe import MAX_BYTES as QUESTION_BYTES
from game.files import FileProblem, read_file, size_words

_ENDS_SENTENCE = re.compile(r"[.!?][”’\")]*$")
# A draft is up to about 9.2 times the size of its article (a statement, its reasons, the
# fields to fill in and the article's words around it, for each sentence): 100 KB of
# article, some 15,000 words and seven times the longest of the five shipped, makes a
# draft under the 1 MB a question file may hold.
MAX_BYTES = 100_000
# The longest sentence that becomes a statement; a longer one (a run-on without full
# stops, a table pasted as text) is listed with the lines left out.
LONGEST = 1_500
_SHOWN = 200          # of a line left out, in the comment that lists it


class DraftError(Exception):
    """Why no draft was written, in words for the teacher; existing: the draft of this
    article made before, where that is why."""

    def __init__(self, message: str, existing: Path | None = None):
        super().__init__(message)
        self.existing = existing


@dataclass
class Draft:
    path: Path
    text: str                          # the YAML
    statements: int = 0
    opinions: int = 0
    dropped: int = 0
    notes: list[str] = field(default_factory=list)
    copy: tuple[Path, str] | None = None   # a UTF-8 copy of the article to write too


def read_article(path: Path) -> Reading:
    """The article in whatever form the teacher has it (game.authoring.readers): a saved
    web page, a PDF, a Word document, plain text in any common encoding ('UTF-8',
    'Windows-1252', what Word and Notepad on Windows save as "ANSI", 'UTF-16'…), or standard
    input for "-". Only an ordinary file is read, never a pipe or a device, and of plain
    text at most MAX_BYTES."""
    try:
        return read(path, MAX_BYTES)
    except FileProblem as problem:
        advice = (f" (a draft of a longer one would be over the {size_words(QUESTION_BYTES)} "
                  "a question file may hold): split it into parts") \
            if problem.too_big and path.suffix.lower() not in FORMS else ""
        raise DraftError(f"{_named(path)}: {problem}{advice}") from None
    except Unreadable as problem:
        raise DraftError(f"{_named(path)}: {problem}") from None


def _quoted_path(shown: str) -> str:
    """As a teacher would copy it into a terminal: in quotes where it has a space."""
    return f'"{shown}"' if " " in shown else shown


def _named(path: Path) -> str:
    return "standard input" if str(path) == STDIN else str(path)


def slug(text: str, words: int = 5) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", plain.lower())
    return "-".join(parts[:words]) or "article"


@dataclass
class Metadata:
    headline: str = ""
    outlet: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    found: dict = field(default_factory=dict)     # field -> where it was found


def metadata(text: str, parts: Split) -> Metadata:
    """What the text itself states about where it came from."""
    meta = Metadata()
    top = [line.strip() for line in text.splitlines() if line.strip()]
    for line in top[:3]:
        if any(d.text in line for d in parts.dropped):
            continue    # a photo caption, a credit
        if not _ENDS_SENTENCE.search(line) and len(line.split()) <= 25:
            meta.headline, meta.found["headline"] = line, "the first line"
        break
    if parts.datelines:
        meta.outlet, meta.found["outlet"] = parts.datelines[0], "the dateline"
    for dropped in parts.dropped:
        if dropped.reason != "a byline":
            continue
        read = byline(dropped.text)
        for name in ("author", "outlet", "date") if read else ():
            if getattr(read, name) and not getattr(meta, name):
                setattr(meta, name, getattr(read, name))
                meta.found[name] = "the byline"
    return meta


def make(article: Path, out: Path | None = None, suggester: Suggester | None = None,
         folder: Path | None = None) -> Draft:
    """The draft for the article, not yet written, as out or in folder (the teacher's
    question folder, game.bank.folders). Raises DraftError."""
    reading = read_article(article)
    text = reading.text
    parts = split(text)
    parts.dropped[:0] = [Dropped(aside, why) for aside, why in reading.set_aside]
    meta = metadata(text, parts)
    for name, (value, where) in reading.found.items():
        setattr(meta, name, value)
        meta.found[name] = where
    if reading.found.get("headline") and meta.headline in parts.sentences:
        parts.sentences.remove(meta.headline)         # the page's own headline, not a claim
        parts.dropped.insert(0, Dropped(meta.headline, "the headline"))
    _leave_out_long(parts)
    if not parts.sentences:
        raise DraftError(f"{_named(article)} holds no sentences"
                         + (" short enough to be statements" if parts.dropped else ""))
    ident = slug(meta.headline or (article.stem if str(article) != STDIN else ""))
    if out is None and folder is None:
        raise DraftError("Say where the draft goes: --out FILE.yaml")
    out = out or Path(folder) / f"{ident}.yaml"
    if out.exists():
        raise DraftError(f"{out} already exists; it is never replaced. Choose another "
                         "name with --out, or move the old file away", existing=out)
    draft = Draft(out, "", dropped=len(parts.dropped))
    text_file = _text_file(article, out, reading, ident, draft)
    lines = _head(article, out, parts)
    lines += _article(ident, meta, text_file)
    lines += ["", "statements:"]
    suggester = suggester or Suggester()
    memory = Memory.of(text)
    width = len(str(len(parts.sentences)))
    size = sum(len(line.encode("utf-8")) + 1 for line in lines)
    for number, sentence in enumerate(parts.sentences, 1):
        suggestion = suggester.suggest(sentence, memory)
        memory.note(sentence, suggestion)
        draft.statements += 1
        draft.opinions += suggestion.label == OPINION
        block = _statement(f"{ident}-{number:0{max(width, 2)}d}", sentence, suggestion,
                           around(text, sentence))
        lines += block
        size += sum(len(line.encode("utf-8")) + 1 for line in block)
        if size > QUESTION_BYTES:
            raise DraftError(f"{article}: the draft would be over {size_words(QUESTION_BYTES)}, "
                             f"the most a question file may hold, by sentence {number:,} of "
                             f"{len(parts.sentences):,}; split the article into parts")
    draft.text = "\n".join(lines) + "\n"
    return draft


def _leave_out_long(parts: Split) -> None:
    parts.dropped += [Dropped(s, f"a sentence too long to be one statement ({len(s):,} "
                                 f"characters; a statement may have at most {LONGEST:,})")
                      for s in parts.sentences if len(s) > LONGEST]
    parts.sentences = [s for s in parts.sentences if len(s) <= LONGEST]


def write(draft: Draft) -> None:
    """Write the draft (and the article's UTF-8 copy), never replacing a file."""
    draft.path.parent.mkdir(parents=True, exist_ok=True)
    if draft.copy:
        path, body = draft.copy
        path.parent.mkdir(exist_ok=True)
        if not path.exists():
            with open(path, "x", encoding="utf-8", newline="") as handle:
                handle.write(body)
    with open(draft.path, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(draft.text)


def _text_file(article: Path, out: Path, reading: Reading, ident: str, draft: Draft) -> str:
    """The text_file name: the article's own file where the game finds it from the draft
    (beside it, or in the articles/ folder beside it) and it is UTF-8 text; else a UTF-8
    copy the draft brings into that articles/ folder, wherever the article was saved, so
    that validate checks the quotes and their context, and the folder moves as one. The text
    of a web page, a PDF, a Word file or standard input is named for the article (SLUG.txt)."""
    text = reading.text
    if reading.plain:
        found = find_article_file(article.name, out)
        if reading.form == "UTF-8 text" and found is not None \
                and found.resolve() == article.resolve():
            return article.name
    copy = out.parent / "articles" / f"{article.stem if reading.plain else ident}.txt"
    if os.path.lexists(copy) and _text_of(copy) != text:
        raise DraftError(f"{copy} already exists and differs from the text of "
                         f"{_named(article)}; move it away so that a copy of the article can "
                         "be written there")
    draft.copy = (copy, text)
    if not reading.plain:
        read = f"took the article's text from {_named(article)} ({reading.form}); "
    else:
        read = "" if reading.form == "UTF-8 text" else \
            f"{article} is {reading.form}, not UTF-8: read it as such; "
    draft.notes.append(f"{read}wrote a UTF-8 copy of the article, {_shown(copy)}, beside the "
                       "draft, to check the quotes against.")
    return copy.name


def _text_of(path: Path) -> str | None:
    try:
        return read_file(path, 4 * MAX_BYTES).decode("utf-8", errors="replace")
    except FileProblem:
        return None         # a pipe, a folder: not the copy, and not to be replaced


def _shown(path: Path) -> str:
    """As a teacher would type it from here: relative below the current folder, else whole."""
    try:
        near = os.path.relpath(path)
    except ValueError:        # another drive, on Windows
        return str(path)
    return str(Path(path).absolute()) if near.startswith("..") else near


def _comment(text: str, indent: str = "", first: str = "# ", more: str = "#   ") -> list[str]:
    return textwrap.wrap(text, 92 - len(indent), initial_indent=indent + first,
                         subsequent_indent=indent + more, break_on_hyphens=False)


def _head(article: Path, out: Path, parts: Split) -> list[str]:
    lines = [schema_line(out)]
    guide = shipped.DOCS / "question-format.md"
    if Path(out).absolute().is_relative_to(shipped.ROOT):
        guide = Path(os.path.relpath(guide, shipped.ROOT))
    lines.append(f"# Byline question file for {_named(article.name)}, drafted by `{shipped.COMMAND} "
                 f"new-article`. Format: {guide.as_posix()}")
    lines.append("#")
    lines += _comment(
        "Every statement below is a suggestion marked `reviewed: false`, and the game never "
        "plays those. For each one: check its label, source, source_kind and cues (a cue "
        "with `by:` is someone else's judgment, relayed by the writer) against "
        f"the reasons in the comment above it, replace the \"{PLACEHOLDER}\" of its "
        "explanation, then set `reviewed: true` (or delete the statement). Fill in the "
        f"article's \"{PLACEHOLDER}\" fields too. `{shipped.COMMAND} validate` lists what is "
        "left and counts the statements still to review.", more="# ")
    if parts.dropped:
        lines += ["#", "# Not statements: lines that are not part of the article (copy one "
                       "into a statement if it is)."]
        for dropped in parts.dropped:
            shown = dropped.text if len(dropped.text) <= _SHOWN else \
                dropped.text[:_SHOWN].rstrip() + "…"
            lines += _comment(f"{dropped.reason}: {shown}", first="#   ", more="#     ")
    return lines


def _article(ident: str, meta: Metadata, text_file: str) -> list[str]:
    def value(name: str, what: str) -> str:
        got = getattr(meta, name)
        if got:
            return f"  {name}: {quoted(got)}    # from {meta.found[name]}"
        return f"  {name}: {quoted(f'{PLACEHOLDER}: {what}, or not stated')}"

    url = [f"    - {quoted('Published online: ' + meta.url)}    # from {meta.found['url']}"] \
        if meta.url else []
    return [
        "article:",
        f"  id: {word(ident)}",
        value("headline", "the headline as printed"),
        value("outlet", "who published it"),
        value("author", "the byline"),
        value("date", "the date as printed"),
        f"  genre: {quoted(PLACEHOLDER)}    # one of: " + ", ".join(GENRES),
        f"  genre_explanation: {quoted(PLACEHOLDER + ': why the article is of that genre')}",
        "  provenance:",
        *url,
        f"    - {quoted(PLACEHOLDER + ': what the text does and does not tell a reader about where it came from')}",
        f"  text_file: {quoted(text_file)}",
    ]


def _statement(ident: str, text: str, s, found: Around | None) -> list[str]:
    """found: the article's words around the sentence, so that the draft shows them on a
    computer without the article's text too."""
    return [
        "",
        *_comment(f"suggested: {s.label} — " + "; ".join(s.reasons), indent="  "),
        f"  - id: {word(ident)}",
        f"    text: {quoted(text)}",
        f"    label: {s.label}",
        f"    source: {quoted(s.source)}",
        f"    source_kind: {word(s.source_kind)}",
        f"    cues: {flow(s.cues)}" + ("    # FILL IN the words that carry the judgment"
                                      if s.label == OPINION and not s.cues else ""),
        f"    difficulty: {s.difficulty}",
        f"    explanation: {quoted(PLACEHOLDER + ': why it is checkable or not, and where the claim comes from')}",
        "    reviewed: false",
        *(context_lines("    ", found) if found else ()),
    ]


def new_article(article: str, out: str | None, places=None) -> int:
    """`run.py new-article`: draft a question file from an article, never replacing one,
    and say what to do next."""
    try:
        folder = None
        if not out and places is not None:
            problem = places.make_teacher_folder()
            if problem:
                raise DraftError(problem.split(";")[0] + "; say where the draft goes with "
                                 "--out FILE.yaml")
            folder = places.teacher
        made = make(Path(article), Path(out) if out else None, folder=folder)
        write(made)
    except DraftError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Could not write the draft: {error.strerror or error}", file=sys.stderr)
        return 1
    for note in made.notes:
        print("Note: " + note)
    shown = os.path.relpath(made.path)
    shown = str(made.path.resolve()) if shown.startswith("..") else shown
    print(f"Wrote {shown}: {made.statements} statements to review ({made.opinions} suggested "
          f"opinion, {made.statements - made.opinions} fact); {made.dropped} line(s) that are "
          "not part of the article are listed in a comment at the top.")
    print(f"Next, without a text editor: {shipped.COMMAND} review {_quoted_path(shown)}   "
          "(the game shows each field to fill in and each statement, with its suggestion, "
          "to accept, change or drop)\n"
          "Or in a text editor:\n"
          "  1. Fill in every \"FILL IN\" of the article section (genre, provenance, and what "
          "the text does not state).\n"
          "  2. For each statement, check the suggested label, source, source_kind and cues "
          "(and whose judgment each cue is) against the reasons in the comment above it, write its explanation, then set "
          "reviewed: true (or delete the statement).\n"
          f"  3. {shipped.COMMAND} validate {_quoted_path(shown)}   (lists what is left; statements still "
          "to review are counted and never played)\n"
          f"  4. {shipped.COMMAND}   (the file plays once validate finds no problems)")
    return 0
