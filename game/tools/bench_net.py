"""The classroom network under load (issue 14): N students on their devices answering a
round, against the targets at 300 (answer p95 ≤ 50 ms, reveal to all ≤ 250 ms, frame p95
≤ 4 ms, memory ≤ 200 MB).

The game's side runs here, as in class: the real App (headless) with the projector's
screens, a Room of the shipped bank's questions recording into the App's results file
(every answer committed as it arrives), a Host on 127.0.0.1 keeping its room file, and the
game's loop, 60 frames a second, each timed. The students are in another process: N
websockets clients that join by code, answer each question at a random moment within a
couple of seconds (seeded) and note when they sent and when they heard back. The teacher
presses Enter: to start once all have joined, to reveal as soon as the room counts every
answer, and a second later to go on (the scores, the next question).

Run `python -m game.tools.bench --net [--json]`. Not a test: timings vary by machine, so
nothing asserts them; it does check that every answer reached the results file.
"""
import argparse
import asyncio
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from game.net.bridge import Bridge
from game.net.host import Host
from game.quiz.room import Room
from game.quiz.round import RoundSetup, build_round
from game.store.results import Results

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

ROOT = Path(__file__).resolve().parents[2]
SIZES = (30, 100, 300)
TARGETS = {"answer_ms_p95": 50.0, "reveal_ms": 250.0, "frame_ms_p95": 4.0,
           "peak_rss_mb": 200.0}
FPS = 60
SEED = 1
# A timed round: while a question is open every device is also sent the time left once a
# second, the busiest a question gets.
SETUP = RoundSetup(count=5, seed=SEED, timer_seconds=60)
THINK = 2.0     # each student answers at a random moment within this many seconds
AFTER = 1.0     # seconds from a reveal to the next question
WAIT = 60.0     # only ever reached when something is broken
FRAME = "the App's: the host's step, the screens' update and the drawing (1280×720)"


# -- the students' process ------------------------------------------------------------------

def students_main(argv: list[str]) -> None:
    """In a process of its own: N devices through the whole round; what they saw, as JSON."""
    address, code, n, seed, think, out = argv[0], argv[1], int(argv[2]), int(argv[3]), \
        float(argv[4]), Path(argv[5])
    # A file, not stdout: a class of 300's timings outgrow a pipe the game reads only after.
    out.write_text(json.dumps(asyncio.run(_students(address, code, n, seed, think))))


async def _students(address: str, code: str, n: int, seed: int, think: float) -> dict:
    seen = {"latency_ms": [], "results": {}, "refused": [], "failed": []}
    gate = asyncio.Semaphore(50)    # handshakes under way at once, as a class joins in a rush
    await asyncio.gather(*(_student(i, address, code, random.Random(seed * 100_003 + i),
                                    think, seen, gate) for i in range(n)))
    return seen


async def _student(i, address, code, rng, think, seen, gate) -> None:
    from websockets.asyncio.client import connect
    url = address.replace("http", "ws", 1) + "/ws"
    try:
        async with gate:
            socket = await connect(url, origin=address, proxy=None, open_timeout=WAIT,
                                   compression=None)
        async with socket:
            await socket.send(json.dumps({"v": 1, "type": "join", "code": code,
                                          "name": f"Student {i + 1}"}))
            asked: set[int] = set()     # the clock sends the question again each second
            sent: dict[int, float] = {}     # answers not yet acknowledged: when they went
            answering = []
            async for raw in socket:
                now = time.monotonic()
                message = json.loads(raw)
                kind = message["type"]
                if kind == "asking":
                    position = message["position"]
                    if not message["answered"] and position not in asked:
                        asked.add(position)
                        answering.append(asyncio.create_task(
                            _answer(socket, message, rng, rng.uniform(0, think), sent)))
                    elif message["answered"] and position in sent:
                        seen["latency_ms"].append((now - sent.pop(position)) * 1000)
                elif kind == "result":
                    seen["results"].setdefault(str(message["position"]), []).append(now)
                elif kind == "over":
                    break
                elif kind == "refused":
                    seen["refused"].append(message["why"])
            await asyncio.gather(*answering)
    except Exception as error:     # said in the report, not lost in a traceback
        seen["failed"].append(f"student {i + 1}: {type(error).__name__}: {error}")


async def _answer(socket, asking: dict, rng, delay: float, sent: dict) -> None:
    await asyncio.sleep(delay)
    if asking["words"]:
        reply = sorted(rng.sample(range(len(asking["words"])), min(2, len(asking["words"]))))
    else:
        reply = rng.choice(asking["choices"])["id"]
    answer = {"v": 1, "type": "answer", "reply": reply}
    if asking["how_sure"]:
        answer["sure"] = rng.choice(asking["how_sure"])
    sent[asking["position"]] = time.monotonic()
    await socket.send(json.dumps(answer))


