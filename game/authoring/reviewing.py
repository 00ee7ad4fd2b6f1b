"""A draft's review, written back into its question file: a statement accepted (its fields
as the teacher left them, `reviewed: true`) or dropped, the article's FILL IN fields filled.

As `run.py context` does (game.authoring.contexts, whose helpers this shares), only the
lines of the values that change are edited, found by PyYAML's node marks: the suggestion
reasons in comments, blank lines and the order of fields stay as new-article or the
teacher wrote them, and a comment after a value on its line stays too. ruamel.yaml's round
trip would keep them as well, but it would be a second YAML library in the game and the
standalone build for edits of a few lines, and it re-indents and re-quotes what it
re-emits. The new text is read back before it is written, and nothing is written over a
file that changed on disk since it was read (the teacher's newer edits win); the version
before the review is kept beside it as FILE.bak."""
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from game.authoring.contexts import _PACKAGE, _backup, _end_line, _field, _statement_nodes
from game.authoring.yamltext import flow, quoted, word
from game.bank.models import AUTHOR, GENRES, LABELS, PLACEHOLDER, SOURCE_KINDS, WRITER, Cue, \
    FileResult
from game.bank.reading import parse
from game.bank.yamlsafe import MAX_BYTES, compose, decode
from game.files import FileProblem, read_file
from game.quiz.questions import cue_word_indices

# The article's fields a draft may leave to fill in, in the order a review asks for them.
ARTICLE_FIELDS = ("headline", "outlet", "author", "date", "genre", "genre_explanation",
                  "provenance")
# Values written without quotes when they read back the same: those chosen from a list.
_LISTED = {"label", "source_kind", "genre"}


class NotWritten(Exception):
    """Why a review's change was not written, in words for the teacher."""


class Changed(NotWritten):
    """The file changed on disk since it was read: the teacher's newer edits win."""


