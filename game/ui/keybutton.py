"""A small button that names its key ("C: sentences around it", "Esc: leave"): the mouse
presses it, the keyboard has the key it names, and a player learns the key by seeing it."""
import pygame


def key_button_size(text, label: str, size: int) -> tuple[int, int]:
    """The width and height of the button for label at text size `size`."""
    return text.font("regular", size).size(label)[0] + size, round(size * 1.8)


def draw_key_button(surface, text, theme, rect: pygame.Rect, label: str, size: int,
                    on: bool = False) -> None:
    """on: the button is held on (Shift, or the keyboard it opens is open): filled."""
    pygame.draw.rect(surface, theme.accent if on else theme.panel, rect, border_radius=6)
    pygame.draw.rect(surface, theme.accent, rect, width=2, border_radius=6)
    block = text.block(label, size, theme.on_accent if on else theme.text, rect.width)
    surface.blit(block, (rect.centerx - block.get_width() // 2,
                         rect.centery - block.get_height() // 2))
