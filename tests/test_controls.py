"""Controls that never trap or surprise (issue 13 §2), through the real loop: Esc asks before
it leaves a round or quits, a pointer at rest takes no focus, name boxes edit as text boxes
do, seats are never removed by accident, round setup's arrows stay in their column and stop
at the ends, and a whole class talks an answer over before it is revealed."""
import pygame
import pytest

from pilot import answer, click_on, compose, key, move, new_app, start_round, type_text, widget
from game.scenes.confirm import ConfirmScene
from game.scenes.feedback import FeedbackScene
from game.scenes.hotseat import HandoverScene
from game.scenes.lineup import ModeScene
from game.scenes.question import QuestionScene
from game.scenes.title import TitleScene


@pytest.fixture
def app(classroom_app):
    return classroom_app


def words_on(scene) -> str:
    return f"{scene.question} {scene.detail}"


# -- Esc ------------------------------------------------------------------------------------

def test_esc_on_a_question_asks_and_esc_again_stays(app):
    start_round(app)
    question = app.scene
    first = question.question
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, ConfirmScene)
    assert "Leave this round?" in words_on(app.scene) and "saved" in words_on(app.scene)
    assert app.stack[-2] is question
    key(app, pygame.K_ESCAPE)                       # stay
    assert app.scene is question and question.question is first
    answer(app)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_RETURN)                       # leave
    assert isinstance(app.scene, TitleScene)
    [row] = app.results.rounds()
    assert row.unfinished and row.answers == 1      # the answer given is kept


def test_leaving_by_the_mouse(app):
    start_round(app)
    key(app, pygame.K_ESCAPE)
    click_on(app, "Stay")
    assert isinstance(app.scene, QuestionScene)
    key(app, pygame.K_ESCAPE)
    click_on(app, "Leave")
    assert isinstance(app.scene, TitleScene)


def test_esc_on_the_feedback_never_skips_ahead(app):
    start_round(app)
    question = app.scene
    answer(app)
    feedback = app.scene
    assert isinstance(feedback, FeedbackScene)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, ConfirmScene) and "Leave this round?" in words_on(app.scene)
    key(app, pygame.K_ESCAPE)                       # stay: the same feedback, still
    assert app.scene is feedback and len(question.state.answers) == 1
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_RETURN)                       # leave from the feedback
    assert isinstance(app.scene, TitleScene) and app.results.rounds()[0].unfinished


def hot_seat_round(app, names=("Ana", "Ben")):
    """A hot-seat round of five on the same questions, started from the title."""
    from game.quiz.round import RoundSetup
    setup = RoundSetup.from_plain({"count": 5, "seed": 3}, app.loaded.bank.articles)
    app.scene.start_round(setup, list(names), "hotseat")
    app.step()


def test_esc_between_hot_seat_turns_asks_too(app):
    hot_seat_round(app)
    answer(app)
    assert isinstance(app.scene, HandoverScene)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, ConfirmScene)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, HandoverScene)
    click_on(app, "Leave round")                    # a button for it too
    assert isinstance(app.scene, ConfirmScene)
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, TitleScene)


def test_esc_on_the_title_asks_before_quitting(app):
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, ConfirmScene) and "Quit" in words_on(app.scene)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, TitleScene) and app.running
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_RETURN)
    assert not app.running


# -- the pointer ----------------------------------------------------------------------------

def test_a_pointer_at_rest_takes_no_focus(app):
    title = app.scene
    over_settings = widget(app, "Settings").center
    move(app, over_settings)        # the window appears under the pointer: no hover yet
    assert title.menu.focus == 0
    key(app, pygame.K_DOWN)
    move(app, over_settings)        # reported again, not moved: the keyboard's focus stays
    assert title.menu.focus == 1
    key(app, pygame.K_RETURN)       # Progress opens under the pointer, and closes
    key(app, pygame.K_ESCAPE)
    move(app, over_settings)
    assert title.menu.focus == 1
    move(app, (over_settings[0] + 3, over_settings[1]))     # it moves: the focus follows
    assert title.menu.focus == TitleScene.ITEMS.index("Settings")


