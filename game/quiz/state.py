"""One round in progress: the questions, the answers given so far, the running score."""
from dataclasses import dataclass, field

from game.quiz.questions import SKILLS, Question
from game.quiz.round import RoundSetup
from game.quiz.scoring import Answer, accuracy_by_skill, judge, points_for


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
        return max(0, sum(a.points for a in self.answers))

    @property
    def streak(self) -> int:
        return self.answers[-1].streak if self.answers else 0

    def answer(self, given, seconds: float = 0.0, confidence: str | None = None) -> Answer:
        question = self.current
        if question is None:
            raise RuntimeError("the round is over")
        correct, credit = judge(question, given)
        streak = self.streak + 1 if correct else 0
        result = Answer(
            question=question, given=given, correct=correct, credit=credit,
            points=points_for(correct, credit, streak, seconds,
                              self.setup.timer_seconds if self.setup.speed_points else None,
                              confidence if self.setup.confidence else None),
            streak=streak, seconds=seconds, confidence=confidence)
        self.answers.append(result)
        return result

    def practise_next(self) -> str:
        """The weakest skill of the round, in words a player can act on."""
        accuracy = accuracy_by_skill(self.answers)
        if not accuracy:
            return "Play a round to see what to practise."
        skill, value = min(accuracy.items(), key=lambda item: (item[1], item[0]))
        if value >= 0.8:
            return "Strong round: try a harder difficulty or more articles."
        return f"Practise “{SKILLS[skill]}”: {value:.0%} right this round."
