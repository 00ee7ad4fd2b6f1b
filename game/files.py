"""What a path is, and its bytes read safely: only an ordinary file, only up to a size.

Every file Byline reads goes through here: a teacher's question files, presets, article
texts and spreadsheets, and the game's own settings and cache in a data folder anyone may
have put anything into. Such a path can be a named pipe (opening it waits for a writer, for
ever), a device such as /dev/zero (reading it never ends), a folder, a symlink loop, or a
3 GB file that, read whole, exhausts memory before any size check runs. So what it is and
its size come from `os.stat` first, a pipe is never opened, the open file is looked at
again, and the read stops one byte past the limit in case the file grew or was swapped in
between. Everything is said in words: no caller sees an OSError."""
import errno
import os
import stat

# O_NONBLOCK: should a pipe be swapped in between the look and the open, the open returns at
# once instead of waiting for a writer (the look at the open file then refuses it).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class FileProblem(Exception):
    """Why a file was not read. str(): words that follow its name ('big.csv: the file is
    3 GB; …', 'pipe.yaml: this is a named pipe, not a file'); said_of() puts another
    subject before the same words. too_big: an ordinary file over the limit (the caller may
    say what to do about it); missing: nothing is there, or only a link to nothing."""

    def __init__(self, predicate: str, too_big: bool = False, missing: bool = False):
        self.predicate, self.too_big, self.missing = predicate, too_big, missing
        super().__init__(self.said_of("the file" if too_big else "this"))

    def said_of(self, subject: str) -> str:
        return f"{subject} is {self.predicate}"


def size_words(size: int) -> str:
    """3_000_000_000 -> '3 GB', 2_500_000 -> '2.5 MB', 200_000 -> '200 KB', 9 -> '9 bytes'."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size / 1e3:.0f} KB" if size >= 1_000 else f"{size} bytes"


def size_problem(size: int | None, limit: int, what: str) -> str:
    """Words that follow 'the file is': '3 GB; a question file may be at most 1 MB'.
    size None: over the limit by how much unknown (the read stopped there)."""
    shown, most = size_words(size or 0), size_words(limit)
    over = size is None or shown == most
    return f"{'over ' + most if over else shown}; {what} may be at most {most}"


def what_is(path) -> str | None:
    """None for an ordinary file (or a link to one); otherwise what the path is, in words
    that follow 'is' ('a link to /dev/zero, which is a device, not a file'). Nothing is
    opened, so a named pipe is named without waiting on it."""
    try:
        _look(path)
    except FileProblem as problem:
        return problem.predicate
    return None


def read_file(path, limit: int, what: str = "this file") -> bytes:
    """The bytes of the ordinary file at path (links followed) if it holds at most limit
    bytes; FileProblem otherwise. `what` names the file's role in the size message ('a
    question file'): a file over the limit is refused from its size alone, unread."""
    size = _look(path).st_size
    if size > limit:
        raise FileProblem(size_problem(size, limit, what), too_big=True)
    try:
        with open(os.open(path, _OPEN_FLAGS), "rb") as file:
            # The file opened, which may not be the one looked at a moment ago.
            info = os.fstat(file.fileno())
            kind = _kind(info.st_mode)
            if kind:
                raise FileProblem(kind)
            data = file.read(limit + 1)     # never more, if it grows while being read
    except OSError as exc:
        raise FileProblem(f"unreadable ({exc.strerror or exc})") from None
    if len(data) > limit:                   # it grew, or said it was smaller (/proc files)
        raise FileProblem(size_problem(None, limit, what), too_big=True)
    return data


def _look(path) -> os.stat_result:
    """The stat of what path leads to, if it is an ordinary file; FileProblem otherwise."""
    try:
        info = os.stat(path)
    except ValueError:                      # a NUL byte in the name
        raise FileProblem("not a name a file can have") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise FileProblem("a symlink loop: the link leads back to itself") from None
        if exc.errno not in (errno.ENOENT, errno.ENOTDIR):
            raise FileProblem(f"unreadable ({exc.strerror or exc})") from None
        if os.path.islink(path):
            raise FileProblem(f"a link to {_target(path)}, which does not exist",
                              missing=True) from None
        raise FileProblem("missing (no such file or folder)", missing=True) from None
    kind = _kind(info.st_mode)
    if kind:
        raise FileProblem(f"a link to {_target(path)}, which is {kind}"
                          if os.path.islink(path) else kind)
    return info


def _kind(mode: int) -> str | None:
    """What a stat's mode says a path is, unless it is an ordinary file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "a named pipe, not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file"
    return "not an ordinary file"


def _target(path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "something"
