"""The standalone build against the wheel in a venv, in one run: the size of each on disk and
how long each takes to start, for `--version` (Python and argparse) and `validate` (the
whole bank read and checked).

Run `python -m game.tools.bench --dist [--json]` from a checkout with the '.[dist]' extra:
it builds the folder (into a temporary one, as `python -m game.dist` does into dist/), builds the wheel and installs it with its dependencies into a fresh venv,
then times both programs in turn, as a player would run them, from a folder of their own.
The venv's size is what installing the game added to it (its site-packages), without the
Python it needs; the standalone folder carries its own. Not a test: timings vary by machine,
so nothing asserts them. Linux and macOS (the venv's bin/)."""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import game
from game.dist import build, size_mb

ROOT = Path(game.__file__).resolve().parents[1]
RUNS = 11
COMMANDS = (("--version",), ("validate",))


def environment(home: Path) -> dict:
    """A player's machine: no Python on PATH or in the environment, the user's folders in
    home, no display or sound device needed."""
    keep = {k: v for k, v in os.environ.items()
            if not k.startswith(("XDG_", "VIRTUAL_ENV", "PYTHON", "CONDA", "PYENV"))}
    return {**keep, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"), "XDG_CACHE_HOME": str(home / "cache"),
            "PATH": os.pathsep.join(("/usr/bin", "/bin")), "SDL_VIDEODRIVER": "dummy",
            "SDL_AUDIODRIVER": "dummy"}


def _check(args) -> None:
    subprocess.run([str(a) for a in args], check=True, stdin=subprocess.DEVNULL)


def venv_install(where: Path) -> tuple[Path, float]:
    """The wheel built from this checkout and installed with its dependencies into a fresh
    venv: its `byline`, and the megabytes the install added to site-packages."""
    if not (ROOT / "pyproject.toml").is_file():
        raise SystemExit("--dist builds the wheel, so it runs from a checkout")
    _check([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", where / "wheel",
            ROOT])
    venv = where / "venv"
    _check([sys.executable, "-m", "venv", venv])
    site = next((venv / "lib").glob("python3*/site-packages"))
    before = size_mb(site)
    _check([venv / "bin" / "python", "-m", "pip", "install", "-q",
            "--disable-pip-version-check", *(where / "wheel").glob("*.whl")])
    return venv / "bin" / "byline", size_mb(site) - before


def _seconds(program: Path, args, env: dict, cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run([str(program), *args], env=env, cwd=cwd, check=True,
                   stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.tools.bench --dist")
    parser.add_argument("--dist", action="store_true")
    parser.add_argument("--json", action="store_true", help="the figures as JSON")
    as_json = parser.parse_args(argv).json
    with tempfile.TemporaryDirectory(prefix="byline-bench-dist-") as tmp:
        figures = compare(Path(tmp))
    figures.update(runs=RUNS, python=platform.python_version(), system=platform.platform(),
                   load_average=[round(x, 2) for x in os.getloadavg()])
    if as_json:
        print(json.dumps(figures, indent=2))
    else:
        for name, value in figures.items():
            print(f"{name:24} {value}")
    return 0


def compare(tmp: Path) -> dict:
    built = build(tmp / "dist", tmp / "build")
    venv_byline, venv_mb = venv_install(tmp)
    env, cwd = environment(tmp / "home"), tmp / "somewhere-else"
    cwd.mkdir()
    programs = {"standalone": built, "venv": venv_byline}
    figures = {"standalone_mb": round(size_mb(built.parent), 1),
               "venv_site_packages_mb": round(venv_mb, 1)}
    figures["size_ratio"] = round(figures["standalone_mb"] / venv_mb, 2)
    for command in COMMANDS:
        times = {name: [] for name in programs}
        for program in programs.values():      # once each first: the disk cache
            _seconds(program, command, env, cwd)
        for _ in range(RUNS):      # in turn, so a busy moment costs both alike
            for name, program in programs.items():
                times[name].append(_seconds(program, command, env, cwd))
        key = command[0].lstrip("-")
        for name in programs:
            figures[f"{key}_{name}_ms"] = round(statistics.median(times[name]) * 1000)
        figures[f"{key}_ratio"] = round(figures[f"{key}_standalone_ms"]
                                        / figures[f"{key}_venv_ms"], 2)
    return figures

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
