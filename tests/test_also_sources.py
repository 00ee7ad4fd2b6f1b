"""Issue 13 §1, "Answers the article itself supports": a source question with an arguable
second answer (words of Trump's that the sentence gives as Bolton's account) scored that
answer "wrong, −50". Now the bank names it (source_also_fits, with why the source is the
better answer) and every place that judges or exports it says partly right, with that why."""
import pygame
import pytest

from conftest import read_gift
from game.authoring import gift, sheet
from game.bank import load_bank
from game.bank.models import AlsoSource, Article, Bank, Statement
from game.quiz.questions import NO_SOURCE, article_sources, for_statement, generate
from game.quiz.round import RoundSetup, build_round
from game.quiz.state import RoundState
from game.quiz.verdict import PARTLY_MAX, Verdict, judge
from game.quiz.wording import right_words

BOLTON = "John Bolton, Trump’s former national security adviser, in his memoir"


def source_question(bank, statement_id: str, seed: int = 0):
    return next(q for q in generate(bank, seed)
                if q.id == f"{statement_id}/who_is_source")


def test_the_reproduction_trump_for_bolton_is_partly_right_with_the_why(bank):
    q = source_question(bank, "cnn-18")
    [why] = [a.why for s in bank.statements if s.id == "cnn-18" for a in s.source_also_fits]
    state = RoundState(RoundSetup(count=5, confidence=True), [q])
    answer = state.answer(q.choices.index("Donald Trump"), confidence="sure")
    assert answer.verdict is Verdict.PARTLY and answer.verdict.word == "Partly right"
    assert not answer.correct and 0 < answer.points == state.score      # not −50
    assert answer.note == (f"“Donald Trump” fits in part, so it earns some points; "
                           f"“{BOLTON}” fits better. {why}")
    assert "according to Bolton’s memoir" in why
    assert right_words(q) == f"{BOLTON} (partly right: Donald Trump)"
    # The source itself is right, and a source the text does not support is still wrong.
    assert judge(q, q.answer).verdict is Verdict.RIGHT
    wrong = next(i for i, c in enumerate(q.choices) if i != q.answer and i not in q.also)
    assert judge(q, wrong).verdict is Verdict.WRONG and judge(q, wrong).note == ""


def test_the_author_as_a_second_answer_is_the_no_source_choice():
    article = Article("a", "not stated", "not stated", "not stated", "not stated",
                      "news analysis", "Because.", ())
    vague = Statement("a-1", "a", "There are suspicions that the figures are too low.",
                      "fact", "unnamed sources", "anonymous", (), 2, "Nobody is named.",
                      source_also_fits=(AlsoSource("the author", "“There are suspicions” "
                                                   "passes on what others suspect."),))
    named = Statement("a-2", "a", "The mayor said so.", "fact", "the mayor",
                      "interview or speech", (), 1, "She said it.")
    for seed in range(20):
        [q] = [q for q in for_statement(vague, article, article_sources([vague, named]), seed)
               if q.skill == "who_is_source"]
        assert [q.choices[i] for i in q.also] == [NO_SOURCE]
        judged = judge(q, q.also[0])
        assert judged.verdict is Verdict.PARTLY and judged.credit == PARTLY_MAX
        assert judged.note.endswith("fits better. “There are suspicions” passes on what "
                                    "others suspect.")


def test_a_partly_right_source_through_the_game(tmp_path):
    """Played with the keyboard: the feedback says "Partly right", names the better
    answer and gives the why, and the score moves by what it shows."""
    from pilot import new_app, pick_partly
    app = new_app(seed=5, data_dir=tmp_path)
    try:
        base = dict(articles=("cnn-37-times",), skills=("who_is_source",), count=5)
        seed = next(seed for seed in range(500) if build_round(
            app.loaded.bank, RoundSetup(**base, seed=seed))[0].also)
        q, feedback = pick_partly(app, RoundSetup(**base, seed=seed))
        said = feedback.blocks()[0][0]
        assert said.startswith(f"“{q.choices[q.also[0]]}” fits in part") and \
            f"“{q.choices[q.answer]}” fits better. {q.also_why[0]}" in said
        assert "Answer:" not in said        # the note names the better answer already
    finally:
        pygame.quit()


def test_gift_gives_a_second_source_half_the_points_and_says_why(bank):
    read = {q["name"]: q for q in read_gift(gift.to_gift(bank))}
    q = source_question(bank, "cnn-18")
    got = read["cnn-18 Who is the source?"]
    assert got["right"] == [BOLTON]
    assert got["partly"] == {"Donald Trump": round(100 * PARTLY_MAX)}
    assert got["said"] == {"Donald Trump": judge(q, q.choices.index("Donald Trump")).note}
    for name in ("ordo-03", "resist-10"):
        assert read[f"{name} Who is the source?"]["partly"] == {NO_SOURCE: 50}


def test_second_sources_survive_the_spreadsheet_and_back(bank, tmp_path):
    statements = [s for s in bank.statements if s.article == "cnn-37-times"]
    text = sheet.to_csv(bank.articles, statements)
    assert "Donald Trump (why: The quoted words are Trump’s" in text
    out = tmp_path / "cnn.yaml"
    made = sheet.import_rows("cnn.csv", text.encode("utf-8"), out, bank)
    assert made.problems == []
    out.write_text(made.text, encoding="utf-8")
    assert load_bank([out]).bank.statements == statements


@pytest.mark.parametrize("cell, said", [
    ("Donald Trump", "'why' in an item of 'source_also_fits' in statement 'cnn-18' "
                     "is empty"),
    ("Donald Trump (why: One.) | Trump (why: Two.) | the mayor (why: Three.)",
     "'source_also_fits' in statement 'cnn-18' lists 3 items; it may list at most 2"),
])
def test_a_bad_second_source_in_a_spreadsheet_names_its_row(bank, tmp_path, cell, said):
    [s] = [s for s in bank.statements if s.id == "cnn-18"]
    text = sheet.to_csv(bank.articles, [s]).replace(
        sheet.cell(s.source_also_fits), cell)
    made = sheet.import_rows("cnn.csv", text.encode("utf-8"), tmp_path / "cnn.yaml", bank)
    assert any(p.startswith("cnn.csv:2: ") and said in p for p in made.problems), \
        made.problems


def test_each_why_in_the_bank_quotes_its_own_sentence(bank):
    """A why points at the words that decide it, and those words are the sentence's: a
    player can find them in what the question shows."""
    import re
    found = [s for s in bank.statements if s.source_also_fits]
    assert len(found) >= 3
    for s in found:
        for also in s.source_also_fits:
            quoted = re.findall(r"“([^”]+)”", also.why)
            assert quoted, (s.id, also.why)
            for part in (p.strip() for q in quoted for p in q.split("…")):
                assert part and part in s.text, (s.id, part)
