"""Issue 13 §1: every answer gets one verdict, right, partly right or wrong, and the points
a player is shown are what the score changed by. Engine only: no pygame."""
import pytest

from conftest import ROOT
from game.bank import load_bank
from game.bank.models import Article, Cue, Statement
from game.quiz.state import RoundState
from game.quiz.questions import Options, for_article, for_statement
from game.quiz.round import RoundSetup
from game.quiz.scoring import CONFIDENCE, Answer, calibration_words, floor_words, \
    points_words
from game.quiz.verdict import PARTLY_MAX, Tally, Verdict, judge, practise

ARTICLE = Article(id="a", headline="Times change", outlet="The Times", author="Ann Lee",
                  date="1 May 2024", genre="news analysis", genre_explanation="It argues "
                  "from reported facts: news analysis, though an opinion column fits too.",
                  provenance=(), genre_also_fits=("opinion column",))


def words_question(text: str, *cues: str):
    s = Statement(id="a-1", article="a", text=text, label="opinion", source="the author",
                  source_kind="author", cues=tuple(Cue(c) for c in cues), difficulty=1,
                  explanation="The writer judges.")
    [q] = [q for q in for_statement(s, ARTICLE, Options(["x"])) if q.skill == "opinion_words"]
    return q


def picks(q, *words: str) -> frozenset[int]:
    texts = q.word_texts()
    return frozenset(texts.index(w) for w in words)


def test_a_wrong_extra_word_is_partly_right_never_right():
    """The reproduction: "Times" + "insane" scored +77 and "Right"."""
    q = words_question("The Times called the plan insane on Monday.", "insane")
    state = RoundState(RoundSetup(count=5), [q])
    answer = state.answer(picks(q, "Times", "insane"))
    assert answer.verdict is Verdict.PARTLY and not answer.correct
    assert answer.note == "Not judgment words: “Times”."
    assert 0 < answer.points <= PARTLY_MAX * 100
    assert answer.streak == 0        # partly right is not a right answer in a row


def test_right_needs_no_extra_word_and_enough_cues():
    q = words_question("A bizarre, reckless and shameful plan was passed.",
                       "bizarre", "reckless", "shameful")
    exact = judge(q, q.cue_words)
    assert (exact.verdict, exact.credit, exact.note) == (Verdict.RIGHT, 1.0, "")
    two = judge(q, picks(q, "bizarre", "reckless"))       # two of three: enough
    assert two.verdict is Verdict.RIGHT and two.credit == pytest.approx(2 / 3)
    assert two.note == "You could also have picked “shameful”."
    one = judge(q, picks(q, "bizarre"))                   # one of three: too few
    assert one.verdict is Verdict.PARTLY
    assert one.note == "Missed: “reckless” and “shameful”."
    both = judge(q, picks(q, "bizarre", "plan"))
    assert both.verdict is Verdict.PARTLY
    assert both.note == "Not judgment words: “plan”. Missed: “reckless” and “shameful”."
    none = judge(q, picks(q, "plan", "passed"))
    assert none.verdict is Verdict.WRONG and none.credit == 0
    assert none.note == "Not judgment words: “plan” and “passed”."
    assert judge(q, frozenset()).verdict is Verdict.WRONG
    assert judge(q, None).verdict is Verdict.WRONG          # time ran out


def test_a_cue_of_several_words_is_found_by_any_of_them():
    q = words_question("It goes against all reason, he wrote.", "against all reason")
    assert judge(q, picks(q, "reason")).verdict is Verdict.RIGHT
    assert judge(q, picks(q, "against", "all", "reason")).credit == 1.0


def test_a_genre_the_article_also_fits_is_offered_and_partly_right():
    q = for_article(ARTICLE, seed=3)
    also = q.choices.index("Opinion column")
    assert q.also == (also,)
    state = RoundState(RoundSetup(count=5, confidence=True), [q])
    answer = state.answer(also, confidence="sure")
    assert answer.verdict is Verdict.PARTLY and answer.points == 75      # 50 × 1.5, no loss
    assert answer.note == ("“Opinion column” fits in part, so it earns some points; "
                           "“News analysis” fits better.")
    wrong = next(i for i in range(len(q.choices)) if i not in (q.answer, also))
    assert judge(q, wrong).verdict is Verdict.WRONG


def test_points_shown_are_what_the_score_changes_by():
    bank = load_bank([ROOT / "questions"]).bank
    from game.quiz.round import build_round
    questions = build_round(bank, RoundSetup(skills=("fact_or_opinion",), count=5, seed=1))
    state = RoundState(RoundSetup(count=5, confidence=True), questions)
    first = state.answer(1 - questions[0].answer, confidence="sure")
    # The reproduction: "−50 points" while the score stayed 0.
    assert first.points == 0 and state.score == 0
    assert points_words(first) == ""
    assert floor_words(first) == "No points lost: the score can’t go below 0."
    state.answer(questions[1].answer, confidence="guessing")               # +50
    assert state.score == 50
    penalty = CONFIDENCE["sure"][1]
    lost = state.answer(1 - questions[2].answer, confidence="sure")
    assert lost.points == -penalty and state.score == 0
    assert points_words(lost) == f"−{penalty} points" and floor_words(lost) == ""
    state.answer(questions[3].answer, confidence="guessing")               # +50
    held = state.answer(1 - questions[4].answer, confidence="sure")
    assert state.score == sum(a.points for a in state.answers) >= 0
    assert held.points == -min(penalty, 50)
    partly_held = Answer(questions[0], 0, Verdict.WRONG, 0.0, -30, 0, 0.0, "sure")
    assert floor_words(partly_held) == "Only 30 points lost: the score can’t go below 0."


def test_calibration_advice_needs_five_answers_at_a_level():
    few = {"sure": (4, 0.25), "guessing": (3, 1.0)}
    assert calibration_words(few).startswith("Too few answers at each level")
    assert "slow down" in calibration_words({"sure": (5, 0.4)})
    # Guesses counted only with five of them: no comparison with three.
    assert "no more often" not in calibration_words({"sure": (5, 0.4), "guessing": (3, 1.0)})
    assert "no more often" in calibration_words({"sure": (5, 0.4), "guessing": (5, 1.0)})


def test_practise_names_every_tied_weakest_skill_or_the_one_with_most_answers():
    tallies = {"fact_or_opinion": Tally(0, 0, 2), "who_is_source": Tally(0, 1, 2),
               "opinion_words": Tally(1, 0, 1)}
    assert practise(tallies) == ("Practise “Fact or opinion” and “Who is the source?”: "
                                 "0 of 2 right in each this round.")
    tallies["source_kind"] = Tally(0, 0, 3)
    assert practise(tallies) == "Practise “What kind of source?”: 0 of 3 right this round."
    assert practise({"fact_or_opinion": Tally(4, 0, 5)}).startswith("Strong round")
