"""A new article from inside the game (Settings → A new article, or a file dropped onto the
window): the real app, driven by its pilot, from a page saved in Downloads to its draft in
the teacher's folder and the draft's review on screen, with no terminal and no editor."""
import os
import shutil
import time

import pygame
import pytest
import yaml

from conftest import DATA, SAVED
from test_readers import BODY
from game.authoring.reviewing import open_draft
from game.scenes.draft_review import DraftReviewScene
from game.scenes.new_article import NewArticleScene
from game.scenes.settings_screen import SettingsScene
from test_draft_review import enter_text, focus
from tests.pilot import click_on, focus_row, key, new_app, run_frames

PAGE = DATA / "articles" / "bridge-page.html"


@pytest.fixture
def saved():
    """Downloads, Desktop and Documents, empty, and emptied again after the test."""
    for folder in SAVED.values():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
    yield SAVED
    for folder in SAVED.values():
        shutil.rmtree(folder, ignore_errors=True)


def save(folder, name, data: bytes, age: float = 0.0):
    path = folder / name
    path.write_bytes(data)
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def until_drafted(app, scene):
    """The draft is made in a thread: frames until it is done (a minute at most)."""
    deadline = time.monotonic() + 60
    while scene.working is not None and time.monotonic() < deadline:
        run_frames(app, 1)
        time.sleep(0.01)
    run_frames(app, 2)
    assert scene.working is None, "the draft took over a minute"


def until_reviewing(app):
    scene = app.scene
    if isinstance(scene, NewArticleScene):
        until_drafted(app, scene)
    assert isinstance(app.scene, DraftReviewScene), f"the screen says {app.scene.said!r}"
    return app.scene


def open_new_article(app, by_mouse=False):
    if by_mouse:
        click_on(app, "Settings")
        click_on(app, "new_article")
    else:
        for _ in range(5):
            key(app, pygame.K_DOWN)         # Play, Progress, Class results, Round setup,
        key(app, pygame.K_RETURN)           # How to play, Settings
        assert isinstance(app.scene, SettingsScene)
        focus_row(app, "new_article")
        key(app, pygame.K_RETURN)
    assert isinstance(app.scene, NewArticleScene)
    return app.scene


def test_the_page_just_saved_is_first_and_becomes_a_draft_under_review(saved, tmp_path):
    save(saved["Documents"], "old notes.txt", b"An older text. It was saved last week.",
         age=7 * 86400)
    save(saved["Desktop"], "photo.jpg", b"\xff\xd8")                # not an article: left out
    page = save(saved["Downloads"], "Council closes bridge.html", PAGE.read_bytes())
    data = tmp_path / "data"
    app = new_app(data_dir=data)
    scene = open_new_article(app)
    assert scene.found == [page, saved["Documents"] / "old notes.txt"]
    assert scene.form.rows[0].label == "Council closes bridge.html   " + \
        time.strftime("%H:%M", time.localtime(page.stat().st_mtime))
    assert scene.form.rows[1].label == "old notes.txt   " + time.strftime(
        "%Y-%m-%d", time.localtime(time.time() - 7 * 86400))
    assert scene.form.focus == 0                  # Enter takes the article just saved
    key(app, pygame.K_RETURN)
    review = until_reviewing(app)
    made = sorted((data / "questions").glob("*.yaml"))
    assert [p.name for p in made] == ["council-votes-to-close-mill.yaml"]
    assert review.paths == [] and review.draft.path == made[0]
    assert (data / "questions" / "articles" / "council-votes-to-close-mill.txt").is_file()
    assert [s.text for s in open_draft(made[0]).waiting] == BODY     # the page's article
    assert page.read_bytes() == PAGE.read_bytes()   # the saved page is left as it was
    # The game does not read the half-made file meanwhile, nor list its FILL INs as
    # problems over the review (it reads the bank again when the review ends).
    for _ in range(3):
        run_frames(app, 1, dt=1.5)
        assert not app.banner.showing
    # What the page said is not asked again; the address it gave is kept in the provenance
    # beside the line the teacher types.
    assert set(review.draft.unfilled()) == {"genre", "genre_explanation", "provenance"}
    assert list(review.values) == ["headline", "outlet", "author", "date", "genre",
                                   "genre_explanation", "provenance"]
    # What the page said is shown, with where, for the teacher to check; a value corrected
    # loses the comment saying where it was found, the others keep theirs.
    labels = [row.label for row in review.form.rows]
    assert "Outlet (from the page's og:site_name tag): The Riverside Gazette" in labels
    assert "Date (from the page's JSON-LD datePublished): 2025-03-04" in labels
    enter_text(app, "author", "Maria Lopez and Sam Reed")
    enter_text(app, "genre_explanation", "It reports the vote and who said what about it.")
    enter_text(app, "provenance", "The page names its outlet, author and date.")
    focus(app, "genre")
    key(app, pygame.K_RIGHT)
    focus(app, "save")
    key(app, pygame.K_RETURN)
    assert review.page == "statement"
    article = yaml.safe_load(made[0].read_text(encoding="utf-8"))["article"]
    assert article["provenance"] == ["Published online: https://gazette.example/news/bridge-closure",
                                     "The page names its outlet, author and date."]
    assert article["genre"] == "straight news report"
    assert article["author"] == "Maria Lopez and Sam Reed"
    written = made[0].read_text(encoding="utf-8")
    assert 'author: "Maria Lopez and Sam Reed"\n' in written
    assert 'outlet: "The Riverside Gazette"    # from the page\'s og:site_name tag\n' in written
    key(app, pygame.K_ESCAPE)                       # out of the review: back to Settings
    assert isinstance(app.scene, SettingsScene)
    assert "review" in app.scene.form.widgets()     # the draft waits in Settings


def test_a_page_dropped_onto_the_title_is_drafted_by_mouse_alone(saved, tmp_path):
    page = save(tmp_path, "bridge.htm", PAGE.read_bytes())
    data = tmp_path / "data"
    app = new_app(data_dir=data)
    app.step([pygame.event.Event(pygame.DROPFILE, file=str(page))])
    review = until_reviewing(app)
    assert review.draft.path.parent == data / "questions"
    # Dropped again: the draft made before opens, and no second one is written.
    click_on(app, "close") if "close" in app.scene.widgets() else key(app, pygame.K_ESCAPE)
    app.step([pygame.event.Event(pygame.DROPFILE, file=str(page))])
    again = until_reviewing(app)
    assert again.draft.path == review.draft.path
    assert len(list((data / "questions").glob("*.yaml"))) == 1
    assert "made before" in app.banner.showing


def test_a_file_byline_does_not_read_is_said_on_the_screen_and_nothing_is_written(
        saved, tmp_path):
    doc = save(saved["Downloads"], "handout.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 99)
    data = tmp_path / "data"
    app = new_app(data_dir=data)
    scene = open_new_article(app, by_mouse=True)
    click_on(app, doc)
    until_drafted(app, scene)
    assert app.scene is scene
    assert scene.said.startswith("handout.doc: this is an older Word document (.doc)")
    assert "save it as a Word document (.docx)" in scene.said
    assert not list((data / "questions").glob("*.yaml"))


def test_an_article_saved_while_the_screen_is_open_appears_when_the_window_is_back(
        saved, tmp_path):
    app = new_app(data_dir=tmp_path / "data")
    scene = open_new_article(app)
    assert scene.found == []
    page = save(saved["Downloads"], "bridge.html", PAGE.read_bytes())
    app.step([pygame.event.Event(pygame.WINDOWFOCUSGAINED)])
    assert scene.found == [page]
    assert page in scene.widgets()
