"""What happens in a round, in every mode, without a screen: whose turn it is, which phase
the round is in, the clock, the scoring and what is recorded.

Scenes draw a Flow and turn the player's intents into its calls (answer, sure, next);
a network bridge can do the same for students on their own devices. Time moves only when
the caller says so (tick), so a round is the same whether a window is open or not.

Phases, in the order a turn goes through them:
    asking -> (how sure) -> (discussing) -> answered -> revealed -> handover -> asking ...
    -> finished
A whole class talks its answer over ("discussing") before the teacher reveals it: the
answer is kept aside and scored only then, so no score can give it away; meanwhile the
teacher may count a show of hands for each answer (game.quiz.hands), kept with it. A
player alone and a whole class see "answered" (the feedback) after every answer. A hot
seat with the same questions skips it, so no seat copies the one before; once every seat
has answered a question, "revealed" shows everyone's answers. "handover" passes the
keyboard to the next seat, with the scores between full turns when they are shown."""
from typing import Protocol

from game.quiz.hands import counted, none_yet
from game.quiz.scoring import Answer
from game.quiz.seats import Seat, Turns

ASKING, HOW_SURE, DISCUSSING = "asking", "how sure", "discussing"
ANSWERED = "answered"
REVEALED, HANDOVER, FINISHED = "revealed", "handover", "finished"


class Recorder(Protocol):
    """Where answers go as they are given (game.store.results.Results is one)."""

    def start_round(self, player: str, setup: dict, mode: str = "solo") -> int | None: ...

    def record(self, round_id: int | None, position: int, answer: Answer) -> None: ...

    def finish_round(self, round_id: int | None, score: int) -> None: ...


class Flow:
    def __init__(self, turns: Turns, recorder: Recorder):
        self.turns, self.recorder = turns, recorder
        # Every answer is recorded the moment it is given, so nothing is lost if the
        # machine goes off; a round never finished stays "unfinished" in the results.
        for seat in turns.seats:
            seat.round_id = recorder.start_round(seat.name, seat.state.setup.to_plain(),
                                                 turns.mode)
        self.phase = ASKING
        self.elapsed = 0.0              # seconds on the current question
        self.selected: frozenset[int] = frozenset()     # words picked so far
        self.answered: Seat | None = None       # the seat whose answer was just given
        self.last: Answer | None = None
        self.revealed: int | None = None        # the position every seat has answered
        self.board = False                      # the handover shows the scores
        # A class's show of hands for each answer (hands.options), while it discusses;
        # kept if it changes its answer, since the room's views have not changed with it.
        self.hands: tuple[int, ...] = ()
        # (given, seconds, confidence): an answer waiting for "how sure" or for the reveal
        self._pending: tuple | None = None
        self._steps: list[str] = []

    # -- what there is to show --------------------------------------------------
    @property
    def seat(self) -> Seat:
        return self.turns.seat

    @property
    def state(self):
        return self.turns.seat.state

    @property
    def question(self):
        return self.state.current

    @property
    def position(self) -> int:
        """The current question's place in the seat's round, from 0."""
        return len(self.state.answers)

    @property
    def given(self):
        """The answer given and not yet scored: while "how sure?" is asked, or while a
        class discusses it; else None."""
        return self._pending[0] if self._pending else None

    @property
    def can_reconsider(self) -> bool:
        """A class discussing may change its answer, while its time is not up."""
        left = self.time_left()
        return self.phase == DISCUSSING and (left is None or left > 0)

    def time_left(self) -> float | None:
        timer = self.state.setup.timer_seconds
        return max(0.0, timer - self.elapsed) if timer else None

    # -- what the players do ------------------------------------------------------
    def tick(self, dt: float) -> None:
        """Time passes; only a question being asked is timed."""
        if self.phase != ASKING:
            return
        self.elapsed += dt
        timer = self.state.setup.timer_seconds
        if timer and self.elapsed >= timer:
            # Time is up: the words picked so far count; a choice not made is wrong.
            words = self.question.skill == "opinion_words"
            self._given(self.selected if words else None, timer, None)

    def toggle(self, word: int) -> None:
        if self.phase == ASKING and 0 <= word < len(self.question.words):
            self.selected ^= {word}

    def answer(self, given) -> None:
        """A choice's index, or the picked words (a frozenset of their indices)."""
        if self.phase != ASKING:
            return
        if self.state.setup.confidence:
            self._pending, self.phase = (given, self.elapsed, None), HOW_SURE
        else:
            self._given(given, self.elapsed, None)

    def sure(self, confidence: str | None) -> None:
        """How sure the player was; None takes the answer back to think again."""
        if self.phase != HOW_SURE:
            return
        (given, seconds, _), self._pending = self._pending, None
        if confidence is None:
            self.phase = ASKING
        else:
            self._given(given, seconds, confidence)

    def raise_hands(self, option: int, count: int) -> None:
        """The teacher counts count hands up for option while the class discusses."""
        if self.phase == DISCUSSING and 0 <= option < len(self.hands):
            self.hands = self.hands[:option] + (counted(count),) + self.hands[option + 1:]

    def reconsider(self) -> None:
        """A class that has talked it over changes its answer: asked again, picks kept."""
        if self.can_reconsider:
            self._pending, self.phase = None, ASKING

    def next(self) -> None:
        """The discussion is over (the teacher reveals the answer), or the feedback, the
        reveal or the handover has been seen."""
        if self.phase == DISCUSSING:
            (given, seconds, confidence), self._pending = self._pending, None
            self._commit(given, seconds, confidence, self.hands if sum(self.hands) else None)
        elif self.phase in (ANSWERED, REVEALED, HANDOVER):
            self._go_on()

    # -- the order of things ------------------------------------------------------
    def _given(self, given, seconds: float, confidence: str | None) -> None:
        """An answer is given: a class talks it over first, everyone else is scored."""
        if self.turns.mode == "class":
            self._pending, self.phase = (given, seconds, confidence), DISCUSSING
            self.hands = self.hands or none_yet(self.question)
        else:
            self._commit(given, seconds, confidence)

    def _commit(self, given, seconds: float, confidence: str | None, raised=None) -> None:
        seat = self.seat
        answer = seat.state.answer(given, seconds=seconds, confidence=confidence,
                                   hands=raised)
        self.recorder.record(seat.round_id, len(seat.state.answers) - 1, answer)
        if seat.state.finished:
            self.recorder.finish_round(seat.round_id, seat.state.score)
        self.answered, self.last = seat, answer
        step = self.turns.advance()
        self.revealed, self.board = step.reveal, step.board
        self._steps = ([] if self.turns.reveal_later else [ANSWERED]) \
            + ([REVEALED] if step.reveal is not None else []) \
            + ([HANDOVER] if step.handover else [])
        self._go_on()

    def _go_on(self) -> None:
        if self._steps:
            self.phase = self._steps.pop(0)
        elif self.turns.finished:
            self.phase = FINISHED
        else:
            self.phase, self.elapsed, self.selected = ASKING, 0.0, frozenset()
            self.hands = ()
