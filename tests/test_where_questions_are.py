"""Which folders the questions come from, for a teacher checking a lab machine: the title
says it in a small line out of the way; Settings lists each folder read with its path and
opens the teacher's own in the file manager, or, with none (no xdg-open, no desktop, one
that fails), shows its path whole."""
import shutil
import sys

import pygame
import pytest

from conftest import DATA
from game import folder_opener, shipped
from pilot import Drawn, click_on, focus_row, key, new_app, run_frames

LOOKS = [((960, 540), "largest"), ((1920, 1080), "projector")]
linux_only = pytest.mark.skipif(sys.platform in ("win32", "darwin"),
                                reason="xdg-open is the file manager's launcher on Linux")


def _look(app, look):
    app.settings.projector = look == "projector"
    app.settings.text_size = "largest"
    app.step()


def _article(folder, ident: str) -> None:
    """A question file in folder for an article of its own, called ident."""
    folder.mkdir(parents=True, exist_ok=True)
    text = (DATA / "good.yaml").read_text(encoding="utf-8")
    (folder / f"{ident}.yaml").write_text(
        text.replace("id: library", f"id: {ident}").replace("id: lib-", f"id: {ident}-"),
        encoding="utf-8")
    shutil.copy(DATA / "article.txt", folder / "article.txt")


def _shared(tmp_path, name="the class share of year nine with a long name"):
    """A shared folder with one question file of its own (an article the bank has not)."""
    _article(tmp_path / name, name.replace(" ", "-"))
    return tmp_path / name


