"""A whole class talks its answer over before the teacher reveals it (the flow's
"discussing" phase): the answer the class gave and questions to talk about, never whether
it is right; the score is not counted until the reveal, so nothing on screen gives it away.

Dismissed with REVEAL, CHANGE (the class asks the question again) or LEAVE."""
import pygame

from game.intents import Kind
from game.quiz.wording import as_seen, in_words
from game.scenes.base import Scene
from game.scenes.confirm import LEAVE, ask_to_leave
from game.scenes.question_page import LEAVE_LABEL
from game.ui.keybutton import draw_key_button, key_button_size
from game.ui.layout import TEXT, largest
from game.ui.widgets import ButtonList

REVEAL, CHANGE = "reveal", "change"
# What a teacher may ask the class, by the question's skill.
TALK = {
    "fact_or_opinion": "Could someone check it, and how? Which words tell you?",
    "who_is_source": "Whose words are these? What in the sentence tells you?",
    "source_kind": "What kind of source is that? Why does it matter who it is?",
    "opinion_words": "Which words judge rather than report? Would everyone agree with them?",
    "article_genre": "What does the writer want from the reader? Where can you see it?",
}
OTHERWISE = "Why did the class choose this? Could another answer be right?"


class DiscussScene(Scene):
    """A panel over the question's prompt and answers, the quoted sentence left in view."""

    opaque = False

    def __init__(self, app, flow, below=None):
        super().__init__(app)
        self.flow, self.below = flow, below
        q = flow.question
        given = flow.given
        self.said = "Time ran out before the class answered." if given is None else \
            f"The class answered: {in_words(as_seen(q, given))}"
        labels = ["Reveal the answer"] + (["Change the answer"] if flow.can_reconsider else [])
        self.menu = ButtonList(labels, align="center")
        self.talk = TALK.get(q.skill, OTHERWISE)

    def handle(self, intent) -> None:
        self._place()
        if intent.kind == Kind.BACK or (intent.kind == Kind.CLICK
                                        and self._leave.collidepoint(intent.value)):
            ask_to_leave(self.app, lambda: self.dismiss(LEAVE))
            return
        if intent.kind == Kind.CHOOSE:
            return      # a number is an answer: the class changes it with the button
        chosen = self.menu.handle(intent)
        if chosen is not None:
            self.dismiss((REVEAL, CHANGE)[chosen])

    def _place(self):
        """Over the prompt and the choices, the class's choice being said in the panel; for
        picked words, over only what the panel needs at the bottom and the Done button, so
        that the sentence with the class's picks stays in view above it as far as it can."""
        lay, text, theme = self.app.layout(), self.app.text, self.app.theme
        width = lay.w - 2 * lay.margin
        head = text.block("Talk it over", lay.font(TEXT.verdict), theme.accent, width,
                          style="bold")
        small = lay.font(TEXT.small)
        leave_w, leave_h = key_button_size(text, LEAVE_LABEL, small)
        hint = text.block("Teacher: Enter or click to reveal the answer when the class is "
                          "ready   Esc: leave the round", small, theme.muted,
                          width - leave_w - lay.gap)
        hint_row = max(hint.get_height(), leave_h)
        size = lay.font(TEXT.body)
        button_w = max(text.font("bold", size).size(label)[0] for label in self.menu.labels) \
            + 4 * size
        row_w = len(self.menu.labels) * button_w + (len(self.menu.labels) - 1) * lay.gap
        self.menu.place(text, pygame.Rect(0, 0, row_w, 0), size, lay.gap, across=True)
        buttons_h = self.menu.rects[0].height
        said, talk = self.said, self.talk

        def body_h(body):
            return text.height(said, body, width, "bold") + text.height(talk, body, width) \
                + body // 2

        fixed = head.get_height() + lay.gap // 2 + buttons_h + hint_row + 4 * lay.gap
        top = self.below.feedback_area().top if self.below is not None else lay.h // 2
        top = min(top, round(lay.h * 0.55))
        done = self.below.widgets().get("Done") if self.below is not None else None
        if done is not None:    # picked words: they stay in view; Done goes under the panel
            top = max(top, min(lay.h - fixed - body_h(size) - lay.gap, done.top - lay.gap // 2))
        panel = pygame.Rect(0, top, lay.w, lay.h - top)
        inner = panel.inflate(-2 * lay.margin, -2 * lay.gap)
        bottom = inner.bottom - hint_row - lay.gap
        self.menu.place(text, pygame.Rect(inner.right - row_w, bottom - buttons_h, row_w,
                                          buttons_h), size, lay.gap, across=True)
        body_top = inner.top + head.get_height() + lay.gap // 2
        room = bottom - buttons_h - lay.gap - body_top
        # Smaller only for many picked words at 960×540 with the largest text.
        body = largest(12, size, lambda body: body_h(body) <= room)
        blocks = [(head, inner.topleft)]
        said_block = text.block(said, body, theme.text, width, style="bold")
        blocks.append((said_block, (inner.left, body_top)))
        blocks.append((text.block(talk, body, theme.text, width),
                       (inner.left, body_top + said_block.get_height() + body // 2)))
        middle = inner.bottom - hint_row // 2
        blocks.append((hint, (inner.left, middle - hint.get_height() // 2)))
        self._leave = pygame.Rect(inner.right - leave_w, middle - leave_h // 2, leave_w, leave_h)
        return panel, blocks, size

    def draw(self, surface) -> None:
        theme = self.app.theme
        panel, blocks, size = self._place()
        pygame.draw.rect(surface, theme.panel, panel)
        pygame.draw.line(surface, theme.accent, panel.topleft, panel.topright, width=6)
        for block, place in blocks:
            surface.blit(block, place)
        self.menu.draw(surface, self.app.text, theme, size)
        draw_key_button(surface, self.app.text, theme, self._leave, LEAVE_LABEL,
                        self.app.layout().font(TEXT.small))

    def widgets(self) -> dict:
        self._place()
        return {**self.menu.widgets(), "Leave": self._leave}