def yaml_value(name: str, value) -> str:
    """A value as the file writes it on one line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return flow(value)
    return word(value) if name in _LISTED else quoted(value)


def edited(text: str, article: dict | None = None, statements: dict | None = None) -> str:
    """text with the article's fields set (name -> value) and each statement's (id ->
    {name: value}, or None to drop it). A field missing from its mapping is added after
    its last field."""
    root, errors = compose("review", text)
    if not isinstance(root, yaml.MappingNode):
        raise NotWritten("the file holds no article and statements to change")
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    edits = []
    _, node = _field(root, "article")
    if article and isinstance(node, yaml.MappingNode):
        edits += _set_fields(node, article, lines, newline)
    for item in _statement_nodes(root):
        if not isinstance(item, yaml.MappingNode):
            continue
        _, ident = _field(item, "id")
        key = ident.value.strip() if isinstance(ident, yaml.ScalarNode) else None
        if not statements or key not in statements:
            continue
        change = statements[key]
        if change is None:
            edits.append(_drop(item, lines))
        else:
            edits += _set_fields(item, change, lines, newline)
    for start, end, new in sorted(edits, key=lambda e: (e[0][0], e[0][1] or 0), reverse=True):
        if start[0] == end[0] and start[1] is not None:     # within one line
            line = lines[start[0]]
            lines[start[0]] = line[:start[1]] + new + _kept_tail(line[end[1]:])
        else:
            lines[start[0]:end[0]] = new
    return "".join(lines)


FOUND = "# from "      # new-article's comment: where it found a value


def _kept_tail(rest: str) -> str:
    """What follows a value on its line: kept, but for a comment asking to fill it in,
    which no longer applies."""
    body = rest.rstrip("\r\n")
    if body.strip().startswith(f"# {PLACEHOLDER}"):
        return rest[len(body):]
    return rest


def _set_fields(node: yaml.MappingNode, values: dict, lines: list[str], newline: str):
    edits, indent = [], " " * node.start_mark.column
    for name, value in values.items():
        key, old = _field(node, name)
        if isinstance(value, (list, tuple)) and name == "provenance":
            new = [f"{indent}{name}:{newline}"] + [f"{indent}  - {quoted(v)}{newline}"
                                                 for v in value]
        else:
            new = None
        if key is None:
            at = _end_line(node.value[-1][1], lines)
            body = new or [f"{indent}{name}: {yaml_value(name, value)}{newline}"]
            edits.append(((at, None), (at, None), body))
        elif new is None and old.start_mark.line == old.end_mark.line and (
                not isinstance(old, yaml.CollectionNode) or old.flow_style) and \
                not lines[old.end_mark.line][old.end_mark.column:].lstrip().startswith(FOUND):
            # A value on one line (a scalar, a [list]): only it changes, so a comment
            # after it on its line stays; but for where new-article found the value
            # ("# from the page's author tag"), no longer true of the teacher's.
            edits.append(((old.start_mark.line, old.start_mark.column),
                          (old.end_mark.line, old.end_mark.column), yaml_value(name, value)))
        else:
            head = lines[key.start_mark.line][:key.start_mark.column]
            body = new or [f"{indent}{name}: {yaml_value(name, value)}{newline}"]
            body[0] = head + body[0].lstrip(" ")
            edits.append(((key.start_mark.line, None), (_end_line(old, lines), None), body))
    return edits


def _drop(item: yaml.MappingNode, lines: list[str]):
    """A statement's lines, with the comment lines just above it (its suggestion's
    reasons) and the blank line before those."""
    start = item.start_mark.line
    while start > 0 and lines[start - 1].lstrip().startswith("#"):
        start -= 1
    if start > 0 and not lines[start - 1].strip():
        start -= 1
    return (start, None), (_end_line(item, lines), None), []


@dataclass
class Draft:
    """A question file opened for review: what it held when read, and what it reads as."""

    path: Path
    data: bytes
    result: FileResult
    backup: Path | None = None      # once the first change is written
    dropped: set = field(default_factory=set)

    @property
    def text(self) -> str:
        return self.data.decode("utf-8-sig")

    @property
    def waiting(self) -> list:
        """The statements still to review, in the file's order."""
        return [s for s in self.result.statements if not s.reviewed]

    def _article(self) -> yaml.MappingNode | None:
        """The article section's node, read from the file's text: an article with a FILL IN
        is no model, but its fields are still there to read."""
        root, _ = compose(str(self.path), self.text)
        _, article = _field(root, "article") if isinstance(root, yaml.MappingNode) \
            else (None, None)
        return article if isinstance(article, yaml.MappingNode) else None

    def unfilled(self) -> dict:
        """The article's fields still to fill in (FILL IN, or a genre not in the list), by
        name, with what they hold now: read from the file's nodes, as an article with
        problems is not read into a model."""
        article = self._article()
        if article is None:
            return {}
        found = {}
        for name in ARTICLE_FIELDS:
            _, node = _field(article, name)
            if isinstance(node, yaml.SequenceNode):
                values = [n.value for n in node.value if isinstance(n, yaml.ScalarNode)]
            else:
                values = [node.value] if isinstance(node, yaml.ScalarNode) else []
            if any(v.startswith(PLACEHOLDER) for v in values) or not values \
                    or name == "genre" and values[0] not in GENRES:
                # Of the provenance, only the lines to fill in: those found (the page's
                # address) are kept as they are (kept_provenance).
                found[name] = "; ".join(v for v in values if name != "provenance"
                                        or v.startswith(PLACEHOLDER))
        return found

    def found(self) -> dict[str, tuple[str, str]]:
        """The headline, outlet, author and date filled in already, by name: (value, where
        the draft found it, from the comment after it: "from the page's og:site_name tag"),
        for the teacher to check against the article."""
        article = self._article()
        if article is None:
            return {}
        lines, found = self.text.splitlines(), {}
        for name in ("headline", "outlet", "author", "date"):
            _, node = _field(article, name)
            if isinstance(node, yaml.ScalarNode) and node.value and \
                    not node.value.startswith(PLACEHOLDER):
                rest = lines[node.end_mark.line][node.end_mark.column:] \
                    if node.end_mark.line < len(lines) else ""
                comment = rest.strip()[1:].strip() if rest.strip().startswith("#") else ""
                found[name] = (str(node.value), comment)
        return found

    def kept_provenance(self) -> list[str]:
        """The provenance's lines that are filled in already (the address a page gave)."""
        article = self._article()
        _, node = _field(article, "provenance") if article is not None else (None, None)
        if not isinstance(node, yaml.SequenceNode):
            return []
        return [n.value for n in node.value if isinstance(n, yaml.ScalarNode)
                and not n.value.startswith(PLACEHOLDER)]


    def headline(self) -> str:
        """The article's headline as the file has it, whether or not the article reads
        yet (an article with a FILL IN is no model)."""
        if self.result.article is not None:
            return self.result.article.credit
        article = self._article()
        _, node = _field(article, "headline") if article is not None else (None, None)
        value = node.value if isinstance(node, yaml.ScalarNode) else ""
        return "" if value.startswith(PLACEHOLDER) else value

    def reasons(self, ident: str) -> str:
        """The comment new-article wrote above a statement (why it suggested what it did),
        its lines joined; "" when there is none. Read once for each version of the file:
        a screen asks for it every frame."""
        if getattr(self, "_reasons_for", None) != (self.data, ident):
            self._reasons, self._reasons_for = self._read_reasons(ident), (self.data, ident)
        return self._reasons

    def _read_reasons(self, ident: str) -> str:
        root, _ = compose(str(self.path), self.text)
        lines = self.text.splitlines()
        for item in _statement_nodes(root) if isinstance(root, yaml.MappingNode) else ():
            _, node = _field(item, "id") if isinstance(item, yaml.MappingNode) else (None, None)
            if isinstance(node, yaml.ScalarNode) and node.value.strip() == ident:
                start, said = item.start_mark.line, []
                while start > 0 and lines[start - 1].lstrip().startswith("#"):
                    start -= 1
                    said.insert(0, lines[start].strip().lstrip("#").strip())
                return " ".join(said)
        return ""


