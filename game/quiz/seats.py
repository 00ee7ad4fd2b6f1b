"""Whose turn it is: one seat for a player alone or a whole class, two to eight for a hot
seat, where players or teams share one computer and take turns."""
from dataclasses import dataclass, replace

from game.bank.models import Bank
from game.names import MAX_SEATS, MIN_SEATS
from game.quiz.questions import generate
from game.quiz.round import RoundSetup, build_round
from game.quiz.state import RoundState


@dataclass(frozen=True)
class Mode:
    """A way to play a round, as the screens speak of it."""

    name: str           # "Hot seat"
    about: str          # what the line-up screen says of it, after the name
    in_passing: str     # in a list of rounds: "2026-03-02 10:30 · hot seat · score 300"

    @property
    def label(self) -> str:
        return f"{self.name}: {self.about}"


# By the key the results store keeps, in the order the line-up screen offers them.
MODES = {
    "solo": Mode("One player", "your name, your score, your progress", "alone"),
    "hotseat": Mode("Hot seat", f"{MIN_SEATS} to {MAX_SEATS} players or teams take turns "
                                "at this computer", "hot seat"),
    "class": Mode("Whole class", "the class decides together and the teacher enters the "
                                 "answer", "whole class"),
    "devices": Mode("Class on their devices", "each student answers on a phone, tablet or "
                                              "laptop, by a code", "class on devices"),
}


@dataclass(frozen=True)
class Lineup:
    """Who plays a round, as chosen before it starts."""

    mode: str
    names: tuple[str, ...]
    same: bool = True       # hot seat: the same questions for every seat


@dataclass
class Seat:
    name: str
    state: RoundState
    round_id: int | None = None     # its row in the results database


@dataclass(frozen=True)
class Step:
    """What comes between one turn and the next."""

    reveal: int | None = None   # every seat has answered this question: show the answers
    board: bool = False         # a turn of every seat is complete: show the scores
    handover: bool = False      # another seat plays next


class Turns:
    """same: every seat answers the same questions, and a question's answer is revealed only
    once every seat has answered it, so no one copies the seat before them. Otherwise each
    seat has questions of its own and sees its feedback at once."""

    def __init__(self, seats: list[Seat], mode: str = "solo", same: bool = True):
        self.seats, self.mode, self.same = seats, mode, same
        self.index = 0

    @property
    def seat(self) -> Seat:
        return self.seats[self.index]

    @property
    def several(self) -> bool:
        return len(self.seats) > 1

    @property
    def reveal_later(self) -> bool:
        return self.same and self.several

    @property
    def finished(self) -> bool:
        return all(s.state.finished for s in self.seats)

    def advance(self) -> Step:
        """Call after the current seat has answered."""
        if not self.several:
            return Step()
        self.index = (self.index + 1) % len(self.seats)
        cycle_done = self.index == 0
        show = self.seat.state.setup.show_scores
        return Step(reveal=len(self.seats[0].state.answers) - 1
                    if self.same and cycle_done else None,
                    board=cycle_done and show and not self.finished,
                    handover=not self.finished)

    def standings(self) -> list[tuple[int, Seat]]:
        """(place, seat), best first; equal scores share a place."""
        ranked = sorted(self.seats, key=lambda s: -s.state.score)
        places, place = [], 0
        for i, seat in enumerate(ranked):
            if i == 0 or seat.state.score != ranked[i - 1].state.score:
                place = i + 1
            places.append((place, seat))
        return places


def seat_round(bank: Bank, setup: RoundSetup, names: list[str], mode: str = "solo",
               same: bool = True) -> Turns | None:
    """Seats for names with their questions; None when the setup finds no question.

    Own questions: each seat is drawn with its own seed from what earlier seats left, so
    seats share a statement only when the chosen articles run out; every seat gets as many
    questions as the shortest draw, so the turns stay fair."""
    if same or len(names) == 1:
        questions = build_round(bank, setup)
        draws = [questions] * len(names)
    else:
        pool = generate(bank, setup.seed)
        draws, used = [], set()
        for i in range(len(names)):
            fresh = [q for q in pool if q.statement not in used]
            own = replace(setup, seed=setup.seed + i)
            drawn = build_round(bank, own, fresh)
            if len(drawn) < setup.count:
                drawn = build_round(bank, own, pool)
            used.update(q.statement for q in drawn)
            draws.append(drawn)
        shortest = min(map(len, draws))
        draws = [d[:shortest] for d in draws]
    if not draws[0]:
        return None
    seats = [Seat(name, RoundState(setup, list(drawn))) for name, drawn in zip(names, draws)]
    return Turns(seats, mode, same)
