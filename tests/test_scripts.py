"""Names in Chinese, Japanese and Korean show as letters, not boxes, wherever a name shows:
the bundled faces lack them, so a fallback face draws them at the same size on the same line.

A missing glyph draws as the same box whatever the character, so a name and its letters in
another order look the same when boxed and different when drawn: the screens are compared
that way, with a name of boxes as the check that the comparison can tell."""
import pygame
import pytest

from game.quiz.round import RoundSetup
from game.quiz.seats import seat_round
from game.scenes.hotseat import HandoverScene, PodiumScene
from game.scenes.name import NameScene
from game.ui.text import Text, wrap
from pilot import key, new_app, right_answer, run_frames, type_text, wrong_answer

NAMES = ["王小明", "さくら", "김민준"]
BOXES = "\u0800\u0801\u0802"    # Samaritan: in no bundled face, so drawn as boxes
STYLES = ["regular", "bold", "italic", "serif", "serif-bold", "serif-italic"]


@pytest.fixture(scope="module")
def text():
    pygame.font.init()
    return Text()


def pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


@pytest.mark.parametrize("style", STYLES)
def test_each_letter_draws_as_itself_not_as_the_missing_glyphs_box(text, style):
    font = text.font(style, 32)
    box = pixels(font.render(BOXES[0], True, (0, 0, 0)))
    drawn = {}
    for char in "".join(NAMES):
        glyph = font.render(char, True, (0, 0, 0))
        assert pixels(glyph) != box, char
        assert glyph.get_bounding_rect().height > 10, char    # ink, not an empty advance
        drawn[pixels(glyph)] = char
    assert font.size(BOXES + "王") == font.render(BOXES + "王", True, (0, 0, 0)).get_size()
    assert len(drawn) == len("".join(NAMES))                  # no two letters look alike


def test_text_the_faces_cover_draws_and_measures_exactly_as_the_face_alone(text):
    plain = pygame.font.Font(text.font_dir / "Inter-Regular.otf", 28)
    for line in ("Team 2", "“Quid Pro Quo” — Zoë O’Brien, Jr.", "Ελένη Ωμέγα"):
        assert text.font("regular", 28).size(line) == plain.size(line)
        assert pixels(text.font("regular", 28).render(line, True, (9, 9, 9))) == \
            pixels(plain.render(line, True, (9, 9, 9)))


@pytest.mark.parametrize("line", ["王小明", "Your turn, さくら", "김민준 and Zoë", "«王»"])
def test_a_mixed_line_measures_as_it_draws_and_stays_inside_its_line(text, line):
    font = text.font("bold", 40)
    surface = font.render(line, True, (0, 0, 0))
    assert font.size(line) == surface.get_size()
    assert surface.get_height() == font.get_height()          # the line is no taller
    ink = surface.get_bounding_rect()
    assert ink.top > 0 and ink.bottom < surface.get_height()  # and nothing is cut off


def test_the_fallback_letters_sit_on_the_same_baseline(text):
    font = text.font("regular", 48)
    surface = font.render("H王H", True, (0, 0, 0))
    h = font.size("H")[0]
    latin = surface.subsurface((0, 0, h, surface.get_height())).get_bounding_rect()
    han = surface.subsurface((h, 0, font.size("王")[0], surface.get_height())) \
        .get_bounding_rect()
    assert abs(han.bottom - latin.bottom) <= 48 // 10
    assert han.height >= latin.height * 0.9                   # the same size, not smaller


@pytest.mark.parametrize("width", [60, 120, 400])
def test_a_long_cjk_name_wraps_inside_its_width_and_height_agrees(text, width):
    name = "王小明" * 6 + " さくら 김민준"
    for style in ("regular", "serif"):
        font = text.font(style, 30)
        lines = wrap(name, font, width)
        assert all(font.size(line)[0] <= width for line in lines)
        assert "".join(lines).replace(" ", "") == name.replace(" ", "")
        block = text.block(name, 30, (0, 0, 0), width, style)
        assert block.get_width() <= width
        assert block.get_height() == text.height(name, 30, width, style)
        size = text.fit(name, width, 200, range(12, 41, 2), style)
        assert text.block(name, size, (0, 0, 0), width, style).get_height() <= 200


# -- on screen ---------------------------------------------------------------------------

def _name_box_showing(name):
    app = new_app()
    key(app, pygame.K_RETURN)                       # Play
    key(app, pygame.K_RETURN)                       # one player
    assert isinstance(app.scene, NameScene)
    type_text(app, name)                            # what an input method commits
    assert app.scene.field.text == name
    return pixels(app.screen)


def test_a_name_typed_in_the_name_box_shows_its_letters():
    for name in NAMES:
        assert _name_box_showing(name) != _name_box_showing(name[::-1]), name
    assert _name_box_showing(BOXES) == _name_box_showing(BOXES[::-1])


def _hot_seat_screens(app, names) -> list[bytes]:
    """The handover ("Your turn, …"), the board between turns and the podium."""
    title = app.stack[0]
    turns = seat_round(app.loaded.bank, RoundSetup(count=5, seed=1), names, "hotseat")
    for n in range(5):
        for i, seat in enumerate(turns.seats):
            q = seat.state.current
            seat.state.answer(wrong_answer(q) if n < i else right_answer(q))  # 5, 4, 3 right
    shots = []
    for scene in (HandoverScene(app, turns), HandoverScene(app, turns, board=True),
                  PodiumScene(app, turns)):
        app.stack[:] = [title, scene]
        run_frames(app, 20, dt=1 / 30)              # the podium has risen
        shots.append(pixels(app.screen))
    return shots


@pytest.mark.parametrize("size", [(960, 540), (1920, 1080)])
def test_hot_seat_names_show_their_letters_on_the_handover_board_and_podium(size):
    app = new_app(size=size)
    app.settings.text_size = "largest"
    shown = _hot_seat_screens(app, NAMES)
    reordered = _hot_seat_screens(app, [n[::-1] for n in NAMES])
    for screen, a, b in zip(("handover", "board", "podium"), shown, reordered):
        assert a != b, screen
    boxed = _hot_seat_screens(app, ["Ana", BOXES, "Sam"])
    assert boxed == _hot_seat_screens(app, ["Ana", BOXES[::-1], "Sam"])
