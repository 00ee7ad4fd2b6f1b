"""Round presets: a teacher's YAML file that fixes one round, so that every student who
plays it (`run.py --preset week3`) gets the same questions in the same order.

A preset is read like a question file (yamlsafe, then fields.Reader) and checked against
the loaded bank: its articles must exist and it must find as many questions as it asks
for. The fields are listed in README.md ("Presets"). Nothing here writes to a file."""
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from game import shipped
from game.bank import load_bank, question_files
from game.bank.errors import BankError, collapse
from game.bank.fields import BOOLS, Field, Reader, TooMany, kind_of, misfit, stopped
from game.bank.models import Bank
from game.bank.reading import internal_error
from game.bank.yamlsafe import MAX_BYTES, PLAIN_TAGS, compose, decode
from game.files import FileProblem, read_file
from game.quiz.round import (DIFFICULTIES, MAX_QUESTIONS, MIN_QUESTIONS, PLAYABLE_SKILLS,
                             RoundSetup, build_round)

PRESET_DIR = shipped.PRESETS
LEVELS = {name.lower(): level for level, name in DIFFICULTIES.items()}
TIMER_LOW, TIMER_HIGH = 10, 180

FIELDS = {
    "title": Field("text", required=False, expect="a short text for the players", most=200),
    # allowed: the bank's article ids, filled in when a preset is read
    "articles": Field("choices", required=False, expect="[cnn-37-times, resist-brief]",
                      items=1_000),
    "skills": Field("choices", required=False, allowed=PLAYABLE_SKILLS,
                    expect="[fact_or_opinion, opinion_words]", items=20),
    "difficulty": Field("choice", required=False, allowed=tuple(LEVELS),
                        expect="easy, medium or hard"),
    "questions": Field("whole", required=False, low=MIN_QUESTIONS, high=MAX_QUESTIONS,
                       expect=f"a whole number from {MIN_QUESTIONS} to {MAX_QUESTIONS}"),
    "timer": Field("timer", required=False, low=TIMER_LOW, high=TIMER_HIGH,
                   expect=f"off, or a number of seconds from {TIMER_LOW} to {TIMER_HIGH}"),
    "confidence": Field("switch", required=False, expect="true or false"),
    "speed_points": Field("switch", required=False, expect="true or false"),
    "show_scores": Field("switch", required=False, expect="true or false"),
    "seed": Field("whole", low=0, high=999_999_999,
                  expect="a whole number such as 42: the same seed gives every student "
                         "the same questions in the same order"),
}


@dataclass(frozen=True)
class Preset:
    setup: RoundSetup
    title: str = ""


class _Reader(Reader):
    """fields.Reader, plus the kind only a preset has: a timer (off, or a number of
    seconds)."""

    def _scalar(self, node, where, spec: Field):
        if spec.kind != "timer" or node.tag not in PLAIN_TAGS \
                or not isinstance(node, yaml.ScalarNode) or misfit(node):
            return super()._scalar(node, where, spec)     # which says what is wrong
        tag = node.tag.rsplit(":", 1)[-1]
        if tag == "bool":
            if not BOOLS[node.value.lower()]:
                return False     # not None, for 'timer: off': None means a problem
            self.error(node, f"{where} is '{node.value}'; expected {spec.expect}")
            return None
        if tag == "int":
            return super()._scalar(node, where, replace(spec, kind="whole"))
        if tag == "null" or not node.value.strip():
            return super()._scalar(node, where, spec)     # empty: said there
        self.error(node, f"{where} should be {spec.expect}; found {kind_of(node)}")
        return None


def preset_files(folder=PRESET_DIR) -> list[Path]:
    return question_files([folder])[0] if Path(folder).is_dir() else []


def find_preset(name: str, folders=(PRESET_DIR,)) -> Path | None:
    """NAME is a preset's file name without '.yaml' ('week3'), or a path to a .yaml file.
    By name, the last of the preset folders that has it wins (game.bank.folders).

    Whatever is there, file or not: load_preset says what it is."""
    given = Path(name)
    if given.suffix in (".yaml", ".yml"):
        candidates = [given]
    else:
        candidates = [Path(folder) / f"{name}{suffix}" for folder in reversed(folders)
                      for suffix in (".yaml", ".yml")]
    return next((p for p in candidates if os.path.lexists(p)), None)


