from dataclasses import replace

import pygame

from game.quiz.questions import SKILLS
from game.quiz.scoring import accuracy_by_skill, lean
from game.scenes.base import Scene
from game.ui.layout import Layout
from game.ui.widgets import ButtonList


class ResultsScene(Scene):
    ITEMS = ["Play again", "Back to title"]

    def __init__(self, app, state):
        super().__init__(app)
        self.state = state
        self.menu = ButtonList(self.ITEMS)
        answers = state.answers
        right = sum(a.correct for a in answers)
        lines = [f"Score {state.score}: {right} of {len(answers)} right", ""]
        for skill, share in accuracy_by_skill(answers).items():
            lines.append(f"{SKILLS[skill]}: {share:.0%}")
        lines += ["", lean(answers).words, state.practise_next()]
        self.summary = "\n".join(lines)

    def _place(self):
        lay = self.app.layout()
        c = lay.content()
        size = lay.font(0.036)
        area = pygame.Rect(c.left, c.bottom - 2 * (size * 2 + lay.gap), c.width // 2, size * 5)
        self.menu.place(self.app.text, area, size, lay.gap // 2)
        return lay, c, size

    def handle(self, intent) -> bool:
        self._place()
        chosen = self.menu.handle(intent)
        if intent.kind == "back":
            chosen = 1
        if chosen is None:
            return False
        self.app.pop()
        if chosen == 0:
            title = self.app.stack[0]
            seed = self.state.setup.seed + 1
            title.start_round(replace(self.state.setup, seed=seed))
        return True

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        lay, c, size = self._place()
        surface.fill(theme.background)
        head = text.block("Round complete", lay.font(0.06), theme.text, c.width, style="bold")
        surface.blit(head, c.topleft)
        top = c.top + head.get_height() + lay.gap
        box_h = self.menu.rects[0].top - lay.gap - top
        body_size = text.fit(self.summary, c.width, box_h, range(14, lay.font(0.034) + 1))
        surface.blit(text.block(self.summary, body_size, theme.text, c.width), (c.left, top))
        self.menu.draw(surface, text, theme, size)
