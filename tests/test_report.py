"""The teacher's report: per-player numbers, the hardest statements, CSV a spreadsheet opens
with names intact, JSON with every answer, filters, the command line; and a results file
locked by another program is left where it is, never changed by a report."""
import csv
import json
import sqlite3

import pytest

from conftest import play, right, version_one_database
from game import cli
from game.quiz.questions import FACT_CHOICES
from game.quiz.round import RoundSetup, build_round
from game.quiz.scoring import lean
from game.quiz.state import RoundState
from game.store import report
from game.store.results import FILE_NAME, Results

ZOE = "Zoë O'Brien, Jr."
OPINION = FACT_CHOICES.index("Opinion: a judgment")
FIELDS = {"player", "round", "mode", "position", "question_id", "statement_id", "skill",
          "given", "correct", "points", "seconds", "confidence", "answered"}


@pytest.fixture(scope="module")
def lesson(tmp_path_factory, bank):
    """Zoë plays a mixed round and half of another; Ana and Ben play the same eight
    fact-or-opinion questions. Both miss `hard`, a fact nobody else was asked about; Ben
    calls everything opinion and lets the timer run out once. Ana played last year."""
    folder = tmp_path_factory.mktemp("lesson")
    mixed = build_round(bank, RoundSetup(count=10, seed=2))
    facts = build_round(bank, RoundSetup(skills=("fact_or_opinion",), count=8, seed=5))
    hard = next(q for q in facts if q.answer != OPINION
                and q.statement not in {m.statement for m in mixed})
    timeout = next(q for q in facts if q.answer == OPINION)
    store = Results(folder)
    zoe1, zoe_done = play(store, mixed, ZOE, right)
    zoe2, _ = play(store, mixed, ZOE, right, stop=2)
    ana, ana_state = play(store, facts, "Ana", lambda q: OPINION if q is hard else q.answer)
    ben, ben_state = play(store, facts, "Ben", lambda q: None if q is timeout else OPINION)
    with store.db:
        store.db.execute("UPDATE rounds SET started = '2025-01-10T10:00:00', "
                         "finished = '2025-01-10T10:06:00' WHERE id = ?", (ana,))
    store.close()
    return dict(folder=folder, mixed=mixed, facts=facts, hard=hard, timeout=timeout,
                zoe1=zoe1, zoe2=zoe2, ana=ana, ben=ben, zoe_done=zoe_done,
                ana_state=ana_state, ben_state=ben_state)


@pytest.fixture
def results(lesson):
    store = Results(lesson["folder"], read_only=True)
    yield store
    store.close()


def test_text_report_gives_each_players_numbers_and_the_hardest_statement_first(lesson,
                                                                                 results, bank):
    text = report.render_text(report.build(results, bank))
    blocks = {block.splitlines()[0]: block for block in text.split("\n\n")}
    zoe = blocks[ZOE]
    assert (f"Rounds: 2 played, 1 finished, 1 unfinished. Best score: "
            f"{lesson['zoe_done'].score}.") in zoe
    assert "Right: 12 of 12 (100%)" in zoe
    assert "not enough fact-or-opinion answers yet" in zoe
    ana = blocks["Ana"]
    assert "Rounds: 1 played, 1 finished, 0 unfinished." in ana
    assert "Fact or opinion  7 of 8 (88%)" in ana
    ben_right = sum(a.correct for a in lesson["ben_state"].answers)
    assert f"Right: {ben_right} of 8 ({ben_right / 8:.0%})" in blocks["Ben"]
    # Rebuilt from the stored text of each answer, the lean is the one the player saw.
    seen = lean(lesson["ben_state"].answers)
    assert seen.enough
    assert f"d′ {seen.d_prime:.1f}" in blocks["Ben"]
    assert "They lean to calling sentences opinion" in blocks["Ben"]    # about, not to, Ben

    table = text.split("Statements, hardest first\n")[1].splitlines()
    hard = lesson["hard"]
    assert table[1].split()[:3] == ["2", "0", "0%"]
    assert "Opinion: a judgment (2)" in table[1] and f"{hard.statement}:" in table[1]


def test_statements_are_counted_over_every_player_and_sorted_hardest_first(lesson, results,
                                                                         bank):
    made = report.build(results, bank)
    first = made.statements[0]
    hard = next(s for s in bank.statements if s.id == lesson["hard"].statement)
    assert (first.id, first.text, first.article) == (hard.id, hard.text, hard.article)
    assert (first.answered, first.right) == (2, 0)
    assert (first.commonest_wrong, first.commonest_wrong_count) == ("Opinion: a judgment", 2)
    shares = [(s.share, -s.answered) for s in made.statements]
    assert shares == sorted(shares)
    ran_out = next(s for s in made.statements if s.id == lesson["timeout"].statement)
    assert (ran_out.answered, ran_out.right) == (2, 1)
    assert ran_out.commonest_wrong == "no answer (time ran out)"


