"""Building a round from the bank: a seeded, mixed draw across the chosen skills and articles."""
import random
from dataclasses import dataclass, replace

from game.bank.models import Bank
from game.quiz.questions import SKILLS, Question, generate

PLAYABLE_SKILLS = tuple(s for s in SKILLS if s != "hand_written")
MIN_QUESTIONS, MAX_QUESTIONS = 5, 30
DIFFICULTIES = {1: "Easy", 2: "Medium", 3: "Hard"}   # each level includes the easier ones


@dataclass(frozen=True)
class RoundSetup:
    articles: tuple[str, ...] = ()          # empty: every article
    skills: tuple[str, ...] = PLAYABLE_SKILLS
    max_difficulty: int = 3
    count: int = 10
    timer_seconds: int | None = None        # None: no timer
    confidence: bool = False
    # Classroom defaults: speed points reward the fastest typist, not the best reader, so
    # they are off unless asked for; running scores can be hidden until the podium.
    speed_points: bool = False
    show_scores: bool = True
    seed: int = 0
    def __post_init__(self):
        if not MIN_QUESTIONS <= self.count <= MAX_QUESTIONS:
            raise ValueError(f"a round has {MIN_QUESTIONS} to {MAX_QUESTIONS} questions")
        unknown = set(self.skills) - set(SKILLS)
        if unknown or not self.skills:
            raise ValueError(f"unknown or no skills: {sorted(unknown)}")

    def to_plain(self) -> dict:
        """What is worth remembering between runs (the seed is new each round)."""
        return {"articles": list(self.articles), "skills": list(self.skills),
                "max_difficulty": self.max_difficulty, "count": self.count,
                "timer_seconds": self.timer_seconds, "confidence": self.confidence,
                "speed_points": self.speed_points, "show_scores": self.show_scores}

    @classmethod
    def from_plain(cls, data: dict, articles=()) -> "RoundSetup":
        """A setup from saved values; anything unknown or out of range keeps its default."""
        setup = cls()
        if not isinstance(data, dict):
            return setup
        chosen = data.get("articles")
        if _names_among(chosen, articles):
            setup = replace(setup, articles=tuple(chosen))
        skills = data.get("skills")
        if _names_among(skills, PLAYABLE_SKILLS):
            setup = replace(setup, skills=tuple(s for s in PLAYABLE_SKILLS if s in skills))
        level = data.get("max_difficulty")
        if type(level) is int and level in DIFFICULTIES:
            setup = replace(setup, max_difficulty=level)
        count = data.get("count")
        if type(count) is int and MIN_QUESTIONS <= count <= MAX_QUESTIONS:
            setup = replace(setup, count=count)
        timer = data.get("timer_seconds")
        if timer is None or (type(timer) is int and 5 <= timer <= 300):
            setup = replace(setup, timer_seconds=timer)
        for flag in ("confidence", "speed_points", "show_scores"):
            if isinstance(data.get(flag), bool):
                setup = replace(setup, **{flag: data[flag]})
        return setup


def _names_among(value, known) -> bool:
    """A saved list of names, none of them unknown; a saved value can be anything."""
    return isinstance(value, list) and bool(value) and \
        all(isinstance(v, str) for v in value) and set(value) <= set(known)


def build_round(bank: Bank, setup: RoundSetup, pool=None) -> list[Question]:
    """Up to setup.count questions, skills taking turns so a round mixes them, and no
    statement asked twice while others are left. pool: generate(bank, setup.seed), when
    the caller already has it."""
    rng = random.Random(setup.seed)
    pools: dict[str, list[Question]] = {skill: [] for skill in setup.skills}
    for q in pool if pool is not None else generate(bank, setup.seed):
        if (q.skill in pools and q.difficulty <= setup.max_difficulty
                and (not setup.articles or q.article in setup.articles)):
            pools[q.skill].append(q)
    for pool in pools.values():
        rng.shuffle(pool)
    order = [s for s in setup.skills if pools[s]]
    rng.shuffle(order)
    chosen: list[Question] = []
    used_statements: set[str] = set()
    while len(chosen) < setup.count and any(pools[s] for s in order):
        for skill in order:
            if len(chosen) == setup.count or not pools[skill]:
                continue
            pool = pools[skill]
            fresh = next((i for i, q in enumerate(pool) if q.statement not in used_statements), 0)
            q = pool.pop(fresh)
            chosen.append(q)
            if q.statement:
                used_statements.add(q.statement)
    return chosen
