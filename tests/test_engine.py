"""The quiz engine without pygame: rounds, answers, points, lean and calibration."""
import pytest

from game.quiz.round import RoundSetup, build_round
from game.quiz.scoring import Answer, calibration, lean, points_for
from game.quiz.state import RoundState
from game.quiz.verdict import Verdict, judge


def test_same_seed_same_round_and_skills_are_mixed(bank):
    setup = RoundSetup(count=15, seed=11)
    first, again = build_round(bank, setup), build_round(bank, setup)
    assert [q.id for q in first] == [q.id for q in again]
    assert len(first) == 15
    assert len({q.skill for q in first}) == 5
    assert [q.id for q in build_round(bank, RoundSetup(count=15, seed=12))] != [q.id for q in first]


def test_round_respects_articles_skills_and_difficulty(bank):
    setup = RoundSetup(articles=("osaka-repost",), skills=("fact_or_opinion", "source_kind"),
                       max_difficulty=2, count=10, seed=3)
    questions = build_round(bank, setup)
    assert len(questions) == 10
    assert {q.article for q in questions} == {"osaka-repost"}
    assert {q.skill for q in questions} == {"fact_or_opinion", "source_kind"}
    assert max(q.difficulty for q in questions) <= 2
    statements = [q.statement for q in questions]
    assert len(set(statements)) == len(statements)   # enough statements: none asked twice


def test_round_size_is_limited():
    with pytest.raises(ValueError):
        RoundSetup(count=4)
    with pytest.raises(ValueError):
        RoundSetup(count=31)


def test_streak_bonus_and_wrong_answer_reset(bank):
    questions = build_round(bank, RoundSetup(skills=("fact_or_opinion",), count=5, seed=1))
    state = RoundState(RoundSetup(skills=("fact_or_opinion",), count=5, seed=1), questions)
    first = state.answer(questions[0].answer)
    second = state.answer(questions[1].answer)
    assert (first.points, second.points) == (100, 110)
    wrong = state.answer(1 - questions[2].answer)
    assert not wrong.correct and wrong.points == 0 and state.streak == 0
    assert state.score == 210
    state.answer(questions[3].answer)
    state.answer(questions[4].answer)
    assert state.finished and state.current is None
    with pytest.raises(RuntimeError):
        state.answer(0)


def test_speed_bonus_only_with_timer():
    right = Verdict.RIGHT
    assert points_for(right, 1.0, 1, seconds=0, timer=None, confidence=None) == 100
    assert points_for(right, 1.0, 1, seconds=0, timer=20, confidence=None) == 150
    assert points_for(right, 1.0, 1, seconds=10, timer=20, confidence=None) == 125
    assert points_for(right, 1.0, 1, seconds=30, timer=20, confidence=None) == 100


def test_confident_wrong_costs_more_and_confident_right_earns_more():
    wrong, right = Verdict.WRONG, Verdict.RIGHT
    assert points_for(wrong, 0, 0, 0, None, "sure") < points_for(wrong, 0, 0, 0, None, "guessing")
    assert points_for(right, 1, 1, 0, None, "sure") > points_for(right, 1, 1, 0, None, "guessing")


def test_opinion_words_scored_by_the_cues_found(bank):
    q = next(q for q in build_round(bank, RoundSetup(skills=("opinion_words",), count=5, seed=2)))
    state = RoundState(RoundSetup(skills=("opinion_words",), count=5), [q])
    exact = state.answer(q.cue_words)
    assert exact.correct and exact.credit == 1.0
    assert judge(q, frozenset()).credit == 0.0
    everything = frozenset(range(len(q.words)))
    assert judge(q, everything).credit < 1.0


def _fo_answers(pairs, bank):
    """pairs of (truth, given): 0 fact, 1 opinion."""
    fo = [q for q in build_round(bank, RoundSetup(skills=("fact_or_opinion",), count=30, seed=5))]
    facts = [q for q in fo if q.answer == 0]
    opinions = [q for q in fo if q.answer == 1]
    answers = []
    for truth, given in pairs:
        q = (opinions if truth else facts).pop()
        verdict = Verdict.RIGHT if given == truth else Verdict.WRONG
        answers.append(Answer(q, given, verdict, float(given == truth), 0, 0, 0.0))
    return answers


def test_lean_tells_a_player_who_calls_everything_opinion(bank):
    all_opinion = lean(_fo_answers([(0, 1)] * 5 + [(1, 1)] * 5, bank))
    assert all_opinion.d_prime == pytest.approx(0, abs=1e-9)
    assert all_opinion.bias < -0.5
    assert "opinion" in all_opinion.words
    sharp = lean(_fo_answers([(0, 0)] * 5 + [(1, 1)] * 5, bank))
    assert sharp.d_prime > 1.5 and abs(sharp.bias) < 0.5
    assert "No strong lean" in sharp.words


def test_calibration_counts_right_answers_per_confidence(bank):
    answers = _fo_answers([(0, 0), (0, 1), (1, 1)], bank)
    answers = [Answer(a.question, a.given, a.verdict, a.credit, 0, 0, 0.0, c)
               for a, c in zip(answers, ["sure", "sure", "guessing"])]
    assert calibration(answers) == {"sure": (2, 0.5), "guessing": (1, 1.0)}


def test_speed_points_are_off_unless_the_round_asks_for_them(bank):
    questions = build_round(bank, RoundSetup(skills=("fact_or_opinion",), count=5, seed=4))
    plain = RoundState(RoundSetup(timer_seconds=30, count=5), questions)
    quick = RoundState(RoundSetup(timer_seconds=30, count=5, speed_points=True), questions)
    right = questions[0].answer
    assert plain.answer(right, seconds=1).points == 100
    assert quick.answer(right, seconds=1).points > 140
