import math

import pygame

from game.bank.texts import shown_article
from game.intents import Kind
from game.quiz.flow import ANSWERED, ASKING, DISCUSSING, HANDOVER, HOW_SURE, REVEALED, Flow
from game.quiz.questions import SKILLS
from game.quiz.room import ABOUT_THE_ARTICLE
from game.quiz.seats import Seat, Turns
from game.quiz.state import RoundState
from game.quiz.wording import quoted
from game.scenes.base import Scene
from game.scenes.hotseat import LEAVE, HandoverScene, PodiumScene, RevealScene
from game.scenes.question_page import QuestionLayout, QuestionPage
from game.ui.layout import TEXT
from game.ui.motion import approach
from game.ui.progress import (FLAME_FROM, Progress, TopBar, draw_dots, draw_flame, flame_size,
                              lay_dots)
from game.ui.tiles import AnswerTiles

HINTS = {
    "choice": "1–4 or click: answer   ↑↓ Enter: choose",
    "fact_or_opinion": "F: fact   O: opinion   1–2 or click: answer",
    "opinion_words": "←→: move   Space or click: select a word   Enter: done",
}
# Keys that scroll the quote or the article (or else the answers) when they do not fit.
SCROLL_KEYS = (Kind.PAGE_UP, Kind.PAGE_DOWN, Kind.HOME, Kind.END)


