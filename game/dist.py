"""The standalone build for players without Python: `python -m game.dist` makes dist/byline/,
one folder holding the `byline` program, a Python of its own and everything the game reads,
with PyInstaller (`pip install -e '.[dist]'`). PyInstaller builds for the system it runs on:
Linux builds the Linux folder, Windows byline.exe, macOS the macOS one.

One folder rather than one file: a one-file program unpacks itself into a temporary folder
at every start, which is slower and is what antivirus programs distrust.

`python -m game.tools.bench --dist` (game/tools/bench_dist.py) compares the built folder with
the wheel installed in a venv: size and start-up time. Never imported by the game."""
import argparse
import os
import sys
from pathlib import Path

from game import shipped

NAME = "byline"
# The frozen program's entry: what `byline` runs, named for usage and errors by its file name.
ENTRY = "import sys\nfrom game.cli import run\nsys.exit(run())\n"


def _data() -> list[tuple[Path, str]]:
    """What the game reads as files, and where in the build it goes: the shipped files where
    game/shipped.py looks in a built package (as the wheel puts them), the student page beside
    game/net/server.py, and TextBlob's subjectivity lexicon and spelling list and VADER's and
    AFINN's valence lexicons, which new-article reads as files without importing the
    packages (game/authoring/lexicon.py, game/authoring/readers/pdf.py)."""
    import importlib.util
    import game.net.server
    textblob = importlib.util.find_spec("textblob")
    lexicon = Path(next(iter(textblob.submodule_search_locations))) / "en" / "en-sentiment.xml"
    spelling = lexicon.with_name("en-spelling.txt")     # for PDFs' line-end hyphens
    vader = importlib.util.find_spec("vaderSentiment")
    valence = Path(next(iter(vader.submodule_search_locations))) / "vader_lexicon.txt"
    afinn = importlib.util.find_spec("afinn")
    rated = Path(next(iter(afinn.submodule_search_locations))) / "data" / "AFINN-en-165.txt"
    return [(shipped.QUESTIONS, "game/shipped_files/questions"),
            (shipped.FONTS.parent, "game/shipped_files/assets"),
            (shipped.DOCS, "game/shipped_files/docs"),
            (game.net.server.STATIC, "game/net/static"),
            (lexicon, "textblob/en"), (spelling, "textblob/en"), (valence, "vaderSentiment"),
            (rated, "afinn/data"),
            *_licenses("textblob", "vaderSentiment", "afinn")]


def _licenses(*names: str) -> list[tuple[Path, str]]:
    """The license files of the packages whose word lists the build carries, each under
    licenses/NAME/: the lists travel with their terms (AFINN's is the ODbL's attribution)."""
    import importlib.metadata
    found = []
    for name in names:
        distribution = importlib.metadata.distribution(name)
        for file in distribution.files or ():
            if file.name.upper().startswith(("LICENSE", "COPYING", "NOTICE")):
                found.append((Path(distribution.locate_file(file)), f"licenses/{name}"))
    return found


def build(out: Path, work: Path) -> Path:
    """out/byline/, built with PyInstaller's own command line in this process; its program."""
    import PyInstaller.__main__
    work.mkdir(parents=True, exist_ok=True)
    entry = work / f"{NAME}.py"
    entry.write_text(ENTRY, encoding="utf-8")
    args = [str(entry), "--name", NAME, "--onedir", "--noconfirm", "--clean", "--log-level",
            "WARN", "--distpath", str(out), "--workpath", str(work), "--specpath", str(work),
            # The game's commands print to the terminal (validate, report, autoplay), so the
            # program keeps its console on Windows, as `byline` from pip does.
            "--console"]
    for source, target in _data():
        args += ["--add-data", f"{source}{os.pathsep}{target}"]
    # new-article on a web page: trafilatura's settings.cfg and jusText's stop-word lists are
    # data files read beside their modules, which PyInstaller's analysis does not see
    for package in ("trafilatura", "justext"):
        args += ["--collect-data", package]
    # Reached through concurrent.futures' process pool, which the game never starts: left
    # in, PyInstaller's hook for it imports it at every start (8 ms of `byline --version`).
    args += ["--exclude-module", "multiprocessing"]
    if sys.platform != "win32":
        # Debug symbols some Pythons are built with (pyenv's libpython: 23 MB, 5 stripped);
        # PyInstaller advises against stripping Windows DLLs.
        args.append("--strip")
    PyInstaller.__main__.run(args)
    return program(out / NAME)


def program(folder: Path) -> Path:
    return folder / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.dist",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("dist"), metavar="DIR",
                        help="where the folder byline/ goes (default: dist)")
    parser.add_argument("--work", type=Path, metavar="DIR",
                        help="PyInstaller's working files (default: build/pyinstaller)")
    args = parser.parse_args(argv)
    built = build(args.out, args.work or Path("build") / "pyinstaller")
    print(f"built {built} ({size_mb(built.parent):.0f} MB): hand players the whole folder "
          f"{built.parent}")
    return 0


def size_mb(folder: Path) -> float:
    """Each file once: a build for Linux links some libraries' other names to them."""
    return sum(p.stat().st_size for p in folder.rglob("*")
               if p.is_file() and not p.is_symlink()) / 1e6


if __name__ == "__main__":
    sys.exit(main())
