"""A teacher's game for a class on devices without its window (no pygame): the room, its
results and its server, as the projector's loop runs them, for test_room_resume's kill -9
test. It serves on 127.0.0.1, keeps the game in DATA_DIR, and takes the teacher's
controls as lines on stdin (start, reveal, next); it prints "ready ADDRESS" once serving
and "done PHASE" after each control.

    python tests/devices_game.py DATA_DIR [--resume]"""
import queue
import sys
import threading
from pathlib import Path

from game.bank.loader import load_bank
from game.net.host import Host
from game.quiz.room import Room
from game.quiz.round import RoundSetup, build_round
from game.store import room_file
from game.store.results import Results

ROOT = Path(__file__).resolve().parent.parent
SETUP = RoundSetup(count=5, seed=7)
CODE = "ACDEF"
CONTROLS = ("start", "reveal", "next")


def bank():
    return load_bank([ROOT / "questions"]).bank


def questions(of_bank):
    return build_round(of_bank, SETUP)


def main(folder: Path, resume: bool) -> int:
    shipped, results = bank(), Results(folder)
    saved = room_file.path_in(folder)
    if resume:
        host = Host.resume(saved, shipped, results)
        if isinstance(host, str):
            print("problem", host, flush=True)
            return 1
    else:
        room = Room(questions(shipped), SETUP, results, code=CODE)
        host = Host(room, "127.0.0.1", 0, saved=saved)
    host.open()
    print("ready", host.address, flush=True)
    controls: queue.SimpleQueue = queue.SimpleQueue()

    def read():
        for line in sys.stdin:
            controls.put(line.strip())
        controls.put(None)      # stdin closed: the test is over
    threading.Thread(target=read, daemon=True).start()
    while True:
        try:
            control = controls.get(timeout=0.005)
        except queue.Empty:
            control = ""
        if control is None:
            host.close()
            return 0
        if control in CONTROLS:
            getattr(host, control)()
            print("done", host.room.phase, flush=True)
        host.step(0.005)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), "--resume" in sys.argv[2:]))
