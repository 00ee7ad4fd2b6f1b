"""Before a round: how it is played (one player, hot seat, whole class) and by whom.

Both scenes are dismissed with a Lineup, or None to go back."""
from dataclasses import dataclass

import pygame

from game.intents import Kind
from game.quiz.seats import MAX_SEATS, MIN_SEATS, MODES, Lineup
from game.scenes.base import Scene
from game.scenes.name import MAX_NAME, EntryLayout, EntryScene, NameScene
from game.ui.field import TextField
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
        named = lambda name: name and self.dismiss(Lineup(self.mode, (name,)))  # noqa: E731
        if self.mode == "devices":     # the students give their names on their devices
            self.dismiss(Lineup(self.mode, ()))
        elif self.mode == "solo":
            self.app.push(NameScene(self.app), on_result=named)
        elif self.mode == "class":
            self.app.push(NameScene(self.app, "Which class is playing?", classes=True),
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


class PlayersScene(EntryScene):
    """Hot seat: the names of the players or teams, typed one by one, and whether they
    answer the same questions.

    Each name is a box ticked while it plays: taking one out unticks it where it stands,
    so a second click or Enter puts it back, never takes out the name after it. The last
    line-up is listed unticked, to tick again, not to delete."""

    HINT = ("Type a name, Enter: add it (an empty box: start)   ↑↓ ←→: move   "
            "Space or click: tick or untick   Esc: back")

    def __init__(self, app):
        super().__init__(app)
        settings = app.settings
        self.seats = [[n, False] for n in settings.hot_seat if isinstance(n, str)][:MAX_SEATS]
        self.field = TextField(MAX_NAME)
        self.form = None
        self._build(focus=None, same=settings.same_questions)
        self.message = ""

    @property
    def names(self) -> list[str]:
        """Those playing: the ticked names."""
        return [name for name, playing in self.seats if playing]

    def _build(self, focus, same: bool) -> None:
        """focus: the key of the row to focus, or None for the name box."""
        rows = [Row("toggle", name, ("seat", i), playing, cell=(i % 2, i // 2))
                for i, (name, playing) in enumerate(self.seats)]
        below = (len(self.seats) + 1) // 2
        rows += [Row("choice", "Questions", "same", 0 if same else 1,
                     ("the same for everyone", "each their own"), cell=(0, below), span=2),
                 Row("button", "Start", "start", cell=(0, below + 1)),
                 Row("button", "Back", "back", cell=(1, below + 1))]
        self.form = Form(rows, columns=2)
        keys = [r.key for r in rows]
        self.form.focus = keys.index(focus) if focus in keys else -1

    @property
    def typing(self) -> bool:
        """The name box has the focus, not the rows below it."""
        return self.form.focus < 0

    def lineup(self) -> Lineup:
        return Lineup("hotseat", tuple(self.names), self.form.row("same").value == 0)

    def handle(self, intent) -> None:
        kind = intent.kind
        p = self._place()
        if self.keyboard_took(intent, p.field):
            pass
        elif kind == Kind.BACK:
            self.dismiss(None)
        elif kind in (Kind.TEXT, Kind.COMPOSE, Kind.ERASE, Kind.DELETE):
            self.form.focus = -1    # typing and erasing are the box's, wherever the focus was
            self.field.handle(intent)
        elif self.typing and kind == Kind.NEXT:
            typed = " ".join(self.field.text.split())
            self._add(typed) if typed else self._start()
        elif self.typing and kind != Kind.TAB and self.field.handle(intent):
            pass
        elif kind == Kind.UP and not self.typing and not self.form.step(kind):
            self.form.focus = -1    # up from the top row: back to the name box
        elif kind == Kind.CLICK and p.field.collidepoint(intent.value):
            self.form.focus = -1
        else:
            row = self.form.handle(intent)
            if row is not None:
                self._press(row)

    def _add(self, name: str) -> None:
        known = next((seat for seat in self.seats if seat[0].casefold() == name.casefold()),
                     None)
        if known is not None and known[1]:
            self.message = f"“{name}” is already playing."
            return
        if known is None and len(self.names) >= MAX_SEATS:
            self.message = f"A hot seat has at most {MAX_SEATS} players or teams."
            return
        if known is not None:
            known[1] = True     # a name from last time, or one taken out: back in
        else:
            if len(self.seats) >= MAX_SEATS:    # room made from the names not playing
                self.seats.remove(next(seat for seat in self.seats if not seat[1]))
            self.seats.append([name, True])
        self.field.set("", selected=False)
        self.message = ""
        self._build(focus=None, same=self.lineup().same)

    def _press(self, row) -> None:
        if isinstance(row.key, tuple):
            self.seats[row.key[1]][1] = row.value
            self.message = ""
        elif row.key == "back":
            self.dismiss(None)
        elif row.key == "start":
            self._start()

    def _start(self) -> None:
        if len(self.names) < MIN_SEATS:
            self.message = f"Tick or add at least {MIN_SEATS} players or teams: type a " \
                           "name and press Enter."
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
        # The note under the names as tall as its words wrap, so it never runs into the hint.
        message_h = text.height(self.message or self._count(), small, width) + lay.gap // 2
        area = pygame.Rect(left, field.bottom + lay.gap, width,
                           c.bottom - hint.get_height() - message_h - lay.gap - field.bottom
                           - lay.gap)
        form_size = self.form.place(text, area, range(12, lay.font(TEXT.label) + 1))
        p = PlayersLayout(lay, c, head, field, size, small, left, width, hint, form_size)
        p.field = self.place_keyboard(p, field.bottom + lay.gap)
        return p

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        p = self.begin_drawing(surface)
        self.field.draw(surface, text, theme, p.field, p.size,
                        placeholder="Type a name and press Enter", focused=self.typing)
        self.form.draw(surface, text, theme, p.form_size)
        message = self.message or self._count()
        note = text.block(message, p.small, theme.wrong if self.message else theme.muted,
                          p.width)
        surface.blit(note, (p.left, self.form.rows[-1].rect.bottom + p.lay.gap // 2))
        surface.blit(p.hint, ((p.lay.w - p.hint.get_width()) // 2,
                              p.c.bottom - p.hint.get_height()))
        self.keyboard.draw(surface, text, theme)

    def _count(self) -> str:
        playing = len(self.names)
        if not self.seats:
            return "Type the name of each player or team, and press Enter after each."
        if not playing:
            return "The names from last time: tick those playing, or type new ones."
        out = len(self.seats) - playing
        return f"{playing} of {MAX_SEATS} seats" + (f", {out} not playing" if out else "") + \
            ". A ticked name plays: click it to take it out or put it back."
