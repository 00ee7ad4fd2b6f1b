"""A teacher's file, read safely: what a path is, is checked before it is opened, and its
size before it is read. A link to a device, a named pipe (which would wait for ever for a
writer), a folder, a symlink loop or a 3 GB file is named and refused, never read."""
import errno
import os
import stat

# A pipe swapped in between the look and the open must not block the open.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


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


def what_is(path) -> str | None:
    """None for an ordinary file (or a link to one); otherwise what the path is, in words
    that follow 'is' ("a named pipe, not a file")."""
    try:
        info = os.stat(path)
    except ValueError:
        return "not a name a file can have"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symlink loop: the link leads back to itself"
        if os.path.islink(path):
            return f"a link to {_target(path)}, which does not exist"
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return "missing (no such file or folder)"
        return f"unreadable ({exc.strerror or exc})"
    kind = _kind(info.st_mode)
    if kind and os.path.islink(path):
        return f"a link to {_target(path)}, which is {kind}"
    return kind


def _target(path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "something"


def size_text(size: int) -> str:
    return f"{size / 1e9:.1f} GB" if size >= 1e9 else f"{size / 1e6:.1f} MB"


def read_bytes(path, limit: int, too_big, subject: str = "this"):
    """The file's bytes and None, or None and a message saying what is wrong with it:
    f"{subject} is a named pipe, not a file", or too_big(size) for a file over limit
    bytes, which is refused from its size alone, unread."""
    kind = what_is(path)
    if kind:
        return None, f"{subject} is {kind}"
    try:
        with open(os.open(path, _OPEN_FLAGS), "rb") as file:
            # The file opened, which may not be the one looked at a moment ago.
            info = os.fstat(file.fileno())
            kind = _kind(info.st_mode)
            if kind:
                return None, f"{subject} is {kind}"
            if info.st_size > limit:
                return None, too_big(info.st_size)
            data = file.read(limit + 1)     # never more, if it grows while being read
    except OSError as exc:
        return None, f"{subject} is unreadable ({exc.strerror or exc})"
    if len(data) > limit:
        return None, too_big(len(data))
    return data, None
