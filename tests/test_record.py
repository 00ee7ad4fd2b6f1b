"""A checkable claim that is wrong stays a fact, and the game says what the record shows:
the `record:` field is checked like any text, shown in feedback and review, counted by
validate, carried through CSV, and required where an explanation calls a claim wrong."""
import json
import re
import shutil

import pygame
import pytest

from conftest import DATA, ROOT, run
from pilot import Drawn, key, new_app, play_question, readable, scroll_through
import game.bank.reading as reading
from game.authoring import sheet
from game.bank import load_bank
from game.bank.cache import FILE_NAME, BankCache
from game.bank.reading import parse
from game.quiz.questions import RECORD_HEADING, generate
from game.scenes.feedback import FeedbackScene
from game.scenes.review import ReviewScene

RECORD = "CNN broke the story on 15 December 2023 (cnn.com)."


def with_record(value: str) -> bytes:
    """good.yaml with a record line in its first statement (line 23, after explanation)."""
    text = (DATA / "good.yaml").read_text(encoding="utf-8")
    anchor = '    explanation: "The minutes record the vote, so anyone can check it."\n'
    assert anchor in text
    return text.replace(anchor, anchor + f"    record: {value}\n").encode("utf-8")


def record_line(data: bytes) -> int:
    lines = data.decode("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith("    record:"))


def test_a_record_is_read_onto_its_statement(tmp_path):
    shutil.copy(DATA / "article.txt", tmp_path / "article.txt")
    result = parse(tmp_path / "good.yaml", with_record(f'"{RECORD}"'))
    assert result.errors == []
    first, second = result.statements
    assert (first.record, second.record) == (RECORD, "")


@pytest.mark.parametrize("value,message", [
    ("[CNN, 15 December 2023]", "'record' in statement 'lib-01' should be"),
    ('"' + "x" * 2_001 + '"', "'record' in statement 'lib-01'"),
    ('""', "'record' in statement 'lib-01' is empty"),
])
def test_a_bad_record_is_reported_at_its_line_and_column(tmp_path, value, message):
    data = with_record(value)
    path = tmp_path / "good.yaml"
    result = parse(path, data)
    hits = [e for e in result.errors if message in e.message]
    assert hits, [str(e) for e in result.errors]
    assert (hits[0].line, hits[0].column) == (record_line(data), 13)
    assert str(hits[0]).startswith(f"{path}:{record_line(data)}:13: ")
    assert all(s.id != "lib-01" for s in result.statements)


def test_a_record_too_long_says_the_limit(tmp_path):
    result = parse(tmp_path / "good.yaml", with_record('"' + "x" * 2_001 + '"'))
    assert any("2,000" in e.message and "record" in e.message for e in result.errors), \
        [str(e) for e in result.errors]


# --- on screen ---------------------------------------------------------------------------

@pytest.fixture
def app(tmp_path):
    app = new_app(seed=5, data_dir=tmp_path, size=(960, 540))
    app.settings.text_size = "largest"
    yield app
    pygame.quit()


def questions(app, statement_id):
    return [q for q in generate(app.loaded.bank, seed=1) if q.statement == statement_id]


def test_feedback_shows_what_the_record_shows_only_for_a_wrong_claim(app):
    record = next(s for s in app.loaded.bank.statements if s.id == "resist-12").record
    assert record.startswith("CNN broke the missing-binder story on 15 December 2023")
    for q in questions(app, "resist-12"):
        play_question(app, q)
        assert isinstance(app.scene, FeedbackScene)
        assert app.scene.blocks()[1:] == [(RECORD_HEADING, "bold"), (record, "regular")]
        key(app, pygame.K_RETURN)
    plain = questions(app, "resist-13")[0]
    play_question(app, plain)
    assert isinstance(app.scene, FeedbackScene)
    assert all(RECORD_HEADING not in words for words, _ in app.scene.blocks())


def test_feedback_with_a_record_fits_at_960x540_with_the_largest_text(app):
    """Nothing runs under the hint or off the panel: what does not fit scrolls (↓), the
    explanation, the heading and the record in that order, each read whole."""
    longest = max((q for q in generate(app.loaded.bank, seed=1) if q.record),
                  key=lambda q: len(q.explanation) + len(q.record))
    drawn = Drawn(app)
    play_question(app, longest)
    for _ in range(20):
        app.step(dt=1 / 30)
    frames = scroll_through(app, drawn)
    for frame in frames:
        hint = next(rect for words, _, rect, _ in frame if words.startswith("Enter or click"))
        assert hint.bottom <= app.screen.get_height()
        body = [(rect, visible) for words, _, rect, visible in frame
                if longest.explanation in words or words in (RECORD_HEADING, longest.record)]
        tops = [rect.top for rect, _ in body]
        assert tops == sorted(tops)
        for rect, visible in body:
            assert not visible.height or visible.bottom <= hint.top
    for words in (longest.explanation, RECORD_HEADING, longest.record):
        assert readable(frames, lambda text: words in text), words


def test_review_shows_the_record_under_its_heading(app):
    wrong = questions(app, "g7-11")[0]
    right = questions(app, "resist-13")[0]
    play = play_question(app, wrong)
    key(app, pygame.K_RETURN)
    review = ReviewScene(app, play)
    app.push(review)
    app.step()
    items = review.items()
    at = items.index(("sub", RECORD_HEADING))
    assert items[at - 1] == ("p", play.answers[0].question.explanation)
    assert items[at + 1][1].startswith("The CNN report the article itself cites")
    assert "Giuseppe Conte" in items[at + 1][1]
    other = ReviewScene(app, play_question(app, right))
    assert ("sub", RECORD_HEADING) not in other.items()


# --- validate, CSV, and the guard ----------------------------------------------------------

def test_validate_counts_the_statements_that_say_what_the_record_shows(tmp_path):
    shipped = load_bank([ROOT / "questions"]).bank.statements
    count = sum(bool(s.record) for s in shipped)
    assert count >= 3
    done = run("validate")
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"\n{count} statements say what the record shows\n" in done.stdout
    shutil.copy(DATA / "article.txt", tmp_path / "article.txt")
    (tmp_path / "one.yaml").write_bytes(with_record(f'"{RECORD}"'))
    done = run("validate", str(tmp_path / "one.yaml"))
    assert "\n1 statement says what the record shows\n" in done.stdout, done.stdout


def test_csv_export_and_import_keep_the_record(tmp_path):
    result = load_bank([ROOT / "questions"])
    every = [s for f in result.files for s in f.statements]
    text = sheet.to_csv(result.bank.articles, every)
    assert "record" in text.splitlines()[0].split(",")
    out = tmp_path / "resist-brief.yaml"
    made = sheet.import_rows("all.csv", text.encode("utf-8"), out, result.bank, "resist-brief")
    assert made.problems == []
    out.write_text(made.text, encoding="utf-8")
    back = {s.id: s for s in load_bank([out]).bank.statements}
    original = next(s for s in every if s.id == "resist-12")
    assert back["resist-12"].record == original.record != ""
    assert back["resist-13"].record == ""
    assert "record:" not in made.text.split("id: resist-13")[1].split("- id:")[0]


CALLED_WRONG = re.compile(r"\bwrong|incorrect|misattribut|overstat", re.IGNORECASE)


def test_every_statement_whose_explanation_calls_it_wrong_says_what_the_record_shows():
    statements = load_bank([ROOT / "questions"]).bank.statements
    called = [s for s in statements if CALLED_WRONG.search(s.explanation)]
    assert {"resist-12", "g7-11", "ordo-13"} <= {s.id for s in called}
    missing = [s.id for s in called if not s.record]
    assert missing == [], f"explanations call these wrong but give no record: {missing}"
    # A wrong claim stays checkable: every statement with a record is labelled fact.
    assert all(s.label == "fact" for s in statements if s.record)


def test_the_cache_keeps_a_record_and_refuses_one_of_the_wrong_kind(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "questions", tmp_path / "questions")
    fresh = load_bank([tmp_path / "questions"], BankCache(tmp_path / "data"))
    cache = tmp_path / "data" / FILE_NAME
    data = json.loads(cache.read_text(encoding="utf-8"))
    entries = [s for f in data["files"].values() for s in f["statements"] if s["record"]]
    assert len(entries) == sum(bool(s.record) for s in fresh.bank.statements) >= 3
    entries[0]["record"] = 42          # damaged, or written by someone else
    cache.write_text(json.dumps(data), encoding="utf-8")
    parsed = []
    real = reading.parse
    monkeypatch.setattr(reading, "parse", lambda *a: parsed.append(a[0]) or real(*a))
    again = load_bank([tmp_path / "questions"], BankCache(tmp_path / "data"))
    assert again.bank == fresh.bank and len(parsed) == 1     # that one file read afresh


def test_bank_json_lists_the_record():
    done = run("bank", "--json")
    statements = {s["id"]: s for s in json.loads(done.stdout)["statements"]}
    assert statements["g7-11"]["record"].startswith("The CNN report the article itself cites")
    assert statements["g7-01"]["record"] == ""
