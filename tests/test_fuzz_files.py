"""Issue 10, section 6: the shipped question files and presets, mutated the ways a
careful tester breaks them. Whatever comes out, the loader gives
only positioned problems (BankError, line and column from 1), never another exception,
never its own 'internal error' (the last resort must not be what holds), and each call
takes under 2 s and 200 MB. A clean result's questions are generated too.

A seeded mutator, not hypothesis: the same cases every run, in a fixed time (about 20 s);
change SEED locally to explore, and add what it finds to tests/data/hostile/."""
import random
import re
import time
import tracemalloc
from pathlib import Path

import pytest

from conftest import ROOT
from game.bank.errors import BankError
from game.bank.models import Bank, FileResult
from game.quiz.presets import FIELDS, load_preset
from game.bank.reading import parse
from game.bank.schema import ARTICLE, QUESTION, STATEMENT, TOP
from game.quiz.questions import generate

SEED = 10
CASES = 100                 # per file: about 20 s in all
SECONDS, BYTES = 2.0, 200 * 2**20

QUESTION_FILES = sorted((ROOT / "questions").glob("*.yaml"))
PRESETS = sorted((ROOT / "questions" / "presets").glob("*.yaml"))

KEYS = sorted({*TOP, *ARTICLE, *STATEMENT, *QUESTION, *FIELDS}) + [
    "explaination", "Label", "statement", "<<", "? x", "- id", "ïd", ""]
TAGS = ["!!int", "!!bool", "!!timestamp", "!!float", "!!null", "!!str", "!!seq", "!!map",
        "!!binary", "!!set", "!!omap", "!!pairs", "!!merge", "!!python/object:os.system",
        "!!python/object/apply:os.system", "!!python/name:os.system", "!local",
        "!<tag:yaml.org,2002:int>", "!<tag:example.com,2000:x>"]
VALUES = ["", "~", "null", "yes", "maybe", "0", "-1", "3", "0x3", "0b11", "03", "1:30",
          "1_0", "0b_", "_", "1.5", ".inf", ".nan", "2026-13-45", "2026-02-30",
          "2026-01-01 25:61:61", "0000-01-01", "2024-08-05", "'x'", '"\\0"', '"\\x00"',
          "[]", "{}", "[a, b]", "{a: 1}", "-", "|", ">", "&a x", "*a", "*nowhere", "? x",
          '"\\ud800"', "'", '"', "#", "@", "`", "%", "not stated", "FILL IN"]
_VALUE_LINE = re.compile(r"^(\s*(?:-\s+)?)([^:#\n]+):(?:[ \t]+(.*?))?[ \t]*$")


def _huge(rng: random.Random) -> str:
    return rng.choice([
        lambda: "9" * rng.choice([31, 4_301, 5_000]),
        lambda: rng.choice(["0x", "0b", "0", "-0x"]) + "1" * rng.choice([64, 5_000]),
        lambda: "1" + ":0" * rng.choice([30, 30_000, 300_000]),
        lambda: "x" * rng.choice([201, 301, 1_501, 2_001, 50_000, 900_000]),
        lambda: '"' + "word " * rng.choice([400, 20_000]) + '"',
        lambda: "2026-01-01 10:00:00." + "9" * rng.choice([10, 100_000]),
        lambda: "[" + ", ".join(["x"] * rng.choice([31, 1_001, 20_000])) + "]",
    ])()


def _value_lines(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if _VALUE_LINE.match(line.rstrip("\n"))]


def _set_value(lines, i, make) -> None:
    """Replace line i's value by make(old value)."""
    match = _VALUE_LINE.match(lines[i].rstrip("\n"))
    lead, key, value = match.group(1), match.group(2), match.group(3) or ""
    lines[i] = f"{lead}{key}: {make(value)}\n"


