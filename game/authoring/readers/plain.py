"""A plain-text article, from a file or standard input, in any common encoding."""
import sys
from pathlib import Path

from game.authoring.encoding import NotText, decode
from game.authoring.readers.reading import Reading, Unreadable
from game.files import FileProblem, read_file, size_problem


def from_file(path: Path, limit: int) -> Reading:
    return _decoded(read_file(path, limit, "an article"), plain=True)


def from_stdin(limit: int) -> Reading:
    """What was piped in (`… | new-article -`), read up to one byte past the limit."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None or sys.stdin.isatty():
        raise Unreadable("nothing was piped in; give the article's file, or pipe its text "
                         "into `new-article -`")
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise FileProblem(size_problem(None, limit, "an article"), too_big=True)
    return _decoded(data, plain=False)


def _decoded(data: bytes, plain: bool) -> Reading:
    try:
        text, encoding = decode(data)
    except NotText as problem:
        raise Unreadable(str(problem)) from None
    return Reading(text, f"{encoding} text", plain=plain)
