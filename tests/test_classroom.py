"""Classroom play on one screen: hot seat and whole class, through the real loop."""
import pygame
import pytest

from game.scenes.hotseat import HandoverScene, PodiumScene, RevealScene
from game.scenes.lineup import ModeScene, PlayersScene
from game.scenes.name import NameScene
from game.scenes.question import QuestionScene
from game.scenes.review import ReviewScene
from game.scenes.round_end import ResultsScene
from game.scenes.title import TitleScene
from game.scenes.hotseat import HandoverScene, PodiumScene, RevealScene
from pilot import answer, click_on, key, new_app, type_text


@pytest.fixture
def app(classroom_app):
    return classroom_app


def open_hot_seat(app, extra=("Zoë O'Brien, Jr.",)):
    key(app, pygame.K_RETURN)                       # Play
    assert isinstance(app.scene, ModeScene)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)                       # Hot seat
    assert isinstance(app.scene, PlayersScene)
    assert app.scene.names == []                    # no made-up seats to delete first
    for name in ("Team 1", "Team 2", *extra):
        type_text(app, name)
        key(app, pygame.K_RETURN)


def test_three_players_take_turns_on_the_same_questions(app):
    open_hot_seat(app)
    key(app, pygame.K_RETURN)                       # Start
    assert isinstance(app.scene, QuestionScene)
    turns = app.scene.turns
    assert [s.name for s in turns.seats] == ["Team 1", "Team 2", "Zoë O'Brien, Jr."]
    questions = [q.id for q in turns.seats[0].state.questions]
    assert all([q.id for q in s.state.questions] == questions for s in turns.seats)
    seen_boards = 0
    for n in range(5):
        for i, seat in enumerate(turns.seats):
            assert isinstance(app.scene, QuestionScene) and turns.seat is seat
            assert app.scene.question.id == questions[n]
            answer(app, right=(i == 0 or n % 2 == 0))   # Team 1 always right
            if i < 2:
                # No feedback yet, so the next seat cannot copy: straight to the handover.
                assert isinstance(app.scene, HandoverScene)
                assert app.scene.turns.seat.name == turns.seats[i + 1].name
                key(app, pygame.K_RETURN)
        assert isinstance(app.scene, RevealScene)   # every seat has answered: the answer
        assert [v == "right" for v, _ in app.scene.rows()] == [True, n % 2 == 0, n % 2 == 0]
        key(app, pygame.K_RETURN)
        if n < 4:
            assert isinstance(app.scene, HandoverScene) and app.scene.board
            seen_boards += 1
            key(app, pygame.K_RETURN)
    assert seen_boards == 4
    assert isinstance(app.scene, PodiumScene)
    places = [(place, seat.name) for place, seat in turns.standings()]
    assert places[0] == (1, "Team 1")
    assert places[1][0] == places[2][0] == 2          # equal scores share a place
    rows = app.results.rounds()
    assert [(r.player, r.mode, r.answers, r.unfinished) for r in rows] == [
        ("Team 1", "hotseat", 5, False), ("Team 2", "hotseat", 5, False),
        ("Zoë O'Brien, Jr.", "hotseat", 5, False)]
    assert rows[0].score == turns.seats[0].state.score
    key(app, pygame.K_RETURN)                       # Review answers
    review = app.scene
    assert isinstance(review, ReviewScene)
    items = review.items()
    marks = [payload[1] for kind, payload in items if kind == "mark"]
    assert len(marks) == 15 and marks[0].startswith("Team 1: Right")
    assert sum(1 for kind, _ in items if kind == "quote") <= 5      # each question once
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, TitleScene)


def test_own_questions_get_feedback_at_once_and_differ(app):
    open_hot_seat(app, extra=())
    click_on(app, "same")                           # each their own
    assert not app.scene.lineup().same
    click_on(app, "start")
    turns = app.scene.turns
    first, second = ([q.statement for q in s.state.questions] for s in turns.seats)
    assert not set(first) & set(second)
    answer(app, right=True)
    assert type(app.scene).__name__ == "FeedbackScene"
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, HandoverScene) and not app.scene.board
    key(app, pygame.K_RETURN)
    answer(app, right=False)
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, HandoverScene) and app.scene.board   # both have played
    again = new_app(seed=3, data_dir=app.data_dir)  # the line-up is remembered
    assert again.settings.hot_seat == ["Team 1", "Team 2"]
    assert again.settings.same_questions is False


def test_players_screen_keeps_two_to_eight_distinct_names(app):
    open_hot_seat(app, extra=("team 1",))
    assert app.scene.names == ["Team 1", "Team 2"] and "already" in app.scene.message
    for _ in range(len("team 1")):
        key(app, pygame.K_BACKSPACE)
    for n in range(3, 10):
        type_text(app, f"Team {n}")
        key(app, pygame.K_RETURN)
    assert len(app.scene.names) == 8 and "at most 8" in app.scene.message
    click_on(app, ("seat", 0))                      # out, but still in its place
    assert app.scene.names[0] == "Team 2" and app.scene.seats[0] == ["Team 1", False]
    click_on(app, ("seat", 0))                      # the same click again: back in
    assert len(app.scene.names) == 8 and app.scene.names[0] == "Team 1"
    for i in range(8):
        click_on(app, ("seat", i))                  # all out
    assert app.scene.names == [] and len(app.scene.seats) == 8
    for _ in range(len("Team 9")):
        key(app, pygame.K_BACKSPACE)                # the ninth name was never added
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, PlayersScene) and "at least 2" in app.scene.message


