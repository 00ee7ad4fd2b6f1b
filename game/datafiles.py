"""Writing the game's own files (settings, the bank cache, the results) in a data folder
anyone may have put anything into: write by rename, leave no temporary file behind, move a
file the game cannot use aside rather than delete it, and say what went wrong in plain
words. They are read through game.files, like every file."""
import errno
import os
import re
import time
from pathlib import Path


def reason(error: OSError) -> str:
    """What went wrong, in words a teacher or technician can act on."""
    return _REASONS.get(error.errno) or (error.strerror or str(error)).lower()


_REASONS = {
    errno.ENOSPC: "the disk is full",
    getattr(errno, "EDQUOT", -1): "this account's share of the disk (its quota) is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "this account does not have permission",
    errno.EPERM: "this account does not have permission",
    errno.EIO: "the disk could not be read or written (an input/output error)",
    errno.ELOOP: "it is one of symbolic links that lead round in a loop",
}


def write_replacing(path: Path, text: str, prefix: str) -> None:
    """Write text to a temporary file beside path, flushed to disk, then rename it over
    path: a machine switched off mid-write leaves the old file or the new one. Raises
    OSError; the temporary file never outlives a failure."""
    import tempfile     # only when writing: it is slow to import and most starts never write
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    fd, temporary = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=path.parent)
    try:
        with open(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


# The temporary files this game writes, and those of versions before write_replacing
# (Python's default "tmp" + 8 characters), which a failed write used to leave behind.
_OURS = re.compile(r"(\.settings-|\.bank-cache-|\.devices-game-|tmp)[a-z0-9_]{8}\.tmp\Z")
STALE_AFTER = 10 * 60   # seconds: long enough that another game's write is surely over


def remove_stale_temporary_files(folder: Path) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    cutoff = time.time() - STALE_AFTER
    for entry in entries:
        try:
            if _OURS.match(entry.name) and entry.is_file(follow_symlinks=False) \
                    and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                os.unlink(entry.path)
        except OSError:
            pass


def move_aside(path: Path, why: str) -> Path | None:
    """Rename path (a link is renamed, never what it points to) so nothing is lost and the
    next write starts afresh; None if it could not be moved."""
    stamp = f"{path.name}.{why}-{time.strftime('%Y%m%d-%H%M%S')}"
    target = path.with_name(stamp)
    for n in range(2, 100):     # a file kept earlier in the same second is kept too
        if not os.path.lexists(target):
            break
        target = path.with_name(f"{stamp}-{n}")
    try:
        os.replace(path, target)
    except OSError:
        return None
    return target
