"""The JSON Schemas editors use (docs/*.schema.json) stay in step with the loader: they are
what game.authoring.json_schema generates from the loader's field tables, every shipped file
passes them, and every field the loader accepts is in them (and nothing else is)."""
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import DATA, ROOT
from game.authoring import json_schema
from game.bank import load_bank, schema
from game.quiz.presets import FIELDS, PRESET_DIR, load_preset, preset_files

QUESTION_FILES = sorted((ROOT / "questions").glob("*.yaml"))
PRESETS = preset_files()
TABLES = {"article": schema.ARTICLE, "statement": schema.STATEMENT, "cue": schema.CUE,
          "also": schema.ALSO_SOURCE, "around": schema.AROUND, "question": schema.QUESTION,
          "preset": FIELDS}


def committed(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def question_schema() -> dict:
    return committed(json_schema.QUESTION_SCHEMA)


def preset_schema() -> dict:
    return committed(json_schema.PRESET_SCHEMA)


def objects() -> dict[str, dict]:
    """Each table's object in the committed schema files."""
    definitions = question_schema()["definitions"]
    return {"article": definitions["article"], "statement": definitions["statement"],
            "question": definitions["question"], "preset": preset_schema(),
            "cue": definitions["statement"]["properties"]["cues"]["items"]["anyOf"][1],
            "also": definitions["statement"]["properties"]["source_also_fits"]["items"],
            "around": definitions["statement"]["properties"]["context"]}


def as_data(node: yaml.Node, yaml12: bool = False):
    """A YAML node tree as plain data, read as the loader reads it (YAML 1.1: 'yes' is
    true) or as an editor does by default (YAML 1.2: 'yes' is text). A timestamp stays
    text, as the loader keeps it."""
    if isinstance(node, yaml.MappingNode):
        return {k.value: as_data(v, yaml12) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [as_data(item, yaml12) for item in node.value]
    tag = node.tag.rsplit(":", 1)[-1]
    if tag == "bool" and yaml12 and node.value.lower() not in ("true", "false"):
        return node.value
    if tag in ("int", "float", "bool", "null"):
        return yaml.constructor.SafeConstructor().construct_object(node)
    return node.value


def problems(schema_data: dict, path: Path, yaml12: bool = False) -> list[str]:
    data = as_data(yaml.compose(path.read_text(encoding="utf-8")), yaml12)
    validator = jsonschema.Draft7Validator(schema_data)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(data)]


def test_committed_schemas_are_what_the_loader_tables_generate():
    for path, text in json_schema.rendered().items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} is out of date with the loader; run: python run.py schema")


def test_schemas_are_valid_draft_7():
    for made in (question_schema(), preset_schema()):
        jsonschema.Draft7Validator.check_schema(made)
        assert made["$schema"] == json_schema.DRAFT


def test_every_loader_field_is_in_the_schema_and_nothing_else():
    assert set(question_schema()["properties"]) == set(schema.TOP)
    for table, fields in TABLES.items():
        obj = objects()[table]
        assert set(obj["properties"]) == set(fields), table
        assert obj["additionalProperties"] is False
        assert obj["required"] == [n for n, spec in fields.items() if spec.required], table


def test_enums_and_ranges_match_the_loader():
    for table, fields in TABLES.items():
        properties = objects()[table]["properties"]
        for name, spec in fields.items():
            prop = properties[name]
            if spec.kind == "choice":
                assert prop["enum"] == list(spec.allowed), f"{table}.{name}"
            if spec.kind == "choices" and spec.allowed:
                assert prop["items"]["enum"] == list(spec.allowed), f"{table}.{name}"
            if spec.kind == "whole":
                assert (prop["minimum"], prop["maximum"]) == (spec.low, spec.high)