def test_a_screen_appearing_under_the_pointer_keeps_its_focus(app):
    play = widget(app, "Play")
    move(app, play.center)
    move(app, (play.centerx, play.top + 3))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1,
                                         pos=(play.centerx, play.top + 3)))
    app.step(pygame.event.get())
    mode = app.scene
    assert isinstance(mode, ModeScene) and mode.menu.focus == 0
    under = [id for id, rect in mode.widgets().items() if rect.collidepoint(play.centerx,
                                                                           play.top + 3)]
    assert under and under != ["solo"]      # another button is under the pointer
    move(app, (play.centerx, play.top + 3))     # what SDL reports as the new screen is drawn
    assert mode.menu.focus == 0


def test_a_window_coming_back_under_the_pointer_takes_no_focus(app):
    title = app.scene
    over_quit = widget(app, "Quit").center
    move(app, over_quit)
    move(app, (over_quit[0] + 1, over_quit[1]))
    assert title.menu.focus == TitleScene.ITEMS.index("Quit")
    key(app, pygame.K_UP)
    assert title.menu.focus != TitleScene.ITEMS.index("Quit")
    focus = title.menu.focus
    pygame.event.post(pygame.event.Event(pygame.WINDOWLEAVE))
    pygame.event.post(pygame.event.Event(pygame.WINDOWENTER))
    app.step(pygame.event.get())
    move(app, (over_quit[0] + 5, over_quit[1]))  # where the pointer is now: no move seen yet
    assert title.menu.focus == focus


# -- name boxes -----------------------------------------------------------------------------

def open_name_box(app):
    from game.scenes.name import NameScene
    key(app, pygame.K_RETURN)                       # Play
    key(app, pygame.K_RETURN)                       # one player
    assert isinstance(app.scene, NameScene)
    return app.scene


def test_the_last_name_is_offered_not_typed_and_enter_plays_it(app):
    app.settings.player = "Ana"
    box = open_name_box(app)
    assert box.field.text == ""                     # nothing pre-typed to erase
    assert box.menu.ids[0] == "Ana" and box.menu.focus == 0 and box.name == "Ana"
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, QuestionScene) and app.scene.seat.name == "Ana"


def test_typing_replaces_the_offer_and_a_name_picked_with_the_arrows(app):
    for name in ("Ana", "Ben"):
        app.results.start_round(name, {}, "solo")
    app.settings.player = "Ana"
    box = open_name_box(app)
    type_text(app, "Cy")
    assert (box.field.text, box.name) == ("Cy", "Cy") and box.menu.focus == -1
    key(app, pygame.K_BACKSPACE)
    key(app, pygame.K_BACKSPACE)
    assert box.name == "Ana"                        # an empty box: the offer again
    key(app, pygame.K_DOWN)                         # Ben, in the box and selected
    assert (box.field.text, box.field.selection) == ("Ben", (0, 3))
    type_text(app, "Dee")                           # replaces the selection
    assert box.name == "Dee"
    key(app, pygame.K_RETURN)
    assert app.scene.seat.name == "Dee"


def test_the_name_box_edits_as_text_boxes_do(app):
    box = open_name_box(app)
    type_text(app, "Zoe OBrien")
    key(app, pygame.K_HOME)
    key(app, pygame.K_DELETE)                       # "oe OBrien"
    type_text(app, "Z")
    key(app, pygame.K_END)
    for _ in range(5):
        key(app, pygame.K_LEFT)                     # before "Brien"
    type_text(app, "'")
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_BACKSPACE)                    # the "B" goes
    type_text(app, "B")
    assert box.field.text == "Zoe O'Brien"
    key(app, pygame.K_a, mod=pygame.KMOD_CTRL)      # select all; typing replaces it
    assert box.field.selection == (0, len("Zoe O'Brien"))
    type_text(app, "Sam")
    assert box.field.text == "Sam"
    key(app, pygame.K_a, mod=pygame.KMOD_LCTRL)
    key(app, pygame.K_BACKSPACE)
    assert box.field.text == "" and box.name == "Player 1"


