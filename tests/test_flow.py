"""The round's flow is the engine's (issue 12 §1): every mode plays through game.quiz.flow
alone, without pygame, and records exactly what the same round records through the
scenes."""
import sqlite3
import subprocess
import sys
from dataclasses import replace

import pygame
import pytest

from conftest import ROOT
from pilot import key, new_app
from game.quiz.flow import ANSWERED, ASKING, DISCUSSING, FINISHED, HANDOVER, HOW_SURE, \
    REVEALED, Flow
from game.quiz.round import RoundSetup
from game.quiz.seats import seat_round
from game.scenes.question import QuestionScene
from game.store.results import FILE_NAME, Results

SETUP = RoundSetup(count=5, seed=11)
MODES = [("solo", ["Ana"], True), ("class", ["9B"], True),
         ("hotseat", ["Ana", "Ben", "Cy"], True), ("hotseat", ["Ana", "Ben"], False)]


def right_this_time(seat: int, position: int) -> bool:
    return (seat + position) % 2 == 0


def choice(question, right: bool) -> int:
    return question.answer if right else (question.answer + 1) % len(question.choices)


def words(question, right: bool) -> frozenset[int]:
    return question.cue_words if right else frozenset({0})


def play_through_the_flow(bank, data_dir, mode, names, same, setup=SETUP) -> list:
    """The round as a network bridge would play it: calls, no screen."""
    flow = Flow(seat_round(bank, setup, names, mode, same), Results(data_dir))
    phases = []
    while flow.phase != FINISHED:
        phases.append(flow.phase)
        if flow.phase == ASKING:
            q, right = flow.question, right_this_time(flow.turns.index, flow.position)
            if q.skill == "opinion_words":
                for i in words(q, right):
                    flow.toggle(i)
                flow.answer(flow.selected)
            else:
                flow.answer(choice(q, right))
        else:
            flow.next()
    return phases


def play_through_the_scenes(bank, data_dir, mode, names, same) -> None:
    """The same round in the real loop: keys only."""
    app = new_app(seed=5, data_dir=data_dir)
    app.push(QuestionScene(app, seat_round(bank, SETUP, names, mode, same)))
    app.step()
    while isinstance(app.scene, QuestionScene) or app.stack[-2:-1] and isinstance(
            app.stack[-2], QuestionScene):
        scene = app.scene
        if not isinstance(scene, QuestionScene):
            key(app, pygame.K_RETURN)           # feedback, answer screen, handover
            continue
        q, flow = scene.question, scene.flow
        right = right_this_time(flow.turns.index, flow.position)
        if q.skill == "opinion_words":
            for i in sorted(words(q, right)):
                while scene.word_focus != i:
                    key(app, pygame.K_RIGHT)
                key(app, pygame.K_SPACE)
            key(app, pygame.K_RETURN)
        else:
            key(app, pygame.K_1 + choice(q, right))
    pygame.quit()


def recorded(data_dir) -> list[tuple]:
    with sqlite3.connect(data_dir / FILE_NAME) as db:
        return db.execute(
            "SELECT p.name, r.setup, r.score, r.finished IS NOT NULL, a.position, "
            "a.question_id, a.given, a.correct, a.credit, a.points, a.confidence "
            "FROM answers a JOIN rounds r ON a.round_id = r.id "
            "JOIN players p ON r.player_id = p.id ORDER BY a.id").fetchall()


@pytest.mark.parametrize("mode,names,same", MODES)
def test_every_mode_records_the_same_through_the_flow_as_through_the_scenes(
        bank, tmp_path, mode, names, same):
    play_through_the_flow(bank, tmp_path / "flow", mode, names, same)
    play_through_the_scenes(bank, tmp_path / "scenes", mode, names, same)
    rows = recorded(tmp_path / "flow")
    assert len(rows) == SETUP.count * len(names)
    assert {r[0] for r in rows} == set(names) and all(r[3] for r in rows)  # all finished
    assert any(r[7] for r in rows) and not all(r[7] for r in rows)       # right and wrong
    assert rows == recorded(tmp_path / "scenes")


def test_the_phases_come_in_each_modes_order(bank, tmp_path):
    solo = play_through_the_flow(bank, tmp_path / "a", "solo", ["Ana"], True)
    assert solo == [ASKING, ANSWERED] * SETUP.count
    # A class talks each answer over; the teacher's "next" reveals it.
    whole = play_through_the_flow(bank, tmp_path / "d", "class", ["9B"], True)
    assert whole == [ASKING, DISCUSSING, ANSWERED] * SETUP.count
    same = play_through_the_flow(bank, tmp_path / "b", "hotseat", ["Ana", "Ben"], True)
    # No feedback before every seat has answered; then everyone's answers, then the
    # scores and the next seat (no handover after the last question).
    turn = [ASKING, HANDOVER, ASKING, REVEALED]
    assert same == (turn + [HANDOVER]) * (SETUP.count - 1) + turn
    own = play_through_the_flow(bank, tmp_path / "c", "hotseat", ["Ana", "Ben"], False)
    assert own == [ASKING, ANSWERED, HANDOVER] * (2 * SETUP.count - 1) + [ASKING, ANSWERED]


