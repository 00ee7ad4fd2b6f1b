"""A class's game on devices survives the teacher's game being killed (issue 14, part 3):
the room is kept in a small file as it changes, every answer is in the results, and a
resumed game is the same game: the same standings, views and refusals, the same choice ids,
the same address. The file is untrusted when read back: any problem is a sentence."""
import json
import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest

import devices_game
from game.net.host import Host
from game.quiz.questions import generate
from game.quiz.room import ASKING, REVEALED, TWICE, Asking, Room, Waiting
from game.quiz.round import RoundSetup
from game.store import room_file
from game.store.results import Results
from test_net import WAIT, Device, wait_for

SEED = 4
# cnn-06's sentence has "a" twice: in "a strong leader" it is no judgment word, in "a
# really great job" it is; the results keep a pick by its text alone.
IDS = ("cnn-06/fact_or_opinion", "cnn-06/opinion_words", "cnn-06/who_is_source",
       "cnn-06/source_kind")
A_OUTSIDE, A_INSIDE = 9, 17


@pytest.fixture
def questions(bank):
    made = {q.id: q for q in generate(bank, SEED)}
    genre = next(q for q in made.values() if q.skill == "article_genre")
    return [made[i] for i in IDS] + [genre]


def new_room(questions, results, setup=None, **kw):
    setup = setup or RoundSetup(count=5, seed=SEED, confidence=True)
    return Room(questions, setup, results, code="ACDEF", **kw)


def saving(room, path):
    room.on_change = lambda: room_file.save(path, room, "127.0.0.1", 8123)
    return room


def choice(room, token, text):
    """A choice's id on this room's device, from its words."""
    return next(c.id for c in room.view(token).choices if c.text == text)


def reply(room, token, pick):
    """pick: a choice's place in the question, or picked words' indices."""
    q = room.questions[room.position]
    return sorted(pick) if q.skill == "opinion_words" else choice(room, token, q.choices[pick])


def seen(view):
    """A view with its choice ids taken out: two rooms draw different ids."""
    if isinstance(view, Asking):
        return replace(view, choices=tuple(c.text for c in view.choices))
    return view


def same(room, twin, tokens, twin_tokens):
    assert room.phase == twin.phase and room.position == twin.position
    assert room.standings() == twin.standings()
    assert room.spread() == twin.spread() and room.answered() == twin.answered()
    for token, twin_token in zip(tokens, twin_tokens):
        assert seen(room.view(token)) == seen(twin.view(twin_token))


