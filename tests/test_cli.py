"""The command line a teacher uses: `run.py validate` and `run.py bank --json`."""
import json

from conftest import DATA, ROOT, run


def test_validate_shipped_bank_prints_summary_and_exits_0():
    done = run("validate")
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert out.startswith("OK: 5 file(s), 5 article(s), ")
    for line in ("Fact or opinion", "Who is the source?", "What kind of source?",
                 "Spot the opinion words", "What kind of article?", "Fact/opinion balance:"):
        assert line in out


def test_validate_default_is_the_projects_questions_folder_from_anywhere(tmp_path):
    done = run("validate", cwd=tmp_path)
    assert done.returncode == 0 and "5 article(s)" in done.stdout


def test_validate_bad_files_lists_every_problem_and_exits_1():
    done = run("validate", str(DATA / "bad_label.yaml"), str(DATA / "bad_cue.yaml"))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert f"{DATA / 'bad_label.yaml'}:17:12: 'label' in statement 'lib-01' is 'facts'; " \
           "expected one of: fact, opinion — did you mean 'fact'?" in lines
    assert any(line.startswith(f"{DATA / 'bad_cue.yaml'}:28:12: the cue 'shamefull'")
               for line in lines)
    assert lines[-1].endswith("problem(s) in 2 file(s); 0 file(s) are fine.")


def test_validate_good_and_bad_together_still_fails():
    done = run("validate", str(DATA / "good.yaml"), str(DATA / "bad_not_utf8.yaml"))
    assert done.returncode == 1
    assert "1 file(s) are fine" in done.stdout


def test_validate_missing_path_exits_1():
    done = run("validate", "no-such-folder")
    assert done.returncode == 1 and "no such file or folder" in done.stdout


def test_bank_json_holds_every_statement_with_its_fields():
    done = run("bank", "--json")
    assert done.returncode == 0, done.stderr
    bank = json.loads(done.stdout)
    assert len(bank["articles"]) == 5 and len(bank["statements"]) >= 75
    fields = {"id", "article", "text", "label", "source", "source_kind", "cues",
              "difficulty", "explanation"}
    for statement in bank["statements"]:
        assert fields <= statement.keys()
        assert statement["label"] in ("fact", "opinion")
        assert isinstance(statement["cues"], list)
    article_ids = {a["id"] for a in bank["articles"]}
    assert {s["article"] for s in bank["statements"]} == article_ids
    assert any("’" in s["text"] for s in bank["statements"])  # curly quotes survive


def test_bank_json_with_a_bad_file_keeps_the_good_ones_and_exits_1():
    done = run("bank", "--json", str(DATA / "good.yaml"), str(DATA / "bad_syntax.yaml"))
    assert done.returncode == 1
    assert [s["id"] for s in json.loads(done.stdout)["statements"]] == ["lib-01", "lib-02"]
    assert "bad_syntax.yaml:4:26:" in done.stderr


def test_validate_into_a_pipe_closed_early_prints_no_traceback():
    import subprocess
    import sys
    hostile = f"'{ROOT / 'tests' / 'data' / 'hostile'}' " * 200   # more than a pipe holds
    shell = subprocess.run(f"'{sys.executable}' '{ROOT / 'run.py'}' validate {hostile}| head -1",
                           shell=True, capture_output=True, text=True, timeout=120)
    assert shell.stdout.count("\n") == 1 and ":" in shell.stdout
    assert "Traceback" not in shell.stderr and "BrokenPipe" not in shell.stderr