class QuestionScene(Scene):
    """Draws the round's flow (game.quiz.flow) and turns the player's keys and clicks into
    its calls; the screens between questions are pushed as the flow's phase asks."""

    def __init__(self, app, play):
        """play: the Turns of a round, or the RoundState of one player (the last name)."""
        super().__init__(app)
        if isinstance(play, RoundState):
            play = Turns([Seat(app.settings.player, play)])
        self.flow = Flow(play, app.results)
        self.turns = play
        self._load()
        self._shown = self._turn() and (ASKING, *self._turn())  # the screen showing

    @property
    def state(self) -> RoundState:
        """The state of the seat whose question is on screen: under the feedback, the
        seat that answered, though the flow has moved on to the next."""
        return self.seat.state

    @property
    def selected(self) -> frozenset[int]:
        return self.flow.selected

    def _turn(self) -> tuple[int, int]:
        """Which seat is playing, and its question's place in its round."""
        return self.flow.turns.index, len(self.flow.state.answers)

    def _load(self) -> None:
        q = self.flow.question
        self.question, self.seat = q, self.flow.seat
        self._asked = self._turn()
        self.shown_score = float(self.state.score)
        self.menu = AnswerTiles(list(q.choices)) if q.choices else None
        self.word_focus = 0
        self._pointer = None        # where the mouse was last: the wheel scrolls what is there
        bank = self.app.loaded.bank
        article = bank.articles.get(q.article)
        shown = shown_article(article, bank) if article and q.skill in ABOUT_THE_ARTICLE \
            else None
        self.page = QuestionPage(self.app, q, self.menu, shown,
                                 "" if shown or self.menu is None else quoted(q),
                                 self._source_line(), self._hint(),
                                 self.state.setup.timer_seconds is not None)

    # -- input ---------------------------------------------------------------
    def handle(self, intent) -> None:
        self.page.settle()      # input never waits for the card to arrive
        q = self.question
        p = self.page.layout()
        if intent.kind == Kind.BACK or (intent.kind == Kind.CLICK
                                        and p.leave.collidepoint(intent.value)):
            from game.scenes.confirm import ask_to_leave
            ask_to_leave(self.app, self.app.pop)   # the round stays "unfinished"
            return
        if intent.kind in (Kind.CLICK, Kind.HOVER):
            self._pointer = intent.value
        if intent.kind == Kind.CONTEXT or (intent.kind == Kind.CLICK and p.context
                                        and p.context.collidepoint(intent.value)):
            self._show_context()
        elif self.page.scroll(intent, SCROLL_KEYS, self._pointer):
            pass
        elif self.menu is None:
            self._handle_words(intent)
        elif q.skill == "fact_or_opinion" and intent.kind in (Kind.FACT, Kind.OPINION):
            self._answer(0 if intent.kind == Kind.FACT else 1)
        else:
            chosen = self.menu.handle(intent)
            if intent.kind in (Kind.UP, Kind.DOWN, Kind.LEFT, Kind.RIGHT, Kind.TAB):
                self.page.follow(self.menu.focus)
            if chosen is not None:
                self._answer(chosen)

    def _handle_words(self, intent) -> None:
        n = len(self.question.words)
        if intent.kind in (Kind.LEFT, Kind.RIGHT, Kind.TAB, Kind.UP, Kind.DOWN):
            step = -1 if intent.kind in (Kind.LEFT, Kind.UP) else 1
            self.word_focus = (self.word_focus + (intent.value or step if intent.kind == Kind.TAB
                                                  else step)) % n
            self.page.follow(self.word_focus)
        elif intent.kind == Kind.TOGGLE:
            self.flow.toggle(self.word_focus)
        elif intent.kind == Kind.CLICK:
            for id, rect in self.page.widgets().items():
                if isinstance(id, tuple) and rect.collidepoint(intent.value):   # a word
                    self.word_focus = id[1]
                    self.flow.toggle(id[1])
                    return
            if self.page.layout().done.collidepoint(intent.value):
                self._answer(self.flow.selected)
        elif intent.kind == Kind.NEXT:
            self._answer(self.flow.selected)

    def _show_context(self) -> None:
        from game.scenes.overlays import ContextScene
        statement = self._statement()
        if statement is not None:
            self.app.push(ContextScene(self.app, statement))

    def _statement(self):
        q = self.question
        return next((s for s in self.app.loaded.bank.statements if s.id == q.statement), None)

    def _answer(self, given) -> None:
        if self.menu is not None:     # F and O too: the tile answered shows held down
            self.menu.pressed = given
        self.flow.answer(given)
        self._follow()

    # -- what the flow's phase asks for -----------------------------------------
    def _follow(self) -> None:
        """Show the screen the flow's phase asks for, once per phase and turn."""
        flow = self.flow
        shown = (flow.phase, *self._turn())
        if shown == self._shown:
            return
        self._shown = shown
        if flow.phase == ASKING:
            if self._turn() != self._asked:     # not "how sure?" taken back
                self._load()
            elif self.menu is not None:
                self.menu.pressed = None
        elif flow.phase == HOW_SURE:
            from game.scenes.overlays import ConfidenceScene
            self.app.push(ConfidenceScene(self.app), on_result=self._sure)
        elif flow.phase == DISCUSSING:
            from game.scenes.discuss import DiscussScene
            self.app.push(DiscussScene(self.app, flow, below=self), on_result=self._discussed)
        elif flow.phase == ANSWERED:
            from game.scenes.feedback import FeedbackScene
            self.app.push(FeedbackScene(self.app, flow.answered.state, flow.last, below=self),
                          on_result=self._seen)
        elif flow.phase == REVEALED:
            self.app.push(RevealScene(self.app, self.turns, flow.revealed),
                          on_result=self._seen)
        elif flow.phase == HANDOVER:
            self.app.push(HandoverScene(self.app, self.turns, board=flow.board),
                          on_result=self._seen)
        elif self.turns.several:
            self.app.replace(PodiumScene(self.app, self.turns))
        else:
            from game.scenes.round_end import ResultsScene
            self.app.replace(ResultsScene(self.app, self.state, self.turns))

    def _sure(self, confidence) -> None:
        self.flow.sure(confidence)
        self._follow()

    def _discussed(self, result) -> None:
        from game.scenes.discuss import CHANGE
        if result == CHANGE:
            self.flow.reconsider()
            self._follow()
        else:
            self._seen(result)      # revealed, or left

    def _seen(self, result) -> None:
        if result == LEAVE:
            self.app.pop()      # the round stays "unfinished" in the results
            return
        self.flow.next()
        self._follow()

    @property
    def moving(self) -> bool:
        """The card arriving, the score counting up, or the clock running down on a
        timed question."""
        return self.page.moving or self.shown_score != self.state.score or (
            not self.paused and self.flow.phase == ASKING and self.flow.time_left() is not None)

    def update(self, dt: float) -> None:
        self.shown_score = approach(self.shown_score, self.state.score, dt, self.app.motion)
        self.page.step(dt)
        if not self.paused:     # the clock stops while an overlay is open
            self.flow.tick(dt)
            self._follow()

    def time_left(self) -> int | None:
        left = self.flow.time_left()
        return None if left is None else math.ceil(left)

    # -- layout --------------------------------------------------------------
    def widgets(self) -> dict:
        """The answers by their labels, each word of the word picker as ("word", i), its
        "Done", and the "context" button: those in view, where they show now."""
        p = self.page.layout()
        found = {id: rect for id, rect in super().widgets().items() if rect.width}
        if p.context:
            found["context"] = p.context
        return found

    def layout(self) -> QuestionLayout:
        """Where everything on the question screen goes, at the window's present size."""
        return self.page.layout()

    def feedback_area(self) -> pygame.Rect:
        """What the feedback panel may cover: the prompt and the answers, never the quote
        or the article, which stay in view beside or above it."""
        return self.page.layout().feedback

    def scroll_at(self, intent, pointer) -> None:
        """The wheel turned over the quote or the article while the feedback is up."""
        self.page.scroll(intent, (), pointer)

    def article_text(self) -> str:
        """All of the article this question shows beside it, "" when it shows none."""
        article = self.page.article
        return "\n".join(article.paragraphs) if article else ""

    def _source_line(self) -> str:
        article = self.app.loaded.bank.articles.get(self.question.article)
        if article is None or self.question.skill in ABOUT_THE_ARTICLE:
            return ""    # the article itself is shown
        return f"From {article.credit}"

    def _hint(self) -> str:
        q = self.question
        return HINTS[q.skill if q.skill in HINTS else "choice"]

    # -- drawing -------------------------------------------------------------
    def _top_bar(self, p: QuestionLayout) -> TopBar:
        """The top bar: whose turn and which question on the left, the clock, score and
        streak (with its flame) on the right, and the round's dots in the room between."""
        theme, text, lay = self.app.theme, self.app.text, p.lay
        q, state = self.question, self.state
        c = lay.content()
        bar = lay.font(TEXT.label)
        number = state.questions.index(q) + 1
        heading = f"Question {number} of {len(state.questions)} · {SKILLS[q.skill]}"
        if self.turns.mode != "solo":       # whose turn it is, or which class answers
            heading = f"{self.seat.name} · " + heading
        left_time = self.time_left()
        hud = "   ".join(([f"{left_time} s left"] if left_time is not None else [])
                         + ([f"Score {round(self.shown_score)}", f"Streak {state.streak}"]
                            if state.setup.show_scores else []))
        font = text.font("bold", bar)
        line_h = font.get_linesize()
        flame = None
        if state.setup.show_scores and state.streak >= FLAME_FROM:
            w, h = flame_size(line_h)
            flame = pygame.Rect(c.right - w, c.top + (font.get_height() - h) // 2, w, h)
        flame_w = flame.width + bar // 3 if flame else 0
        right = text.block(hud, bar, theme.wrong if left_time is not None and left_time <= 5
                           else theme.text, c.width - flame_w, align="right", style="bold")
        right_x = c.right - flame_w - right.get_width()
        # One line: a long name leaves out the question type rather than wrap into the quote.
        room = right_x - c.left - lay.gap
        colour = theme.accent if self.turns.several else theme.text
        for line in (heading, heading.rsplit(" · ", 1)[0]):
            left = text.block(line, bar, colour, room, style="bold")
            if left.get_height() <= line_h * 1.5:
                break
        # The dots take only the room the words leave; they step aside for them.
        answers = state.answers
        marks = [answers[i].verdict.value if i < len(answers) else None
                 for i in range(len(state.questions))]
        between = pygame.Rect(c.left + left.get_width() + lay.gap, c.top,
                              right_x - lay.gap - c.left - left.get_width() - lay.gap,
                              p.header_h)
        dots = lay_dots(marks, number - 1, between, round(bar * 0.8))
        return TopBar(left, right, right_x, Progress(dots, flame))

    def progress(self) -> Progress:
        """The round's dots and the streak's flame, where the top bar shows them now."""
        return self._top_bar(self.page.layout()).progress

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        p = self.page.layout()
        lay, state = p.lay, self.state
        c = lay.content()
        surface.fill(theme.background)
        top = self._top_bar(p)
        left_time = self.time_left()
        surface.blit(top.left, c.topleft,
                     (0, 0, top.left.get_width(), min(top.left.get_height(), p.header_h)))
        surface.blit(top.right, (top.right_x, c.top))
        draw_dots(surface, top.progress.dots, theme)
        if top.progress.flame:
            draw_flame(surface, top.progress.flame, theme)
        if p.timer is not None and left_time is not None:
            share = max(0.0, 1 - self.flow.elapsed / state.setup.timer_seconds)
            pygame.draw.rect(surface, theme.panel, p.timer)
            pygame.draw.rect(surface, theme.accent, (p.timer.left, p.timer.top,
                                                     round(p.timer.width * share), p.timer.height))
        self.page.draw(surface, self.flow.selected, self.word_focus)
        hint = text.block(self.page.hint, p.small, theme.muted, p.hint_w)
        surface.blit(hint, (c.left, p.hint_top))
