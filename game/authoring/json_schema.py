"""JSON Schemas for question files and presets, generated from the loader's own field
tables (game.bank.schema, game.quiz.presets.FIELDS), so that an editor checks what the
loader checks and the two cannot drift apart.

    python -m game.authoring.json_schema            # (re)write docs/*.schema.json
    python -m game.authoring.json_schema --check    # exit 1 if they are out of date

The files are committed, as an editor reads them from the `# yaml-language-server:
$schema=...` line at the top of each YAML file; tests/test_schema.py fails when they
differ from what this module generates. Draft 7, as the YAML extension for VS Code
supports it fully."""
import argparse
import json
import os
import re
import sys
from pathlib import Path

from game.bank import schema
from game.bank.fields import Field
from game.bank.models import PLACEHOLDER
from game import shipped
from game.bank.reading import _ID
from game.quiz.presets import FIELDS

DOCS = shipped.DOCS
QUESTION_SCHEMA, PRESET_SCHEMA = shipped.SCHEMAS
DRAFT = "http://json-schema.org/draft-07/schema#"
LINE_START = "# yaml-language-server: $schema="

# The loader reads these as true/false (YAML 1.1) where an editor, reading YAML 1.2, sees
# text; the schema accepts both so that a file the loader takes is never marked wrong.
_YES = ("yes", "on", "true")
_NO = ("no", "off", "false")


def _spellings(words) -> str:
    every = [w for word in words for w in (word, word.capitalize(), word.upper())]
    return "^(" + "|".join(every) + ")$"


