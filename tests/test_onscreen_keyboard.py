"""A player with only a mouse or a touch screen types a name (issue 13 §2): the name boxes
have a "Keyboard" button, and a click on the box opens the on-screen keyboard too; its keys
are buttons that type as a keyboard does, it never covers the box, and the platform's text
input goes on working beside it. Driven through the real loop by clicks on what it shows."""
import pygame
import pytest

from pilot import answer, click, click_on, compose, key, resize, type_text, widget
from game.scenes.lineup import PlayersScene
from game.scenes.name import NameScene
from game.scenes.question import QuestionScene


@pytest.fixture
def app(classroom_app):
    return classroom_app


def keys(app) -> dict:
    return {id[1]: rect for id, rect in app.scene.widgets().items()
            if isinstance(id, tuple) and id[0] == "key"}


def press(app, letters: str) -> None:
    for letter in letters:
        click_on(app, ("key", letter))


def test_typing_ana_by_clicks_gives_the_name_ana(app):
    app.results.player("Ben")           # a known name, listed under the box
    key(app, pygame.K_RETURN)           # Play
    click_on(app, "solo")
    assert isinstance(app.scene, NameScene) and keys(app) == {}
    click_on(app, "Keyboard")
    press(app, "ana")                   # the first letter a capital, as names start
    assert app.scene.field.text == "Ana"
    click_on(app, ("key", "done"))
    assert keys(app) == {} and app.scene.field.text == "Ana"
    click_on(app, "Start")
    assert isinstance(app.scene, QuestionScene)
    answer(app)
    assert [r.player for r in app.results.rounds()] == ["Ana"]


def test_erase_space_shift_and_enter(app):
    key(app, pygame.K_RETURN)
    click_on(app, "solo")
    click_on(app, "Keyboard")
    press(app, "zox")
    click_on(app, ("key", "erase"))
    press(app, "e")
    click_on(app, ("key", "space"))     # the next part of a name starts with a capital too
    press(app, "o'b")
    click_on(app, ("key", "shift"))
    click_on(app, ("key", "shift"))     # Shift on and off again: lower case
    press(app, "r")
    click_on(app, ("key", "shift"))     # Shift: one capital
    press(app, "ien")
    assert app.scene.field.text == "Zoe O'brIen"
    click_on(app, ("key", "enter"))     # Enter, as on a keyboard: the round starts
    assert isinstance(app.scene, QuestionScene)
    answer(app)
    assert app.results.rounds()[0].player == "Zoe O'brIen"


def test_a_click_on_the_box_opens_it_and_it_never_covers_the_box(app):
    for size in [(960, 540), (1280, 720), (1920, 1080)]:
        resize(app, size)
        for text_size in ("standard", "largest"):
            app.settings.text_size = text_size
            for scene in (NameScene(app), PlayersScene(app)):
                app.push(scene)
                app.step()
                button = widget(app, "Keyboard")
                click(app, (button.left - 30, button.centery))     # in the box, beside it
                shown = keys(app)
                assert len(shown) > 40, (size, text_size, type(scene).__name__)
                window = app.screen.get_rect()
                for rect in shown.values():
                    assert rect.top > button.bottom and window.contains(rect)
                    assert rect.height >= 24 and rect.width >= 24     # a finger can hit it
                app.pop()


def test_the_hot_seat_adds_names_by_its_enter_key(app):
    key(app, pygame.K_RETURN)
    click_on(app, "hotseat")
    assert isinstance(app.scene, PlayersScene)
    click_on(app, "Keyboard")
    press(app, "ana")
    click_on(app, ("key", "enter"))
    press(app, "ben")
    click_on(app, ("key", "enter"))
    assert app.scene.names == ["Ana", "Ben"]


def test_the_platforms_text_input_still_types_with_it_open(app):
    key(app, pygame.K_RETURN)
    click_on(app, "solo")
    click_on(app, "Keyboard")
    press(app, "a")
    compose(app, "n")                   # an input method composing
    type_text(app, "ñ")                 # and committing
    type_text(app, "a")
    assert app.scene.field.text == "Aña"
    click_on(app, "Keyboard")           # the button closes it again
    assert keys(app) == {}
