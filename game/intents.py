"""Raw pygame events become intents here, and only here, so keyboard and mouse feed one path."""
from dataclasses import dataclass

import pygame


@dataclass(frozen=True)
class Intent:
    kind: str          # choose, fact, opinion, next, back, up, down, left, right, tab,
                       # toggle, context, fullscreen, page_up, page_down, home, end,
                       # text, erase, click, hover, wheel, drag, resize, quit, reload, focus
    value: object = None


_KEYS = {
    pygame.K_RETURN: "next", pygame.K_KP_ENTER: "next", pygame.K_ESCAPE: "back",
    pygame.K_UP: "up", pygame.K_DOWN: "down", pygame.K_LEFT: "left", pygame.K_RIGHT: "right",
    pygame.K_TAB: "tab", pygame.K_SPACE: "toggle", pygame.K_f: "fact", pygame.K_o: "opinion",
    pygame.K_c: "context", pygame.K_F11: "fullscreen", pygame.K_F5: "reload",
    pygame.K_PAGEUP: "page_up", pygame.K_PAGEDOWN: "page_down",
    pygame.K_HOME: "home", pygame.K_END: "end", pygame.K_BACKSPACE: "erase",
}
_NUMBERS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)}


def intents(event: pygame.event.Event) -> list[Intent]:
    if event.type == pygame.QUIT:
        return [Intent("quit")]
    if event.type == pygame.KEYDOWN:
        if event.key in _NUMBERS:
            return [Intent("choose", _NUMBERS[event.key] - 1)]
        if event.key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT:
            return [Intent("tab", -1)]
        kind = _KEYS.get(event.key)
        return [Intent(kind, 1 if kind == "tab" else None)] if kind else []
    if event.type == pygame.TEXTINPUT:
        return [Intent("text", event.text)]
    if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
        return [Intent("click", event.pos)]
    if event.type == pygame.MOUSEMOTION and event.buttons[0]:
        return [Intent("drag", event.rel[1])]
    if event.type == pygame.MOUSEMOTION:
        return [Intent("hover", event.pos)]
    if event.type == pygame.MOUSEWHEEL:
        return [Intent("wheel", event.y)]
    if event.type == pygame.WINDOWFOCUSGAINED:
        return [Intent("focus")]       # back from the editor: look for saved question files
    if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
        size = (event.w, event.h) if event.type == pygame.VIDEORESIZE else (event.x, event.y)
        return [Intent("resize", size)]
    return []
