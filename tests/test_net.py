"""The network of a class on their devices (issue 14), tested with the websockets client
against the real server on a free port: what a device may send, what it is sent (never the
answer key before the reveal), and that nothing a device sends can crash the server.

The room lives on a "game" thread, as it does in the pygame loop: the test asks that thread
to start, reveal or kick, and it drains the bridge between commands. Every wait is on a
condition with a generous timeout, never a sleep."""
import asyncio
import http.client
import json
import socket
import time
from dataclasses import fields

import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from devices import Device, strings  # noqa: F401  (Device: tests of the resume import it from here)
from game.net import protocol
from game.net.bridge import (ALREADY, BAD, JOIN_FIRST, NO_SEAT, NOT_COUNTED, REMOVED, TOO_MANY,
                             Bridge, Client)
from game.net.server import MAX_SIZE, Server
from game.tools.loopback import GameThread as Game, Kept
from game.quiz.questions import generate
from game.quiz.room import (LATE, NOT_ASKING, NOT_YET, TWICE, UNKNOWN_CHOICE, Asking, Room,
                            Waiting)
from game.quiz.round import RoundSetup

WAIT = 30.0     # seconds: only ever reached when something is broken


def wait_for(condition, timeout=WAIT):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.01)


@pytest.fixture
def questions(bank):
    made = generate(bank, seed=1)
    skills = ("fact_or_opinion", "who_is_source", "opinion_words", "article_genre")
    return [next(q for q in made if q.skill == s) for s in skills]


@pytest.fixture
def start(questions):
    """start(timer=None, **bridge) -> (server, game): a room of code ACDEF on a free port,
    stopped at the end of the test."""
    running = []

    def start(timer=None, **bridge_kw):
        room = Room(questions, RoundSetup(count=5, timer_seconds=timer), Kept(), code="ACDEF")
        bridge = Bridge(**bridge_kw)
        server = Server(bridge)
        server.start()
        running.append((server, Game(room, bridge)))
        return running[-1]
    yield start
    for server, game in running:
        game.stop()
        server.stop()


@pytest.fixture
def net(start):
    return start()


def get(server, path, host=None):
    """One GET on a connection of its own (the server closes it after each answer)."""
    page = http.client.HTTPConnection("127.0.0.1", server.port, timeout=WAIT)
    page.request("GET", path, headers={"Host": host} if host else {})
    return page.getresponse()


def right_reply(room, view):
    q = room.questions[room.position]
    if q.skill == "opinion_words":
        return sorted(q.cue_words)
    return next(c["id"] for c in view["choices"] if c["text"] == q.choices[q.answer])


def wrong_reply(room, view):
    q = room.questions[room.position]
    if q.skill == "opinion_words":
        return [i for i in range(len(q.words)) if i not in q.cue_words][:1]
    return next(c["id"] for c in view["choices"] if c["text"] != q.choices[q.answer])


# -- the protocol on its own ----------------------------------------------------------------

def test_messages_are_checked_before_they_become_calls():
    assert protocol.parse('{"v": 1, "type": "join", "code": "ACDEF", "name": "Ana"}') == \
        protocol.Join("ACDEF", "Ana", None)
    assert protocol.parse('{"v": 1, "type": "answer", "reply": [0, 3]}') == \
        protocol.Answer([0, 3])
    hostile = {
        "not JSON": ["{", "", "NaN x", "[" * 4000],
        "not an object": ["[]", "3", '"join"', "null"],
        "version": ['{"type": "join"}', '{"v": 2, "type": "join"}', '{"v": "1"}',
                    '{"v": true, "type": "rejoin", "token": "t"}', '{"v": 1.0}'],
        "unknown type": ['{"v": 1, "type": "reveal"}', '{"v": 1, "type": null}'],
        "bad fields": ['{"v": 1, "type": "join", "code": 5, "name": "Ana"}',
                       '{"v": 1, "type": "join", "code": "ACDEF", "name": ""}',
                       '{"v": 1, "type": "join", "code": "ACDEF", "name": "Ana", "token": 1}',
                       '{"v": 1, "type": "rejoin", "token": ["x"]}',
                       '{"v": 1, "type": "rejoin", "token": "' + "t" * 65 + '"}',
                       '{"v": 1, "type": "answer", "reply": {}}',
                       '{"v": 1, "type": "answer", "reply": [true]}',
                       '{"v": 1, "type": "answer", "reply": [-1]}',
                       '{"v": 1, "type": "answer", "reply": ""}'],
        "too big": ["x" * 4097, '"' + "é" * 2100 + '"', None],
        "binary": [b"{}"],
    }
    for why, raws in hostile.items():
        for raw in raws:
            assert protocol.parse(raw) == protocol.Bad(why), repr(raw)[:80]


