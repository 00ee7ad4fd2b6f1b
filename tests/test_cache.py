"""The copy of checked question files that lets the game start without parsing YAML."""
import errno
import json
import os
import shutil
import threading

import pytest

import game.bank.cache as cache_module
import game.bank.reading as reading
from conftest import DATA, ROOT
from game.bank import load_bank
from game.bank.cache import FILE_NAME, BankCache
from game.bank.models import Where


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(ROOT / "questions", tmp_path / "questions")
    return tmp_path


def test_unchanged_files_come_from_the_cache_and_match(folder, monkeypatch):
    fresh = load_bank([folder / "questions"], BankCache(folder / "data"))
    assert (folder / "data" / FILE_NAME).is_file()
    monkeypatch.setattr(reading, "parse", lambda *a: pytest.fail("parsed a cached file"))
    cached = load_bank([folder / "questions"], BankCache(folder / "data"))
    assert cached.bank == fresh.bank and cached.problems == []
    assert [f.quotes_checked for f in cached.files] == [f.quotes_checked for f in fresh.files]


def test_an_edited_file_is_read_again(folder):
    load_bank([folder / "questions"], BankCache(folder / "data"))
    path = folder / "questions" / "osaka-repost.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("label: fact", "label: fcat", 1), encoding="utf-8")
    again = load_bank([folder / "questions"], BankCache(folder / "data"))
    assert [p.path for p in again.problems] == [str(path)]
    assert "fcat" in again.problems[0].message
    path.write_text(text, encoding="utf-8")          # fixed: it loads again
    assert load_bank([folder / "questions"], BankCache(folder / "data")).problems == []


def test_a_damaged_cache_is_ignored(folder):
    (folder / "data").mkdir()
    (folder / "data" / FILE_NAME).write_text('{"version": 1, "files": {"x": 3}}',
                                             encoding="utf-8")
    result = load_bank([folder / "questions"], BankCache(folder / "data"))
    assert result.problems == [] and len(result.bank.statements) > 50
    (folder / "data" / FILE_NAME).write_bytes(b"\xff\x00 not json")
    assert load_bank([folder / "questions"], BankCache(folder / "data")).problems == []


# --- The cache is data too: whatever it holds, the bank is the one read from the files --

@pytest.fixture
def small(tmp_path):
    """One question file (with an article text and a hand-written question), its bank read
    without a cache, and a cache folder holding the entry written for it."""
    shutil.copy(DATA / "good.yaml", tmp_path / "good.yaml")
    shutil.copy(DATA / "article.txt", tmp_path / "article.txt")
    paths = [tmp_path / "good.yaml"]
    load_bank(paths, BankCache(tmp_path / "data"))
    return paths, load_bank(paths), tmp_path / "data"


def read_cache(folder) -> dict:
    return json.loads((folder / FILE_NAME).read_text(encoding="utf-8"))


def assert_same_bank(paths, fresh, folder):
    cached = load_bank(paths, BankCache(folder))
    assert cached.bank == fresh.bank and cached.problems == fresh.problems
    for model in (*cached.bank.articles.values(), *cached.bank.statements,
                  *cached.bank.questions):
        assert isinstance(model.where, Where) and model.where.path == str(paths[0])
    # What was wrong is replaced, so the next start needs no parsing.
    again = BankCache(folder)
    assert again.get(paths[0]) is not None


@pytest.mark.parametrize("text", [t.replace("VERSION", str(cache_module.VERSION)) for t in [
    '{"version": VERSION, "files": []}', '{"version": VERSION, "files": {"x": 3}}',
    '{"version": VERSION}', '[]', '"files"', 'null',
    '{"version": VERSION, "files": {"x": {"stamps": 1}}}',
    "[" * 200_000, '{"version": VERSION, "files": ' + "[" * 50_000,
]])
def test_a_cache_of_the_wrong_shape_is_ignored_and_written_afresh(small, text):
    paths, fresh, folder = small
    (folder / FILE_NAME).write_text(text, encoding="utf-8")
    assert_same_bank(paths, fresh, folder)


