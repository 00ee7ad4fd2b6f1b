import math

import pygame

from game.quiz.play import RoundState
from game.quiz.questions import SKILLS
from game.quiz.turns import Seat, Turns
from game.scenes.base import Scene
from game.scenes.turns import LEAVE, HandoverScene, PodiumScene, RevealScene
from game.ui.layout import largest
from game.ui.motion import approach
from game.ui.widgets import ButtonList

HINTS = {
    "choice": "1–4 or click: answer   ↑↓ Enter: choose   Esc: title",
    "fact_or_opinion": "F: fact   O: opinion   1–2 or click: answer   Esc: title",
    "opinion_words": "←→: move   Space or click: select a word   Enter: done   Esc: title",
}
CONTEXT_LABEL = "C: sentences around it"


class QuestionScene(Scene):
    def __init__(self, app, play):
        """play: the Turns of a round, or the RoundState of one player (the last name)."""
        super().__init__(app)
        if isinstance(play, RoundState):
            play = Turns([Seat(app.settings.player, play)])
        self.turns = play
        # Every answer is written the moment it is given, so nothing is lost if the
        # machine goes off; a round never finished stays "unfinished" in the results.
        for seat in play.seats:
            seat.round_id = app.results.start_round(seat.name, seat.state.setup.to_plain(),
                                                    play.mode)
        self.elapsed = 0.0
        self.shown_score = float(self.state.score)
        self.pending = None      # an answer waiting for "how sure are you?"
        self._load()

    @property
    def state(self) -> RoundState:
        return self.turns.seat.state

    def _load(self) -> None:
        q = self.state.current
        self.question = q
        self.elapsed = 0.0
        self.shown_score = float(self.state.score)
        self.menu = ButtonList(list(q.choices), numbered=True) if q.choices else None
        self.selected: set[int] = set()
        self.word_focus = 0
        self._word_rects: list[pygame.Rect] = []
        self._laid_for = None
        self.phase = "asking"    # then "feedback", then "between" turns
        self._after: list = []   # screens still to show before the next turn

    # -- input ---------------------------------------------------------------
    def handle(self, intent) -> bool:
        if intent.kind == "back":
            self.app.pop()
            return True
        q = self.question
        self._place()
        if intent.kind == "context" or (intent.kind == "click" and self._context_rect
                                        and self._context_rect.collidepoint(intent.value)):
            return self._show_context()
        if self.menu is not None:
            self._place()
            if q.skill == "fact_or_opinion" and intent.kind in ("fact", "opinion"):
                return self._answer(0 if intent.kind == "fact" else 1)
            chosen = self.menu.handle(intent)
            return chosen is not None and self._answer(chosen)
        return self._handle_words(intent)

    def _handle_words(self, intent) -> bool:
        n = len(self.question.words)
        self._place()
        if intent.kind in ("left", "right", "tab", "up", "down"):
            step = -1 if intent.kind in ("left", "up") else 1
            self.word_focus = (self.word_focus + (intent.value or step if intent.kind == "tab"
                                                  else step)) % n
        elif intent.kind == "toggle":
            self.selected ^= {self.word_focus}
        elif intent.kind == "click":
            for i, rect in enumerate(self._word_rects):
                if rect.collidepoint(intent.value):
                    self.word_focus = i
                    self.selected ^= {i}
                    return True
            if self._done_rect and self._done_rect.collidepoint(intent.value):
                return self._answer(frozenset(self.selected))
        elif intent.kind == "next":
            return self._answer(frozenset(self.selected))
        else:
            return False
        return True

    def _show_context(self) -> bool:
        from game.scenes.overlays import ContextScene
        statement = self._statement()
        if statement is not None:
            self.app.push(ContextScene(self.app, statement))
        return True

    def _statement(self):
        q = self.question
        return next((s for s in self.app.loaded.bank.statements if s.id == q.statement), None)

    def _answer(self, given) -> bool:
        if self.state.setup.confidence:
            from game.scenes.overlays import ConfidenceScene
            self.pending = (given, self.elapsed)
            self.app.push(ConfidenceScene(self.app))
            return True
        return self._commit(given, self.elapsed, None)

    def _commit(self, given, seconds, confidence) -> bool:
        from game.scenes.feedback import FeedbackScene
        seat = self.turns.seat
        answer = seat.state.answer(given, seconds=seconds, confidence=confidence)
        self.app.results.record(seat.round_id, len(seat.state.answers) - 1, answer)
        if seat.state.finished:
            self.app.results.finish_round(seat.round_id, seat.state.score)
        self.phase = "feedback"
        if self.turns.reveal_later:
            self._move_on()
        else:
            self.app.push(FeedbackScene(self.app, seat.state, answer, below=self))
        return True

    def resume(self, result) -> None:
        """An overlay was dismissed: "how sure?" answered, context closed, feedback read, or
        a screen between turns seen."""
        if result == LEAVE:
            self.app.pop()
        elif self.pending is not None:
            (given, seconds), self.pending = self.pending, None
            if result is not None:
                self._commit(given, seconds, result)
        elif self.phase == "feedback":
            self._move_on()
        elif self.phase == "between" and self._after:
            self.app.push(self._after.pop(0))
        elif self.phase == "between":
            self._next_turn()

    def _move_on(self) -> None:
        step = self.turns.advance()
        self.phase = "between"
        if step.reveal is not None:
            self._after.append(RevealScene(self.app, self.turns, step.reveal))
        if step.handover:
            self._after.append(HandoverScene(self.app, self.turns, board=step.board))
        if self._after:
            self.app.push(self._after.pop(0))
        else:
            self._next_turn()

    def _next_turn(self) -> None:
        if not self.turns.finished:
            self._load()
        elif self.turns.several:
            self.app.replace(PodiumScene(self.app, self.turns))
        else:
            from game.scenes.results import ResultsScene
            self.app.replace(ResultsScene(self.app, self.state, self.turns))

    def update(self, dt: float) -> None:
        self.shown_score = approach(self.shown_score, self.state.score, dt)
        timer = self.state.setup.timer_seconds
        if self.app.scene is not self or self.phase != "asking":
            return      # the clock stops while an overlay is open
        self.elapsed += dt
        if timer and self.elapsed >= timer:
            # Time is up: what is selected counts, and an unanswered choice is wrong.
            self._commit(frozenset(self.selected) if self.menu is None else None, timer, None)

    def time_left(self) -> int | None:
        timer = self.state.setup.timer_seconds
        return max(0, math.ceil(timer - self.elapsed)) if timer else None

    # -- layout --------------------------------------------------------------
    def _place(self):
        lay = self.app.layout()
        size = (lay.w, lay.h, lay.scale, lay.margin)
        if self._laid_for == size:
            return self._lay
        text = self.app.text
        c = lay.content()
        small = lay.font(0.026)
        source_top = c.top + lay.font(0.032) + lay.gap
        self._context_rect = None
        source_w = c.width
        if self.question.statement:
            label_w = text.font("regular", small).size(CONTEXT_LABEL)[0] + small
            self._context_rect = pygame.Rect(c.right - label_w, source_top - small // 3,
                                             label_w, round(small * 1.8))
            source_w -= label_w + lay.gap
        source_h = text.block(self._source_line(), small, (0, 0, 0), source_w).get_height()
        top = source_top + max(source_h, round(small * 1.8)) + lay.gap
        hint_h = lay.font(0.026) + lay.gap
        # The quote gets up to 30% of the height, less if the answers would not fit at a
        # readable size; its box shrinks round its text, leaving the rest to the answers.
        # Of the shares that fit, the one whose smaller text (quote or answers) is largest.
        best = None
        for share in (0.30, 0.26, 0.22, 0.18, 0.14, 0.10):
            fits = self._try_layout(lay, c, top, hint_h, share)
            smaller = min(self._lay["quote_size"] if self._quote() else 99,
                          self._lay.get("choice_size", self._lay.get("word_size", 99)))
            if best is None or (fits, smaller) > best[:2]:
                best = (fits, smaller, share)
        self._try_layout(lay, c, top, hint_h, best[2])
        self._lay.update(small=small, source_top=source_top, source_w=source_w)
        self._laid_for = size
        return self._lay

    def _try_layout(self, lay, c, top, hint_h, share, min_size=13) -> bool:
        text = self.app.text
        quote_box = pygame.Rect(c.left, top, c.width, round(lay.h * share))
        inner = quote_box.inflate(-2 * lay.gap, -2 * lay.gap)
        style = "italic" if self.question.statement else "regular"
        quote_size = text.fit(self._quote(), inner.width, inner.height,
                              range(min_size, lay.font(0.05, 18) + 1), style=style)
        if self._quote():
            inner.height = text.block(self._quote(), quote_size, (0, 0, 0), inner.width,
                                      style=style).get_height()
            quote_box.height = inner.height + 2 * lay.gap
        else:
            quote_box.height = inner.height = 0
        prompt_size = lay.font(0.034)
        prompt_top = quote_box.bottom + lay.gap
        prompt_h = text.block(self.question.prompt, prompt_size, (0, 0, 0), c.width,
                              style="bold").get_height() + lay.gap
        area = pygame.Rect(c.left, prompt_top + prompt_h,
                           c.width, c.bottom - hint_h - prompt_top - prompt_h)
        self._lay = dict(lay=lay, quote_box=quote_box, inner=inner, quote_size=quote_size,
                         prompt_size=prompt_size, prompt_top=prompt_top, area=area)
        self._done_rect = None
        if self.menu is None:
            return self._place_words(lay, area, min_size)
        def fits(size):
            self.menu.place(text, area, size, lay.gap // 2)
            return self.menu.rects[-1].bottom <= area.bottom
        self._lay["choice_size"] = largest(min_size, max(min_size, lay.font(0.034)), fits)
        return fits(self._lay["choice_size"])

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

        size = largest(min_size, max(min_size, lay.font(0.036)), flow)
        self._lay["word_size"] = size
        return flow(size)

    def answers_top(self) -> int:
        """Where the prompt starts: an overlay that covers from here hides no half lines."""
        p = self._place()
        return p["prompt_top"] - p["lay"].gap // 2

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
        return f"“{q.text}”" if q.statement else q.text

    # -- drawing -------------------------------------------------------------
    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        p = self._place()
        lay, q, state = p["lay"], self.question, self.state
        c = lay.content()
        surface.fill(theme.background)
        bar = lay.font(0.032)
        number = state.questions.index(q) + 1
        heading = f"Question {number} of {len(state.questions)} · {SKILLS[q.skill]}"
        if self.turns.mode != "solo":       # whose turn it is, or which class answers
            heading = f"{self.turns.seat.name} · " + heading
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
            share = max(0.0, 1 - self.elapsed / state.setup.timer_seconds)
            track = pygame.Rect(c.left, c.top + bar + lay.gap // 4, c.width, 4)
            pygame.draw.rect(surface, theme.panel, track)
            pygame.draw.rect(surface, theme.accent, (track.left, track.top,
                                                     round(track.width * share), 4))
        source = text.block(self._source_line(), p["small"], theme.muted, p["source_w"])
        surface.blit(source, (c.left, p["source_top"]))
        if self._context_rect:
            rect = self._context_rect
            pygame.draw.rect(surface, theme.panel, rect, border_radius=6)
            pygame.draw.rect(surface, theme.accent, rect, width=2, border_radius=6)
            label = text.block(CONTEXT_LABEL, p["small"], theme.text, rect.width)
            surface.blit(label, (rect.centerx - label.get_width() // 2,
                                 rect.centery - label.get_height() // 2))
        if self._quote():
            pygame.draw.rect(surface, theme.panel, p["quote_box"], border_radius=10)
        if self._quote():
            quote = text.block(self._quote(), p["quote_size"], theme.text, p["inner"].width,
                               style="italic" if q.statement else "regular")
            surface.blit(quote, p["inner"].topleft)
        prompt = text.block(q.prompt, p["prompt_size"], theme.text, c.width, style="bold")
        surface.blit(prompt, (c.left, p["prompt_top"]))
        if self.menu is not None:
            self.menu.draw(surface, text, theme, p["choice_size"])
        else:
            self._draw_words(surface, p)
        hint_key = q.skill if q.skill in HINTS else "choice"
        hint = text.block(HINTS[hint_key], lay.font(0.026), theme.muted, c.width)
        surface.blit(hint, (c.left, c.bottom - hint.get_height()))

    def _draw_words(self, surface, p) -> None:
        theme, text, size = self.app.theme, self.app.text, p["word_size"]
        for i, (word, rect) in enumerate(zip(self.question.word_texts(), self._word_rects)):
            chosen = i in self.selected
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