def test_an_input_method_composes_then_commits(app):
    box = open_name_box(app)
    compose(app, "に")                             # composing: shown, not yet typed
    assert box.field.composing == "に" and box.field.text == ""
    type_text(app, "日本")                          # committed
    assert box.field.text == "日本" and box.field.composing == ""
    type_text(app, "x" * 60)
    assert len(box.field.text) == 40                # a name's length, whatever is typed
    key(app, pygame.K_RETURN)
    assert app.scene.seat.name == "日本" + "x" * 38


def test_the_name_box_has_a_back_button(app):
    open_name_box(app)
    click_on(app, "Back")
    assert isinstance(app.scene, ModeScene)


def test_classes_are_offered_apart_from_players(app):
    from game.scenes.name import NameScene
    app.results.start_round("Ana", {}, "solo")
    app.results.start_round("9B", {}, "class")
    app.results.start_round("Team Red", {}, "hotseat")
    box = open_name_box(app)
    assert "9B" not in box.menu.ids and {"Ana", "Team Red"} <= set(box.menu.ids)
    click_on(app, "Back")
    click_on(app, "class")
    assert isinstance(app.scene, NameScene) and app.scene.heading.startswith("Which class")
    assert app.scene.menu.ids == ["Whole class", "9B"]


def test_progress_lists_classes_apart_after_the_players(app):
    from conftest import play
    from game.scenes.progress import ProgressScene
    from game.quiz.round import RoundSetup, build_round
    questions = build_round(app.loaded.bank, RoundSetup(count=5, seed=2))
    for name in ("Ben", "Ana"):
        play(app.results, questions, name)
    round_id = app.results.start_round("9B", {"count": 5}, "class")
    app.results.finish_round(round_id, 0)
    app.settings.player = "9B"
    app.push(ProgressScene(app))
    app.step()
    scene = app.scene
    assert scene.players == ["Ana", "Ben", "9B"] and scene.title == "Progress: 9B (class)"
    key(app, pygame.K_RIGHT)
    assert scene.title == "Progress: Ana"
    who = scene.items()[0][1]
    assert who.startswith("Player 1 of 2.") and "Players: Ana, Ben" in who \
        and "Classes: 9B" in who


# -- round setup and settings -----------------------------------------------------------------

def open_setup(app):
    from game.scenes.setup import SetupScene
    for _ in range(TitleScene.ITEMS.index("Round setup")):
        key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, SetupScene)
    return app.scene.form


def focused(form):
    return form.rows[form.focus].key


def test_up_and_down_keep_to_a_column_of_round_setup(app):
    from game.quiz.round import PLAYABLE_SKILLS
    form = open_setup(app)
    articles = [r.key for r in form.rows if isinstance(r.key, tuple) and r.key[0] == "article"]
    skills = [("skill", s) for s in PLAYABLE_SKILLS]
    assert focused(form) == "start"
    key(app, pygame.K_RIGHT)                        # Back, beside Start
    assert focused(form) == "back"
    walked = [focused(form)]
    for _ in range(len(form.rows)):
        key(app, pygame.K_UP)
        walked.append(focused(form))
    # Back, then up the right-hand column to the first skill, and no further.
    assert walked[:5] == ["back", "show_scores", "confidence", "count", skills[-1]]
    assert walked[-1] == skills[0] and not set(walked) & set(articles)
    key(app, pygame.K_LEFT)                         # the article beside the first skill
    assert focused(form) == articles[0]
    for _ in range(len(form.rows)):
        key(app, pygame.K_DOWN)
    assert focused(form) == "start"                 # down the left-hand column, no further


