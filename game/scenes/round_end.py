"""The end of a round, whoever played it: the score, how each skill went and how the
player judged, then Review answers, Play again or Back to title."""
from dataclasses import replace

import pygame

from game.intents import Kind
from game.quiz.questions import SKILLS
from game.quiz.scoring import calibration, calibration_words, lean
from game.quiz.verdict import tally_of
from game.scenes.base import Scene
from game.ui.doc import lay_out
from game.ui.layout import TEXT
from game.ui.motion import approach
from game.ui.scroll import ScrollView
from game.ui.widgets import ButtonList

# Keys that scroll the results (the arrows move among the buttons under them).
SCROLLING = (Kind.PAGE_UP, Kind.PAGE_DOWN, Kind.HOME, Kind.END, Kind.WHEEL, Kind.DRAG)
BAR = 14        # room beside the columns for the scroll bar


def summary(state) -> tuple[list, list]:
    """The two columns of the results, as items for game.ui.doc.lay_out: a meter per skill
    played (right, then partly right), its share of right answers in words beside it (as
    in Progress and the teacher's report); and what to practise and how the player judged."""
    total = tally_of(a.verdict for a in state.answers)
    skills = [("h", f"{total.right} of {total.asked} right{total.partly_words()}")]
    skills += [("meter", (SKILLS[s].rstrip("?"), t.share, t.partly / t.asked,
                          f"{t.right} of {t.asked} right ({t.share:.0%}){t.partly_words()}"))
               for s, t in state.by_skill().items()]
    judged = lean(state.answers)
    # What to do next first, where it is read without scrolling.
    words = [("p", state.practise_next()), ("gap", None), ("sub", "Fact or opinion")]
    if judged.enough:
        words.append(("p", judged.sensitivity_words))
    words.append(("p", judged.words))
    if state.setup.confidence:
        table = calibration(state.answers)
        words.append(("sub", "How sure, and how often right"))
        words += [("meter", (level.capitalize(), share, 0.0, f"{round(share * n)} of {n} right"))
                  for level, (n, share) in table.items()]
        words.append(("p", calibration_words(table)))
    return skills, words


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
    """The score, a chart of each skill and how the player judged, in two columns that
    scroll together when they do not fit (their text never shrinks to fit)."""

    def __init__(self, app, state, turns=None):
        """turns: who played, so "Play again" keeps the same player or class."""
        from game.quiz.seats import Seat, Turns
        super().__init__(app, turns or Turns([Seat(app.settings.player, state)]))
        self.state = state
        self.columns = summary(state)    # the skills' items, then the judging's
        self.shown_score = 0.0
        self.scroll = ScrollView()
        self._key, self._blocks = None, []

    @property
    def moving(self) -> bool:
        return self.shown_score != self.state.score

    def update(self, dt: float) -> None:
        self.shown_score = approach(self.shown_score, self.state.score, dt, self.app.motion)

    def handle(self, intent) -> None:
        if intent.kind in SCROLLING:
            self._lay_out()
            self.scroll.handle(intent)
        else:
            super().handle(intent)

    def _lay_out(self):
        """The columns under the heading, laid out again only when the window, the text
        size, the theme or the buttons under them change."""
        lay, c, size = self._place()
        theme, text = self.app.theme, self.app.text
        head_h = text.font("bold", lay.font(TEXT.heading)).get_height()
        top = c.top + head_h + lay.gap * 2
        view = pygame.Rect(c.left, top, c.width - BAR, self.menu.rects[0].top - lay.gap - top)
        key = (tuple(view), lay.scale, theme.name)
        if key != self._key:
            body = lay.font(TEXT.label)     # as large as the buttons under it
            col_w = (view.width - 2 * lay.gap) // 2
            left, left_h = lay_out(text, theme, self.columns[0], col_w, body)
            right, right_h = lay_out(text, theme, self.columns[1], col_w, body)
            x = col_w + 2 * lay.gap
            self._blocks = left + [(paint, bx + x, y, h) for paint, bx, y, h in right]
            self.scroll.set(view, max(left_h, right_h), body * 2)
            self._key = key
        return lay, c, size

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        lay, c, size = self._lay_out()
        surface.fill(theme.background)
        head = text.block("Round complete", lay.font(TEXT.heading), theme.text, c.width // 2,
                          style="bold")
        surface.blit(head, c.topleft)
        score = text.block(f"Score {round(self.shown_score)}", lay.font(TEXT.heading),
                           theme.accent, c.width // 2, style="bold", align="right")
        surface.blit(score, (c.right - score.get_width(), c.top))
        self.scroll.draw(surface, self._blocks, theme)
        self.menu.draw(surface, text, theme, size)
