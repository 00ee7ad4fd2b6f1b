"""Check one YAML mapping against the fields it may hold, collecting every problem."""
import datetime
import difflib
from dataclasses import dataclass

import yaml

from game.bank.errors import BankError
from game.bank.yamlsafe import PLAIN_TAGS

_BOOL_WORDS = "yes/no, on/off and true/false"


@dataclass(frozen=True)
class Field:
    """kind is one of: text, date, whole, switch, texts, choice, choices."""

    kind: str
    required: bool = True
    allowed: tuple[str, ...] = ()
    low: int = 0
    high: int = 0
    expect: str = ""


def suggest(word: str, options) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
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
        "int": f"the number {node.value}",
        "float": f"the number {node.value}",
    }.get(tag, f"the text '{_clip(node.value)}'")


def _clip(text: str, size: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= size else text[: size - 1] + "…"


class Reader:
    """Reads mappings from one file, appending problems to a shared list."""

    def __init__(self, path: str, errors: list[BankError]):
        self.path = path
        self.errors = errors

    def error(self, node: yaml.Node, message: str) -> None:
        mark = node.start_mark
        self.errors.append(BankError(self.path, mark.line + 1, mark.column + 1, message))

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
                self.error(key, f"unknown field '{name}' in {what}"
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

    def _value(self, node, name, spec: Field, what):
        if node.tag not in PLAIN_TAGS:
            return None  # reported when the file was read
        where = f"'{name}' in {what}"
        if spec.kind in ("texts", "choices"):
            if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
                return ()
            if not isinstance(node, yaml.SequenceNode):
                self.error(node, f"{where} should be a list, like {spec.expect}; "
                                 f"found {kind_of(node)}")
                return None
            items = [self._scalar(item, f"an item of {where}",
                                  Field("choice" if spec.kind == "choices" else "text",
                                        allowed=spec.allowed, expect=spec.expect))
                     for item in node.value]
            return None if None in items else tuple(items)
        return self._scalar(node, where, spec)

    def _scalar(self, node, where, spec: Field):
        if node.tag not in PLAIN_TAGS:
            return None  # reported when the file was read
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, f"{where} should be {spec.expect}; found {kind_of(node)}")
            return None
        tag = node.tag.rsplit(":", 1)[-1]
        if tag == "null" or (tag == "str" and not node.value.strip()):
            self.error(node, f"{where} is empty; expected {spec.expect}")
            return None
        if spec.kind == "switch":
            # YAML 1.1 also reads yes/no and on/off as true/false: all are accepted.
            if tag == "bool":
                return yaml.constructor.SafeConstructor().construct_yaml_bool(node)
            self.error(node, f"{where} should be {spec.expect}; found {kind_of(node)}")
            return None
        if spec.kind == "whole":
            if tag != "int":
                self.error(node, f"{where} should be a whole number from {spec.low} to "
                                 f"{spec.high}; found {kind_of(node)}")
                return None
            number = yaml.constructor.SafeConstructor().construct_yaml_int(node)
            if not spec.low <= number <= spec.high:
                self.error(node, f"{where} is {number}; expected a whole number from "
                                 f"{spec.low} to {spec.high}")
                return None
            return number
        if tag == "bool":
            self.error(node, f"{where} should be {spec.expect}; found {kind_of(node)}")
            return None
        if tag == "timestamp":
            if spec.kind != "date":
                self.error(node, f"{where} should be {spec.expect}; found the date "
                                 f"{node.value} (put quotes around it)")
                return None
            parsed = yaml.constructor.SafeConstructor().construct_yaml_timestamp(node)
            return parsed.isoformat() if isinstance(parsed, datetime.date) else str(parsed)
        # Numbers and text are kept exactly as typed: "1979" stays "1979".
        text = node.value.strip()
        if spec.kind == "choice" and text not in spec.allowed:
            listed = ", ".join(spec.allowed)
            self.error(node, f"{where} is '{_clip(text)}'; expected one of: {listed}"
                             + suggest(text, spec.allowed))
            return None
        return text
