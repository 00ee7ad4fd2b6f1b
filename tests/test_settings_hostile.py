"""A settings file is data a pupil or a broken disk may have written: whatever it holds, the
game starts, uses what it can, says what it could not use and keeps the file as found."""
import errno
import json
import os
import threading
import time

import pygame
import pytest

from pilot import key, new_app
from game.names import MAX_NAME
from game.quiz.round import RoundSetup
from game.scenes.question import QuestionScene
from game.scenes.setup import SetupScene
from game.scenes.title import TitleScene
from game.store import settings as stored
from game.store.settings import FILE_NAME, MAX_BYTES, Settings

DEFAULTS = Settings()


def write(folder, text: str) -> None:
    (folder / FILE_NAME).write_text(text, encoding="utf-8")


def kept_aside(folder) -> list:
    return sorted(folder.glob(FILE_NAME + ".unreadable-*"))


# --- Values of the wrong type or size: defaults for those, the rest kept -------------

@pytest.mark.parametrize("field, value", [
    ("articles", [[1]]), ("articles", "osaka"), ("articles", [{"a": 1}]), ("articles", ["x" * 500]),
    ("skills", [{}]), ("skills", [None]), ("skills", "spot_opinion"),
    ("max_difficulty", [1]), ("max_difficulty", "3"), ("max_difficulty", True),
    ("count", "10"), ("count", 10.5), ("count", [10]),
    ("timer_seconds", "30"), ("timer_seconds", 1.5), ("timer_seconds", {}),
    ("confidence", "yes"), ("speed_points", 1), ("show_scores", None),
])
def test_a_round_value_of_the_wrong_type_keeps_its_default(tmp_path, field, value):
    original = json.dumps({"text_size": "large", "round": {field: value, "count": 7}
                           if field != "count" else {field: value}})
    write(tmp_path, original)
    settings, problem = stored.load(tmp_path)
    setup = RoundSetup.from_plain(settings.round, ["osaka"])
    assert getattr(setup, field) == getattr(RoundSetup(), field)
    assert settings.text_size == "large"                    # the good values stay
    if field != "count":
        assert setup.count == 7
    assert f"round.{field}" in problem and str(kept_aside(tmp_path)[0]) in problem
    assert kept_aside(tmp_path)[0].read_text(encoding="utf-8") == original
    # ... and the file is rewritten with what could be used, so the notice is said once
    again, problem = stored.load(tmp_path)
    assert problem is None and again == settings


@pytest.mark.parametrize("plain", [{"articles": [[1]]}, {"skills": [{}]}, {"max_difficulty": [1]},
                                   {"max_difficulty": True}, {"count": True}, [], "round", None,
                                   {"articles": [None, "osaka"]}])
def test_a_round_setup_from_any_plain_value_is_the_default_where_it_is_wrong(plain):
    assert RoundSetup.from_plain(plain, ["osaka"]) == RoundSetup()


@pytest.mark.parametrize("field", ["player", "class_name"])
@pytest.mark.parametrize("name", ["a\u0000b", "line\nbreak", "bell\a", "x" * (MAX_NAME + 1),
                                  "\ud800", "", "   ", 7, None, ["Ann"]])
def test_a_name_that_cannot_be_shown_is_not_used(tmp_path, field, name):
    write(tmp_path, json.dumps({field: name, "sound": False}))
    settings, problem = stored.load(tmp_path)
    assert getattr(settings, field) == getattr(DEFAULTS, field) and settings.sound is False
    assert field in problem


def test_a_name_is_tidied_like_one_typed_and_the_longest_is_kept(tmp_path):
    longest = "é" * MAX_NAME
    write(tmp_path, json.dumps({"player": "  Ann   Lee ", "class_name": longest,
                                "hot_seat": ["Red", " Blue  team"]}))
    settings, problem = stored.load(tmp_path)
    assert (settings.player, settings.class_name) == ("Ann Lee", longest)
    assert settings.hot_seat == ["Red", "Blue team"] and problem is None


@pytest.mark.parametrize("hot_seat, kept", [
    (["Red"], DEFAULTS.hot_seat), ([f"T{i}" for i in range(9)], DEFAULTS.hot_seat),
    (["Red", "a\u0000b", "Blue"], ["Red", "Blue"]), (["Red", "red"], DEFAULTS.hot_seat),
    (["Red", 5, "Blue"], ["Red", "Blue"]), ("Red, Blue", DEFAULTS.hot_seat),
    ([["Red"], ["Blue"]], DEFAULTS.hot_seat),
])
def test_a_hot_seat_keeps_its_good_names_or_the_default(tmp_path, hot_seat, kept):
    write(tmp_path, json.dumps({"hot_seat": hot_seat}))
    settings, problem = stored.load(tmp_path)
    assert settings.hot_seat == kept and "hot_seat" in problem