@pytest.mark.parametrize("kind", ["device", "pipe", "folder"])
def test_a_cache_that_is_not_a_file_is_never_read(small, kind):
    paths, fresh, folder = small
    (folder / FILE_NAME).unlink()
    {"device": lambda p: os.symlink("/dev/zero", p), "pipe": os.mkfifo,
     "folder": os.mkdir}[kind](folder / FILE_NAME)
    done = []
    loader = threading.Thread(target=lambda: done.append(load_bank(paths, BankCache(folder))),
                              daemon=True)
    loader.start()
    loader.join(30)         # a generous bound: opening the pipe would wait forever
    assert done and done[0].bank == fresh.bank
    if kind != "folder":    # ours to replace; a folder of that name is left alone
        assert_same_bank(paths, fresh, folder)
    assert [p for p in folder.iterdir() if p.suffix == ".tmp"] == []


def test_a_cache_too_big_to_be_ours_is_not_read(small, monkeypatch):
    paths, fresh, folder = small
    monkeypatch.setattr(cache_module, "MAX_BYTES", 1000)
    monkeypatch.setattr(json, "loads", lambda *a, **k: pytest.fail("read a too-big cache"))
    assert load_bank(paths, BankCache(folder)).bank == fresh.bank


WRONG = {"null": None, "number": 2.5, "whole": 7, "list": [None], "dict": {"x": 1},
         "huge": "x" * 1_000_000, "true": True}
# Values of the right type that the loader would never produce.
UNLIKE = {
    ("article", "id"): ["", "two words"], ("article", "genre"): ["poem"],
    ("article", "genre_also_fits"): [["poem"]], ("article", "provenance"): [[3], ["\x00"]],
    ("article", "headline"): ["a\x00b", "\ud800", ""],
    ("statements", "label"): ["maybe"], ("statements", "source_kind"): ["rumour"],
    ("statements", "difficulty"): [0, 4], ("statements", "article"): ["other"],
    ("statements", "cues"): [["x" * 1_000_000], list("abc") * 1000],
    ("statements", "source_also_fits"): [[{"source": "x"}], [{"source": "", "why": "y"}],
                                         [{"source": "x", "why": "y", "extra": 1}],
                                         [{"source": "x", "why": "\x00"}]],
    # None is a context the loader makes (a statement without one): not among these.
    ("statements", "context"): ["x", [], {"before": "x"}, {"before": "x", "after": 3},
                                {"before": "x", "after": "", "extra": 1},
                                {"before": "\x00", "after": ""},
                                {"before": "x" * 1_000_000, "after": ""}],
    ("questions", "answer"): ["not a choice"], ("questions", "choices"): [[], ["a", 3]],
    ("questions", "difficulty"): [-1], ("questions", "article"): ["other"],
    ("statements", "where"): [{"path": 3, "line": 1, "column": 1},
                              {"path": "x", "line": 0, "column": 1},
                              {"path": "x", "line": 1, "column": 1, "extra": 2}],
}
FIELDS = {"article": ["id", "headline", "outlet", "author", "date", "genre",
                      "genre_explanation", "provenance", "title", "genre_also_fits",
                      "text_file", "where"],
          "statements": ["id", "article", "text", "label", "source", "source_kind", "cues",
                         "difficulty", "explanation", "reviewed", "source_also_fits", "where"],
          "questions": ["id", "article", "prompt", "choices", "answer", "explanation",
                        "difficulty", "where"]}
FORGED = [(part, name, wrong) for part, names in FIELDS.items() for name in names
          for wrong in WRONG] + \
         [(part, name, i) for (part, name), values in UNLIKE.items() for i in range(len(values))]


