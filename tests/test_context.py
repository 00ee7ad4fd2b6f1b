"""The sentences around a quote (C on a question): a quote that is only part of a sentence
is shown with the rest of that sentence on its own line, never leaving a line that starts
with a stray ", although…" (issue 13 §1)."""
import pytest

from conftest import ARTICLES, ROOT
from game.bank import load_bank
from game.bank.context import context_of


@pytest.fixture(scope="module")
def bank():
    return load_bank([ROOT / "questions"]).bank


def test_no_line_of_context_starts_inside_a_sentence(bank):
    if not ARTICLES.is_dir():
        pytest.skip("the articles are not beside the checkout")
    for s in bank.statements:
        found = context_of(s, bank)
        assert found.from_article, s.id
        for part in (found.before, found.after):
            for line in part.splitlines():
                assert line[:1] not in (",", ";", ":", "–", "—") and not line[:1].islower(), \
                    (s.id, line)
        # before ends where a sentence ends, or at a line break (a heading, a caption).
        assert not found.before or not found.before.rstrip().endswith((",", "that", "but"))


def test_a_quote_inside_a_sentence_gets_the_rest_of_it(bank):
    if not ARTICLES.is_dir():
        pytest.skip("the articles are not beside the checkout")
    by_id = {s.id: s for s in bank.statements}
    # "…have been recorded in the country, although there are suspicions…"
    start = context_of(by_id["ordo-02"], bank)
    assert start.tail.startswith(", although there are suspicions")
    assert not start.after.startswith(",")
    middle = context_of(by_id["ordo-03"], bank)
    assert middle.lead.endswith("recorded in the country, although")
    whole = context_of(by_id["osaka-02"], bank)
    assert (whole.lead, whole.tail) == ("", "")
