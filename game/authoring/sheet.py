"""Statements as a spreadsheet (CSV, one row per statement) and back.

Going out, every field of every statement is written, with the article's id and headline
for context. Coming back, a row is checked by the loader itself: the rows are written as a
question file in memory, the loader's parse reads it, and each problem it finds is pointed
back at the spreadsheet row it came from (`data.csv:7: ...`; the header is row 1). So an
imported file passes `run.py validate` exactly when the import reports no problem.

Cues share one cell, separated by " | " ("bizarre | cheerleader"), so a cue cannot hold
"|"; words someone else owns end with their owner in brackets ("tantamount (by: New York
Magazine)"), as `by:` does in a question file. Other sources a fair reader could give
share a cell the same way, each with its why in brackets ("Donald Trump (why: The words
are Trump’s, but …)"), so a why cannot hold "|" either. A text cell that a spreadsheet
could run as a formula ("=1+1", "-2 degrees") is written with a ' in front
(game.csvsafe), and the import takes exactly that ' off."""
import csv
import dataclasses
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from game.authoring.json_schema import schema_line
from game.authoring.contexts import context_lines
from game.bank import schema
from game.bank.context import around
from game.bank.texts import body_of
from game.bank.fields import suggest
from game.bank.models import PLACEHOLDER, AlsoSource, Article, Bank, Cue, Statement
from game.bank.reading import parse
from game.bank.yamlsafe import MAX_BYTES as QUESTION_FILE_BYTES
from game.csvsafe import guard, unguard
from game.files import size_words
from game.authoring.yamltext import (article_lines, flow, placeholder_article_lines,
                                     question_lines, quoted, word)

# A whole school's bank exported (a hundred articles of forty statements is 2 MB) fits
# well within these; a runaway file is refused before it is read, or at the row it
# passes the cap, instead of after a long parse.
MAX_BYTES = 10_000_000
MAX_ROWS = 10_000
CONTEXT = ("article", "headline")        # for the reader; the statement is the rest
# The article's words around each quote are no cell to edit: `run.py context` writes them
# into the imported file again from the article.
FIELDS = {name: spec for name, spec in schema.STATEMENT.items() if spec.kind != "group"}
COLUMNS = (*CONTEXT, *FIELDS)
CUE_SEPARATOR = " | "
_LISTS = ("texts", "choices", "cues", "groups")
_OWNED = re.compile(r"(.*?)\s*\(by:\s*(.+?)\s*\)\Z", re.DOTALL)
_WHY = re.compile(r"(.*?)\s*\(why:\s*(.+?)\s*\)\Z", re.DOTALL)
_WHOLE = re.compile(r"[+-]?\d+\Z")
_BOOLEAN = re.compile(r"(yes|no|true|false|on|off)\Z", re.IGNORECASE)
_DEFAULTS = {f.name: f.default for f in dataclasses.fields(Statement)
             if f.default is not dataclasses.MISSING}


def cell(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)               # a number stays one: -3, not '-3
    if isinstance(value, tuple):
        return guard(CUE_SEPARATOR.join(map(_item, value)))
    return guard(str(value))


def _item(value) -> str:
    if isinstance(value, Cue):
        return value.words if value.writers else f"{value.words} (by: {value.by})"
    if isinstance(value, AlsoSource):
        return f"{value.source} (why: {value.why})"
    return str(value)


def _cue(text: str) -> Cue:
    owned = _OWNED.match(text)
    return Cue(owned.group(1), owned.group(2)) if owned else Cue(text)


def _also_source(text: str) -> AlsoSource:
    """Without its "(why: …)" the why is empty, and the loader says it is missing."""
    why = _WHY.match(text)
    return AlsoSource(why.group(1), why.group(2)) if why else AlsoSource(text, "")