def test_a_resumed_round_is_the_same_round(tmp_path, bank, questions):
    """A room killed after a reveal and an answer, resumed from its file and its results,
    plays on exactly as a twin that was never stopped: same views, standings, spread."""
    path = room_file.path_in(tmp_path)
    room = saving(new_room(questions, Results(tmp_path)), path)
    twin = new_room(questions, Results(tmp_path / "twin"))
    names = ("Ana", "Bo", "Cy")
    tokens = [room.join("ACDEF", n)[0] for n in names]
    twin_tokens = [twin.join("ACDEF", n)[0] for n in names]
    words = questions[1]
    assert words.skill == "opinion_words" and A_INSIDE in words.cue_words
    assert A_OUTSIDE not in words.cue_words
    plays = [   # each question: (pick, how sure) per student; None: no answer
        [(questions[0].answer, "sure"), (1 - questions[0].answer, "guessing"), None],
        [({A_INSIDE}, "sure"), ({A_OUTSIDE}, "fairly sure"), (set(words.cue_words), "sure")],
        [(questions[2].answer, "fairly sure"), None],    # Cy answers after the restart
    ]
    for both in ((room, tokens), (twin, twin_tokens)):
        both[0].start()
    for n, play in enumerate(plays):
        for r, ts in ((room, tokens), (twin, twin_tokens)):
            for token, given in zip(ts, play):
                if given:
                    assert r.answer(token, reply(r, token, given[0]), given[1]) is None
            if n < len(plays) - 1:
                r.reveal()
                r.next()
    same(room, twin, tokens, twin_tokens)
    asked = room.view(tokens[2])

    # The game is killed: nothing of the room is left but its file and the results.
    del room
    loaded = room_file.load(path, bank, Results(tmp_path))
    assert not isinstance(loaded, str), loaded
    room, address, port = loaded
    assert (address, port, room.code) == ("127.0.0.1", 8123, "ACDEF")
    same(room, twin, tokens, twin_tokens)
    assert room.view(tokens[2]) == asked            # the same choice ids
    # An answer given before the restart stands; a second one is refused, as before.
    assert room.answer(tokens[0], asked.choices[0].id, "sure") == TWICE
    # Cy's page sends the answer it had on screen: its choice id still counts.
    cy_pick = next(c.id for c in asked.choices if c.text == questions[2].choices[0])
    assert room.answer(tokens[2], cy_pick, "guessing") is None
    assert twin.answer(twin_tokens[2], choice(twin, twin_tokens[2], questions[2].choices[0]),
                       "guessing") is None
    for r in (room, twin):
        r.reveal()
    same(room, twin, tokens, twin_tokens)
    for r, ts in ((room, tokens), (twin, twin_tokens)):
        r.next()
        while r.phase == ASKING:
            for token in ts:
                assert r.answer(token, reply(r, token, r.questions[r.position].answer),
                                "sure") is None
            r.reveal()
            r.next()
        assert r.phase == "finished"
    same(room, twin, tokens, twin_tokens)
    # The results hold each answer once, in the rounds the game began.
    rows = Results(tmp_path).answer_rows()
    assert len(rows) == 3 * len(questions)
    assert len({(r["player"], r["position"]) for r in rows}) == len(rows)
    assert {r.finished is not None for r in Results(tmp_path).rounds()} == {True}


def test_a_late_joiner_and_a_kick_survive_and_the_lobby_too(tmp_path, bank, questions):
    path = room_file.path_in(tmp_path)
    room = saving(new_room(questions, Results(tmp_path)), path)
    ana, _ = room.join("ACDEF", "Ana")
    troll, _ = room.join("ACDEF", "Troll")
    room.kick("Troll")
    lobby = room_file.load(path, bank, Results(tmp_path))[0]
    assert lobby.phase == "lobby" and lobby.names() == ["Ana"]
    assert isinstance(lobby.view(ana), Waiting) and lobby.view(troll) is None
    room.start()
    late, _ = room.join("ACDEF", "Late")
    resumed = room_file.load(path, bank, Results(tmp_path))[0]
    assert resumed.names() == ["Ana", "Late"] and troll in resumed.kicked
    assert isinstance(resumed.view(late), Waiting)          # the next question is theirs
    assert resumed.join("ACDEF", "late")[0] is None         # the name is still taken
    resumed.reveal()
    resumed.next()
    assert isinstance(resumed.view(late), Asking)
    assert resumed.answer(late, reply(resumed, late, resumed.questions[1].cue_words), "sure") \
        is None


def test_the_timer_starts_again_on_a_resumed_question(tmp_path, bank, questions):
    """Students who had not answered lost the time the game was down, and their pages need
    a moment to reconnect: the question's full time is theirs again. Answers already given
    keep the seconds they were scored with."""
    path = room_file.path_in(tmp_path)
    setup = RoundSetup(count=5, seed=SEED, timer_seconds=20, speed_points=True)
    room = saving(new_room(questions, Results(tmp_path), setup), path)
    ana, _ = room.join("ACDEF", "Ana")
    bo, _ = room.join("ACDEF", "Bo")
    room.start()
    room.tick(15.0)
    assert room.answer(ana, reply(room, ana, questions[0].answer)) is None
    room.tick(10.0)
    assert room.time_up
    resumed = room_file.load(path, bank, Results(tmp_path))[0]
    assert resumed.seconds_left() == 20
    assert resumed.view(ana).answered and not resumed.view(bo).answered
    resumed.tick(5.0)
    assert resumed.answer(bo, reply(resumed, bo, questions[0].answer)) is None
    resumed.reveal()
    assert resumed.view(ana).points == room.rejoin(ana).given[0].points
    assert resumed.rejoin(bo).given[0].seconds == 5.0


