"""Live reload: a question file saved while the game is open is read again, and any new
problem is shown with its file and line."""
import os
import shutil

import pygame
import pytest

from conftest import ROOT
from game.scenes.title import TitleScene
from pilot import key, new_app, run_frames


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(ROOT / "questions", tmp_path / "questions",
                    ignore=shutil.ignore_patterns("presets"))
    return tmp_path / "questions"


def save(path, text):
    """Write as an editor would, with a modification time the watch cannot miss."""
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def banner(app):
    return app.banner.showing


def test_an_edit_is_picked_up_within_a_second_and_its_problem_named(folder, tmp_path):
    app = new_app(question_paths=[folder], data_dir=tmp_path / "data")
    run_frames(app, 2)                  # the window's first events, focus among them
    assert banner(app) == ""            # getting the focus with nothing changed says nothing
    count = len(app.loaded.bank.statements)
    target = folder / "osaka-repost.yaml"
    original = target.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    line_no = next(i for i, line in enumerate(lines) if "    label: opinion" in line)
    lines[line_no] = lines[line_no].replace("opinion", "opinon")
    save(target, "".join(lines))
    run_frames(app, 30)                 # half a second: not looked yet
    assert len(app.loaded.bank.statements) == count
    run_frames(app, 40)
    assert app.loaded.skipped and len(app.loaded.bank.statements) < count
    shown = banner(app)
    assert f"osaka-repost.yaml:{line_no + 1}:" in shown and "did you mean 'opinion'" in shown
    assert isinstance(app.scene, TitleScene)        # the game went on; nothing restarted

    save(target, original)              # fixed: read again, nothing left to report
    run_frames(app, 70)
    assert len(app.loaded.bank.statements) == count and not app.loaded.problems
    assert "Question files read again" in banner(app) and "problem" not in banner(app)
    run_frames(app, 60 * 9)
    assert banner(app) == ""            # the banner goes after a few seconds
    pygame.quit()


def test_f5_reads_at_once_and_says_when_nothing_changed(folder, tmp_path):
    app = new_app(question_paths=[folder], data_dir=tmp_path / "data")
    key(app, pygame.K_F5)
    assert "No question file has changed" in banner(app)
    (folder / "extra.yaml").write_text("article: [", encoding="utf-8")
    key(app, pygame.K_F5)
    assert "extra.yaml:" in banner(app) and app.loaded.skipped
    os.remove(folder / "extra.yaml")
    pygame.event.post(pygame.event.Event(pygame.WINDOWFOCUSGAINED))
    app.step(pygame.event.get())        # back from the editor: read at once
    assert not app.loaded.problems and "read again" in banner(app)
    pygame.quit()
