"""A class's game on their devices, kept in a small file in the data folder so that a
teacher's game killed mid-round can be taken up again with `run.py host --resume` (issue
14): the join code, the address and port the students' pages reconnect to, the setup, the
round's questions by id, each asked question's choice ids, the students' seats, the kicked
tokens, and where the round is.

No answer is in it: each is committed to the results file as it arrives, and a resumed game
rebuilds every student's score by judging their committed answers again with the engine.
The file is written whole, by rename, after each change the results do not hold (a join, a
kick, a question asked, a reveal), never on an answer, and removed when the round ends.

Read back it is untrusted: size-capped, every field checked for its type and range, and any
problem is a sentence for the teacher, never a traceback. A file that cannot be used loses
nothing else: the results file keeps every answer."""
import hashlib
import itertools
import json
import re
from dataclasses import replace
from pathlib import Path

from game.datafiles import reason, write_replacing
from game.files import FileProblem, read_file
from game.quiz.questions import generate
from game.quiz.room import (ASKING, CODE_ALPHABET, FINISHED, HOW_SURE_CHOICES, LOBBY,
                            REVEALED, Room, Student, student_name)
from game.quiz.round import RoundSetup
from game.quiz.state import RoundState
from game.quiz.verdict import judge

FILE_NAME = "devices-game.json"
PREFIX = ".devices-game-"   # its temporary files (game.datafiles clears stale ones)
KIND, VERSION = "Byline class game on devices", 1
# 200 students and 30 questions take about 40 KB; a file far bigger is not one of ours.
MAX_BYTES = 1_000_000
MOST_STUDENTS = 10_000
MOST_QUESTIONS = 200
_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}\Z")
_CHOICE_ID = re.compile(r"[0-9a-f]{8}\Z")
_ADDRESS = re.compile(r"[A-Za-z0-9.:%_-]{1,253}\Z")
_CODE = re.compile(f"[{CODE_ALPHABET}]{{4,6}}\\Z")
# Ways a list of picked words' texts could have come from a sentence with repeated words:
# past this many the answer is not looked for further (no sentence has that many).
_MOST_READINGS = 10_000
_MOST_PICKS = 500   # picked words in one answer: no sentence has more, no search goes deeper


def path_in(folder) -> Path:
    return Path(folder) / FILE_NAME


def check(question) -> str:
    """What decides a question's verdicts and what devices were shown of it, in 16 hex
    digits: a question edited in the bank since the game began is not resumed as if not."""
    made = json.dumps([question.skill, question.text, list(question.choices), question.answer,
                       list(question.also), [list(w) for w in question.words],
                       [sorted(g) for g in question.cue_groups]], ensure_ascii=False)
    return hashlib.sha256(made.encode("utf-8")).hexdigest()[:16]


# -- writing -------------------------------------------------------------------------------

def save(path, room, address: str, port: int) -> str | None:
    """Write the room's state by rename; a sentence instead of raising if it cannot be.
    The room's questions are those its setup's seed generates (as build_round makes them)."""
    path = Path(path)
    data = {
        "kind": KIND, "version": VERSION, "code": room.code, "bind": address, "port": port,
        "setup": {**room.setup.to_plain(), "seed": room.setup.seed}, "cap": room.cap,
        "questions": [[q.id, check(q)] for q in room.questions],
        "phase": room.phase, "position": room.position, "choice_ids": room.choice_ids,
        "students": [{"name": s.name, "token": s.token, "first": s.first, "round": s.round_id}
                     for s in room.students.values()],
        "kicked": sorted(room.kicked),
    }
    try:
        write_replacing(path, json.dumps(data, ensure_ascii=False), PREFIX)
    except OSError as error:
        return f"The class's game could not be kept in {path.parent} for resuming if " \
               f"Byline stops ({reason(error)}); the round goes on."
    return None


def remove(path) -> str | None:
    path = Path(path)
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        return f"The finished game's file {path} could not be removed ({reason(error)}): " \
               "delete it, or --resume will offer to take the game up again."
    return None


