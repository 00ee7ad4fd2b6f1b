"""The classroom network under load (issue 14): N students on their devices answering a
round, against the targets at 300 (answer p95 ≤ 50 ms, reveal to all ≤ 250 ms, frame p95
≤ 4 ms, memory ≤ 200 MB).

The game's side runs here, as in class: a Room with the shipped bank's questions, recording
into a real results file (every answer committed as it arrives), a Host on 127.0.0.1, and a
loop that calls host.step(dt) 60 times a second and times each call. The students are in
another process: N websockets clients that join by code, answer each question at a random
moment within a couple of seconds (seeded) and note when they sent and when they heard
back. The teacher reveals as soon as the room counts every answer, and starts the next
question a second later.

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
from pathlib import Path

from game.bank import load_bank
from game.net.bridge import Bridge
from game.net.host import Host
from game.quiz.room import Room
from game.quiz.round import RoundSetup, build_round
from game.store.results import Results

ROOT = Path(__file__).resolve().parents[2]
SIZES = (30, 100, 300)
TARGETS = {"answer_ms_p95": 50.0, "reveal_ms": 250.0, "frame_ms_p95": 4.0,
           "peak_rss_mb": 200.0}
FPS = 60
SEED = 1
# A timed round: while a question is open every device is sent its view once a second
# (the clock it shows), the busiest a question gets.
SETUP = RoundSetup(count=5, seed=SEED, timer_seconds=60)
THINK = 2.0     # each student answers at a random moment within this many seconds
AFTER = 1.0     # seconds from a reveal to the next question
WAIT = 60.0     # only ever reached when something is broken
FRAME = "host.step(dt): the messages applied, the timer run, views sent (no drawing)"


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
    """The results file, each answer's commit timed: how much of a frame is the disk's."""

    def __init__(self, results: Results):
        self.results, self.commits = results, []

    def record(self, *answer) -> None:
        start = time.perf_counter()
        self.results.record(*answer)
        self.commits.append((time.perf_counter() - start) * 1000)

    def __getattr__(self, name):
        return getattr(self.results, name)


class Projector:
    """The game's loop, cut down to what the network costs it: host.step(dt) at most FPS
    times a second, each call timed (wall clock, since the server's thread competes for the
    interpreter)."""

    def __init__(self, host: Host):
        self.host = host
        self._last = time.monotonic()

    def run(self, done=lambda: False, seconds: float = WAIT) -> list[tuple[float, float]]:
        """Frames until done() or for so many seconds; the milliseconds each took, and the
        game thread's CPU milliseconds in it (the rest: waiting for the disk, or for the
        server's thread to let go of the interpreter, or for the machine)."""
        times, end = [], time.monotonic() + seconds
        while not done():
            now = time.monotonic()
            if now >= end:
                if seconds == WAIT:
                    raise RuntimeError("the bench waited a minute for the students")
                break
            dt, self._last = now - self._last, now
            start, cpu = time.perf_counter(), time.thread_time()
            self.host.step(dt)
            times.append(((time.perf_counter() - start) * 1000,
                          (time.thread_time() - cpu) * 1000))
            time.sleep(max(0.0, now + 1 / FPS - time.monotonic()))
        return times


def timed_ms(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def ninety_fifth(values: list[float]) -> float:
    # inclusive: within what was measured, never beyond the largest
    return statistics.quantiles(values, n=20, method="inclusive")[18] if len(values) > 1 \
        else max(values, default=0.0)


def room_for(questions, credit, folder: Path, n: int) -> tuple[Room, Timed]:
    results = Timed(Results(folder))
    # The room's cap is 200 by default; the bench asks for as many seats as it has students.
    return Room(questions, SETUP, results, cap=max(n, 1), article_credit=credit), results


def frame_figures(frames: list[tuple[float, float]]) -> dict:
    wall, cpu = [w for w, _ in frames], [c for _, c in frames]
    return {"frame_ms_p95": round(ninety_fifth(wall), 3), "frame_ms_max": round(max(wall), 3),
            "frame_cpu_ms_p95": round(ninety_fifth(cpu), 3), "frames": len(frames)}


def baseline(questions, credit, folder: Path, seconds: float) -> dict:
    """The same loop with the server up, a question open and nobody joined."""
    room, results = room_for(questions, credit, folder, 0)
    host = Host(room, bind="127.0.0.1", port=0)
    host.open()
    try:
        host.start()
        frames = Projector(host).run(seconds=seconds)
    finally:
        host.close()
        results.close()
    return frame_figures(frames)


def session(n: int, questions, credit, folder: Path, think: float, after: float) -> dict:
    """One class of n through the whole round; the figures."""
    room, results = room_for(questions, credit, folder, n)
    host = Host(room, bind="127.0.0.1", port=0)
    # Every student here comes from one address, which the server lets join 10 times in
    # 10 s: this host's bridge lets the whole class in (the game's keeps the limit).
    host.bridge = Bridge(joins=n, wake=host.bridge.wake)
    host.open()
    projector = Projector(host)
    reset_peak()
    before = memory_kib("VmRSS")
    seen_file = folder / "students.json"
    students = subprocess.Popen(
        [sys.executable, "-m", "game.tools.bench_net", "--students", host.address, room.code,
         str(n), str(SEED), str(think), str(seen_file)], cwd=ROOT)
    frames, reveals, reveal_calls = [], [], []
    try:
        projector.run(lambda: len(room.students) == n or students.poll() is not None)
        start_ms = timed_ms(host.start)
        for _ in questions:
            frames += projector.run(lambda: room.answered() == n or students.poll() is not None)
            reveals.append(time.monotonic())
            reveal_calls.append(timed_ms(host.reveal))
            projector.run(seconds=after)
            host.next()     # the last one ends the round: every device is sent its place
        projector.run(lambda: students.poll() is not None)
        seen = json.loads(seen_file.read_text())
    finally:
        if students.poll() is None:
            students.kill()
            students.wait()
        host.close()
    peak = memory_kib("VmHWM")
    recorded = len(results.answer_rows())
    results.close()
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
            "reveal_call_ms": round(max(reveal_calls), 2), "start_call_ms": round(start_ms, 2),
            **frame_figures(frames),
            "commit_ms_p50": round(statistics.median(results.commits), 2),
            "commit_ms_p95": round(ninety_fifth(results.commits), 2),
            "rss_before_mb": round(before / 1024, 1),
            "peak_rss_mb": round(peak / 1024, 1), "growth_mb": round((peak - before) / 1024, 1),
            "answers": len(latency), "recorded": recorded, "expected": n * len(questions),
            "results_missing": missing, "refused": len(seen["refused"]),
            "failed": seen["failed"][:5]}


