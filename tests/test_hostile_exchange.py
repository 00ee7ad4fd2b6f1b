"""Spreadsheets and imports under attack (issue 10, section 4): a hostile name or text never
runs as a formula in a teacher's spreadsheet, and no file handed to `import` or
`new-article` crashes, hangs or eats the memory: each is refused with its name and, where
a limit is the reason, the limit."""
import csv
import io
import os
import re
import unicodedata

import pytest

from conftest import ROOT, play, read_gift, run
from game import cli, csvsafe
from game.authoring import gift, sheet
from game.bank import load_bank
from game.bank.models import Article, Bank, Cue, HandQuestion, Statement
from game.quiz.questions import FACT_CHOICES
from game.quiz.round import RoundSetup, build_round
from game.store.results import Results

OPINION = FACT_CHOICES.index("Opinion: a judgment")

# What players have typed, or a settings file has held. The last four must come out as
# they went in (after the store's own clean-up of runs of spaces).
HOSTILE = [
    '=HYPERLINK("http://x","click")',
    "=1+1",
    "+1+2",
    "-2+3",
    "@SUM(A1)",
    "\t=3+3",
    "\r=4+4",
    "\u00a0=5+5",                                  # a no-break space the store strips
    "\u200b=6+6",                                  # a zero-width space it keeps
    "＝HYPERLINK(\"http://x\")",                   # full-width equals sign
    "＋7",
    "=cmd|' /C calc'!A0",
    "+cmd|' /C notepad'!A0",
    "@cmd|'/c calc'!_xlbgnm.A1",
    '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")',
    "-3",
    "'=already quoted",
]
HARMLESS = ["O'Brien", "Zoë", "Jo-Ann Smith", "  Ana   Lee  "]


def runs_as_formula(cell: str) -> bool:
    """What a spreadsheet might run: a cell whose first visible character is (or folds
    to) = + - @, or that starts with a tab or carriage return. A number ("-0.233") is
    read as a number."""
    try:
        float(cell)
        return False
    except ValueError:
        pass
    if cell[:1] in ("\t", "\r"):
        return True
    visible = [c for c in cell if not (c.isspace() or unicodedata.category(c) in ("Cc", "Cf"))]
    return bool(visible) and unicodedata.normalize("NFKC", visible[0])[:1] in "=+-@"