@pytest.mark.parametrize("field, value", [("text_size", "huge"), ("text_size", ["large"]),
                                          ("sound", "off"), ("projector", 1), ("round", [1]),
                                          ("same_questions", None)])
def test_other_values_of_the_wrong_kind_keep_their_default(tmp_path, field, value):
    write(tmp_path, json.dumps({field: value}))
    settings, problem = stored.load(tmp_path)
    assert getattr(settings, field) == getattr(DEFAULTS, field) and field in problem


def test_a_byte_order_mark_is_read_not_thrown_out(tmp_path):
    (tmp_path / FILE_NAME).write_bytes(b"\xef\xbb\xbf" + json.dumps(
        {"text_size": "large", "player": "Bo"}).encode())
    settings, problem = stored.load(tmp_path)
    assert (settings.text_size, settings.player, problem) == ("large", "Bo", None)
    assert kept_aside(tmp_path) == []


def test_a_second_damaged_file_in_the_same_second_does_not_replace_the_first(tmp_path,
                                                                              monkeypatch):
    monkeypatch.setattr(time, "strftime", lambda *a: "20260101-120000")
    for text in ("{not json", "[1, 2"):
        write(tmp_path, text)
        stored.load(tmp_path)
    assert sorted(p.read_text(encoding="utf-8") for p in kept_aside(tmp_path)) == \
        ["[1, 2", "{not json"]


def test_unknown_keys_from_a_newer_game_are_no_problem(tmp_path):
    write(tmp_path, json.dumps({"player": "Bo", "colour_scheme": "sepia"}))
    assert stored.load(tmp_path) == (Settings(player="Bo"), None)


# --- A file that is not a settings file at all: moved aside, defaults used -------------

def test_deep_nesting_is_not_a_crash(tmp_path):
    nested = "[" * (MAX_BYTES - 10)         # under the size limit, far over Python's recursion
    write(tmp_path, nested)
    settings, problem = stored.load(tmp_path)
    assert settings == DEFAULTS and "could not be read" in problem
    assert kept_aside(tmp_path)[0].read_text(encoding="utf-8") == nested


@pytest.mark.parametrize("data, words", [
    (b'{"player": "Bo"', "line 1, column 16: expecting ',' delimiter"),
    (b'\xff\xfe{\x00}\x00', "it is not UTF-8 text"),
    (b'{"sound": 1' + b"0" * 5000 + b"}", "it holds a number thousands of digits long"),
    (b'["player", "Bo"]', "it holds a single value or a list, not named settings"),
    (b'"Bo"', "it holds a single value"),
    (b"", "line 1, column 1: expecting value"),
])
def test_a_file_that_is_not_settings_is_moved_aside_and_says_why(tmp_path, data, words):
    (tmp_path / FILE_NAME).write_bytes(data)
    settings, problem = stored.load(tmp_path)
    assert settings == DEFAULTS and f"{tmp_path / FILE_NAME} could not be read ({words}" in problem
    assert kept_aside(tmp_path)[0].read_bytes() == data
    assert str(kept_aside(tmp_path)[0]) in problem


@pytest.mark.parametrize("text", ["[" * 100_000, json.dumps({"player": "x" * 1_000_000})])
def test_a_file_too_big_to_be_settings_is_not_read(tmp_path, text):
    write(tmp_path, text)
    settings, problem = stored.load(tmp_path)
    assert settings == DEFAULTS and "a settings file may be at most 64 KB" in problem
    assert kept_aside(tmp_path)[0].stat().st_size == len(text)


def test_a_link_to_a_device_is_not_read(tmp_path):
    os.symlink("/dev/zero", tmp_path / FILE_NAME)
    settings, problem = stored.load(tmp_path)
    assert settings == DEFAULTS and "a device, not a file" in problem
    assert os.path.islink(kept_aside(tmp_path)[0])          # the link moved, nothing else
    assert stored.save(Settings(player="Bo"), tmp_path) is None
    assert stored.load(tmp_path) == (Settings(player="Bo"), None)


def test_a_named_pipe_is_never_opened(tmp_path):
    os.mkfifo(tmp_path / FILE_NAME)
    done = []
    reader = threading.Thread(target=lambda: done.append(stored.load(tmp_path)), daemon=True)
    reader.start()
    reader.join(30)         # a generous bound: opening the pipe would wait forever
    assert done, "load() is stuck opening a named pipe"
    settings, problem = done[0]
    assert settings == DEFAULTS and "a named pipe, not a file" in problem


@pytest.mark.parametrize("kind, words", [("folder", "a folder, not a file"),
                                         ("loop", "a symlink loop: the link leads back to itself")])
def test_a_folder_or_a_link_loop_is_moved_aside(tmp_path, kind, words):
    if kind == "folder":
        (tmp_path / FILE_NAME).mkdir()
    else:
        os.symlink(tmp_path / "other.json", tmp_path / FILE_NAME)
        os.symlink(tmp_path / FILE_NAME, tmp_path / "other.json")
    settings, problem = stored.load(tmp_path)
    assert settings == DEFAULTS and words in problem and len(kept_aside(tmp_path)) == 1
    assert stored.save(Settings(player="Bo"), tmp_path) is None


