"""The end of a round, whoever played it: the score, how each skill went and how the
player judged, then Review answers, Play again or Back to title."""
from dataclasses import replace

import pygame

from game.intents import Kind
from game.quiz.questions import SKILLS
from game.quiz.scoring import calibration, calibration_words, lean
from game.quiz.verdict import tally_of
from game.scenes.base import Scene
from game.ui.layout import TEXT
from game.ui.motion import approach
from game.ui.widgets import ButtonList


def summary(state) -> tuple[str, str]:
    """The two columns of the results: how each skill went, and how the player judged.
    Every share is of right answers, as in Progress and the teacher's report."""
    answers = state.answers
    total = tally_of(a.verdict for a in answers)
    skills = [f"{total.right} of {total.asked} right{total.partly_words()}", ""]
    skills += [f"{SKILLS[s].rstrip('?')}: {t.share:.0%}{t.partly_words()}"
               for s, t in state.by_skill().items()]
    judged = lean(answers)
    words = ["Fact or opinion"]
    if judged.enough:
        words.append(judged.sensitivity_words)
    words.append(judged.words)
    if state.setup.confidence:
        table = calibration(answers)
        words += ["", "How sure, and how often right"]
        words += [f"{level.capitalize()}: {round(share * n)} of {n} right"
                  for level, (n, share) in table.items()]
        words.append(calibration_words(table))
    words += ["", state.practise_next()]
    return "\n".join(skills), "\n".join(words)


class RoundEnd(Scene):
    """The end of a round, whoever played it: Review answers, Play again, Back to title."""

    ITEMS = ["Review answers", "Play again", "Back to title"]
    SAVE = "Save answers elsewhere"

    def __init__(self, app, turns):
        super().__init__(app)
        self.turns = turns
        self._offer()

    def _offer(self) -> None:
        """While answers wait in memory, saving them elsewhere comes first."""
        self.items = ([self.SAVE] if self.app.results.unsaved else []) + self.ITEMS
        self.menu = ButtonList(self.items, align="center")

    def resume(self) -> None:
        super().resume()
        self._offer()       # the answers may have been saved elsewhere meanwhile

    def enter(self) -> None:
        self.app.sounds.play("end")

    def _place(self):
        lay = self.app.layout()
        c = lay.content()
        size = lay.font(TEXT.label)
        height = round(size * 2.6)
        self.menu.place(self.app.text, pygame.Rect(c.left, c.bottom - height, c.width, height),
                        size, lay.gap, across=True)
        return lay, c, size

    def handle(self, intent) -> None:
        self._place()
        chosen = self.menu.handle(intent)
        if intent.kind == Kind.BACK:
            chosen = self.items.index("Back to title")
        if chosen is None:
            return
        item = self.items[chosen]
        turns = self.turns
        if item == self.SAVE:
            from game.scenes.save import SaveScene
            self.app.push(SaveScene(self.app))
            return
        if item == "Review answers":
            from game.scenes.review import ReviewScene
            self.app.push(ReviewScene(self.app, turns.seats if turns.several
                                      else turns.seat.state))
            return
        self.app.pop()
        if item == "Play again":      # the same players, the same setup, new questions
            setup = turns.seat.state.setup
            setup = replace(setup, seed=self.app.new_seed() if self.app.config.seed is None
                            else setup.seed + 1)
            self.app.stack[0].start_round(setup, [s.name for s in turns.seats], turns.mode,
                                          turns.same)


class ResultsScene(RoundEnd):
    def __init__(self, app, state, turns=None):
        """turns: who played, so "Play again" keeps the same player or class."""
        from game.quiz.seats import Seat, Turns
        super().__init__(app, turns or Turns([Seat(app.settings.player, state)]))
        self.state = state
        self.left, self.right = summary(state)
        self.shown_score = 0.0

    @property
    def moving(self) -> bool:
        return self.shown_score != self.state.score

    def update(self, dt: float) -> None:
        self.shown_score = approach(self.shown_score, self.state.score, dt)

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        lay, c, size = self._place()
        surface.fill(theme.background)
        head = text.block("Round complete", lay.font(TEXT.heading), theme.text, c.width // 2,
                          style="bold")
        surface.blit(head, c.topleft)
        score = text.block(f"Score {round(self.shown_score)}", lay.font(TEXT.heading),
                           theme.accent, c.width // 2, style="bold", align="right")
        surface.blit(score, (c.right - score.get_width(), c.top))
        top = c.top + head.get_height() + lay.gap * 2
        box_h = self.menu.rects[0].top - lay.gap - top
        col_w = (c.width - 2 * lay.gap) // 3
        sizes = range(13, lay.font(TEXT.label) + 1)
        body = min(text.fit(self.left, col_w, box_h, sizes),
                   text.fit(self.right, 2 * col_w, box_h, sizes))
        surface.blit(text.block(self.left, body, theme.text, col_w), (c.left, top))
        surface.blit(text.block(self.right, body, theme.text, 2 * col_w),
                     (c.left + col_w + 2 * lay.gap, top))
        self.menu.draw(surface, text, theme, size)
