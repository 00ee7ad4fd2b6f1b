"""Moving statements out (Moodle GIFT, CSV) and back in (CSV): the round trip keeps every
statement as it was, and every bad row is reported by its spreadsheet row number."""
import csv
import io
import shutil

import pytest

from conftest import DATA, ROOT, read_gift, run
from game.authoring import gift, sheet
from game.bank import load_bank
from game.bank.models import Article, Bank, Cue, HandQuestion, Statement
from game.quiz.questions import FACT_CHOICES, SKILLS, generate, judgment_words
from game.quiz.verdict import judge


# --- GIFT -------------------------------------------------------------------------------

def test_escape_puts_a_backslash_before_every_gift_control_character():
    assert gift.escape("a:b=c~d#e{f}g\\h\ni") == "a\\:b\\=c\\~d\\#e\\{f\\}g\\\\h\\ni"


def test_a_known_statement_becomes_a_multiple_choice_with_its_explanation(bank):
    text = gift.to_gift(bank)
    block = text.split("::cnn-02 Fact or opinion::", 1)[1].split("\n\n", 1)[0]
    assert block.startswith("Is this a checkable fact or an opinion?\\nPresident Donald "
                            "Trump has an Achilles’ heel when it comes to Russia. {")
    assert "\t~Fact\\: checkable\n" in block and "\t=Opinion\\: a judgment\n" in block
    assert block.endswith("\t####This is an opinion. “Achilles’ heel” is a figure of speech "
                          "for a fatal weakness. It is the writer’s own verdict, with no one "
                          "quoted, and no evidence could settle it\\: an opinion.\\nJudgment "
                          "words\\: “Achilles’ heel” — the writer’s own.\n}")


def test_special_characters_survive_a_gift_reader():
    article = Article("maths", "Score = 3:1", "not stated", "not stated", "not stated",
                      "straight news report", "A report.", ("None.",))
    statements = [
        Statement("m-1", "maths", "The score was 3:1 {after extra time} ~ #1 = \\o/", "fact",
                  "the referee", "official", (), 1, "Check the report: score = 3:1."),
        Statement("m-2", "maths", "A wonderful goal.", "opinion", "the author", "author",
                  (Cue("wonderful"),), 2, "“Wonderful” is a judgment."),
    ]
    hand = HandQuestion("m-q1", "maths", "Which is #1?", ("A {x}", "B ~ y"), "B ~ y",
                        "Line one.\nLine two = 2.")
    made = Bank({"maths": article}, statements, [hand])
    read = {q["name"]: q for q in read_gift(gift.to_gift(made))}
    fact = read["m-1 Fact or opinion"]
    assert fact["prompt"] == ("Is this a checkable fact or an opinion?\n"
                              "The score was 3:1 {after extra time} ~ #1 = \\o/")
    assert fact["right"] == ["Fact: checkable"]
    assert fact["feedback"] == "This is a fact. Check the report: score = 3:1."
    assert read["m-1 Who is the source?"]["right"] == ["the referee"]
    assert read["m-q1"] == {"name": "m-q1", "prompt": "Which is #1?",
                            "choices": ["A {x}", "B ~ y"], "right": ["B ~ y"], "partly": {},
                            "said": {}, "feedback": "Line one.\nLine two = 2."}


def test_gift_holds_every_multiple_choice_question_with_its_distractors(bank):
    text = gift.to_gift(bank)
    assert text == gift.to_gift(bank)          # seed 0: the same file every time
    read = read_gift(text)
    by_name = {q["name"]: q for q in read}
    assert len(by_name) == len(read)
    expected = [q for q in generate(bank, seed=0) if q.skill in gift.EXPORTED]
    assert len(read) == len(expected)
    for q in expected:
        # Named for the statement (or the article) and the question's type.
        name = q.id if q.skill == "hand_written" else \
            f"{q.statement or q.article} {SKILLS[q.skill]}"
        got = by_name[name]
        assert got["choices"] == list(q.choices)
        assert got["right"] == [q.choices[q.answer]]
        # A genre the article also fits, or a source the sentence also supports, earns
        # half, in Moodle as in the game, and says why in the choice's own feedback.
        assert got["partly"] == {q.choices[i]: 50 for i in q.also}
        assert got["said"] == {q.choices[i]: judge(q, i).note for i in q.also}
        # Whose judgment the cue words are (the game says it with "Spot the opinion words",
        # which GIFT cannot hold), then what the record shows, each on a line of its own.
        statement = next((s for s in bank.statements if s.id == q.statement), None)
        judged = f"\n{judgment_words(statement)}" \
            if q.skill == "fact_or_opinion" and statement.cues else ""
        record = f"\nWhat the record shows: {q.record}" if q.record else ""
        assert got["feedback"] == q.explanation.strip() + judged + record
    assert by_name["resist-12 Fact or opinion"]["feedback"].split("\n")[-1].startswith(
        "What the record shows: CNN broke the missing-binder story on 15 December 2023")
    for s in bank.statements:
        right = FACT_CHOICES[0 if s.label == "fact" else 1]
        assert by_name[f"{s.id} Fact or opinion"]["right"] == [right]
        assert len(by_name[f"{s.id} What kind of source?"]["choices"]) == 4
    assert sum(1 for q in read if q["name"] in {h.id for h in bank.questions}) == \
        len(bank.questions)
    for article in bank.articles:
        assert f"\n$CATEGORY: $course$/top/Byline/{article}\n" in text