def test_a_finished_round_leaves_nothing_to_resume(tmp_path, bank, questions):
    """The host keeps the game from the lobby on, and removes its file at the end."""
    path = room_file.path_in(tmp_path)
    host = Host(new_room(questions, Results(tmp_path)), "127.0.0.1", 0, saved=path)
    host.open()
    try:
        assert path.exists() and json.loads(path.read_text())["phase"] == "lobby"
        ana, _ = host.room.join("ACDEF", "Ana")
        host.start()
        again = Host.resume(path, bank, Results(tmp_path))
        assert isinstance(again, Host)
        assert (again.bind, again.port) == ("127.0.0.1", host.server.port)
        for _ in questions:
            host.reveal()
            host.next()
        assert host.room.phase == "finished" and not path.exists() and host.trouble is None
    finally:
        host.close()
    said = Host.resume(path, bank, Results(tmp_path))
    assert isinstance(said, str) and said.startswith("There is no class game to resume")


def test_a_game_that_cannot_be_kept_goes_on_and_says_why(tmp_path, questions):
    (tmp_path / "not a folder").write_text("")
    path = room_file.path_in(tmp_path / "not a folder")
    host = Host(new_room(questions, Results(tmp_path)), "127.0.0.1", 0, saved=path)
    host.open()
    try:
        assert host.trouble.startswith("The class's game could not be kept in ")
        host.room.join("ACDEF", "Ana")
        host.start()
        assert host.room.phase == ASKING and "the round goes on" in host.trouble
    finally:
        host.close()


# -- an untrusted file ----------------------------------------------------------------------

@pytest.fixture
def saved(tmp_path, questions):
    """A game saved mid-question, with answers in the results: (path, its JSON)."""
    path = room_file.path_in(tmp_path)
    room = saving(new_room(questions, Results(tmp_path)), path)
    tokens = [room.join("ACDEF", n)[0] for n in ("Ana", "Bo")]
    room.kick("Bo")
    room.join("ACDEF", "Cy")
    room.start()
    room.answer(tokens[0], reply(room, tokens[0], 0), "sure")
    room.reveal()
    room.next()
    return path, json.loads(path.read_text())


def load_with(path, data, bank, results):
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)
    return room_file.load(path, bank, results)


@pytest.mark.parametrize("change, words", [
    (lambda d: "{", "it is not a saved game"),
    (lambda d: "[1, 2]", "not a saved game of Byline's"),
    (lambda d: {**d, "version": 2}, "another version of Byline"),
    (lambda d: {**d, "version": True}, "another version of Byline"),
    (lambda d: {**d, "code": "ZZZZZ"}, "its 'code' is not a join code"),
    (lambda d: {**d, "port": "8123"}, "its 'port' is not a port number"),
    (lambda d: {**d, "bind": "<script>"}, "its 'bind' is not an address"),
    (lambda d: {**d, "phase": "finished"}, "that game is over"),
    (lambda d: {**d, "position": 7}, "its 'position' is not a question of the round"),
    (lambda d: {**d, "setup": {**d["setup"], "count": 99}}, "not one Byline could have made"),
    (lambda d: {**d, "setup": {**d["setup"], "timer_seconds": 1.5}}, "timer_seconds"),
    (lambda d: {**d, "setup": {**d["setup"], "colour": "red"}}, "'colour'"),
    (lambda d: {**d, "questions": [["x/y", "0" * 16]]}, "question 1 of the round (x/y)"),
    (lambda d: {**d, "choice_ids": [{"00000000": 0}] * 2}, "its 'choice_ids'"),
    (lambda d: {**d, "students": [*d["students"], d["students"][0]]}, "share a seat"),
    (lambda d: {**d, "students": [{**d["students"][0], "name": "A\u202ena"}]}, "students"),
    (lambda d: {**d, "students": [{**d["students"][0], "first": 3}]}, "students"),
    (lambda d: {**d, "kicked": [d["students"][0]["token"]]}, "students"),
    (lambda d: {**d, "students": [{**d["students"][0], "round": 999}]}, "no round 999 for Ana"),
    (lambda d: {**d, "students": [{**d["students"][0], "round": d["students"][1]["round"]}]},
     "is Cy's, not Ana's"),
])
def test_a_damaged_file_is_a_sentence(tmp_path, bank, saved, change, words):
    path, data = saved
    said = load_with(path, change(data), bank, Results(tmp_path))
    assert isinstance(said, str) and said.startswith(f"The saved class game {path}"), said
    assert words in said
    assert said.endswith("Every answer given is kept in the results; start a new game.")


