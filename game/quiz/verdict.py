"""What "right" means: every answer gets one verdict (right, partly right or wrong), and
every count of answers, in the game, in Progress, Class results and the teacher's report,
is a Tally of those verdicts. Nothing else decides who was right.

Partly right is for an answer the question itself supports in part: opinion words that
found the judgment but took in other words too (or found too few of them), or a choice
the bank says a fair reader could also make (a genre in `genre_also_fits`, a source in
`source_also_fits`). It earns at most half the points and breaks no promise: it is never
counted as right."""
import math
from dataclasses import dataclass
from enum import Enum

from game.quiz.questions import SKILLS, Question, quoted_list

PARTLY_MAX = 0.5        # a partly right answer earns at most this share of the points


class Verdict(Enum):
    RIGHT = "right"
    PARTLY = "partly"
    WRONG = "wrong"

    @property
    def word(self) -> str:
        """What the player reads, beside the verdict's own icon."""
        return _WORDS[self]


_WORDS = {Verdict.RIGHT: "Right", Verdict.PARTLY: "Partly right", Verdict.WRONG: "Not quite"}


@dataclass(frozen=True)
class Judged:
    verdict: Verdict
    credit: float       # 0..1: the share of a right answer's points it earns
    note: str = ""      # what was partly right, or missed, in words; "" when nothing to add


def judge(question: Question, given) -> Judged:
    """given: a choice's index, the picked words' indices, or None (time ran out)."""
    if question.skill == "opinion_words":
        return _judge_words(question, frozenset(given or ()))
    if given is not None and given == question.answer:
        return Judged(Verdict.RIGHT, 1.0)
    if given is not None and given in question.also:
        return Judged(Verdict.PARTLY, PARTLY_MAX, _also_note(question, given))
    return Judged(Verdict.WRONG, 0.0)


def _also_note(q: Question, given: int) -> str:
    """Why the answer fits better: the bank's own words for a source, or the explanation
    that follows (a genre's)."""
    note = (f"“{q.choices[given]}” fits in part, so it earns some points; "
            f"“{q.choices[q.answer]}” fits better.")
    return f"{note} {q.also_why[q.also.index(given)]}" if q.also_why else note


def enough_cues(cues: int) -> int:
    """How many of a sentence's judgment cues a right answer must find: half, rounded up."""
    return math.ceil(cues / 2)


def _judge_words(q: Question, picked: frozenset[int]) -> Judged:
    """Right only when every picked word belongs to a cue and enough cues are found; a cue
    is found when any of its words is picked."""
    texts = q.word_texts()
    extra = sorted(picked - q.cue_words)
    found = [i for i, group in enumerate(q.cue_groups) if group & picked]
    missed = [q.cue_texts[i] for i in range(len(q.cue_groups)) if i not in found]
    cues = len(q.cue_groups)
    said = []
    if extra:
        said.append(f"Not judgment words: {quoted_list(texts[i] for i in extra)}.")
    if missed and found:
        said.append(("You could also have picked " if not extra and len(found) >= enough_cues(cues)
                     else "Missed: ") + quoted_list(missed) + ".")
    note = " ".join(said)
    if not found:
        return Judged(Verdict.WRONG, 0.0, note)
    if not extra and len(found) >= enough_cues(cues):
        return Judged(Verdict.RIGHT, len(found) / cues, note)
    return Judged(Verdict.PARTLY, min(PARTLY_MAX, len(found) / (cues + len(extra))), note)


@dataclass(frozen=True)
class Tally:
    """Answers counted by verdict. `share` is the one accuracy every screen and file shows:
    the right answers out of those asked; partly right ones are counted beside it."""

    right: int = 0
    partly: int = 0
    asked: int = 0

    def add(self, verdict: Verdict) -> "Tally":
        return Tally(self.right + (verdict is Verdict.RIGHT),
                     self.partly + (verdict is Verdict.PARTLY), self.asked + 1)

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(self.right + other.right, self.partly + other.partly,
                     self.asked + other.asked)

    @property
    def share(self) -> float:
        return self.right / self.asked if self.asked else 0.0

    @property
    def percent(self) -> int | None:
        return round(100 * self.share) if self.asked else None

    def words(self, said: str = "") -> str:
        """ "7 of 8 (88%)" + said, and how many were partly right when any were."""
        if not self.asked:
            return "none asked"
        return f"{self.right} of {self.asked} ({self.share:.0%}){said}" + self.partly_words()

    def partly_words(self) -> str:
        return f", {self.partly} partly right" if self.partly else ""


def tally_of(verdicts) -> Tally:
    total = Tally()
    for verdict in verdicts:
        total = total.add(verdict)
    return total


def tally_by_skill(pairs) -> dict[str, Tally]:
    """pairs: (skill, verdict) per answer. The skills in the game's order, unknown ones
    (from a file a newer Byline wrote) after them."""
    tallies: dict[str, Tally] = {}
    for skill, verdict in pairs:
        tallies[skill] = tallies.get(skill, Tally()).add(verdict)
    order = list(SKILLS)
    return dict(sorted(tallies.items(), key=lambda item: (
        order.index(item[0]) if item[0] in order else len(order), item[0])))


STRONG = 0.8    # every skill at least this share right: a strong round


def practise(by_skill: dict[str, Tally], when: str = "this round") -> str:
    """The weakest skill, in words a player can act on. Skills tied at the lowest share:
    the one with the most answers, as it says the most; all of them if still tied."""
    if not by_skill:
        return "Play a round to see what to practise."
    low = min(t.share for t in by_skill.values())
    if low >= STRONG:
        return "Strong round: try a harder difficulty or more articles."
    tied = {s: t for s, t in by_skill.items() if t.share == low}
    most = max(t.asked for t in tied.values())
    weakest = [s for s, t in tied.items() if t.asked == most]
    t = tied[weakest[0]]
    names = quoted_list(SKILLS.get(s, s) for s in weakest)
    each = " in each" if len(weakest) > 1 else ""
    return f"Practise {names}: {t.right} of {t.asked} right{each} {when}."
