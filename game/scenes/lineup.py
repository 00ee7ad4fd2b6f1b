"""Before a round: how it is played (one player, hot seat, whole class) and by whom.

Both scenes are dismissed with a Lineup, or None to go back."""
from dataclasses import dataclass

import pygame

from game.intents import Kind
from game.quiz.seats import MAX_SEATS, MIN_SEATS, MODES, Lineup
from game.scenes.base import Scene
from game.scenes.name import MAX_NAME, EntryLayout, NameScene
from game.ui.form import Form, Row
from game.ui.layout import TEXT
from game.ui.widgets import ButtonList


class ModeScene(Scene):
    def __init__(self, app):
        super().__init__(app)
        self.menu = ButtonList([mode.label for mode in MODES.values()] + ["Back"],
                               ids=list(MODES) + ["Back"])
        self.mode = None

    def handle(self, intent) -> None:
        self._place()
        chosen = self.menu.handle(intent)
        if intent.kind == Kind.BACK:
            chosen = len(MODES)
        if chosen is None:
            return
        if chosen == len(MODES):
            self.dismiss(None)
            return
        self.mode = list(MODES)[chosen]
        settings = self.app.settings
        named = lambda name: name and self.dismiss(Lineup(self.mode, (name,)))  # noqa: E731
        if self.mode == "solo":
            self.app.push(NameScene(self.app), on_result=named)
        elif self.mode == "class":
            self.app.push(NameScene(self.app, "Which class is playing?", settings.class_name),
                          on_result=named)
        else:
            self.app.push(PlayersScene(self.app),
                          on_result=lambda lineup: lineup and self.dismiss(lineup))

    def _place(self):
        lay, text = self.app.layout(), self.app.text
        c = lay.content()
        width = min(c.width, max(lay.w * 2 // 3, 600))
        head = text.block("How are you playing?", lay.font(TEXT.heading), self.app.theme.text,
                          width, style="bold")
        hint = text.block("↑↓ Enter or click: choose   Esc: back", lay.font(TEXT.hint),
                          self.app.theme.muted, c.width, align="center")
        top = c.top + head.get_height() + 2 * lay.gap
        area = pygame.Rect((lay.w - width) // 2, top, width,
                           c.bottom - hint.get_height() - lay.gap - top)
        size = self.menu.fit(text, area, range(13, lay.font(TEXT.body) + 1), lay.gap)
        return c, head, hint, area, size

    def draw(self, surface) -> None:
        theme = self.app.theme
        c, head, hint, area, size = self._place()
        surface.fill(theme.background)
        surface.blit(head, (area.left, c.top))
        self.menu.draw(surface, self.app.text, theme, size)
        surface.blit(hint, ((surface.get_width() - hint.get_width()) // 2,
                            c.bottom - hint.get_height()))


@dataclass
class PlayersLayout(EntryLayout):
    hint: pygame.Surface
    form_size: int


class PlayersScene(Scene):
    """Hot seat: the names of the players or teams, typed one by one, and whether they
    answer the same questions. The last line-up is offered again."""

    HINT = ("Type a name, Enter: add it   Backspace: erase   ↑↓: move   Enter on a name: "
            "remove it   Esc: back")

    def __init__(self, app):
        super().__init__(app)
        settings = app.settings
        self.names = [n for n in settings.hot_seat if isinstance(n, str)][:MAX_SEATS]
        self.typed = ""
        self.form = None
        self._build(focus="start", same=settings.same_questions)
        self.message = ""

    def _build(self, focus, same: bool) -> None:
        rows = [Row("button", f"{name}   ×", ("seat", i), cell=(i % 2, i // 2))
                for i, name in enumerate(self.names)]
        below = (len(self.names) + 1) // 2
        rows += [Row("choice", "Questions", "same", 0 if same else 1,
                     ("the same for everyone", "each their own"), cell=(0, below), span=2),
                 Row("button", "Start", "start", cell=(0, below + 1)),
                 Row("button", "Back", "back", cell=(1, below + 1))]
        self.form = Form(rows, columns=2)
        keys = [r.key for r in rows]
        self.form.focus = keys.index(focus) if focus in keys else keys.index("start")

    def lineup(self) -> Lineup:
        return Lineup("hotseat", tuple(self.names), self.form.row("same").value == 0)

    def handle(self, intent) -> None:
        kind = intent.kind
        self._place()
        if kind == Kind.BACK:
            self.dismiss(None)
        elif kind == Kind.TEXT:
            if len(self.typed) < MAX_NAME:
                self.typed += intent.value
        elif kind == Kind.ERASE:
            self.typed = self.typed[:-1]
        elif kind == Kind.NEXT and self.typed.strip():
            self._add(" ".join(self.typed.split()))
        else:
            row = self.form.handle(intent)
            if row is not None:
                self._press(row)

    def _add(self, name: str) -> None:
        if any(n.casefold() == name.casefold() for n in self.names):
            self.message = f"“{name}” is already playing."
        elif len(self.names) >= MAX_SEATS:
            self.message = f"A hot seat has at most {MAX_SEATS} players or teams."
        else:
            self.names.append(name)
            self.typed, self.message = "", ""
            self._build(focus="start", same=self.lineup().same)

    def _press(self, row) -> None:
        if isinstance(row.key, tuple):
            del self.names[row.key[1]]
            self.message = ""
            self._build(focus=("seat", min(row.key[1], len(self.names) - 1)),
                        same=self.lineup().same)
        elif row.key == "back":
            self.dismiss(None)
        elif row.key == "start":
            if len(self.names) < MIN_SEATS:
                self.message = f"Add at least {MIN_SEATS} players or teams: type a name " \
                               "and press Enter."
                return
            settings = self.app.settings
            settings.hot_seat, settings.same_questions = list(self.names), self.lineup().same
            self.app.save_settings()
            self.dismiss(self.lineup())

    def _place(self) -> PlayersLayout:
        lay, text = self.app.layout(), self.app.text
        c = lay.content()
        width = min(c.width, max(lay.w * 2 // 3, 600))
        left = (lay.w - width) // 2
        head = text.block("Hot seat: who is playing?", lay.font(TEXT.heading), self.app.theme.text,
                          width, style="bold")
        size = lay.font(TEXT.body)
        field = pygame.Rect(left, c.top + head.get_height() + lay.gap, width, round(size * 2.2))
        small = lay.font(TEXT.hint)
        hint = text.block(self.HINT, small, self.app.theme.muted, c.width, align="center")
        message_h = small * 2
        area = pygame.Rect(left, field.bottom + lay.gap, width,
                           c.bottom - hint.get_height() - message_h - lay.gap - field.bottom
                           - lay.gap)
        form_size = self.form.place(text, area, range(12, lay.font(TEXT.label) + 1))
        return PlayersLayout(lay, c, head, field, size, small, left, width, hint, form_size)

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        p = self._place()
        surface.fill(theme.background)
        surface.blit(p.head, (p.left, p.c.top))
        pygame.draw.rect(surface, theme.panel, p.field, border_radius=8)
        pygame.draw.rect(surface, theme.accent, p.field, width=3, border_radius=8)
        pad = p.size // 2
        shown = self.typed + "|" if self.typed else "Type a name and press Enter|"
        block = text.block(shown, p.size, theme.text if self.typed else theme.muted,
                           p.field.width - 2 * pad)
        line = text.font("regular", p.size).get_linesize()
        if block.get_height() > line * 1.5:      # too long for one line: its end
            block = block.subsurface((0, block.get_height() - line, block.get_width(), line))
        surface.blit(block, (p.field.left + pad, p.field.centery - block.get_height() // 2))
        self.form.draw(surface, text, theme, p.form_size)
        message = self.message or (f"{len(self.names)} of {MAX_SEATS} seats. Click a name "
                                   "to remove it.")
        note = text.block(message, p.small, theme.wrong if self.message else theme.muted,
                          p.width)
        surface.blit(note, (p.left, self.form.rows[-1].rect.bottom + p.lay.gap // 2))
        surface.blit(p.hint, ((p.lay.w - p.hint.get_width()) // 2,
                              p.c.bottom - p.hint.get_height()))
