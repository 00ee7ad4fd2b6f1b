"""Whole rounds through the real event loop, headless."""
import pygame
import pytest

from pilot import answer, click, click_on, key, new_app, resize
from game.scenes.feedback import FeedbackScene
from game.scenes.question import QuestionScene
from game.scenes.review import ReviewScene
from game.scenes.round_end import ResultsScene
from game.scenes.title import TitleScene


@pytest.fixture
def app():
    app = new_app(seed=3)
    yield app
    pygame.quit()


def test_a_full_round_by_keyboard(app):
    assert isinstance(app.scene, TitleScene)
    key(app, pygame.K_RETURN)                       # Play
    key(app, pygame.K_RETURN)                       # one player
    key(app, pygame.K_RETURN)                       # as Player 1
    assert isinstance(app.scene, QuestionScene)
    total = len(app.scene.state.questions)
    for n in range(total):
        answer(app)
        assert isinstance(app.scene, FeedbackScene) and app.scene.answer.correct
        key(app, pygame.K_RETURN)
    assert isinstance(app.scene, ResultsScene)
    state = app.scene.state
    assert len(state.answers) == total and all(a.correct for a in state.answers)
    assert state.score >= 100 * total
    key(app, pygame.K_RETURN)                       # Review answers has the focus
    assert isinstance(app.scene, ReviewScene)
    key(app, pygame.K_PAGEDOWN)
    assert app.scene.scroll.offset > 0
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, ResultsScene)
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RETURN)                       # Back to title
    assert isinstance(app.scene, TitleScene)


def test_a_full_round_by_mouse(app):
    click_on(app, "Play")
    click_on(app, "solo")                           # one player
    click_on(app, "Start")                          # as Player 1
    assert isinstance(app.scene, QuestionScene)
    while isinstance(app.scene, QuestionScene):
        q = app.scene.question
        if q.skill == "opinion_words":
            answer(app, given={min(q.cue_words)}, by="mouse")     # one word, then Done
        else:
            answer(app, right=False, by="mouse")
            assert not app.scene.answer.correct
        click(app, (10, app.size()[1] - 10))        # anywhere continues
    assert isinstance(app.scene, ResultsScene)
    click_on(app, "Play again")
    assert isinstance(app.scene, QuestionScene)


def test_fact_and_opinion_keys(app):
    key(app, pygame.K_RETURN)                       # Play
    key(app, pygame.K_RETURN)                       # one player
    key(app, pygame.K_RETURN)                       # as Player 1
    while app.scene.question.skill != "fact_or_opinion":
        answer(app)
        key(app, pygame.K_RETURN)
    right = pygame.K_f if app.scene.question.answer == 0 else pygame.K_o
    key(app, right)
    assert app.scene.answer.correct


def test_resize_in_the_middle_of_a_question(app):
    key(app, pygame.K_RETURN)                       # Play
    key(app, pygame.K_RETURN)                       # one player
    key(app, pygame.K_RETURN)                       # as Player 1
    question = app.scene.question
    resize(app, (960, 540))
    assert app.size() == (960, 540)
    assert app.scene.question is question
    for rect in app.scene.widgets().values():
        assert app.screen.get_rect().contains(rect)
    answer(app)
    assert app.scene.answer.correct


def test_a_quiet_frame_renders_no_new_text(app):
    key(app, pygame.K_RETURN)                       # Play
    key(app, pygame.K_RETURN)                       # one player
    key(app, pygame.K_RETURN)                       # as Player 1
    app.step()
    before = app.text.renders
    for _ in range(5):
        app.step()
    assert app.text.renders == before


def test_escape_from_title_quits_once_asked(app):
    key(app, pygame.K_ESCAPE)
    assert app.running                              # "Quit Byline?"
    key(app, pygame.K_RETURN)
    assert not app.running


def test_shots_renders_every_screen_at_both_sizes(tmp_path):
    from game.tools.shots import shoot
    paths = shoot(tmp_path)
    names = {p.name for p in paths}
    for size in ("1280x720", "960x540"):
        for screen in ("title", "setup", "howto", "settings", "context", "confidence",
                       "results", "review", "review-scrolled", "title-skipped-file", "mode",
                       "players", "question-hot-seat", "reveal", "reveal-record",
                       "reveal-record-end", "reveal-record-8-seats", "handover", "podium",
                       "progress", "class-results", "unsaved-question", "unsaved-feedback",
                       "unsaved-results", "unsaved-save", "quit", "name-typed", "leave",
                       "discuss", "discuss-hands", "players-ticked", "problems",
                       "settings-no-file-manager"):
            assert f"{screen}-{size}.png" in names
        assert sum(n.startswith("question-") and size in n for n in names) == 7
        assert any(n.startswith("feedback-wrong") and size in n for n in names)
        assert any(n.startswith("feedback-right") and size in n for n in names)
        assert any(n.startswith("feedback-partly") and size in n for n in names)
    assert all(p.stat().st_size > 1000 for p in paths)