def keep(path, room, address: str, port: int) -> str | None:
    """What the host calls after each change: the game saved while it runs, its file gone
    once the round is over (so --resume says there is nothing to resume)."""
    if room.phase == FINISHED:
        return remove(path)
    return save(path, room, address, port)


# -- reading -------------------------------------------------------------------------------

class _Unusable(Exception):
    """Why the file cannot be resumed, in words that follow "cannot be resumed: "."""


def load(path, bank, recorder, article_credit=lambda q: "", article_text=lambda q: ()):
    """(room, address, port) as the file left them, every student's answers replayed from
    the results (recorder: a game.store.results.Results, which takes up their rounds
    again); or a sentence saying why not. Never raises on what the file holds."""
    path = Path(path)
    try:
        raw = read_file(path, MAX_BYTES, "a saved class game")
    except FileProblem as problem:
        if problem.missing:
            return (f"There is no class game to resume in {path.parent}: it ended, or "
                    "none was started with this data folder.")
        return f"The saved class game {path} cannot be resumed: {problem}."
    try:
        try:
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError) as error:   # UnicodeDecodeError is a ValueError
            raise _Unusable(f"it is not a saved game ({error})") from None
        return _resumed(data, bank, recorder, article_credit, article_text)
    except _Unusable as why:
        return (f"The saved class game {path} cannot be resumed: {why}. Every answer "
                "given is kept in the results; start a new game.")


def _field(data, name, ok, what: str):
    if not isinstance(data, dict) or name not in data:
        raise _Unusable(f"it has no {name!r}")
    value = data[name]
    if not ok(value):
        raise _Unusable(f"its {name!r} is not {what}")
    return value


def _whole(low: int, high: int):
    return lambda v: type(v) is int and low <= v <= high


def _text_list(most: int, longest: int = 200):
    return lambda v: isinstance(v, list) and len(v) <= most and all(
        isinstance(s, str) and 0 < len(s) <= longest for s in v)


def _resumed(data, bank, recorder, article_credit, article_text=lambda q: ()):
    if not isinstance(data, dict) or data.get("kind") != KIND:
        raise _Unusable("it is not a saved game of Byline's")
    _field(data, "version", lambda v: type(v) is int and v == VERSION,
           f"{VERSION} (it was saved by another version of Byline)")
    code = _field(data, "code", lambda v: isinstance(v, str) and _CODE.match(v), "a join code")
    bind = _field(data, "bind", lambda v: isinstance(v, str) and _ADDRESS.match(v),
                  "an address")
    port = _field(data, "port", _whole(1, 65535), "a port number")
    cap = _field(data, "cap", _whole(1, MOST_STUDENTS), "a number of students")
    setup = _setup(_field(data, "setup", lambda v: isinstance(v, dict), "a round setup"))
    questions = _questions(data, bank, setup.seed)
    phase = _field(data, "phase", lambda v: v in (LOBBY, ASKING, REVEALED, FINISHED),
                   "a stage of the round")
    if phase == FINISHED:
        raise _Unusable("that game is over, so there is nothing to resume")
    last = 0 if phase == LOBBY else len(questions) - 1
    position = _field(data, "position", _whole(0, last), "a question of the round")
    asked = 0 if phase == LOBBY else position + 1
    choice_ids = _choice_ids(data, questions[:asked])
    kicked = _field(data, "kicked", lambda v: _text_list(MOST_STUDENTS)(v)
                    and all(_TOKEN.match(t) for t in v), "a list of tokens")
    room = Room(questions, setup, recorder, code=code, cap=cap, article_credit=article_credit,
                article_text=article_text)
    seated = _students(data, room, phase, position, set(kicked))
    room.restore(phase, position, choice_ids, seated, kicked)
    return room, bind, port


_FLAG = ("a yes or no", lambda v: isinstance(v, bool))
# Each value of a round setup as saved (RoundSetup.to_plain, and the seed), with its check;
# RoundSetup itself refuses a count or skills out of range.
_SETUP = {
    "articles": ("a list of articles", _text_list(1000)),
    "skills": ("a list of skills", _text_list(100, 60)),
    "max_difficulty": ("a difficulty", _whole(1, 3)),
    "count": ("a number of questions", _whole(1, MOST_QUESTIONS)),
    "timer_seconds": ("a number of seconds", lambda v: v is None or _whole(1, 3600)(v)),
    "confidence": _FLAG, "speed_points": _FLAG, "show_scores": _FLAG,
    "seed": ("a whole number", _whole(-2**63, 2**63)),
}


