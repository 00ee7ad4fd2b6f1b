"""Issue 13 §1, "Numbers disagree": the same round showed opinion words at 44% in the game
and 67% in the CSV. One round, with right, partly right and wrong answers, read by every
place that counts it (the end of the round, the review, Progress, Class results, the
text report, CSV and JSON), must give the same verdicts and the same shares."""
import csv
import json

import pytest

from game.quiz.state import RoundState
from game.quiz.questions import SKILLS, generate
from game.quiz.round import RoundSetup
from game.quiz.verdict import Verdict, tally_of
from game.scenes.progress import ClassResultsScene, ProgressScene
from game.scenes.round_end import summary
from game.scenes.review import ReviewScene
from game.store import report

NAME = "Ana"


def with_extra_word(q):
    """The cues, and a word that is not one: partly right."""
    return q.cue_words | {min(set(range(len(q.words))) - q.cue_words)}


def mixed_round(bank):
    """Nine answers: each skill right, partly right where it can be, and wrong."""
    pool = generate(bank, seed=4)
    words = [q for q in pool if q.skill == "opinion_words"][:3]
    genres = [q for q in pool if q.skill == "article_genre" and q.also][:2]
    facts = [q for q in pool if q.skill == "fact_or_opinion"][:2]
    sources = [q for q in pool if q.skill == "who_is_source"][:2]
    plan = [(words[0], with_extra_word(words[0])), (words[1], words[1].cue_words),
            (words[2], with_extra_word(words[2])), (genres[0], genres[0].also[0]),
            (genres[1], genres[1].answer), (facts[0], 1 - facts[0].answer),
            (facts[1], facts[1].answer), (sources[0], sources[0].answer),
            (sources[1], (sources[1].answer + 1) % len(sources[1].choices))]
    state = RoundState(RoundSetup(count=len(plan)), [q for q, _ in plan])
    for _, given in plan:
        state.answer(given, seconds=2.0)
    return state


def test_every_screen_and_file_counts_the_same_verdicts(app, tmp_path):
    state = mixed_round(app.loaded.bank)
    verdicts = [a.verdict for a in state.answers]
    assert verdicts.count(Verdict.PARTLY) == 3 and Verdict.WRONG in verdicts
    round_id = app.results.start_round(NAME, state.setup.to_plain())
    for i, answer in enumerate(state.answers):
        app.results.record(round_id, i, answer)
    app.results.finish_round(round_id, state.score)
    in_game = state.by_skill()
    assert in_game["opinion_words"].right == 1 and in_game["opinion_words"].partly == 2

    # The end of the round: each skill's share of right answers, partly right beside it.
    skills_column, _ = summary(state)
    total = tally_of(verdicts)
    assert skills_column[0][1].startswith(f"{total.right} of {total.asked} right, 3 partly right")
    bars = {p[0]: (p[1], p[3]) for kind, p in skills_column if kind == "meter"}
    for skill, counted in in_game.items():
        share, note = bars[SKILLS[skill].rstrip('?')]
        assert share == pytest.approx(counted.share) and f"({counted.share:.0%})" in note

    # The review: each answer's own verdict, in words, with its icon's name.
    review = ReviewScene(app, state)
    marks = [payload for kind, payload in review.items() if kind == "mark"]
    assert [(v, words) for v, words in marks] == [
        (a.verdict.value, words) for a, (_, words) in zip(state.answers, marks)]
    assert [words.split(" · ")[0] for _, words in marks] == [v.word for v in verdicts]

    # The teacher's report, built from the stored answers.
    made = report.build(app.results, app.loaded.bank, player=NAME)
    [stored] = made.players[0].rounds
    assert stored.by_skill == in_game and stored.tally == total
    assert [Verdict(a["verdict"]) for a in made.answers] == verdicts
    assert [a["correct"] for a in made.answers] == [a.correct for a in state.answers]
    text = report.render_text(made)
    assert f"Right: {total.words()}" in text

    # CSV: "% right" per skill is the in-game share.
    written = report.write_csv(made, tmp_path / "week.csv")
    with open(written[0], encoding="utf-8-sig", newline="") as f:
        [row] = list(csv.DictReader(f))
    assert (int(row["Right"]), int(row["Partly right"])) == (total.right, total.partly)
    for skill, counted in in_game.items():
        assert row[f"% right: {SKILLS[skill]}"] == str(round(100 * counted.share))
    data = json.loads(json.dumps(report.to_json(made)))
    assert data["players"][0]["by_skill"]["opinion_words"] == {
        "right": 1, "partly": 2, "asked": 3}

    # Progress: each skill's column is the same share.
    app.settings.player = NAME
    progress = ProgressScene(app).items()
    columns = {p[0]: p[1] for kind, p in progress if kind == "columns"}
    for skill, counted in in_game.items():
        assert columns[SKILLS[skill]] == [pytest.approx(counted.share)]
    assert any(f"Right: {total.words()}." in str(p) for _, p in progress)

    # Class results: the player's line and each statement's bar.
    lines = [p for kind, p in ClassResultsScene(app).items() if kind == "p"]
    assert any(line.startswith(f"{NAME} (alone): {total.words(' right')} · ") for line in lines)
    bars = {p[0]: p[1] for kind, p in ClassResultsScene(app).items() if kind == "bar"}
    texts = {s.id: s.text for s in app.loaded.bank.statements}
    for key in {a.question.statement or a.question.id for a in state.answers}:
        mine = [a for a in state.answers if (a.question.statement or a.question.id) == key]
        share = sum(a.correct for a in mine) / len(mine)    # partly right is not right
        label = texts.get(key) or next(s.text for s in made.statements if s.id == key)
        assert bars[label] == pytest.approx(share), key


def test_d_prime_is_for_the_teacher_and_the_player_gets_words(app):
    """Issue 13: "d′ 1.2" meant nothing to a 14-year-old; the player reads what it says,
    the teacher's report gives the number with its scale."""
    from game.quiz.round import build_round
    from game.quiz.scoring import lean
    questions = build_round(app.loaded.bank, RoundSetup(skills=("fact_or_opinion",),
                                                        count=10, seed=3))
    state = RoundState(RoundSetup(count=10), questions)
    for q in questions:
        state.answer(q.answer)
    judged = lean(state.answers)
    assert judged.enough
    words = " ".join(str(payload) for _, payload in summary(state)[1])
    assert "d′" not in words and judged.sensitivity_words in words
    assert "d′" not in report.lean_words(judged)
    teacher = report.lean_words(judged, player=False)
    assert teacher.startswith(f"d′ {judged.d_prime:.1f} (0 is chance")
    assert "They tell fact from opinion apart" in teacher


def test_a_partly_right_genre_through_the_game(app):
    """Played with the keyboard: the article also fits the genre chosen, so the feedback
    says "Partly right", names the better answer, and the score moves by what it shows."""
    from pilot import pick_partly
    q, feedback = pick_partly(app, RoundSetup(skills=("article_genre",), count=5, seed=2))
    said = feedback.blocks()[0][0]
    assert said.startswith(f"“{q.choices[q.also[0]]}” fits in part") and \
        f"“{q.choices[q.answer]}” fits better." in said
    assert said.endswith(q.explanation)
