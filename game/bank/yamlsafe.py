"""Turn a teacher's bytes into a YAML node tree, or into problems a teacher can fix.

Only the node tree is built (yaml.compose with the safe loader): nothing in a file is
ever constructed into a Python object by tag, so a `!!python/...` tag is reported,
never executed. Nodes keep their positions, which every later message points to."""
import re

import yaml

from game.bank.errors import BankError
from game.files import size_problem

MAX_BYTES = 1_000_000
# After this many, a file's problems are too many to be worth listing one by one (and
# finding each costs time): the teacher fixes these, and validate lists the rest.
MAX_PROBLEMS = 100

PLAIN_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
}

# PyYAML's wording, and what a teacher needs to hear instead.
_SYNTAX_HINTS = (
    ("mapping values are not allowed here",
     "a ': ' (colon and space) inside a value; put the whole value in double quotes"),
    ("found character '\\t'",
     "a tab character; indent with spaces only"),
    ("could not find expected ':'",
     "a line that is not 'field: value' (a missing ':', or a long value broken over lines "
     "without quotes?)"),
    ("while scanning a quoted scalar",
     "a quotation mark is opened here and never closed"),
    ("found unknown escape character",
     "a backslash inside double quotes; write \\\\ for a backslash, or use single quotes"),
    ("expected ',' or ']'", "a list in [ ] is missing a comma or its closing ']'"),
    ("expected ',' or '}'", "a { } block is missing a comma or its closing '}'"),
    ("found undefined alias", "a '*name' that refers to no '&name' anchor"),
    ("found duplicate anchor",
     "an '&name' anchor set twice; anchors and aliases are not supported: write the value "
     "out"),
    ("did not find expected key", "the indentation does not line up with the lines above"),
    ("expected <block end>", "the indentation does not line up with the lines above"),
    ("did not find expected '-' indicator",
     "the indentation of this list item does not line up with the items above"),
)


def _open_quote_line(text: str, before_line: int) -> int | None:
    """The last line before the error with an odd number of double quotes, if any:
    an unclosed quotation mark there makes YAML fail lines later."""
    for number, line in reversed(list(enumerate(text.splitlines()[:before_line], 1))):
        content = line.split(" #", 1)[0].replace('\\\\', "").replace('\\"', "")
        if content.count('"') % 2:
            return number
    return None


def _syntax_error(path: str, text: str, exc: yaml.YAMLError) -> BankError:
    context = getattr(exc, "context", None) or ""
    problem = getattr(exc, "problem", None) or str(exc)
    mark = getattr(exc, "problem_mark", None)
    words = f"{context} {problem}"
    for needle, hint in _SYNTAX_HINTS:
        if needle in words:
            if needle == "while scanning a quoted scalar":
                mark = getattr(exc, "context_mark", None) or mark
            message = f"YAML syntax error: {hint} (YAML says: {problem})"
            break
    else:
        message = f"YAML syntax error: {problem.strip()}"
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    quote_line = _open_quote_line(text, line - 1)
    if quote_line and "never closed" not in message:
        message += f"; line {quote_line} has an unclosed '\"' that may be the cause"
    return BankError(path, line, column, message)


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


SPLIT = " (split it into one file per article)"


def too_big(size: int) -> str:
    return f"the file is {size_problem(size, MAX_BYTES, 'a question file')}{SPLIT}"


def decode(path: str, data: bytes) -> tuple[str | None, list[BankError]]:
    if len(data) > MAX_BYTES:
        return None, [BankError(path, 1, 1, too_big(len(data)))]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _position(data, exc.start)
        return None, [BankError(
            path, line, column,
            f"the file is not UTF-8 text: byte 0x{data[exc.start]:02X} cannot be read "
            "(save the file with the encoding 'UTF-8')")]
    if "\x00" in text:
        line, column = _position(data, data.index(b"\x00"))
        return None, [BankError(path, line, column,
                                "the file contains a NUL character; is it really a text file?")]
    return text, []


