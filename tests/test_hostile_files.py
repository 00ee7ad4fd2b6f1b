"""Issue 10, section 1: whatever a question file or preset holds, and whatever it is (a
link, a pipe, a device, a folder, 3 GB), Byline names the problem at its file:line:column
and goes on; it never crashes, never hangs, never reads what it should not.

The small reproductions are committed in tests/data/hostile/, each with the problem it must
give in an '# expect: LINE:COLUMN: words' comment; the huge ones and the special files are
made here at run time."""
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pygame
import pytest

from conftest import DATA, ROOT
from game import cli
from game.bank import load_bank
from game.bank.folders import folders
from game.store.settings import default_data_dir
from game.quiz.presets import load_preset, open_preset
from game.scenes.question import QuestionScene
from pilot import key, new_app

HOSTILE = DATA / "hostile"
CORPUS = sorted(HOSTILE.glob("*.yaml"))
PRESET_CORPUS = sorted((HOSTILE / "presets").glob("*.yaml"))


def expected(path: Path) -> list[tuple[int, int, str]]:
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expect: "):
            where, words = line[len("# expect: "):].split(": ", 1)
            row, column = where.split(":")
            found.append((int(row), int(column), words))
    assert found, f"{path} has no '# expect:' line"
    return found


def assert_reported(problems, path, line, column, words) -> None:
    """One of the problems is at path:line:column and says words."""
    prefix = f"{path}:{line}:{column}: "
    lines = [str(p) for p in problems]
    assert any(s.startswith(prefix) and words in s for s in lines), (prefix + words, lines[:5])


@contextlib.contextmanager
def no_hang(seconds: int = 20):
    """Turn a hang (a named pipe opened for reading waits for a writer for ever) into a
    failure; a blocked open() is interrupted by the alarm."""
    def alarm(*_):
        raise TimeoutError(f"still running after {seconds} s: Byline hung")
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# The committed seed corpus.

@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_corpus_question_file_gives_its_problem_at_its_line(path, capsys):
    result = load_bank([path])
    assert result.skipped == [str(path)] and result.bank.statements == []
    for line, column, words in expected(path):
        assert_reported(result.problems, path, line, column, words)
    assert cli.main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    for line, column, words in expected(path):
        assert f"{path}:{line}:{column}: " in out and words in out


@pytest.mark.parametrize("path", PRESET_CORPUS, ids=[p.stem for p in PRESET_CORPUS])
def test_corpus_preset_gives_its_problem_at_its_line(path, bank, capsys):
    preset, problems = load_preset(path, bank)
    assert preset is None
    for line, column, words in expected(path):
        assert_reported(problems, path, line, column, words)
    assert cli.main(["validate", str(path)]) == 1
    assert open_preset(str(path), folders(default_data_dir())) == (None, 1)        # run.py --preset PATH
    captured = capsys.readouterr()
    for line, column, words in expected(path):
        assert f"{path}:{line}:{column}: " in captured.out
        assert f"{path}:{line}:{column}: " in captured.err


def test_a_repeated_problem_is_reported_once_with_a_count():
    path = HOSTILE / "anchor_repeated.yaml"
    aliases = [p for p in load_bank([path]).problems if "anchors and aliases" in p.message]
    assert len(aliases) == 1 and aliases[0].message.endswith("(and 3 more times)")


# Huge files, made at run time (never committed).

TEMPLATE = (HOSTILE / "date_month_13.yaml").read_text(encoding="utf-8").replace(
    "date: 2026-13-45", "date: 2024-08-05")


def question_file(folder: Path, name: str, old: str, new: str) -> Path:
    assert old in TEMPLATE
    path = folder / f"{name}.yaml"
    path.write_text(TEMPLATE.replace(old, new, 1).replace("date-month-13", name),
                    encoding="utf-8")
    return path


def _statements(count: int) -> str:
    one = ('  - id: s{n}\n    text: "Statement number {n} is a shameful betrayal."\n'
           "    label: opinion\n    source: the author\n    source_kind: author\n"
           "    cues: [shameful]\n    difficulty: 1\n    explanation: \"A judgment.\"\n")
    return "".join(one.format(n=n) for n in range(count))