def test_the_clock_runs_only_while_a_question_is_asked_and_time_up_counts_the_picks(
        bank, tmp_path):
    setup = replace(SETUP, timer_seconds=10, confidence=True, skills=("opinion_words",))
    flow = Flow(seat_round(bank, setup, ["Ana"]), Results(tmp_path))
    q = flow.question
    first = min(q.cue_words)
    flow.toggle(first)
    flow.tick(4.0)
    assert flow.time_left() == 6.0
    flow.answer(flow.selected)
    assert flow.phase == HOW_SURE
    flow.tick(100.0)                        # "how sure?" is not timed
    flow.sure(None)                         # taken back: think again, picks kept
    assert (flow.phase, flow.selected, flow.time_left()) == (ASKING, {first}, 6.0)
    flow.tick(6.0)                          # time is up: what is picked counts
    assert flow.phase == ANSWERED
    assert (flow.last.given, flow.last.seconds, flow.last.confidence) == ({first}, 10, None)
    flow.tick(100.0)
    assert flow.phase == ANSWERED           # feedback waits for the player
    flow.next()
    assert (flow.phase, flow.elapsed, flow.selected) == (ASKING, 0.0, frozenset())


def test_a_class_discusses_before_its_answer_is_scored_or_recorded(bank, tmp_path):
    setup = replace(SETUP, timer_seconds=30, confidence=True, skills=("fact_or_opinion",))
    results = Results(tmp_path)
    flow = Flow(seat_round(bank, setup, ["9B"], "class"), results)
    q = flow.question
    flow.tick(3.0)
    flow.answer(choice(q, False))
    flow.sure("sure")
    assert flow.phase == DISCUSSING and flow.given == choice(q, False)
    flow.tick(100.0)                        # the discussion is not timed
    assert (flow.state.score, flow.state.answers, flow.time_left()) == (0, [], 27.0)
    assert results.rounds()[0].answers == 0         # nothing scored, nothing recorded
    flow.reconsider()                       # the class changes its mind
    assert (flow.phase, flow.given) == (ASKING, None)
    flow.answer(choice(q, True))
    flow.sure("fairly sure")
    flow.next()                             # the teacher reveals
    assert flow.phase == ANSWERED and flow.last.correct and flow.state.score > 0
    assert (flow.last.seconds, flow.last.confidence) == (3.0, "fairly sure")
    assert results.rounds()[0].answers == 1
    flow.next()
    flow.tick(30.0)                         # time up: talked over too, but not changed
    assert flow.phase == DISCUSSING and flow.given is None and not flow.can_reconsider
    flow.reconsider()
    assert flow.phase == DISCUSSING
    flow.next()
    assert flow.phase == ANSWERED and flow.last.given is None


def test_a_class_s_show_of_hands_is_kept_with_its_answer(bank, tmp_path):
    import json
    setup = replace(SETUP, skills=("fact_or_opinion", "opinion_words"))
    results = Results(tmp_path)
    flow = Flow(seat_round(bank, setup, ["9B"], "class"), results)
    while flow.question.skill != "fact_or_opinion":
        flow.answer(frozenset())
        flow.next()
        flow.next()
    q = flow.question
    flow.raise_hands(0, 5)                  # no show of hands while the question is asked
    assert flow.hands == ()
    flow.answer(choice(q, False))
    assert flow.hands == (0, 0)             # one count per choice, none yet
    flow.raise_hands(q.answer, 12)
    flow.raise_hands(1 - q.answer, 8)
    flow.raise_hands(2, 3)                  # no such choice
    flow.reconsider()                       # the room's hands stay up while it changes its mind
    flow.answer(choice(q, True))
    assert flow.hands[q.answer] == 12 and sum(flow.hands) == 20
    flow.raise_hands(0, 5000)
    assert flow.hands[0] == 999             # a slip of the keys, not a class
    flow.raise_hands(0, -3)
    assert flow.hands[0] == 0
    flow.raise_hands(0, 12 if q.answer == 0 else 8)
    flow.next()
    assert flow.last.hands[q.answer] == 12 and sum(flow.last.hands) == 20
    stored = results.answers(results.rounds()[0].id)[-1]
    assert json.loads(stored["hands"]) == {q.choices[q.answer]: 12,
                                           q.choices[1 - q.answer]: 8}
    flow.next()
    while flow.question.skill != "opinion_words":
        flow.answer(0)
        assert flow.hands == (0, 0)         # counted afresh for every question
        flow.next()
        flow.next()
    flow.answer(frozenset())
    assert flow.hands == (0, 0)             # agree with the picks, or not
    flow.next()                             # none counted: nothing kept
    assert flow.last.hands is None
    assert results.answers(results.rounds()[0].id)[-1]["hands"] is None


def test_calls_out_of_turn_change_nothing(bank, tmp_path):
    flow = Flow(seat_round(bank, SETUP, ["Ana"]), Results(tmp_path))
    flow.next()
    flow.sure("sure")
    assert (flow.phase, flow.state.answers) == (ASKING, [])
    flow.answer(choice(flow.question, True) if flow.question.choices else frozenset())
    flow.answer(0)
    flow.toggle(0)
    assert (flow.phase, len(flow.state.answers)) == (ANSWERED, 1)


def test_the_quiz_engine_loads_neither_pygame_nor_sqlite():
    code = ("import pkgutil, importlib, sys, game.quiz\n"
            "for m in pkgutil.walk_packages(game.quiz.__path__, 'game.quiz.'):\n"
            "    importlib.import_module(m.name)\n"
            "print(sorted(n for n in ('pygame', 'sqlite3') if n in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