def test_export_gift_to_a_file_and_never_over_it(tmp_path):
    out = tmp_path / "byline.gift.txt"
    done = run("export", "--format", "gift", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("// Byline questions for Moodle")
    again = run("export", "--format", "gift", "--out", str(out))
    assert again.returncode == 1 and "already exists" in again.stderr


# --- CSV out ----------------------------------------------------------------------------

def csv_of(bank: Bank) -> str:
    return sheet.to_csv(bank.articles, bank.statements)


def rows_of(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))


def test_csv_has_one_row_per_statement_with_every_field(bank):
    rows = rows_of(csv_of(bank))
    assert list(rows[0]) == ["article", "headline", "id", "text", "label", "source",
                             "source_kind", "cues", "difficulty", "explanation",
                             *[c for c in sheet.COLUMNS[10:]]]
    assert len(rows) == len(bank.statements)
    row = next(r for r in rows if r["id"] == "resist-02")
    assert row["article"] == "resist-brief"
    assert row["headline"] == bank.articles["resist-brief"].headline
    assert row["cues"] == "backstage | long-term mutual curtsies"
    assert row["difficulty"] == "2" and row["label"] == "opinion"


def test_export_csv_file_is_utf8_with_a_bom(tmp_path):
    out = tmp_path / "all.csv"
    done = run("export", "--format", "csv", "--out", str(out))
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfarticle,headline,id,")
    assert "’" in data.decode("utf-8-sig")


# --- the round trip ---------------------------------------------------------------------

@pytest.mark.articles
@pytest.mark.parametrize("article_id", ["cnn-37-times", "inquisitr-g7", "ordo-putin-needs",
                                        "osaka-repost", "resist-brief"])
def test_export_then_import_gives_the_same_statements(bank, tmp_path, article_id):
    assert article_id in bank.articles
    every = [s for f in load_bank([ROOT / "questions"]).files for s in f.statements]
    data = sheet.to_csv(bank.articles, every).encode("utf-8-sig")
    out = tmp_path / f"{article_id}.yaml"
    made = sheet.import_rows("all.csv", data, out, bank, article_id)
    originals = [s for s in every if s.article == article_id]
    assert made.problems == [] and made.count == len(originals)
    out.write_text(made.text, encoding="utf-8")
    result = load_bank([out])
    assert result.problems == []
    assert result.files[0].quotes_checked       # the article text was found and matched
    assert result.files[0].statements == originals
    back = result.bank
    assert back.articles == {article_id: bank.articles[article_id]}
    assert back.questions == [q for q in bank.questions if q.article == article_id]


def test_round_trip_through_the_command_line(tmp_path):
    table, out = tmp_path / "all.csv", tmp_path / "osaka.yaml"
    assert run("export", "--format", "csv", "--out", str(table)).returncode == 0
    done = run("import", str(table), "--out", str(out), "--article", "osaka-repost")
    assert done.returncode == 0, done.stderr
    assert "Wrote" in done.stdout and "also in questions/osaka-repost.yaml" in done.stdout
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=/")
    assert "\n  - id: osaka-01\n    text: \"US President" in text
    checked = run("validate", str(out))
    assert checked.returncode == 0, checked.stdout
    again = run("import", str(table), "--out", str(out), "--article", "osaka-repost")
    assert again.returncode == 1 and "already exists" in again.stderr


def test_tricky_text_survives_the_round_trip(tmp_path):
    article = Article("tricky", "not stated", "not stated", "not stated", "not stated",
                      "news analysis", "Because.", ("None.",))
    texts = ['He said "no" \\ yes: #1 — ‘quoted’', "no", "12", "2024-01-05", "null",
             "tab\there", "- starts with a dash", "a\u2028b", "ends with é"]
    statements = [Statement(f"t-{i}", "tricky", text, "fact", text, "author", (), 1, text)
                  for i, text in enumerate(texts)]
    made_bank = Bank({"tricky": article}, statements)
    out = tmp_path / "tricky.yaml"
    made = sheet.import_rows("t.csv", csv_of(made_bank).encode(), out, made_bank)
    assert made.problems == []
    out.write_text(made.text, encoding="utf-8")
    assert load_bank([out]).bank.statements == statements