# What a teacher reads when hovering over a field, where the loader's own words (its
# `expect`, made for error messages) are too short. Keyed by "table.field".
NOTES = {
    "article.id": "A short, unique name for the article: letters, digits, '-', '_' and "
                  "'.', no spaces. Statement ids usually start with it.",
    "article.title": "Optional: a short name for menus. Without it the headline is used.",
    "article.headline": "The headline exactly as printed, or \"not stated\" when the copy "
                        "has none.",
    "article.outlet": "Who published it, or \"not stated\". Say how you know when it is "
                      "only implied: \"The Inquisitr (implied by the text, not stated)\".",
    "article.author": "The byline, or \"not stated\".",
    "article.date": "The date as printed (\"August 05, 2024\"), or \"not stated\".",
    "article.genre": "What kind of article it is. Players are asked this; see "
                     "docs/question-format.md.",
    "article.genre_also_fits": "Optional: other genres a fair reader could pick. They are "
                               "never offered as wrong answers.",
    "article.genre_explanation": "Why this genre, in a sentence or two a student can "
                                 "follow. Shown after the genre question.",
    "article.provenance": "What the text does and does not tell a reader about where it "
                          "came from: one item per observation.",
    "article.text_file": "Optional: the article as a plain-text file, beside this file or "
                         "in questions/articles/. When it is found, every statement's text "
                         "is checked against it.",
    "statement.id": "Unique across all files; never reuse an old id (results refer to "
                    "it). Letters, digits, '-', '_' and '.', no spaces.",
    "statement.text": "Copied exactly from the article, with its curly quotes and dashes. "
                      "Inside double quotes write a straight \" as \\\" and a backslash as "
                      "\\\\.",
    "statement.label": "fact: checkable, evidence could prove or disprove it (even if it is "
                       "false). opinion: a judgment, belief, value, prediction or motive "
                       "that evidence cannot settle. A report of someone's opinion is a "
                       "fact (whether they said it can be checked).",
    "statement.source": "Who the text attributes the claim to, in the article's own terms. "
                        "\"the author\" when nobody is named. Write the same source the same "
                        "way in every statement: the others are used as wrong answers.",
    "statement.source_kind": "news outlet, official (document or agency), social media, "
                             "interview or speech, anonymous (\"some experts\"), or author "
                             "(nobody is named).",
    "statement.source_also_fits": "Optional: at most two other answers to \"who is the "
                                  "source?\" that a fair reader could give, each with why "
                                  "the statement's own source is better. They are offered "
                                  "and earn half the points, with that why.",
    "also.source": "Another answer a fair reader could give: a source written as the "
                   "file's sources are, or \"the author\" for \"no source: the author's "
                   "own claim\". Never the statement's own source.",
    "also.why": "What a player who gives this answer reads: why the statement's own "
                "source is the better answer, in a sentence a student can follow.",
    "statement.cues": "The words that carry the judgment, each copied exactly from 'text' "
                      "(same capitals). A plain item is the writer's own judgment; words "
                      "the writer quotes or relays are written {words: ..., by: ...} with "
                      "the statement's source or a name the text gives. Required for "
                      "opinions; optional for facts that report someone else's judgment, "
                      "whose cues all name their owner.",
    "cue.words": "The words, copied exactly from 'text' (same capitals).",
    "cue.by": "Whose judgment the words are: the statement's source, or someone its text "
              "names (e.g. \"Trump\"). Leave it out for the writer's own words.",
    "statement.context": "Optional: the article's own words just before and just after the "
                         "quote, so that players see the sentences around it where the "
                         "article's text is not (an installed game, a copy of your files). "
                         "`run.py context FILE` writes it from the article; validate checks "
                         "it against the article when the article is found.",
    "around.before": "The article's words just before the quote, copied exactly: a sentence "
                     "or two, and the start of the quote's own sentence when the quote "
                     "starts inside one. Keep the space or line break (\\n) that comes "
                     "just before the quote. Leave it out when the quote starts the "
                     "article.",
    "around.after": "The article's words just after the quote, copied exactly: the rest of "
                    "the quote's own sentence, then a sentence or two. Start with the space "
                    "or line break (\\n) that comes just after the quote. Leave it out when "
                    "the quote ends the article.",
    "statement.difficulty": "1 easy, 2 medium, 3 hard.",
    "statement.explanation": "One to three sentences a fifteen-year-old can follow about "
                             "the language and the sourcing: why it is checkable or not, "
                             "where the claim comes from.",
    "statement.record": "Optional: for a checkable claim that is wrong or garbled (it stays "
                        "a fact), what the record shows and where to check it, e.g. \"CNN "
                        "broke the story on 15 December 2023.\" Shown under 'What the "
                        "record shows'.",
    "statement.reviewed": "Optional: false marks a draft (from `run.py new-article`). "
                          "validate counts it, the game never plays it, and it may still "
                          "lack cues or hold FILL IN. Write true, or remove the line, once "
                          "you have checked it.",
    "question.id": "Unique across all files, like a statement id.",
    "question.prompt": "The question to ask.",
    "question.choices": "Two or more choices, each different.",
    "question.answer": "The right answer: one of 'choices', copied exactly.",
    "question.explanation": "Shown after the question is answered.",
    "question.difficulty": "1 easy, 2 medium, 3 hard; 2 if left out.",
    "preset.title": "Optional: a line shown to the players.",
    "preset.articles": "Which articles, by the 'id:' under 'article:' in questions/*.yaml. "
                       "Leave it out for every article.",
    "preset.skills": "Which kinds of question. Leave it out for all of them.",
    "preset.difficulty": "The hardest questions to include (each level includes the "
                         "easier ones); hard if left out.",
    "preset.questions": "How many questions; 10 if left out.",
    "preset.timer": "off, or seconds per question; off if left out.",
    "preset.confidence": "true to ask \"how sure are you?\" after each answer; false if "
                         "left out.",
    "preset.speed_points": "true to give extra points for fast answers; false if left out.",
    "preset.show_scores": "false to hide scores until the end of the round; true if left "
                          "out.",
    "preset.seed": "Any whole number. The same seed gives every student the same questions "
                   "in the same order; change it for a different set.",
}

# Values for an editor to offer, taken from the shipped files.
EXAMPLES = {
    "article.id": ["osaka-repost"],
    "article.headline": ["Why Putin needs Trump victory", "not stated"],
    "article.outlet": ["CNN", "not stated"],
    "article.author": ["Yelena Korshunov", "not stated"],
    "article.date": ["August 05, 2024", "not stated"],
    "article.provenance": [["No byline and no date."]],
    "article.text_file": ["003_6d146059d4ad170a.txt"],
    "statement.id": ["osaka-01"],
    "statement.source": ["the author", "The Washington Post"],
    "statement.source_also_fits": [[{"source": "Donald Trump",
                                     "why": "The quoted words are Trump’s, but the sentence "
                                            "gives them as Bolton’s account."}]],
    "statement.cues": [["bizarre", {"words": "cheerleader and apologist",
                                    "by": "The Washington Post"}], []],
    "question.id": ["osaka-q1"],
    "question.choices": [["A byline", "A date", "Neither"]],
    "preset.articles": [["cnn-37-times", "resist-brief"]],
    "preset.seed": [42],
}

