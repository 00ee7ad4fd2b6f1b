""""C: sentences around it" (issue 13 §3): the sentences are set at the body size of the
chosen text size, never smaller, and what does not fit scrolls. Driven through the real
loop, measured by what is drawn."""
import pygame
import pytest

from pilot import Drawn, click_on, key, new_app, readable, scroll_through, seen, wheel
from game.quiz.questions import generate
from game.quiz.round import RoundSetup
from game.quiz.state import RoundState
from game.scenes.overlays import ContextScene
from game.scenes.question import QuestionScene
from game.ui.layout import TEXT


def longest_context(app):
    """The question whose sentences around it say the most."""
    bank = app.loaded.bank
    statements = {s.id: s for s in bank.statements}
    asked = [q for q in generate(bank) if q.statement and q.skill == "fact_or_opinion"]
    return max(asked, key=lambda q: len(ContextScene(app, statements[q.statement]).body))


@pytest.mark.parametrize("size,text_size", [((960, 540), "largest"), ((960, 540), "projector"),
                                            ((1280, 720), "largest"), ((1920, 1080), "large")])
def test_the_sentences_around_it_scroll_at_the_body_size(size, text_size):
    app = new_app(size=size, seed=5)
    if text_size == "projector":
        app.settings.projector = True
    else:
        app.settings.text_size = text_size
    q = longest_context(app)
    app.push(QuestionScene(app, RoundState(RoundSetup(count=5), [q])))
    app.step()
    drawn = Drawn(app)
    key(app, pygame.K_c)
    scene = app.scene
    assert isinstance(scene, ContextScene)
    frames = scroll_through(app, drawn)
    body = app.layout().font(TEXT.body)
    assert seen(frames, scene.body)[0] == {body}        # never shrunk to fit
    assert readable(frames, scene.body)                 # every line, on screen or scrolled to
    if size == (960, 540):      # too long for the panel at this size: it scrolled
        assert scene.scroll.max_offset > 0
        key(app, pygame.K_HOME)
        top = next(rect.top for text, _, rect, _ in drawn.frame() if text == scene.body)
        wheel(app, -2)
        assert next(rect.top for text, _, rect, _ in drawn.frame()
                    if text == scene.body) < top
        assert any("More below" in text for frame in frames[:1] for text, *_ in frame)
    click_on(app, "Close")
    assert isinstance(app.scene, QuestionScene)
    pygame.quit()
