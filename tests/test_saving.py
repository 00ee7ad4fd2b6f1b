"""No answer is lost in silence: a results file that is full, read-only, damaged mid-round
or locked by another program keeps every answer in memory, says so on every screen, tries
again, and lets the player save the answers in another folder; a locked file is never moved
aside; values of the wrong kind in the file never crash a reading."""
import sqlite3
import subprocess
import sys

import pygame
import pytest

from conftest import ROOT, play
from game import cli
from game.app import RETRY_EVERY
from game.scenes.feedback import FeedbackScene
from game.scenes.overlays import ConfidenceScene
from game.scenes.question import QuestionScene
from game.scenes.round_end import ResultsScene
from game.scenes.save import SaveScene
from game.store.results import FILE_NAME, Results
from pilot import Drawn, answer, key, new_app, start_round

QUESTIONS = 10


def answer_one(app) -> None:
    """The first choice, or no words; then past the feedback."""
    answer(app, given=0 if app.scene.question.choices else frozenset())
    if isinstance(app.scene, ConfidenceScene):
        key(app, pygame.K_1)
    if isinstance(app.scene, FeedbackScene):
        key(app, pygame.K_RETURN)


def file_answers(path) -> int:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
    finally:
        db.close()


def strip_shown(app) -> bool:
    """The warning strip's red rule is drawn across the top of the window."""
    height = app.strip_height()
    if not height:
        return False
    return tuple(app.screen.get_at((app.size()[0] // 2, height))[:3]) == app.theme.wrong


def fill_disk(db: sqlite3.Connection) -> None:
    """SQLite's own 'database or disk is full': small pages, and no page more allowed."""
    db.execute("PRAGMA page_size = 512")
    db.execute("VACUUM")
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")


def test_a_full_disk_mid_round_keeps_every_answer_says_so_and_saves_when_there_is_room(
        tmp_path):
    app = new_app(seed=3, data_dir=tmp_path)
    start_round(app)
    answer_one(app)
    answer_one(app)
    assert not strip_shown(app) and app.results.unsaved == 0
    fill_disk(app.results.db)
    for _ in range(QUESTIONS - 2):
        answer_one(app)
        if app.results.unsaved:
            # Said on the question screen at once, in words that say what to do.
            assert isinstance(app.scene, QuestionScene) or isinstance(app.scene, ResultsScene)
            assert "the disk is full" in app.warning()
            assert strip_shown(app)
    assert isinstance(app.scene, ResultsScene)
    waiting = app.results.unsaved
    assert waiting >= 6, "the small pages should have filled within two answers"
    assert "Save answers elsewhere" in app.scene.menu.labels
    assert file_answers(tmp_path / FILE_NAME) == QUESTIONS - waiting

    app.results.db.execute("PRAGMA max_page_count = 1000000")    # room again
    app.step([], RETRY_EVERY + 0.1)
    assert app.results.unsaved == 0 and app.warning() is None and not strip_shown(app)
    assert file_answers(tmp_path / FILE_NAME) == QUESTIONS
    [row] = Results(tmp_path).rounds()
    assert not row.unfinished and row.answers == QUESTIONS


def test_a_read_only_results_file_is_said_on_the_first_question(tmp_path):
    app = new_app(seed=3, data_dir=tmp_path)
    app.results.db.execute("PRAGMA query_only = ON")      # as a read-only file refuses
    start_round(app)
    assert "read-only" in app.warning() and strip_shown(app)
    answer_one(app)
    assert app.results.unsaved == 1 and "1 answer(s) kept in memory" in app.warning()


def test_answers_a_damaged_file_refuses_are_saved_whole_in_a_folder_typed_in(tmp_path):
    data, usb = tmp_path / "data", tmp_path / "usb"
    usb.mkdir()
    app = new_app(seed=3, data_dir=data)
    start_round(app)
    answer_one(app)
    answer_one(app)
    other = sqlite3.connect(data / FILE_NAME)              # another program damages it
    other.execute("DROP TABLE answers")
    other.close()
    for _ in range(QUESTIONS - 2):
        answer_one(app)
    assert isinstance(app.scene, ResultsScene)
    assert "damaged" in app.warning() and app.results.unsaved == QUESTIONS - 2
    menu = app.scene.menu
    key(app, pygame.K_RETURN)                              # the first item: save elsewhere
    assert isinstance(app.scene, SaveScene)
    while app.scene.menu.labels[app.scene.menu.focus] != "Type a folder…":
        key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)
    for char in str(usb):
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
    app.step(pygame.event.get())
    key(app, pygame.K_RETURN)
    message, saved = app.scene.status
    assert saved and "Saved 10 answer(s)" in message, message
    [folder] = usb.iterdir()
    # The whole round, the two answers the file lost with its table included.
    [row] = Results(folder).rounds()
    assert (row.player, row.answers, row.unfinished) == ("Player 1", QUESTIONS, False)
    assert app.warning() is None
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, ResultsScene) and menu is not app.scene.menu
    assert "Save answers elsewhere" not in app.scene.menu.labels
    assert cli.main(["report", "--data-dir", str(folder)]) == 0


@pytest.fixture
def held(tmp_path):
    """Another process holds the results file with an exclusive lock until told to stop."""
    path = tmp_path / FILE_NAME
    Results(tmp_path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys\n"
         "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "db.execute('BEGIN EXCLUSIVE'); print('held', flush=True); sys.stdin.read()",
         str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    yield path, holder
    holder.stdin.close()
    holder.wait(10)


def test_a_locked_file_is_never_moved_aside_and_gets_every_answer_once_free(held, tmp_path,
                                                                          questions):
    path, holder = held
    before = path.stat().st_ino
    store = Results(tmp_path)
    assert store.notice is None      # said by the warning strip, not twice
    assert "locked" in store.warning() and f"process {holder.pid} (python" in store.warning()
    round_id, state = play(store, questions, "Ana")
    assert store.unsaved == 5 and "locked" in store.warning()
    assert sorted(p.name for p in tmp_path.iterdir()) == [FILE_NAME]
    holder.stdin.close()
    holder.wait(10)
    assert store.retry() and store.unsaved == 0
    assert path.stat().st_ino == before
    [row] = store.rounds()
    assert (row.player, row.answers, row.score) == ("Ana", 5, state.score)


def test_a_second_game_on_a_busy_file_costs_the_first_game_no_answer(held, tmp_path, questions):
    path, holder = held
    second = Results(tmp_path)                 # opens while the file is held: keeps off it
    holder.stdin.close()
    holder.wait(10)
    first = Results(tmp_path)
    play(first, questions, "Ana")
    play(second, questions, "Ben")
    assert first.unsaved == second.unsaved == 0
    assert sorted((r.player, r.answers) for r in Results(tmp_path).rounds()) == [
        ("Ana", 5), ("Ben", 5)]


def test_autoplay_on_a_folder_that_cannot_be_written_exits_1_and_says_where_answers_went(
        tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    env = {"HOME": str(home), "TMPDIR": str(home), "PATH": "/usr/bin:/bin",
           "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    done = subprocess.run([sys.executable, str(ROOT / "run.py"), "autoplay", "--seed", "2",
                           "--data-dir", str(blocked / "data")], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "could not be saved" in done.stderr and "Saved 10 answer(s)" in done.stderr
    [folder] = home.glob("byline-answers-*")
    assert [r.answers for r in Results(folder).rounds()] == [QUESTIONS]


# -- values of the wrong kind ------------------------------------------------------
@pytest.fixture
def tampered(tmp_path, questions):
    """Two finished rounds, then one answer's 'correct' set to 'yes' by another program."""
    store = Results(tmp_path)
    play(store, questions, "Ana")
    play(store, questions, "Ben")
    store.db.execute("UPDATE answers SET correct = 'yes' WHERE id = 1")
    store.db.execute("UPDATE answers SET given = ? WHERE id = 2", ("[" * 5000,))
    store.close()
    return tmp_path


def test_a_report_leaves_out_rows_of_the_wrong_kind_and_says_how_many(tampered, capsys):
    assert cli.main(["report", "--data-dir", str(tampered)]) == 1
    out = capsys.readouterr().out
    assert "1 answer(s)" in out and "wrong kind" in out
    assert "Ana" in out and "Ben" in out
    assert cli.main(["report", "--json", "--data-dir", str(tampered)]) == 1
    assert cli.main(["report", "--csv", str(tampered / "r.csv"),
                     "--data-dir", str(tampered)]) == 1


def test_progress_and_class_results_show_rows_of_the_wrong_kind_as_a_note(tampered):
    from game.scenes.progress import ClassResultsScene, ProgressScene
    app = new_app(seed=1, data_dir=tampered)
    for scene in (ProgressScene(app), ClassResultsScene(app)):
        app.push(scene)
        app.step()
        notes = [payload for kind, payload in scene.items() if kind == "p"]
        assert any("wrong kind" in n for n in notes)
        key(app, pygame.K_ESCAPE)


def test_quitting_with_answers_waiting_offers_the_folder_picker_then_saves_them_anyway(
        tmp_path, monkeypatch, capsys):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("TMPDIR", str(home))
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", None)
    app = new_app(seed=3, data_dir=tmp_path / "data")
    app.results.db.execute("PRAGMA query_only = ON")
    start_round(app)
    for _ in range(3):
        answer_one(app)
    key(app, pygame.K_ESCAPE)
    assert "asks where to save them" in app.scene.detail    # not "saved": they are not
    key(app, pygame.K_RETURN)                     # leave the round
    key(app, pygame.K_ESCAPE)
    assert "not saved yet" in app.scene.detail
    key(app, pygame.K_RETURN)                     # quit from the title
    assert app.running and isinstance(app.scene, SaveScene)
    key(app, pygame.K_ESCAPE)                     # not now
    assert not app.running
    assert app.close() == 1
    assert "Saved 3 answer(s)" in capsys.readouterr().err
    [folder] = home.glob("byline-answers-*")
    [row] = Results(folder).rounds()
    assert row.answers == 3 and row.unfinished


def test_a_player_name_no_screen_can_draw_is_left_out_of_every_screen(tmp_path, questions):
    from game.scenes.name import NameScene
    from game.scenes.progress import ClassResultsScene, ProgressScene
    store = Results(tmp_path)
    play(store, questions, "Ana")
    play(store, questions, "Ben")
    store.db.execute("UPDATE players SET name = ? WHERE name = 'Ben'", ("B\x00en",))
    store.close()
    app = new_app(seed=1, data_dir=tmp_path)
    assert app.results.players() == ["Ana"]
    for scene in (NameScene(app), ProgressScene(app), ClassResultsScene(app)):
        app.push(scene)
        app.step()
        app.pop()
        app.step()
    assert "characters a name cannot hold" in app.results.problem


@pytest.mark.parametrize("size", [(960, 540), (1280, 720)])
@pytest.mark.parametrize("text_size", ["standard", "largest", "projector"])
def test_the_title_fits_under_the_warning_strip_with_long_notes(tmp_path, size, text_size):
    app = new_app(seed=1, data_dir=tmp_path, size=size)
    app.settings.projector = text_size == "projector"
    app.settings.text_size = "largest" if text_size == "projector" else text_size
    app.results.db.execute("PRAGMA query_only = ON")
    app.results.retry()
    app.results.trouble = "the results file or its folder is read-only"
    drawn = Drawn(app)      # before the notes change the layout, so its blocks are known
    app.notices += ["A long notice about a settings file that could not be used " * 4] * 3
    app.step()
    assert strip_shown(app)
    height = app.size()[1] - app.strip_height()
    # Everything is centred across the window: nothing may share a row with anything else;
    # the version and where the questions come from, out of the way, may share a row but
    # touch nothing.
    labels = app.scene.menu.labels
    frame = drawn.frame()
    version = [rect for words, _, rect, _ in frame if words.startswith("Version ")
               or words in app.scene.read_from()]
    taken = [pygame.Rect(0, rect.top, 1, rect.height) for words, _, rect, _ in frame
             if words not in labels and rect not in version]
    assert len(taken) >= 3      # the title, the notes and the hint at least
    widgets = [r for id, r in app.scene.widgets().items() if id != "problems"]
    taken += [pygame.Rect(0, r.top, 1, r.height) for r in widgets]  # the note: taken above
    for i, one in enumerate(taken):
        assert 0 <= one.top and one.bottom <= height
        assert not any(one.colliderect(other) for other in taken[i + 1:])
    others = [rect for words, _, rect, _ in frame if rect not in version] + widgets
    for rect in version:
        assert 0 <= rect.top and rect.bottom <= height and rect.collidelist(others) == -1
