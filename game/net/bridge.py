"""Between the server's thread and the game's loop (issue 14). The server puts each checked
message on one thread-safe queue; the game's loop, which owns the room, drains it each frame,
calls the room and sends each device concerned its new view. The server never touches the
room, and the game never waits on a socket: what it sends is handed to the server's loop
with call_soon_threadsafe and goes into that device's own queue."""
import asyncio
import queue
import threading
import time
from collections import Counter, deque

from game.net import protocol
from game.net.protocol import Answer, Join, Rejoin
from game.quiz import room as rules

OUTBOX = 64     # messages waiting for one device; past this it is too slow and is let go

REMOVED = "The teacher has removed you from this game."
NO_SEAT = "That seat is not in this game any more: join again with the code."
JOIN_FIRST = "Join the game first."
ALREADY = "This device has already joined."
TOO_MANY = "Too many tries: wait a few seconds and try again."
TOO_MANY_WORD = "too many"
BAD = "Byline could not read that message."
# Why the room did not count an answer, as the student reads it.
NOT_COUNTED = {
    rules.LATE: "Time was up: that answer came too late to count.",
    rules.TWICE: "You have already answered this question.",
    rules.NOT_ASKING: "No question is open now: wait for the next one.",
    rules.UNKNOWN_SEAT: NO_SEAT,
    rules.UNKNOWN_CHOICE: "That answer is not one of this question's: pick again.",
    rules.KICKED: REMOVED,
    rules.NOT_YET: "You joined during this question: the next one is yours.",
    rules.HOW_SURE: "Say how sure you are, then send your answer.",
}


class Client:
    """One connected device: its socket's outbox, and its seat once the room gives one."""

    def __init__(self, address: str, outbox: asyncio.Queue, close):
        self.address, self.outbox, self.close = address, outbox, close
        self.token: str | None = None       # set and cleared by the game's thread only
        self.kicked = False
        self.let_go = False

    def put(self, text: str) -> None:
        """On the server's loop: queue one message; a device this far behind is let go (its
        page reconnects and rejoins its seat with the current view)."""
        try:
            self.outbox.put_nowait(text)
        except asyncio.QueueFull:
            if not self.let_go:
                self.let_go = True
                self.close()

    def tell(self, text: str) -> None:
        """On the server's loop: a reply to a message that could not be read, if there is
        room; a device flooding garbage loses replies, not its seat."""
        if not self.outbox.full():
            self.outbox.put_nowait(text)


