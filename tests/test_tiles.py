"""The question looks like a game (issue 13 §4): answer tiles with a number, a shape and a
colour each, that answer the pointer and the keys; a dot per question in the top bar with
the engine's verdicts; a flame beside a streak. Measured on what is drawn."""
import pygame
import pytest

from pilot import Drawn, answer, key, move, new_app, run_frames
from game.quiz.questions import generate
from game.quiz.round import RoundSetup
from game.quiz.seats import Seat, Turns
from game.quiz.state import RoundState
from game.scenes.overlays import ConfidenceScene
from game.scenes.question import QuestionScene
from game.tools.shots import _given
from game.ui.theme import pressed


def new(size=(1280, 720), text_size="standard", high_contrast=False):
    app = new_app(size=size, seed=5)
    app.settings.high_contrast = high_contrast
    if text_size == "projector":
        app.settings.projector = True
    else:
        app.settings.text_size = text_size
    return app


def show(app, questions, setup=None, names=("Ana",)) -> QuestionScene:
    setup = setup or RoundSetup(count=5)
    seats = [Seat(name, RoundState(setup, list(questions))) for name in names]
    scene = QuestionScene(app, Turns(seats, "solo" if len(names) == 1 else "hotseat",
                                     same=False))
    app.push(scene)
    run_frames(app)
    return scene


def picture(scene) -> pygame.Surface:
    """What the scene draws, on a surface of its own (under any overlay on top of it)."""
    surface = pygame.Surface(scene.app.screen.get_size())
    scene.draw(surface)
    return surface


def pixels(surface, rect, colour) -> int:
    """How many pixels of rect are exactly colour."""
    rect = rect.clip(surface.get_rect())
    return pygame.mask.from_threshold(surface.subsurface(rect), colour,
                                      (1, 1, 1, 255)).count()


def choice_question(app, skill="who_is_source"):
    return next(q for q in generate(app.loaded.bank) if q.skill == skill)


# --- the tiles ---------------------------------------------------------------------------

@pytest.mark.parametrize("high_contrast", [False, True], ids=["standard", "high-contrast"])
def test_each_tile_shows_its_number_a_shape_and_a_colour_of_its_own(high_contrast):
    app = new(high_contrast=high_contrast)
    theme = app.theme
    drawn = Drawn(app)
    q = choice_question(app)
    scene = show(app, [q])
    frame = drawn.frame()
    surface = picture(scene)
    shapes, fills = [], []
    for i, choice in enumerate(q.choices):
        tile = scene.widgets()[choice]
        number = [rect for words, _, rect, _ in frame if words == str(i + 1)
                  and tile.contains(rect)]
        label = [rect for words, _, rect, _ in frame if words == choice and tile.contains(rect)]
        assert number and label, choice      # its key's number and its words, on the tile
        # Between the number and the words: the shape, in the tile's ink.
        between = pygame.Rect(number[0].right, tile.top, label[0].left - number[0].right,
                              tile.height)
        mask = pygame.mask.from_threshold(surface.subsurface(between), theme.on_tile,
                                          (1, 1, 1, 255)).connected_component()
        [box] = mask.get_bounding_rects()
        shapes.append(tuple(mask.get_at((x, y)) for x in range(box.left, box.right)
                            for y in range(box.top, box.bottom)))
        fills.append(surface.get_at((tile.right - 2, tile.centery))[:3])   # inside any ring
    assert len(set(shapes)) == len(q.choices), "two tiles share a shape"
    assert fills == list(theme.tiles[:len(q.choices)])
    pygame.quit()


def test_hovering_lifts_a_tile_and_pressing_holds_it_down():
    app = new()
    theme = app.theme
    q = choice_question(app)
    scene = show(app, [q], RoundSetup(count=5, confidence=True))
    tiles = [scene.widgets()[choice] for choice in q.choices]
    move(app, (1, 1))           # where the pointer is first seen: no motion yet
    before = picture(scene)
    move(app, tiles[2].center)
    hovered = picture(scene)
    assert scene.menu.focus == 2        # the pointer's tile is the one Enter gives
    for i, tile in enumerate(tiles):
        changed = any(before.get_at(p) != hovered.get_at(p)
                      for p in ((x, y) for x in range(tile.left, tile.right, 3)
                                for y in range(tile.top, tile.bottom)))
        assert changed == (i in (0, 2)), i   # 2 lifted; 0 no longer has the focus
    # Pressed: held down in a darker fill, while "how sure?" is asked over it.
    key(app, pygame.K_2)
    assert isinstance(app.scene, ConfidenceScene)
    held = picture(scene)
    assert pixels(held, tiles[1], pressed(theme.tiles[1])) > tiles[1].width * tiles[1].height // 2
    assert pixels(held, tiles[1], theme.tiles[1]) == 0
    assert pixels(held, tiles[0], theme.tiles[0]) > 0
    key(app, pygame.K_ESCAPE)           # "Change my answer": up again
    assert app.scene is scene
    assert pixels(picture(scene), tiles[1], theme.tiles[1]) > 0
    pygame.quit()


