"""Performance figures: startup against bare pygame, CPU ms per frame per screen, peak memory,
memory over a 20,000-event monkey run, and the CPU a still screen costs against a loop that
draws 60 frames a second.

Run `python -m game.tools.bench [--json]`; `--idle` measures only the idle figures, in a
few seconds, and in a real window under `xvfb-run` with SDL_VIDEODRIVER=x11; `--net`, a class
of 30, 100 and 300 on their devices (game.tools.bench_net); `--dist`, the standalone build
against the wheel in a venv (game.tools.bench_dist). Not a test: timings vary by machine, so nothing asserts them.
"""
import importlib
import json
import os
import pkgutil
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

import game.scenes  # noqa: E402
from game.app import App, Config  # noqa: E402
from game.loop import FPS, Loop, poll  # noqa: E402
from game.tools.monkey import EVENTS  # noqa: E402
from game.quiz.questions import SKILLS, generate  # noqa: E402
from game.quiz.round import RoundSetup  # noqa: E402
from game.quiz.state import RoundState  # noqa: E402
from game.scenes.base import Scene  # noqa: E402
from game.scenes.feedback import FeedbackScene  # noqa: E402
from game.scenes.question import QuestionScene  # noqa: E402
from game.scenes.round_end import ResultsScene  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TARGETS = {"startup_ratio": 1.5, "frame_ms_p95": 4.0, "peak_rss_mb": 150.0,
           "monkey_peak_rss_mb": 150.0, "monkey_peak_growth": 1.1, "idle_cpu_percent": 3.0}
RUNS, FRAMES, WARMUP, MODES = 11, 300, 5, ("still", "hover")
IDLE_SECONDS, IDLE_SCREENS = 3.0, ("title", "question:fact_or_opinion")   # untimed, as built
# Each child prints its peak RSS (KiB) after the marker, so that costs the timing nothing.
# argv[1] is a temporary data directory: the bench must write nowhere real.
BYLINE = """import resource, sys
from game.app import App, Config
app = App(Config(data_dir=sys.argv[1])); app.step()
print('ready', flush=True)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)"""
# The monkey test's events (game.tools.monkey) in a fresh process: the memory (VmRSS) and the peak
# so far (VmHWM) after the first 2,000 events, when every screen has been seen, and after all
# 20,000, in KiB. Linux's /proc. glibc keeps freed memory for reuse, so VmRSS wanders with the
# screen last drawn; a leak would raise the peak, which is what the target is on.
MONKEY = """import sys
from game.tools.monkey import EVENTS, monkey
def kib(name):
    with open('/proc/self/status') as status:
        return next(int(l.split()[1]) for l in status if l.startswith(name + ':'))
for n, app in monkey(sys.argv[1]):
    if n in (2000, EVENTS):
        print(n, kib('VmRSS'), kib('VmHWM'), flush=True)"""
BARE = """import resource, pygame
pygame.init(); s = pygame.display.set_mode((1280, 720)); s.fill((0, 0, 0)); pygame.display.flip()
print('ready', flush=True)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)"""


