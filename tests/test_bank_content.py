"""The shipped bank: enough statements per article, every quote exact, hard cases present."""
from collections import Counter

import pytest

from conftest import ARTICLES, ROOT
from game.bank import load_bank
from game.bank.loader import question_files


@pytest.fixture(scope="module")
def loaded():
    return load_bank([ROOT / "questions"])


def test_bank_loads_without_problems(loaded):
    assert [str(p) for p in loaded.problems] == []
    assert len(loaded.bank.articles) >= 5


def test_at_least_fifteen_statements_per_article_with_both_labels(loaded):
    per_article = Counter(s.article for s in loaded.bank.statements)
    for article in loaded.bank.articles:
        assert per_article[article] >= 15, article
        labels = {s.label for s in loaded.bank.statements_of(article)}
        assert labels == {"fact", "opinion"}, article
    assert len(loaded.bank.statements) >= 75


@pytest.mark.skipif(not ARTICLES.is_dir(), reason="../shared/articles is not beside this checkout")
def test_every_text_is_copied_exactly_from_its_article(loaded):
    for article in loaded.bank.articles.values():
        body = (ARTICLES / article.text_file).read_text(encoding="utf-8")
        for s in loaded.bank.statements_of(article.id):
            assert s.text in body, (s.id, s.text[:60])
    assert all(f.quotes_checked for f in loaded.files)


def test_ids_are_unique_and_follow_their_file(loaded):
    ids = [s.id for s in loaded.bank.statements] + [q.id for q in loaded.bank.questions]
    assert len(ids) == len(set(ids))


def test_opinions_name_their_cue_words(loaded):
    for s in loaded.bank.statements:
        if s.label == "opinion":
            assert s.cues and all(c in s.text for c in s.cue_words), s.id


def test_the_hard_cases_are_covered_and_explained(loaded):
    statements = loaded.bank.statements
    kinds = Counter(s.source_kind for s in statements)
    assert set(kinds) == {"news outlet", "official", "social media", "interview or speech",
                          "anonymous", "author"}
    # Reports of someone's opinion: facts whose cue words belong to the quoted speaker.
    reported = [s for s in statements if s.label == "fact" and s.cues]
    assert len(reported) >= 5
    # The writer's judgment wrapped round a checkable claim.
    assert any(s.label == "opinion" and s.source_kind != "author" for s in statements)
    genres = {a.genre for a in loaded.bank.articles.values()}
    assert len(genres) >= 3
    unattributed = [a for a in loaded.bank.articles.values()
                    if a.author == "not stated" and a.outlet == "not stated"]
    assert unattributed and all(a.provenance for a in unattributed)


def test_every_shipped_file_is_a_question_file():
    files, errors = question_files([ROOT / "questions"])
    assert errors == [] and len(files) >= 5


def test_the_same_sentence_gets_the_same_label_everywhere(loaded):
    """Issue 11's guard: a sentence quoted twice (whole, or inside a longer one) must not
    be a fact in one statement and an opinion in another."""
    statements = loaded.bank.statements
    clashes = [(a.id, a.label, b.id, b.label) for a in statements for b in statements
               if a is not b and a.text in b.text and a.label != b.label]
    assert clashes == []


def test_every_opinion_names_the_words_that_carry_it(loaded):
    assert [s.id for s in loaded.bank.statements if s.label == "opinion" and not s.cues] == []
