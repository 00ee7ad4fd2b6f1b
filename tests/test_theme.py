"""Both themes pass WCAG AA for every pairing of text and what it is drawn on."""
import pytest

from game.ui.theme import THEMES, contrast, pressed


def test_contrast_formula_matches_known_values():
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_every_text_colour_passes_aa(theme):
    pairs = [(fg, bg) for fg in ("text", "muted", "right", "partly", "wrong", "accent")
             for bg in ("background", "panel", "paper")]
    pairs += [("on_accent", "accent"), ("on_cue", "cue")]
    for fg, bg in pairs:
        ratio = contrast(getattr(theme, fg), getattr(theme, bg))
        assert ratio >= 4.5, (theme.name, fg, bg, round(ratio, 2))


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_answer_tiles_are_readable_and_distinct(theme):
    """Each tile's label, number and shape on its fill, held down or not; and the tiles
    apart from each other (four, one per choice of most questions)."""
    assert len(set(theme.tiles)) == len(theme.tiles) >= 4
    for fill in theme.tiles:
        for shown in (fill, pressed(fill)):
            ratio = contrast(theme.on_tile, shown)
            assert ratio >= 4.5, (theme.name, shown, round(ratio, 2))