def test_left_and_right_stop_at_the_ends_of_a_choice(app):
    from game.scenes.setup import COUNTS
    from pilot import focus_row
    form = open_setup(app)
    focus_row(app, "timer")
    assert form.row("timer").value == 0             # Off
    key(app, pygame.K_LEFT)
    assert form.row("timer").value == 0             # not round to 3 minutes
    focus_row(app, "count")
    for _ in range(len(COUNTS) + 3):
        key(app, pygame.K_RIGHT)
    assert COUNTS[form.row("count").value] == COUNTS[-1]
    for _ in range(len(COUNTS) + 3):
        key(app, pygame.K_LEFT)
    assert COUNTS[form.row("count").value] == COUNTS[0]
    click_on(app, "count")                          # the right of the row: one more
    assert COUNTS[form.row("count").value] == COUNTS[1]
    key(app, pygame.K_ESCAPE)
    assert app.settings.round["count"] == COUNTS[1]


def test_text_size_stops_at_largest(app):
    from game.scenes.settings_screen import SettingsScene
    app.push(SettingsScene(app))
    app.step()
    for _ in range(5):
        key(app, pygame.K_RIGHT)
    assert app.settings.text_size == "largest"      # not round to standard
    key(app, pygame.K_RIGHT)
    assert app.settings.text_size == "largest"
    key(app, pygame.K_LEFT)
    assert app.settings.text_size == "large"


# -- hot seat ---------------------------------------------------------------------------------

def open_players(app):
    from game.scenes.lineup import PlayersScene
    key(app, pygame.K_RETURN)                       # Play
    click_on(app, "hotseat")
    assert isinstance(app.scene, PlayersScene)
    return app.scene


def test_a_hot_seat_starts_empty_and_offers_last_time_unticked(app):
    players = open_players(app)
    assert players.seats == [] and players.names == []
    key(app, pygame.K_RETURN)                       # an empty box: start, but no one plays
    assert app.scene is players and "at least 2" in players.message
    for name in ("Red", "Blue", "Green"):
        type_text(app, name)
        key(app, pygame.K_RETURN)
    click_on(app, ("seat", 2))                      # Green sits this one out
    click_on(app, "start")
    assert app.scene.turns.mode == "hotseat" and [s.name for s in app.scene.turns.seats] == [
        "Red", "Blue"]
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_RETURN)                       # leave
    players = open_players(app)
    assert players.seats == [["Red", False], ["Blue", False]]     # offered, not playing
    type_text(app, "blue")
    key(app, pygame.K_RETURN)                       # ticks Blue: no second Blue
    click_on(app, ("seat", 0))
    assert players.names == ["Red", "Blue"] and len(players.seats) == 2


def test_enter_on_a_name_takes_out_that_name_only(app):
    players = open_players(app)
    for name in ("Red", "Blue", "Green"):
        type_text(app, name)
        key(app, pygame.K_RETURN)
    key(app, pygame.K_DOWN)                         # from the box to Red
    assert players.form.rows[players.form.focus].key == ("seat", 0)
    key(app, pygame.K_RETURN)
    assert players.names == ["Blue", "Green"]
    key(app, pygame.K_RETURN)                       # again: Red is back, Blue untouched
    assert players.names == ["Red", "Blue", "Green"]
    key(app, pygame.K_UP)                           # up from the top row: the box again
    type_text(app, "Teal")
    key(app, pygame.K_RETURN)
    assert players.names == ["Red", "Blue", "Green", "Teal"]


# -- a whole class --------------------------------------------------------------------------

def test_a_class_talks_it_over_before_the_teacher_reveals(app):
    from game.scenes.discuss import DiscussScene
    from game.scenes.name import NameScene
    key(app, pygame.K_RETURN)
    click_on(app, "class")
    assert isinstance(app.scene, NameScene)
    key(app, pygame.K_RETURN)                       # the class offered: Whole class
    question = app.scene
    assert question.turns.mode == "class"
    while question.question.skill == "opinion_words":     # a question with choices
        answer(app)
        key(app, pygame.K_RETURN)
        key(app, pygame.K_RETURN)
    q, score, given = question.question, question.state.score, len(question.state.answers)
    answer(app, right=False)
    talk = app.scene
    assert isinstance(talk, DiscussScene) and app.stack[-2] is question
    assert talk.said == f"The class answered: {q.choices[(q.answer + 1) % len(q.choices)]}"
    assert (question.state.score, len(question.state.answers)) == (score, given)  # no hint
    key(app, pygame.K_1 + q.answer)                 # numbers are not answers here
    assert app.scene is talk
    click_on(app, "Change the answer")
    assert app.scene is question and question.question is q
    answer(app, right=True)
    assert isinstance(app.scene, DiscussScene)
    key(app, pygame.K_ESCAPE)                       # Esc asks, and stays
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, DiscussScene)
    click_on(app, "Reveal the answer")
    assert isinstance(app.scene, FeedbackScene) and app.scene.answer.correct
    assert question.state.answers[-1].question is q


