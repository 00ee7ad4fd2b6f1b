"""Reviewing a draft in the game (run.py review FILE): the real app, driven by its pilot;
the file afterwards keeps its comments, has its backup beside it, validates and plays."""
from collections import Counter

import pygame
import pytest

from game.authoring.draft import new_article
from game.authoring.reviewing import open_draft
from game.bank.folders import folders
from game.bank.reading import load_file
from game.scenes.draft_review import DraftReviewScene, drafts
from game.scenes.text_entry import TextEntryScene
from tests.pilot import click_on, key, new_app, run_frames, type_text

ARTICLE = """Library Hours Cut Again

The city council voted 5-2 on Monday to cut the main library's weekend hours from 16 to 8. \
"This is a short-sighted mistake," said Angela Moore, the principal of Oak Street \
Elementary. The library served 40,000 visitors last year. The council should reverse this \
drastic cut.
"""


@pytest.fixture
def draft(tmp_path, capsys):
    """A teacher's data folder with a fresh draft in their question folder: (folder, file)."""
    data = tmp_path / "data"
    article = tmp_path / "library.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert new_article(str(article), None, folders(data)) == 0
    capsys.readouterr()
    path = next((data / "questions").glob("*.yaml"))
    return data, path


def reviewing(data, path):
    app = new_app(data_dir=data, review=(str(path),))
    assert isinstance(app.scene, DraftReviewScene)
    return app


def enter_text(app, row: str, words: str, by_mouse: bool = False) -> None:
    """Open a typed value's box from its row, type words over it, keep it."""
    if by_mouse:
        click_on(app, row)
    else:
        while app.scene.form.rows[app.scene.form.focus].key != row:
            key(app, pygame.K_TAB)
        key(app, pygame.K_RETURN)
    assert isinstance(app.scene, TextEntryScene)
    type_text(app, words)
    if by_mouse:
        click_on(app, "OK")
    else:
        key(app, pygame.K_RETURN)
    assert isinstance(app.scene, DraftReviewScene)


def fill_article(app, by_mouse=False) -> None:
    scene = app.scene
    assert scene.page == "article"
    for name in ("outlet", "author", "date", "genre_explanation", "provenance"):
        enter_text(app, name, {"outlet": "The Riverside Gazette", "author": "not stated",
                               "date": "March 4, 2025"}.get(name, f"Some words on {name}."),
                   by_mouse)
    if by_mouse:
        click_on(app, "genre")      # the right two thirds: the next genre, the first
    else:
        while scene.form.rows[scene.form.focus].key != "genre":
            key(app, pygame.K_TAB)
        key(app, pygame.K_RIGHT)
    assert scene.values["genre"] == "straight news report"
    click_on(app, "save") if by_mouse else (focus(app, "save"), key(app, pygame.K_RETURN))
    assert app.scene.page == "statement", app.banner.text if hasattr(app.banner, "text") else ""


def focus(app, name):
    scene = app.scene
    while scene.form.rows[scene.form.focus].key != name:
        key(app, pygame.K_TAB)