# -- the game's process ---------------------------------------------------------------------

def memory_kib(field: str) -> int:
    """VmRSS (now) or VmHWM (the peak), from Linux's /proc; elsewhere the peak so far."""
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith(field + ":"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def reset_peak() -> None:
    """Start VmHWM again from the memory held now (Linux), so each size has its own peak."""
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
    except OSError:
        pass


class Timed:
    """The results file, each commit timed (a frame's answers from the devices go in one
    transaction, before any device is told): how much of a frame is the disk's."""

    def __init__(self, results: Results):
        self.results, self.commits = results, []

    @contextmanager
    def held(self):
        with self.results.held() as commit:
            def timed(then=lambda: None):
                start = time.perf_counter()

                def done():     # on the writer's thread, once the rows are in the file
                    self.commits.append((time.perf_counter() - start) * 1000)
                    then()
                commit(done)
            yield timed

    def __getattr__(self, name):
        return getattr(self.results, name)


class Projector:
    """The game's own loop (game.loop.Loop.turn) on the real App with the projector's screens,
    FPS frames a second, each timed: the whole frame (the host's step, the screens' update,
    the drawing) by the wall clock and by the game thread's CPU, and the host's step alone.
    The teacher's keys are posted as pygame events, as a keyboard's are."""

    def __init__(self, app, drawn: bool = False):
        self.app, self.drawn = app, drawn      # drawn: every frame drawn (the baseline)
        self._last = time.monotonic()

    def press_enter(self) -> tuple[float, float]:
        """The teacher presses Enter: (the moment, the ms the frame that handles it took)."""
        import pygame
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0,
                                             unicode="\r"))
        at = time.monotonic()
        return at, self.frame()[0]

    def run(self, done=lambda: False, seconds: float = WAIT) -> list[tuple[float, float, float]]:
        """Frames until done() or for so many seconds: (wall ms, CPU ms, step ms) each. The
        CPU is the game thread's; the rest of a frame's wall time it waited: for the disk,
        for the server's thread to let go of the interpreter, or for the machine."""
        times, end = [], time.monotonic() + seconds
        while not done():
            if time.monotonic() >= end:
                if seconds == WAIT:
                    raise RuntimeError("the bench waited a minute for the students")
                break
            times.append(self.frame())
        return times

    def frame(self) -> tuple[float, float, float]:
        import pygame
        app, now = self.app, time.monotonic()
        dt, self._last = now - self._last, now
        app.host.stepped = 0.0
        start, cpu = time.perf_counter(), time.thread_time()
        app.advance((), dt)
        app.advance(pygame.event.get(), 0.0)
        if app.dirty or self.drawn:
            app.redraw()
        took = ((time.perf_counter() - start) * 1000, (time.thread_time() - cpu) * 1000,
                app.host.stepped)
        time.sleep(max(0.0, now + 1 / FPS - time.monotonic()))
        return took


def timed_host(room, saved: Path, joins: int):
    """The game's Host on 127.0.0.1, its step timed. Every student here comes from one
    address, which the server lets join 10 times in 10 s: this host's bridge lets the whole
    class in (the game's keeps the limit)."""
    class TimedHost(Host):
        stepped = 0.0

        def step(self, dt: float) -> bool:
            start = time.perf_counter()
            try:
                return super().step(dt)
            finally:
                self.stepped += (time.perf_counter() - start) * 1000

    host = TimedHost(room, "127.0.0.1", 0, saved=saved)
    host.bridge = Bridge(joins=max(joins, 1))
    return host


def ninety_fifth(values: list[float]) -> float:
    # inclusive: within what was measured, never beyond the largest
    return statistics.quantiles(values, n=20, method="inclusive")[18] if len(values) > 1 \
        else max(values, default=0.0)


def frame_figures(frames: list[tuple[float, float, float]]) -> dict:
    wall, cpu, step = zip(*frames)
    return {"frame_ms_p95": round(ninety_fifth(wall), 3), "frame_ms_max": round(max(wall), 3),
            "frame_cpu_ms_p95": round(ninety_fifth(cpu), 3),
            "step_ms_p95": round(ninety_fifth(step), 3), "frames": len(frames)}


