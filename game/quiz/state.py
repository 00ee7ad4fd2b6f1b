"""One round in progress: the questions, the answers given so far, the running score."""
from dataclasses import dataclass, field

from game.quiz.questions import Question
from game.quiz.round import RoundSetup
from game.quiz.scoring import Answer, points_for
from game.quiz.verdict import Verdict, judge, practise, tally_by_skill


@dataclass
class RoundState:
    setup: RoundSetup
    questions: list[Question]
    answers: list[Answer] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        return len(self.answers) >= len(self.questions)

    @property
    def current(self) -> Question | None:
        return None if self.finished else self.questions[len(self.answers)]

    @property
    def score(self) -> int:
        return sum(a.points for a in self.answers)     # each answer's points never take it below 0

    @property
    def streak(self) -> int:
        return self.answers[-1].streak if self.answers else 0

    def answer(self, given, seconds: float = 0.0, confidence: str | None = None,
               hands: tuple[int, ...] | None = None) -> Answer:
        """hands: how many hands a class raised for each answer before it was revealed."""
        question = self.current
        if question is None:
            raise RuntimeError("the round is over")
        judged = judge(question, given)
        right = judged.verdict is Verdict.RIGHT
        streak = self.streak + 1 if right else 0
        points = points_for(judged.verdict, judged.credit, streak, seconds,
                            self.setup.timer_seconds if self.setup.speed_points else None,
                            confidence if self.setup.confidence else None)
        result = Answer(
            question=question, given=given, verdict=judged.verdict, credit=judged.credit,
            # What the score changes by: a penalty takes it down to 0, never below, and
            # the player is shown exactly this.
            points=max(points, -self.score), streak=streak, seconds=seconds,
            confidence=confidence, note=judged.note, hands=hands)
        self.answers.append(result)
        return result

    def by_skill(self):
        return tally_by_skill((a.question.skill, a.verdict) for a in self.answers)

    def practise_next(self) -> str:
        """The weakest skill of the round, in words a player can act on."""
        return practise(self.by_skill())
