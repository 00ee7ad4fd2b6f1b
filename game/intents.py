"""Raw pygame events become intents here, and only here, so keyboard and mouse feed one path."""
from dataclasses import dataclass
from enum import Enum

import pygame


class Kind(Enum):
    """What the player asked for, whichever key or button said it. The comment says what
    Intent.value holds, where it holds anything."""

    CHOOSE = "choose"           # 1–9, 0 (main row or keypad): the choice's index, from 0
                                # (0 is the tenth); a digit typed where a number is wanted
    FACT = "fact"               # F
    OPINION = "opinion"         # O
    NEXT = "next"               # Enter: go on, confirm
    BACK = "back"               # Esc
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    TAB = "tab"                 # 1, or -1 with Shift
    TOGGLE = "toggle"           # Space: tick, select a word
    MORE = "more"               # + (or =, its key unshifted): one more
    FEWER = "fewer"             # -: one fewer
    CONTEXT = "context"         # C: the sentences around the quote
    FULLSCREEN = "fullscreen"   # F11
    PAGE_UP = "page_up"
    PAGE_DOWN = "page_down"
    HOME = "home"
    END = "end"
    TEXT = "text"               # the characters typed, from any layout or input method
    COMPOSE = "compose"         # what an input method is composing, not yet typed ("" ends it)
    ERASE = "erase"             # Backspace
    DELETE = "delete"           # Delete
    SELECT_ALL = "select_all"   # Ctrl+A
    PROBLEMS = "problems"       # V: the problems found in the question files
    CLICK = "click"             # the pointer's position
    HOVER = "hover"             # the pointer moved to this position, no button held
    WHEEL = "wheel"             # the wheel's steps, up positive
    DRAG = "drag"               # how far the pointer moved down with the button held
    RESIZE = "resize"           # the window's new (width, height)
    QUIT = "quit"               # the window was closed
    RELOAD = "reload"           # F5: read the question files again
    FOCUS = "focus"             # the window is in front again
    DROP = "drop"               # a file dropped onto the window: its path


@dataclass(frozen=True)
class Intent:
    kind: Kind
    value: object = None


_KEYS = {
    pygame.K_RETURN: Kind.NEXT, pygame.K_KP_ENTER: Kind.NEXT, pygame.K_ESCAPE: Kind.BACK,
    pygame.K_UP: Kind.UP, pygame.K_DOWN: Kind.DOWN, pygame.K_LEFT: Kind.LEFT,
    pygame.K_RIGHT: Kind.RIGHT, pygame.K_TAB: Kind.TAB, pygame.K_SPACE: Kind.TOGGLE,
    pygame.K_f: Kind.FACT, pygame.K_o: Kind.OPINION, pygame.K_c: Kind.CONTEXT,
    pygame.K_F11: Kind.FULLSCREEN, pygame.K_F5: Kind.RELOAD,
    pygame.K_PAGEUP: Kind.PAGE_UP, pygame.K_PAGEDOWN: Kind.PAGE_DOWN,
    pygame.K_HOME: Kind.HOME, pygame.K_END: Kind.END, pygame.K_BACKSPACE: Kind.ERASE,
    pygame.K_DELETE: Kind.DELETE, pygame.K_v: Kind.PROBLEMS,
    pygame.K_PLUS: Kind.MORE, pygame.K_EQUALS: Kind.MORE, pygame.K_KP_PLUS: Kind.MORE,
    pygame.K_MINUS: Kind.FEWER, pygame.K_KP_MINUS: Kind.FEWER,
}
_NUMBERS = {getattr(pygame, f"K_{n}"): n or 10 for n in range(10)} \
    | {getattr(pygame, f"K_KP_{n}"): n or 10 for n in range(10)}


class Intents:
    """Turns events into intents. It remembers where the pointer was, so that a hover means
    the pointer moved: a window or a screen appearing under a pointer at rest (SDL then
    reports a motion to where the pointer already is) moves no focus away from the keyboard."""

    def __init__(self):
        self.pointer = None     # where the pointer was last seen in the window; None: not yet

    def __call__(self, event: pygame.event.Event) -> list[Intent]:
        if event.type == pygame.QUIT:
            return [Intent(Kind.QUIT)]
        if event.type == pygame.KEYDOWN:
            return _key(event)
        if event.type == pygame.TEXTINPUT:
            return [Intent(Kind.TEXT, event.text)]
        if event.type == pygame.TEXTEDITING:
            return [Intent(Kind.COMPOSE, event.text)]
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.pointer = tuple(event.pos)
            return [Intent(Kind.CLICK, event.pos)]
        if event.type == pygame.MOUSEMOTION:
            return self._motion(event)
        if event.type == pygame.MOUSEWHEEL:
            return [Intent(Kind.WHEEL, event.y)]
        if event.type in (pygame.WINDOWENTER, pygame.WINDOWLEAVE, pygame.WINDOWSHOWN):
            self.pointer = None     # the next motion says where the pointer is, not that it moved
        if event.type == pygame.DROPFILE:
            return [Intent(Kind.DROP, event.file)]
        if event.type == pygame.WINDOWFOCUSGAINED:
            return [Intent(Kind.FOCUS)]     # back from the editor: look for saved question files
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.pointer = None     # the window moved under the pointer, not the other way
            size = (event.w, event.h) if event.type == pygame.VIDEORESIZE else (event.x, event.y)
            return [Intent(Kind.RESIZE, size)]
        return []

    def _motion(self, event) -> list[Intent]:
        pos, before = tuple(event.pos), self.pointer
        self.pointer = pos
        if event.buttons[0]:
            return [Intent(Kind.DRAG, event.rel[1])]
        if before is None or pos == before:
            return []
        return [Intent(Kind.HOVER, pos)]


def _key(event) -> list[Intent]:
    if event.key in _NUMBERS:
        return [Intent(Kind.CHOOSE, _NUMBERS[event.key] - 1)]
    if event.key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT:
        return [Intent(Kind.TAB, -1)]
    if event.key == pygame.K_a and event.mod & pygame.KMOD_CTRL:
        return [Intent(Kind.SELECT_ALL)]
    kind = _KEYS.get(event.key)
    return [Intent(kind, 1 if kind is Kind.TAB else None)] if kind else []
