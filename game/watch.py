"""Live reload: notice when a teacher saves a question file while the game is open.

A stat of each file once a second (or at once on F5 or when the window gets the focus back)
is all it costs; the bank cache means only the changed file is parsed again."""
import os

from game.bank.loader import question_files

PERIOD = 1.0    # seconds between looks


class Watch:
    def __init__(self, paths):
        self.paths = paths
        self.since = 0.0
        self.stamp = self._stamp()

    def _stamp(self) -> tuple:
        files, _ = question_files(self.paths)
        stamps = []
        for path in files:
            try:
                info = os.stat(path)
            except OSError:
                continue        # gone between the listing and the look: the next look sees it
            stamps.append((str(path), info.st_mtime_ns, info.st_size))
        return tuple(stamps)

    def due(self) -> float:
        """Seconds until the next look, so a sleeping loop wakes for it."""
        return max(0.0, PERIOD - self.since)

    def changed(self, dt: float = 0.0, now: bool = False) -> bool:
        """True once for each change: files edited, added or removed."""
        self.since += dt
        if not now and self.since < PERIOD:
            return False
        self.since = 0.0
        stamp = self._stamp()
        if stamp == self.stamp:
            return False
        self.stamp = stamp
        return True
