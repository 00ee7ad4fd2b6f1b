"""Where answers go when the results file refuses them: folders a player can pick at the end
of a round, and a last resort when the game closes with answers still waiting."""
import os
import tempfile
import time
from pathlib import Path


def folders(home: Path | None = None) -> list[Path]:
    """Writable places to save to, most likely first: a USB stick or other removable drive,
    then the Desktop and Documents, the home folder, and the system's temporary folder."""
    home = Path(home or Path.home())
    user = home.name
    found: list[Path] = []
    for mounts in (Path("/media") / user, Path("/run/media") / user, Path("/media"),
                   Path("/Volumes")):
        try:
            found += sorted(p for p in mounts.iterdir() if p.is_dir() and p.name != user)
        except OSError:
            continue
    found += [home / "Desktop", home / "Documents", home, Path(tempfile.gettempdir())]
    seen, usable = set(), []
    for folder in found:
        key = str(folder.resolve()) if folder.exists() else None
        if key and key not in seen and os.access(folder, os.W_OK):
            seen.add(key)
            usable.append(folder)
    return usable


def subfolder(folder: Path) -> Path:
    """A folder of its own for this save, so it never mixes with anything there."""
    return Path(folder) / f"byline-answers-{time.strftime('%Y%m%d-%H%M%S')}"


def rescue(results) -> str:
    """Save what waits in the first folder that takes it; the message says where, or that
    nothing could take it (then the answers are lost, and this says so)."""
    waiting, trouble = results.unsaved, results.trouble
    tried = []
    for folder in folders():
        path, message = results.save_elsewhere(subfolder(folder))
        if path is not None:
            return (f"Byline: {waiting} answer(s) could not be saved in {results.path} "
                    f"({trouble}). {message}")
        tried.append(message)
    return (f"Byline: {waiting} answer(s) could not be saved in {results.path} nor anywhere "
            f"else, and are lost: " + " ".join(tried[-2:]))