def test_a_view_on_the_wire_is_the_rooms_fields_and_its_type_only():
    wire = json.loads(protocol.view(Waiting("Ana", 3)))
    assert wire == {"v": 1, "type": "waiting", "name": "Ana", "joined": 3}
    assert json.loads(protocol.refused("no")) == {"v": 1, "type": "refused", "why": "no"}


def test_a_device_that_falls_too_far_behind_is_let_go_not_waited_for():
    async def fill():
        closed = []
        client = Client("10.0.0.2", asyncio.Queue(2), lambda: closed.append(True))
        for n in range(5):
            client.put(str(n))
        return client.outbox.qsize(), closed
    assert asyncio.run(fill()) == (2, [True])


# -- joining ---------------------------------------------------------------------------------

def test_the_page_is_served_and_a_device_joins_by_code(net):
    server, game = net
    response = get(server, "/")
    assert response.status == 200 and "Byline — join a game" in response.read().decode()
    assert "default-src 'self'" in response.getheader("Content-Security-Policy")
    assert get(server, "/index.html").status == 200
    for path in ("/../pyproject.toml", "/%2e%2e/pyproject.toml", "/static/index.html"):
        assert get(server, path).status == 404

    ana, bo = Device(server), Device(server)
    assert ana.join("Ana") == {"v": 1, "type": "waiting", "name": "Ana", "joined": 1}
    ana.send("join", code="ACDEF", name="Ana again")
    assert ana.recv() == {"v": 1, "type": "refused", "why": ALREADY}
    bo.send("join", code="WRONG", name="Bo")
    assert "not this game's" in bo.recv()["why"]
    bo.send("join", code="acdef", name="  aNA ")             # the same name, any case
    assert "already joined as aNA" in bo.recv()["why"]
    assert bo.join("Bo", code=" acdef ")["joined"] == 2
    assert game.do(lambda room: room.names()) == ["Ana", "Bo"]


def test_a_kicked_device_is_told_and_cannot_come_back(net):
    server, game = net
    ana, bo = Device(server), Device(server)
    ana.join("Ana")
    bo.join("Bo")
    game.act(lambda room: room.kick("Ana"))
    assert ana.until("refused")["why"] == REMOVED
    ana.send("join", code="ACDEF", name="Anna")             # the same socket, a new name
    assert ana.recv()["why"] == REMOVED
    ana.close()
    again = Device(server)                                   # the page reloads
    again.send("rejoin", token=ana.token)
    assert again.recv()["why"] == REMOVED
    fresh = Device(server)                                   # a new page, its old token kept
    fresh.send("join", code="ACDEF", name="Anna", token=ana.token)
    assert fresh.recv()["why"] == REMOVED
    assert game.do(lambda room: room.names()) == ["Bo"]
    assert bo.until("waiting")["joined"] == 1                 # the others are still in


def test_a_device_that_drops_rejoins_its_seat_with_its_score(net):
    server, game = net
    ana, bo = Device(server), Device(server)
    ana.join("Ana")
    bo.join("Bo")
    game.act(lambda room: room.start())
    asking = ana.until("asking")
    ana.send("answer", reply=game.do(lambda room: right_reply(room, asking)))
    assert ana.until("asking")["answered"] is True
    ana.close()                                              # the Wi-Fi drops

    back = Device(server)
    back.send("rejoin", token=ana.token)
    assert back.recv() == {"v": 1, "type": "joined", "token": ana.token}
    seen = back.recv()
    assert seen["type"] == "asking" and seen["answered"] is True and seen["name"] == "Ana"
    game.act(lambda room: room.reveal())
    result = back.until("result")
    assert result["verdict"] == "Right" and result["score"] > 0
    assert result["score"] == game.do(lambda room: room.rejoin(ana.token).state.score)
    assert len(game.do(lambda room: room.names())) == 2      # the same seat, not a new one
    back.send("rejoin", token="no-such-seat")
    assert back.recv()["why"] == NO_SEAT