# --- bad rows ---------------------------------------------------------------------------

@pytest.fixture
def library(tmp_path):
    """The small test bank, its CSV, and where an import of it may be written (with the
    article text beside it, so quotes are checked)."""
    shutil.copy(DATA / "article.txt", tmp_path / "article.txt")
    small = load_bank([DATA / "good.yaml"]).bank
    return small, rows_of(csv_of(small)), tmp_path / "library.yaml"


def as_csv(rows: list[dict], columns=None, delimiter=",") -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=columns or list(rows[0]), delimiter=delimiter,
                            extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def test_every_bad_row_is_reported_with_its_row_number(library):
    small, rows, out = library
    rows = rows * 3                                         # rows 2-7
    rows = [dict(r) for r in rows]
    for i, row in enumerate(rows):
        row["id"] = f"lib-{i + 10}"
    rows[1]["label"] = "facts"                              # row 3
    rows[2]["difficulty"] = "5"                             # row 4
    rows[3]["cues"] = "shameful | dreadful"                 # row 5
    rows[4]["text"] = "Not in the article at all."          # row 6
    rows[5]["id"] = "lib-10"                                # row 7: as row 2
    made = sheet.import_rows("data.csv", as_csv(rows), out, small)
    assert made.text is None
    assert made.problems == [
        "data.csv:3: 'label' in statement 'lib-11' is 'facts'; expected one of: fact, "
        "opinion — did you mean 'fact'?",
        "data.csv:4: 'difficulty' in statement 'lib-12' is 5; expected a whole number from "
        "1 to 3",
        "data.csv:5: the cue 'dreadful' of statement 'lib-13' is not in its text (cues are "
        "copied exactly, same capitals)",
        "data.csv:6: the text of statement 'lib-14' is not in the article: no part of it "
        "matches (is it from another article?)",
        "data.csv:7: the id 'lib-10' is already used in row 2; every id must be unique",
    ]


def test_a_missing_column_is_reported_on_the_header_row(library):
    small, rows, out = library
    columns = [c for c in rows[0] if c != "label"]
    made = sheet.import_rows("data.csv", as_csv(rows, columns), out, small)
    assert made.problems == ["data.csv:1: no column 'label' (expected one of: fact, opinion)"]


def test_an_unknown_column_gets_a_suggestion(library):
    small, rows, out = library
    rows = [{("explaination" if k == "explanation" else k): v for k, v in r.items()}
            for r in rows]
    made = sheet.import_rows("data.csv", as_csv(rows), out, small)
    assert made.problems == [
        "data.csv:1: unknown column 'explaination' — did you mean 'explanation'?",
        "data.csv:1: no column 'explanation' (expected a sentence or two a student can "
        "follow)"]


def test_empty_cells_and_an_opinion_without_cues(library):
    small, rows, out = library
    rows[0]["source"] = ""
    rows[1]["cues"] = ""
    made = sheet.import_rows("data.csv", as_csv(rows), out, small)
    assert made.problems == [
        "data.csv:2: 'source' in statement 'lib-01' is empty; expected who the text "
        "attributes it to, or 'the author'",
        "data.csv:3: statement 'lib-02' is an opinion but lists no cues; list the words that "
        "carry the judgment"]


def test_headers_in_any_case_semicolons_and_blank_rows_are_fine(library):
    small, rows, out = library
    renamed = [{" " + k.upper().replace("_", " ") + " ": v for k, v in r.items()}
               for r in rows]
    data = as_csv(renamed, delimiter=";") + b";;;;;;;;;\r\n"
    made = sheet.import_rows("data.csv", b"\xef\xbb\xbf" + data, out, small)
    assert made.problems == [] and made.count == 2
    out.write_text(made.text, encoding="utf-8")
    assert load_bank([out]).bank.statements == small.statements


def test_ids_of_other_articles_are_refused(library, bank):
    small, rows, out = library
    rows[1]["id"] = "cnn-01"
    made = sheet.import_rows("data.csv", as_csv(rows), out, bank)
    assert len(made.problems) == 1
    assert made.problems[0].startswith("data.csv:3: the id 'cnn-01' is already used by a "
                                       "statement of 'cnn-37-times' (")


def test_rows_of_several_articles_need_an_article(bank, tmp_path):
    made = sheet.import_rows("all.csv", csv_of(bank).encode(), tmp_path / "x.yaml", bank)
    assert made.problems == ["all.csv: the rows are from 5 articles (cnn-37-times, "
                             "inquisitr-g7, ordo-putin-needs, osaka-repost, resist-brief); "
                             "choose one with --article ID"]
    made = sheet.import_rows("all.csv", csv_of(bank).encode(), tmp_path / "x.yaml",
                             bank, "osaka-reposts")
    assert made.problems == ["all.csv: no rows for the article 'osaka-reposts' — did you "
                             "mean 'osaka-repost'?"]


