"""The files Byline ships with, found through importlib.resources: the question bank and its
presets (questions/), the fonts and their licenses (assets/), and the teachers' docs and the
JSON Schemas (docs/).

The repository keeps them at its top level, where people look for them; a build (wheel,
sdist, the standalone folder) copies them into the package as game/shipped_files/ (pyproject.toml,
hatchling's force-include). The editable install used for development runs the package from
the checkout itself, where they are beside it."""
from importlib.resources import files
from pathlib import Path


def _root() -> tuple[Path, bool]:
    package = Path(str(files("game")))
    inside = package / "shipped_files"
    return (inside, True) if inside.is_dir() else (package.parent, False)


ROOT, PACKAGED = _root()
QUESTIONS = ROOT / "questions"
PRESETS = QUESTIONS / "presets"
ARTICLES = QUESTIONS / "articles"
FONTS = ROOT / "assets" / "fonts"
DOCS = ROOT / "docs"
# What an editor checks a question file and a preset against as they are typed
SCHEMAS = (DOCS / "question-file.schema.json", DOCS / "preset.schema.json")
# How this copy of Byline is started, for the commands it tells a teacher to type: the
# installed program, or run.py in a checkout.
COMMAND = "byline" if PACKAGED else "python run.py"
# The articles the shipped bank quotes, kept beside a checkout (never shipped: their license
# is not ours): quotes and their context are checked against them where they are.
BESIDE_CHECKOUT = None if PACKAGED else ROOT.parent / "shared" / "articles"