@pytest.mark.parametrize("part, name, wrong", FORGED)
def test_a_forged_entry_is_ignored_and_the_file_read_afresh(small, part, name, wrong):
    paths, fresh, folder = small
    forged = read_cache(folder)
    entry = next(iter(forged["files"].values()))
    target = entry[part] if part == "article" else entry[part][-1]
    value = UNLIKE[part, name][wrong] if isinstance(wrong, int) else WRONG[wrong]
    if name == "reviewed" and value is True:
        value = "true"
    target[name] = value
    (folder / FILE_NAME).write_text(json.dumps(forged), encoding="utf-8")
    assert_same_bank(paths, fresh, folder)


@pytest.mark.parametrize("part, wrong", [
    ("statements", None), ("statements", {}), ("statements", [1]), ("questions", "x"),
    ("article", []), ("quotes_checked", "yes"), ("quotes_checked", None),
    ("stamps", None), ("entry", []), ("entry", None), ("missing", "article"),
    ("missing", "statements"), ("extra_field", "article"),
])
def test_a_forged_entry_of_the_wrong_shape_is_ignored(small, part, wrong):
    paths, fresh, folder = small
    forged = read_cache(folder)
    key = next(iter(forged["files"]))
    if part == "entry":
        forged["files"][key] = wrong
    elif part == "missing":
        del forged["files"][key][wrong]
    elif part == "extra_field":
        forged["files"][key][wrong]["colour"] = "red"
    else:
        forged["files"][key][part] = wrong
    (folder / FILE_NAME).write_text(json.dumps(forged), encoding="utf-8")
    assert_same_bank(paths, fresh, folder)


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_cache_that_cannot_be_written_leaves_no_temporary_file(tmp_path, monkeypatch, step):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    shutil.copy(DATA / "good.yaml", tmp_path / "good.yaml")
    shutil.copy(DATA / "article.txt", tmp_path / "article.txt")
    (tmp_path / "data").mkdir()
    monkeypatch.setattr(os, step, full)
    result = load_bank([tmp_path / "good.yaml"], BankCache(tmp_path / "data"))
    monkeypatch.undo()
    assert result.problems == [] and len(result.bank.statements) == 2
    assert list((tmp_path / "data").iterdir()) == []


def test_a_file_the_cache_could_not_hold_is_read_afresh_every_time(tmp_path):
    """A lone surrogate (YAML's "\\uD800") cannot be written as UTF-8: the start used to
    crash saving the cache, and leave its temporary file."""
    good = (DATA / "good.yaml").read_text(encoding="utf-8")
    (tmp_path / "good.yaml").write_text(good.replace('no byline."', 'no byline \\uD800."'),
                                        encoding="utf-8")
    shutil.copy(DATA / "article.txt", tmp_path / "article.txt")
    paths = [tmp_path / "good.yaml"]
    for _ in range(2):
        result = load_bank(paths, BankCache(tmp_path / "data"))
        assert result.bank == load_bank(paths).bank
    assert not (tmp_path / "data" / FILE_NAME).exists()
    assert not (tmp_path / "data").exists() or list((tmp_path / "data").iterdir()) == []


def test_the_cache_checks_entries_by_the_loader_own_rules():
    from game.bank import schema
    assert cache_module._ID.pattern == reading._ID.pattern
    for table in (schema.STATEMENT, schema.QUESTION):
        spec = table["difficulty"]
        assert cache_module._DIFFICULTY == range(spec.low, spec.high + 1)


def test_a_symbolic_link_loop_is_never_cached_and_never_a_crash(tmp_path):
    """Path.resolve() raises RuntimeError on a loop (Python before 3.13); the loader reports
    the file, the cache must only stay out of the way."""
    os.symlink(tmp_path / "b.yaml", tmp_path / "a.yaml")
    os.symlink(tmp_path / "a.yaml", tmp_path / "b.yaml")
    cache = BankCache(tmp_path / "data")
    assert cache.get(tmp_path / "a.yaml") is None
    result = reading.load_file(tmp_path / "a.yaml")
    assert result.errors
    cache.put(tmp_path / "a.yaml", result)
    assert cache.entries == {} and not cache.changed
