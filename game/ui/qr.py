"""A QR code drawn into the window: the lobby's way for a phone to open the student page
with the join code in it. segno makes the code (pure Python, maintained, no image library
needed); this only paints its modules, in whole pixels so a camera reads clean edges."""
import pygame
import segno

QUIET = 4       # modules of light border the standard asks for around the code


def qr_surface(text: str, side: int, dark, light) -> pygame.Surface:
    """The code for text, as large as fits a side x side square, with its quiet zone."""
    matrix = segno.make(text, error="m", micro=False).matrix
    modules = len(matrix) + 2 * QUIET
    pixel = max(1, side // modules)
    surface = pygame.Surface((modules * pixel, modules * pixel))
    surface.fill(light)
    for y, row in enumerate(matrix):
        for x, on in enumerate(row):
            if on:
                surface.fill(dark, ((x + QUIET) * pixel, (y + QUIET) * pixel, pixel, pixel))
    return surface
