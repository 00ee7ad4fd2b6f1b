from dataclasses import replace

import pygame

from game.scenes.base import Scene
from game.ui.widgets import ButtonList


class TitleScene(Scene):
    ITEMS = ["Play", "Progress", "Class results", "Round setup", "How to play", "Settings",
             "Quit"]

    def __init__(self, app):
        super().__init__(app)
        self.menu = ButtonList(self.ITEMS)

    def enter(self) -> None:
        # `run.py --preset`: the class goes straight to its round; Esc comes back here.
        preset = self.app.config.preset
        if preset is not None:
            self.ask_name(preset.setup, f"{preset.title} — who is playing?" if preset.title
                          else "Who is playing?")

    def handle(self, intent) -> bool:
        self._place()
        chosen = self.menu.handle(intent)
        if intent.kind == "back":
            chosen = self.ITEMS.index("Quit")
        if chosen is None:
            return False
        item = self.ITEMS[chosen]
        if item == "Play":
            from game.quiz.round import RoundSetup
            saved = RoundSetup.from_plain(self.app.settings.round, self.app.loaded.bank.articles)
            self.ask_lineup(replace(saved, seed=self.app.new_seed()))
        elif item == "Quit":
            self.app.pop()
        else:
            from game.scenes.howto import HowToScene
            from game.scenes.progress import ClassResultsScene, ProgressScene
            from game.scenes.settings import SettingsScene
            from game.scenes.setup import SetupScene
            scene = {"Round setup": SetupScene, "How to play": HowToScene,
                     "Settings": SettingsScene, "Progress": ProgressScene,
                     "Class results": ClassResultsScene}[item]
            self.app.push(scene(self.app))
        return True

    def ask_name(self, setup, heading: str) -> None:
        """One player, asked for their name: the way into a preset's round."""
        from game.scenes.name import NameScene
        self._next = setup
        self.app.push(NameScene(self.app, heading))

    def ask_lineup(self, setup) -> None:
        from game.scenes.lineup import ModeScene
        self._next = setup
        self.app.push(ModeScene(self.app))

    def resume(self, result) -> None:
        """Round setup gave a setup to play: ask who plays. The name or mode scene said who:
        play the setup they were asked for."""
        from game.quiz.round import RoundSetup
        from game.quiz.turns import Lineup
        if isinstance(result, str):
            result = Lineup("solo", (result,))
        if isinstance(result, Lineup):
            settings = self.app.settings
            if result.mode == "solo":
                settings.player = result.names[0]
            elif result.mode == "class":
                settings.class_name = result.names[0]
            self.app.save_settings()
            self.start_round(self._next, result.names, result.mode, result.same)
        elif isinstance(result, RoundSetup):
            self.ask_lineup(result)

    def start_round(self, setup, names=None, mode: str = "solo", same: bool = True) -> None:
        # The quiz engine is imported when first needed, so the title appears sooner.
        from game.quiz.turns import seat_round
        from game.scenes.question import QuestionScene
        turns = seat_round(self.app.loaded.bank, setup, list(names or [self.app.settings.player]),
                           mode, same)
        if turns is not None:
            self.app.push(QuestionScene(self.app, turns))

    def _notes(self) -> list[str]:
        notes = list(self.app.notices)
        skipped = self.app.loaded.skipped
        if skipped:
            notes.append(f"{len(skipped)} question file(s) skipped because of problems, "
                         f"first: {self.app.loaded.problems[0]}")
        return notes

    def _place(self):
        """Title, tag line, menu and notes stacked from the top; the menu takes what is left."""
        lay, text = self.app.layout(), self.app.text
        width = lay.w - 2 * lay.margin
        title = text.block("Byline", lay.font(0.11), self.app.theme.text, width, style="bold",
                           align="center")
        tag = text.block("Tell a checkable fact from an opinion. Find who is talking.",
                         lay.font(0.033), self.app.theme.muted, width, align="center")
        notes = [text.block(n, lay.font(0.024), self.app.theme.wrong, width)
                 for n in self._notes()]
        hint = text.block("↑↓ Enter or click: choose   Esc: quit   F11: full screen",
                          lay.font(0.024), self.app.theme.muted, width, align="center")
        y = lay.margin
        blocks = [(title, y)]
        y += title.get_height() + lay.gap // 2
        blocks.append((tag, y))
        menu_top = y + tag.get_height() + 2 * lay.gap
        bottom = lay.h - lay.margin - hint.get_height() - lay.gap
        for note in reversed(notes):
            bottom -= note.get_height() + lay.gap // 2
            blocks.append((note, bottom + lay.gap // 2))
        blocks.append((hint, lay.h - lay.margin - hint.get_height()))
        menu_w = min(lay.w // 3 + 120, width)
        area = pygame.Rect((lay.w - menu_w) // 2, menu_top, menu_w, bottom - menu_top)
        for size in range(lay.font(0.036), 13, -1):
            self.menu.place(text, area, size, lay.gap // 2)
            if self.menu.rects[-1].bottom <= area.bottom:
                break
        return blocks, size

    def draw(self, surface) -> None:
        theme = self.app.theme
        blocks, size = self._place()
        surface.fill(theme.background)
        for block, y in blocks:
            surface.blit(block, ((surface.get_width() - block.get_width()) // 2, y))
        self.menu.draw(surface, self.app.text, theme, size)