def launch(script: str, tmp: str) -> tuple[float, int]:
    """Seconds from just before Popen to the child's 'ready' line; the child's peak RSS in KiB."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", script, tmp], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, text=True)
    for line in child.stdout:   # pygame may print its banner first
        if line.strip() == "ready":
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError(f"a startup child exited without 'ready' (code {child.wait()})")
    rss = int(child.stdout.readline())
    child.wait()
    return elapsed, rss


def startup(tmp: str) -> dict:
    # Alternate the two, so machine noise hits both alike; only Byline's memory matters.
    # The first Byline start fills the data folder's copy of the question files; the
    # median is of starts that find it, as every start after a player's first does.
    first = launch(BYLINE, tmp)
    runs = [(launch(BYLINE, tmp), launch(BARE, tmp)[0]) for _ in range(RUNS)]
    b = statistics.median(byline for (byline, _), _ in runs)
    p = statistics.median(bare for _, bare in runs)
    return {"startup_ratio": round(b / p, 3), "startup_byline_s": round(b, 4),
            "startup_bare_s": round(p, 4), "startup_first_byline_s": round(first[0], 4),
            "child_rss_mb": round(max(kib for (_, kib), _ in runs) / 1024, 1)}


def monkey_memory(tmp: str) -> dict:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    out = subprocess.run([sys.executable, "-c", MONKEY, tmp], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True).stdout
    mb = {int(n): (int(rss) / 1024, int(peak) / 1024) for n, rss, peak in
          (line.split() for line in out.splitlines() if line[:1].isdigit())}
    (rss_2000, peak_2000), (rss_end, peak_end) = mb[2000], mb[EVENTS]
    return {"monkey_peak_rss_mb": round(peak_end, 1), "monkey_peak_2000_mb": round(peak_2000, 1),
            "monkey_rss_2000_mb": round(rss_2000, 1), "monkey_rss_20000_mb": round(rss_end, 1),
            "monkey_growth": round(rss_end / rss_2000, 3),
            "monkey_peak_growth": round(peak_end / peak_2000, 3)}


def screens(app: App) -> dict:
    """Screen name -> a function building the scenes to stack on the title, as in game.tools.shots."""
    questions = generate(app.loaded.bank, seed=1)
    # The longest text of each skill: the hardest case for the layout.
    picked = [max((q for q in questions if q.skill == s), key=lambda q: len(q.text))
              for s in SKILLS if any(q.skill == s for q in questions)]

    def given(q, right: bool):
        if q.skill == "opinion_words":
            return q.cue_words if right else frozenset()
        return q.answer if right else (q.answer + 1) % len(q.choices)

    def state(answered: int) -> RoundState:
        st = RoundState(RoundSetup(count=max(5, len(picked))), picked)
        for i, q in enumerate(picked[:answered]):   # right and wrong in turn, for a real score
            st.answer(given(q, right=i % 2 == 0))
        return st

    def feedback(right: bool) -> list:
        st = state(0)
        question = QuestionScene(app, st)   # built before the answer moves the round on
        return [question, FeedbackScene(app, st, st.answer(given(st.current, right)))]

    built = {"title": lambda: []}
    for i, q in enumerate(picked):
        built[f"question:{q.skill}"] = lambda i=i: [QuestionScene(app, state(i))]
    built["feedback:right"] = lambda: feedback(True)
    built["feedback:wrong"] = lambda: feedback(False)
    built["results"] = lambda: [ResultsScene(app, state(len(picked)))]

    def hot_seat(scene):
        """Eight seats, every one through the first question: the busiest hot-seat screens."""
        from game.quiz.seats import Seat, Turns
        seats = [Seat(f"Table {n}", state(0)) for n in range(1, 9)]
        for n, seat in enumerate(seats):
            seat.state.answer(given(seat.state.current, right=n % 3 > 0))
        turns = Turns(seats, "hotseat")
        return [{"handover": lambda: HandoverScene(app, turns, board=True),
                 "reveal": lambda: RevealScene(app, turns, 0),
                 "podium": lambda: PodiumScene(app, turns)}[scene]()]

    from game.scenes.hotseat import HandoverScene, PodiumScene, RevealScene
    for scene in ("handover", "reveal", "podium"):
        built[scene] = lambda scene=scene: hot_seat(scene)

    def context() -> list:
        """The sentences around the longest quoted sentence, over its question."""
        from game.scenes.overlays import ContextScene
        st = state(0)
        statement = next(s for s in app.loaded.bank.statements if s.id == st.current.statement)
        return [QuestionScene(app, st), ContextScene(app, statement)]

    built["context"] = context

    def leave() -> list:
        """"Leave this round?" over a question: an overlay's backdrop and its panel."""
        from game.scenes.confirm import ConfirmScene
        return [QuestionScene(app, state(0)),
                ConfirmScene(app, "Leave this round?", "Your answers so far are saved.",
                             "Leave", "Stay")]

    def discuss() -> list:
        """A class talking its words over, the sentence marked above the panel."""
        from game.quiz.seats import seat_round
        from game.scenes.discuss import DiscussScene
        turns = seat_round(app.loaded.bank, RoundSetup(count=5, seed=1,
                                                       skills=("opinion_words",)), ["9B"], "class")
        question = QuestionScene(app, turns)
        question.flow.answer(frozenset({0, 1}))
        return [question, DiscussScene(app, question.flow, below=question)]

    built["leave"], built["discuss"] = leave, discuss
    from game.tools import class_screens
    built.update(class_screens.screens(app, picked))
    from game.scenes.confirm import ConfirmScene
    from game.scenes.discuss import DiscussScene
    from game.scenes.overlays import ContextScene
    # Scenes added since this was written: built with (app), else with (app, a finished round).
    known = {Scene, type(app.stack[0]), QuestionScene, FeedbackScene, ResultsScene,
             HandoverScene, RevealScene, PodiumScene, ContextScene, ConfirmScene, DiscussScene}
    # A class on their devices: built above, with a room, by game.tools.class_screens.
    from game.scenes import lobby, projector
    known |= {lobby.LobbyScene, projector.ProjectorQuestion, projector.ProjectorAnswer,
              projector.Standings, projector.DevicesPodium}
    found = {}
    for info in pkgutil.iter_modules(game.scenes.__path__):
        module = importlib.import_module(f"game.scenes.{info.name}")
        found |= {name: cls for name, cls in vars(module).items() if isinstance(cls, type)
                  and issubclass(cls, Scene) and cls.__module__ == module.__name__}
    for name, cls in found.items():   # a base of other scenes is not a screen of its own
        if cls not in known and not any(o is not cls and issubclass(o, cls)
                                        for o in found.values()):
            built[name] = lambda cls=cls: build_new(cls, app, lambda: state(len(picked)))
    return built


