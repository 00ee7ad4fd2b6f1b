"""The copy of checked question files that lets the game start without parsing YAML."""
import shutil

import pytest

import game.bank.reading as reading
from conftest import ROOT
from game.bank import load_bank
from game.bank.cache import FILE_NAME, BankCache


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
