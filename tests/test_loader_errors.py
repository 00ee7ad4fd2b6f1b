"""Each broken fixture gives the message a teacher needs, at the right line and column."""
import shutil

import pytest

from conftest import DATA
from game.bank import load_bank
from game.bank.reading import parse
from game.bank.yamlsafe import MAX_BYTES

CASES = [
    ("syntax", 4, 26, "a ': ' (colon and space) inside a value; put the whole value in double quotes"),
    ("unclosed_quote", 5, 12, "line 4 has an unclosed '\"'"),
    ("tab", 4, 1, "a tab character; indent with spaces only"),
    ("unknown_field", 22, 5, "unknown field 'explaination' in statement 'lib-01' — did you mean 'explanation'?"),
    ("missing_field", 23, 5, "statement 'lib-02' has no 'label' (expected one of: fact, opinion)"),
    ("empty_field", 22, 18, "'explanation' in statement 'lib-01' is empty"),
    ("wrong_type", 21, 17, "'difficulty' in statement 'lib-01' should be a whole number from 1 to 3; found the text 'hard'"),
    ("label", 17, 12, "'label' in statement 'lib-01' is 'facts'; expected one of: fact, opinion — did you mean 'fact'?"),
    ("yes_no", 17, 12, "found true/false (YAML reads yes/no"),
    ("source_kind", 27, 18, "'source_kind' in statement 'lib-02' is 'blogger'; expected one of: news outlet, official"),
    ("genre", 8, 10, "'genre' in the article is 'blog'; expected one of: straight news report"),
    ("cue", 28, 12, "the cue 'shamefull' of statement 'lib-02' is not in its text (cues are copied exactly, same capitals) — did you mean 'shameful'?"),
    ("opinion_without_cues", 28, 11, "statement 'lib-02' is an opinion but lists no cues"),
    ("quote", 16, 11, "the text of statement 'lib-01' is not in the article: it matches up to “…The city council voted 5” and then differs at “-2 on Tuesday"),
    ("answer", 36, 13, "the answer of question 'lib-q1' is not one of its choices — did you mean 'Who wrote it'?"),
    ("python_tag", 26, 13, "the tag '!!python/object/apply:os.system' is not allowed"),
    ("not_utf8", 2, 10, "the file is not UTF-8 text: byte 0xE9 cannot be read"),
    ("also_own_source", 21, 17, "'source_also_fits' of statement 'lib-01' lists 'the council’s minutes', which is its own source; list only other answers a fair reader could give"),
    ("also_no_why", 21, 9, "an item of 'source_also_fits' in statement 'lib-01' has no 'why' (expected why the statement's own source is the better answer"),
    ("also_empty_why", 22, 14, "'why' in an item of 'source_also_fits' in statement 'lib-01' is empty; expected why the statement's own source is the better answer"),
    ("also_plain", 20, 24, "an item of 'source_also_fits' in statement 'lib-01' should be a group of fields like {source: \"Donald Trump\", why: "),
    ("also_duplicate", 23, 17, "'source_also_fits' of statement 'lib-01' lists 'The Author' twice (as 'the author' too); keep one"),
    ("also_too_many", 21, 7, "'source_also_fits' in statement 'lib-01' lists 3 items; it may list at most 2"),
]


@pytest.mark.parametrize("name,line,column,message", CASES, ids=[c[0] for c in CASES])
def test_broken_fixture_reports_message_and_position(name, line, column, message):
    path = DATA / f"bad_{name}.yaml"
    result = load_bank([path])
    assert result.bank.statements == []
    assert result.skipped == [str(path)]
    hits = [p for p in result.problems if message in p.message]
    assert hits, [str(p) for p in result.problems]
    assert (hits[0].line, hits[0].column) == (line, column)
    assert str(hits[0]).startswith(f"{path}:{line}:{column}: ")


def test_good_fixture_loads_cleanly():
    result = load_bank([DATA / "good.yaml"])
    assert result.problems == []
    assert [s.id for s in result.bank.statements] == ["lib-01", "lib-02"]
    assert result.bank.articles["library"].date == "2024-08-05"
    assert result.files[0].quotes_checked


def test_every_problem_of_a_file_is_reported_at_once(tmp_path):
    text = (DATA / "good.yaml").read_text(encoding="utf-8")
    text = text.replace("label: fact", "label: facts").replace("difficulty: 1", "difficulty: 7")
    text = text.replace("explanation: \"The minutes", "explaination: \"The minutes")
    bad = tmp_path / "many.yaml"
    bad.write_text(text, encoding="utf-8")
    shutil.copy(DATA / "article.txt", tmp_path)
    messages = [p.message for p in load_bank([bad]).problems]
    assert any("'facts'" in m for m in messages)
    assert sum("is 7; expected a whole number from 1 to 3" in m for m in messages) == 2
    assert any("did you mean 'explanation'" in m for m in messages)


