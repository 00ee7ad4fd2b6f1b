"""Reviewing a draft in the game (run.py review FILE): the real app, driven by its pilot;
the file afterwards keeps its comments, has its backup beside it, validates and plays. Each
statement is on the question screen's layout, its cue words picked in the quote, each with
whose judgment it is."""
from collections import Counter

import pygame
import pytest

from game.authoring.draft import new_article
from game.authoring.reviewing import open_draft
from game.bank.folders import folders
from game.bank.reading import load_file
from game.scenes.draft_review import DraftReviewScene, drafts
from game.scenes.text_entry import TextEntryScene
from tests.pilot import click_on, key, new_app, run_frames, type_text, wheel

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
    while scene.form.focus < 0 or scene.form.rows[scene.form.focus].key != name:
        key(app, pygame.K_TAB)


def pick_by_keys(app, words) -> None:
    """From the rows, into the quote's words (Enter on "Cue words"), each of words (their
    places in the sentence) picked or unpicked with → and Space, then Tab back."""
    scene = app.scene
    focus(app, "cues")
    key(app, pygame.K_RETURN)
    for i in words:
        while scene.word_focus != i:
            key(app, pygame.K_RIGHT)
        key(app, pygame.K_SPACE)
    key(app, pygame.K_TAB)


def word(scene, words: str) -> int:
    """The place of a word in the sentence on screen."""
    return next(i for i, (a, b) in enumerate(scene.words) if scene.statement.text[a:b] == words)


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
    assert scene.heading().endswith(": statement 2 of 4, 3 still to review")   # one dropped
    focus(app, "label")
    key(app, pygame.K_RIGHT)
    focus(app, "source_kind")
    while scene.values["source_kind"] != "interview or speech":
        key(app, pygame.K_LEFT)
    # The source, from the names offered (the last choice types one): her.
    focus(app, "source")
    while scene.values["source"] != "Angela Moore":
        key(app, pygame.K_RIGHT)
    assert scene.sources()[:2] == ["Angela Moore", "the author"]
    # Her words were suggested as her judgment; by keys, one unpicked and picked again.
    assert [(c.words, c.by) for c in scene.cues()] == [("short-sighted mistake", "Angela Moore")]
    pick_by_keys(app, [word(scene, "mistake")])
    assert [(c.words, c.by) for c in scene.cues()] == [("short-sighted", "Angela Moore")]
    pick_by_keys(app, [word(scene, "mistake")])
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
    # The last: an opinion with a cue of its own added, one of the suggested taken away.
    pick_by_keys(app, [word(scene, "reverse"), word(scene, "drastic")])
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
    assert [(c.words, c.by) for c in moore.cues] == [("short-sighted mistake", "Angela Moore")]
    last = next(s for s in result.statements if s.id == ids[4])
    assert [(c.words, c.writers) for c in last.cues] == [("should", True), ("drastic", True)]
    assert '{words: "short-sighted mistake", by: "Angela Moore"}' in after
    # `byline validate` on the file says it has no problems.
    from game.cli import main
    assert main(["--data-dir", str(data), "validate", str(path)]) == 0
    # The teacher tries it at once: a round of this article alone, who plays asked first.
    from game.scenes.lineup import ModeScene
    from game.scenes.question import QuestionScene
    focus(app, "play")
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, ModeScene)
    key(app, pygame.K_RETURN)           # one player
    key(app, pygame.K_RETURN)           # the name offered
    assert isinstance(app.scene, QuestionScene)
    asked = {q.id.split("/")[0] for q in app.scene.state.questions}
    assert asked and asked <= set(ids[1:]) | {result.article.id}    # its statements, its genre
    # Esc: back to the title, and the statements play.
    key(app, pygame.K_ESCAPE)
    assert not isinstance(app.scene, DraftReviewScene)
    assert set(ids[1:]) <= {s.id for s in app.loaded.bank.statements}


