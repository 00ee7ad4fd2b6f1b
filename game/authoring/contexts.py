"""`run.py context FILE...`: write into question files the article's words around each
quote (a statement's `context:`), from the article's text, so that the sentences around
a quote can be shown where that text is not: an installed game, a public copy of the files.

Only the lines of each `context:` change: comments, blank lines, quotes and the order of
fields stay as the teacher wrote them. That is why this edits lines where PyYAML's nodes
say each statement ends, rather than dumping YAML (which drops comments) or adding a
round-trip library (ruamel.yaml) for a few lines. The new text is read back before it is
written: unless the file holds the same statements with the new context, and no new
problem, nothing is written. The old file is kept beside it as FILE.bak."""
import os
import shutil
import sys
from dataclasses import replace
from pathlib import Path

import yaml

from game.authoring.yamltext import quoted
from game.bank.context import around
from game.bank.loader import question_files
from game.bank.models import Around
from game.bank.errors import collapse
from game.bank.folders import shown
from game.bank.paths import article_candidates, find_article_file, read_article
from game.bank.reading import internal_error, parse
from game.bank.yamlsafe import MAX_BYTES, compose, decode
from game.files import FileProblem, read_file

_PACKAGE = Path(__file__).resolve().parents[1]


class Unfillable(Exception):
    """Why no context can be written into a file, in words for the teacher."""


def context_lines(indent: str, found: Around) -> list[str]:
    """A statement's `context:` field, at the indent of its other fields."""
    parts = [f"{indent}  {name}: {quoted(text)}"
             for name, text in (("before", found.before), ("after", found.after)) if text]
    return [f"{indent}context:", *parts] if parts else [f"{indent}context: {{}}"]


def _field(node: yaml.MappingNode, name: str):
    return next(((k, v) for k, v in node.value
                 if isinstance(k, yaml.ScalarNode) and k.value == name), (None, None))


def _end_line(node: yaml.Node, lines: list[str]) -> int:
    """The index of the first line after a value (a block scalar ends at the start of
    the line after it, less the blank lines it swallowed)."""
    # A block collection ends where the next thing starts: what ends it is its last value.
    while isinstance(node, yaml.CollectionNode) and not node.flow_style and node.value:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    mark = node.end_mark
    end = mark.line if mark.column == 0 else mark.line + 1
    while end > node.start_mark.line + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def _statement_nodes(root) -> list:
    _, statements = _field(root, "statements") if isinstance(root, yaml.MappingNode) \
        else (None, None)
    return statements.value if isinstance(statements, yaml.SequenceNode) else []


def _article_text(root, path: Path) -> tuple[str | None, str]:
    _, article = _field(root, "article") if isinstance(root, yaml.MappingNode) else (None, None)
    _, name = _field(article, "text_file") if isinstance(article, yaml.MappingNode) \
        else (None, None)
    if not isinstance(name, yaml.ScalarNode) or not name.value.strip():
        return None, "it names no text_file for its article"
    found = find_article_file(name.value.strip(), path)
    if found is None:
        looked = ", ".join(str(shown(c.parent))
                           for c in article_candidates(name.value.strip(), path))
        return None, f"its article text {name.value.strip()} was not found (looked in {looked})"
    data, problem = read_article(found)
    if data is None:
        return None, problem
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        return None, f"the article file {found} cannot be read as UTF-8 text"