def test_duplicate_ids_across_files_name_the_first_place():
    first, second = DATA / "duplicate" / "first.yaml", DATA / "duplicate" / "second.yaml"
    result = load_bank([first, second])
    assert [str(p) for p in result.problems] == [
        f"{second}:15:5: the id 'lib-01' is already used at {first}:15:5; every id must be unique"]
    assert result.skipped == [str(second)]
    assert sorted(result.bank.articles) == ["library"]


def test_a_bad_file_does_not_stop_the_good_ones():
    result = load_bank([DATA / "bad_label.yaml", DATA / "duplicate" / "second.yaml"])
    assert sorted(s.id for s in result.bank.statements) == ["lib-01", "lib2-02"]
    assert result.skipped == [str(DATA / "bad_label.yaml")]


def test_file_over_one_megabyte_is_refused_before_parsing(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# padding\n" * (MAX_BYTES // 10 + 1))
    problems = load_bank([big]).problems
    assert [(p.line, p.column) for p in problems] == [(1, 1)]
    assert "may be at most 1 MB" in problems[0].message


def test_python_tag_is_never_executed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = (DATA / "bad_python_tag.yaml").read_bytes()
    parse(tmp_path / "x.yaml", text)
    assert not (tmp_path / "pwned.txt").exists()


def test_loading_never_writes_to_the_files():
    paths = sorted(DATA.glob("*.yaml"))
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in paths}
    load_bank([DATA])
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in paths} == before


def test_missing_path_is_reported():
    problems = load_bank([DATA / "nope.yaml"]).problems
    assert [p.message for p in problems] == ["no such file or folder"]


def test_anchor_and_alias_are_refused(tmp_path):
    bad = tmp_path / "alias.yaml"
    bad.write_text("a: &x [1, 2]\nb: *x\n", encoding="utf-8")
    assert any("anchors and aliases" in p.message for p in load_bank([bad]).problems)


def _with_also(tmp_path, block: str, statement: int = 0) -> list[str]:
    """good.yaml with `block` after a statement's source_kind, as its problems."""
    lines = (DATA / "good.yaml").read_text(encoding="utf-8").split("\n")
    at = [i for i, line in enumerate(lines) if line.startswith("    source_kind:")][statement]
    path = tmp_path / "also.yaml"
    path.write_text("\n".join(lines[:at + 1] + block.split("\n") + lines[at + 1:]),
                    encoding="utf-8")
    shutil.copy(DATA / "article.txt", tmp_path)
    return [str(p) for p in load_bank([path]).problems]


WHY = 'why: "The sentence gives the minutes as its source."'


@pytest.mark.parametrize("block, statement, said", [
    ("    source_also_fits: the author", 0,
     "also.yaml:20:23: 'source_also_fits' in statement 'lib-01' should be a list, like "
     "[{source: "),
    (f"    source_also_fits:\n      - source: The Council's Minutes\n        {WHY}", 0,
     "also.yaml:21:17: 'source_also_fits' of statement 'lib-01' lists 'The Council's "
     "Minutes', which is its own source written another way"),
    (f"    source_also_fits:\n      - source: the author\n        {WHY}", 1,
     "also.yaml:32:17: 'source_also_fits' of statement 'lib-02' lists 'the author', which "
     "is its own source"),
    (f"    source_also_fits:\n      - source: the mayor\n        why: \"{'x' * 2001}\"", 0,
     "also.yaml:22:14: 'why' in an item of 'source_also_fits' in statement 'lib-01' is "
     "2,001 characters long; it may be at most 2,000"),
    ("    source_also_fits:\n      - source: [the mayor]\n        why: true", 0,
     "also.yaml:21:17: 'source' in an item of 'source_also_fits' in statement 'lib-01' "
     "should be another answer"),
    ("    source_also_fits:\n      - source: the mayor\n        why: true", 0,
     "also.yaml:22:14: 'why' in an item of 'source_also_fits' in statement 'lib-01' "
     "should be why the statement's own source is the better answer"),
    ("    source_also_fits:\n      - source: the mayor\n        {WHY}\n        wy: x", 0,
     "also.yaml:23:9: unknown field 'wy' in an item of 'source_also_fits' in statement "
     "'lib-01' — did you mean 'why'?"),
])
def test_source_also_fits_problems_name_their_place(tmp_path, block, statement, said):
    problems = _with_also(tmp_path, block.replace("{WHY}", WHY), statement)
    assert any(p.endswith(said) or said in p for p in problems), problems
    assert all(p.startswith(str(tmp_path / "also.yaml") + ":") for p in problems)


def test_source_also_fits_is_read_into_the_statement(tmp_path):
    assert _with_also(tmp_path, f"    source_also_fits:\n      - source: the mayor\n"
                                f"        {WHY}") == []
    [first, _] = load_bank([tmp_path / "also.yaml"]).bank.statements
    assert [(a.source, a.why) for a in first.source_also_fits] == [
        ("the mayor", "The sentence gives the minutes as its source.")]