def test_a_late_joiner_waits_for_the_next_question(net):
    server, game = net
    ana = Device(server)
    ana.join("Ana")
    game.act(lambda room: room.start())
    asking = ana.until("asking")
    late = Device(server)
    assert late.join("Late")["type"] == "waiting"
    late.send("answer", reply=asking["choices"][0]["id"])
    assert late.recv()["reason"] == NOT_YET
    game.act(lambda room: room.reveal())
    game.act(lambda room: room.next())
    assert late.until("asking")["position"] == 2


# -- never leak ------------------------------------------------------------------------------

def test_nothing_before_the_reveal_carries_the_answer_or_another_students_name(net):
    server, game = net
    names = ("Qzyxa", "Wvutk", "Jpomn")
    devices = [Device(server) for _ in names]
    for device, name in zip(devices, names):
        device.join(name)
    for device in devices:                       # the join broadcasts nothing: read to here
        device.raw.clear()
    asking_fields = {f.name for f in fields(Asking)} | {"v", "type"}
    game.act(lambda room: room.start())
    for position in range(len(game.room.questions)):
        q = game.room.questions[position]
        for n, device in enumerate(devices):
            asking = device.until("asking")
            assert set(asking) == asking_fields
            reply = right_reply if n else wrong_reply
            device.send("answer", reply=game.do(lambda room: reply(room, asking)))
            assert device.until("asking")["answered"] is True
        for device, name in zip(devices, names):
            for raw in device.raw:
                message = json.loads(raw)
                assert message["type"] in ("asking", "waiting")
                assert not {"explanation", "right_answer", "answer", "verdict", "points",
                            "cue_words"} & set(message)
                assert all(q.explanation not in text for text in strings(message))
                assert all(other not in raw for other in names if other != name)
            device.raw.clear()
        game.act(lambda room: room.reveal())
        for device in devices:
            result = device.until("result")
            assert result["explanation"] and result["right_answer"]
            device.raw.clear()
        game.act(lambda room: room.next())
    over = devices[1].until("over")
    assert over["of"] == 3 and over["place"] == 1


# -- answers that do not count ----------------------------------------------------------------

def test_answers_twice_late_after_the_reveal_or_unknown_are_refused_and_counted(start):
    server, game = start(timer=20)
    ana, bo, cy = Device(server), Device(server), Device(server)
    stranger = Device(server)
    for device, name in ((ana, "Ana"), (bo, "Bo"), (cy, "Cy")):
        device.join(name)
    stranger.send("answer", reply="abcd1234")
    assert stranger.recv()["why"] == JOIN_FIRST
    game.act(lambda room: room.start())
    asking = ana.until("asking")
    assert bo.until("asking")["seconds_left"] == 20
    ana.send("answer", reply="not-an-id")
    refused = ana.until("refused")
    assert refused["reason"] == UNKNOWN_CHOICE
    assert refused["why"] == NOT_COUNTED[UNKNOWN_CHOICE]     # a sentence, then where it is
    assert ana.until("asking")["answered"] is False
    ana.send("answer", reply=asking["choices"][0]["id"])
    assert ana.until("asking")["answered"] is True
    ana.send("answer", reply=asking["choices"][1]["id"])
    assert ana.until("refused")["reason"] == TWICE
    game.act(lambda room: room.tick(21))                     # the timer runs out
    assert bo.until("asking")["seconds_left"] == 0
    bo.send("answer", reply=asking["choices"][0]["id"])
    assert bo.until("refused")["reason"] == LATE
    game.act(lambda room: room.reveal())
    cy.until("result")
    cy.send("answer", reply=asking["choices"][0]["id"])
    assert cy.until("refused")["reason"] == NOT_ASKING
    refused = game.do(lambda room: dict(room.refused))
    assert refused == {UNKNOWN_CHOICE: 1, TWICE: 1, LATE: 1, NOT_ASKING: 1}
    assert game.bridge.bad["answer before joining"] == 1
    assert len(game.room.recorder.answers) == 3              # one each, the rest not scored


# -- hostile devices ---------------------------------------------------------------------------