# -- the title's note on skipped files (§3) -----------------------------------------------------

from conftest import DATA, ROOT  # noqa: E402
from pilot import Drawn  # noqa: E402

BROKEN = DATA / "bad_label.yaml"


def title_with(tmp_path, size, text_size, broken: bool):
    """The title, and what it draws (the spy in place before it is laid out)."""
    from game.app import App, Config
    paths = [ROOT / "questions"] + ([BROKEN] if broken else [])
    app = App(Config(seed=3, size=size, data_dir=tmp_path / f"data-{broken}",
                     question_paths=paths))
    drawn = Drawn(app)
    app.settings.projector = text_size == "projector"
    app.settings.text_size = "largest" if text_size == "projector" else text_size
    app.step()
    return app, drawn


def found(drawn, part: str) -> tuple:
    """(words, size, where) of the block drawn whose words hold part."""
    return next((words, size, rect) for words, size, rect, _ in drawn.frame() if part in words)


def test_a_skipped_file_is_one_short_line_for_students(tmp_path):
    app, drawn = title_with(tmp_path, (1280, 720), "standard", broken=True)
    assert app.scene.notes() == ["1 question file has a problem — press V to see it"]
    said = " ".join(words for words, *_ in drawn.frame())
    assert "press V" in said and str(BROKEN) not in said and "bad_label" not in said
    pygame.quit()


@pytest.mark.parametrize("size", [(960, 540), (1280, 720), (1920, 1080)])
@pytest.mark.parametrize("text_size", ["standard", "large", "largest", "projector"])
def test_the_note_never_shrinks_the_menu(tmp_path, size, text_size):
    app, drawn = title_with(tmp_path, size, text_size, broken=False)
    plain = found(drawn, "Play")[1]
    pygame.quit()
    app, drawn = title_with(tmp_path, size, text_size, broken=True)
    assert app.scene.notes() and found(drawn, "Play")[1] == plain
    note, hint = found(drawn, "press V")[2], found(drawn, "F11")[2]
    assert widget(app, "Quit").bottom <= note.top and note.bottom <= hint.top  # no overlap
    pygame.quit()


def test_v_or_a_click_on_the_note_shows_the_teacher_every_problem(tmp_path):
    from game.scenes.problems import ProblemsScene
    app, _ = title_with(tmp_path, (1280, 720), "standard", broken=True)
    key(app, pygame.K_v)
    assert isinstance(app.scene, ProblemsScene)
    text = " ".join(str(payload) for _, payload in app.scene.items())
    [problem] = app.loaded.problems
    assert str(BROKEN) in text and problem.message in text and f"Line {problem.line}" in text
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, TitleScene)
    click_on(app, "problems")
    assert isinstance(app.scene, ProblemsScene)
    click_on(app, "Back")
    assert isinstance(app.scene, TitleScene)
    pygame.quit()


def test_without_problems_v_does_nothing(app):
    key(app, pygame.K_v)
    assert isinstance(app.scene, TitleScene) and app.scene.notes() == []


def test_how_sure_has_a_button_to_change_the_answer(app):
    from game.scenes.overlays import ConfidenceScene
    app.settings.round = {"count": 5, "confidence": True}
    start_round(app)
    question = app.scene
    answer(app)
    assert isinstance(app.scene, ConfidenceScene)
    click_on(app, "Change my answer")
    assert app.scene is question and not question.state.answers
