"""Reading a file a teacher names, safely: only an ordinary file, only up to a size.

A path can name a named pipe (opening it waits for a writer, forever), a device such as
/dev/zero (reading it never ends), a folder, or a symlink loop; and a huge file read
whole can exhaust memory before any size check runs. So the kind and size come from
`os.stat` first, a pipe is never opened, and the read itself stops one byte past the
limit in case the file grew or was swapped in between."""
import os
import stat
from pathlib import Path

# O_NONBLOCK: should a pipe be swapped in between the stat and the open, the open
# returns at once instead of waiting for a writer (the fstat after it then refuses it).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
          (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
          (stat.S_ISSOCK, "a socket"))


class FileProblem(Exception):
    """Why a file was not read, in words that follow its name: 'big.csv: <words>'.
    too_big: the file is an ordinary one, over the limit (the caller may say why)."""

    def __init__(self, words: str, too_big: bool = False):
        super().__init__(words)
        self.too_big = too_big


def size_words(size: int) -> str:
    """1_000_000 -> '1 MB', 200_000 -> '200 KB', 16_012_345 -> '16 MB'."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f}".removesuffix(".0") + " MB"
    if size >= 1_000:
        return f"{size / 1_000:.0f} KB"
    return f"{size} bytes"


def _kind_problem(mode: int) -> str | None:
    for test, what in _KINDS:
        if test(mode):
            return f"this is {what}, not an ordinary file; give the path of a file"
    if not stat.S_ISREG(mode):
        return "this is not an ordinary file; give the path of a file"
    return None


def _size_problem(size: int | None, limit: int, what: str) -> str | None:
    """size None: more than the limit, by how much unknown (the read stopped there)."""
    if size is not None and size <= limit:
        return None
    shown, most = size_words(size or 0), size_words(limit)
    return (f"the file is {'over ' + most if size is None or shown == most else shown}; "
            f"{what} may be at most {most}")


def check_regular(path, limit: int, what: str = "this file") -> str | None:
    """The problem with reading `path` (at most `limit` bytes), in words, or None.
    Nothing is opened: a named pipe is seen for what it is without waiting on it.
    `what` names the file's role in the size message ('an article')."""
    return _stat_problem(path, limit, what)[0]


def _stat_problem(path, limit: int, what: str) -> tuple[str | None, bool]:
    """The problem in words, and whether it is only the size."""
    try:
        info = os.stat(path)          # follows symlinks: the kind of what is read
    except FileNotFoundError:
        if os.path.islink(path):
            return "this is a link to something that does not exist", False
        return "no such file", False
    except OSError as error:          # a symlink loop (ELOOP), a name too long, no access
        return f"cannot read the file: {error.strerror or error}", False
    except ValueError:                # a NUL byte in the name
        return "this is not a usable file name", False
    kind = _kind_problem(info.st_mode)
    if kind:
        return kind, False
    size = _size_problem(info.st_size, limit, what)
    return size, size is not None


def read_regular(path, limit: int, what: str = "this file") -> bytes:
    """The bytes of an ordinary file of at most `limit` bytes; FileProblem otherwise."""
    problem, too_big = _stat_problem(path, limit, what)
    if problem:
        raise FileProblem(problem, too_big)
    try:
        handle = os.open(Path(path), _OPEN_FLAGS)
    except OSError as error:
        raise FileProblem(f"cannot read the file: {error.strerror or error}") from None
    try:
        problem = _kind_problem(os.fstat(handle).st_mode)
        if problem:
            raise FileProblem(problem)
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise FileProblem(f"cannot read the file: {error.strerror or error}") from None
    finally:
        os.close(handle)
    if len(data) > limit:             # it grew after the stat, or lied about its size
        raise FileProblem(_size_problem(None, limit, what), too_big=True)
    return data