def build_new(cls, app: App, finished) -> list:
    try:
        return [cls(app)]
    except TypeError:
        return [cls(app, finished())]


def frame_times(app: App, scenes: list, hover: bool) -> list[float]:
    """CPU milliseconds of each app.step() on this screen, after a warm-up."""
    app.stack[1:] = []   # the title stays at the bottom, as in play
    for scene in scenes:
        app.push(scene)
    w, h = app.size()
    times = []
    for i in range(WARMUP + FRAMES):
        if hover:   # sweep the pointer over the window so the focus keeps changing
            pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(i * 37 % w, i * 23 % h),
                                                 rel=(37, 23), buttons=(0, 0, 0)))
        start = time.process_time_ns()
        app.step(pygame.event.get())
        if i >= WARMUP:
            times.append((time.process_time_ns() - start) / 1e6)
    if scenes and app.scene is not scenes[-1]:
        raise RuntimeError("the screen changed while it was measured")
    return times


def event_wait(timeout: float) -> list:
    """The loop's wait done by pygame.event.wait, which looks for input every millisecond."""
    event = pygame.event.wait(max(1, round(timeout * 1000)))   # 0 would wait for ever
    return [] if event.type == pygame.NOEVENT else [event]


def idle_percent(app: App, scenes: list, kind: str) -> float:
    """Process CPU time over wall time, in percent of one core, for IDLE_SECONDS on a still screen (no input, no
    motion): through the game's loop, the same loop waiting with pygame.event.wait, or
    the loop it replaced (a frame drawn every 1/60 s)."""
    app.stack[1:] = []
    for scene in scenes:
        app.push(scene)
    # In the game a push follows input, which marks the frame to draw; without that the
    # loop would sleep until something is due before the pushed scene's first frame (and
    # its question card's arrival) ever ran.
    app.dirty = True
    if kind == "60 fps":
        clock = pygame.time.Clock()
        turn = lambda: app.step(pygame.event.get(), clock.tick(FPS) / 1000)   # noqa: E731
    else:
        turn = Loop(app, wait=event_wait if kind == "event.wait" else poll).turn
    began = time.perf_counter()
    while time.perf_counter() - began < 0.5:     # the push drawn, anything moving stopped
        turn()
    if app.moving():
        raise RuntimeError("the screen still moves: it is not idle")
    cpu, wall = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall < IDLE_SECONDS:
        turn()
    return 100 * (time.process_time() - cpu) / (time.perf_counter() - wall)


def idle_figures(app: App) -> dict:
    built = screens(app)
    return {name: {kind: round(idle_percent(app, built[name](), kind), 2)
                   for kind in ("loop", "event.wait", "60 fps")} for name in IDLE_SCREENS}