def test_a_review_by_mouse_alone(draft):
    data, path = draft
    app = reviewing(data, path)
    fill_article(app, by_mouse=True)
    scene = app.scene
    press(app, "drop")
    press(app, "skip")
    assert scene.skipped == 1
    while isinstance(app.scene, DraftReviewScene):    # the source's last choice: typed
        click_side(app, "source")
    assert isinstance(app.scene, TextEntryScene)     # the on-screen keyboard types
    click_on(app, "Keyboard")
    for letter in "ann":
        click_on(app, ("key", letter))
    click_on(app, "OK")
    assert scene.values["source"] == "ann"     # typed over the value, selected
    click_on(app, "Leave")
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
    press(app, "drop")
    assert "changed on disk" in app.banner.text
    assert path.read_text(encoding="utf-8") == edited
    assert not path.with_name(path.name + ".bak").exists()
    # The review now shows the file as it is: a drop is written into the newer text.
    click_on(app, "later")
    press(app, "drop")
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
    press(app, "drop")
    assert "could not be written: Permission denied" in app.banner.text
    assert path.read_bytes() == before
    assert app.scene.statement is not None and len(app.scene.draft.waiting) == 5
    monkeypatch.setattr(game.datafiles, "write_replacing", real)
    press(app, "drop")      # writable again: the same click works
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
        press(app, "skip")
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


def into_view(app, id) -> None:
    """Turn the wheel until the widget called id is in view (the rows beside or under
    the quote scroll, as a question's answers do, when they do not all fit)."""
    for step in (-1, 1):
        for _ in range(40):
            if id in app.scene.widgets():
                return
            wheel(app, step)
    raise AssertionError(f"{id!r} never came into view")


def press(app, id) -> None:
    into_view(app, id)
    click_on(app, id)


def click_side(app, id, back: bool = False) -> None:
    """Click a choice row on its right side (the next option) or its left third (back)."""
    from tests.pilot import click, widget
    into_view(app, id)
    rect = widget(app, id)
    click(app, (rect.left + rect.width // 6 if back else rect.right - rect.width // 6,
                rect.centery))


def to_the_quote(app) -> None:
    """The article left for later, the headline dropped, the vote skipped: the quote of
    Angela Moore is on screen."""
    click_on(app, "later")
    press(app, "drop")
    press(app, "skip")
    assert app.scene.statement.text.startswith('"This is a short-sighted mistake,"')


def test_cue_words_are_picked_in_the_quote_by_mouse(draft):
    """Words clicked in the quote, side by side, are one cue; its owner is the statement's
    source, the speaker, or another name the sentence writes when the teacher says so;
    what is written validates and plays."""
    data, path = draft
    app = reviewing(data, path)
    fill_article(app, by_mouse=True)
    press(app, "drop")
    press(app, "skip")
    scene = app.scene
    from tests.pilot import widget
    where = {i: widget(app, ("word", i)) for i in range(len(scene.words))}
    # The suggested cue, clicked away word by word, then the teacher's own picked.
    assert [(c.words, c.by) for c in scene.cues()] == [("short-sighted mistake", "Angela Moore")]
    for words in ("short-sighted", "mistake"):
        press(app, ("word", word(scene, words)))
    assert scene.cues() == ()
    for words in ("short-sighted", "mistake", "principal"):
        press(app, ("word", word(scene, words)))
    # A row for the new cue's owner came; the quote stayed where it was, under the pointer.
    assert {i: widget(app, ("word", i)) for i in where} == where
    press(app, ("word", word(scene, "principal")))       # a second click: unpicked
    assert [(c.words, c.by) for c in scene.cues()] == [("short-sighted mistake", "Angela Moore")]
    assert scene.form.row(("by", 0)).options[:3] == ("the writer", "Angela Moore",
                                                     "Oak Street Elementary")
    click_side(app, ("by", 0))           # the next name offered
    assert scene.cues()[0].by == "Oak Street Elementary"
    click_side(app, ("by", 0), back=True)
    assert scene.cues()[0].by == "Angela Moore"
    press(app, "explanation")
    type_text(app, "A report of what the principal said; her judgment is hers.")
    click_on(app, "OK")
    press(app, "accept")
    assert scene.statement is None or not scene.statement.text.startswith('"This')
    text = path.read_text(encoding="utf-8")
    assert 'cues: [{words: "short-sighted mistake", by: "Angela Moore"}]' in text
    moore = next(s for s in load_file(path).statements if s.reviewed)
    assert (moore.label, [(c.words, c.by) for c in moore.cues]) == \
        ("fact", [("short-sighted mistake", "Angela Moore")])
    # The file plays: its reviewed statement's "spot the words" is answered right.
    press(app, "Leave")
    from game.quiz.questions import generate
    from tests.pilot import play_question
    question = next(q for q in generate(app.loaded.bank) if q.id == f"{moore.id}/opinion_words")
    assert play_question(app, question).answers[0].verdict.value == "right"


