import pygame

from game.intents import Kind
from game.quiz.questions import RECORD_HEADING
from game.quiz.scoring import Answer
from game.scenes.base import Scene
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
        self.app.sounds.play("right" if self.answer.correct else "wrong")

    def update(self, dt: float) -> None:
        self.age += dt

    def handle(self, intent) -> None:
        if intent.kind in (Kind.NEXT, Kind.TOGGLE, Kind.CLICK, Kind.BACK):
            self.dismiss()

    def _right_answer(self) -> str:
        q = self.answer.question
        if q.skill == "opinion_words":
            return ""   # the explanation opens by naming the judgment words
        return "Answer: " + q.choices[q.answer] + "\n"

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        lay = self.app.layout()
        rise = (1 - min(1.0, self.age / self.SLIDE)) ** 2
        top = self.below.answers_top() if self.below is not None else lay.h // 2
        top = min(top, round(lay.h * 0.6))
        panel = pygame.Rect(0, top + round((lay.h - top) * rise), lay.w, lay.h - top)
        pygame.draw.rect(surface, theme.panel, panel)
        colour = theme.right if self.answer.correct else theme.wrong
        pygame.draw.line(surface, colour, panel.topleft, panel.topright, width=6)
        inner = panel.inflate(-2 * lay.margin, -2 * lay.gap)
        mark = pygame.Rect(inner.left, inner.top, lay.font(TEXT.display), lay.font(TEXT.display))
        draw_mark(surface, mark, self.answer.correct, colour)
        word = "Right" if self.answer.correct else "Not quite"
        if self.answer.given is None:
            word = "Time's up"
        points = (f"   {self.answer.points:+d} points"
                  if self.answer.points and self.state.setup.show_scores else "")
        head = text.block(word + points, lay.font(TEXT.verdict), colour,
                          inner.width - mark.width - lay.gap, style="bold")
        surface.blit(head, (mark.right + lay.gap, mark.centery - head.get_height() // 2))
        hint = text.block("Enter or click: continue", lay.font(TEXT.small), theme.muted,
                          inner.width)
        body_top = mark.bottom + lay.gap
        body_h = inner.bottom - hint.get_height() - lay.gap - body_top
        self._draw_body(surface, pygame.Rect(inner.left, body_top, inner.width, body_h))
        surface.blit(hint, (inner.left, inner.bottom - hint.get_height()))

    def _blocks(self) -> list[tuple[str, str]]:
        """(text, style) of each block of the body: the answer and why, then, for a claim
        that is wrong, what the record shows under its own bold heading."""
        q = self.answer.question
        blocks = [(self._right_answer() + q.explanation, "regular")]
        if q.record:
            blocks += [(RECORD_HEADING, "bold"), (q.record, "regular")]
        return blocks

    def _draw_body(self, surface, area) -> None:
        theme, text, lay = self.app.theme, self.app.text, self.app.layout()
        blocks = self._blocks()

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