class Game:
    """The real App with a class open on the projector, as Play → Class on their devices
    opens one (game.scenes.lobby.open_lobby), with a room of n seats."""

    def __init__(self, folder: Path, n: int):
        from game.app import App, Config
        from game.quiz.room import articles, credits
        from game.scenes.lobby import LobbyScene
        from game.store import room_file
        self.app = app = App(Config(size=(1280, 720), seed=SEED, data_dir=folder))
        bank = app.loaded.bank
        self.results = Timed(app.results)
        # The room's cap is 200; the bench asks for as many seats as it has students.
        self.room = Room(build_round(bank, SETUP), SETUP, self.results, cap=max(n, 1),
                         article_credit=credits(bank), article_text=articles(bank))
        app.open_host(timed_host(self.room, room_file.path_in(folder), n))
        app.push(LobbyScene(app))
        self.projector = Projector(app)

    def close(self) -> None:
        import pygame
        self.app.close_host()
        self.app.close()
        pygame.quit()


def baseline(folder: Path, seconds: float) -> dict:
    """Nobody joined, the question on the projector, every frame drawn: what drawing the
    screen costs without the class."""
    from game.scenes.projector import ProjectorQuestion
    game = Game(folder, 0)
    try:
        game.app.host.start()
        game.app.replace(ProjectorQuestion(game.app))
        game.projector.drawn = True
        frames = game.projector.run(seconds=seconds)
    finally:
        game.close()
    return frame_figures(frames)


def session(n: int, folder: Path, think: float, after: float) -> dict:
    """One class of n through the whole round, the teacher pressing Enter to start, to
    reveal each question once all have answered, and to go on; the figures."""
    from game.scenes.projector import ProjectorAnswer, ProjectorQuestion, Standings
    game = Game(folder, n)
    room, projector, app = game.room, game.projector, game.app
    reset_peak()
    before = memory_kib("VmRSS")
    seen_file = folder / "students.json"
    students = subprocess.Popen(
        [sys.executable, "-m", "game.tools.bench_net", "--students", app.host.address,
         room.code, str(n), str(SEED), str(think), str(seen_file)], cwd=ROOT)
    frames, reveals, reveal_frames = [], [], []

    def on(scene) -> None:
        if not isinstance(app.scene, scene):
            raise RuntimeError(f"the projector shows {type(app.scene).__name__}, "
                               f"not {scene.__name__}")
    try:
        projector.run(lambda: len(room.students) == n or students.poll() is not None)
        start_ms = projector.press_enter()[1]
        for _ in room.questions:
            on(ProjectorQuestion)
            frames += projector.run(lambda: room.answered() == n or students.poll() is not None)
            at, took = projector.press_enter()
            reveals.append(at)
            reveal_frames.append(took)
            on(ProjectorAnswer)
            projector.run(seconds=after)
            while isinstance(app.scene, (ProjectorAnswer, Standings)):
                projector.press_enter()     # the scores between questions, then the next
        projector.run(lambda: students.poll() is not None)
        seen = json.loads(seen_file.read_text())
    finally:
        if students.poll() is None:
            students.kill()
            students.wait()
        peak = memory_kib("VmHWM")
        recorded = len(game.results.answer_rows())
        commits = game.results.commits
        game.close()
    # The students' clock is the game's: time.monotonic is the system's, in both processes.
    reveal_ms = [(max(seen["results"].get(str(p), [float("nan")])) - at) * 1000
                 for p, at in enumerate(reveals, start=1)]
    missing = sum(n - len(seen["results"].get(str(p), [])) for p in range(1, len(reveals) + 1))
    latency = seen["latency_ms"]
    return {"answer_ms_p50": round(statistics.median(latency), 2) if latency else None,
            "answer_ms_p95": round(ninety_fifth(latency), 2) if latency else None,
            "answer_ms_max": round(max(latency), 2) if latency else None,
            "reveal_ms": round(max(reveal_ms), 1),
            "reveal_ms_each": [round(r, 1) for r in reveal_ms],
            "reveal_frame_ms": round(max(reveal_frames), 2),
            "start_frame_ms": round(start_ms, 2), **frame_figures(frames),
            "commit_ms_p50": round(statistics.median(commits), 2),
            "commit_ms_p95": round(ninety_fifth(commits), 2),
            "rss_before_mb": round(before / 1024, 1),
            "peak_rss_mb": round(peak / 1024, 1), "growth_mb": round((peak - before) / 1024, 1),
            "answers": len(latency), "recorded": recorded, "expected": n * len(room.questions),
            "results_missing": missing, "refused": len(seen["refused"]),
            "failed": seen["failed"][:5]}


def measure(sizes=SIZES, think: float = THINK, after: float = AFTER, data: Path | None = None
            ) -> dict:
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(data or tmp)
        base = baseline(folder / "baseline", max(think, 1.0))
        runs = {n: session(n, folder / f"class of {n}", think, after) for n in sizes}
    for run in runs.values():
        run["frame_ratio"] = round(run["frame_ms_p95"] / base["frame_ms_p95"], 2)
    # Other programs' work shows in every wall-clock figure: the machine's load says how much.
    return {"frame": FRAME, "questions": SETUP.count, "think_s": think, "fps": FPS,
            "load_average": [round(load, 2), round(os.getloadavg()[0], 2)],
            "cores": os.cpu_count(), "python": sys.version.split()[0], "baseline": base,
            "sizes": {str(n): run for n, run in runs.items()}}


