"""A class on their own devices, as the teacher runs it on the projector (issue 14): Play ->
Class on their devices, the lobby with the address, code and names, removing a name, the
question with how many have answered, the reveal with the spread, the scores, the podium
and the review, and every answer in the results. The real game loop, and real sockets."""
import json
import math
import time

import pygame
import pytest

from conftest import run
from devices import WAIT, Device
from game.quiz.round import RoundSetup
from game.scenes.lobby import LobbyScene, open_lobby
from game.scenes.projector import DevicesPodium, ProjectorAnswer, ProjectorQuestion, Standings
from game.scenes.title import TitleScene
from pilot import click_on, key, new_app, run_frames, widget

from websockets.exceptions import ConnectionClosed


def pump(app, device, kind, timeout=WAIT):
    """Frames of the game until the device has a message of this type (the game's loop
    hands the device's messages to the room; the server's thread sends the replies)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.step()
        try:
            message = device.recv(timeout=0.02)
        except TimeoutError:
            continue
        if message["type"] == kind:
            return message
    raise AssertionError(f"no {kind} came")


def join(app, name):
    device = Device(app.host)
    device.send("join", code=app.host.room.code, name=name)
    device.token = pump(app, device, "joined")["token"]
    return device


def settle(app, frames=3):
    """A few frames, with a moment between for the server's thread."""
    for _ in range(frames):
        time.sleep(0.02)
        app.step()


@pytest.fixture
def lobby():
    """The lobby of a five-question round served on this machine only."""
    app = new_app(bind="127.0.0.1", seed=3)
    assert open_lobby(app, RoundSetup(count=5, seed=3))
    app.step()
    yield app
    app.close_host()


def choice_reply(asking, right_text=None, q=None):
    if not asking["choices"]:
        return [0]
    if q is not None:
        right = q.choices[q.answer]
        return next(c["id"] for c in asking["choices"] if c["text"] == right)
    return asking["choices"][0]["id"]


def test_play_offers_the_class_on_devices_and_opens_the_lobby():
    app = new_app(bind="127.0.0.1")
    try:
        click_on(app, "Play")
        click_on(app, "devices")
        assert isinstance(app.scene, LobbyScene)
        assert app.host is not None and app.host.address.startswith("http://127.0.0.1:")
        # Esc asks first; closing the class lets every device go and comes back to the title.
        device = Device(app.host)
        key(app, pygame.K_ESCAPE)
        key(app, pygame.K_RETURN)
        assert isinstance(app.scene, TitleScene) and app.host is None
        with pytest.raises((ConnectionClosed, TimeoutError)):
            device.recv(timeout=5)
    finally:
        app.close_host()


def test_names_appear_as_students_join_and_a_removed_one_cannot_come_back(lobby):
    app = lobby
    ana, bo = join(app, "Ana"), join(app, "Bo")
    settle(app)
    assert ("name", "Ana") in app.scene.widgets() and ("name", "Bo") in app.scene.widgets()
    click_on(app, ("name", "Bo"))
    key(app, pygame.K_RETURN)                   # "Remove Bo?" -> Remove
    assert app.host.room.names() == ["Ana"]
    assert "removed" in pump(app, bo, "refused")["why"]
    bo.send("join", code=app.host.room.code, name="Bobby", token=bo.token)
    assert "removed" in pump(app, bo, "refused")["why"]
    assert app.host.room.names() == ["Ana"]
    # Tab and Delete do the same without a mouse.
    key(app, pygame.K_TAB)
    key(app, pygame.K_DELETE)
    key(app, pygame.K_RETURN)
    assert app.host.room.names() == []
    ana.close()


def test_a_round_on_devices_from_lobby_to_podium_with_every_answer_kept(lobby):
    app = lobby
    ana, bo, cy = join(app, "Ana"), join(app, "Bo"), join(app, "Cy")
    key(app, pygame.K_RETURN)                   # Start
    room = app.host.room
    for n in range(5):
        assert isinstance(app.scene, ProjectorQuestion)
        q = room.questions[n]
        asks = [pump(app, d, "asking") for d in (ana, bo)]
        assert app.scene.status() == "0 of 3 answered"
        ana.send("answer", reply=choice_reply(asks[0], q=q) if q.choices
                 else sorted(q.cue_words))
        bo.send("answer", reply=choice_reply(asks[1]))
        pump(app, ana, "asking")
        pump(app, bo, "asking")
        settle(app)
        assert app.scene.status() == "2 of 3 answered"      # how many, never who
        if n == 0:      # the one who never answers does, once: the teacher is told all have
            cy.send("answer", reply=choice_reply(pump(app, cy, "asking")))
            pump(app, cy, "asking")
            settle(app)
            assert app.scene.status() == "All 3 answered"
        key(app, pygame.K_RETURN)               # Reveal
        assert isinstance(app.scene, ProjectorAnswer)
        result = pump(app, ana, "result")
        assert result["verdict"] == "Right"
        said = pump(app, cy, "result")["verdict"]
        assert said is not None if n == 0 else said is None      # no answer, said so
        bars = [payload for kind, payload in app.scene.items() if kind == "bar"]
        assert sum(int(note.split()[0]) for _, _, note in bars) == (3 if n == 0 else 2)
        key(app, pygame.K_RETURN)               # Next
        if n < 4:
            assert isinstance(app.scene, Standings)
            key(app, pygame.K_RETURN)
    assert isinstance(app.scene, DevicesPodium)
    assert [name for _, name, _ in app.scene.steps()][1] == "Ana"   # first, in the middle
    assert pump(app, ana, "over")["place"] == 1
    rounds = app.results.rounds()
    assert sorted(r.player for r in rounds) == ["Ana", "Bo", "Cy"]
    assert {r.mode for r in rounds} == {"devices"}
    assert all(r.finished for r in rounds)
    # The review: every question once, with everyone's answer.
    click_on(app, "Review answers")
    items = app.scene.items()
    assert sum(kind == "h" for kind, _ in items) == 5
    said = [words for kind, words in items if kind == "p"]
    assert sum(w.startswith("Cy answered:") for w in said) == 5
    key(app, pygame.K_ESCAPE)
    click_on(app, "Back to title")
    assert isinstance(app.scene, TitleScene) and app.host is None