def test_a_file_too_big_or_not_a_file_is_a_sentence(tmp_path, bank, saved):
    path, _ = saved
    path.write_bytes(b" " * (room_file.MAX_BYTES + 1))
    said = room_file.load(path, bank, Results(tmp_path))
    assert "may be at most 1 MB" in said
    path.unlink()
    path.mkdir()
    assert "cannot be resumed" in room_file.load(path, bank, Results(tmp_path))
    path.rmdir()
    path.write_bytes(b"\xff\xfe{")
    assert "not a saved game" in room_file.load(path, bank, Results(tmp_path))


def test_a_changed_bank_is_said(tmp_path, bank, saved):
    path, data = saved
    gone = replace(bank, statements=[s for s in bank.statements if s.id != "cnn-06"])
    said = room_file.load(path, gone, Results(tmp_path))
    assert "question 1 of the round (cnn-06/fact_or_opinion) is no longer in the question " \
           "bank" in said
    flipped = replace(bank, statements=[
        replace(s, label="fact" if s.label == "opinion" else "opinion") if s.id == "cnn-06"
        else s for s in bank.statements])
    said = room_file.load(path, flipped, Results(tmp_path))
    assert "question 1 of the round (cnn-06/fact_or_opinion) has changed" in said
    # Another data folder's results do not have this game's rounds.
    said = room_file.load(path, bank, Results(tmp_path / "elsewhere"))
    assert "same data folder" in said


def test_a_file_older_than_the_answers_is_said(tmp_path, bank, questions):
    """The file could not be written after a question was asked (a full disk), but its
    answers were: resuming from the older file would ask that question twice."""
    path = room_file.path_in(tmp_path)
    room = saving(new_room(questions, Results(tmp_path)), path)
    ana, _ = room.join("ACDEF", "Ana")
    room.start()
    older = path.read_text()
    room.answer(ana, reply(room, ana, 0), "sure")
    room.reveal()
    room.next()
    room.answer(ana, reply(room, ana, {A_INSIDE}), "sure")
    path.write_text(older)
    said = room_file.load(path, bank, Results(tmp_path))
    assert "an answer of Ana's for a question the saved game had not asked" in said


def test_results_edited_since_are_said(tmp_path, bank, saved):
    path, _ = saved
    db = sqlite3.connect(tmp_path / "results.db")
    with db:
        db.execute("UPDATE answers SET points = 9999 WHERE given != 'null'")
    db.close()
    said = room_file.load(path, bank, Results(tmp_path))
    assert "an answer of Ana's in the results file was judged otherwise" in said


def wrong_values(value, where=()):
    """(where, a wrong value) for every place in a saved game's JSON."""
    for bad in (None, True, -1, 2 ** 70, "", "x" * 300, [], {}):
        if bad != value or type(bad) is not type(value):
            yield where, bad
    items = value.items() if isinstance(value, dict) else \
        enumerate(value[:2]) if isinstance(value, list) else ()
    for key, item in items:
        yield from wrong_values(item, (*where, key))