# --- Writing: a failed write leaves nothing behind and says why in plain words --------

def temporary_files(folder) -> list:
    return [p.name for p in folder.iterdir() if p.suffix == ".tmp"]


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_full_disk_leaves_the_old_settings_and_no_temporary_file(tmp_path, monkeypatch,
                                                                     step):
    assert stored.save(Settings(player="Old"), tmp_path) is None

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(os, step, full)
    problem = stored.save(Settings(player="New"), tmp_path)
    monkeypatch.undo()
    assert problem == f"Settings could not be saved in {tmp_path}: the disk is full."
    assert temporary_files(tmp_path) == []
    assert stored.load(tmp_path)[0].player == "Old"


def test_settings_that_cannot_be_written_as_json_leave_no_temporary_file(tmp_path):
    with pytest.raises(TypeError):
        stored.save(Settings(round={"articles": {1, 2}}), tmp_path)
    assert temporary_files(tmp_path) == []


def test_old_temporary_files_of_ours_are_cleaned_up_at_start(tmp_path):
    ours = [".settings-k2j3h4g5.tmp", "tmpa1b2c3d4.tmp", ".bank-cache-z9y8x7w6.tmp"]
    theirs = ["notes.tmp", "tmp-lesson-plan.tmp", "tmpa1b2c3d4.txt"]
    hour_ago = time.time() - 3600
    for name in ours + theirs:
        (tmp_path / name).write_text("")
        os.utime(tmp_path / name, (hour_ago, hour_ago))
    (tmp_path / ".settings-inflight.tmp").write_text("")    # another game writing just now
    stored.load(tmp_path)
    assert sorted(temporary_files(tmp_path)) == sorted([".settings-inflight.tmp", "notes.tmp",
                                                        "tmp-lesson-plan.tmp"])
    assert (tmp_path / "tmpa1b2c3d4.txt").exists()


# --- Through the real game ---------------------------------------------------------

HOSTILE = {"round": {"articles": [[1]], "skills": [{}], "max_difficulty": [1]},
           "player": "a\u0000b", "class_name": "x" * 5000, "hot_seat": [None, {}],
           "text_size": "largest"}


def hostile_values(folder) -> str:
    write(folder, json.dumps(HOSTILE))
    from game.bank.cache import VERSION
    (folder / "bank-cache.json").write_text(f'{{"version": {VERSION}, "files": []}}',
                                            encoding="utf-8")
    return "round.articles"


def million_character_name(folder) -> str:
    write(folder, json.dumps({"player": "x" * 1_000_000}))
    return "a settings file may be at most 64 KB"


def links_to_a_device(folder) -> str:
    os.symlink("/dev/zero", folder / FILE_NAME)
    os.symlink("/dev/zero", folder / "bank-cache.json")
    return "a device, not a file"


@pytest.mark.parametrize("prepare", [hostile_values, million_character_name, links_to_a_device])
def test_the_game_starts_and_plays_with_a_hostile_settings_file(tmp_path, prepare):
    said = prepare(tmp_path)
    app = new_app(data_dir=tmp_path, seed=4)
    try:
        for _ in range(3):
            app.step()
        assert isinstance(app.scene, TitleScene)
        assert "press V" in app.scene.notes()[0]        # said in full on the problems screen
        key(app, pygame.K_v)
        assert any(str(tmp_path / FILE_NAME) in str(n) and said in str(n)
                   for _, n in app.scene.items())
        key(app, pygame.K_ESCAPE)
        for _ in range(TitleScene.ITEMS.index("Round setup")):
            key(app, pygame.K_DOWN)
        key(app, pygame.K_RETURN)
        assert isinstance(app.scene, SetupScene)
        assert app.scene.setup().skills == RoundSetup().skills
        key(app, pygame.K_ESCAPE)
        assert isinstance(app.scene, TitleScene)
        for _ in range(TitleScene.ITEMS.index("Round setup")):
            key(app, pygame.K_UP)
        key(app, pygame.K_RETURN)                   # Play
        key(app, pygame.K_RETURN)                   # one player
        key(app, pygame.K_RETURN)                   # as the default player
        assert isinstance(app.scene, QuestionScene)
        assert app.scene.turns.seats[0].name == DEFAULTS.player
        assert app.scene.state.setup.max_difficulty == RoundSetup().max_difficulty
        assert len(app.loaded.bank.statements) > 50
    finally:
        pygame.quit()
    # Both files are the game's own again: the next start reads them without a word.
    again = new_app(data_dir=tmp_path, seed=4)
    try:
        assert again.notices == [] and (tmp_path / "bank-cache.json").is_file()
        assert again.settings.player == DEFAULTS.player
    finally:
        pygame.quit()