def load_preset(path, bank: Bank) -> tuple[Preset | None, list[BankError]]:
    """The preset in the file, or None and every problem found in it.

    As with question files (game.bank.reading.parse), anything the checks missed is still
    a problem of this file, never an exception."""
    name = str(path)
    errors: list[BankError] = []
    try:
        preset = _load(name, bank, errors)
    except TooMany:
        preset, errors = None, [*errors, stopped(name, errors)]
    except Exception as exc:
        preset, errors = None, [*errors, BankError(name, 1, 1, internal_error(exc))]
    return (preset, []) if preset and not errors else (None, collapse(errors))


def open_preset(name: str, places):
    """`run.py --preset NAME`: the preset called name, in places (game.bank.folders.Folders)
    and checked against the bank the game loads from them; or None and the exit code, with
    the reason printed, before any window opens."""
    path = find_preset(name, places.presets)
    if path is None:
        names = ", ".join(sorted({p.stem for folder in places.presets
                                  for p in preset_files(folder)})) or "none yet"
        where = ", ".join(f"{os.path.relpath(f)}{os.sep}" for f in places.presets)
        print(f"No preset '{name}'. The presets in {where} are: {names}", file=sys.stderr)
        return None, 2
    preset, problems = load_preset(path, load_bank(places.questions).bank)
    for problem in problems:
        print(problem, file=sys.stderr)
    return preset, 1 if problems else 0


def _load(name: str, bank: Bank, errors: list[BankError]) -> Preset | None:
    """The preset, or None with its problems added to errors (kept there, even if this is
    interrupted, for load_preset to report)."""
    try:
        data = read_file(name, MAX_BYTES, "a preset")
    except FileProblem as problem:
        errors.append(BankError(name, 1, 1, str(problem)))
        return None
    text, found = decode(name, data)
    errors += found
    if text is None:
        return None
    root, found = compose(name, text)
    if root is None and found and found[0].message.startswith("the file is empty"):
        # yamlsafe's wording is for question files.
        found = [BankError(name, 1, 1, "the preset is empty; expected fields such as "
                                       "'skills:', 'questions:' and 'seed:'")]
    errors += found
    if root is None or root.tag not in PLAIN_TAGS:
        return None
    reader = _Reader(name, errors)
    fields = dict(FIELDS, articles=replace(FIELDS["articles"], allowed=tuple(bank.articles)))
    values, nodes = reader.mapping(root, fields, "the preset")
    if values is not None and values.get("skills") == ():
        reader.error(nodes["skills"], "'skills' in the preset lists no skills; list at least "
                                      "one of: " + ", ".join(PLAYABLE_SKILLS))
    if errors:
        return None
    chosen = values.get("skills", PLAYABLE_SKILLS)
    setup = RoundSetup(
        articles=values.get("articles", ()),
        # The order a teacher lists skills in must not change the round.
        skills=tuple(s for s in PLAYABLE_SKILLS if s in chosen),
        max_difficulty=LEVELS[values.get("difficulty", "hard")],
        count=values.get("questions", RoundSetup.count),
        timer_seconds=values.get("timer") or None,
        confidence=values.get("confidence", RoundSetup.confidence),
        speed_points=values.get("speed_points", RoundSetup.speed_points),
        show_scores=values.get("show_scores", RoundSetup.show_scores),
        seed=values["seed"])
    found = len(build_round(bank, setup))
    if found < setup.count:
        asked = f"'questions: {setup.count}'" + ("" if "questions" in nodes else " (the default)")
        reader.error(nodes.get("questions", root),
                     f"this preset finds only {found} questions for {asked}; ask for fewer, "
                     "or add articles or skills, or a harder difficulty")
        return None
    return Preset(setup, values.get("title", ""))
