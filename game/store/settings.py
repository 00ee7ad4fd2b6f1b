"""Settings kept between runs, in a small JSON file written to a temporary file and renamed,
so a machine switched off mid-write leaves the old file or the new one, never half of each."""
import json
import os
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path


TEXT_SIZES = {"standard": 1.0, "large": 1.15, "largest": 1.3}
FILE_NAME = "settings.json"


def default_data_dir() -> Path:
    import platformdirs     # here: a start with --data-dir does not need it
    return Path(platformdirs.user_data_dir("byline", appauthor=False))


@dataclass
class Settings:
    text_size: str = "standard"
    sound: bool = True
    high_contrast: bool = False
    projector: bool = False     # the largest text, high contrast and wide margins at once
    player: str = "Player 1"                    # who played last: the next round's player
    class_name: str = "Whole class"             # the class that played last on this computer
    hot_seat: list = field(default_factory=lambda: ["Team 1", "Team 2"])
    same_questions: bool = True                 # hot seat: every seat gets the same questions
    round: dict = field(default_factory=dict)   # the last round setup, as plain values

    @property
    def text_scale(self) -> float:
        return max(TEXT_SIZES.values()) if self.projector else TEXT_SIZES[self.text_size]


def load(folder: Path) -> tuple[Settings, str | None]:
    """The saved settings, or the defaults with a message saying why they were not used.

    A file that cannot be read is moved aside, never deleted, so nothing is lost."""
    path = Path(folder) / FILE_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(), None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        kept = _move_aside(path)
        return Settings(), f"Settings file {path} could not be read ({error}); " \
                           f"using defaults{f', old file kept as {kept}' if kept else ''}."
    if not isinstance(data, dict):
        data = {}
    defaults = Settings()
    values = {}
    for f in fields(Settings):
        value = data.get(f.name, getattr(defaults, f.name))
        if type(value) is not type(getattr(defaults, f.name)):
            value = getattr(defaults, f.name)
        values[f.name] = value
    if values["text_size"] not in TEXT_SIZES:
        values["text_size"] = defaults.text_size
    return Settings(**values), None


def save(settings: Settings, folder: Path) -> str | None:
    """Write atomically; returns a message instead of raising if the folder is not writable."""
    import tempfile     # only when saving: it is slow to import and most starts never save
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False,
                                         prefix=".settings-", suffix=".tmp") as out:
            json.dump(asdict(settings), out, indent=1)
            out.flush()
            os.fsync(out.fileno())
        os.replace(out.name, folder / FILE_NAME)
    except OSError as error:
        return f"Settings could not be saved in {folder}: {error}"
    return None


def _move_aside(path: Path) -> Path | None:
    target = path.with_name(f"{path.name}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        os.replace(path, target)
    except OSError:
        return None
    return target
