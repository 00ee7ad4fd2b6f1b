"""A class on their devices on this machine's loopback, for the student page's browser tests
and its screenshots (issue 14): the real Server, Bridge and Room, with the game's loop cut
down to a thread that runs the teacher's actions and drains the bridge, as the projector's
loop does each frame. Chromium is Debian's, driven by Playwright; nothing is downloaded."""
import queue
import threading
from concurrent.futures import Future
from functools import lru_cache
from pathlib import Path

from game.bank import load_bank
from game import shipped
from game.net.bridge import Bridge
from game.net.server import Server
from game.quiz.questions import generate
from game.quiz.room import Room, articles, credits

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# Every kind of question a device can be asked, in the order the shots and tests take them.
SKILLS = ("fact_or_opinion", "who_is_source", "source_kind", "opinion_words", "article_genre")
WAIT = 30.0     # seconds: only ever reached when something is broken


def launch(playwright):
    """Debian's Chromium, headless (Playwright's own browsers cannot be downloaded here)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def one_of_each(seed: int = 1):
    """A question of each kind from the shipped bank, and the credit each device shows."""
    made = generate(_bank(), seed=seed)
    questions = [next(q for q in made if q.skill == skill) for skill in SKILLS]
    return questions, credits(_bank())


@lru_cache(maxsize=1)
def _bank():
    return load_bank([shipped.QUESTIONS]).bank


class Kept:
    """A results store that keeps answers in memory."""

    def __init__(self):
        self.answers = []

    def start_round(self, player, setup, mode="solo"):
        return player

    def record(self, round_id, position, answer):
        self.answers.append((round_id, position, answer))

    def finish_round(self, round_id, score):
        pass


class GameThread:
    """The game's loop, cut down: runs the caller's commands on the room and drains the
    bridge, on one thread of its own, as the projector's loop does each frame."""

    def __init__(self, room, bridge):
        self.room, self.bridge = room, bridge
        self._commands: queue.Queue = queue.Queue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="byline-game", daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            try:
                command, done = self._commands.get(timeout=0.005)
            except queue.Empty:
                pass
            else:
                try:
                    done.set_result(command(self.room))
                except Exception as error:      # the caller sees it, not a dead thread
                    done.set_exception(error)
            self.bridge.drain(self.room)

    def do(self, command):
        """command(room) on the game's thread; its result."""
        done = Future()
        self._commands.put((command, done))
        return done.result(WAIT)

    def act(self, change):
        """A teacher's action (start, reveal, next, kick, a tick of the timer), then every
        device is sent its view."""
        return self.do(lambda room: (change(room), self.bridge.broadcast(room))[0])

    def stop(self):
        self._stop.set()
        self._thread.join(WAIT)


class Classroom(GameThread):
    """A room served on 127.0.0.1 on a free port. The teacher's actions run on the game's
    thread (act: the change, then every device is sent its view), never on the caller's."""

    def __init__(self, questions, setup, credit=lambda q: "", code="ACDEF", joins=10_000):
        # joins: every page of a test comes from 127.0.0.1, so the per-address limit on
        # join attempts is raised; the network's own tests check the limit.
        room = Room(questions, setup, Kept(), code=code, article_credit=credit,
                    article_text=articles(_bank()))
        bridge = Bridge(joins=joins)
        self.server = Server(bridge, "127.0.0.1", 0)
        self.server.start()
        self.port = self.server.port
        super().__init__(room, bridge)

    @property
    def address(self) -> str:
        return self.server.address

    def stop_server(self):
        """Every socket closes, as when the teacher's machine loses its network; the room
        goes on, and start_server serves it again on the same address."""
        self.server.stop()

    def start_server(self):
        self.server = Server(self.bridge, "127.0.0.1", self.port)
        self.server.start()

    def close(self):
        self.stop()
        self.server.stop()