def test_the_keyboards_focus_is_ringed_on_any_tile():
    app = new()
    q = choice_question(app)
    scene = show(app, [q])
    tiles = [scene.widgets()[choice] for choice in q.choices]

    def ringed(surface, tile):      # the tile's ink down its right edge, where no words go
        edge = pygame.Rect(tile.right - tile.height // 3, tile.top, tile.height // 3,
                           tile.height)
        return pixels(surface, edge, app.theme.on_tile) > 0

    for focus in range(len(tiles)):
        surface = picture(scene)
        assert [ringed(surface, tile) for tile in tiles] == [i == focus for i in range(4)]
        key(app, pygame.K_DOWN)
    pygame.quit()


# --- the dots and the flame ---------------------------------------------------------------

def round_of_kinds(app):
    """Opinion words (answered partly right), then fact or opinion (right), who is the
    source (wrong), and two more."""
    questions = generate(app.loaded.bank)
    by = {skill: next(q for q in questions if q.skill == skill)
          for skill in ("opinion_words", "fact_or_opinion", "who_is_source", "source_kind")}
    return [by["opinion_words"], by["fact_or_opinion"], by["who_is_source"],
            by["source_kind"], by["source_kind"]]


def test_the_dots_show_the_engines_verdicts_as_the_round_goes():
    app = new()
    theme = app.theme
    scene = show(app, round_of_kinds(app))
    for verdict in ("partly", "right", "wrong"):
        answer(app, given=_given(scene.question, verdict))
        key(app, pygame.K_RETURN)           # the feedback seen: the next question
        assert app.scene is scene
    answers = scene.state.answers
    dots = scene.progress().dots
    assert [d.mark for d in dots] == [a.verdict.value for a in answers] + [None, None]
    assert [d.mark for d in dots[:3]] == ["partly", "right", "wrong"]
    assert [d.current for d in dots] == [False, False, False, True, False]
    surface = picture(scene)
    for dot in dots:    # each drawn: its verdict's icon in its colour, or hollow
        assert pixels(surface, dot.rect, getattr(theme, dot.mark or "muted")) > 0, dot
    ring = dots[3].rect.inflate(dots[3].rect.width // 2, dots[3].rect.height // 2)
    assert pixels(surface, ring, theme.accent) > 0        # the question on screen, ringed
    pygame.quit()


def test_a_hot_seat_shows_the_dots_of_the_seat_playing():
    app = new()
    scene = show(app, round_of_kinds(app), names=("Ana", "Ben"))
    answer(app, given=_given(scene.question, "right"))      # Ana's first: her feedback
    assert [d.mark for d in scene.progress().dots][:1] == ["right"]
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)           # the handover to Ben
    assert app.scene is scene and scene.seat.name == "Ben"
    assert [d.mark for d in scene.progress().dots] == [None] * 5
    assert scene.progress().dots[0].current
    pygame.quit()


def header_words(drawn, scene) -> list[pygame.Rect]:
    top = scene.layout().lay.content().top + scene.layout().header_h
    return [rect for _, _, rect, _ in drawn.frame() if rect.top < top]


@pytest.mark.parametrize("text_size", ["standard", "large", "largest", "projector"])
@pytest.mark.parametrize("count", [10, 30])
def test_the_dots_never_overlap_the_top_bars_words(text_size, count):
    """At the smallest window and with a long name: the dots fit between the words,
    smaller if need be, or give way to them."""
    app = new(size=(960, 540), text_size=text_size)
    drawn = Drawn(app)
    questions = (round_of_kinds(app) * 6)[:count]
    for names in (("Ana",), ("Team with a rather long name", "Sam")):
        scene = show(app, questions, RoundSetup(count=count, timer_seconds=30), names)
        words = header_words(drawn, scene)
        assert len(words) >= 2
        dots = scene.progress().dots
        assert len(dots) in (0, count)
        c = scene.layout().lay.content()
        for dot in dots:
            assert c.contains(dot.rect)
            assert not any(dot.rect.inflate(4, 4).colliderect(w) for w in words), dot
        del app.stack[1:]
    pygame.quit()


def test_the_dots_show_at_the_usual_sizes():
    for size in ((1280, 720), (1920, 1080)):
        for text_size in ("standard", "projector"):
            app = new(size=size, text_size=text_size)
            scene = show(app, round_of_kinds(app) * 2, RoundSetup(count=10))
            assert len(scene.progress().dots) == 10, (size, text_size)
            pygame.quit()


def test_a_streak_of_two_lights_the_flame_beside_it():
    app = new()
    drawn = Drawn(app)
    scene = show(app, round_of_kinds(app)[1:] + round_of_kinds(app)[1:2])
    assert scene.progress().flame is None
    for streak in (1, 2):
        answer(app, given=_given(scene.question, "right"))
        key(app, pygame.K_RETURN)
        assert scene.state.streak == streak
        assert (scene.progress().flame is not None) == (streak >= 2)
    flame = scene.progress().flame
    run_frames(app, 60)     # the score has counted up
    assert pixels(picture(scene), flame, app.theme.partly) > flame.width * flame.height // 4
    streak = [rect for words, _, rect, _ in drawn.frame() if "Streak 2" in words]
    assert streak and streak[0].right <= flame.left and not streak[0].colliderect(flame)
    answer(app, given=_given(scene.question, "wrong"))
    key(app, pygame.K_RETURN)
    assert scene.progress().flame is None       # the streak is broken
    pygame.quit()
