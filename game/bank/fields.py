"""Check one YAML mapping against the fields it may hold, collecting every problem.

A value's tag is never trusted: `!!int "abc"` is text marked as a number, so the text is
checked against what the tag claims before anything is built from it, and a number's
length before it is converted (a 5,000-digit number, or 1:0:0:... in 300,000 parts, would
cost seconds or fail)."""
import datetime
import difflib
import re
from dataclasses import dataclass, field

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from game.bank.errors import BankError
from game.bank.models import Cue
from game.bank.yamlsafe import MAX_PROBLEMS, PLAIN_TAGS, short_tag

_BOOL_WORDS = "yes/no, on/off and true/false"
BOOLS = {"yes": True, "on": True, "true": True, "no": False, "off": False, "false": False}
# What YAML reads untagged text as, by the patterns its own resolver uses.
_PATTERNS = {tag.rsplit(":", 1)[-1]: pattern
             for resolvers in Resolver.yaml_implicit_resolvers.values()
             for tag, pattern in resolvers}
_WHAT_TAGS_CLAIM = {"int": "a whole number", "float": "a number", "bool": "true or false",
                    "null": "empty", "timestamp": "a date", "seq": "a list",
                    "map": "a group of fields"}
# Longer than any whole number a field takes, however written (0x..., 1:30, 1_000).
MAX_NUMBER = 30
# difflib compares every pair of characters: a suggestion is looked for only among a
# bounded number of short options.
_SUGGEST_LENGTH, _SUGGEST_OPTIONS = 100, 1000


@dataclass(frozen=True)
class Field:
    """kind is one of: text, verbatim, date, whole, switch, texts, choice, choices, cues,
    group, groups.

    A 'verbatim' text keeps the spaces and line breaks at its ends. A 'group' is one
    group of the fields in `parts`, read as a dict. A 'cues' list holds plain texts and
    groups of the fields in `parts` (words, by); a 'groups' list holds groups of the
    fields in `parts` only, each read as a dict.

    most: the longest text a text field (or each item of a list) may hold, in characters;
    items: the most items a list may hold. Both are far above what a teacher writes, so
    that a pasted article or a runaway list is refused before it can slow the game down."""

    kind: str
    required: bool = True
    allowed: tuple[str, ...] = ()
    low: int = 0
    high: int = 0
    expect: str = ""
    most: int = 0
    items: int = 0
    parts: dict | None = field(default=None, compare=False, hash=False)


def suggest(word: str, options) -> str:
    if len(word) > _SUGGEST_LENGTH:
        return ""
    options = [o for o in list(options)[:_SUGGEST_OPTIONS] if len(o) <= _SUGGEST_LENGTH]
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""


