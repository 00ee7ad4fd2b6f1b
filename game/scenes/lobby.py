"""A class on their own devices, before the round: where to go, the code, a QR code of
both, and the names as students join. The teacher can remove a name, then starts."""
from dataclasses import dataclass

import pygame

from game.intents import Kind
from game.scenes.base import Scene
from game.scenes.confirm import ConfirmScene
from game.scenes.projector import ProjectorAnswer, ProjectorQuestion, end_class
from game.ui.layout import TEXT, largest
from game.ui.qr import qr_surface
from game.ui.widgets import ButtonList

HINT = "Enter: start   Tab and Delete, or a click on a name: remove it   Esc: leave"
APART = ("Devices cannot open the address? School Wi-Fi often keeps devices apart: join this "
         "computer and the devices to one phone's hotspot, then open the class again.")


def open_class(app, setup) -> None:
    """A class on their devices: the lobby of a new game; or, if the last one was cut off
    (the machine stopped, the game was killed), the choice to take it up first."""
    from game.store import room_file
    if not room_file.path_in(app.data_dir).exists():
        open_lobby(app, setup)
        return
    app.push(ConfirmScene(app, "Take up the class game that was cut off?",
                         "The last class game on this computer stopped before its end. Resume "
                         "it where it stopped, with every answer, on the same address and "
                         "code; or start a new one (the old one's answers stay in the "
                         "results).", "Resume", "Start a new one"),
             on_result=lambda yes: resume_class(app) if yes else open_lobby(app, setup))


def open_lobby(app, setup) -> bool:
    """Build the round, start serving it and show the lobby; False, said in a banner, if
    the setup finds no question or the network cannot be served."""
    from game.net.host import Host
    from game.quiz.room import Room, articles, credits
    from game.quiz.round import build_round
    from game.store import room_file
    bank = app.loaded.bank
    questions = build_round(bank, setup)
    if not questions:
        app.show_banner("No question matches this round's setup: choose other articles or "
                        "skills in Round setup.", warning=True)
        return False
    room = Room(questions, setup, app.results, article_credit=credits(bank),
                article_text=articles(bank))
    return _serve(app, Host(room, app.config.bind, app.config.port,
                            saved=room_file.path_in(app.data_dir)))


def resume_class(app) -> bool:
    """The class game that was cut off, where it stopped: `run.py host --resume`."""
    from game.net.host import Host
    from game.quiz.room import articles, credits
    from game.store import room_file
    bank = app.loaded.bank
    host = Host.resume(room_file.path_in(app.data_dir), bank, app.results,
                       article_credit=credits(bank), article_text=articles(bank))
    if isinstance(host, str):
        app.show_banner(host, warning=True, seconds=20)
        return False
    return _serve(app, host)


def _serve(app, host) -> bool:
    """Open the host and show the screen its room is at: the lobby, or a resumed game's
    question or answer."""
    from game.net.host import NoServer
    from game.quiz.room import ASKING, REVEALED
    try:
        app.open_host(host)
    except NoServer as problem:
        app.show_banner(str(problem), warning=True, seconds=20)
        return False
    phase = host.room.phase
    app.push(ProjectorQuestion(app) if phase == ASKING else ProjectorAnswer(app)
             if phase == REVEALED else LobbyScene(app))
    return True


@dataclass
class LobbyLayout:
    c: pygame.Rect
    blocks: list                # (surface, (x, y))
    qr: tuple | None            # (surface, (x, y))
    name_size: int
    chips: list                 # (name, rect) for the names shown
    more: tuple | None          # "+ 12 more": (surface, (x, y))
    button_size: int