def open_draft(path: Path) -> Draft:
    """Raises NotWritten when the file cannot be read or is no question file."""
    path = Path(path)
    try:
        data = read_file(path, MAX_BYTES, "a question file")
    except FileProblem as problem:
        raise NotWritten(f"{path}: {problem}") from None
    text, errors = decode(str(path), data)
    if text is None:
        raise NotWritten("\n".join(map(str, errors)))
    return Draft(path, data, parse(path, data))


def change(draft: Draft, article: dict | None = None, statements: dict | None = None) -> list:
    """Write a change into the draft's file: the problems it would bring (nothing is then
    written), else []. Raises NotWritten when the file cannot be written, or changed on
    disk since it was read."""
    path = draft.path
    if path.resolve().is_relative_to(_PACKAGE):
        raise NotWritten("a file of the installed game is never changed; copy it to your "
                         "own question folder first")
    try:
        now = path.read_bytes()
    except OSError as error:
        raise NotWritten(f"it cannot be read any more: {error.strerror or error}") from None
    if now != draft.data:
        raise Changed("the file changed on disk since the review read it (in an editor?), "
                      "so nothing was written over it; the review shows it as it is now")
    new = edited(draft.text, article, statements)
    bom = "\ufeff" if draft.data.startswith(b"\xef\xbb\xbf") else ""
    data = (bom + new).encode("utf-8")
    after = parse(path, data)
    fresh = _fresh_problems(draft.result, after)
    if fresh:
        return fresh
    gone = {k for k, v in (statements or {}).items() if v is None}
    if {s.id for s in after.statements} != {s.id for s in draft.result.statements} - gone:
        raise NotWritten("the change would not read back as the same statements (please "
                         "report this with the file); nothing was written")
    from game.datafiles import write_replacing
    try:
        if draft.backup is None:
            backup = _backup(path)
            shutil.copy2(path, backup)
            draft.backup = backup
        write_replacing(path.resolve(), bom + new, ".review-")
        shutil.copymode(draft.backup, path.resolve())
    except OSError as error:
        raise NotWritten(f"it could not be written: {error.strerror or error}; the file is "
                         "as it was") from None
    draft.data, draft.result = data, after
    draft.dropped |= gone
    return []