def test_length_limits_match_the_loader():
    """Issue 10: an editor marks a 900 KB headline as the loader refuses it."""
    for table, fields in TABLES.items():
        properties = objects()[table]["properties"]
        for name, spec in fields.items():
            prop = properties[name]
            if spec.kind in ("text", "date"):
                assert spec.most and prop["maxLength"] == spec.most, f"{table}.{name}"
            if spec.kind == "texts":
                assert spec.most and prop["items"]["maxLength"] == spec.most, f"{table}.{name}"
            if spec.kind in ("texts", "choices"):
                assert spec.items and prop["maxItems"] == spec.items, f"{table}.{name}"
    for section in ("statements", "questions"):
        assert question_schema()["properties"][section]["maxItems"] == schema.MAX_ITEMS


def test_a_field_without_a_limit_is_refused_loudly():
    from game.bank.fields import Field
    with pytest.raises(ValueError, match="no length limit"):
        json_schema._value(Field("text"))
    with pytest.raises(ValueError, match="no limit on its items"):
        json_schema._value(Field("texts", most=10))


def test_every_field_is_described_and_every_note_names_a_field():
    for table, obj in objects().items():
        for name, prop in obj["properties"].items():
            assert len(prop["description"]) > 10, f"{table}.{name}"
    known = {f"{table}.{name}" for table, fields in TABLES.items() for name in fields}
    assert set(json_schema.NOTES) <= known
    assert set(json_schema.EXAMPLES) <= known


def test_examples_pass_their_own_field():
    for table, obj in objects().items():
        for name, prop in obj["properties"].items():
            for example in prop.get("examples", []):
                jsonschema.validate(example, prop)


def test_an_unknown_field_kind_is_refused_loudly():
    from game.bank.fields import Field
    with pytest.raises(ValueError, match="no JSON Schema for the field kind 'colour'"):
        json_schema._value(Field("colour"))


@pytest.mark.parametrize("yaml12", [False, True], ids=["as-the-loader-reads", "as-an-editor"])
def test_every_shipped_question_file_passes_the_schema(yaml12):
    assert QUESTION_FILES
    for path in QUESTION_FILES:
        assert problems(question_schema(), path, yaml12) == [], path.name


@pytest.mark.parametrize("yaml12", [False, True], ids=["as-the-loader-reads", "as-an-editor"])
def test_every_shipped_preset_passes_the_schema(yaml12):
    assert PRESETS
    for path in [*PRESETS, DATA / "presets" / "good.yaml"]:
        assert problems(preset_schema(), path, yaml12) == [], path.name
    assert problems(question_schema(), DATA / "good.yaml") == []


def test_yes_and_off_pass_as_the_loader_takes_them(tmp_path):
    preset = tmp_path / "p.yaml"
    preset.write_text("confidence: yes\nspeed_points: Off\ntimer: off\nseed: 1\n")
    for yaml12 in (False, True):
        assert problems(preset_schema(), preset, yaml12) == []
    preset.write_text("confidence: maybe\ntimer: on\nseed: 1\n")
    found = sorted(problems(preset_schema(), preset))
    assert len(found) == 2 and found[0].startswith("confidence") and found[1].startswith("timer")


@pytest.mark.parametrize("name, where", [
    ("bad_label.yaml", "statements/0/label"),
    ("bad_genre.yaml", "article/genre"),
    ("bad_source_kind.yaml", "statements/1/source_kind"),
    ("bad_unknown_field.yaml", "statements/0"),
    ("bad_missing_field.yaml", "statements/1"),
    ("bad_empty_field.yaml", "statements/0/explanation"),
    ("bad_wrong_type.yaml", "statements/0/difficulty"),
    ("bad_opinion_without_cues.yaml", "statements/1/cues"),
])
def test_the_schema_flags_what_the_loader_refuses_field_by_field(name, where):
    found = problems(question_schema(), DATA / name)
    assert found and found[0].split(":")[0] == where, found
    assert load_bank([DATA / name]).problems