def test_a_cues_owner_keeps_to_the_loaders_rules(draft):
    """By keys alone: a fact's cue made the writer's own is refused with the loader's
    reason, as is a typed name the sentence does not write; a typed name it writes is
    taken, offered for the next cues too, and written as {words, by}."""
    data, path = draft
    app = reviewing(data, path)
    to_the_quote(app)
    before = path.read_bytes()
    scene = app.scene
    pick_by_keys(app, [word(scene, "short-sighted")])     # the suggestion's cue, cut to one word
    assert [(c.words, c.by) for c in scene.cues()] == [("mistake", "Angela Moore")]
    focus(app, ("by", 0))
    key(app, pygame.K_LEFT)                 # the writer's own
    assert scene.cues()[0].writers
    enter_text(app, "explanation", "What the principal said.")
    focus(app, "accept")
    key(app, pygame.K_RETURN)
    assert "is a fact, but its cue 'mistake' is the writer's own" in app.banner.text
    assert path.read_bytes() == before
    # A name typed: the last of the names offered opens the box.
    focus(app, ("by", 0))
    while scene.form.row(("by", 0)).value < len(scene.form.row(("by", 0)).options) - 1:
        key(app, pygame.K_RIGHT)
    assert isinstance(app.scene, TextEntryScene)
    type_text(app, "Mr Nobody")
    key(app, pygame.K_RETURN)
    assert scene.cues()[0].by == "Mr Nobody"
    focus(app, "accept")
    key(app, pygame.K_RETURN)
    assert "who is neither its source" in app.banner.text
    assert path.read_bytes() == before
    focus(app, ("by", 0))
    while isinstance(app.scene, DraftReviewScene):
        key(app, pygame.K_RIGHT)
    assert isinstance(app.scene, TextEntryScene)
    key(app, pygame.K_ESCAPE)       # nothing typed: the cue keeps its owner
    assert isinstance(app.scene, DraftReviewScene)
    assert scene.cues()[0].by == "Mr Nobody"
    focus(app, ("by", 0))
    while isinstance(app.scene, DraftReviewScene):
        key(app, pygame.K_RIGHT)
    type_text(app, "Angela")            # a name as the sentence writes it
    key(app, pygame.K_RETURN)
    assert scene.cues()[0].by == "Angela"
    assert "Angela" in scene.owners()
    focus(app, "accept")
    key(app, pygame.K_RETURN)
    assert '{words: "mistake", by: "Angela"}' in path.read_text(encoding="utf-8")
    assert all(not e.message.startswith("the cue") for e in load_file(path).errors)


def test_the_names_offered_and_the_cues_words_make():
    from game.authoring.reviewing import cues_picked, owners_offered, sources_offered
    from game.bank.models import Cue
    from game.quiz.questions import words_of
    said = '"This is a short-sighted mistake," said Angela Moore, the principal of Oak Street ' \
           'Elementary on Monday.'
    assert owners_offered(said, "Angela Moore", "interview or speech") == \
        ["the writer", "Angela Moore", "Oak Street Elementary"]
    # A name typed is offered where the loader takes it: the sentence writes it.
    assert owners_offered(said, "Angela Moore", "interview or speech", ("Moore", "Bob")) == \
        ["the writer", "Angela Moore", "Moore", "Oak Street Elementary"]
    # Whatever is chosen, the order stays: ← → go through them all.
    assert owners_offered(said, "Angela Moore", "interview or speech",
                          kept=["Oak Street Elementary", "Bob"]) == \
        ["the writer", "Angela Moore", "Oak Street Elementary", "Bob"]
    assert sources_offered(said, "Oak Street Elementary", "Angela Moore") == \
        sources_offered(said, "Angela Moore", "Angela Moore") == \
        ["Angela Moore", "the author", "Oak Street Elementary"]
    assert owners_offered("Some residents say it was rushed.", "some unnamed residents",
                          "anonymous") == ["the writer", "some unnamed residents"]
    text = "The council should reverse this drastic cut."
    words = words_of(text)
    assert cues_picked(text, words, {2: "the writer", 3: "the writer", 5: "the writer"}) == \
        (Cue("should reverse"), Cue("drastic"))