def _fresh_problems(before: FileResult, after: FileResult) -> list:
    """The problems after a change that were not there before it: those of a statement
    just accepted (an explanation still to write, an opinion without cues) and any other."""
    old = {e.message for e in before.errors}
    return [e for e in after.errors if e.message not in old]


def picked_words(text: str, words, cues) -> dict[int, str]:
    """The words a statement's cues cover, each with whose judgment it is: the picks a
    review starts from (words: (start, end) of each word, as the word picker has them)."""
    picked = {}
    for cue in cues:
        for i in cue_word_indices(text, words, (cue.words,)):
            picked.setdefault(i, cue.by)
    return picked


def cues_picked(text: str, words, picked: dict[int, str]) -> tuple[Cue, ...]:
    """The cues words picked make: words picked side by side are one phrase, copied
    from the text as it is written between them, whose owner is its first word's; a
    phrase met twice is one cue."""
    cues, run = [], []
    for i in sorted(picked):
        if run and i != run[-1] + 1:
            cues.append(_cue(text, words, run, picked))
            run = []
        run.append(i)
    if run:
        cues.append(_cue(text, words, run, picked))
    return tuple(dict.fromkeys(cues))


def _cue(text, words, run, picked) -> Cue:
    return Cue(text[words[run[0]][0]:words[run[-1]][1]], picked[run[0]])


def first_owner(source: str, source_kind: str) -> str:
    """Whose judgment a word just picked is, until the teacher says: the statement's
    source's, when it has one (the judgment a sentence quotes or relays belongs to whoever
    it credits with it: docs/question-format.md), else the writer's."""
    return source if source_kind != "author" and source else WRITER


_NOT_NAMES = {*"Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(),
              *("January February March April May June July August September October "
                "November December").split()}
# A name in a sentence: capitalised words in a row ("Angela Moore", "Oak Street Elementary").
_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'-]*(?: [A-ZÀ-ÖØ-Þ][\w’'-]*)*")


def owners_offered(text: str, source: str, source_kind: str, also=(), kept=()) -> list[str]:
    """Whose judgment a cue may be, as the loader allows (game.bank.reading): the
    writer, the statement's source and the names its text writes; also: more names (the
    suggested source, names typed before), offered where the loader would take them;
    kept: names offered whatever they are (the owners the cues have now). In an order
    that choosing one does not change, so that ← → go through them all."""
    return _unique([WRITER, *([source] if source_kind != "author" else []),
                    *(name for name in also if name.casefold() == source.casefold()
                      or _writes(text, name)),
                    *names_in(text), *kept])


def sources_offered(text: str, source: str, suggested: str, typed=()) -> list[str]:
    """Who the source of a statement may be: the suggested one, nobody (the author's own
    claim), the names its text writes, names typed before, and the one it has now. In
    an order that choosing one does not change."""
    return _unique([suggested, AUTHOR, *names_in(text), *typed, source])


def names_in(text: str) -> list[str]:
    """The names a sentence writes: capitalised words in a row. A word starting the
    sentence alone is no name ("The", "Some"), nor is a day or a month."""
    found = []
    for match in _NAME.finditer(text):
        opening = not text[:match.start()].strip(" \"“‘'")
        alone = " " not in match.group()
        if not (alone and (opening or match.group() in _NOT_NAMES)):
            found.append(match.group())
    return found


def _writes(text: str, name: str) -> bool:
    return re.search(rf"\b{re.escape(name.casefold())}\b", text.casefold()) is not None


def _unique(names) -> list[str]:
    seen, kept = set(), []
    for name in names:
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return kept


__all__ = ["Draft", "NotWritten", "Changed", "open_draft", "change", "edited",
           "picked_words", "cues_picked", "first_owner", "owners_offered", "sources_offered",
           "LABELS", "SOURCE_KINDS", "GENRES"]
