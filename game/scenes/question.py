import math
from dataclasses import dataclass

import pygame

from game.intents import Kind
from game.quiz.flow import ANSWERED, ASKING, DISCUSSING, HANDOVER, HOW_SURE, REVEALED, Flow
from game.quiz.questions import SKILLS
from game.quiz.seats import Seat, Turns
from game.quiz.state import RoundState
from game.quiz.wording import quoted
from game.scenes.base import Scene
from game.scenes.hotseat import LEAVE, HandoverScene, PodiumScene, RevealScene
from game.ui.layout import TEXT, Layout, largest
from game.ui.motion import approach
from game.ui.widgets import ButtonList

HINTS = {
    "choice": "1–4 or click: answer   ↑↓ Enter: choose   Esc: title",
    "fact_or_opinion": "F: fact   O: opinion   1–2 or click: answer   Esc: title",
    "opinion_words": "←→: move   Space or click: select a word   Enter: done   Esc: title",
}
CONTEXT_LABEL = "C: sentences around it"


@dataclass
class QuestionLayout:
    """Where the question screen puts things, for one window and text size."""

    lay: Layout
    quote_box: pygame.Rect
    inner: pygame.Rect          # the quote's text, inside its box
    quote_size: int
    prompt_size: int
    prompt_top: int
    area: pygame.Rect           # the room for the choices or the words
    answer_size: int = 0        # the choices' or the words' text size
    small: int = 0              # the source line's and the context button's text size
    source_top: int = 0
    source_w: int = 0


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
        self.menu = ButtonList(list(q.choices), numbered=True) if q.choices else None
        self.word_focus = 0
        self._word_rects: list[pygame.Rect] = []
        self._laid_for = None

    # -- input ---------------------------------------------------------------
    def handle(self, intent) -> None:
        if intent.kind == Kind.BACK:
            from game.scenes.confirm import ask_to_leave
            ask_to_leave(self.app, self.app.pop)   # the round stays "unfinished"
            return
        q = self.question
        self._place()
        if intent.kind == Kind.CONTEXT or (intent.kind == Kind.CLICK and self._context_rect
                                        and self._context_rect.collidepoint(intent.value)):
            self._show_context()
        elif self.menu is None:
            self._handle_words(intent)
        elif q.skill == "fact_or_opinion" and intent.kind in (Kind.FACT, Kind.OPINION):
            self._answer(0 if intent.kind == Kind.FACT else 1)
        else:
            chosen = self.menu.handle(intent)
            if chosen is not None:
                self._answer(chosen)

    def _handle_words(self, intent) -> None:
        n = len(self.question.words)
        self._place()
        if intent.kind in (Kind.LEFT, Kind.RIGHT, Kind.TAB, Kind.UP, Kind.DOWN):
            step = -1 if intent.kind in (Kind.LEFT, Kind.UP) else 1
            self.word_focus = (self.word_focus + (intent.value or step if intent.kind == Kind.TAB
                                                  else step)) % n
        elif intent.kind == Kind.TOGGLE:
            self.flow.toggle(self.word_focus)
        elif intent.kind == Kind.CLICK:
            for i, rect in enumerate(self._word_rects):
                if rect.collidepoint(intent.value):
                    self.word_focus = i
                    self.flow.toggle(i)
                    return
            if self._done_rect and self._done_rect.collidepoint(intent.value):
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
        """The score counting up, or the clock running down on a timed question."""
        return self.shown_score != self.state.score or (
            not self.paused and self.flow.phase == ASKING and self.flow.time_left() is not None)

    def update(self, dt: float) -> None:
        self.shown_score = approach(self.shown_score, self.state.score, dt)
        if not self.paused:     # the clock stops while an overlay is open
            self.flow.tick(dt)
            self._follow()

    def time_left(self) -> int | None:
        left = self.flow.time_left()
        return None if left is None else math.ceil(left)

    # -- layout --------------------------------------------------------------
    def _place(self) -> QuestionLayout:
        lay = self.app.layout()
        size = (lay.w, lay.h, lay.scale, lay.margin)
        if self._laid_for == size:
            return self._lay
        text = self.app.text
        c = lay.content()
        small = lay.font(TEXT.small)
        source_top = c.top + lay.font(TEXT.label) + lay.gap
        self._context_rect = None
        source_w = c.width
        if self.question.statement:
            label_w = text.font("regular", small).size(CONTEXT_LABEL)[0] + small
            self._context_rect = pygame.Rect(c.right - label_w, source_top - small // 3,
                                             label_w, round(small * 1.8))
            source_w -= label_w + lay.gap
        source_h = text.block(self._source_line(), small, (0, 0, 0), source_w).get_height()
        top = source_top + max(source_h, round(small * 1.8)) + lay.gap
        hint_h = lay.font(TEXT.small) + lay.gap
        # The quote gets up to 30% of the height, less if the answers would not fit at a
        # readable size; its box shrinks round its text, leaving the rest to the answers.
        # Of the shares that fit, the one whose smaller text (quote or answers) is largest.
        best = None
        for share in (0.30, 0.26, 0.22, 0.18, 0.14, 0.10):
            fits = self._try_layout(lay, c, top, hint_h, share)
            smaller = min(self._lay.quote_size if self._quote() else 99,
                          self._lay.answer_size)
            if best is None or (fits, smaller) > best[:2]:
                best = (fits, smaller, share)
        self._try_layout(lay, c, top, hint_h, best[2])
        self._lay.small, self._lay.source_top, self._lay.source_w = small, source_top, source_w
        self._laid_for = size
        return self._lay

    def _try_layout(self, lay, c, top, hint_h, share, min_size=13) -> bool:
        text = self.app.text
        quote_box = pygame.Rect(c.left, top, c.width, round(lay.h * share))
        inner = quote_box.inflate(-2 * lay.gap, -2 * lay.gap)
        style = "italic" if self.question.statement else "regular"
        quote_size = text.fit(self._quote(), inner.width, inner.height,
                              range(min_size, lay.font(TEXT.heading, 18) + 1), style=style)
        if self._quote():
            inner.height = text.block(self._quote(), quote_size, (0, 0, 0), inner.width,
                                      style=style).get_height()
            quote_box.height = inner.height + 2 * lay.gap
        else:
            quote_box.height = inner.height = 0
        prompt_size = lay.font(TEXT.body)
        prompt_top = quote_box.bottom + lay.gap
        prompt_h = text.block(self.question.prompt, prompt_size, (0, 0, 0), c.width,
                              style="bold").get_height() + lay.gap
        area = pygame.Rect(c.left, prompt_top + prompt_h,
                           c.width, c.bottom - hint_h - prompt_top - prompt_h)
        self._lay = QuestionLayout(lay, quote_box, inner, quote_size, prompt_size, prompt_top,
                                   area)
        self._done_rect = None
        if self.menu is None:
            return self._place_words(lay, area, min_size)
        self._lay.answer_size = self.menu.fit(
            text, area, range(min_size, max(min_size, lay.font(TEXT.body)) + 1), lay.gap // 2)
        return self.menu.rects[-1].bottom <= area.bottom

    def _place_words(self, lay, area, min_size) -> bool:
        """Flow the sentence's words as buttons across the area, then a Done button."""
        q, text = self.question, self.app.text

        def flow(size):
            font = text.font("regular", size)
            pad, gap = size // 3, size // 2
            rects, x, y = [], area.left, area.top
            line_h = font.get_height() + 2 * pad
            for word in q.word_texts():
                w = font.size(word)[0] + 2 * pad
                if x + w > area.right and x > area.left:
                    x, y = area.left, y + line_h + gap // 2
                rects.append(pygame.Rect(x, y, min(w, area.width), line_h))
                x += w + gap // 2
            done_w = font.size("Done")[0] + 4 * pad
            done = pygame.Rect(area.right - done_w, y + line_h + gap, done_w, line_h)
            self._word_rects, self._done_rect = rects, done
            return done.bottom <= area.bottom

        size = largest(min_size, max(min_size, lay.font(TEXT.large)), flow)
        self._lay.answer_size = size
        return flow(size)

    def widgets(self) -> dict:
        """The answers by their labels, each word of the word picker as ("word", i), its
        "Done", and the "context" button."""
        self._place()
        found = super().widgets()
        if self.menu is None:
            found.update({("word", i): rect for i, rect in enumerate(self._word_rects)})
        found.update({id: rect for id, rect in (("Done", self._done_rect),
                                                ("context", self._context_rect)) if rect})
        return found

    def layout(self) -> QuestionLayout:
        """Where everything on the question screen goes, at the window's present size."""
        return self._place()

    def answers_top(self) -> int:
        """Where the prompt starts: an overlay that covers from here hides no half lines."""
        p = self._place()
        return p.prompt_top - p.lay.gap // 2

    def _source_line(self) -> str:
        article = self.app.loaded.bank.articles.get(self.question.article)
        if article is None or self.question.skill == "article_genre":
            return ""    # the genre question shows the article's details as its text
        return f"From {article.credit}"

    def _quote(self) -> str:
        """The text shown above the question; the word picker shows the sentence itself."""
        q = self.question
        if q.skill == "opinion_words":
            return ""
        return quoted(q)

    # -- drawing -------------------------------------------------------------
    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        p = self._place()
        lay, q, state = p.lay, self.question, self.state
        c = lay.content()
        surface.fill(theme.background)
        bar = lay.font(TEXT.label)
        number = state.questions.index(q) + 1
        heading = f"Question {number} of {len(state.questions)} · {SKILLS[q.skill]}"
        if self.turns.mode != "solo":       # whose turn it is, or which class answers
            heading = f"{self.seat.name} · " + heading
        left_time = self.time_left()
        hud = "   ".join(([f"{left_time} s left"] if left_time is not None else [])
                         + ([f"Score {round(self.shown_score)}", f"Streak {state.streak}"]
                            if state.setup.show_scores else []))
        right = text.block(hud, bar, theme.wrong if left_time is not None and left_time <= 5
                           else theme.text, c.width // 2, align="right", style="bold")
        # One line: a long name leaves out the question type rather than wrap into the quote.
        room = c.width - right.get_width() - lay.gap
        colour = theme.accent if self.turns.several else theme.text
        for line in (heading, heading.rsplit(" · ", 1)[0]):
            left = text.block(line, bar, colour, room, style="bold")
            if left.get_height() <= text.font("bold", bar).get_linesize() * 1.5:
                break
        left = left.subsurface((0, 0, left.get_width(),
                                min(left.get_height(), text.font("bold", bar).get_linesize())))
        surface.blit(left, c.topleft)
        surface.blit(right, (c.right - right.get_width(), c.top))
        if left_time is not None:
            share = max(0.0, 1 - self.flow.elapsed / state.setup.timer_seconds)
            track = pygame.Rect(c.left, c.top + bar + lay.gap // 4, c.width, 4)
            pygame.draw.rect(surface, theme.panel, track)
            pygame.draw.rect(surface, theme.accent, (track.left, track.top,
                                                     round(track.width * share), 4))
        source = text.block(self._source_line(), p.small, theme.muted, p.source_w)
        surface.blit(source, (c.left, p.source_top))
        if self._context_rect:
            rect = self._context_rect
            pygame.draw.rect(surface, theme.panel, rect, border_radius=6)
            pygame.draw.rect(surface, theme.accent, rect, width=2, border_radius=6)
            label = text.block(CONTEXT_LABEL, p.small, theme.text, rect.width)
            surface.blit(label, (rect.centerx - label.get_width() // 2,
                                 rect.centery - label.get_height() // 2))
        if self._quote():
            pygame.draw.rect(surface, theme.panel, p.quote_box, border_radius=10)
            quote = text.block(self._quote(), p.quote_size, theme.text, p.inner.width,
                               style="italic" if q.statement else "regular")
            surface.blit(quote, p.inner.topleft)
        prompt = text.block(q.prompt, p.prompt_size, theme.text, c.width, style="bold")
        surface.blit(prompt, (c.left, p.prompt_top))
        if self.menu is not None:
            self.menu.draw(surface, text, theme, p.answer_size)
        else:
            self._draw_words(surface, p)
        hint_key = q.skill if q.skill in HINTS else "choice"
        hint = text.block(HINTS[hint_key], lay.font(TEXT.small), theme.muted, c.width)
        surface.blit(hint, (c.left, c.bottom - hint.get_height()))

    def _draw_words(self, surface, p) -> None:
        theme, text, size = self.app.theme, self.app.text, p.answer_size
        for i, (word, rect) in enumerate(zip(self.question.word_texts(), self._word_rects)):
            chosen = i in self.flow.selected
            if chosen:
                pygame.draw.rect(surface, theme.cue, rect, border_radius=6)
            if i == self.word_focus:
                pygame.draw.rect(surface, theme.accent, rect, width=3, border_radius=6)
            block = text.block(word, size, theme.on_cue if chosen else theme.text, rect.width)
            surface.blit(block, (rect.left + size // 3, rect.top + size // 3))
        done = self._done_rect
        pygame.draw.rect(surface, theme.accent, done, border_radius=6)
        label = text.block("Done", size, theme.on_accent, done.width)
        surface.blit(label, (done.centerx - label.get_width() // 2, done.top + size // 3))