def test_a_new_article_gets_placeholders_the_game_will_not_play(library, tmp_path):
    small, rows, out = library
    for row in rows:
        row["article"], row["headline"] = "", ""
    out = tmp_path / "new-article.yaml"
    made = sheet.import_rows("data.csv", as_csv(rows), out, Bank())
    assert made.problems == [] and made.article == "new-article"
    assert "FILL IN" in made.notes[0]
    out.write_text(made.text, encoding="utf-8")
    result = load_bank([out])
    assert [p.message.split(" is ")[0] for p in result.problems] == [
        f"'{name}' in the article" for name in ("headline", "outlet", "author", "date",
                                                 "genre", "genre_explanation", "provenance")]
    assert len(result.files[0].statements) == 2


def test_a_bad_csv_file_writes_nothing_from_the_command_line(tmp_path):
    table, out = tmp_path / "bad.csv", tmp_path / "bad.yaml"
    table.write_text("id,text,label,source,source_kind,cues,difficulty,explanation\n"
                     "x-1,Some text.,fact,the author,author,,two,Why.\n", encoding="utf-8")
    done = run("import", str(table), "--out", str(out))
    assert done.returncode == 1 and not out.exists()
    assert done.stderr.startswith(f"{table}:2: 'difficulty' in statement 'x-1' should be a "
                                  "whole number from 1 to 3; found the text 'two'")
    assert "nothing was written" in done.stderr


DRAFT = '''  - id: lib-03
    text: "The decision is a shameful betrayal of the neighbourhood’s children."
    label: opinion
    source: the author
    source_kind: author
    difficulty: 2
    explanation: "FILL IN: why it is a judgment"
    reviewed: false
    context:
      before: "The city council voted 5–2 on Tuesday to close the Riverside branch library, according to the council’s minutes.\\n"
'''


def test_drafts_go_to_the_spreadsheet_and_back_but_never_to_moodle(tmp_path):
    shutil.copy(DATA / "article.txt", tmp_path / "article.txt")
    folder = tmp_path / "questions"
    folder.mkdir()
    (folder / "library.yaml").write_text(
        (DATA / "good.yaml").read_text(encoding="utf-8").replace("\nquestions:",
                                                                 DRAFT + "\nquestions:"),
        encoding="utf-8")
    shutil.copy(DATA / "article.txt", folder / "article.txt")
    table = tmp_path / "all.csv"
    assert run("export", "--format", "csv", "--out", str(table), str(folder)).returncode == 0
    rows = rows_of(table.read_text(encoding="utf-8-sig"))
    assert [(r["id"], r["reviewed"]) for r in rows] == [
        ("lib-01", "true"), ("lib-02", "true"), ("lib-03", "false")]
    done = run("export", "--format", "gift", str(folder))
    assert "lib-02 Fact or opinion" in done.stdout and "lib-03" not in done.stdout

    out = tmp_path / "library.yaml"
    made = sheet.import_rows("all.csv", table.read_bytes(), out, load_bank([folder]).bank)
    assert made.problems == []
    assert "    reviewed: false\n" in made.text and made.text.count("reviewed:") == 1
    out.write_text(made.text, encoding="utf-8")
    back = load_bank([out])
    assert back.problems == [] and len(back.bank.statements) == 2
    assert back.files[0].statements == load_bank([folder]).files[0].statements


def test_problems_with_the_file_itself(library):
    small, rows, out = library
    assert sheet.import_rows("x.csv", b"id,text\xff\n", out, small).problems == [
        "x.csv: the file is not UTF-8 text (byte 0xFF); save it as 'CSV UTF-8'"]
    assert sheet.import_rows("x.csv", b"", out, small).problems[0].startswith(
        "x.csv:1: the file is empty; expected a header row: article,headline,id,")
    header, first, second = as_csv(rows).decode().splitlines()
    data = "\n".join([header + ",", first + ",note", second + ",,more"]).encode()
    made = sheet.import_rows("x.csv", data, out, small)
    width = len(sheet.COLUMNS)
    assert made.problems == [
        f"x.csv:1: column {width + 1} has values but no name in the header; name it or "
        "delete it",
        f"x.csv:3: this row has {width + 2} cells but the header has only {width + 1}"]


def test_rows_of_other_articles_are_left_out_with_a_note(bank, tmp_path):
    made = sheet.import_rows("all.csv", csv_of(bank).encode(), tmp_path / "g7.yaml", bank,
                             "inquisitr-g7")
    assert made.problems == []
    others = len(bank.statements) - len(bank.statements_of("inquisitr-g7"))
    assert made.notes[0] == f"Left out {others} row(s) of other articles."