def _out_of_the_way(app, frame, holds):
    """The one block whose words holds() accepts: whole on screen, inside the margins (and
    the projector's title-safe area), touching no other block and no widget; its words."""
    found = [(words, size, rect, seen) for words, size, rect, seen in frame if holds(words)]
    assert len(found) == 1, [words for words, *_ in frame]
    words, size, rect, seen = found[0]
    assert seen == rect
    assert app.layout().content().contains(rect)
    if app.settings.projector:
        w, h = app.screen.get_size()
        assert pygame.Rect(0, 0, w, h).inflate(-w // 10, -h // 10).contains(rect)
    others = [r for text, _, r, _ in frame if text != words]
    assert rect.collidelist(others + list(app.scene.widgets().values())) == -1
    return words, size


# -- the title ------------------------------------------------------------------------------

@pytest.mark.parametrize("size, look", LOOKS)
@pytest.mark.parametrize("folders", [1, 3])
def test_the_title_says_where_the_questions_come_from(tmp_path, size, look, folders):
    if folders == 1:
        app = new_app(data_dir=tmp_path / "data", size=size,
                      question_paths=[shipped.QUESTIONS])
        whole = "Question files: 5 from Byline"
    else:
        _article(tmp_path / "data" / "questions", "mine")
        app = new_app(data_dir=tmp_path / "data", size=size,
                      questions=(_shared(tmp_path), _shared(tmp_path, "another")))
        whole = "Question files: 5 from Byline, 1 from your folder, 2 from 2 shared folders"
    drawn = Drawn(app)
    _look(app, look)
    assert app.scene.read_from()[0] == whole
    frame = drawn.frame()
    words, text_size = _out_of_the_way(app, frame, lambda words: "Question" in words
                                       and "from" in words)
    # Whole at these sizes, never shrunk below the key hint's size.
    assert words == whole
    assert text_size == min(s for words, s, _, _ in frame if "F11" in words)
    pygame.quit()


@pytest.mark.parametrize("size, look", LOOKS)
def test_beside_a_note_the_line_finds_other_room(tmp_path, size, look):
    """A question file with a problem: its note takes the line the questions' line would
    use; the questions' line goes elsewhere, shorter if it must, still touching nothing."""
    folder = tmp_path / "questions"
    shutil.copytree(shipped.QUESTIONS, folder)
    (folder / "broken.yaml").write_text("article: [", encoding="utf-8")
    app = new_app(data_dir=tmp_path / "data", size=size, question_paths=[folder])
    drawn = Drawn(app)
    _look(app, look)
    assert app.scene.notes()
    frame = drawn.frame()
    words, _ = _out_of_the_way(app, frame, lambda words: words in app.scene.read_from())
    assert "a shared folder" in words


def test_the_title_line_follows_a_reload(tmp_path):
    app = new_app(data_dir=tmp_path / "data")
    assert app.scene.read_from()[0] == "Question files: 5 from Byline, none from your folder"
    _article(app.folders.teacher, "mine")
    app.reload_bank()
    assert app.scene.read_from()[0] == "Question files: 5 from Byline, 1 from your folder"


# -- Settings --------------------------------------------------------------------------------

def _settings(tmp_path, size=(1280, 720), look=None, **config):
    from game.scenes.settings_screen import SettingsScene
    app = new_app(data_dir=tmp_path / "data", size=size, **config)
    if look:
        _look(app, look)
    click_on(app, "Settings")
    assert isinstance(app.scene, SettingsScene)
    return app


def _fake_xdg_open(tmp_path, monkeypatch, code=0):
    """A desktop and, as the only program on PATH, an xdg-open that writes down the folder
    it was asked to open and exits with code: where it wrote."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "xdg-open"
    script.write_text(f'#!/bin/sh\nprintf "%s" "$1" > "{tmp_path}/opened"\nexit {code}\n',
                      encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("DISPLAY", ":99")
    return tmp_path / "opened"


@linux_only
def test_the_button_opens_the_teachers_folder_made_first_if_missing(tmp_path, monkeypatch):
    opened = _fake_xdg_open(tmp_path, monkeypatch)
    app = _settings(tmp_path)
    shutil.rmtree(app.folders.teacher)      # removed while the game runs
    drawn = Drawn(app)
    click_on(app, "open_folder")
    # Started, never waited for: the test waits for it, then the next frame sees it exit.
    assert app.scene.opening.process.wait(10) == 0
    run_frames(app)
    assert opened.read_text(encoding="utf-8") == str(app.folders.teacher)
    assert (app.folders.teacher / "README.md").is_file()
    words, _ = _out_of_the_way(app, drawn.frame(), lambda words: "file manager" in words)
    assert words == f"Opening your question folder in the file manager: {app.folders.teacher}"
    assert not app.scene.moving
    pygame.quit()


@linux_only
@pytest.mark.parametrize("size, look", LOOKS + [((1280, 720), None)])
@pytest.mark.parametrize("why", ["no xdg-open", "no desktop", "it fails"])
def test_without_a_file_manager_the_folders_path_is_shown_whole(tmp_path, monkeypatch, size,
                                                                 look, why):
    opened = _fake_xdg_open(tmp_path, monkeypatch, code=3 if why == "it fails" else 0)
    if why == "no xdg-open":
        (tmp_path / "bin" / "xdg-open").unlink()
    elif why == "no desktop":
        monkeypatch.delenv("DISPLAY")
    app = _settings(tmp_path, size, look, questions=(_shared(tmp_path), _shared(tmp_path, "b")))
    drawn = Drawn(app)
    focus_row(app, "open_folder")
    key(app, pygame.K_RETURN)
    if why == "it fails":
        app.scene.opening.process.wait(10)
        run_frames(app)
    else:
        assert app.scene.opening.process is None and not app.scene.moving
    problem = folder_opener.FAILED if why == "it fails" else folder_opener.NONE_HERE
    words, _ = _out_of_the_way(app, drawn.frame(), lambda words: words.startswith(problem))
    assert words == f"{problem}: your question folder is {app.folders.teacher}"
    assert opened.exists() == (why == "it fails")
    pygame.quit()


@pytest.mark.parametrize("size, look", LOOKS + [((1280, 720), None)])
def test_settings_lists_each_folder_read_with_its_path(tmp_path, size, look):
    shared = _shared(tmp_path, "a folder with a rather long name for the class share of 9B")
    app = _settings(tmp_path, size, look, questions=(shared, _shared(tmp_path, "b")))
    drawn = Drawn(app)
    words, size_ = _out_of_the_way(app, drawn.frame(), lambda words: "Saved as" in words)
    folders = app.folders
    assert words.splitlines() == [f"Saved as you change them, in {app.data_dir}",
                                  f"The questions that come with Byline: {folders.shipped}",
                                  f"Your question folder: {folders.teacher}",
                                  f"A folder named with --questions: {shared}",
                                  f"A folder named with --questions: {tmp_path / 'b'}"]
    pygame.quit()


# -- the opener, on its own -------------------------------------------------------------------

@linux_only
def test_the_opener_starts_xdg_open_and_never_waits(tmp_path, monkeypatch):
    opened = _fake_xdg_open(tmp_path, monkeypatch)
    opening = folder_opener.open_folder(tmp_path)
    assert opening.process.wait(10) == 0 and opening.problem is None
    assert opened.read_text(encoding="utf-8") == str(tmp_path)
    monkeypatch.delenv("DISPLAY")
    assert folder_opener.open_folder(tmp_path).problem == folder_opener.NONE_HERE