def test_feedback_takes_enter_on_its_first_frame_and_plays_a_sound(app, monkeypatch):
    played = []
    monkeypatch.setattr(app.sounds, "play", played.append)
    key(app, pygame.K_RETURN)                       # Play
    key(app, pygame.K_RETURN)                       # one player
    key(app, pygame.K_RETURN)                       # as Player 1
    first = app.scene.question
    answer(app)
    assert isinstance(app.scene, FeedbackScene) and app.scene.moving
    key(app, pygame.K_RETURN)                # the panel is still rising: Enter works
    assert isinstance(app.scene, QuestionScene) and app.scene.question is not first
    assert played == ["right"]


def test_autoplay_plays_a_round_headless(tmp_path):
    import subprocess
    import sys
    from conftest import ROOT
    done = subprocess.run([sys.executable, str(ROOT / "run.py"), "autoplay", "--seed", "7",
                           "--data-dir", str(tmp_path), "--delay", "0.01"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("autoplay seed 7: 10 questions, ")
    again = subprocess.run([sys.executable, str(ROOT / "run.py"), "autoplay", "--seed", "7",
                            "--data-dir", str(tmp_path)], capture_output=True, text=True,
                           timeout=120)
    assert again.stdout.split(" frames")[0].rsplit(",", 1)[0] == lines[0].rsplit(",", 1)[0]


def test_long_prompts_and_choices_never_overlap(app):
    """Every hand-written question, the longest prompts, laid out at the smallest window."""
    from game.quiz.state import RoundState
    from game.quiz.questions import generate
    from game.quiz.round import RoundSetup
    resize(app, (960, 540))
    hand = [q for q in generate(app.loaded.bank) if q.skill == "hand_written"]
    scene = QuestionScene(app, RoundState(RoundSetup(count=len(hand)), hand))
    app.push(scene)
    app.step()
    for q in hand:
        layout = scene.layout()
        prompt = app.text.block(q.prompt, layout.prompt_size, (0, 0, 0),
                                layout.lay.content().width, style="bold")
        assert layout.prompt_top + prompt.get_height() <= scene.menu.rects[0].top
        assert scene.menu.rects[-1].bottom <= app.size()[1]
        answer(app)
        app.pop()
        app.step()


def test_quiet_frames_on_feedback_and_results_do_no_text_work(app, monkeypatch):
    import game.ui.text as text_module
    calls = []
    real_wrap = text_module.wrap
    monkeypatch.setattr(text_module, "wrap", lambda *a: calls.append(a) or real_wrap(*a))
    key(app, pygame.K_RETURN)                       # Play
    key(app, pygame.K_RETURN)                       # one player
    key(app, pygame.K_RETURN)                       # as Player 1
    for _ in range(len(app.scene.state.questions)):
        answer(app)
        for _ in range(60):      # a second for the panel to rise and the score to count up
            app.step()
        calls.clear()
        before = app.text.renders
        for _ in range(3):
            app.step()
        assert calls == [] and app.text.renders == before, type(app.scene).__name__
        key(app, pygame.K_RETURN)
    assert isinstance(app.scene, ResultsScene)
    for _ in range(60):
        app.step()
    calls.clear()
    app.step()
    assert calls == []


@pytest.mark.parametrize("text_size", ["standard", "largest"])
def test_every_question_fits_the_smallest_window(text_size, tmp_path):
    """Every question the bank makes, at 960×540: the quote (or the article) above or
    beside the prompt and answers, never over them; the prompt above the answers, the
    answers above the key hints, nothing outside the window."""
    from game.quiz.state import RoundState
    from game.quiz.questions import generate
    from game.quiz.round import RoundSetup
    app = new_app(size=(960, 540), data_dir=tmp_path)
    app.settings.text_size = text_size
    window = app.screen.get_rect()
    for q in generate(app.loaded.bank):
        scene = QuestionScene(app, RoundState(RoundSetup(count=5), [q]))
        app.push(scene)
        app.step()
        p = scene.layout()
        # The answers; "C: sentences around it", "Done" and "Leave" are on the hints' row.
        on_row = ("context", "Done", "Leave")
        rects = [r for id, r in scene.widgets().items() if id not in on_row]
        row = [r for id, r in scene.widgets().items() if id in on_row]
        hint_top = p.hint_top
        lowest = max(r.bottom for r in rects)
        assert all(window.contains(b) and b.left >= p.lay.content().left + p.hint_w
                   and b.top >= lowest for b in row), q.id
        assert not p.quote_box.colliderect(p.prompt_box), q.id
        assert p.quote_box.collidelist(rects) == -1, q.id
        assert p.prompt_box.bottom <= min(r.top for r in rects), q.id
        assert p.area.top <= min(r.top for r in rects), q.id
        assert max(r.bottom for r in rects) <= hint_top, q.id
        assert all(window.contains(r) for r in rects), q.id
        app.pop()
        app.step()
    pygame.quit()
