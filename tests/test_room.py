"""A class on their own devices, as the engine runs it (issue 14): joining by code, names,
kicks, what a device may see before the reveal, which answers count, and every answer
recorded as it arrives. No sockets here: the network only carries what the room decides."""
import json
from dataclasses import asdict, fields

import pytest

from game.quiz.questions import generate
from game.quiz.round import RoundSetup
from game.quiz.room import (ASKING, CODE_ALPHABET, FINISHED, HOW_SURE, KICKED, LATE, NOT_ASKING, NOT_YET,
                            TWICE, UNKNOWN_CHOICE, UNKNOWN_SEAT, Asking, Result, Room, Waiting,
                            new_code, student_name)


class Kept:
    """A recorder that keeps what it is given, in order."""

    def __init__(self):
        self.rounds, self.answers, self.finished = [], [], []

    def start_round(self, player, setup, mode="solo"):
        self.rounds.append((player, mode))
        return len(self.rounds)

    def record(self, round_id, position, answer):
        self.answers.append((round_id, position, answer))

    def finish_round(self, round_id, score):
        self.finished.append((round_id, score))


@pytest.fixture
def questions(bank):
    made = generate(bank, seed=1)
    skills = ("fact_or_opinion", "who_is_source", "opinion_words", "article_genre")
    return [next(q for q in made if q.skill == s) for s in skills]


def room_of(questions, timer=None, **kw):
    return Room(questions, RoundSetup(count=5, timer_seconds=timer), Kept(), code="ACDEF", **kw)


def right_reply(room, token):
    view = room.view(token)
    q = room.questions[room.position]
    if q.skill == "opinion_words":
        return sorted(q.cue_words)
    return next(c.id for c in view.choices if c.text == q.choices[q.answer])


def wrong_reply(room, token):
    view = room.view(token)
    q = room.questions[room.position]
    if q.skill == "opinion_words":
        return [i for i in range(len(q.words)) if i not in q.cue_words][:1]
    return next(c.id for c in view.choices if c.text != q.choices[q.answer])


def test_codes_use_no_look_alikes_and_names_are_cleaned():
    assert all(c not in CODE_ALPHABET for c in "0O1IL2Z5S8B")
    assert len({new_code() for _ in range(50)}) == 50
    assert student_name("  Ｚｏë\u202e  O'Brien\u200b ") == "Zoë O'Brien"   # NFKC, bidi, zero-width
    assert student_name("A\x00na\n") == "Ana"
    for bad in ("", "   ", "\u202e\u200b", "x" * 21, None, 12, ["Ana"]):
        assert student_name(bad) is None


def test_joining_by_code_with_a_unique_name(questions):
    room = room_of(questions, cap=3)
    assert room.join("WRONG", "Ana")[0] is None
    token, _ = room.join(" acdef ", "Ana")       # the code as a student types it
    assert token and isinstance(room.view(token), Waiting)
    none, why = room.join("ACDEF", "ANA")
    assert none is None and "already joined" in why
    assert room.join("ACDEF", "Bo")[0] and room.join("ACDEF", "Cy")[0]
    assert room.join("ACDEF", "Di") == (None, "This game is full.")


def test_a_kicked_device_cannot_come_back_or_answer(questions):
    room = room_of(questions)
    token, _ = room.join("ACDEF", "Troll")
    assert room.kick("Troll") and room.names() == []
    room.start()
    assert room.view(token) is None
    assert room.answer(token, "anything") == KICKED
    assert room.join("ACDEF", "Troll")[0]           # the name is free for someone else


def test_nothing_a_device_receives_before_the_reveal_gives_the_answer_away(questions):
    room = room_of(questions)
    names = ("Quill", "Zephyr", "Wren")      # in no article, so found only if leaked
    tokens = [room.join("ACDEF", name)[0] for name in names]
    room.start()
    forbidden = {"answer", "right", "right_answer", "explanation", "cue_words", "cues",
                 "verdict", "also", "record"}
    assert not forbidden & {f.name for f in fields(Asking)}   # no field can hold it
    for position, q in enumerate(room.questions):
        room.answer(tokens[0], right_reply(room, tokens[0]))  # Quill answers first
        for name, token in zip(names, tokens):
            sent = json.dumps(asdict(room.view(token)), ensure_ascii=False)
            assert q.explanation not in sent
            assert not any(f'"{key}"' in sent for key in forbidden)
            assert not any(other in sent for other in names if other != name)
            if q.choices:      # opaque ids, never the choices' places
                ids = [c["id"] for c in json.loads(sent)["choices"]]
                assert len(set(ids)) == len(ids)
                assert set(ids).isdisjoint(str(i) for i in range(len(ids)))
        room.reveal()
        result = room.view(tokens[0])
        assert isinstance(result, Result) and result.verdict == "Right"
        assert not any(other in json.dumps(asdict(result)) for other in names[1:])
        room.next()
    assert room.phase == FINISHED


def test_answers_that_do_not_count_are_refused_and_counted(questions):
    room = room_of(questions, timer=20)
    ana, _ = room.join("ACDEF", "Ana")
    bo, _ = room.join("ACDEF", "Bo")
    assert room.answer(ana, "x") == NOT_ASKING                   # before the start
    room.start()
    assert room.answer("not-a-seat", right_reply(room, ana)) == UNKNOWN_SEAT
    for bad in ("no-such-id", 3, None, {"id": 1}, ["a"], "x" * 10_000):
        assert room.answer(ana, bad) == UNKNOWN_CHOICE
    assert room.answer(ana, right_reply(room, ana)) is None
    assert room.answer(ana, wrong_reply(room, ana)) == TWICE     # the first answer stands
    room.tick(20.5)
    assert room.answer(bo, right_reply(room, bo)) == LATE
    room.reveal()
    assert room.answer(bo, "x") == NOT_ASKING                    # after the reveal
    assert room.refused[UNKNOWN_CHOICE] == 6 and sum(room.refused.values()) == 11
    assert room.view(ana).verdict == "Right" and room.view(bo).verdict is None
    assert [a.given is None for _, _, a in room.recorder.answers] == [False, True]


