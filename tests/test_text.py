"""Text never overflows its box, and unchanged text is not rendered again."""
import pygame
import pytest

from conftest import ROOT
from game.bank import load_bank
from game.ui.text import Text, wrap


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
