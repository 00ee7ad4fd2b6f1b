"""A folder shown in the platform's file manager (Explorer, Finder, or whatever xdg-open picks
on Linux), started without waiting for it: the game's frame loop never stops while a file
manager starts, or while one stays open.

Where there is none (no xdg-open, no desktop for it to open on, as on a headless server or
in CI, or it says it failed), the caller is told why in words, to show the folder's path
instead."""
import os
import shutil
import subprocess
import sys

NONE_HERE = "No file manager found here"
FAILED = "The file manager could not open it"


class Opening:
    """A folder being opened: the file manager's launcher (None once it is handed to the
    platform, or where there is none), and why the folder is not shown, if it is not."""

    def __init__(self, process: subprocess.Popen | None = None, problem: str | None = None):
        self.process = process
        self._problem = problem

    def running(self) -> bool:
        """Whether the launcher has yet to exit; it is looked at, never waited for."""
        return self.process is not None and self.process.poll() is None

    @property
    def problem(self) -> str | None:
        """Known at once, or once running() has seen the launcher exit with an error."""
        if self._problem is None and self.process is not None and self.process.returncode:
            return FAILED
        return self._problem


def open_folder(folder) -> Opening:
    folder = os.fspath(folder)
    if sys.platform == "win32":
        try:
            os.startfile(folder)    # Explorer, with no console window; returns at once
        except OSError:
            return Opening(problem=NONE_HERE)
        return Opening()
    if sys.platform == "darwin":
        command = shutil.which("open")
    else:
        # Without a desktop to open on, xdg-open falls back to a text browser in the terminal
        # the game was started from, or fails after a while: say so at once instead.
        desktop = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        command = shutil.which("xdg-open") if desktop else None
    if command is None:
        return Opening(problem=NONE_HERE)
    try:
        # Its own session: closing the game's terminal does not close the file manager.
        process = subprocess.Popen([command, folder], stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
    except OSError:
        return Opening(problem=NONE_HERE)
    return Opening(process)