# libyaml's parser, when PyYAML was built with it, reads a file about ten times faster
# (the game starts sooner); both build the same node tree, with the same positions.
_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def _shallow(text: str, limit: int = 200) -> bool:
    """True if the text cannot nest deeper than limit. libyaml recurses in C and crashes
    the process on very deep nesting, where the Python parser raises an error we report;
    this bound over-counts (brackets in quotes, spaces), which only costs speed."""
    depth = deepest = 0
    for char in _NOT_BRACKET.sub("", text):     # a loop over brackets only: a 1 MB text
        if char in "[{":                          # of prose has none
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
    if deepest > limit:
        return False
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip(" \t"))
        if indent + line.count("- ") + line.count("? ") + line.count(": ") > limit - deepest:
            return False
    return True


# The Python parser reads about 2 µs a byte (a 1 MB file: 2 s), so it reads again only
# files this small; a teacher's file is tens of KB.
_PYTHON_PARSER_BYTES = 100_000


class _TooDeep(Exception):
    pass


def _compose(text: str) -> yaml.Node | None:
    """The root node: read by libyaml where that is safe; by the Python parser, whose
    messages we word for people, when libyaml fails or is missing, if that is quick."""
    if _FAST is not yaml.SafeLoader:
        if _shallow(text):
            try:
                return yaml.compose(text, Loader=_FAST)
            except yaml.YAMLError:
                if len(text) > _PYTHON_PARSER_BYTES:
                    raise       # libyaml's words and position, at once
        elif len(text) > _PYTHON_PARSER_BYTES:
            raise _TooDeep
    return yaml.compose(text, Loader=yaml.SafeLoader)


def compose(path: str, text: str) -> tuple[yaml.Node | None, list[BankError]]:
    """The document's root node (None if YAML cannot read it), and its problems.

    A node with a refused tag stays in the tree; readers skip it, as it is reported here.
    A tree with aliases is not read further (None): an alias repeats a whole subtree
    wherever it is used, so reading it could cost far more than the file's size."""
    try:
        root = _compose(text)
    except yaml.YAMLError as exc:
        return None, [_syntax_error(path, text, exc)]
    except (RecursionError, _TooDeep):
        return None, [BankError(path, 1, 1, "the file nests lists or fields too deeply to read")]
    if root is None:
        return None, [BankError(path, 1, 1,
                                "the file is empty; expected 'article:' and 'statements:'")]
    errors: list[BankError] = []
    aliases = _check_tree(path, root, errors)
    return (None if aliases else root), errors


def _check_tree(path: str, root: yaml.Node, errors: list[BankError]) -> bool:
    """Refuse unknown tags and repeated nodes (aliases), without recursion; True if there
    are aliases. Every use of an alias is a problem, and all are kept (game.bank.errors
    counts them into one line)."""
    seen: set[int] = set()
    stack = [root]
    aliases = False
    while stack:
        node = stack.pop()
        mark = node.start_mark
        if id(node) in seen:
            aliases = True
            errors.append(BankError(
                path, mark.line + 1, mark.column + 1,
                "anchors and aliases (&name, *name) are not supported; write the value out"))
            continue
        seen.add(id(node))
        if node.tag not in PLAIN_TAGS:
            if len(errors) < MAX_PROBLEMS:
                errors.append(BankError(
                    path, mark.line + 1, mark.column + 1,
                    f"the tag '{short_tag(node.tag)}' is not allowed: question files hold "
                    "only text, numbers and lists (tags such as !!python/... could run code, "
                    "so Byline refuses them)"))
            continue
        if isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                stack.extend((value, key))
    return aliases


def short_tag(tag: str) -> str:
    """A tag as a teacher wrote it (!!int), cut short if it is long."""
    short = "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") \
        else tag
    return short if len(short) <= 60 else short[:59] + "…"