def kind_of(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a group of fields"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    tag = node.tag.rsplit(":", 1)[-1]
    return {
        "null": "nothing",
        "bool": f"true/false (YAML reads {_BOOL_WORDS} as true/false; put quotes around it)",
        "int": f"the number {clip(node.value)}",
        "float": f"the number {clip(node.value)}",
    }.get(tag, f"the text '{clip(node.value)}'")


def clip(text: str, size: int = 40) -> str:
    text = " ".join(str(text)[:size * 4].split())
    return text if len(text) <= size else text[: size - 1] + "…"


def misfit(node: yaml.ScalarNode) -> str | None:
    """What a scalar's tag claims and its text is not ("a whole number"), or None.

    Only an explicit tag (`!!int "abc"`) can make one: YAML gives untagged text a tag by
    these very patterns."""
    tag = node.tag.rsplit(":", 1)[-1]
    if tag in ("seq", "map"):
        return _WHAT_TAGS_CLAIM[tag]
    pattern = _PATTERNS.get(tag)
    if pattern is None or pattern.match(node.value):
        return None
    return _WHAT_TAGS_CLAIM.get(tag, "what its tag says")


def whole_number(text: str) -> int | None:
    """A YAML 1.1 whole number (12, 0x0c, 014, 0b1100, 1_200, 1:30) that fits its pattern,
    as SafeConstructor reads it but without its crashes; None if it is not one."""
    if len(text) > MAX_NUMBER or not _PATTERNS["int"].match(text):
        return None
    digits = text.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    digits = digits.lstrip("+-")
    try:
        if ":" in digits:
            value = 0
            for part in digits.split(":"):
                value = value * 60 + int(part)
            return sign * value
        if digits.startswith(("0b", "0x")):
            return sign * int(digits[2:], 2 if digits[1] == "b" else 16)
        return sign * int(digits, 8 if len(digits) > 1 and digits[0] == "0" else 10)
    except ValueError:       # '0b_': the pattern allows it, and it holds no digit
        return None


def _date(node: yaml.ScalarNode) -> str | None:
    """The ISO form of a YAML date or date and time; None if there is no such day or time
    (2026-02-30, 25:61:61), which the pattern alone allows."""
    try:
        parsed = SafeConstructor().construct_yaml_timestamp(node)
    except Exception:           # ValueError for the day or hour; anything else the same
        return None
    return parsed.isoformat() if isinstance(parsed, datetime.date) else str(parsed)


# Characters no screen can draw (a NUL, a control character, half of a surrogate pair),
# which YAML's escapes can make; line breaks and tabs are fine.
_UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _unshowable(text: str) -> int | None:
    found = _UNSHOWABLE.search(text)
    return found.start() if found else None


class TooMany(Exception):
    """A file has MAX_PROBLEMS problems: the rest are not looked for (see stopped)."""


def stopped(path: str, errors: list[BankError]) -> BankError:
    last = max(errors)
    return BankError(path, last.line, last.column,
                     f"Byline stopped looking after {len(errors)} problems in this file; fix "
                     "these, then check it again")


class Reader:
    """Reads mappings from one file, appending problems to a shared list."""

    def __init__(self, path: str, errors: list[BankError]):
        self.path = path
        self.errors = errors

    def error(self, node: yaml.Node, message: str) -> None:
        mark = node.start_mark
        self.errors.append(BankError(self.path, mark.line + 1, mark.column + 1, message))
        if len(self.errors) >= MAX_PROBLEMS:
            raise TooMany

    def mapping(self, node: yaml.Node, fields: dict[str, Field], what: str):
        """The checked values of a mapping's fields, and the value nodes by name.

        `what` names the thing for messages ("statement 'g7-01'"). Fields with problems
        are left out of the values; the problems are recorded."""
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{what} should be a group of 'field: value' lines; "
                             f"found {kind_of(node)}")
            return None, None
        values, nodes = {}, {}
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else None
            if name not in fields:
                self.error(key, f"unknown field '{clip(name)}' in {what}"
                           + (suggest(str(name), fields)
                              or f"; the fields are: {', '.join(fields)}"))
                continue
            if name in nodes:
                self.error(key, f"'{name}' appears twice in {what}; keep one")
                continue
            nodes[name] = value
            checked = self._value(value, name, fields[name], what)
            if checked is not None:
                values[name] = checked
        for name, spec in fields.items():
            if spec.required and name not in nodes:
                self.error(node, f"{what} has no '{name}' (expected {spec.expect})")
        return values, nodes

    def _misfit(self, node: yaml.ScalarNode, where: str) -> bool:
        claimed = misfit(node)
        if claimed:
            tag = short_tag(node.tag)
            self.error(node, f"{where} is marked '{tag}', but '{clip(node.value)}' is not "
                             f"{claimed}; remove the '{tag}'")
        return bool(claimed)

    def _value(self, node, name, spec: Field, what):
        if node.tag not in PLAIN_TAGS:
            return None  # reported when the file was read
        where = f"'{name}' in {what}"
        if isinstance(node, yaml.ScalarNode) and self._misfit(node, where):
            return None
        if spec.kind in ("texts", "choices", "cues", "groups"):
            if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
                return ()
            if not isinstance(node, yaml.SequenceNode):
                self.error(node, f"{where} should be a list, like {spec.expect}; "
                                 f"found {kind_of(node)}")
                return None
            if spec.items and len(node.value) > spec.items:
                self.error(node, f"{where} lists {len(node.value):,} items; it may list at "
                                 f"most {spec.items:,}")
                return None
            item = Field("choice" if spec.kind == "choices" else "text", allowed=spec.allowed,
                         expect=spec.expect, most=spec.most)
            if spec.kind == "cues":
                items = [self._cue(value, f"an item of {where}", item, spec.parts)
                         for value in node.value]
            elif spec.kind == "groups":
                items = [self._group(value, f"an item of {where}", spec)
                         for value in node.value]
            else:
                items = [self._scalar(value, f"an item of {where}", item)
                         for value in node.value]
            return None if None in items else tuple(items)
        if spec.kind == "group":
            return self._group(node, where, spec)
        return self._scalar(node, where, spec)

    def _cue(self, node, where, item: Field, parts: dict) -> Cue | None:
        """A cue: its words alone (the writer's), or its words and whose they are."""
        if not isinstance(node, yaml.MappingNode):
            words = self._scalar(node, where, item)
            return None if words is None else Cue(words)
        values, _ = self.mapping(node, parts, where)
        if values is None or len(values) < len(node.value) or "words" not in values:
            return None     # each problem is already reported
        return Cue(**values)

    def _group(self, node, where, spec: Field) -> dict | None:
        """One group of a 'groups' list, with every field it requires."""
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{where} should be a group of fields like "
                             f"{spec.expect.strip('[]')}; found {kind_of(node)}")
            return None
        values, _ = self.mapping(node, spec.parts, where)
        if values is None or len(values) < len(node.value) \
                or any(f.required and name not in values for name, f in spec.parts.items()):
            return None     # each problem is already reported
        return values

    def _scalar(self, node, where, spec: Field):
        if node.tag not in PLAIN_TAGS:
            return None  # reported when the file was read
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, f"{where} should be {spec.expect}; found {kind_of(node)}")
            return None
        if self._misfit(node, where):
            return None
        tag = node.tag.rsplit(":", 1)[-1]
        if tag == "null" or (tag == "str" and not node.value.strip()):
            self.error(node, f"{where} is empty; expected {spec.expect}")
            return None
        if spec.most and len(node.value) > spec.most:
            self.error(node, f"{where} is {len(node.value):,} characters long; it may be at "
                             f"most {spec.most:,}")
            return None
        odd = _unshowable(node.value)
        if odd is not None:
            self.error(node, f"{where} holds the character U+{ord(node.value[odd]):04X} "
                             f"(character {odd + 1}), which cannot be shown on screen; "
                             "remove it (a '\\0' or '\\u' escape inside double quotes?)")
            return None
        if spec.kind == "switch":
            # YAML 1.1 also reads yes/no and on/off as true/false: all are accepted.
            if tag == "bool":
                return BOOLS[node.value.lower()]
            self.error(node, f"{where} should be {spec.expect}; found {kind_of(node)}")
            return None
        if spec.kind == "whole":
            return self._whole(node, where, spec, tag)
        if tag == "bool":
            self.error(node, f"{where} should be {spec.expect}; found {kind_of(node)}")
            return None
        if tag == "timestamp":
            if spec.kind != "date":
                self.error(node, f"{where} should be {spec.expect}; found the date "
                                 f"{clip(node.value)} (put quotes around it)")
                return None
            date = _date(node)
            if date is None:
                self.error(node, f"{where} is {clip(node.value)}, which is not a real date "
                                 "(check the month, the day and any time); write the date "
                                 "as printed, in quotes, or as YYYY-MM-DD")
            return date
        # Numbers and text are kept exactly as typed: "1979" stays "1979".
        text = node.value if spec.kind == "verbatim" else node.value.strip()
        if spec.kind == "choice" and text not in spec.allowed:
            listed = ", ".join(spec.allowed)
            self.error(node, f"{where} is '{clip(text)}'; expected one of: {listed}"
                             + suggest(text, spec.allowed))
            return None
        return text

    def _whole(self, node, where, spec: Field, tag: str) -> int | None:
        expected = f"a whole number from {spec.low} to {spec.high}"
        number = whole_number(node.value) if tag == "int" else None
        if number is None and tag == "int" and len(node.value) > MAX_NUMBER:
            self.error(node, f"{where} is a number {len(node.value):,} characters long; "
                             f"expected {expected}")
        elif number is None:
            self.error(node, f"{where} should be {expected}; found {kind_of(node)}")
        elif not spec.low <= number <= spec.high:
            self.error(node, f"{where} is {number}; expected {expected}")
            number = None
        return number