def test_csv_opens_in_a_spreadsheet_with_names_intact_one_row_per_round(lesson, results,
                                                                      bank, tmp_path):
    written = report.write_csv(report.build(results, bank), tmp_path / "class.csv")
    assert written == [tmp_path / "class.csv", tmp_path / "class-statements.csv"]
    assert written[0].read_bytes().startswith(b"\xef\xbb\xbf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["class-statements.csv", "class.csv"]
    with open(written[0], encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert sorted((r["Player"], int(r["Round"])) for r in rows) == sorted(
        [(ZOE, lesson["zoe1"]), (ZOE, lesson["zoe2"]), ("Ana", lesson["ana"]),
         ("Ben", lesson["ben"])])
    by_round = {int(r["Round"]): r for r in rows}
    half = by_round[lesson["zoe2"]]
    assert (half["Finished"], half["Score"], half["Answered"]) == ("unfinished", "", "2")
    done = by_round[lesson["zoe1"]]
    assert done["Score"] == str(lesson["zoe_done"].score) and done["% right"] == "100"
    assert by_round[lesson["ana"]]["Started"] == "2025-01-10 10:00:00"
    assert by_round[lesson["ana"]]["% right: Fact or opinion"] == "88"
    assert by_round[lesson["ana"]]["% right: Who is the source?"] == ""
    assert by_round[lesson["ben"]]["d′"] == str(lean(lesson["ben_state"].answers).d_prime)

    with open(written[1], encoding="utf-8-sig", newline="") as f:
        statements = list(csv.DictReader(f))
    asked = {q.statement or q.id for q in lesson["mixed"] + lesson["facts"]}
    assert {s["Statement"] for s in statements} == asked
    first = statements[0]
    assert (first["Statement"], first["Answered"], first["Right"], first["% right"],
            first["Commonest wrong answer"], first["Times given"]) == (
        lesson["hard"].statement, "2", "0", "0", "Opinion: a judgment", "2")


def test_json_holds_every_recorded_answer_as_the_player_saw_it(lesson, results, bank):
    data = json.loads(json.dumps(report.to_json(report.build(results, bank)),
                                 ensure_ascii=False))
    answers = data["answers"]
    assert len(answers) == 10 + 2 + 8 + 8
    assert all(FIELDS <= a.keys() for a in answers)
    zoe = [a for a in answers if a["round"] == lesson["zoe1"]]
    assert [a["question_id"] for a in zoe] == [q.id for q in lesson["mixed"]]
    assert all(a["player"] == ZOE and a["correct"] is True and a["mode"] == "solo"
               for a in zoe)
    words = next(a for a in zoe if a["skill"] == "opinion_words")
    q = next(q for q in lesson["mixed"] if q.id == words["question_id"])
    assert words["given"] == [q.word_texts()[i] for i in sorted(q.cue_words)]
    ben = {a["question_id"]: a for a in answers if a["round"] == lesson["ben"]}
    assert ben[lesson["timeout"].id]["given"] is None
    assert ben[lesson["timeout"].id]["correct"] is False
    assert ben[lesson["hard"].id]["given"] == "Opinion: a judgment"
    assert [p["name"] for p in data["players"]] == ["Ana", "Ben", ZOE]


def test_player_in_any_case_and_since_a_date_choose_the_rounds(lesson, results, bank):
    for name in ("zoë o'brien, jr.", "ZOË  O'BRIEN, JR."):
        made = report.build(results, bank, player=name)
        assert [p.name for p in made.players] == [ZOE]
        assert {a["round"] for a in made.answers} == {lesson["zoe1"], lesson["zoe2"]}
    recent = report.build(results, bank, since="2025-06-01")
    assert [p.name for p in recent.players] == ["Ben", ZOE]
    assert all(a["player"] != "Ana" for a in recent.answers)
    counts = {s.id: (s.answered, s.right) for s in recent.statements}
    assert counts[lesson["hard"].statement] == (1, 0)     # Ana's miss no longer counts
    # Ben alone missed every fact and the one he let time out: equally hard, so by id.
    missed = sorted(q.statement for q in lesson["facts"]
                    if q.answer != OPINION or q is lesson["timeout"])
    assert [s.id for s in recent.statements[:len(missed)]] == missed
    last = report.build(results, bank, round_ids=[lesson["zoe2"]])
    [zoe] = last.players
    assert [r.id for r in zoe.rounds] == [lesson["zoe2"]] and zoe.best_score is None


def test_an_answer_stored_as_an_index_reads_as_a_choice_number():
    assert report.readable(2) == "choice 3"
    assert report.readable(None) == "no answer (time ran out)"
    assert report.readable(["dire", "reckless"]) == "“dire”, “reckless”"
    assert report.readable([]) == "no words"


# -- the command line ---------------------------------------------------------------
def test_cli_report_text_with_data_dir_before_or_after_the_command(lesson, capsys):
    before = (lesson["folder"] / FILE_NAME).read_bytes()
    assert cli.main(["--data-dir", str(lesson["folder"]), "report"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Ana\n") and ZOE in out and "Statements, hardest first" in out
    assert cli.main(["report", "--data-dir", str(lesson["folder"]), "--player", "BEN"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Ben\n") and ZOE not in out and "Ana" not in out
    assert (lesson["folder"] / FILE_NAME).read_bytes() == before    # a report writes nothing


def test_cli_report_csv_and_json(lesson, tmp_path, capsys):
    target = tmp_path / "week 3.csv"
    assert cli.main(["report", "--data-dir", str(lesson["folder"]), "--csv",
                     str(target), "--since", "2025-06-01"]) == 0
    assert "week 3-statements.csv" in capsys.readouterr().out
    with open(target, encoding="utf-8-sig", newline="") as f:
        assert {row["Player"] for row in csv.DictReader(f)} == {"Ben", ZOE}
    assert cli.main(["report", "--data-dir", str(lesson["folder"]), "--json",
                     "--player", "ana"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["answers"]) == 8 and {a["player"] for a in data["answers"]} == {"Ana"}


def test_cli_report_unwritable_csv_path_says_so_and_exits_1(lesson, tmp_path, capsys):
    (tmp_path / "not-a-folder").write_text("x")
    target = tmp_path / "not-a-folder" / "out.csv"
    assert cli.main(["report", "--data-dir", str(lesson["folder"]), "--csv",
                     str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Could not write {target}:") and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]


def test_cli_report_unknown_player_lists_the_players(lesson, capsys):
    assert cli.main(["report", "--data-dir", str(lesson["folder"]), "--player", "Zoe"]) == 1
    assert f"Players: Ana, Ben, {ZOE}" in capsys.readouterr().err


def test_cli_report_bad_date_names_the_format(lesson, capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["report", "--data-dir", str(lesson["folder"]), "--since", "14/03/2026"])
    assert stop.value.code == 2
    assert "expected a date as YYYY-MM-DD" in capsys.readouterr().err


def test_cli_report_with_no_results_says_so_and_creates_nothing(tmp_path, capsys):
    empty, missing = tmp_path / "empty", tmp_path / "missing"
    empty.mkdir()
    for folder in (empty, missing):
        assert cli.main(["--data-dir", str(folder), "report"]) == 0
        assert capsys.readouterr().out == f"No results yet in {folder}\n"
    assert list(empty.iterdir()) == [] and not missing.exists()


def test_a_report_reads_an_older_schema_without_changing_the_file(tmp_path, capsys):
    version_one_database(tmp_path)
    before = (tmp_path / FILE_NAME).read_bytes()
    assert cli.main(["--data-dir", str(tmp_path), "report"]) == 0
    assert "Rounds: 1 played, 1 finished, 0 unfinished. Best score: 300." \
        in capsys.readouterr().out
    assert (tmp_path / FILE_NAME).read_bytes() == before


# -- a locked results file ------------------------------------------------------------
@pytest.fixture
def locked(tmp_path, lesson):
    """A copy of the lesson's results, held by another program's exclusive lock."""
    path = tmp_path / FILE_NAME
    path.write_bytes((lesson["folder"] / FILE_NAME).read_bytes())
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    yield path, path.read_bytes()
    other.close()


def test_a_locked_file_stays_in_place_and_answers_wait_until_it_is_free(locked, lesson):
    path, before = locked
    store = Results(path.parent)
    assert "locked" in store.warning() and "kept in memory" in store.warning()
    assert sorted(p.name for p in path.parent.iterdir()) == [FILE_NAME]
    play(store, lesson["mixed"], "Ana", right)
    assert store.unsaved == 10 and path.read_bytes() == before
    store.close()


def test_a_report_on_a_locked_file_says_so_and_leaves_it_in_place(locked, capsys):
    path, before = locked
    assert cli.main(["--data-dir", str(path.parent), "report"]) == 1
    assert "locked" in capsys.readouterr().out
    assert sorted(p.name for p in path.parent.iterdir()) == [FILE_NAME]
    assert path.read_bytes() == before