def read_csv(path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


# --- the guard itself ---------------------------------------------------------------------

@pytest.mark.parametrize("text", HOSTILE + HARMLESS + ["", "'", "''=x", "'\t=1", " -x"])
def test_guard_is_undone_exactly_by_unguard(text):
    guarded = csvsafe.guard(text)
    assert not runs_as_formula(guarded)
    assert csvsafe.unguard(guarded) == text


def test_harmless_text_and_numbers_are_left_alone():
    for text in ["O'Brien", "Zoë", "Jo-Ann", "'quoted'", "2026-03-14 09:05:00", "50"]:
        assert csvsafe.guard(text) == text
    assert csvsafe.guard(-3) == -3 and csvsafe.guard(-0.25) == -0.25
    assert csvsafe.guard("-3") == "'-3"         # as text it could be a formula's start


# --- report --csv -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_class(tmp_path_factory):
    """Every hostile and harmless name plays the same fact-or-opinion round and calls
    every statement an opinion, so each has a negative c (a real number to keep)."""
    bank = load_bank([ROOT / "questions"]).bank
    folder = tmp_path_factory.mktemp("hostile")
    questions = build_round(bank, RoundSetup(skills=("fact_or_opinion",), count=8, seed=5))
    assert {q.answer for q in questions} == {0, OPINION}     # facts and opinions both
    store = Results(folder)
    for name in HOSTILE + HARMLESS:
        play(store, questions, name, lambda q: OPINION)
    store.close()
    return folder


def test_report_csv_writes_no_cell_a_spreadsheet_would_run(hostile_class, tmp_path, capsys):
    target = tmp_path / "class.csv"
    assert cli.main(["report", "--data-dir", str(hostile_class), "--csv", str(target)]) == 0
    assert "Traceback" not in capsys.readouterr().err
    rounds, statements = read_csv(target), read_csv(tmp_path / "class-statements.csv")
    assert len(rounds) == 1 + len(HOSTILE + HARMLESS) and len(statements) > 1
    for row in rounds + statements:
        for cell in row:
            assert not runs_as_formula(cell), (cell, row)

    header = rounds[0]
    players = [row[0] for row in rounds[1:]]
    cleaned = lambda name: " ".join(name.split())      # the store's clean-up of spaces
    # Every hostile name gets one ' (a second one for a name that already had one), and
    # the harmless ones are left alone.
    assert sorted(players) == sorted(["'" + cleaned(name) for name in HOSTILE]
                                     + [cleaned(name) for name in HARMLESS])
    assert {"O'Brien", "Zoë", "Jo-Ann Smith", "Ana Lee"} <= set(players)
    assert "'=HYPERLINK(\"http://x\",\"click\")" in players
    assert "'=3+3" in players and "'=5+5" in players     # cleaned up, then guarded
    assert "'-3" in players
    for row in rounds[1:]:
        c = row[header.index("c")]
        assert c.startswith("-") and float(c) < 0     # a number, never given a '


def test_report_csv_from_the_command_line_in_a_process(hostile_class, tmp_path):
    target = tmp_path / "week.csv"
    done = run("report", "--data-dir", hostile_class, "--csv", target)
    assert done.returncode == 0, done.stderr
    cells = [cell for row in read_csv(target) for cell in row]
    assert not [cell for cell in cells if runs_as_formula(cell)]


# --- export --format csv, and import reading it back ----------------------------------------

def hostile_bank() -> tuple[Bank, list[Statement]]:
    article = Article("hostile", "not stated", "not stated", "not stated", "not stated",
                      "news analysis", "Because.", ("None.",))
    statements = [Statement(f"h-{i:02d}", "hostile", text + " happened.", "fact",
                            text or "the author", "official", (), 1, text + " is checkable.")
                  for i, text in enumerate(t.strip() for t in HOSTILE + HARMLESS)]
    statements.append(Statement("h-cue", "hostile", "=SUM(A1) is a shameful formula.",
                                "opinion", "the author", "author", (Cue("=SUM(A1)"), Cue("shameful")),
                                2, "Judged."))
    return Bank({"hostile": article}, statements), statements


def test_export_csv_guards_every_text_cell_and_import_takes_the_guard_off(tmp_path):
    bank, statements = hostile_bank()
    text = sheet.to_csv(bank.articles, statements)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    for row in rows:
        for cell in row:
            assert not runs_as_formula(cell), (cell, row)
    by_id = {row[2]: row for row in rows[1:]}
    assert by_id["h-00"][3] == "'=HYPERLINK(\"http://x\",\"click\") happened."
    assert by_id["h-cue"][rows[0].index("cues")] == "'=SUM(A1) | shameful"
    assert by_id["h-17"][3] == "O'Brien happened."          # the harmless stay as they are

    out = tmp_path / "hostile.yaml"
    made = sheet.import_rows("h.csv", text.encode("utf-8"), out, bank)
    assert made.problems == []
    out.write_text(made.text, encoding="utf-8")
    assert load_bank([out]).bank.statements == statements


def test_a_negative_number_in_a_number_column_stays_a_number():
    bank, statements = hostile_bank()
    odd = Statement("n-1", "hostile", "A text.", "fact", "the author", "author", (), -3, "Why.")
    rows = list(csv.DictReader(io.StringIO(sheet.to_csv(bank.articles, [odd]), newline="")))
    assert rows[0]["difficulty"] == "-3"


def test_export_csv_from_the_command_line_guards_cells(tmp_path):
    folder = tmp_path / "questions"
    folder.mkdir()
    lines = ["article:", "  id: hostile", '  headline: "=HYPERLINK(\\"http://x\\")"',
             '  outlet: "not stated"', '  author: "not stated"', '  date: "not stated"',
             "  genre: news analysis", '  genre_explanation: "Because."',
             '  provenance: ["None."]', "statements:"]
    for i, text in enumerate(["=1+1 happened.", "@SUM(A1) happened.", "-2 degrees fell."]):
        lines += [f"  - id: h-{i}", f'    text: "{text}"', "    label: fact",
                  f'    source: "{text[:4]}"', "    source_kind: official", "    cues: []",
                  "    difficulty: 1", f'    explanation: "{text}"']
    (folder / "hostile.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    table, back = tmp_path / "all.csv", tmp_path / "back.yaml"
    done = run("export", "--format", "csv", "--out", table, folder)
    assert done.returncode == 0, done.stderr
    rows = read_csv(table)
    assert not [cell for row in rows for cell in row if runs_as_formula(cell)]
    assert rows[1][1] == "'=HYPERLINK(\"http://x\")" and rows[1][3] == "'=1+1 happened."
    done = run("import", table, "--out", back)
    assert done.returncode == 0, done.stderr
    # The article is not in questions/, so the new file has placeholders to fill in.
    fields = lambda s: (s.id, s.text, s.source, s.explanation)
    assert list(map(fields, load_bank([back]).files[0].statements)) == \
        list(map(fields, load_bank([folder]).files[0].statements))


# --- GIFT ---------------------------------------------------------------------------------

def test_gift_keeps_hostile_texts_as_text_and_never_starts_a_line_with_them():
    """Moodle reads GIFT as text, not formulas: '=' and '~' already have a backslash
    (GIFT's own escape), and a line break inside a text, a lone carriage return too, is
    written as \\n, so no text can start a line of its own."""
    bank, statements = hostile_bank()
    hand = HandQuestion("h-q1", "hostile", "=1+1 or @SUM?", ("=1+1", "-2"), "-2", "\r=3")
    bank = Bank(bank.articles, [s for s in statements if s.label == "fact"], [hand])
    text = gift.to_gift(bank)
    assert "\r" not in text
    starts = ("//", "::", "$CATEGORY: ", "\t=", "\t~", "\t####", "}")
    assert all(line == "" or line.startswith(starts) for line in text.split("\n"))
    read = {q["name"]: q for q in read_gift(text)}
    for s in bank.statements:
        question = read[f"{s.id} Fact or opinion"]
        assert question["prompt"].split("\n", 1)[1].strip() == s.text.strip()
        assert read[f"{s.id} Who is the source?"]["right"] == [s.source.strip()]
    assert read["h-q1"]["choices"] == ["=1+1", "-2"] and read["h-q1"]["feedback"] == "=3"


# --- what import and new-article are given to read -----------------------------------------

def odd_paths(tmp_path) -> dict:
    """Paths that are not an ordinary file, by what they are."""
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "dir.csv").mkdir()
    os.symlink(folder / "loop-b.csv", folder / "loop-a.csv")
    os.symlink(folder / "loop-a.csv", folder / "loop-b.csv")
    os.symlink(folder / "gone.csv", folder / "dangling.csv")
    return {"this is a folder, not a file": folder / "dir.csv",
            "this is a symlink loop: the link leads back to itself": folder / "loop-a.csv",
            f"this is a link to {folder / 'gone.csv'}, which does not exist":
                folder / "dangling.csv",
            "this is missing (no such file or folder)": folder / "missing.csv"}


@pytest.mark.parametrize("command", ["import", "new-article"])
def test_a_path_that_is_not_an_ordinary_file_is_named_and_refused(tmp_path, capsys, command):
    out = tmp_path / "out.yaml"
    for words, path in odd_paths(tmp_path).items():
        assert cli.main([command, str(path), "--out", str(out)]) == 1, words
        err = capsys.readouterr().err
        assert err.startswith(f"{path}: {words}\n"), err
        assert "Traceback" not in err and not out.exists()


needs_unix = pytest.mark.skipif(not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"),
                                reason="named pipes and /dev/zero are Unix things")


@needs_unix
@pytest.mark.parametrize("command", ["import", "new-article"])
def test_a_named_pipe_or_a_device_is_refused_without_being_opened(tmp_path, command):
    """Opening a pipe would wait forever for a writer, and /dev/zero never ends: each is
    refused from its kind, before any read (in a process of its own, so that a
    regression fails on the timeout instead of hanging the suite)."""
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    os.symlink("/dev/zero", tmp_path / "zero.csv")
    out = tmp_path / "out.yaml"
    for path, words in [(pipe, "this is a named pipe, not a file"),
                        ("/dev/zero", "this is a device, not a file"),
                        (tmp_path / "zero.csv",
                         "this is a link to /dev/zero, which is a device, not a file")]:
        done = run(command, path, "--out", out, timeout=60)
        assert done.returncode == 1 and done.stderr.startswith(f"{path}: {words}"), done.stderr
        assert "Traceback" not in done.stderr and not out.exists()


def test_import_refuses_a_file_over_the_size_limit_before_reading_it(tmp_path, capsys):
    big = tmp_path / "big.csv"
    with open(big, "wb") as handle:
        handle.truncate(sheet.MAX_BYTES + 1)     # sparse: nothing to read in any case
    out = tmp_path / "out.yaml"
    assert cli.main(["import", str(big), "--out", str(out)]) == 1
    assert capsys.readouterr().err == (
        f"{big}: the file is over 10 MB; a spreadsheet to import may be at most 10 MB\n")
    assert not out.exists()


HEADER = "id,text,label,source,source_kind,difficulty,explanation\n"


def test_import_stops_at_the_row_cap_and_names_the_row(tmp_path, capsys):
    table = tmp_path / "many.csv"
    table.write_text(HEADER + "".join(f"x-{i},A fact.,fact,a,official,1,Why.\n"
                                      for i in range(sheet.MAX_ROWS + 5)), encoding="utf-8")
    out = tmp_path / "many.yaml"
    assert cli.main(["import", str(table), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{table}:{sheet.MAX_ROWS + 2}: more than {sheet.MAX_ROWS:,} rows; "
                          f"a spreadsheet to import may have at most {sheet.MAX_ROWS:,}")
    assert "Traceback" not in err and not out.exists()


def test_import_names_the_row_that_takes_the_question_file_over_1_mb(tmp_path, capsys):
    text = "A fact. " * 150
    table = tmp_path / "long.csv"
    table.write_text(HEADER + "".join(f"x-{i},{text},fact,a,official,1,{text}\n"
                                      for i in range(1000)), encoding="utf-8")
    out = tmp_path / "long.yaml"
    assert cli.main(["import", str(table), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    first = err.splitlines()[0]
    assert first.startswith(f"{table}:") and first.endswith(
        ": with this row the question file would be over 1 MB, the most a question file may "
        "hold: keep fewer rows (an article's statements fit well within it)")
    row = int(first.split(":")[1])
    assert 350 < row < 450         # each row writes about 2,500 bytes: two 1,200-character texts
    assert not out.exists()


def test_a_cell_too_large_for_the_csv_reader_is_named_by_its_row(tmp_path):
    small = load_bank([ROOT / "questions"]).bank
    data = (HEADER + "x-1,A fact.,fact,a,official,1,Why.\n"
            + "x-2," + "y" * 200_000 + ",fact,a,official,1,Why.\n").encode()
    made = sheet.import_rows("x.csv", data, tmp_path / "x.yaml", small)
    assert len(made.problems) == 1 and made.problems[0].startswith("x.csv:3: cannot read it "
                                                                   "as CSV: ")


# --- new-article: encodings, NULs and sizes ------------------------------------------------

ARTICLE = ("Café Closes After 40 Years\n\nThe owner said the café’s roof was unsafe. "
           "Señora Núñez called it a shameful decision.\n")


def draft_of(tmp_path, capsys, data: bytes):
    article, out = tmp_path / "a.txt", tmp_path / "out" / "a.yaml"
    article.write_bytes(data)
    code = cli.main(["new-article", str(article), "--out", str(out)])
    said = capsys.readouterr()
    return code, said.out + said.err, out


@pytest.mark.parametrize("encoding,data", [
    ("UTF-16", ARTICLE.encode("utf-16")),                       # with its byte-order mark
    ("UTF-16", "\ufeff".encode("utf-16-be") + ARTICLE.encode("utf-16-be")),
    ("UTF-16", ARTICLE.encode("utf-16-be")),                    # no mark
    ("UTF-16", ARTICLE.encode("utf-16-le")),
    ("Windows-1252", ARTICLE.encode("cp1252")),                 # ñ, not the ń of cp1250
])
def test_new_article_reads_utf16_and_windows_1252_as_what_they_are(tmp_path, capsys,
                                                                   encoding, data):
    code, said, out = draft_of(tmp_path, capsys, data)
    assert code == 0, said
    assert f"is {encoding} text, not UTF-8" in said
    text = out.read_text(encoding="utf-8")
    assert "\\x00" not in text and "\\0" not in text
    assert 'text: "The owner said the café’s roof was unsafe."' in text
    assert 'text: "Señora Núñez called it a shameful decision."' in text
    assert (tmp_path / "out" / "articles" / "a.txt").read_text(encoding="utf-8") == ARTICLE


def test_new_article_reads_another_code_page_the_detector_is_sure_of(tmp_path, capsys):
    polish = "Zażółć gęślą jaźń. Prezydent powiedział, że sytuacja jest poważna.\n"
    code, said, out = draft_of(tmp_path, capsys, polish.encode("cp1250"))
    assert code == 0 and "is Windows-1250 text, not UTF-8" in said
    assert 'text: "Zażółć gęślą jaźń."' in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("data,where", [
    (b"The owner said it.\nIt was\x00 unsafe.\n", "line 2, column 7"),
    ("The owner said it.\x00\n".encode("utf-16-be"), "line 1, column "),   # as it decodes
    ("\ufeffThe owner said it.\x00\n".encode("utf-16-le"), "line 1, column 19"),
    (bytes(5000), "line 1, column 1"),
])
def test_new_article_refuses_text_with_nul_characters(tmp_path, capsys, data, where):
    code, said, out = draft_of(tmp_path, capsys, data)
    assert code == 1 and not out.exists() and "Traceback" not in said
    assert said.startswith(f"{tmp_path / 'a.txt'}: {where}")
    assert said.endswith(": a NUL character; this is not plain text. Save the article as "
                         "plain text (UTF-8) and try again\n")


def test_new_article_refuses_bytes_that_are_no_text(tmp_path, capsys):
    data = bytes(range(256)) * 8
    code, said, out = draft_of(tmp_path, capsys, data)
    assert code == 1 and not out.exists() and "Traceback" not in said
    assert said.startswith(f"{tmp_path / 'a.txt'}: ") and "not plain text" in said


def test_new_article_refuses_an_article_over_the_limit_at_once(tmp_path, capsys):
    from game.authoring import draft
    code, said, out = draft_of(tmp_path, capsys, b"A sentence. " * (draft.MAX_BYTES // 12 + 1))
    assert code == 1 and not out.exists()
    assert said == (f"{tmp_path / 'a.txt'}: the file is over 100 KB; an article may be at most "
                    "100 KB (a draft of a longer one would be over the 1 MB a question file "
                    "may hold): split it into parts\n")


def test_new_article_stops_a_draft_that_would_be_over_1_mb(tmp_path, capsys):
    """Under the size limit, but so many tiny sentences that the draft would not fit."""
    code, said, out = draft_of(tmp_path, capsys, b"A b. " * 20_000)
    assert code == 1 and not out.exists() and "Traceback" not in said
    assert said.startswith(f"{tmp_path / 'a.txt'}: the draft would be over 1 MB, the most a "
                           "question file may hold, by sentence ")
    assert "of 20,000; split the article into parts" in said


def test_a_sentence_too_long_to_be_a_statement_is_left_out_with_its_reason(tmp_path, capsys):
    from game.authoring import draft
    endless = "word " * 10_000
    code, said, out = draft_of(tmp_path, capsys, f"Prices rose on Monday.\n{endless}\n".encode())
    assert code == 0, said
    text = out.read_text(encoding="utf-8")
    assert text.count("\n    reviewed: false") == 1
    comments = re.sub(r"\n#\s+", " ", text)
    assert (f"a sentence too long to be one statement ({len(endless.strip()):,} characters; "
            f"a statement may have at most {draft.LONGEST:,}): word word word") in comments
    assert len(text) < 20_000             # the long sentence is not copied out whole


def test_a_long_paragraph_is_split_into_the_same_sentences(tmp_path):
    from game.authoring.sentences import split
    paragraph = "The council met on Tuesday, and Mr. Smith said 7.5 was too much. " * 150
    assert split(paragraph).sentences == [
        "The council met on Tuesday, and Mr. Smith said 7.5 was too much."] * 150


# --- game.files, which every file is read through ----------------------------------------------

def test_read_file_reads_an_ordinary_file_up_to_its_limit_exactly(tmp_path):
    from game.files import FileProblem, read_file, what_is
    path = tmp_path / "ten.txt"
    path.write_bytes(b"0123456789")
    assert what_is(path) is None and read_file(path, 10) == b"0123456789"
    with pytest.raises(FileProblem) as refused:
        read_file(path, 9, "a test file")
    assert str(refused.value) == "the file is 10 bytes; a test file may be at most 9 bytes"
    assert refused.value.too_big and not refused.value.missing


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="Linux's /proc")
def test_a_file_longer_than_its_stat_says_is_still_read_only_to_the_limit():
    """/proc files say they are empty; the read itself stops one byte past the limit."""
    from game.files import FileProblem, read_file
    assert os.stat("/proc/self/status").st_size == 0
    with pytest.raises(FileProblem, match="the file is over 100 bytes"):
        read_file("/proc/self/status", 100)
