import pygame

from game.intents import Kind
from game.quiz.questions import RECORD_HEADING
from game.quiz.scoring import Answer, floor_words, points_words
from game.quiz.verdict import Verdict
from game.scenes.base import Scene
from game.scenes.confirm import LEAVE, ask_to_leave
from game.ui.layout import TEXT, largest
from game.ui.widgets import draw_mark


class FeedbackScene(Scene):
    """An overlay on the question: right or wrong, the right answer, and why."""

    opaque = False

    SLIDE = 0.15    # seconds for the panel to rise; Enter works from the first frame

    def __init__(self, app, state, answer: Answer, below=None):
        """below: the question scene; the panel covers its prompt and answers whole and
        leaves the quoted sentence in view."""
        super().__init__(app)
        self.state, self.answer, self.below = state, answer, below
        self.age = 0.0

    def enter(self) -> None:
        # Partly right earned points: it sounds like the points it earned.
        self.app.sounds.play("wrong" if self.answer.verdict is Verdict.WRONG else "right")

    @property
    def moving(self) -> bool:
        return self.age < self.SLIDE

    def update(self, dt: float) -> None:
        self.age += dt

    def handle(self, intent) -> None:
        if intent.kind == Kind.BACK:    # never the next question: the same as on the question
            ask_to_leave(self.app, lambda: self.dismiss(LEAVE))
        elif intent.kind in (Kind.NEXT, Kind.TOGGLE, Kind.CLICK):
            self.dismiss()

    def _right_answer(self) -> str:
        q = self.answer.question
        if q.skill == "opinion_words" or self.answer.verdict is Verdict.PARTLY:
            return ""   # the explanation, or the note on a partly right choice, names it
        return "Answer: " + q.choices[q.answer]

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        lay = self.app.layout()
        rise = (1 - min(1.0, self.age / self.SLIDE)) ** 2
        top = self.below.answers_top() if self.below is not None else lay.h // 2
        top = min(top, round(lay.h * 0.6))
        panel = pygame.Rect(0, top + round((lay.h - top) * rise), lay.w, lay.h - top)
        pygame.draw.rect(surface, theme.panel, panel)
        verdict = self.answer.verdict
        colour = getattr(theme, verdict.value)
        pygame.draw.line(surface, colour, panel.topleft, panel.topright, width=6)
        inner = panel.inflate(-2 * lay.margin, -2 * lay.gap)
        mark = pygame.Rect(inner.left, inner.top, lay.font(TEXT.display), lay.font(TEXT.display))
        draw_mark(surface, mark, verdict.value, colour)
        word = verdict.word
        if self.answer.given is None:
            word = "Time's up"
        points = points_words(self.answer) if self.state.setup.show_scores else ""
        points = f"   {points}" if points else ""
        head = text.block(word + points, lay.font(TEXT.verdict), colour,
                          inner.width - mark.width - lay.gap, style="bold")
        surface.blit(head, (mark.right + lay.gap, mark.centery - head.get_height() // 2))
        hint = text.block("Enter or click: continue", lay.font(TEXT.small), theme.muted,
                          inner.width)
        body_top = mark.bottom + lay.gap
        body_h = inner.bottom - hint.get_height() - lay.gap - body_top
        self._draw_body(surface, pygame.Rect(inner.left, body_top, inner.width, body_h))
        surface.blit(hint, (inner.left, inner.bottom - hint.get_height()))

    def blocks(self) -> list[tuple[str, str]]:
        """(text, style) of each block of the body, as shown: the answer and why, then, for
        a claim that is wrong, what the record shows under its own bold heading."""
        q = self.answer.question
        floor = floor_words(self.answer) if self.state.setup.show_scores else ""
        lines = (self.answer.note, floor, self._right_answer(), q.explanation)
        blocks = [("\n".join(line for line in lines if line), "regular")]
        if q.record:
            blocks += [(RECORD_HEADING, "bold"), (q.record, "regular")]
        return blocks

    def _draw_body(self, surface, area) -> None:
        theme, text, lay = self.app.theme, self.app.text, self.app.layout()
        blocks = self.blocks()

        def height(size):
            return sum(text.height(words, size, area.width, style)
                       for words, style in blocks) + (len(blocks) - 1) * (size // 3)

        # Shrinks, down to a size still readable on a projector, so the record never
        # runs under the hint or off the panel at 960×540 with the largest text.
        size = largest(12, max(12, lay.font(TEXT.body)), lambda s: height(s) <= area.height)
        y = area.top
        for words, style in blocks:
            block = text.block(words, size, theme.text, area.width, style=style)
            surface.blit(block, (area.left, y))
            y += block.get_height() + size // 3