# name: (field replaced, its new text, line, column, words)
HUGE = {
    "decimal_5000_digits": ("difficulty: 1", "difficulty: " + "9" * 5000, 20, 17,
                            "is a number 5,000 characters long; expected a whole number "
                            "from 1 to 3"),
    "sexagesimal_300000_parts": ("difficulty: 1", "difficulty: 1" + ":0" * 300_000, 20, 17,
                                 "is a number 600,001 characters long"),
    "headline_900_kb": ("headline: \"Council", "headline: \"" + "x" * 900_000 + "Council",
                        6, 13, "'headline' in the article is 900,040 characters long; it "
                               "may be at most 300"),
    "source_35_kb": ("source: the author", "source: " + "the author " * 3_200, 17, 13,
                     "'source' in statement 'source_35_kb-01' is 35,199 characters long"),
    "statement_of_20000_words": (
        "cues: [shameful]",
        'cues: ["' + " ".join(f"cue{n}" for n in range(20_000)) + '"]', 15, 11,
        "'text' in statement 'statement_of_20000_words-01' is 188,889 characters long; it "
        "may be at most 1,500"),
    "anchor_used_100000_times": ("provenance: [\"No byline and no outlet.\"]",
                                 "provenance: [&p \"No byline.\"]\n  title: [" +
                                 ", ".join(["*p"] * 100_000) + "]", 12, 16,
                                 "write the value out (and 99,999 more times)"),
    "3500_statements": ("statements:\n", "statements:\n" + _statements(3_500), 13, 1,
                        "'statements' lists 3,501 items; a file may hold at most 1,000"),
}


def make_huge(folder: Path, name: str) -> tuple[Path, int, int, str]:
    old, new, line, column, words = HUGE[name]
    path = question_file(folder, name, old, new)
    if name == "statement_of_20000_words":      # the statement itself, as long as its cue
        text = path.read_text(encoding="utf-8").replace(
            "The decision is a shameful betrayal.",
            " ".join(f"word{n}" for n in range(20_000)))
        path.write_text(text, encoding="utf-8")
    return path, line, column, words


@pytest.mark.parametrize("name", HUGE)
def test_huge_values_are_refused_by_their_length_and_cost_little(name, tmp_path, capsys):
    path, line, column, words = make_huge(tmp_path, name)
    tracemalloc.start()
    try:
        result = load_bank([path])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert_reported(result.problems, path, line, column, words)
    assert result.skipped == [str(path)]
    assert len(result.problems) < 200            # never a line per repetition
    assert peak < 200 * 2**20, f"{peak / 2**20:.0f} MB"
    assert cli.main(["validate", str(path)]) == 1
    assert f"{path}:{line}:{column}: " in capsys.readouterr().out


def test_the_statement_of_20000_words_names_its_cue_too(tmp_path):
    path, *_ = make_huge(tmp_path, "statement_of_20000_words")
    problems = load_bank([path]).problems
    assert_reported(problems, path, 19, 12, "an item of 'cues' in statement "
                                            "'statement_of_20000_words-01' is 168,889 "
                                            "characters long; it may be at most 200")


def test_a_3_gb_question_file_is_refused_without_being_read(tmp_path):
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as f:
        f.truncate(3 * 10**9)                   # sparse: no disk space, no time
    tracemalloc.start()
    try:
        problems = load_bank([path]).problems
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [str(p) for p in problems] == [
        f"{path}:1:1: the file is 3 GB; a question file may be at most 1 MB "
        "(split it into one file per article)"]
    assert peak < 10 * 2**20


# What a path is: each named, never opened.

def special(folder: Path, name: str) -> tuple[Path, str]:
    """A path of some kind that is not a file, and the words that must name it."""
    path = folder / name
    if name == "loop.yaml":
        os.symlink(folder / "loop-back.yaml", path)
        os.symlink(path, folder / "loop-back.yaml")
        return path, "this is a symlink loop: the link leads back to itself"
    if name == "zero.yaml":
        os.symlink("/dev/zero", path)
        return path, "this is a link to /dev/zero, which is a device, not a file"
    if name == "urandom.yaml":
        os.symlink("/dev/urandom", path)
        return path, "this is a link to /dev/urandom, which is a device, not a file"
    if name == "pipe.yaml":
        os.mkfifo(path)
        return path, "this is a named pipe, not a file"
    if name == "folder.yaml":
        path.mkdir()
        return path, "this is a folder, not a file"
    if name == "dangling.yaml":
        os.symlink(folder / "gone.yaml", path)
        return path, f"this is a link to {folder / 'gone.yaml'}, which does not exist"
    raise AssertionError(name)


SPECIAL = ["loop.yaml", "zero.yaml", "urandom.yaml", "pipe.yaml", "folder.yaml",
           "dangling.yaml"]


