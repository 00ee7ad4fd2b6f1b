"""Round setup: which articles and skills, how hard, how many, timer and "how sure?".

Dismissed with the RoundSetup to play, or None; every change is remembered at once."""
from dataclasses import replace

import pygame

from game.intents import Kind
from game.quiz.questions import SKILLS, generate
from game.quiz.round import DIFFICULTIES, MAX_QUESTIONS, MIN_QUESTIONS, PLAYABLE_SKILLS, \
    RoundSetup, build_round
from game.scenes.base import Scene
from game.ui.form import Form, Row
from game.ui.layout import TEXT

COUNTS = tuple(range(MIN_QUESTIONS, MAX_QUESTIONS + 1))
TIMERS = (None, 10, 15, 20, 30, 45, 60, 90, 120, 180)
LEVELS = {1: "Easy only", 2: "Up to medium", 3: "Up to hard"}
HINT = "↑↓ ←→ Tab: move   ←→ on a choice: change it   Space or Enter: tick or press   Esc: back"


class SetupScene(Scene):
    def __init__(self, app):
        super().__init__(app)
        bank = app.loaded.bank
        self.articles = sorted(bank.articles.values(), key=lambda a: a.display_title)
        setup = RoundSetup.from_plain(app.settings.round, bank.articles)
        chosen = set(setup.articles) or {a.id for a in self.articles}
        rows = [Row("header", "Articles", cell=(0, 0)), Row("header", "Skills", cell=(1, 0))]
        rows += [Row("toggle", a.display_title, ("article", a.id), a.id in chosen, cell=(0, i + 1))
                 for i, a in enumerate(self.articles)]
        rows += [Row("toggle", SKILLS[s], ("skill", s), s in setup.skills, cell=(1, i + 1))
                 for i, s in enumerate(PLAYABLE_SKILLS)]
        below = max(len(self.articles), len(PLAYABLE_SKILLS)) + 1
        rows += [
            Row("choice", "Difficulty", "difficulty", list(DIFFICULTIES).index(setup.max_difficulty),
                tuple(LEVELS[d] for d in DIFFICULTIES), cell=(0, below)),
            Row("choice", "Questions", "count", COUNTS.index(setup.count),
                tuple(map(str, COUNTS)), cell=(1, below)),
            Row("choice", "Timer", "timer", TIMERS.index(setup.timer_seconds)
                if setup.timer_seconds in TIMERS else 0,
                tuple("Off" if t is None else f"{t} s" for t in TIMERS), cell=(0, below + 1)),
            Row("toggle", "Ask “how sure are you?”", "confidence", setup.confidence,
                cell=(1, below + 1)),
            Row("toggle", "Speed points (with a timer)", "speed_points", setup.speed_points,
                cell=(0, below + 2)),
            Row("toggle", "Show running scores", "show_scores", setup.show_scores,
                cell=(1, below + 2)),
            Row("button", "Start round", "start", cell=(0, below + 3)),
            Row("button", "Back", "back", cell=(1, below + 3)),
        ]
        self.form = Form(rows, columns=2)
        self.form.focus = rows.index(self.form.row("start"))
        self._status = None
        self._pool = None       # every question, generated once for counting matches

    def setup(self) -> RoundSetup:
        rows = self.form.rows
        articles = tuple(r.key[1] for r in rows if r.kind == "toggle" and r.value
                         and isinstance(r.key, tuple) and r.key[0] == "article")
        skills = tuple(r.key[1] for r in rows if r.kind == "toggle" and r.value
                       and isinstance(r.key, tuple) and r.key[0] == "skill")
        if len(articles) == len(self.articles):
            articles = ()       # every article, including ones a teacher adds later
        return RoundSetup(
            articles=articles, skills=skills or PLAYABLE_SKILLS,
            max_difficulty=list(DIFFICULTIES)[self.form.row("difficulty").value],
            count=COUNTS[self.form.row("count").value],
            timer_seconds=TIMERS[self.form.row("timer").value],
            confidence=self.form.row("confidence").value,
            speed_points=self.form.row("speed_points").value,
            show_scores=self.form.row("show_scores").value, seed=self.app.new_seed())

    def handle(self, intent) -> None:
        if intent.kind == Kind.BACK:
            self.dismiss(None)
            return
        self._place()
        row = self.form.handle(intent)
        if row is None:
            return
        if row.kind == "toggle" and isinstance(row.key, tuple) and not self._ticked(row.key[0]):
            row.value = True    # a round needs at least one article and one skill
        if row.key == "back":
            self.dismiss(None)
        elif row.key == "start":
            if self._available():
                self.dismiss(self.setup())
        else:
            self._status = None
            self.app.settings.round = self.setup().to_plain()
            self.app.save_settings()

    def _ticked(self, group: str) -> int:
        return sum(1 for r in self.form.rows if isinstance(r.key, tuple) and r.key[0] == group
                   and r.value)

    def _available(self) -> int:
        if self._pool is None:
            self._pool = generate(self.app.loaded.bank, 0)
        return len(build_round(self.app.loaded.bank, replace(self.setup(), seed=0),
                               self._pool))

    def status(self) -> str:
        if self._status is None:
            setup, n = self.setup(), self._available()
            asked = setup.count
            if n == 0:
                self._status = "No questions match: tick more articles or skills, or raise " \
                               "the difficulty."
            elif n < asked:
                self._status = f"Only {n} questions match, so the round will have {n}."
            else:
                self._status = f"A round of {asked} questions, drawn at random from those " \
                               "that match."
        return self._status

    def _place(self):
        lay = self.app.layout()
        c = lay.content()
        head = lay.font(TEXT.heading)
        small = lay.font(TEXT.small)
        area = pygame.Rect(c.left, c.top + round(head * 1.4) + lay.gap, c.width,
                           c.height - round(head * 1.4) - lay.gap - 2 * (small * 2 + lay.gap))
        size = self.form.place(self.app.text, area, range(13, lay.font(TEXT.label) + 1))
        return lay, c, head, small, size

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        lay, c, head, small, size = self._place()
        surface.fill(theme.background)
        surface.blit(text.block("Round setup", head, theme.text, c.width, style="bold"),
                     c.topleft)
        self.form.draw(surface, text, theme, size)
        status = text.block(self.status(), small, theme.text, c.width)
        hint = text.block(HINT, small, theme.muted, c.width)
        surface.blit(hint, (c.left, c.bottom - hint.get_height()))
        surface.blit(status, (c.left, c.bottom - hint.get_height() - lay.gap // 2
                              - status.get_height()))
