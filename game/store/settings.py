"""Settings kept between runs, in a small JSON file written to a temporary file and renamed,
so a machine switched off mid-write leaves the old file or the new one, never half of each.

The file is data anyone with the folder may have edited: nothing in it is trusted until it
has been checked as the screen that sets it would check it."""
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from game.datafiles import move_aside, reason, remove_stale_temporary_files, write_replacing
from game.files import FileProblem, read_file
from game.names import usable_name, usable_seats

TEXT_SIZES = {"standard": 1.0, "large": 1.15, "largest": 1.3}
FILE_NAME = "settings.json"
MAX_BYTES = 64_000      # the game writes well under 1 KB; a file far bigger is not settings


def default_data_dir() -> Path:
    import platformdirs     # here: a start with --data-dir does not need it
    return Path(platformdirs.user_data_dir("byline", appauthor=False))


@dataclass
class Settings:
    text_size: str = "standard"
    sound: bool = True
    high_contrast: bool = False
    projector: bool = False     # the largest text, high contrast and wide margins at once
    reduce_motion: bool = False     # nothing slides, pulses or shakes; screens appear at once
    player: str = "Player 1"                    # who played last: the next round's player
    class_name: str = "Whole class"             # the class that played last on this computer
    hot_seat: list = field(default_factory=list)  # the last hot seat's names, offered unticked
    same_questions: bool = True                 # hot seat: every seat gets the same questions
    round: dict = field(default_factory=dict)   # the last round setup, as plain values

    @property
    def text_scale(self) -> float:
        return max(TEXT_SIZES.values()) if self.projector else TEXT_SIZES[self.text_size]


def load(folder: Path) -> tuple[Settings, str | None]:
    """The saved settings, or the defaults with a message saying why they were not used.

    Every value is checked as the screens that set it would: one that no screen could have
    set keeps its default. A file holding any such value, or that cannot be read as settings
    at all, is moved aside, never deleted, so nothing is lost."""
    folder = Path(folder)
    remove_stale_temporary_files(folder)    # left by a game switched off mid-write
    path = folder / FILE_NAME
    try:
        data = json.loads(read_file(path, MAX_BYTES, "a settings file").decode("utf-8-sig"))
        if not isinstance(data, dict):
            raise ValueError("it holds a single value or a list, not named settings")
    except (FileProblem, ValueError, RecursionError) as error:
        if isinstance(error, FileProblem) and error.missing:
            return Settings(), None
        kept = move_aside(path, "unreadable")
        return Settings(), f"Settings file {path} could not be read ({_why(error)}); using " \
                           f"defaults{f', old file kept as {kept}' if kept else ''}."
    settings, wrong = _checked(data)
    if not wrong:
        return settings, None
    kept = move_aside(path, "unreadable")
    if kept:
        save(settings, folder)      # what could be used, so this is said once
    return settings, f"Settings file {path}: {', '.join(wrong)} could not be used, so " \
                     "their defaults are used" + (f"; the file as found is kept as {kept}."
                                                  if kept else ".")


def _why(error: Exception) -> str:
    if isinstance(error, FileProblem):
        return error.said_of("it")
    if isinstance(error, RecursionError):
        return "it is nested too deeply to be settings"
    if isinstance(error, UnicodeDecodeError):
        return "it is not UTF-8 text"
    if isinstance(error, json.JSONDecodeError):
        return f"line {error.lineno}, column {error.colno}: {error.msg[0].lower()}{error.msg[1:]}"
    if "digits" in str(error):
        return "it holds a number thousands of digits long"
    return str(error)


def _switch(value):
    return value if isinstance(value, bool) else None


_READ = {
    "text_size": lambda v: v if isinstance(v, str) and v in TEXT_SIZES else None,
    "sound": _switch, "high_contrast": _switch, "projector": _switch, "reduce_motion": _switch,
    "same_questions": _switch, "player": usable_name, "class_name": usable_name,
}
# The round setup's values by type; RoundSetup.from_plain judges ranges, and which
# articles still exist, when a round is set up.
_ROUND = {
    "articles": lambda v: isinstance(v, list) and len(v) <= 1000
    and all(isinstance(a, str) and 0 < len(a) <= 200 for a in v),
    "skills": lambda v: isinstance(v, list) and len(v) <= 100
    and all(isinstance(a, str) and 0 < len(a) <= 100 for a in v),
    "max_difficulty": lambda v: type(v) is int,
    "count": lambda v: type(v) is int,
    "timer_seconds": lambda v: v is None or type(v) is int,
    "confidence": lambda v: isinstance(v, bool),
    "speed_points": lambda v: isinstance(v, bool),
    "show_scores": lambda v: isinstance(v, bool),
}


def _checked(data: dict) -> tuple[Settings, list[str]]:
    """Settings from what a file holds, and the names of the values that were not used.
    Keys the game does not know (from a newer version, say) are left out silently."""
    values, wrong = {}, []
    for name, read in _READ.items():
        if name in data:
            value = read(data[name])
            if value is None:
                wrong.append(name)
            else:
                values[name] = value
    if "hot_seat" in data:
        seats = usable_seats(data["hot_seat"])
        if seats:
            values["hot_seat"] = seats
        if seats is None or len(seats) != len(data["hot_seat"]):
            wrong.append("hot_seat")
    if "round" in data:
        plain = data["round"]
        if isinstance(plain, dict):
            values["round"] = {k: v for k, v in plain.items() if k in _ROUND and _ROUND[k](v)}
            wrong += [f"round.{k}" for k in plain if k in _ROUND and k not in values["round"]]
        else:
            wrong.append("round")
    return Settings(**values), wrong


def save(settings: Settings, folder: Path) -> str | None:
    """Write by rename; returns a message, in plain words, instead of raising if the file
    cannot be written."""
    folder = Path(folder)
    # Made before any file is: a value JSON cannot hold raises here and leaves nothing.
    text = json.dumps(asdict(settings), indent=1)
    try:
        write_replacing(folder / FILE_NAME, text, ".settings-")
    except OSError as error:
        return f"Settings could not be saved in {folder}: {reason(error)}."
    return None