@pytest.mark.parametrize("name", SPECIAL)
def test_a_path_that_is_not_a_file_is_named_for_what_it_is(name, tmp_path, capsys):
    path, words = special(tmp_path, name)
    with no_hang():
        named = load_bank([path]).problems
        listed = load_bank([tmp_path]).problems           # found in a folder
        assert cli.main(["validate", str(path)]) == 1
    assert [str(p) for p in named] == [f"{path}:1:1: {words}"]
    assert [str(p) for p in listed if p.path == str(path)] == [f"{path}:1:1: {words}"]
    out = capsys.readouterr().out
    assert f"{path}:1:1: {words}" in out
    assert out.splitlines()[-1] == "1 problem(s) in 1 file(s); 0 file(s) are fine."
    assert str(path) in load_bank([tmp_path]).skipped      # the title screen says so


def test_an_editors_lock_file_is_not_a_question_file(tmp_path):
    """Emacs keeps '.#name.yaml', a link to nowhere, while a file is edited."""
    os.symlink("teacher@host.1234:1700000000", tmp_path / ".#osaka.yaml")
    shutil.copy(DATA / "good.yaml", tmp_path)
    shutil.copy(DATA / "article.txt", tmp_path)
    result = load_bank([tmp_path])
    assert result.problems == [] and len(result.bank.statements) == 2


@pytest.mark.parametrize("name", SPECIAL)
def test_a_preset_that_is_not_a_file_is_named_for_what_it_is(name, tmp_path, bank, capsys):
    presets = tmp_path / "presets"
    presets.mkdir()
    path, words = special(presets, name)
    with no_hang():
        preset, problems = load_preset(path, bank)
        assert open_preset(str(path), folders(default_data_dir())) == (None, 1)      # run.py --preset PATH
        assert cli.main(["validate", str(path)]) == 1
    assert preset is None and [str(p) for p in problems] == [f"{path}:1:1: {words}"]
    captured = capsys.readouterr()
    assert f"{path}:1:1: {words}" in captured.err and f"{path}:1:1: {words}" in captured.out


ARTICLE_TEXT = {
    "big.txt": "is 2 GB; an article's text may be at most 2 MB",
    "pipe.txt": "is a named pipe, not a file",
    "zero.txt": "is a link to /dev/zero, which is a device, not a file",
    "folder.txt": "is a folder, not a file",
}


@pytest.mark.parametrize("name", ARTICLE_TEXT)
def test_an_article_text_file_is_checked_before_it_is_read(name, tmp_path):
    target = tmp_path / name
    if name == "big.txt":
        with open(target, "wb") as f:
            f.truncate(2 * 10**9)
    elif name == "pipe.txt":
        os.mkfifo(target)
    elif name == "zero.txt":
        os.symlink("/dev/zero", target)
    else:
        target.mkdir()
    path = question_file(tmp_path, "texted", "provenance:",
                         f"text_file: {name}\n  provenance:")
    with no_hang():
        problems = load_bank([path]).problems
    assert_reported(problems, path, 12, 14, f"the article file {target} {ARTICLE_TEXT[name]}")


def test_a_preset_with_huge_values_is_refused(tmp_path, bank):
    presets = tmp_path / "presets"
    presets.mkdir()
    title = presets / "title.yaml"
    title.write_text('title: "' + "x" * 900_000 + '"\nseed: 1\n', encoding="utf-8")
    seed = presets / "seed.yaml"
    seed.write_text("seed: " + "9" * 5000 + "\n", encoding="utf-8")
    assert_reported(load_preset(title, bank)[1], title, 1, 8,
                    "'title' in the preset is 900,000 characters long; it may be at most 200")
    assert_reported(load_preset(seed, bank)[1], seed, 1, 7,
                    "'seed' in the preset is a number 5,000 characters long")


def test_a_preset_too_big_is_refused_unread_in_words_for_a_preset(tmp_path, bank):
    """It was told to split itself 'into one file per article', as a question file is."""
    path = tmp_path / "big.yaml"
    with open(path, "wb") as f:
        f.truncate(2 * 10**6)
    assert [str(p) for p in load_preset(path, bank)[1]] == [
        f"{path}:1:1: the file is 2 MB; a preset may be at most 1 MB"]


# The whole corpus at once, as a teacher's folder: the real command line and the game.

def hostile_folder(tmp_path: Path) -> tuple[Path, list[tuple[Path, int, int, str]]]:
    folder = tmp_path / "questions"
    folder.mkdir()
    wanted = []
    for source in CORPUS:
        path = folder / source.name
        shutil.copy(source, path)
        wanted += [(path, *e) for e in expected(source)]
    for name in HUGE:
        wanted.append(make_huge(folder, name))
    for name in SPECIAL:
        path, words = special(folder, name)
        wanted.append((path, 1, 1, words))
    return folder, wanted