def test_a_timed_question_counts_down_on_every_device_and_a_late_answer_is_refused():
    app = new_app(bind="127.0.0.1", seed=3)
    try:
        assert open_lobby(app, RoundSetup(count=5, seed=3, timer_seconds=10))
        ana, bo = join(app, "Ana"), join(app, "Bo")
        key(app, pygame.K_RETURN)
        asking = pump(app, ana, "asking")
        assert asking["seconds_left"] == 10
        run_frames(app, 60, dt=0.1)             # six seconds
        assert app.scene.status() == "0 of 2 answered · 4 s left"
        # The devices were sent the seconds as they went, one by one, in a few bytes each.
        while ana.recv(timeout=5).get("seconds_left", 99) > 4:
            pass
        ticks = [m for m in ana.seen if m["type"] == "clock"]
        assert [math.ceil(m["seconds_left"]) for m in ticks] == [10, 9, 8, 7, 6, 5, 4]
        assert all(set(m) == {"v", "type", "seconds_left"} for m in ticks)
        run_frames(app, 50, dt=0.1)
        assert app.scene.status().endswith("time is up")
        bo.send("answer", reply=choice_reply(pump(app, bo, "asking")))
        assert pump(app, bo, "refused")["reason"] == "late"
    finally:
        app.close_host()


def test_the_class_results_and_the_report_say_class_on_devices(lobby):
    app = lobby
    ana = join(app, "Ana")
    key(app, pygame.K_RETURN)
    asking = pump(app, ana, "asking")
    ana.send("answer", reply=choice_reply(asking))
    pump(app, ana, "asking")
    key(app, pygame.K_RETURN)
    pump(app, ana, "result")
    report = run("report", "--json", "--data-dir", str(app.data_dir))
    assert report.returncode == 0, report.stderr
    players = json.loads(report.stdout)["players"]
    assert [(p["name"], [r["mode"] for r in p["rounds"]]) for p in players] == \
        [("Ana", ["devices"])]
    # Class results: the round is listed as played by a class on their devices.
    key(app, pygame.K_RETURN)           # the answer's Next: the scores between questions
    assert isinstance(app.scene, Standings)
    from game.scenes.progress import ClassResultsScene
    app.push(ClassResultsScene(app))
    run_frames(app)
    words = " ".join(str(payload) for _, payload in app.scene.items())
    assert "class on devices" in words


def test_a_taken_port_is_said_in_words_and_nothing_opens():
    taken = new_app(bind="127.0.0.1", port=0)
    app = None
    try:
        assert open_lobby(taken, RoundSetup(count=5, seed=3))
        port = taken.host.server.port
        app = new_app(bind="127.0.0.1", port=port)
        assert not open_lobby(app, RoundSetup(count=5, seed=3))
        assert app.host is None and isinstance(app.scene, TitleScene)
        assert f"127.0.0.1:{port}" in app.banner.text and "--port" in app.banner.text
    finally:
        taken.close_host()


def test_run_py_host_refuses_every_address_at_once():
    done = run("host", "--bind", "0.0.0.0")
    assert done.returncode == 2 and "0.0.0.0" in done.stderr and "Traceback" not in done.stderr
    done = run("host", "--port", "http")
    assert done.returncode == 2 and "port" in done.stderr


def test_run_py_host_starts_in_the_lobby():
    app = new_app(bind="127.0.0.1", host=True)
    try:
        assert isinstance(app.scene, LobbyScene)
        saved = RoundSetup.from_plain(app.settings.round, app.loaded.bank.articles)
        assert len(app.host.room.questions) == saved.count     # the round setup last saved
    finally:
        app.close_host()