class LobbyScene(Scene):
    def __init__(self, app):
        super().__init__(app)
        self.host = app.host
        self.buttons = ButtonList(["Leave", "Start the round"], align="center",
                                  ids=["Leave", "Start"])
        self.buttons.focus = 1
        self.focus: int | None = None       # a name chosen with Tab, to remove with Delete
        self._key = None

    @property
    def room(self):
        return self.host.room

    # -- input --
    def handle(self, intent) -> None:
        p = self._place()
        names = self.room.names()
        if intent.kind == Kind.BACK:
            self._leave()
        elif intent.kind == Kind.TAB and names:
            step = intent.value or 1
            self.focus = (step - 1 if self.focus is None else self.focus + step) % len(names)
        elif intent.kind == Kind.DELETE and self.focus is not None and self.focus < len(names):
            self._ask_to_remove(names[self.focus])
        elif intent.kind == Kind.CLICK and any(r.collidepoint(intent.value) for _, r in p.chips):
            self._ask_to_remove(next(n for n, r in p.chips if r.collidepoint(intent.value)))
        else:
            chosen = self.buttons.handle(intent)
            if chosen == 0:
                self._leave()
            elif chosen == 1:
                self._start()

    def _leave(self) -> None:
        self.app.push(ConfirmScene(self.app, "Close this class?",
                                   "Students who joined are let go; nothing has been played yet.",
                                   "Close", "Stay"),
                      on_result=lambda yes: yes and end_class(self.app))

    def _ask_to_remove(self, name: str) -> None:
        self.app.push(ConfirmScene(self.app, f"Remove {name}?",
                                   f"{name}’s device leaves this game and cannot join it again "
                                   "under any name.", "Remove", "Keep"),
                      on_result=lambda yes: yes and self._remove(name))

    def _remove(self, name: str) -> None:
        self.host.kick(name)
        self.focus = None

    def _start(self) -> None:
        if not self.room.names():
            self.app.show_banner("Nobody has joined yet: wait for the names to appear.")
            return
        self.host.start()
        self.app.replace(ProjectorQuestion(self.app))

    # -- layout --
    def widgets(self) -> dict:
        found = super().widgets()
        found.update({("name", name): rect for name, rect in self._place().chips})
        return found

    def _place(self) -> LobbyLayout:
        lay, theme = self.app.layout(), self.app.theme
        key = (lay.w, lay.h, lay.scale, lay.margin, theme.name, tuple(self.room.names()),
               self.host.address)
        if key != self._key:
            self._laid, self._key = self._lay_out(), key
        return self._laid

    def _lay_out(self) -> LobbyLayout:
        lay, theme, text = self.app.layout(), self.app.theme, self.app.text
        c, gap = lay.content(), lay.gap
        address, code = self.host.address, self.room.code
        # The buttons and the key hints along the bottom.
        button_size = lay.font(TEXT.label)
        button_w = max(text.font("bold", button_size).size(label)[0]
                       for label in self.buttons.labels) + 3 * button_size
        hint_w = c.width - 2 * button_w - 2 * gap
        small = lay.font(TEXT.hint)
        hint = text.block(HINT, small, theme.muted, hint_w)
        band = max(round(button_size * 2.4), hint.get_height())
        self.buttons.place(text, pygame.Rect(c.right - 2 * button_w - gap, c.bottom - band,
                                             2 * button_w + gap, band), button_size, gap,
                           across=True)
        blocks = [(hint, (c.left, c.bottom - band + (band - hint.get_height()) // 2))]
        bottom = c.bottom - band - gap
        # Room for the count and two rows of names under the address and code.
        size = lay.font(TEXT.body)
        names_h = text.font("bold", lay.font(TEXT.label)).get_height() + 2 * (
            text.font("regular", size).get_height() + size // 2) + 2 * gap
        top_h = bottom - c.top - names_h
        # The QR code on the right, with what to do when devices cannot reach this one
        # under it; the address and the code on the left, as large as the room allows.
        side = min(top_h * 3 // 4, c.width // 3)
        qr = qr_surface(f"{address}/?code={code}", side, (0, 0, 0), (255, 255, 255))
        apart = text.block(APART, small, theme.muted, max(qr.get_width(), c.width // 4))
        right_w = max(qr.get_width(), apart.get_width())
        blocks.append((apart, (c.right - right_w, c.top + qr.get_height() + gap // 2)))
        left_w = c.width - right_w - 2 * gap
        say = [("Join on your phone, tablet or laptop", TEXT.heading, theme.text, "bold"),
               ("Open", TEXT.body, theme.muted, "regular"),
               (address.removeprefix("http://"), TEXT.display * 1.2, theme.accent, "bold"),
               ("and type the code", TEXT.body, theme.muted, "regular"),
               (code, TEXT.display * 1.4, theme.text, "bold")]

        def heights(scale):
            sizes = [max(small, round(lay.font(share) * scale)) for _, share, _, _ in say]
            return sizes, sum(text.height(words, s, left_w, style) for (words, _, _, style), s
                              in zip(say, sizes)) + gap * len(say)
        # Only a window too small for them shrinks the address and the code.
        scale = largest(50, 100, lambda n: heights(n / 100)[1] <= top_h) / 100
        sizes, _ = heights(scale)
        y = c.top
        for (words, _, colour, style), size in zip(say, sizes):
            block = text.block(words, size, colour, left_w, style=style)
            blocks.append((block, (c.left, y)))
            y += block.get_height() + gap // 2 + (gap // 2 if words in (address, code) else 0)
        qr_place = (qr, (c.right - right_w + (right_w - qr.get_width()) // 2, c.top))
        # The names under the code, beside what the right column holds.
        names = pygame.Rect(c.left, y + gap // 2, left_w, bottom - y - gap // 2)
        chips, more, name_size = self._chips(names, blocks)
        return LobbyLayout(c, blocks, qr_place, name_size, chips, more, button_size)

    def _chips(self, c: pygame.Rect, blocks: list):
        """The count, then a chip per name in rows, as many as fit; "+ N more" for the rest."""
        lay, theme, text = self.app.layout(), self.app.theme, self.app.text
        names, gap = self.room.names(), lay.gap
        size = lay.font(TEXT.body)
        count = f"{len(names)} joined" if names else "Waiting for students to join…"
        head = text.block(count, lay.font(TEXT.label), theme.text, c.width, style="bold")
        blocks.append((head, (c.left, c.top)))
        y, x, bottom = c.top + head.get_height() + gap // 2, c.left, c.bottom
        font = text.font("regular", size)
        pad, chip_h = size // 2, font.get_height() + size // 2
        chips, more = [], None
        for i, name in enumerate(names):
            w = min(font.size(name)[0] + 2 * pad, c.width)
            if x + w > c.right:
                x, y = c.left, y + chip_h + gap // 2
            room_for_more = font.size("+ 999 more")[0] + 2 * pad + gap
            last_row = y + 2 * chip_h + gap // 2 > bottom
            if y + chip_h > bottom:     # not even a row: the count says how many
                break
            if last_row and i < len(names) - 1 and x + w + room_for_more > c.right:
                more = (text.block(f"+ {len(names) - i} more", size, theme.muted, c.width),
                        (x, y + size // 4))
                break
            chips.append((name, pygame.Rect(x, y, w, chip_h)))
            x += w + gap // 2
        return chips, more, size

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        p = self._place()
        surface.fill(theme.background)
        for block, place in p.blocks:
            surface.blit(block, place)
        if p.qr:
            surface.blit(*p.qr)
        names = self.room.names()
        for name, rect in p.chips:
            focused = self.focus is not None and self.focus < len(names) \
                and names[self.focus] == name
            pygame.draw.rect(surface, theme.panel, rect, border_radius=rect.height // 2)
            pygame.draw.rect(surface, theme.accent, rect, width=3 if focused else 1,
                             border_radius=rect.height // 2)
            block = text.block(name, p.name_size, theme.text, rect.width - p.name_size // 2)
            surface.blit(block, (rect.centerx - block.get_width() // 2,
                                 rect.centery - block.get_height() // 2))
        if p.more:
            surface.blit(*p.more)
        self.buttons.draw(surface, text, theme, p.button_size)