def test_validate_on_every_hostile_file_at_once_lists_them_all(tmp_path):
    folder, wanted = hostile_folder(tmp_path)
    presets = tmp_path / "presets"
    shutil.copytree(HOSTILE / "presets", presets)
    done = subprocess.run([sys.executable, str(ROOT / "run.py"), "validate", str(folder),
                           str(presets)], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr and done.stderr == ""
    for path, line, column, words in wanted:
        assert any(s.startswith(f"{path}:{line}:{column}: ") and words in s
                   for s in done.stdout.splitlines()), (path, line, words)
    for source in PRESET_CORPUS:
        for line, column, words in expected(source):
            assert f"{presets / source.name}:{line}:{column}: {words}" in done.stdout


def test_preset_option_on_a_named_pipe_exits_1_at_once(tmp_path):
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    done = subprocess.run([sys.executable, str(ROOT / "run.py"), "--preset", str(pipe)],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
                          timeout=60)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{pipe}:1:1: this is a named pipe, not a file" in done.stderr


def test_the_game_starts_with_every_hostile_file_and_lists_them(tmp_path):
    folder, wanted = hostile_folder(tmp_path)
    with no_hang(60):
        app = new_app(question_paths=[folder], data_dir=tmp_path / "data")
        for _ in range(3):
            app.step()
    try:
        assert app.running and app.loaded.bank.statements == []
        for path, line, column, words in wanted:
            assert_reported(app.loaded.problems, path, line, column, words)
    finally:
        pygame.quit()


def test_f5_mid_round_with_a_bad_file_keeps_the_round(tmp_path):
    folder = tmp_path / "questions"
    shutil.copytree(ROOT / "questions", folder, ignore=shutil.ignore_patterns("presets"))
    app = new_app(question_paths=[folder], data_dir=tmp_path / "data", seed=3)
    try:
        for _ in range(3):
            key(app, pygame.K_RETURN)                       # Play, one player, Player 1
        assert isinstance(app.scene, QuestionScene)
        question = app.scene.question
        shutil.copy(HOSTILE / "date_month_13.yaml", folder / "date.yaml")
        shutil.copy(HOSTILE / "tag_bool_maybe.yaml", folder / "tag.yaml")
        os.mkfifo(folder / "pipe.yaml")
        with no_hang():
            key(app, pygame.K_F5, frames=3)
        assert isinstance(app.scene, QuestionScene) and app.scene.question is question
        shown = app.banner.text
        assert "3 new problem(s)" in shown
        assert f"{folder / 'date.yaml'}:9:9: 'date' in the article is 2026-13-45" in shown
        assert f"{folder / 'pipe.yaml'}:1:1: this is a named pipe, not a file" in shown
    finally:
        pygame.quit()


# The last resort: a bug of Byline's is still one file's problem, not a crash.

def test_an_unexpected_error_reading_a_file_is_that_files_problem(monkeypatch, tmp_path):
    import game.bank.reading as reading

    def broken(*_):
        raise ValueError("boom")
    monkeypatch.setattr(reading, "_read_document", broken)
    good = DATA / "good.yaml"
    result = load_bank([good])
    assert [str(p) for p in result.problems] == [
        f"{good}:1:1: Byline could not read this file (internal error: ValueError: boom); "
        "the file is left out. Please report this with the file."]


def test_an_unexpected_error_reading_a_preset_is_that_presets_problem(monkeypatch, bank):
    import game.quiz.presets as presets

    def broken(*_):
        raise KeyError("boom")
    monkeypatch.setattr(presets._Reader, "mapping", broken)
    preset, problems = load_preset(DATA / "presets" / "good.yaml", bank)
    assert preset is None and len(problems) == 1
    assert problems[0].message.startswith("Byline could not read this file (internal error: "
                                          "KeyError: 'boom')")


def test_a_broken_cache_only_costs_speed(tmp_path):
    class Broken:
        def __getattr__(self, name):
            raise RuntimeError("the cache is broken")
    result = load_bank([DATA / "good.yaml"], cache=Broken())
    assert result.problems == [] and len(result.bank.statements) == 2


def test_a_file_with_very_many_problems_stops_at_a_hundred(tmp_path):
    path = tmp_path / "many.yaml"
    path.write_text(TEMPLATE.replace("    difficulty: 1\n", "".join(
        f"    unknown{n}: x\n" for n in range(5_000))), encoding="utf-8")
    problems = load_bank([path]).problems
    assert len(problems) == 101
    notes = [p for p in problems if p.message == "Byline stopped looking after 100 problems "
                                                 "in this file; fix these, then check it again"]
    assert len(notes) == 1 and notes[0].line == max(p.line for p in problems)