def test_the_real_game_killed_mid_question_is_taken_up_by_run_py_host_resume(tmp_path):
    """kill -9 of the teacher's game (its window and its server), then `run.py host
    --resume`: the same address, the same question, every committed answer; a page that
    rejoins with its token sees its answer taken, and an answer sent to the old question
    ids still counts."""
    import os
    import signal
    import sqlite3
    import subprocess
    import sys
    from conftest import ROOT
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    first = subprocess.Popen([sys.executable, str(ROOT / "tests" / "projector_game.py"),
                              str(tmp_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True, env=env)
    second = None
    try:
        line = first.stdout.readline().split()
        assert line[0] == "ready", line
        address = line[1]

        class Server:   # what Device needs: the address students type
            pass
        server = Server()
        server.address = address
        code = json.loads((tmp_path / "devices-game.json").read_text())["code"]
        ana, bo = Device(server), Device(server)
        ana.join("Ana", code)
        bo.join("Bo", code)
        first.stdin.write("enter\n")        # Start
        first.stdin.flush()
        assert first.stdout.readline().split() == ["scene", "ProjectorQuestion"]
        asking, before = ana.until("asking"), bo.until("asking")
        ana.send("answer", reply=choice_reply(asking))
        assert ana.until("asking")["answered"] is True      # taken, so committed
        os.kill(first.pid, signal.SIGKILL)
        first.wait(WAIT)

        second = subprocess.Popen([sys.executable, str(ROOT / "run.py"), "--data-dir",
                                   str(tmp_path), "host", "--resume"],
                                  stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, env=env)
        deadline = time.monotonic() + WAIT
        while True:     # as a student's page does: try again until the game is back
            try:
                again = Device(server)
                break
            except (OSError, TimeoutError):
                assert time.monotonic() < deadline and second.poll() is None, \
                    second.stderr.read() if second.poll() is not None else "no server"
                time.sleep(0.2)
        again.send("rejoin", token=ana.token)
        assert again.until("joined")["token"] == ana.token
        seen = again.until("asking")
        assert seen["answered"] is True and seen["position"] == asking["position"]
        assert {c["id"] for c in seen["choices"]} == {c["id"] for c in asking["choices"]}
        again.send("answer", reply=choice_reply(seen))
        assert again.until("refused")["reason"] == "twice"
        bo_again = Device(server)
        bo_again.send("rejoin", token=bo.token)
        bo_again.until("joined")
        assert bo_again.until("asking")["answered"] is False
        bo_again.send("answer", reply=choice_reply(before))    # the ids from before the kill
        assert bo_again.until("asking")["answered"] is True
        with sqlite3.connect(tmp_path / "results.db") as db:
            players = [row[0] for row in db.execute(
                "SELECT p.name FROM answers a JOIN rounds r ON a.round_id = r.id "
                "JOIN players p ON r.player_id = p.id ORDER BY a.rowid")]
        assert players == ["Ana", "Bo"]
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait(WAIT)


def test_a_game_cut_off_is_offered_back_from_play_and_an_ended_one_is_not(tmp_path):
    app = new_app(bind="127.0.0.1", data_dir=str(tmp_path))
    try:
        assert open_lobby(app, RoundSetup(count=5, seed=3))
        ana = join(app, "Ana")
        key(app, pygame.K_RETURN)                   # Start
        asking = pump(app, ana, "asking")
        ana.send("answer", reply=choice_reply(asking))
        pump(app, ana, "asking")
        position = app.host.room.position
        app.close_host()                            # the window closed mid-question
        app.stack[1:] = []
        run_frames(app)
        click_on(app, "Play")
        click_on(app, "devices")
        assert "cut off" in app.scene.question
        key(app, pygame.K_RETURN)                   # Resume
        assert isinstance(app.scene, ProjectorQuestion)
        assert app.host.room.position == position
        assert app.scene.status() == "All 1 answered"
        # The teacher ends it: nothing is offered back.
        key(app, pygame.K_ESCAPE)
        key(app, pygame.K_RETURN)
        assert isinstance(app.scene, TitleScene) and app.host is None
        click_on(app, "Play")
        click_on(app, "devices")
        assert isinstance(app.scene, LobbyScene)
    finally:
        app.close_host()


def test_run_py_host_resume_with_nothing_to_resume_says_so():
    app = new_app(bind="127.0.0.1", host=True, resume=True)
    assert isinstance(app.scene, TitleScene) and app.host is None
    assert "no class game to resume" in app.banner.text.lower()


@pytest.mark.parametrize("size", [(960, 540), (1920, 1080)])
def test_the_lobbys_qr_code_reads_back_as_the_address_with_the_code(size):
    """Read from the window's pixels by a barcode reader, as a phone's camera would."""
    import zxingcpp
    app = new_app(bind="127.0.0.1", size=size)
    try:
        app.settings.text_size = "largest"     # the largest text leaves the code the least room
        assert open_lobby(app, RoundSetup(count=5, seed=3))
        app.step()
        w, h = app.screen.get_size()
        pixels = pygame.image.tobytes(app.screen, "RGB")
        read = zxingcpp.read_barcodes(zxingcpp.ImageView(memoryview(pixels), w, h,
                                                         zxingcpp.ImageFormat.RGB))
        assert [code.text for code in read] == \
            [f"{app.host.address}/?code={app.host.room.code}"]
    finally:
        app.close_host()