def test_every_answer_is_recorded_as_it_arrives_with_the_rooms_time(questions):
    room = room_of(questions, timer=30)
    ana, _ = room.join("ACDEF", "Ana")
    room.start()
    room.tick(4.0)
    room.answer(ana, wrong_reply(room, ana))
    (round_id, position, answer), = room.recorder.answers      # before any reveal
    assert position == 0 and answer.seconds == 4.0 and answer.verdict.value == "wrong"
    assert room.recorder.rounds == [("Ana", "devices")]
    assert room.answered() == 1


def test_a_late_joiner_waits_for_the_next_question(questions):
    room = room_of(questions)
    ana, _ = room.join("ACDEF", "Ana")
    room.start()
    late, _ = room.join("ACDEF", "Late")
    assert isinstance(room.view(late), Waiting)
    assert room.answer(late, right_reply(room, ana)) == NOT_YET
    room.answer(ana, right_reply(room, ana))
    room.reveal()
    room.next()
    assert room.phase == ASKING and isinstance(room.view(late), Asking)
    assert room.answer(late, right_reply(room, late)) is None
    assert [p for rid, p, _ in room.recorder.answers if rid == 2] == [1]


def test_a_reloaded_page_finds_its_seat_score_and_answer(questions):
    room = room_of(questions)
    ana, _ = room.join("ACDEF", "Ana")
    room.start()
    room.answer(ana, right_reply(room, ana))
    assert room.rejoin(ana).name == "Ana" and room.view(ana).answered
    room.reveal()
    assert room.view(ana).score == room.rejoin(ana).state.score > 0


def test_the_spread_and_the_standings_after_the_reveal(questions):
    room = room_of(questions)
    tokens = [room.join("ACDEF", n)[0] for n in ("Ana", "Bo", "Cy")]
    room.start()
    assert room.spread() == []                       # nothing before the reveal
    room.answer(tokens[0], right_reply(room, tokens[0]))
    room.answer(tokens[1], right_reply(room, tokens[1]))
    room.answer(tokens[2], wrong_reply(room, tokens[2]))
    room.reveal()
    q = room.questions[0]
    spread = room.spread()
    assert sum(spread) == 3 and spread[q.answer] == 2
    places = room.standings()
    assert [p for p, _, _ in places] == [1, 1, 3] and places[2][1] == "Cy"


def test_how_sure_is_asked_with_the_answer_and_hidden_scores_give_no_place(questions):
    room = Room(questions, RoundSetup(count=5, confidence=True, show_scores=False), Kept(),
                code="ACDEF")
    ana, _ = room.join("ACDEF", "Ana")
    bo, _ = room.join("ACDEF", "Bo")
    room.start()
    asking = room.view(ana)
    assert asking.how_sure == ("sure", "fairly sure", "guessing")
    # The round asks how sure: an answer without it, or with a word of its own, is not taken.
    assert room.answer(ana, right_reply(room, ana)) == HOW_SURE
    assert room.answer(ana, right_reply(room, ana), "certain") == HOW_SURE
    assert room.answer(ana, right_reply(room, ana), "sure") is None
    assert room.answer(bo, right_reply(room, bo), "guessing") is None
    room.reveal()
    sure, guessing = room.view(ana), room.view(bo)
    assert (sure.sure, guessing.sure) == ("sure", "guessing")
    assert sure.points > guessing.points > 0       # the engine's scoring, not the device's
    assert sure.place is None and guessing.place is None   # the teacher hides the scores
    assert room.refused[HOW_SURE] == 2


def test_a_round_that_does_not_ask_how_sure_takes_no_how_sure(questions):
    room = room_of(questions)
    ana, _ = room.join("ACDEF", "Ana")
    room.start()
    assert room.view(ana).how_sure == ()
    assert room.answer(ana, right_reply(room, ana), "sure") == HOW_SURE
    assert room.answer(ana, right_reply(room, ana)) is None
    room.reveal()
    assert room.view(ana).place == 1


def test_a_question_about_the_whole_article_carries_the_article_to_every_device(bank):
    from game.bank.texts import shown_article
    from game.quiz.room import articles, credits
    made = generate(bank, seed=1)
    genre = next(q for q in made if q.skill == "article_genre")
    sentence = next(q for q in made if q.skill == "fact_or_opinion")
    room = Room([genre, sentence], RoundSetup(count=5), Kept(), code="ACDEF",
                article_credit=credits(bank), article_text=articles(bank))
    ana, _ = room.join("ACDEF", "Ana")
    room.start()
    shown = room.view(ana)
    # What the projector shows beside the answers, paragraph for paragraph.
    assert shown.article == shown_article(bank.articles[genre.article], bank).paragraphs
    assert len(shown.article) > 3 and shown.credit == bank.articles[genre.article].credit
    room.answer(ana, right_reply(room, ana))
    room.reveal()
    room.next()
    assert room.view(ana).article == ()       # a sentence's question: the sentence only