def test_a_review_by_keyboard_makes_a_file_that_validates_and_plays(draft):
    data, path = draft
    before = path.read_text(encoding="utf-8")
    app = reviewing(data, path)
    fill_article(app)
    scene = app.scene
    ids = [s.id for s in open_draft(path).waiting]
    # The headline is no statement: dropped.
    assert scene.statement.text == "Library Hours Cut Again"
    focus(app, "drop")
    key(app, pygame.K_RETURN)
    # The vote: accepted as suggested, with its explanation written.
    assert scene.statement.id == ids[1]
    enter_text(app, "explanation", "A vote anyone can check in the council's minutes.")
    focus(app, "accept")
    key(app, pygame.K_RETURN)
    # The quote: an opinion, Angela Moore's, an interview, with her words as the cue.
    assert scene.statement.id == ids[2]
    focus(app, "label")
    key(app, pygame.K_RIGHT)
    focus(app, "source_kind")
    while scene.values["source_kind"] != "interview or speech":
        key(app, pygame.K_LEFT)
    enter_text(app, "source", "Angela Moore")
    enter_text(app, "cues", "short-sighted mistake")
    enter_text(app, "explanation", "The principal's judgment of the vote.")
    focus(app, "accept")
    key(app, pygame.K_RETURN)
    assert scene.statement.id == ids[3]
    # Accepting without an explanation is refused, and says why: nothing written.
    focus(app, "accept")
    key(app, pygame.K_RETURN)
    assert scene.statement.id == ids[3]
    assert "explanation" in app.banner.text
    enter_text(app, "explanation", "A count the library publishes.")
    focus(app, "accept")
    key(app, pygame.K_RETURN)
    # The last: an opinion with a cue of its own added.
    enter_text(app, "cues", "should, drastic")
    enter_text(app, "explanation", "The writer's own recommendation.")
    focus(app, "accept")
    key(app, pygame.K_RETURN)
    assert scene.page == "done"
    assert "2 dropped" not in scene.summary() and "4 accepted, 1 dropped" in scene.summary()

    after = path.read_text(encoding="utf-8")
    backup = path.with_name(path.name + ".bak")
    assert backup.read_text(encoding="utf-8") == before
    # Comments kept: the header's and each statement's reasons, but the dropped one's.
    def comments(text):
        return Counter(line for line in text.splitlines() if line.lstrip().startswith("#"))
    dropped = comments(before.split(f"- id: {ids[0]}")[0].split("statements:")[1])
    assert comments(after) == comments(before) - dropped
    result = load_file(path)
    assert result.errors == []
    assert {s.id for s in result.statements} == set(ids[1:])
    assert all(s.reviewed for s in result.statements)
    moore = next(s for s in result.statements if s.id == ids[2])
    assert (moore.label, moore.source, moore.source_kind) == \
        ("opinion", "Angela Moore", "interview or speech")
    assert [c.words for c in moore.cues] == ["short-sighted mistake"]
    last = next(s for s in result.statements if s.id == ids[4])
    assert [c.words for c in last.cues] == ["should", "drastic"]
    # Esc: back to the title, and the statements play.
    key(app, pygame.K_ESCAPE)
    assert not isinstance(app.scene, DraftReviewScene)
    assert set(ids[1:]) <= {s.id for s in app.loaded.bank.statements}


def test_a_review_by_mouse_alone(draft):
    data, path = draft
    app = reviewing(data, path)
    fill_article(app, by_mouse=True)
    scene = app.scene
    click_on(app, "drop")
    click_on(app, "skip")
    assert scene.skipped == 1
    click_on(app, "source")     # the on-screen keyboard types
    click_on(app, "Keyboard")
    for letter in "ann":
        click_on(app, ("key", letter))
    click_on(app, "OK")
    assert scene.values["source"] == "ann"     # typed over the value, selected
    click_on(app, "close")
    assert not isinstance(app.scene, DraftReviewScene)
    assert len(open_draft(path).waiting) == 4


def test_the_teachers_newer_edits_are_never_overwritten(draft):
    data, path = draft
    app = reviewing(data, path)
    click_on(app, "later")
    scene = app.scene
    edited = path.read_text(encoding="utf-8").replace("Library Hours Cut Again\"",
                                                      "Library Hours Cut Again\"  # mine", 1)
    path.write_text(edited, encoding="utf-8")
    click_on(app, "drop")
    assert "changed on disk" in app.banner.text
    assert path.read_text(encoding="utf-8") == edited
    assert not path.with_name(path.name + ".bak").exists()
    # The review now shows the file as it is: a drop is written into the newer text.
    click_on(app, "later")
    click_on(app, "drop")
    assert "# mine" in path.read_text(encoding="utf-8")
    assert len(open_draft(path).waiting) == 4


