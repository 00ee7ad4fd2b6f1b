import pygame

from game.quiz.play import RoundState
from game.quiz.round import RoundSetup, build_round
from game.scenes.base import Scene
from game.ui.layout import Layout
from game.ui.widgets import ButtonList


class TitleScene(Scene):
    ITEMS = ["Play", "Quit"]

    def __init__(self, app):
        super().__init__(app)
        self.menu = ButtonList(self.ITEMS)

    def handle(self, intent) -> bool:
        self._place()
        chosen = self.menu.handle(intent)
        if intent.kind == "back":
            chosen = self.ITEMS.index("Quit")
        if chosen is None:
            return False
        if self.ITEMS[chosen] == "Play":
            self.start_round(RoundSetup(seed=self.app.config.seed or 0))
        else:
            self.app.pop()
        return True

    def start_round(self, setup: RoundSetup) -> None:
        from game.scenes.question import QuestionScene
        questions = build_round(self.app.loaded.bank, setup)
        if questions:
            self.app.push(QuestionScene(self.app, RoundState(setup, questions)))

    def _place(self):
        lay = Layout(self.app.size(), self.app.config.text_scale)
        width = min(lay.w // 3 + 120, lay.w - 2 * lay.margin)
        area = pygame.Rect((lay.w - width) // 2, round(lay.h * 0.42), width, lay.h // 2)
        size = lay.font(0.04)
        self.menu.place(self.app.text, area, size, lay.gap)
        return lay, size

    def draw(self, surface) -> None:
        theme, text = self.app.config.theme, self.app.text
        lay, size = self._place()
        surface.fill(theme.background)
        title = text.block("Byline", lay.font(0.12), theme.text, lay.w - 2 * lay.margin,
                           style="bold", align="center")
        surface.blit(title, ((lay.w - title.get_width()) // 2, round(lay.h * 0.1)))
        tag = text.block("Tell a checkable fact from an opinion. Find who is talking.",
                         lay.font(0.035), theme.muted, lay.w - 2 * lay.margin, align="center")
        surface.blit(tag, ((lay.w - tag.get_width()) // 2, round(lay.h * 0.1) + title.get_height()
                           + lay.gap))
        self.menu.draw(surface, text, theme, size)
        skipped = self.app.loaded.skipped
        if skipped:
            first = self.app.loaded.problems[0]
            note = (f"{len(skipped)} question file(s) skipped because of problems, "
                    f"first: {first}")
            block = text.block(note, lay.font(0.026), theme.wrong, lay.w - 2 * lay.margin)
            surface.blit(block, (lay.margin, lay.h - lay.margin - block.get_height()))
