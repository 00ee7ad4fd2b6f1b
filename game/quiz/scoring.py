"""Points, streaks, confidence and the fact/opinion lean: everything a player can win or lose
(what counts as right is game.quiz.verdict)."""
from dataclasses import dataclass
from statistics import NormalDist

from game.quiz.questions import Question
from game.quiz.verdict import Verdict

BASE_POINTS = 100
STREAK_STEP, STREAK_CAP = 10, 50
SPEED_MAX = 50
# (multiplier on a right answer, points lost on a wrong one)
CONFIDENCE = {"sure": (1.5, 50), "fairly sure": (1.0, 20), "guessing": (0.5, 0)}


@dataclass(frozen=True)
class Answer:
    question: Question
    given: int | frozenset[int] | None   # a choice index, the picked words' indices, or None
    verdict: Verdict
    credit: float                 # 0..1: the share of a right answer's points it earned
    points: int                   # what the score changed by (it never goes below 0)
    streak: int
    seconds: float
    confidence: str | None = None
    note: str = ""                # what was partly right or missed (game.quiz.verdict)
    hands: tuple[int, ...] | None = None    # a whole class's show of hands (game.quiz.hands)

    @property
    def correct(self) -> bool:
        return self.verdict is Verdict.RIGHT


def points_for(verdict: Verdict, credit: float, streak: int, seconds: float,
               timer: int | None, confidence: str | None) -> int:
    """streak counts the right answers in a row including this one. A partly right answer
    earns its share of the base points, without streak or speed bonus."""
    multiplier, penalty = CONFIDENCE.get(confidence, (1.0, 0))
    if verdict is Verdict.WRONG:
        return -penalty
    points = BASE_POINTS * credit * multiplier
    if verdict is Verdict.RIGHT:
        points += min(STREAK_STEP * (streak - 1), STREAK_CAP)
        if timer:
            points += SPEED_MAX * max(0.0, 1 - seconds / timer)
    return round(points)


def points_words(answer: Answer) -> str:
    """ "+120 points", "−30 points" or "": exactly what the score changed by."""
    return f"{answer.points:+d} points".replace("-", "−") if answer.points else ""


def floor_words(answer: Answer) -> str:
    """Why a penalty was not taken in full, or "": the score never goes below 0."""
    penalty = CONFIDENCE.get(answer.confidence, (1.0, 0))[1]
    if answer.verdict is not Verdict.WRONG or answer.points <= -penalty:
        return ""
    if not answer.points:
        return "No points lost: the score can’t go below 0."
    return f"Only {-answer.points} points lost: the score can’t go below 0."


@dataclass(frozen=True)
class Lean:
    """Signal detection on fact-or-opinion answers, "opinion" taken as the signal."""

    d_prime: float
    bias: float     # c: below 0 leans to calling things opinion, above 0 to fact
    opinions: int
    facts: int

    @property
    def words(self) -> str:
        if self.opinions + self.facts < 4 or not (self.opinions and self.facts):
            return "Too few fact-or-opinion answers to tell a lean yet."
        if self.bias <= -0.5:
            return "You lean to calling sentences opinion, even checkable ones."
        if self.bias >= 0.5:
            return "You lean to calling sentences fact, even judgments."
        return "No strong lean: you call fact and opinion evenly."

    @property
    def enough(self) -> bool:
        return self.opinions + self.facts >= 4 and bool(self.opinions and self.facts)

    @property
    def sensitivity_words(self) -> str:
        """d′ in plain words: 0 is chance, about 2 or more is telling them apart well."""
        if not self.enough:
            return ""
        if self.d_prime < 0.5:
            return "You are not yet telling fact from opinion apart much better than chance."
        if self.d_prime < 1.5:
            return "You tell fact from opinion apart fairly well."
        return "You tell fact from opinion apart well."


def lean(answers: list[Answer]) -> Lean:
    opinion_index = 1
    return lean_of((a.question.answer == opinion_index, a.given == opinion_index)
                   for a in answers if a.question.skill == "fact_or_opinion")


def lean_of(pairs) -> Lean:
    """pairs: (is an opinion, was called an opinion), one per fact-or-opinion answer; the
    reports rebuild them from stored answers. d′ and c with the log-linear correction
    (Hautus 1995), so perfect rates stay finite."""
    signal = noise = hits = false_alarms = 0
    for truth, said in pairs:
        if truth:
            signal, hits = signal + 1, hits + bool(said)
        else:
            noise, false_alarms = noise + 1, false_alarms + bool(said)
    z = NormalDist().inv_cdf
    hit_rate = (hits + 0.5) / (signal + 1)
    fa_rate = (false_alarms + 0.5) / (noise + 1)
    d_prime = z(hit_rate) - z(fa_rate)
    bias = -(z(hit_rate) + z(fa_rate)) / 2
    return Lean(round(d_prime, 3), round(bias, 3), signal, noise)


CALIBRATION_LEAST = 5    # answers at a level before it says anything about that level


def calibration(answers: list[Answer]) -> dict[str, tuple[int, float]]:
    """For each confidence level: how many answers, and the share that were right."""
    table = {}
    for level in CONFIDENCE:
        rows = [a for a in answers if a.confidence == level]
        if rows:
            table[level] = (len(rows), sum(a.correct for a in rows) / len(rows))
    return table


def calibration_words(table: dict[str, tuple[int, float]]) -> str:
    """Whether being sure went with being right, in words a player can act on; only from
    levels with at least CALIBRATION_LEAST answers, as a few say nothing."""
    if not table:
        return "No “how sure?” answers this round."
    counted = {level: row for level, row in table.items() if row[0] >= CALIBRATION_LEAST}
    if not counted:
        return (f"Too few answers at each level to tell yet: {CALIBRATION_LEAST} at one "
                "level are needed.")
    sure, guessing = counted.get("sure"), counted.get("guessing")
    if sure and guessing and sure[1] <= guessing[1]:
        return "Your “sure” answers were right no more often than your guesses: take a " \
               "second look before you say sure."
    if sure and sure[1] >= 0.8:
        return "When you were sure, you were usually right: well judged."
    if sure and sure[1] < 0.6:
        return "You were often wrong when sure: slow down before you choose “sure”."
    return "How sure you were roughly matched how often you were right."