def test_an_unwritable_folder_is_said_and_nothing_is_lost(draft, monkeypatch):
    data, path = draft
    before = path.read_bytes()
    app = reviewing(data, path)
    click_on(app, "later")
    import game.datafiles

    def refused(*args):
        raise PermissionError(13, "Permission denied")
    # (A folder made read-only does not stop a test run as root; the write is refused here.)
    real = game.datafiles.write_replacing
    monkeypatch.setattr(game.datafiles, "write_replacing", refused)
    click_on(app, "drop")
    assert "could not be written: Permission denied" in app.banner.text
    assert path.read_bytes() == before
    assert app.scene.statement is not None and len(app.scene.draft.waiting) == 5
    monkeypatch.setattr(game.datafiles, "write_replacing", real)
    click_on(app, "drop")      # writable again: the same click works
    assert len(open_draft(path).waiting) == 4
    assert path.with_name(path.name + ".bak").read_bytes() == before


def test_a_file_with_problems_says_so(tmp_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text("article: [\n", encoding="utf-8")
    app = new_app(data_dir=tmp_path / "data", review=(str(bad),))
    scene = app.scene
    assert scene.page == "done" and "cannot mend" in scene.summary()
    assert bad.read_text(encoding="utf-8") == "article: [\n"
    click_on(app, "close")
    assert not isinstance(app.scene, DraftReviewScene)


def test_settings_offers_the_drafts_in_the_teachers_folder(draft):
    data, path = draft
    app = new_app(data_dir=data)
    assert drafts(app) == [path]
    settings = app.stack[0]
    from game.scenes.settings_screen import SettingsScene
    click_on(app, "Settings")
    assert isinstance(app.scene, SettingsScene)
    click_on(app, "review")
    assert isinstance(app.scene, DraftReviewScene) and app.scene.draft.path == path
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, SettingsScene)
    assert "review" in app.scene.widgets()      # still a draft: nothing was reviewed
    assert settings is app.stack[0]


def test_settings_without_drafts_has_no_review_row(tmp_path):
    from game.scenes.settings_screen import SettingsScene
    app = new_app(data_dir=tmp_path / "data")
    click_on(app, "Settings")
    assert isinstance(app.scene, SettingsScene) and "review" not in app.scene.widgets()


def test_what_was_skipped_is_gone_over_again(draft):
    data, path = draft
    app = reviewing(data, path)
    click_on(app, "later")
    scene = app.scene
    while scene.page != "done":
        click_on(app, "skip")
    assert "5 statement(s) still to review" in scene.summary()
    click_on(app, "again")
    assert scene.page == "article"
    click_on(app, "later")
    assert scene.page == "statement" and scene.skipped == 0


def test_line_edits_keep_line_endings_and_comments_beside_values():
    from game.authoring.reviewing import edited
    text = ("article:\r\n  id: a\r\n  genre: \"FILL IN\"    # one of: news analysis, ...\r\n"
            "statements:\r\n  # suggested: fact\r\n  - id: s1\r\n    text: \"It rained.\"\r\n"
            "    label: fact    # my note\r\n    cues: []    # FILL IN the words\r\n"
            "    reviewed: false\r\n")
    out = edited(text, {"genre": "news analysis"},
                 {"s1": {"label": "opinion", "cues": ["rained"], "reviewed": True}})
    assert out == text.replace('"FILL IN"', "news analysis") \
        .replace("label: fact ", "label: opinion ").replace('cues: []    # FILL IN the words',
                                                            'cues: ["rained"]') \
        .replace("reviewed: false", "reviewed: true")
    assert edited(text, statements={"s1": None}) == text.split("  # suggested")[0]


def test_f_and_o_set_the_label_as_a_player_answers(draft):
    data, path = draft
    app = reviewing(data, path)
    click_on(app, "later")
    key(app, pygame.K_o)
    assert app.scene.values["label"] == "opinion"
    assert app.scene.form.row("label").value == 1
    key(app, pygame.K_f)
    assert app.scene.values["label"] == "fact"