def to_csv(articles: dict[str, Article], statements: list[Statement]) -> str:
    """Drafts ('reviewed: false') included: a spreadsheet is a good place to review them."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for s in statements:
        article = articles.get(s.article)
        writer.writerow([cell(s.article), cell(article.headline) if article else "",
                         *(cell(getattr(s, name, "")) for name in FIELDS)])
    return out.getvalue()


@dataclass
class Imported:
    """What an import made: the YAML text (None when any row is bad), and what to say."""

    text: str | None = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    article: str = ""
    count: int = 0


# Problems are kept as (row, message) until the end; row 0 is the file as a whole.
Problems = list[tuple[int, str]]


def _column_name(raw: str) -> str:
    return "_".join(raw.strip().lower().replace("-", " ").split())


def _delimiter(first_line: str) -> str:
    # A spreadsheet set to a language that writes decimal commas saves with ';'.
    return max(",;\t", key=first_line.count) if first_line else ","


def _read(data: bytes, problems: Problems):
    """The header (column name -> index) and the rows that hold anything, as (row
    number, cells); no header when it cannot be used."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append((0, f"the file is not UTF-8 text (byte 0x{data[exc.start]:02X}); "
                            "save it as 'CSV UTF-8'"))
        return None, []
    reader = csv.reader(io.StringIO(text, newline=""),
                        delimiter=_delimiter(text.split("\n", 1)[0]))
    rows = []
    try:
        for cells in reader:
            if len(rows) > MAX_ROWS:            # the header and MAX_ROWS rows read
                problems.append((len(rows) + 1, f"more than {MAX_ROWS:,} rows; a spreadsheet "
                                                f"to import may have at most {MAX_ROWS:,} "
                                                "(the header aside): keep the rows of the "
                                                "article to import"))
                return None, []
            rows.append(cells)
    except csv.Error as exc:
        problems.append((len(rows) + 1, f"cannot read it as CSV: {exc}"))
        return None, []
    if not rows:
        problems.append((1, "the file is empty; expected a header row: " + ",".join(COLUMNS)))
        return None, []
    header = {}
    for index, raw in enumerate(rows[0]):
        column = _column_name(raw)
        if not column:
            if any(index < len(r) and r[index].strip() for r in rows[1:]):
                problems.append((1, f"column {index + 1} has values but no name in the "
                                    "header; name it or delete it"))
        elif column not in COLUMNS:
            problems.append((1, f"unknown column '{raw.strip()}'"
                                + (suggest(column, COLUMNS)
                                   or "; the columns are: " + ", ".join(COLUMNS))))
        elif column in header:
            problems.append((1, f"the column '{column}' appears twice; keep one"))
        else:
            header[column] = index
    for column, spec in FIELDS.items():
        if spec.required and column not in header:
            problems.append((1, f"no column '{column}' (expected {spec.expect})"))
    filled = []
    for number, cells in enumerate(rows[1:], start=2):
        cells = [unguard(c.strip()) for c in cells]
        if any(cells[len(rows[0]):]):
            problems.append((number, f"this row has {len(cells)} cells but the header has "
                                     f"only {len(rows[0])}"))
        if any(cells):                  # a blank row is padding
            filled.append((number, cells))
    return (None if problems else header), filled


def _choose(header, rows, out: Path, article_id, problems: Problems):
    """The article the new file is for, and its rows."""
    def article_of(cells):
        index = header.get("article", len(cells))
        return cells[index] if index < len(cells) else ""

    named = sorted({article_of(cells) for _, cells in rows} - {""})
    if article_id is None and len(named) > 1:
        problems.append((0, f"the rows are from {len(named)} articles ({', '.join(named)}); "
                            "choose one with --article ID"))
        return "", []
    chosen_id = article_id or (named[0] if named else out.stem)
    chosen = [(n, c) for n, c in rows if article_of(c) in ("", chosen_id)]
    if not chosen:
        problems.append((0, f"no rows for the article '{chosen_id}'"
                            + (suggest(chosen_id, named)
                               or ("; the rows are from: " + ", ".join(named) if named
                                   else ""))))
    return chosen_id, chosen


def _yaml_value(text: str, spec) -> str | None:
    """A cell as the YAML the teacher would have typed; None to leave the field out."""
    if spec.kind in _LISTS:
        parts = [p.strip() for p in text.split("|") if p.strip()]
        return flow(map({"cues": _cue, "groups": _also_source}.get(spec.kind, str), parts))
    if not text:
        return None if not spec.required else '""'
    if spec.kind == "whole" and _WHOLE.match(text):
        return text
    if spec.kind not in ("text", "date", "choice") and _BOOLEAN.match(text):
        return text
    return word(text) if spec.kind == "choice" else quoted(text)


def _statement_lines(cells: dict[str, str]) -> list[str]:
    lines = []
    for name, spec in FIELDS.items():
        if name not in cells:
            continue
        value = _yaml_value(cells[name], spec)
        if name == "id" and value is not None:
            value = word(cells[name])
        if value is None or _is_default(name, value):
            continue
        lines.append(f"{'  - ' if not lines else '    '}{name}: {value}")
    return lines or ["  - {}"]


def _is_default(name: str, value: str) -> bool:
    """True for a value the loader would take anyway (reviewed: true), so the written
    file holds only what a teacher would have typed."""
    if name not in _DEFAULTS:
        return False
    try:
        read = yaml.safe_load(value)
    except yaml.YAMLError:
        return False
    default = _DEFAULTS[name]
    return type(read) is type(default) and read == default