DRAFT_OPINION = """
  - id: lib-03
    text: "The decision is a shameful betrayal of the neighbourhood’s children."
    label: opinion
    source: the author
    source_kind: author
    difficulty: 2
    explanation: "FILL IN: why it is a judgment"
"""


@pytest.mark.parametrize("reviewed", ["", "    reviewed: false\n", "    reviewed: no\n",
                                      "    reviewed: true\n"])
def test_schema_and_loader_agree_on_drafts_and_placeholders(tmp_path, reviewed):
    """A draft may lack cues and keep FILL IN; a reviewed statement, the article and a
    hand-written question may not."""
    path = tmp_path / "draft.yaml"
    good = (DATA / "good.yaml").read_text(encoding="utf-8")
    path.write_text(good.replace("\nquestions:", DRAFT_OPINION + reviewed + "\nquestions:"),
                    encoding="utf-8")
    shutil.copy(DATA / "article.txt", tmp_path / "article.txt")
    draft = "false" in reviewed or "no" in reviewed
    loader_ok = load_bank([path]).problems == []
    for yaml12 in (False, True):
        assert (problems(question_schema(), path, yaml12) == []) == loader_ok == draft
    path.write_text(good.replace('outlet: "not stated"', 'outlet: "FILL IN: who"'),
                    encoding="utf-8")
    assert load_bank([path]).problems
    assert [p.split(":")[0] for p in problems(question_schema(), path)] == ["article/outlet"]


@pytest.mark.parametrize("name", ["bad_skill.yaml", "bad_switch.yaml", "bad_timer.yaml",
                                  "bad_unknown_field.yaml", "bad_missing_seed.yaml",
                                  "bad_questions.yaml", "bad_difficulty.yaml"])
def test_the_preset_schema_flags_bad_presets(name):
    assert problems(preset_schema(), DATA / "presets" / name)


def test_every_shipped_file_starts_with_its_schema_line():
    expected = {**{p: "# yaml-language-server: $schema=../docs/question-file.schema.json"
                   for p in QUESTION_FILES},
                **{p: "# yaml-language-server: $schema=../../docs/preset.schema.json"
                   for p in PRESETS}}
    for path, line in expected.items():
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == line, path
        assert first == json_schema.schema_line(
            path, json_schema.PRESET_SCHEMA if path in PRESETS else json_schema.QUESTION_SCHEMA)
        target = path.parent / first.split("$schema=", 1)[1]
        assert target.resolve().is_file(), path


def test_the_loader_still_reads_every_shipped_file():
    result = load_bank([ROOT / "questions"])
    assert result.problems == [] and len(result.files) == len(QUESTION_FILES)
    for path in PRESETS:
        assert load_preset(path, result.bank)[1] == []
    assert PRESET_DIR == ROOT / "questions" / "presets"


def test_the_schema_line_is_relative_inside_the_project_and_absolute_outside(tmp_path):
    inside = json_schema.schema_line(ROOT / "questions" / "new.yaml")
    assert inside.endswith("$schema=../docs/question-file.schema.json")
    outside = json_schema.schema_line(tmp_path / "new.yaml")
    assert outside.endswith("$schema=" + json_schema.QUESTION_SCHEMA.resolve().as_posix())


def test_check_reports_a_stale_schema_and_writes_nothing(tmp_path, monkeypatch, capsys):
    stale = tmp_path / "question-file.schema.json"
    stale.write_text("{}\n")
    monkeypatch.setattr(json_schema, "QUESTION_SCHEMA", stale)
    monkeypatch.setattr(json_schema, "PRESET_SCHEMA", tmp_path / "preset.schema.json")
    assert json_schema.write(check=True) == 1
    assert stale.read_text() == "{}\n" and "out of date" in capsys.readouterr().err
    assert json_schema.write() == 0
    assert json_schema.write(check=True) == 0
    assert json.loads(stale.read_text())["title"] == "Byline question file"
