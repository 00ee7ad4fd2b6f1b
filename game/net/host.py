"""A class on their devices, as the projector's screens run it (issue 14): the room, its
server, and what happens each frame. The teacher's controls call start, reveal, next and
kick here; each changes the room and sends every device its new view. There is nothing a
device can send that calls any of them."""
import socket
from contextlib import nullcontext
from pathlib import Path

from game.net.bridge import Bridge
from game.net.server import Server
from game.store import room_file

PORT = 8123
PORTS_TRIED = 8     # 8123 to 8130 when the teacher named no port: another program may have one


def lan_address() -> str:
    """The address this machine has on its network, as students' devices reach it: the one
    the system would send from. No packet is sent (a datagram socket's connect only picks a
    route). 127.0.0.1 on a machine with no network: then only this machine can join."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))     # TEST-NET-1: never routed anywhere real
        return probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


class NoServer(Exception):
    """The server could not start, said so a teacher can act on it."""


class Host:
    def __init__(self, room, bind: str | None = None, port: int | None = None,
                 wake=lambda: None, saved: Path | None = None):
        """bind: the address students type (default: this machine's LAN address, never
        0.0.0.0: the Host and Origin checks need the address the page was loaded from).
        wake: called from the server's thread when a message arrives, so that a sleeping
        game loop wakes to handle it. saved: where the game is kept while it runs, to be
        resumed if it is killed (game.store.room_file.path_in(the data folder)); None: not
        kept."""
        self.room = room
        self.saved = saved
        self.trouble: str | None = None     # why the game could not be kept, for the teacher
        self._unsaved = False
        self.bridge = Bridge(wake=wake)
        self.bind = bind or lan_address()
        self.port = port
        self.server: Server | None = None
        self._shown_second = None

    def open(self) -> None:
        """Start serving; NoServer with a sentence for the teacher if no port would do."""
        ports = [self.port] if self.port is not None else \
            list(range(PORT, PORT + PORTS_TRIED)) + [0]
        last = None
        for port in ports:
            server = Server(self.bridge, self.bind, port)
            try:
                server.start()
            except OSError as error:
                last = error
                continue
            self.server = server
            if self.saved is not None:
                self.room.on_change = self._changed
                self._changed()
                self._keep()
            return
        if self.port is not None:
            raise NoServer(f"Byline could not serve students on {self.bind}:{self.port} "
                           f"({last.strerror or last}). Another program may be using that "
                           "port: try another with --port.")
        raise NoServer(f"Byline could not serve students on {self.bind} "
                       f"({last.strerror or last}). Check the address given with --bind is "
                       "this computer's.")

    def close(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None

    def forget(self) -> str | None:
        """The teacher ended the game: it is no longer kept to be resumed. A sentence if
        its file could not be removed."""
        if self.saved is None:
            return None
        self.room.on_change = None
        return room_file.remove(self.saved)

    @classmethod
    def resume(cls, saved: Path, bank, results, wake=lambda: None,
               article_credit=lambda q: "", article_text=lambda q: ()):
        """A host for the game kept in saved, on the same address and port, its students'
        answers taken from results; or a sentence saying why it cannot be resumed. open()
        it as any host (NoServer if its port is now taken)."""
        loaded = room_file.load(saved, bank, results, article_credit, article_text)
        if isinstance(loaded, str):
            return loaded
        room, bind, port = loaded
        return cls(room, bind, port, wake, saved)

    def _changed(self) -> None:
        self._unsaved = True

    def _keep(self) -> None:
        """The game written once for the changes since the last time: thirty names joining
        in one frame are one write, not thirty. A teacher's control is kept before the
        devices are sent what it changed."""
        if self._unsaved:
            self._unsaved = False
            self.trouble = room_file.keep(self.saved, self.room, self.bind, self.server.port)

    @property
    def address(self) -> str:
        """What students type: the server's, or before it opens, the one it would have."""
        if self.server is not None:
            return self.server.address
        return f"http://{self.bind}:{self.port or PORT}"

    # -- each frame --
    def step(self, dt: float) -> bool:
        """Messages applied, the timer run; True when the projector's picture changed (a
        name joined, an answer came, a second went)."""
        # The frame's answers go to the results file in one transaction, committed on the
        # results' writer thread before any device is told its answer was taken: at 300
        # answers in a few seconds a commit each, on this thread, was most of the frame
        # (game.tools.bench --net).
        with self._held() as commit:
            changed = self.bridge.drain(self.room, settle=commit) > 0
        self._keep()
        room = self.room
        room.tick(dt)
        second = self.seconds_left()
        if second != self._shown_second:
            self._shown_second = second
            if second is not None:
                self.bridge.clock(room)
            changed = True
        return changed

    def due(self) -> float:
        """Seconds until the picture changes with no message: the timer's next second."""
        left = self.room.seconds_left()
        return 3600.0 if not left else left - (-(-left // 1) - 1)

    def seconds_left(self) -> int | None:
        """Whole seconds left on the question's timer, as the devices show them."""
        left = self.room.seconds_left()
        return None if left is None else int(-(-left // 1))

    def _held(self):
        """The results store's held(): one commit for many answers (or rounds started or
        finished); a recorder without it commits each as it comes."""
        hold = getattr(self.room.recorder, "held", None)
        return hold() if hold is not None else nullcontext(lambda then: then())

    # -- the teacher's controls --
    def start(self) -> None:
        with self._held():      # a round for each student: one commit, not 300
            self.room.start()
        self._keep()
        self.bridge.broadcast(self.room)

    def reveal(self) -> None:
        with self._held():      # who did not answer, recorded as such
            self.room.reveal()
        self._keep()
        self.bridge.broadcast(self.room)

    def next(self) -> None:
        with self._held():      # the last question: each student's round finished at once
            self.room.next()
        self._keep()
        self.bridge.broadcast(self.room)

    def kick(self, name: str) -> None:
        if self.room.kick(name):
            self._keep()
            self.bridge.broadcast(self.room)