def _setup(plain: dict) -> RoundSetup:
    unknown = sorted(set(plain) - set(_SETUP))
    if unknown:
        raise _Unusable(f"its round setup has {unknown[0]!r}, which this Byline does not know")
    values = {name: _field(plain, name, ok, f"{what} (in its round setup)")
              for name, (what, ok) in _SETUP.items()}
    try:
        return RoundSetup(**{k: tuple(v) if isinstance(v, list) else v
                             for k, v in values.items()})
    except ValueError as error:
        raise _Unusable(f"its round setup is not one Byline could have made ({error})") from None


def _questions(data, bank, seed: int) -> list:
    saved = _field(data, "questions", lambda v: isinstance(v, list)
                   and 0 < len(v) <= MOST_QUESTIONS
                   and all(_text_list(2)(q) and len(q) == 2 for q in v),
                   "a list of the round's questions")
    made = {q.id: q for q in generate(bank, seed)}
    questions = []
    for n, (qid, checked) in enumerate(saved, 1):
        q = made.get(qid)
        if q is None:
            raise _Unusable(f"question {n} of the round ({qid}) is no longer in the question "
                            "bank")
        if check(q) != checked:
            raise _Unusable(f"question {n} of the round ({qid}) has changed in the question "
                            "bank since the game began (its sentence, choices or answer)")
        questions.append(q)
    return questions


def _choice_ids(data, asked: list) -> list[dict[str, int]]:
    def fits(saved):
        return isinstance(saved, list) and len(saved) == len(asked) and all(
            isinstance(ids, dict) and all(isinstance(k, str) and _CHOICE_ID.match(k)
                                          for k in ids)
            and sorted(i if type(i) is int else -1 for i in ids.values())
            == list(range(len(q.choices))) for ids, q in zip(saved, asked))
    return _field(data, "choice_ids", fits, "the choice ids of the questions asked")


def _students(data, room: Room, phase: str, position: int, kicked: set) -> list[Student]:
    def seat(s):
        return isinstance(s, dict) and isinstance(s.get("name"), str) \
            and student_name(s["name"]) == s["name"] \
            and isinstance(s.get("token"), str) and _TOKEN.match(s["token"]) \
            and s["token"] not in kicked \
            and _whole(0, 0 if phase == LOBBY else position + 1)(s.get("first")) \
            and (s.get("round") is None if phase == LOBBY
                 else _whole(-2**63, 2**63)(s.get("round")))
    saved = _field(data, "students", lambda v: isinstance(v, list) and len(v) <= room.cap
                   and all(seat(s) for s in v), "a list of students' seats")
    if len({s["token"] for s in saved}) < len(saved) or \
            len({s["name"].casefold() for s in saved}) < len(saved):
        raise _Unusable("two of its students share a seat or a name")
    students = []
    for s in saved:
        student = Student(s["name"], s["token"], s["first"],
                          RoundState(room.setup, room.questions[s["first"]:]), s["round"])
        if phase != LOBBY:
            _replay(student, room, phase, position)
        students.append(student)
    return students


# -- the answers, from the results ---------------------------------------------------------