def measure(sizes=SIZES, think: float = THINK, after: float = AFTER, data: Path | None = None
            ) -> dict:
    bank = load_bank([ROOT / "questions"]).bank
    questions = build_round(bank, SETUP)
    articles = bank.articles

    def credit(q) -> str:
        article = articles.get(q.article)
        return f"{article.title or article.headline}, {article.outlet}" if article else ""

    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(data or tmp)
        base = baseline(questions, credit, folder / "baseline", max(think, 1.0))
        runs = {n: session(n, questions, credit, folder / f"class of {n}", think, after)
                for n in sizes}
    for run in runs.values():
        run["frame_ratio"] = round(run["frame_ms_p95"] / base["frame_ms_p95"], 1)
    # Other programs' work shows in every wall-clock figure: the machine's load says how much.
    return {"frame": FRAME, "questions": len(questions), "think_s": think, "fps": FPS,
            "load_average": [round(load, 2), round(os.getloadavg()[0], 2)],
            "cores": os.cpu_count(), "python": sys.version.split()[0], "baseline": base,
            "sizes": {str(n): run for n, run in runs.items()}}


def report(out: dict) -> None:
    base, sizes = out["baseline"], out["sizes"]
    print(f"Classes of {', '.join(sizes)} on loopback, each through {out['questions']} "
          f"questions, every student answering within {out['think_s']:g} s of each (seed "
          f"{SEED}); the frame is {out['frame']}, {out['fps']} a second; load average "
          f"{out['load_average'][0]} before, {out['load_average'][1]} after, on "
          f"{out['cores']} cores")
    print(f"{'':9}{'answer ms':^21}{'reveal':>8}{'frame ms':^30}{'commit ms':^12}"
          f"{'teacher ms':^14}{'RSS MB':^18}")
    print(f"{'students':>8}{'p50':>7}{'p95':>7}{'max':>7}{'→all':>8}{'p95':>8}{'max':>8}"
          f"{'cpu p95':>8}{'÷0':>6}{'p50':>6}{'p95':>6}{'reveal':>7}{'start':>7}"
          f"{'before':>7}{'peak':>6}{'+':>5}{'recorded':>11}")
    print(f"{0:8}{'':29}{base['frame_ms_p95']:8.3f}{base['frame_ms_max']:8.2f}"
          f"{base['frame_cpu_ms_p95']:8.3f}{1:6.1f}")
    for n, r in sizes.items():
        answer = "".join(f"{r[k]:7.1f}" if r[k] is not None else f"{'-':>7}"
                         for k in ("answer_ms_p50", "answer_ms_p95", "answer_ms_max"))
        print(f"{n:>8}{answer}{r['reveal_ms']:8.1f}{r['frame_ms_p95']:8.3f}"
              f"{r['frame_ms_max']:8.2f}{r['frame_cpu_ms_p95']:8.3f}{r['frame_ratio']:6.1f}"
              f"{r['commit_ms_p50']:6.2f}{r['commit_ms_p95']:6.2f}{r['reveal_call_ms']:7.1f}"
              f"{r['start_call_ms']:7.1f}{r['rss_before_mb']:7.1f}{r['peak_rss_mb']:6.1f}"
              f"{r['growth_mb']:5.1f}{r['recorded']:>6}/{r['expected']}")
    print("answer: from a device sending its answer to its view with answered=true; reveal "
          "→all: from the teacher's reveal to the last device's result (the worst question);\n"
          "frame: while the answers come, wall clock, and the game thread's CPU; ÷0: frame "
          "p95 over the baseline's (the same loop, nobody joined); commit: each answer's\n"
          "write to the results file; teacher: how long the reveal (worst) and the start keep "
          "the loop; RSS: the game's process as the class joins, its peak, the growth")
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