def mutate(text: str, rng: random.Random) -> bytes:
    """One to three mutations of the kinds issue 10 lists."""
    for _ in range(rng.choice([1, 1, 2, 3])):
        lines = text.splitlines(keepends=True) or ["\n"]
        values = _value_lines(lines) or [0]
        kind = rng.choice(["flip", "delete", "duplicate", "rename", "swap", "tag", "huge",
                           "alias", "value"])
        i, n = rng.randrange(len(lines)), rng.randrange(len(values))
        v = values[n]
        if kind == "flip":
            data = bytearray(text.encode("utf-8"))
            for _ in range(rng.randint(1, 8)):
                if data:
                    data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
            return bytes(data)        # bytes that may not be UTF-8 end the mutations
        if kind == "delete":
            del lines[i:i + rng.randint(1, 3)]
        elif kind == "duplicate":
            span = lines[i:i + rng.randint(1, 5)]
            lines[i:i] = span * rng.choice([1, 2, 50])
        elif kind == "rename" and _VALUE_LINE.match(lines[v].rstrip("\n")):
            match = _VALUE_LINE.match(lines[v].rstrip("\n"))
            lines[v] = f"{match.group(1)}{rng.choice(KEYS)}: {match.group(3) or ''}\n"
        elif kind == "swap" and _VALUE_LINE.match(lines[v].rstrip("\n")):
            _set_value(lines, v, lambda old: rng.choice(
                [f"[{old}]", f"{{x: {old}}}", "scalar", f"\n  - {old}", f"\n    k: {old}"]))
        elif kind == "tag" and _VALUE_LINE.match(lines[v].rstrip("\n")):
            _set_value(lines, v, lambda old: f"{rng.choice(TAGS)} {old or rng.choice(VALUES)}")
        elif kind == "huge" and _VALUE_LINE.match(lines[v].rstrip("\n")):
            _set_value(lines, v, lambda old: _huge(rng))
        elif kind == "value" and _VALUE_LINE.match(lines[v].rstrip("\n")):
            _set_value(lines, v, lambda old: rng.choice(VALUES))
        elif kind == "alias" and len(values) > 1 and _VALUE_LINE.match(lines[v].rstrip("\n")):
            _set_value(lines, v, lambda old: f"&a {old or 'x'}")
            for w in rng.sample(values, min(len(values), rng.choice([1, 3, 10]))):
                if w != v:
                    _set_value(lines, w, lambda old: rng.choice(
                        ["*a", "[" + ", ".join(["*a"] * rng.choice([2, 1_000, 20_000])) + "]"]))
        text = "".join(lines)
    return text.encode("utf-8", "surrogatepass")


def _positioned(problems, path) -> None:
    assert all(isinstance(p, BankError) for p in problems)
    for p in problems:
        assert p.path == str(path) and p.line >= 1 and p.column >= 1, p
        assert p.message and "internal error" not in p.message, str(p)[:300]


def _measured(call):
    """call's result, its seconds, and the most memory it held at once in bytes: timed
    first, then run again traced, as tracing slows it several times over."""
    start = time.perf_counter()
    result = call()
    took = time.perf_counter() - start
    tracemalloc.start()
    try:
        call()
        return result, took, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _cases(path: Path):
    rng = random.Random(f"{SEED}:{path.name}")
    text = path.read_text(encoding="utf-8")
    for n in range(CASES):
        yield n, mutate(text, rng)


@pytest.mark.parametrize("path", QUESTION_FILES, ids=[p.name for p in QUESTION_FILES])
def test_mutated_question_files_give_only_positioned_problems(path):
    # The original path, so that its article text is found and quotes are checked.
    for n, data in _cases(path):
        result, took, peak = _measured(lambda: parse(path, data))
        assert isinstance(result, FileResult)
        _positioned(result.errors, path)
        assert took < SECONDS and peak < BYTES, (n, took, peak / 2**20, data[:300])
        if not result.errors:
            bank = Bank({result.article.id: result.article}, result.statements,
                        result.questions)
            assert generate(bank), n


@pytest.mark.parametrize("path", PRESETS, ids=[p.name for p in PRESETS])
def test_mutated_presets_give_only_positioned_problems(path, bank, tmp_path):
    copy = tmp_path / path.name
    for n, data in _cases(path):
        copy.write_bytes(data)
        (preset, problems), took, peak = _measured(lambda: load_preset(copy, bank))
        _positioned(problems, copy)
        assert (preset is None) == bool(problems), n
        assert took < SECONDS and peak < BYTES, (n, took, peak / 2**20, data[:300])