def _replay(student: Student, room: Room, phase: str, position: int) -> None:
    """The student's committed answers judged again, in order, as if given now: the same
    verdicts, points and streaks, and a second answer to a question refused as before."""
    recorder, student_round = room.recorder, student.round_id
    owner = recorder.reopen(student_round)
    if owner is None and student_round > 0:
        trouble = recorder.trouble or recorder.problem
        raise _Unusable(f"the results file has no round {student_round} for {student.name}"
                        + (f" ({trouble})" if trouble else
                           ": is it the same data folder as the game's?"))
    if owner is None:
        # The round was never written (the results file could not be, then): its answers
        # went with the game that was killed. From now on it is recorded afresh.
        student.round_id = recorder.start_round(student.name, room.setup.to_plain(), "devices")
        rows = []
    elif owner.casefold() != student.name.casefold():
        raise _Unusable(f"round {student_round} of the results file is {owner}'s, not "
                        f"{student.name}'s: is it the same data folder as the game's?")
    else:
        rows = recorder.answers(student_round)
    by_position = {}
    for row in rows:
        p = row["position"]
        if not student.first <= p <= position or row["question_id"] != room.questions[p].id:
            raise _Unusable(f"the results file has an answer of {student.name}'s for a "
                            "question the saved game had not asked: the game was not saved "
                            "after its last change")
        by_position.setdefault(p, row)
    for p in range(student.first, position + 1):
        row = by_position.get(p)
        if row is None and p == position and phase == ASKING:
            break           # not answered yet: the question is still open to them
        # A question before this one has an answer for everyone (the reveal records "no
        # answer"): one missing went with the game killed before the file could take it.
        student.given[p] = _answer_again(student, room.questions[p], row)


def _answer_again(student: Student, q, row):
    state = student.state
    if row is None:
        return state.answer(None)
    sure = row["confidence"]
    if sure is not None and sure not in HOW_SURE_CHOICES:
        raise _Unusable(f"an answer of {student.name}'s in the results file says how sure in "
                        "words the game never offers")
    try:
        seen = json.loads(row["given"])
    except (ValueError, RecursionError):
        seen = object()     # unreadable: said below
    given = _given_back(q, seen, row["verdict"], row["credit"])
    if given is _NOT_THERE:
        raise _Unusable(f"an answer of {student.name}'s in the results file is not one of "
                        f"question {q.id}'s")
    answer = state.answer(given, seconds=row["seconds"], confidence=sure)
    if answer.verdict.value != row["verdict"] or abs(answer.points - row["points"]) > 1:
        raise _Unusable(f"an answer of {student.name}'s in the results file was judged "
                        f"otherwise than question {q.id} judges it now")
    if answer.points != row["points"]:
        # Seconds are kept to 1/100, so a speed bonus a hair's breadth from a half can
        # round the other way: the points the student was told stand.
        answer = state.answers[-1] = replace(answer, points=row["points"])
    return answer


_NOT_THERE = object()


def _given_back(q, seen, verdict: str, credit: float):
    """What RoundState.answer takes, from the answer as the results keep it (as_seen: the
    choice's text, or the picked words' texts in the sentence's order); _NOT_THERE when it
    cannot be one of q's answers."""
    if seen is None:
        return None
    if q.skill != "opinion_words":
        return q.choices.index(seen) if isinstance(seen, str) and seen in q.choices \
            else _NOT_THERE
    if not (isinstance(seen, list) and all(isinstance(w, str) for w in seen)) \
            or len(seen) > min(len(q.words), _MOST_PICKS):
        return _NOT_THERE
    # A word that occurs twice in the sentence ("a", "the") is kept by its text alone:
    # of the picks those texts could be, the one judged as the student's was judged is it.
    for picks in itertools.islice(_readings(q.word_texts(), seen), _MOST_READINGS):
        judged = judge(q, frozenset(picks))
        if judged.verdict.value == verdict and abs(judged.credit - credit) < 1e-9:
            return frozenset(picks)
    return _NOT_THERE


def _readings(words: list[str], seen: list[str]):
    """Each rising sequence of word indices whose texts are seen, in order. Every branch
    tried leads to one: the k-th text is looked for no later than the last place that
    leaves room for the texts after it."""
    latest, i = [0] * len(seen), len(words)
    for k in range(len(seen) - 1, -1, -1):
        i = next((j for j in range(i - 1, -1, -1) if words[j] == seen[k]), -1)
        if i < 0:
            return
        latest[k] = i

    def rest(k: int, start: int):
        if k == len(seen):
            yield ()
            return
        for i in range(start, latest[k] + 1):
            if words[i] == seen[k]:
                for tail in rest(k + 1, i + 1):
                    yield (i, *tail)
    yield from rest(0, 0)