def test_hidden_scores_show_only_at_the_podium(app):
    app.settings.round = {"count": 5, "show_scores": False}
    open_hot_seat(app, extra=())
    key(app, pygame.K_RETURN)
    hud = []
    real = app.text.block
    app.text.block = lambda text, *a, **k: hud.append(text) or real(text, *a, **k)
    app.step()
    assert not any("Score" in t for t in hud)
    app.text.block = real
    for _ in range(5):
        for _ in range(2):
            answer(app, right=True)
            key(app, pygame.K_RETURN)
        if not isinstance(app.scene, PodiumScene):
            assert isinstance(app.scene, HandoverScene) and not app.scene.board
            key(app, pygame.K_RETURN)
    assert isinstance(app.scene, PodiumScene)
    first = [q.id for q in app.scene.turns.seats[0].state.questions]
    click_on(app, "Play again")                     # the same seats, new questions
    again = app.scene.turns
    assert isinstance(app.scene, QuestionScene) and [s.name for s in again.seats] == [
        "Team 1", "Team 2"] and again.mode == "hotseat" and not again.seats[0].state.answers
    assert [q.id for q in again.seats[0].state.questions] != first


def test_whole_class_answers_under_the_class_name(app):
    key(app, pygame.K_RETURN)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)                       # Whole class
    assert isinstance(app.scene, NameScene) and app.scene.name == "Whole class"
    type_text(app, "9B")
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, QuestionScene) and app.scene.turns.mode == "class"
    for _ in range(5):
        answer(app, right=True)
        key(app, pygame.K_RETURN)                   # the teacher reveals the answer
        key(app, pygame.K_RETURN)
    assert isinstance(app.scene, ResultsScene)
    [row] = app.results.rounds()
    assert (row.player, row.mode, row.answers, row.unfinished) == ("9B", "class", 5, False)
    assert app.settings.class_name == "9B" and app.settings.player == "Player 1"
    click_on(app, "Play again")                     # the same class
    assert app.scene.turns.seats[0].name == "9B"


def play_solo_round(app, name, right_every):
    """A round of five through the title, the mode and name screens; every right_every-th
    answer right."""
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    for _ in range(40):
        key(app, pygame.K_BACKSPACE)
    type_text(app, name)
    key(app, pygame.K_RETURN)
    for i in range(5):
        answer(app, right=i % right_every == 0)
        key(app, pygame.K_RETURN)
    assert isinstance(app.scene, ResultsScene)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, TitleScene)


def open_from_title(app, item):
    for _ in range(TitleScene.ITEMS.index(item)):
        key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)


def test_progress_shows_each_players_rounds_and_switches_player(app):
    from game.scenes.progress import ProgressScene
    play_solo_round(app, "Ana", right_every=5)      # 1 of 5 right
    play_solo_round(app, "Ana", right_every=1)      # 5 of 5
    play_solo_round(app, "Ben", right_every=2)
    app.settings.player = "ana"
    open_from_title(app, "Progress")
    scene = app.scene
    assert isinstance(scene, ProgressScene) and scene.title == "Progress: Ana"
    items = scene.items()
    text = " ".join(str(p) for _, p in items)
    assert "2 round(s) played" in text and "Right: 6 of 10 (60%)" in text
    charts = [p for kind, p in items if kind == "columns"]
    skills = [c for c in charts if c[0] != "Lean"]
    assert skills and all(len(c[1]) == 2 for c in skills)
    # The second round was all right; in the first, four of five answers were wrong.
    assert all(second in (None, 1.0) for _, (first, second), *_ in skills)
    assert any(first == 0.0 for _, (first, second), *_ in skills)
    key(app, pygame.K_RIGHT)
    assert app.scene.title == "Progress: Ben"
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, TitleScene)


def test_class_results_chart_the_session_hardest_statement_first(app):
    from game.scenes.progress import ClassResultsScene
    open_hot_seat(app)
    key(app, pygame.K_RETURN)
    turns = app.scene.turns
    for n in range(5):
        for i in range(3):
            answer(app, right=n >= i)       # question 1: one seat right of three; later more
            key(app, pygame.K_RETURN)
        if n < 4:
            key(app, pygame.K_RETURN)       # the scores between turns
    assert isinstance(app.scene, PodiumScene)
    key(app, pygame.K_ESCAPE)
    open_from_title(app, "Class results")
    scene = app.scene
    assert isinstance(scene, ClassResultsScene)
    bars = [p for kind, p in scene.items() if kind == "bar"]
    assert len(bars) == 5
    shares = [share for _, share, _ in bars]
    assert shares == sorted(shares) and shares[0] == pytest.approx(1 / 3)
    first = turns.seats[0].state.questions[0]
    statement = next(s for s in app.loaded.bank.statements if s.id == first.statement)
    assert bars[0][0] == statement.text and bars[0][2].startswith("1 of 3 right")
    players = [p for kind, p in scene.items() if kind == "p"]
    assert any(p.startswith("Zoë O'Brien, Jr. (hot seat): 3 of 5") for p in players)


def test_projector_setting_means_largest_text_high_contrast_and_safe_margins(app):
    from game.scenes.settings_screen import SettingsScene
    plain = app.layout()
    open_from_title(app, "Settings")
    assert isinstance(app.scene, SettingsScene)
    click_on(app, "projector")
    projected = app.layout()
    assert app.settings.projector and app.theme.name == "high contrast"
    assert projected.scale == 1.3 and projected.margin >= 0.05 * projected.w > plain.margin
    again = new_app(data_dir=app.data_dir)
    assert again.settings.projector and again.layout().margin == projected.margin