class Bridge:
    def __init__(self, joins: int = 10, per_seconds: float = 10.0, clock=time.monotonic,
                 wake=lambda: None):
        """wake: called on the server's thread when a message is queued for the game, so a
        game loop asleep until the next input wakes at once."""
        self.incoming: queue.SimpleQueue = queue.SimpleQueue()
        self.wake = wake
        self.bad: Counter = Counter()           # messages dropped, by what was wrong
        self.loop: asyncio.AbstractEventLoop | None = None     # the server's, once it runs
        self._clients: set[Client] = set()
        self._lock = threading.Lock()           # both threads see the set of clients
        self._joins, self._per, self._clock = joins, per_seconds, clock
        self._tries: dict[str, deque] = {}
        self._outgoing: list[tuple[Client, str]] = []     # sent this frame, not yet handed over

    # -- on the server's thread --
    def connected(self, client: Client) -> None:
        with self._lock:
            self._clients.add(client)

    def disconnected(self, client: Client) -> None:
        with self._lock:
            self._clients.discard(client)

    def count(self, why: str) -> None:
        with self._lock:
            self.bad[why] += 1

    def received(self, client: Client, raw) -> None:
        message = protocol.parse(raw)
        if isinstance(message, protocol.Bad):
            self.count(message.why)
            client.tell(protocol.refused(BAD))
        elif isinstance(message, (Join, Rejoin)) and not self._may_join(client.address):
            self.count("join rate")
            # With its word: a page rejoining its seat tries again later instead of
            # giving the seat up.
            client.tell(protocol.refused(TOO_MANY, TOO_MANY_WORD))
        else:
            self.incoming.put((client, message))
            self.wake()

    def _may_join(self, address: str) -> bool:
        """At most `joins` join or rejoin attempts per address in `per_seconds`: guessing
        codes or names from one machine is slow; a page reconnecting now and then is not."""
        now = self._clock()
        tries = self._tries.setdefault(address, deque())
        while tries and now - tries[0] >= self._per:
            tries.popleft()
        if len(tries) >= self._joins:
            return False
        tries.append(now)
        return True

    # -- on the game's thread --
    def clients(self) -> list[Client]:
        with self._lock:
            return list(self._clients)

    def send(self, client: Client, text: str) -> None:
        """Queued: each method that sends hands the queue over when it is done
        (_hand_over), so a drain or a broadcast wakes the server's loop once."""
        self._outgoing.append((client, text))

    def _hand_over(self) -> None:
        """Everything sent since the last hand-over, to the server's loop in one call: each
        call wakes that loop through a socket, and a reveal to 300 devices made 300 calls
        (game.tools.bench --net). Each device still gets its messages in order."""
        outgoing, self._outgoing = self._outgoing, []
        self._deliver(outgoing)

    def _deliver(self, outgoing: list) -> None:
        """To the server's loop, from any thread (the results' writer's too)."""
        loop = self.loop
        if not outgoing or loop is None or loop.is_closed():
            return
        try:
            loop.call_soon_threadsafe(_deliver, outgoing)
        except RuntimeError:    # the server stopped between the check and the call
            pass

    def drain(self, room, settle=lambda then: then()) -> int:
        """Every message that arrived since the last frame, applied to the room in order;
        how many there were (the projector redraws its count when this is not 0).
        settle(then): called once they are applied, with what tells the devices of them:
        the results store calls it once the frame's answers are in the file."""
        done = 0
        while True:
            try:
                client, message = self.incoming.get_nowait()
            except queue.Empty:
                outgoing, self._outgoing = self._outgoing, []
                if done:
                    settle(lambda: self._deliver(outgoing))
                else:
                    self._deliver(outgoing)
                return done
            done += 1
            if isinstance(message, Join):
                self._join(room, client, message)
            elif isinstance(message, Rejoin):
                self._rejoin(room, client, message.token)
            elif client.token is None:
                self.count("answer before joining")
                self.send(client, protocol.refused(JOIN_FIRST))
            else:
                why = room.answer(client.token, message.reply, message.sure)
                # Refused answers are counted by the room; the device is told why, then
                # shown where the game is (its answer may have been sent twice by a reload).
                if why:
                    self.send(client, protocol.refused(NOT_COUNTED[why], why))
                self.send(client, self._view(room, client))

    def _join(self, room, client: Client, message: Join) -> None:
        if client.token is not None:
            self.send(client, protocol.refused(ALREADY))
            return
        if client.kicked or message.kicked in room.kicked:
            self.send(client, protocol.refused(REMOVED))
            return
        token, why = room.join(message.code, message.name)
        if token is None:
            self.send(client, protocol.refused(why))
            return
        self._seat(room, client, token)

    def _rejoin(self, room, client: Client, token: str) -> None:
        if token in room.kicked:
            client.kicked = True
            self.send(client, protocol.refused(REMOVED))
        elif room.rejoin(token) is None:
            self.send(client, protocol.refused(NO_SEAT))
        else:
            # A page that reloaded may still have its old socket open: the seat follows the
            # newest one, so the old one stops being sent views.
            for other in self.clients():
                if other.token == token:
                    other.token = None
            self._seat(room, client, token)

    def _seat(self, room, client: Client, token: str) -> None:
        client.token = token
        self.send(client, protocol.joined(token))
        self.send(client, self._view(room, client))

    def _view(self, room, client: Client) -> str:
        return protocol.view(room.view(client.token))

    def clock(self, room) -> None:
        """A second of the timer has gone: every seated device is told the time left, in
        a message of a few bytes, the same for all."""
        left = room.seconds_left()
        if left is None:
            return
        text = protocol.clock(round(left, 2))
        for client in self.clients():
            if client.token is not None:
                self.send(client, text)
        self._hand_over()

    def broadcast(self, room) -> None:
        """The room changed (started, revealed, next question, a second of the timer, a
        kick): each seated device gets its own view; a kicked one is told and unseated."""
        for client in self.clients():
            if client.token is None:
                continue
            seen = room.view(client.token)
            if seen is None:
                client.token, client.kicked = None, True
                self.send(client, protocol.refused(REMOVED))
            else:
                self.send(client, protocol.view(seen))
        self._hand_over()


def _deliver(outgoing: list[tuple[Client, str]]) -> None:
    """On the server's loop: each message into its device's own queue."""
    for client, text in outgoing:
        client.put(text)
