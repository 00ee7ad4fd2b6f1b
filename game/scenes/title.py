from dataclasses import replace
from pathlib import Path

import pygame

from game import __version__
from game.intents import Kind
from game.scenes.base import Scene
from game.ui.layout import TEXT
from game.ui.logo import Logo, draw_scraps
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
        config = self.app.config
        if config.review:   # once: Esc from the review comes back here
            from game.scenes.draft_review import DraftReviewScene
            paths, config.review = config.review, ()
            self.app.push(DraftReviewScene(self.app, paths))
        elif config.host:     # once: Esc from the lobby comes back here
            config.host = False
            from game.quiz.round import RoundSetup
            if config.resume:
                from game.scenes.lobby import resume_class
                resume_class(self.app)
                return
            self.open_class(preset.setup if preset else replace(
                RoundSetup.from_plain(self.app.settings.round, self.app.loaded.bank.articles),
                seed=self.app.new_seed()))
        elif preset is not None:
            self.ask_name(preset.setup, f"{preset.title} — who is playing?" if preset.title
                          else "Who is playing?")

    def handle(self, intent) -> None:
        if intent.kind == Kind.DROP:        # an article dropped onto the window: a draft of it
            from game.scenes.new_article import NewArticleScene
            self.app.push(NewArticleScene(self.app, dropped=intent.value))
            return
        self._place()
        chosen = self.menu.handle(intent)
        if intent.kind == Kind.BACK:
            from game.scenes.confirm import ask_to_quit
            ask_to_quit(self.app, self.app.pop)
            return
        note = self._place()[2]
        if self.notes() and (intent.kind == Kind.PROBLEMS or intent.kind == Kind.CLICK
                             and note.collidepoint(intent.value)):
            from game.scenes.problems import ProblemsScene
            self.app.push(ProblemsScene(self.app))
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
        if lineup.mode == "devices":
            self.open_class(setup)
        else:
            self.start_round(setup, lineup.names, lineup.mode, lineup.same)

    def open_class(self, setup) -> None:
        """A class on their own devices: the lobby, where students join by code."""
        from game.scenes.lobby import open_class
        open_class(self.app, setup)

    def start_round(self, setup, names=None, mode: str = "solo", same: bool = True) -> None:
        # The quiz engine is imported when first needed, so the title appears sooner.
        from game.quiz.seats import seat_round
        from game.scenes.question import QuestionScene
        turns = seat_round(self.app.loaded.bank, setup, list(names or [self.app.settings.player]),
                           mode, same)
        if turns is not None:
            self.app.push(QuestionScene(self.app, turns))

    def notes(self) -> list[str]:
        """What the title says under its menu, in a line a student can read past: that
        question files were skipped for their problems, or that settings or results
        files could not all be used. The teacher's problems screen (V) says what and where."""
        parts = []
        files = len(self.app.loaded.skipped)
        if files:
            parts.append(f"{files} question file{' has' if files == 1 else 's have'} a problem")
        notices = len(self.app.notices)
        if notices:
            parts.append(f"{notices} message{'' if notices == 1 else 's'} about the game's "
                         "own files")
        if not parts:
            return []
        them = "it" if files + notices == 1 else "them"
        return [" and ".join(parts) + f" — press V to see {them}"]

    def widgets(self) -> dict:
        """The menu's buttons, and the note, which opens the problems screen."""
        found = super().widgets()
        note = self._place()[2]
        if note is not None:
            found["problems"] = note
        return found

    def _place(self):
        """Laid out again only when the window, the text size, the theme or the notes change."""
        lay = self.app.layout()
        key = (lay.w, lay.h, lay.scale, lay.margin, self.app.theme.name, tuple(self.notes()),
               tuple(self.read_from()))
        if key != getattr(self, "_laid_for", None):
            self._laid, self._laid_for = self._lay_out(), key
        return self._laid

    def _lay_out(self):
        """Title, tag line and menu stacked from the top, the note's line and the key hint
        at the bottom; the menu takes what is left. The note's line is kept whether or not
        there is a note, so a note never makes the menu smaller. In a short window (a
        warning strip above, the largest text) the title shrinks and the tag line goes
        before the menu is squeezed."""
        lay, text, theme = self.app.layout(), self.app.text, self.app.theme
        width = lay.w - 2 * lay.margin
        hint = text.block("↑↓ Enter or click: choose   Esc: quit   F11: full screen",
                          lay.font(TEXT.hint), theme.muted, width, align="center")
        note_size = lay.font(TEXT.hint)
        note_h = text.font("regular", note_size).get_height()
        note_top = lay.h - lay.margin - hint.get_height() - lay.gap - note_h
        bottom = note_top - lay.gap // 2
        menu_w = min(lay.w // 3 + 120, width)
        tries = []
        # The menu as large as reads well, then less; for each, the title shrinks first.
        for menu_size in range(lay.font(TEXT.text), SMALLEST - 1, -3):
            self.menu.place(text, pygame.Rect(0, 0, menu_w, lay.h), menu_size, lay.gap // 2)
            tries += [(self.menu.rects[-1].bottom, share, with_tag)
                      for share, with_tag in TITLES]
        for menu_least, share, with_tag in tries:
            # The logo takes the height a one-line title takes at this share.
            title_h = text.font("bold", lay.font(share)).get_height()
            tag = text.block("Tell a checkable fact from an opinion. Find who is talking.",
                             lay.font(TEXT.tagline), theme.muted, width, align="center") \
                if with_tag else None
            menu_top = lay.margin + title_h + lay.gap + (
                tag.get_height() + lay.gap // 2 + lay.gap if tag else 0)
            # Some room to spare under the menu at its smallest, as before the note's line
            # was kept apart from it.
            room = bottom - menu_top - menu_least - lay.gap
            if room >= round(lay.h * 0.08) - note_h - lay.gap // 2:
                break
        logo = Logo.fit(text, title_h, lay.margin, lay.w)
        blocks = []
        if tag:
            blocks.append((tag, lay.margin + title_h + lay.gap // 2))
        blocks.append((hint, lay.h - lay.margin - hint.get_height()))
        note_rect = None
        notes = self.notes()
        if notes:
            # One line, smaller if it must be: a student reads past it, a teacher presses V.
            size = text.fit(notes[0], width, note_h, range(SMALLEST, note_size + 1), "bold")
            note = text.block(notes[0], size, theme.wrong, width, style="bold")
            blocks.append((note, note_top + (note_h - note.get_height()) // 2))
            note_rect = pygame.Rect((lay.w - note.get_width()) // 2, note_top,
                                    note.get_width(), note_h)
        area = pygame.Rect((lay.w - menu_w) // 2, menu_top, menu_w, bottom - menu_top)
        size = self.menu.fit(text, area, range(SMALLEST, lay.font(TEXT.large) + 1), lay.gap // 2)
        hint_rect = pygame.Rect((lay.w - hint.get_width()) // 2,
                                lay.h - lay.margin - hint.get_height(), *hint.get_size())
        taken = [logo.rect, *self.menu.rects, hint_rect] + ([note_rect] if note_rect else [])
        # The version, for a teacher asked which one a lab runs: in the bottom right corner
        # beside the key hint, or above the hint's end when the hint takes the row (a tall,
        # narrow window), or in the top right corner.
        right = lay.w - lay.margin
        asides = [self._aside([f"Version {__version__}"], taken, [
            lambda w, h: (right - w, hint_rect.bottom - h),
            lambda w, h: (right - w, hint_rect.top - lay.gap - h),
            lambda w, h: (right - w, lay.margin)])]
        # Where the questions come from, for a teacher checking a lab machine: centred in
        # the note's line when there is no note, else at the start of the hint's line, else
        # in the top left corner; shorter where the whole does not fit.
        asides.append(self._aside(self.read_from(), taken + [a[2] for a in asides if a], [
            lambda w, h: ((lay.w - w) // 2, note_top + (note_h - h) // 2),
            lambda w, h: (lay.margin, hint_rect.bottom - h),
            lambda w, h: (lay.margin, lay.margin)]))
        return blocks, size, note_rect, logo, [a[:2] for a in asides if a]

    def _aside(self, forms, taken, spots):
        """The first of forms (the longest first) that fits on one line, small and muted,
        at the first of spots (each gives the block's top left from its size) where
        it stays inside the margins and clear of everything taken: (block, its top left,
        its rect); None where none fits, so it is left out rather than shrunk."""
        lay, text = self.app.layout(), self.app.text
        size, width = lay.font(TEXT.hint), lay.w - 2 * lay.margin
        line = text.height("Version", size, width)
        for words in forms:
            block = text.block(words, size, self.app.theme.muted, width)
            if block.get_height() > line:
                continue
            for spot in spots:
                at = spot(*block.get_size())
                rect = pygame.Rect(at, block.get_size())
                # As far from its neighbours across as the hint's words are apart; above
                # and below, as the note's line is from the menu.
                if lay.content().contains(rect) and rect.inflate(
                        2 * lay.gap, lay.gap).collidelist(taken) == -1:
                    return block, at, rect
        return None

    def read_from(self) -> list[str]:
        """Where the questions played come from, and how many files from each, in the
        order they are read; then shorter ways to say it, for a window with less room."""
        loaded = self.app.loaded
        if getattr(self, "_read_for", None) is not loaded:
            self._read, self._read_for = self._count_read(), loaded
        return self._read

    def _count_read(self) -> list[str]:
        folders, paths = self.app.folders, [Path(p) for p in self.app.question_paths]
        counts = dict.fromkeys(paths, 0)
        for f in self.app.loaded.files:     # those played: none with problems, none replaced
            path = Path(f.path)
            home = path if path in counts else path.parent
            if not f.errors and home in counts:
                counts[home] += 1
        groups = [(counts[p], name) for p, name in ((folders.shipped, "Byline"),
                                                     (folders.teacher, "your folder"))
                  if p in counts]
        shared = [p for p in paths if p not in (folders.shipped, folders.teacher)]
        if shared:
            groups.append((sum(counts[p] for p in shared), "a shared folder"
                           if len(shared) == 1 else f"{len(shared)} shared folders"))
        if not groups:
            return []
        counted = ", ".join(f"{n or 'none'} from {name}" for n, name in groups)
        names = [name for _, name in groups]
        listed = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
        return [f"Question files: {counted}", f"Questions from {listed}"]

    def logo(self) -> pygame.Rect:
        """Where the logo is drawn."""
        return self._place()[3].rect

    def draw(self, surface) -> None:
        theme = self.app.theme
        blocks, size, _, logo, asides = self._place()
        surface.fill(theme.background)
        logo.draw(surface, self.app.text, theme)
        rects = self.menu.rects
        lay = self.app.layout()
        draw_scraps(surface, theme, rects[0].union(rects[-1]), lay.margin, lay.gap)
        for block, y in blocks:
            surface.blit(block, ((surface.get_width() - block.get_width()) // 2, y))
        self.menu.draw(surface, self.app.text, theme, size)
        for block, at in asides:
            surface.blit(block, at)