def print_idle(idle: dict) -> None:
    print(f"{'idle: % of one core':34}{'loop':>8}{'wait':>8}{'60 fps':>8}{'loop/60':>9}"
          f"   ({IDLE_SECONDS:g} s each; wait: pygame.event.wait; 60 fps: the old loop)")
    for name, i in idle.items():
        print(f"  {name:32}{i['loop']:8.2f}{i['event.wait']:8.2f}{i['60 fps']:8.2f}"
              f"{i['loop'] / i['60 fps']:9.3f}")


def main(argv: list[str]) -> int:
    if "--dist" in argv:    # the standalone build against the wheel: game.tools.bench_dist
        from game.tools.bench_dist import main as dist
        return dist(argv)
    if "--net" in argv:     # a class on their devices: game.tools.bench_net
        from game.tools.bench_net import main as net
        return net(argv)
    began = time.perf_counter()
    if "--idle" in argv:
        with tempfile.TemporaryDirectory() as tmp:
            idle = idle_figures(App(Config(size=(1280, 720), seed=1, data_dir=Path(tmp))))
        print(f"video driver: {pygame.display.get_driver()}")
        print_idle(idle)
        if "--json" in argv:
            print(json.dumps(idle))
        return 0
    modes, notes = {}, []
    with tempfile.TemporaryDirectory() as tmp:
        out = startup(tmp)
        app = App(Config(size=(1280, 720), seed=1, data_dir=Path(tmp)))
        for name, build in screens(app).items():
            try:   # [18] of the 20-quantiles is the 95th percentile
                scenes = build()
                modes[name] = {mode: round(statistics.quantiles(
                    frame_times(app, scenes, mode == "hover"), n=20)[18], 3) for mode in MODES}
            except Exception as exc:   # a scene this bench cannot build or run: say so, go on
                notes.append(f"skipped {name}: {type(exc).__name__}: {exc}")
        idle = idle_figures(app)
        pygame.quit()
        monkey_dir = Path(tmp) / "monkey"    # its own results, as a fresh install has
        monkey_dir.mkdir()
        out.update(monkey_memory(str(monkey_dir)))
    worst = max(modes, key=lambda name: max(modes[name].values()))
    own = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)   # Linux: KiB
    out.update(frame_ms_p95=max(modes[worst].values()), worst_screen=worst, bench_rss_mb=own,
               peak_rss_mb=max(own, out["child_rss_mb"]),
               peak_rss_from="bench process" if own >= out["child_rss_mb"] else "startup child",
               bench_seconds=round(time.perf_counter() - began, 1), screen_p95_ms=modes,
               idle_cpu_percent=max(i["loop"] for i in idle.values()), idle_percent=idle)
    print(f"{'p95 CPU ms per frame':34}{'still':>8}{'hover':>8}")
    for name, m in modes.items():
        print(f"  {name:32}{m['still']:8.2f}{m['hover']:8.2f}")
    print_idle(idle)
    print("".join(f"  note: {note}\n" for note in notes)
          + f"startup: Byline {out['startup_byline_s']:.3f}s, bare pygame "
          f"{out['startup_bare_s']:.3f}s (medians of {RUNS}); peak RSS: bench {own} MB, "
          f"Byline child {out['child_rss_mb']} MB\nmonkey run: RSS "
          f"{out['monkey_rss_2000_mb']} MB after 2,000 events, {out['monkey_rss_20000_mb']} MB "
          f"after 20,000 (growth {out['monkey_growth']}); peak {out['monkey_peak_2000_mb']} MB "
          f"by 2,000, {out['monkey_peak_rss_mb']} MB by 20,000\n"
          f"{'figure':20}{'value':>10}{'target':>10}  met")
    for key, target in TARGETS.items():
        met = "yes" if out[key] <= target else "NO"
        print(f"{key:20}{out[key]:10.2f}{'≤ ' + str(target):>10}  {met}")
    print(f"worst screen: {worst}; peak RSS from the {out['peak_rss_from']}; "
          f"bench took {out['bench_seconds']}s")
    if "--json" in argv:
        print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