# Rules the loader checks in code (game/bank/reading.py) rather than in its field tables.
_REQUIRED_SECTIONS = ["article", "statements"]


def _id_pattern() -> str:
    return "^" + _ID.pattern.removesuffix(r"\Z") + "$"


def _text() -> dict:
    # The loader keeps a number as typed ("1979"), so a number is text too.
    return {"type": ["string", "number"], "pattern": r"\S"}


# A value a generated file left for the teacher (reading.py's _unfilled).
_UNFILLED = {"not": {"type": "string", "pattern": r"^\s*" + re.escape(PLACEHOLDER)}}
_TRUE = {"anyOf": [{"const": True}, {"type": "string", "pattern": _spellings(_YES)}]}


def _filled(fields: dict[str, Field]) -> dict:
    """For each text field: no placeholder left in it."""
    return {name: {"items": _UNFILLED} if spec.kind in ("texts", "cues") else _UNFILLED
            for name, spec in fields.items()
            if spec.kind in ("text", "date", "texts", "cues")}


def _statement() -> dict:
    statement = _object("statement", schema.STATEMENT, "A statement")
    # A draft ('reviewed: false') may lack cues and keep placeholders; the rest may not.
    reviewed = {"reviewed": _TRUE} if "reviewed" in schema.STATEMENT else {}
    statement["allOf"] = [
        {"if": {"properties": {"label": {"const": "opinion"}, **reviewed},
                "required": ["label"]},
         "then": {"required": ["cues"], "properties": {"cues": {"minItems": 1}}}},
        {"if": {"properties": reviewed},
         "then": {"properties": _filled(schema.STATEMENT)}},
    ]
    return statement


def _limited(spec: Field) -> dict:
    """A text field's schema, with the loader's length limit (issue 10: a 900 KB headline
    passed validate, then took the game 43 s and 2.9 GB)."""
    if not spec.most:
        raise ValueError(f"the text field ({spec.expect!r}) has no length limit: give it "
                         "one ('most') in its table")
    return {**_text(), "maxLength": spec.most}


def _value(spec: Field) -> dict:
    """The JSON Schema for one field's value, by the loader's kind of field."""
    if spec.kind in ("text", "verbatim", "date"):
        return _limited(spec)
    if spec.kind == "whole":
        return {"type": "integer", "minimum": spec.low, "maximum": spec.high}
    if spec.kind == "choice":
        return {"enum": list(spec.allowed)}
    if spec.kind in ("texts", "choices"):
        if not spec.items:
            raise ValueError(f"the list field ({spec.expect!r}) has no limit on its items: "
                             "give it one ('items') in its table")
        item = {"enum": list(spec.allowed)} if spec.allowed else \
            _limited(spec) if spec.kind == "texts" else _text()
        # An empty value ('cues:') is read as an empty list.
        return {"type": ["array", "null"], "items": item, "maxItems": spec.items}
    if spec.kind == "cues":
        # A plain text (the writer's words) or {words, by}, as fields.Reader._cue reads.
        owned = _object("cue", spec.parts, "Words someone the writer quotes or relays")
        item = {"anyOf": [_limited(spec), owned]}
        return {"type": ["array", "null"], "items": item, "maxItems": spec.items}
    if spec.kind == "group":
        return _object("around", spec.parts, "The article's words around the quote")
    if spec.kind == "groups":
        group = _object("also", spec.parts, "Another answer, and why the source is better")
        return {"type": ["array", "null"], "items": group, "maxItems": spec.items}
    if spec.kind == "switch":
        return {"anyOf": [{"type": "boolean"},
                          {"type": "string", "pattern": _spellings(_YES + _NO)}]}
    if spec.kind == "timer":
        return {"anyOf": [{"type": "integer", "minimum": spec.low, "maximum": spec.high},
                          {"const": False},
                          {"type": "string", "pattern": _spellings(_NO)}]}
    raise ValueError(f"no JSON Schema for the field kind '{spec.kind}': add it to "
                     "game/authoring/json_schema.py")


