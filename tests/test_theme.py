"""Both themes pass WCAG AA for every pairing of text and what it is drawn on."""
import pytest

from game.ui.theme import THEMES, contrast


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
