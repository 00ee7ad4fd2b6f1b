"""The messages between a student's device and Byline (issue 14; docs/protocol.md): small
JSON objects `{"v": 1, "type": ...}`. A message from a device is checked here, whole,
before it becomes a call on the room: anything else is a `Bad` with a reason to count, never
an exception. What goes to a device is built from the room's views, which have no field for
the answer key before the reveal."""
import json
from dataclasses import dataclass

from game.quiz.room import MAX_STUDENT_NAME, Asking, Over, Result, Waiting

VERSION = 1
MAX_BYTES = 4096            # the largest message a device has any reason to send
MAX_CODE = 16               # a join code is 5 characters; room for stray spaces
MAX_TOKEN = 64              # the room's tokens are 22 characters
MAX_ID = 32                 # a choice id is 8 hex digits
MAX_PICKS = 200             # picked words: never more than a sentence has
MAX_SURE = 20               # "fairly sure"


@dataclass(frozen=True)
class Join:
    code: str
    name: str
    kicked: str | None      # the token this device had, if any: a kicked one stays out


@dataclass(frozen=True)
class Rejoin:
    token: str


@dataclass(frozen=True)
class Answer:
    reply: str | list[int]  # a choice's opaque id, or the picked words' indices
    sure: str | None = None     # how sure, when the round asks


@dataclass(frozen=True)
class Bad:
    why: str                # what was wrong, counted by the server


def _text(value, longest: int, shortest: int = 0) -> bool:
    return isinstance(value, str) and shortest <= len(value) <= longest


def _reply(value) -> bool:
    if isinstance(value, str):
        return 0 < len(value) <= MAX_ID
    return isinstance(value, list) and len(value) <= MAX_PICKS and all(
        type(i) is int and 0 <= i < 10_000 for i in value)


def parse(raw) -> Join | Rejoin | Answer | Bad:
    """One incoming message, checked: size, JSON object, version, known type, and each field
    of the right type and size. Nothing else from a device reaches the room."""
    if isinstance(raw, bytes):
        return Bad("binary")
    if not isinstance(raw, str) or len(raw.encode("utf-8", "replace")) > MAX_BYTES:
        return Bad("too big")
    try:
        message = json.loads(raw)
    except (ValueError, RecursionError):
        return Bad("not JSON")
    if not isinstance(message, dict):
        return Bad("not an object")
    if type(message.get("v")) is not int or message["v"] != VERSION:   # not true, not 1.0
        return Bad("version")
    kind = message.get("type")
    if kind == "join":
        code, name, old = message.get("code"), message.get("name"), message.get("token")
        # The room folds and trims names; here only a size no name could need is refused.
        if _text(code, MAX_CODE, 1) and _text(name, 10 * MAX_STUDENT_NAME, 1) and (
                old is None or _text(old, MAX_TOKEN, 1)):
            return Join(code, name, old)
    elif kind == "rejoin":
        if _text(message.get("token"), MAX_TOKEN, 1):
            return Rejoin(message["token"])
    elif kind == "answer":
        reply, sure = message.get("reply"), message.get("sure")
        if _reply(reply) and (sure is None or _text(sure, MAX_SURE, 1)):
            return Answer(reply, sure)
    else:
        return Bad("unknown type")
    return Bad("bad fields")


def _out(kind: str, **fields) -> str:
    # A view's choices are dataclasses too: each becomes its fields as it is written.
    return json.dumps({"v": VERSION, "type": kind, **fields}, ensure_ascii=False, default=vars)


def joined(token: str) -> str:
    return _out("joined", token=token)


def refused(why: str, reason: str | None = None) -> str:
    """why: the sentence a student reads; reason: the room's word for an answer it did not
    count ("late", "twice"...), for the page to act on."""
    return _out("refused", why=why, **({"reason": reason} if reason else {}))


def clock(seconds_left: float) -> str:
    """A second of the question's timer has gone: the whole view is not sent again."""
    return _out("clock", seconds_left=seconds_left)


_KINDS = {Waiting: "waiting", Asking: "asking", Result: "result", Over: "over"}


def view(seen: Waiting | Asking | Result | Over) -> str:
    """The room's view for one device, as it goes on the wire: its fields and its type."""
    # vars, not asdict, which deep-copies every field first and took three times as long.
    return _out(_KINDS[type(seen)], **vars(seen))