def test_no_wrong_value_anywhere_makes_a_traceback(tmp_path, bank, saved):
    path, data = saved
    for where, bad in wrong_values(data):
        if not where:
            continue
        changed = json.loads(json.dumps(data))
        spot = changed
        for key in where[:-1]:
            spot = spot[key]
        spot[where[-1]] = bad
        said = load_with(path, changed, bank, Results(tmp_path))
        assert isinstance(said, (str, tuple)), (where, bad)


# -- kill -9, for real ---------------------------------------------------------------------

class Game:
    """The teacher's game in a process of its own (tests/devices_game.py)."""

    def __init__(self, folder: Path, resume=False):
        self.log = open(folder / f"game-{os.getpid()}-{resume}.log", "w")
        self.process = subprocess.Popen(
            [sys.executable, str(Path(devices_game.__file__)), str(folder)]
            + (["--resume"] if resume else []),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log, text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"})
        self.lines: queue.SimpleQueue = queue.SimpleQueue()
        threading.Thread(target=self._read, daemon=True).start()
        word, self.address = self.line().split(" ", 1)
        assert word == "ready", self.address

    def _read(self):
        for line in self.process.stdout:
            self.lines.put(line.strip())

    def line(self) -> str:
        try:
            return self.lines.get(timeout=WAIT)
        except queue.Empty:
            raise AssertionError(f"the game said nothing; its log: {self.log.name}") from None

    def do(self, control: str) -> str:
        self.process.stdin.write(control + "\n")
        self.process.stdin.flush()
        return self.line()

    @property
    def port(self) -> int:
        return int(self.address.rsplit(":", 1)[1])

    def kill(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(WAIT)

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(WAIT)
        self.log.close()


def committed(folder: Path) -> int:
    db = sqlite3.connect(f"{(folder / 'results.db').as_uri()}?mode=ro", uri=True)
    try:
        return db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
    except sqlite3.Error:
        return 0
    finally:
        db.close()


def rejoined(game, token) -> tuple[Device, dict]:
    device = Device(game)
    device.send("rejoin", token=token)
    assert device.recv() == {"v": 1, "type": "joined", "token": token}
    return device, device.recv()


def test_a_game_killed_mid_question_resumes_where_it_was(tmp_path, bank):
    question = devices_game.questions(bank)[0]
    assert question.choices
    right_text, wrong_text = question.choices[question.answer], \
        next(c for c in question.choices if c != question.choices[question.answer])
    games = [Game(tmp_path)]
    devices = []
    try:
        ana, bo = Device(games[0]), Device(games[0])
        devices += [ana, bo]
        ana.join("Ana")
        bo.join("Bo")
        assert games[0].do("start") == f"done {ASKING}"
        asked = ana.until("asking")
        assert bo.until("asking") == {**asked, "name": "Bo"}
        ids = {c["text"]: c["id"] for c in asked["choices"]}
        ana.send("answer", reply=ids[right_text])
        assert ana.until("asking")["answered"]
        wait_for(lambda: committed(tmp_path) == 1)

        games[0].kill()
        games.append(Game(tmp_path, resume=True))
        assert games[1].address == games[0].address     # the pages reconnect where they were
        ana_again, view = rejoined(games[1], ana.token)
        devices.append(ana_again)
        assert view == {**asked, "answered": True}      # same question, same choice ids
        bo_again, view = rejoined(games[1], bo.token)
        devices.append(bo_again)
        assert view == {**asked, "name": "Bo"}
        ana_again.send("answer", reply=ids[wrong_text])
        assert ana_again.recv()["reason"] == TWICE
        bo_again.send("answer", reply=ids[wrong_text])   # the id Bo's page had all along
        assert bo_again.until("asking")["answered"]
        assert committed(tmp_path) == 2
        assert games[1].do("reveal") == f"done {REVEALED}"
        assert ana_again.until("result")["verdict"] == "Right"
        assert bo_again.until("result")["verdict"] == "Not quite"
    finally:
        for device in devices:
            device.close()
        for game in games:
            game.stop()
