"""Text never overflows its box, unchanged text is not rendered again, and the rendered text
kept stays within a budget of bytes whatever sizes the window goes through."""
import pygame
import pytest

from conftest import ROOT
from game.bank import load_bank
from game.scenes.howto import HowToScene
from game.ui.lru import LRU
from game.ui.text import Text, weight, wrap
from pilot import key, new_app, resize


@pytest.fixture(scope="module")
def text():
    pygame.font.init()
    return Text()


@pytest.fixture(scope="module")
def sentences():
    bank = load_bank([ROOT / "questions"]).bank
    return [s.text for s in bank.statements] + [s.explanation for s in bank.statements]


@pytest.mark.parametrize("size,width", [(18, 300), (28, 560), (40, 900), (64, 200)])
def test_wrapped_lines_fit_their_width_and_keep_every_word(text, sentences, size, width):
    font = text.font("regular", size)
    for sentence in sentences:
        lines = wrap(sentence, font, width)
        assert all(font.size(line)[0] <= width for line in lines), sentence
        assert "".join(lines).replace(" ", "") == sentence.replace(" ", "")


def test_block_stays_inside_its_width(text, sentences):
    for sentence in sentences[:40]:
        surface = text.block(sentence, 30, (0, 0, 0), 420)
        assert surface.get_width() <= 420


def test_fit_picks_a_size_whose_block_fits_the_box(text, sentences):
    longest = max(sentences, key=len)
    size = text.fit(longest, 600, 180, range(14, 49, 2))
    assert text.block(longest, size, (0, 0, 0), 600).get_height() <= 180
    assert text.fit("Short.", 600, 180, range(14, 49, 2)) == 48


def test_the_same_text_is_rendered_once(text):
    before = text.renders
    first = text.block("“Quid Pro Quo” — a judgment", 26, (10, 10, 10), 500)
    again = text.block("“Quid Pro Quo” — a judgment", 26, (10, 10, 10), 500)
    assert first is again and text.renders == before + 1


def test_the_least_recently_used_goes_first_once_the_bytes_pass_the_budget():
    held = LRU(100, weigh=len)
    held.put("a", "x" * 40)
    held.put("b", "x" * 40)
    held.get("a")                   # a is on screen again: b is now the oldest
    held.put("c", "x" * 40)
    assert held.get("b") is None and held.get("a") and held.get("c") and held.total == 80


def test_many_window_sizes_keep_text_within_its_budget_and_quiet_frames_quiet(tmp_path,
                                                                              monkeypatch):
    """Every window size renders its own blocks: kept by count of keys, resizing for a while
    held hundreds of megabytes (575 MB by the end of the 20,000-event monkey test)."""
    app = new_app(data_dir=tmp_path / "churned")
    rendered = []
    keep = app.text._keep
    monkeypatch.setattr(app.text, "_keep", lambda key, s: rendered.append(weight(s)) or
                        keep(key, s))
    app.push(HowToScene(app))
    app.step()
    for n in range(40):
        resize(app, (960 + n * 19, 540 + n * 11))
        key(app, pygame.K_END)     # the end of the document too: rendered as it comes into view
        held = sum(weight(s) for s in app.text._blocks.values())
        assert held == app.text.cached_bytes() <= 32 * 2**20
    assert sum(rendered) > 2 * app.text.budget_now()     # so some blocks were let go
    key(app, pygame.K_HOME)
    before = app.text.renders
    for _ in range(3):
        app.step()
    assert app.text.renders == before
    drawn, size = pygame.image.tobytes(app.screen, "RGB"), app.size()

    fresh = new_app(size=size, data_dir=tmp_path / "fresh")    # nothing let go yet
    fresh.push(HowToScene(fresh))
    fresh.step()
    assert pygame.image.tobytes(fresh.screen, "RGB") == drawn
    pygame.quit()