def filled(path: Path, data: bytes) -> tuple[str | None, dict[str, Around], list[str]]:
    """The file's text with every statement's context written from its article: (the new
    text, or None if there is nothing to write; the context written, by statement id;
    notes).
    Raises Unfillable."""
    text, errors = decode(str(path), data)
    root, errors = compose(str(path), text) if text is not None else (None, errors)
    if root is None:
        raise Unfillable("\n".join(map(str, collapse(errors))) or f"{path}: it holds nothing")
    body, why = _article_text(root, path)
    if body is None:
        raise Unfillable(f"{path}: {why}, so there is nothing to copy the context from")
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    edits, notes, written = [], [], {}
    for item in _statement_nodes(root):
        _, ident = _field(item, "id") if isinstance(item, yaml.MappingNode) else (None, None)
        what = f"statement '{ident.value}'" if isinstance(ident, yaml.ScalarNode) else \
            f"the statement at line {item.start_mark.line + 1}"
        if not isinstance(item, yaml.MappingNode) or item.flow_style or not item.value:
            notes.append(f"{what} is not written a field a line; add its context by hand")
            continue
        _, quote = _field(item, "text")
        found = around(body, quote.value.strip()) if isinstance(quote, yaml.ScalarNode) \
            else None
        if found is None:
            notes.append(f"{what}: its text is not in the article (see validate); left as "
                         "it is")
            continue
        key, value = _field(item, "context")
        if key is None:     # after the statement's last field
            start = end = _end_line(item.value[-1][1], lines)
            head = " " * item.start_mark.column
        else:
            start, end = key.start_mark.line, _end_line(value, lines)
            head = lines[start][:key.start_mark.column]
        new = context_lines(" " * item.start_mark.column, found)
        new[0] = head + new[0].lstrip(" ")
        edits.append((start, end, [line + newline for line in new]))
        if isinstance(ident, yaml.ScalarNode):
            written[ident.value.strip()] = found
    for start, end, new in sorted(edits, reverse=True):
        lines[start:end] = new
    result = "".join(lines)
    if result == text:
        return None, written, notes
    return result, written, notes


def _read_back(path: Path, old: bytes, new: str, written: dict[str, Around]) -> bool:
    """Whether the new text holds the statements the old one did, each as it was but for
    the context written, and no problem the old one did not have."""
    before, after = parse(path, old), parse(path, new.encode("utf-8"))
    now = {s.id: s for s in after.statements}
    old_problems = {e.message for e in before.errors}
    return all(s.id in now and now[s.id] == replace(s, context=written.get(s.id, s.context))
               for s in before.statements) \
        and all(now[ident].context == found for ident, found in written.items()
                if ident in now) \
        and all(e.message in old_problems for e in after.errors)


def _backup(path: Path) -> Path:
    """A name beside path that is free: FILE.bak, FILE.bak2, ..."""
    number = 1
    while True:
        backup = path.with_name(path.name + (".bak" if number == 1 else f".bak{number}"))
        if not os.path.lexists(backup):
            return backup
        number += 1


def fill_file(path: Path) -> tuple[int, str]:
    """Write the context into one file: (exit code, what was done)."""
    if path.resolve().is_relative_to(_PACKAGE):
        return 1, f"{path}: a file of the installed game is never changed; copy it to your " \
                  "own question folder first"
    try:
        data = read_file(path, MAX_BYTES, "a question file")
    except FileProblem as problem:
        return 1, f"{path}: {problem}"
    try:
        text, written, notes = filled(path, data)
    except Unfillable as problem:
        return 1, str(problem)
    said = "".join(f"\n  {note}" for note in notes)
    if text is None:
        return 0, f"{path}: every statement's context is as the article has it{said}"
    if not _read_back(path, data, text, written):
        return 1, f"{path}: nothing written: the file would not read back the same (please " \
                  f"report this with the file){said}"
    backup = _backup(path)
    try:
        shutil.copy2(path, backup)
        from game.datafiles import write_replacing
        write_replacing(path.resolve(), ("\ufeff" if data.startswith(b"\xef\xbb\xbf") else "")
                        + text, ".context-")
        shutil.copymode(backup, path.resolve())
    except OSError as error:
        return 1, f"{path}: could not write it: {error.strerror or error}"
    return 0, f"{path}: wrote the context of {len(written)} statement(s); the old file is {backup}{said}"


def fill(paths) -> int:
    """`run.py context FILE...`: every file named, or every question file in a folder."""
    files, problems = question_files(paths)
    for problem in problems:
        print(problem, file=sys.stderr)
    code = 1 if problems else 0
    for path in files:
        try:
            done, said = fill_file(path)
        except Exception as exc:      # as the loader does: a message, never a traceback
            done, said = 1, f"{path}: {internal_error(exc)}"
        print(said, file=sys.stderr if done else sys.stdout)
        code = max(code, done)
    return code