# (group, heading, figure, width, decimals): the table report() prints, one row a class.
COLUMNS = [("answer", "p50", "answer_ms_p50", 6, 1), ("", "p95", "answer_ms_p95", 6, 1),
           ("", "max", "answer_ms_max", 6, 1), ("reveal", "→all", "reveal_ms", 7, 1),
           ("frame", "p95", "frame_ms_p95", 7, 2), ("", "max", "frame_ms_max", 7, 1),
           ("", "cpu", "frame_cpu_ms_p95", 6, 2), ("", "step", "step_ms_p95", 6, 2),
           ("", "÷0", "frame_ratio", 5, 1), ("commit", "p50", "commit_ms_p50", 6, 2),
           ("", "p95", "commit_ms_p95", 6, 2), ("Enter", "start", "start_frame_ms", 7, 1),
           ("", "reveal", "reveal_frame_ms", 7, 1), ("RSS MB", "before", "rss_before_mb", 6, 1),
           ("", "peak", "peak_rss_mb", 6, 1), ("", "+", "growth_mb", 5, 1)]


def report(out: dict) -> None:
    base, sizes = out["baseline"], out["sizes"]
    print(f"Classes of {', '.join(sizes)} on loopback, each through {out['questions']} "
          f"questions, every student answering within {out['think_s']:g} s of each (seed "
          f"{SEED}); the frame is {out['frame']}, {out['fps']} a second; load average "
          f"{out['load_average'][0]} before, {out['load_average'][1]} after, on "
          f"{out['cores']} cores")
    rows = [("0", base)] + list(sizes.items())
    head = " ".join(f"{group:<{w}}" for group, _, _, w, _ in COLUMNS)
    print(f"{'':8} {head}\n{'students':>8} " + " ".join(f"{h:>{w}}" for _, h, _, w, _ in COLUMNS))
    for n, r in rows:
        cells = [f"{r[key]:{w}.{d}f}" if isinstance(r.get(key), (int, float)) else " " * w
                 for _, _, key, w, d in COLUMNS]
        recorded = f"  {r['recorded']}/{r['expected']}" if "recorded" in r else ""
        print(f"{n:>8} " + " ".join(cells) + recorded)
    print("answer: from a device sending its answer to its view with answered=true, ms; "
          "reveal: from the teacher's Enter to the last device's result (the worst question);\n"
          "frame: the frames while the answers come, wall clock, the game thread's CPU, the "
          "host's step alone, and p95 over the first row's (nobody joined, every frame drawn);\n"
          "commit: a frame's answers written to the results file in one transaction (the writer's thread); Enter: the frame that starts the "
          "round, and the worst that reveals; RSS: the game's process before the class joins, "
          "its peak, the growth")
    for n, r in sizes.items():
        trouble = [f"{r['recorded']} of {r['expected']} answers in the results file"] \
            if r["recorded"] != r["expected"] else []
        trouble += [f"{r['results_missing']} results never arrived"] * bool(r["results_missing"])
        trouble += [f"{r['refused']} refusals"] * bool(r["refused"]) + r["failed"]
        if trouble:
            print(f"  NOTE class of {n}: " + "; ".join(trouble))
    largest = max(sizes, key=int)
    print(f"{'at ' + largest + ' students':20}{'value':>10}{'target':>10}  met")
    for key, target in TARGETS.items():
        value = sizes[largest][key]
        met = "yes" if value is not None and value <= target else "NO"
        print(f"{key:20}{value if value is not None else float('nan'):10.2f}"
              f"{'≤ ' + str(target):>10}  {met}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.tools.bench --net")
    parser.add_argument("--net", action="store_true")
    parser.add_argument("--json", action="store_true", help="the figures as JSON too")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="class sizes, comma-separated (default: %(default)s)")
    parser.add_argument("--think", type=float, default=THINK,
                        help="seconds within which every student answers (default: %(default)s)")
    parser.add_argument("--data", type=Path, help="keep the results files in this folder")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    out = measure([int(n) for n in args.sizes.split(",")], args.think,
                  min(AFTER, args.think), args.data)
    out["bench_seconds"] = round(time.perf_counter() - began, 1)
    report(out)
    print(f"bench took {out['bench_seconds']} s")
    if args.json:
        print(json.dumps(out))
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--students"]:
        students_main(sys.argv[2:])
    else:
        sys.exit(main(sys.argv[1:]))
