"""The teacher's real game (the window, headless) for a class on devices, for the kill -9
test: `run.py host` on 127.0.0.1, whose keys come as lines on stdin ("enter", "escape").
It prints "ready ADDRESS" once students can join, and "scene NAME" after each key.

    python tests/projector_game.py DATA_DIR"""
import os
import sys
import threading
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pygame  # noqa: E402

from game.app import App, Config  # noqa: E402
from game.loop import Loop  # noqa: E402

KEYS = {"enter": pygame.K_RETURN, "escape": pygame.K_ESCAPE}


def main(folder: str) -> int:
    app = App(Config(data_dir=folder, host=True, bind="127.0.0.1", port=0))
    loop = Loop(app)
    loop.turn()
    print("ready", app.host.address, flush=True)
    said = []

    def read():     # keys from the test, as the teacher would press them
        for line in sys.stdin:
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=KEYS[line.strip()],
                                                 mod=0, unicode="", scancode=0))
            said.append(True)
    threading.Thread(target=read, daemon=True).start()
    while app.running:
        loop.turn()
        if said:
            said.pop()
            loop.turn()
            print("scene", type(app.scene).__name__, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