def _object(table: str, fields: dict[str, Field], title: str,
            placeholders: bool = True) -> dict:
    """placeholders=False: a text field may not still hold PLACEHOLDER."""
    properties = {}
    for name, spec in fields.items():
        key = f"{table}.{name}"
        prop = _value(spec)
        prop["description"] = NOTES.get(key) or (spec.expect or name).capitalize()
        if key in EXAMPLES:
            prop["examples"] = EXAMPLES[key]
        if name == "id":
            prop["pattern"] = _id_pattern()
        if not placeholders and spec.kind == "texts":
            prop["items"] = {**prop["items"], **_UNFILLED}
        elif not placeholders and spec.kind in ("text", "date"):
            prop.update(_UNFILLED)
        properties[name] = prop
    return {
        "title": title,
        "type": "object",
        "properties": properties,
        "required": [name for name, spec in fields.items() if spec.required],
        "additionalProperties": False,
    }


def _items(definition: str, description: str, **extra) -> dict:
    return {"type": ["array", "null"], "description": description,
            "items": {"$ref": f"#/definitions/{definition}"}, "maxItems": schema.MAX_ITEMS,
            **extra}


def question_file_schema() -> dict:
    question = _object("question", schema.QUESTION, "A hand-written question",
                       placeholders=False)
    question["properties"]["choices"]["minItems"] = 2
    question["properties"]["choices"]["uniqueItems"] = True
    sections = {
        "article": {"$ref": "#/definitions/article",
                    "description": "Who published the article, when, and what kind it is."},
        "statements": _items("statement", "Sentences quoted from the article, each with "
                                          "a label, a source and an explanation; the game "
                                          "turns each into several questions."),
        "questions": _items("question", "Optional: multiple-choice questions written out "
                                        "in full."),
    }
    assert set(sections) == set(schema.TOP), "a section of schema.TOP has no schema here"
    return {
        "$schema": DRAFT,
        "$comment": "Generated by `python run.py schema` from game/bank/schema.py; "
                    "do not edit by hand.",
        "title": "Byline question file",
        "description": "One article and its statements. Format: docs/question-format.md",
        "type": "object",
        "properties": sections,
        "required": _REQUIRED_SECTIONS,
        "additionalProperties": False,
        "definitions": {
            "article": _object("article", schema.ARTICLE, "The article",
                               placeholders=False),
            "statement": _statement(),
            "question": question,
        },
    }


def preset_schema() -> dict:
    preset = _object("preset", FIELDS, "Byline round preset")
    preset["properties"]["skills"]["minItems"] = 1      # presets.py: "lists no skills"
    return {
        "$schema": DRAFT,
        "$comment": "Generated by `python run.py schema` from game/quiz/presets.py; "
                    "do not edit by hand.",
        **preset,
        "description": "One round that every student plays the same way: "
                       "python run.py --preset NAME. Format: README.md (Presets).",
    }


def rendered() -> dict[Path, str]:
    """Each schema file and the text it should hold."""
    return {path: json.dumps(made, indent=2, ensure_ascii=False) + "\n"
            for path, made in ((QUESTION_SCHEMA, question_file_schema()),
                               (PRESET_SCHEMA, preset_schema()))}


def schema_line(yaml_file, schema_file=QUESTION_SCHEMA) -> str:
    """The first line of a YAML file that points an editor at its schema, relative so that
    it works wherever the folder is copied: the project's own inside the project, else the
    copy in the file's folder or the one above (a teacher's question folder keeps one,
    game.bank.folders); an absolute path when there is none."""
    folder = Path(yaml_file).resolve().parent
    schema_file = Path(schema_file)
    if not folder.is_relative_to(shipped.ROOT):
        copy = next((f / schema_file.name for f in (folder, folder.parent)
                     if (f / schema_file.name).is_file()), None)
        if copy is None:
            return LINE_START + schema_file.resolve().as_posix()
        schema_file = copy
    return LINE_START + os.path.relpath(schema_file, folder).replace(os.sep, "/")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="run.py schema", description="Write the JSON Schemas editors use to check "
                                          "question files and presets.")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if a schema file is out of date")
    args = parser.parse_args(argv)
    return write(check=args.check)


def write(check: bool = False) -> int:
    if shipped.PACKAGED and not check:
        print(f"The schemas come with this Byline, in {shipped.DOCS}, and a teacher's "
              "question folder gets a copy; `schema` writes them in a checkout of Byline's "
              "source.", file=sys.stderr)
        return 1
    stale = 0
    for path, text in rendered().items():
        name = os.path.relpath(path)
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            print(f"{name} is up to date")
        elif check:
            print(f"{name} is out of date; run: python run.py schema", file=sys.stderr)
            stale = 1
        else:
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"Wrote {name}")
    return stale


if __name__ == "__main__":
    sys.exit(main())
