from dataclasses import replace

import pygame

from game.intents import Kind
from game.scenes.base import Scene
from game.ui.layout import TEXT, largest
from game.ui.text import wrap
from game.ui.widgets import ButtonList

SMALLEST = 14     # the least text size the title's menu and notes shrink to
# "Byline" (a share of the window height) from its largest down, and whether the tag line
# goes with it: the title shrinks before the menu, and loses the tag line first.
TITLES = ((0.11, True), (0.08, True), (0.07, False), (0.05, False))


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

    def handle(self, intent) -> None:
        self._place()
        chosen = self.menu.handle(intent)
        if intent.kind == Kind.BACK:
            from game.scenes.confirm import ask_to_quit
            ask_to_quit(self.app, self.app.pop)
            return
        if chosen is None:
            return
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
            from game.scenes.settings_screen import SettingsScene
            from game.scenes.setup import SetupScene
            scene = {"Round setup": SetupScene, "How to play": HowToScene,
                     "Settings": SettingsScene, "Progress": ProgressScene,
                     "Class results": ClassResultsScene}[item]
            # Round setup's Start gives a setup to play: then who plays is asked.
            self.app.push(scene(self.app),
                          on_result=lambda setup: setup and self.ask_lineup(setup))

    def ask_name(self, setup, heading: str) -> None:
        """One player, asked for their name: the way into a preset's round."""
        from game.quiz.seats import Lineup
        from game.scenes.name import NameScene
        self.app.push(NameScene(self.app, heading),
                      on_result=lambda name: name and self._play(setup, Lineup("solo", (name,))))

    def ask_lineup(self, setup) -> None:
        from game.scenes.lineup import ModeScene
        self.app.push(ModeScene(self.app),
                      on_result=lambda lineup: lineup and self._play(setup, lineup))

    def _play(self, setup, lineup) -> None:
        """Play the setup with who the name or mode scene said is playing."""
        settings = self.app.settings
        if lineup.mode == "solo":
            settings.player = lineup.names[0]
        elif lineup.mode == "class":
            settings.class_name = lineup.names[0]
        self.app.save_settings()
        self.start_round(setup, lineup.names, lineup.mode, lineup.same)

    def start_round(self, setup, names=None, mode: str = "solo", same: bool = True) -> None:
        # The quiz engine is imported when first needed, so the title appears sooner.
        from game.quiz.seats import seat_round
        from game.scenes.question import QuestionScene
        turns = seat_round(self.app.loaded.bank, setup, list(names or [self.app.settings.player]),
                           mode, same)
        if turns is not None:
            self.app.push(QuestionScene(self.app, turns))

    def notes(self) -> list[str]:
        """What the title says under its menu: settings or results files that could not be
        used, and question files skipped for their problems."""
        notes = list(self.app.notices)
        skipped = self.app.loaded.skipped
        if skipped:
            notes.append(f"{len(skipped)} question file(s) skipped because of problems, "
                         f"first: {self.app.loaded.problems[0]}")
        return notes

    def _place(self):
        """Laid out again only when the window, the text size, the theme or the notes change."""
        lay = self.app.layout()
        key = (lay.w, lay.h, lay.scale, lay.margin, self.app.theme.name, tuple(self.notes()))
        if key != getattr(self, "_laid_for", None):
            self._laid, self._laid_for = self._lay_out(), key
        return self._laid

    def _lay_out(self):
        """Title, tag line, menu and notes stacked from the top; the menu takes what is left.
        In a short window (a warning strip above, the largest text) the title shrinks and
        the tag line goes before the menu is squeezed."""
        lay, text, theme = self.app.layout(), self.app.text, self.app.theme
        width = lay.w - 2 * lay.margin
        hint = text.block("↑↓ Enter or click: choose   Esc: quit   F11: full screen",
                          lay.font(TEXT.hint), theme.muted, width, align="center")
        bottom = lay.h - lay.margin - hint.get_height() - lay.gap
        menu_w = min(lay.w // 3 + 120, width)
        tries = []
        # The menu as large as reads well, then less; for each, the title shrinks first.
        for menu_size in range(lay.font(TEXT.text), SMALLEST - 1, -3):
            self.menu.place(text, pygame.Rect(0, 0, menu_w, lay.h), menu_size, lay.gap // 2)
            tries += [(self.menu.rects[-1].bottom, share, with_tag)
                      for share, with_tag in TITLES]
        for menu_least, share, with_tag in tries:
            title = text.block("Byline", lay.font(share), theme.text, width, style="bold",
                               align="center")
            tag = text.block("Tell a checkable fact from an opinion. Find who is talking.",
                             lay.font(TEXT.tagline), theme.muted, width, align="center") \
                if with_tag else None
            menu_top = lay.margin + title.get_height() + lay.gap + (
                tag.get_height() + lay.gap // 2 + lay.gap if tag else 0)
            # The menu at its smallest keeps its room; notes get the rest, cut if need be.
            room = bottom - menu_top - menu_least - lay.gap
            if room >= round(lay.h * 0.08):
                break
        blocks = [(title, lay.margin)]
        if tag:
            blocks.append((tag, lay.margin + title.get_height() + lay.gap // 2))
        for note in reversed(self._note_blocks(lay, width, room)):
            bottom -= note.get_height() + lay.gap // 2
            blocks.append((note, bottom + lay.gap // 2))
        blocks.append((hint, lay.h - lay.margin - hint.get_height()))
        area = pygame.Rect((lay.w - menu_w) // 2, menu_top, menu_w, bottom - menu_top)
        size = self.menu.fit(text, area, range(SMALLEST, lay.font(TEXT.large) + 1), lay.gap // 2)
        return blocks, size

    def _note_blocks(self, lay, width: int, room: int) -> list:
        """The notes in red, as large as fits in room; past the smallest size, as many
        lines as fit, the last ending in '…'."""
        text, colour = self.app.text, self.app.theme.wrong
        notes = self.notes()
        if not notes:
            return []
        def fits(size):
            return sum(text.height(n, size, width) + lay.gap // 2 for n in notes) <= room
        size = largest(SMALLEST, lay.font(TEXT.hint), fits)
        if fits(size):
            return [text.block(n, size, colour, width) for n in notes]
        font = text.font("regular", SMALLEST)
        step = round(font.get_linesize() * 1.25)
        lines = [line for n in notes for line in wrap(n, font, width)]
        keep = max(1, (room - font.get_height()) // step + 1)
        if len(lines) > keep:
            lines = lines[:keep]
            lines[-1] = lines[-1][:max(0, len(lines[-1]) - 2)] + " …"
        return [text.block("\n".join(lines), SMALLEST, colour, width)]

    def draw(self, surface) -> None:
        theme = self.app.theme
        blocks, size = self._place()
        surface.fill(theme.background)
        for block, y in blocks:
            surface.blit(block, ((surface.get_width() - block.get_width()) // 2, y))
        self.menu.draw(surface, self.app.text, theme, size)