def test_hostile_messages_are_counted_and_dropped_and_the_server_lives_on(net):
    server, game = net
    bridge = game.bridge
    # max_queue=None: this device reads every reply, however many, so none is let go.
    rogue = Device(server, max_queue=None)
    hostile = ["not json", "[1, 2]", json.dumps({"v": 1, "type": "join", "name": 5,
                                                  "code": []}),
               json.dumps({"v": 1, "type": "answer", "reply": {"id": 1}}),
               json.dumps({"v": 1, "type": "take over"}), json.dumps({"type": "join"}),
               json.dumps({"v": 1, "type": "join", "code": "ACDEF", "name": "x" * 5000}),
               b"\x00\x01"]
    for raw in hostile:
        rogue.socket.send(raw)
        assert rogue.recv() == {"v": 1, "type": "refused", "why": BAD}
    for _ in range(1000):
        rogue.socket.send("{" * 3)
    wait_for(lambda: bridge.bad["not JSON"] == 1001)
    assert bridge.bad == {"not JSON": 1001, "not an object": 1, "bad fields": 2,
                          "unknown type": 1, "version": 1, "too big": 1, "binary": 1}
    with pytest.raises(ConnectionClosed) as closed:          # past max_size: closed unread
        rogue.socket.send("x" * (MAX_SIZE + 1))
        while True:
            rogue.socket.recv(timeout=WAIT)
    assert closed.value.rcvd.code == 1009
    wait_for(lambda: bridge.bad["too big"] == 2)
    assert game.do(lambda room: room.names()) == []          # nothing reached the room
    assert Device(server).join("Ana")["type"] == "waiting"   # and the server still serves


def test_a_socket_from_another_origin_or_host_is_refused_at_the_handshake(net):
    server, game = net
    for kw in ({"origin": "http://evil.example"}, {"origin": None},
               {"origin": server.address.replace("127.0.0.1", "localhost")}):
        with pytest.raises(InvalidStatus) as refused:
            Device(server, **kw)
        assert refused.value.response.status_code == 403
    # DNS rebinding: a name that points at this machine, with the Origin made to match it.
    rebound = f"ws://localhost:{server.port}/ws"
    with pytest.raises(InvalidStatus) as refused:
        connect(rebound, origin=f"http://localhost:{server.port}", proxy=None,
                open_timeout=WAIT, legacy=True)
    assert refused.value.response.status_code == 403
    assert game.bridge.bad["handshake"] == 4
    assert get(server, "/", host=f"localhost:{server.port}").status == 403


def test_join_attempts_are_rate_limited_per_address(start):
    server, game = start(joins=3, per_seconds=3600)
    guesser = Device(server)
    for code in ("AAAAA", "CCCCC", "DDDDD"):
        guesser.send("join", code=code, name="Guess")
        assert "not this game's" in guesser.recv()["why"]
    guesser.send("join", code="ACDEF", name="Guess")
    assert guesser.recv()["why"] == TOO_MANY
    other = Device(server)                                   # the same address, another socket
    other.send("rejoin", token="x" * 22)
    assert other.recv()["why"] == TOO_MANY
    assert game.bridge.bad["join rate"] == 2
    assert game.do(lambda room: room.names()) == []


def test_a_device_that_stops_reading_is_let_go_and_stalls_nobody(net):
    server, game = net
    # The slow device reads one message and then nothing (max_queue=1), through a small
    # receive buffer: the server's writes to it back up until its queue is full.
    tight = socket.socket()
    tight.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    tight.connect(("127.0.0.1", server.port))
    slow, fast = Device(server, max_queue=1, sock=tight), Device(server)
    slow.join("Slow")
    fast.join("Fast")
    game.act(lambda room: room.start())
    fast.until("asking")

    def some(room):
        for _ in range(20):
            game.bridge.broadcast(room)     # never waits on a socket: the game never stalls
        return slow.token not in {c.token for c in game.bridge.clients() if not c.let_go}

    for _ in range(2000):
        let_go = game.do(some)
        for _ in range(20):                 # the fast device reads all it was sent
            assert fast.recv()["type"] == "asking"
        if let_go:
            break
    else:
        pytest.fail("the slow device was never let go")
    game.act(lambda room: room.reveal())
    assert fast.until("result")["name"] == "Fast"
    wait_for(lambda: len(game.bridge.clients()) == 1)