def import_rows(name: str, data: bytes, out: Path, bank: Bank,
                article_id: str | None = None) -> Imported:
    """The question file the rows of one article make, to be written to `out`; `bank`
    supplies the article's details and the ids already taken."""
    made, problems = Imported(), []
    header, rows = _read(data, problems)
    if header is not None:
        made.article, chosen = _choose(header, rows, out, article_id, problems)
    if not problems:
        made.count = len(chosen)
        made.text = _question_file(name, header, chosen, out, bank, made, problems)
        if len(chosen) < len(rows):
            made.notes.insert(0, f"Left out {len(rows) - len(chosen)} row(s) of other "
                                 "articles.")
    if problems:
        made.text = None
        made.problems = [f"{name}:{row}: {message}" if row else f"{name}: {message}"
                         for row, message in sorted(problems, key=lambda p: p[0])]
    return made


def _question_file(name, header, rows, out: Path, bank: Bank, made: Imported,
                   problems: Problems) -> str:
    article = bank.articles.get(made.article)
    lines = [schema_line(out),
             f"# Byline question file, imported from {Path(name).name}. "
             "Format: docs/question-format.md"]
    block = article_lines(article) if article else placeholder_article_lines(
        made.article, _first(header, rows, "headline"))
    # Placeholders are the teacher's to fill in, not a fault of the rows; a bad id is.
    placeholders = set() if article else {
        len(lines) + 1 + i for i, line in enumerate(block) if not line.startswith("  id:")}
    lines += [*block, "", "statements:"]
    spans, seen = [], {}
    body = body_of(article) if article else None
    known = {s.id: s for s in bank.statements if s.article == made.article}
    size = sum(len(line.encode("utf-8")) + 1 for line in lines)
    for number, cells in rows:
        values = {column: cells[index] if index < len(cells) else ""
                  for column, index in header.items() if column in FIELDS}
        ident = values.get("id", "")
        if ident in seen:
            problems.append((number, f"the id '{ident}' is already used in row "
                                     f"{seen[ident]}; every id must be unique"))
        elif ident:
            seen[ident] = number
        block = _statement_lines(values)
        if block[0] != "  - {}":
            block += _context(values.get("text", "").strip(), known.get(ident), body)
        spans.append((len(lines) + 1, len(lines) + len(block), number))
        lines += block
        size += sum(len(line.encode("utf-8")) + 1 for line in block)
        if size > QUESTION_FILE_BYTES:
            problems.append((number, "with this row the question file would be over "
                                     f"{size_words(QUESTION_FILE_BYTES)}, the most a question "
                                     "file may hold: keep fewer rows (an article's "
                                     "statements fit well within it)"))
            return ""
    hand = [q for q in bank.questions if q.article == made.article]
    _check_taken(bank, seen, made.article, {q.id for q in hand}, problems)
    if hand:
        where = hand[0].where.path if hand[0].where else "the bank"
        lines += ["", f"# Copied from {where}: a spreadsheet holds statements only.",
                  "questions:"]
        for q in hand:
            lines += question_lines(q)
    text = "\n".join(lines) + "\n"

    result = parse(out, text.encode("utf-8"))
    for problem in result.errors:
        if problem.line in placeholders:
            continue
        row = next((number for first, last, number in spans
                    if first <= problem.line <= last), 0)
        problems.append((row, re.sub(r"the statement at line \d+", "the statement in this row",
                                     problem.message)))
    _notes(made, article, result.quotes_checked, out)
    return text


def _context(text: str, known: Statement | None, body: str | None) -> list[str]:
    """A row's context lines: from the article's text if it is here, else what the bank
    stores for the same statement, if its text is unchanged."""
    found = around(body, text) if body and text else None
    if found is None and known is not None and known.text == text:
        found = known.context
    return context_lines("    ", found) if found else []


def _first(header, rows, column: str) -> str:
    index = header.get(column)
    return next((c[index] for _, c in rows if index is not None and index < len(c)), "")


def _check_taken(bank: Bank, seen: dict, article_id: str, hand_ids: set, problems: Problems):
    """Ids the bank already uses elsewhere. The article's own statements may reuse theirs:
    the new file is meant to replace the article's file."""
    for item in (*bank.statements, *bank.questions):
        if item.id in seen and (item.article != article_id or item.id in hand_ids):
            what = "statement" if isinstance(item, Statement) else "question"
            problems.append((seen[item.id], f"the id '{item.id}' is already used by a {what} "
                                            f"of '{item.article}' ({item.where or 'the bank'}); "
                                            "every id must be unique"))


def _notes(made: Imported, article, quotes_checked: bool, out: Path) -> None:
    if article is None:
        made.notes.append(f"The article '{made.article}' is not in the bank: fill in the "
                          f"article fields marked {PLACEHOLDER}.")
        return
    if not quotes_checked and article.text_file:
        made.notes.append(f"The article text '{article.text_file}' was not found from {out}, "
                          "so the quotes were not checked.")
    if article.where:
        made.notes.append(f"The article '{made.article}' is also in {article.where.path}: "
                          "one file per article id is played, your question folder's over "
                          "the questions that come with Byline; within one folder, replace "
                          "one file with the other.")
