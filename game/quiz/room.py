"""A class on their own devices (issue 14): who has joined, what each device may see, and
which answers count. Plain Python, as the other modes are: the network only carries what
this decides, and the projector draws it.

What a student's device is sent is built from types that have no field for the right
answer, the explanation or anyone else's answer before the reveal: a leak would be a type
error, not a forgotten `del`. Answers are judged by the engine (game.quiz.verdict through
RoundState) at the time the room received them, never a time a device claims, and each is
recorded as it arrives."""
import secrets
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from game.quiz.round import RoundSetup
from game.quiz.scoring import CONFIDENCE
from game.quiz.state import RoundState
from game.quiz.wording import as_seen, in_words, right_words

# Questions about the whole article (what kind it is, a teacher's question about it): the
# projector shows the article beside the answers, and so does every device.
ABOUT_THE_ARTICLE = ("article_genre", "hand_written")

# Join codes: no letters or digits that look alike on a projector (0/O, 1/I/L, 2/Z, 5/S, 8/B).
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 5
MAX_STUDENT_NAME = 20
ROOM_CAP = 200
# Formatting characters (bidi overrides, zero-width joiners), controls, surrogates and line
# breaks: none belongs in a name shown on a projector or a classmate's phone.
_STRIPPED = {"Cc", "Cf", "Cs", "Zl", "Zp"}

LOBBY, ASKING, REVEALED, FINISHED = "lobby", "asking", "revealed", "finished"

# Why an answer was refused: counted, never scored.
LATE, TWICE, NOT_ASKING, UNKNOWN_SEAT, UNKNOWN_CHOICE, KICKED, NOT_YET, HOW_SURE = (
    "late", "twice", "not asking", "unknown seat", "unknown choice", "kicked",
    "joined after this question", "how sure")
# What a device offers when the round asks how sure the student is, in this order.
HOW_SURE_CHOICES = tuple(CONFIDENCE)


def credits(bank):
    """What a device shows of where a question comes from: its article's credit."""
    return lambda q: bank.articles[q.article].credit if q.article in bank.articles else ""


def articles(bank):
    """What a device shows for a question about the whole article: the article, as the
    projector shows it (a question must be answerable from the phone alone)."""
    from game.bank.texts import shown_article

    def text(q):
        article = bank.articles.get(q.article)
        if article is None or q.skill not in ABOUT_THE_ARTICLE:
            return ()
        return shown_article(article, bank).paragraphs
    return text


def new_code(length: int = CODE_LENGTH) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def student_name(raw) -> str | None:
    """The name as the room keeps it (compatibility forms folded, formatting and control
    characters removed, spaces tidied), or None if nothing of 1-20 characters is left."""
    if not isinstance(raw, str) or len(raw) > 10 * MAX_STUDENT_NAME:
        return None
    text = unicodedata.normalize("NFKC", raw)
    text = "".join(c for c in text if unicodedata.category(c) not in _STRIPPED)
    name = " ".join(text.split())
    return name if 0 < len(name) <= MAX_STUDENT_NAME else None


# -- What a student's device is sent ---------------------------------------------------------

@dataclass(frozen=True)
class Choice:
    id: str         # opaque, new for every question: it says nothing of which is right
    text: str


@dataclass(frozen=True)
class Waiting:
    """In the lobby, or joined during a question: the next one is theirs."""
    name: str
    joined: int


@dataclass(frozen=True)
class Asking:
    """A question as every device shows it. No field can hold the answer."""
    name: str
    position: int           # 1-based, as players count
    total: int
    skill: str
    prompt: str
    sentence: str           # the quoted sentence (empty for a question about the article)
    credit: str             # where it comes from: the article's title and outlet
    choices: tuple[Choice, ...]
    words: tuple[str, ...]  # the sentence's words, for "spot the opinion words"
    article: tuple[str, ...]    # a question about the whole article: its text, a paragraph
                                # each, as the projector shows it (else empty)
    seconds_left: float | None
    answered: bool          # "Answer sent: wait for the reveal"
    how_sure: tuple[str, ...]   # asked with the answer when the round asks; else empty


@dataclass(frozen=True)
class Result:
    """After the reveal: this student's own result, and nobody else's answer."""
    name: str
    position: int
    verdict: str | None     # "Right", "Partly right", "Not quite"; None: no answer given
    your_answer: str
    right_answer: str
    explanation: str
    points: int
    score: int
    place: int | None       # None when the teacher hides the scores until the end
    sure: str | None        # how sure they said they were


@dataclass(frozen=True)
class Over:
    name: str
    score: int
    place: int
    of: int


# -- The room -------------------------------------------------------------------------------

@dataclass
class Student:
    name: str
    token: str
    first: int                      # the first question they play (a late joiner's next)
    state: RoundState
    round_id: int | None = None
    given: dict = field(default_factory=dict)    # position -> what they answered


class Room:
    def __init__(self, questions, setup: RoundSetup, recorder, code: str | None = None,
                 cap: int = ROOM_CAP, article_credit=lambda q: "", on_change=lambda: None,
                 article_text=lambda q: ()):
        """on_change: called after each change the results file does not hold (a join, a
        kick, a question asked with its new choice ids, a reveal, the end), so the game
        can be saved for resuming (game.store.room_file); answers are in the results."""
        self.questions, self.setup, self.recorder = list(questions), setup, recorder
        self.on_change = on_change
        self.code = code or new_code()
        self.cap, self.credit, self.article_text = cap, article_credit, article_text
        self.phase, self.position, self.elapsed = LOBBY, 0, 0.0
        self.students: dict[str, Student] = {}      # by token
        self.kicked: set[str] = set()                # tokens that can never rejoin
        self.refused: Counter = Counter()            # why answers were refused
        self._ids: list[dict[str, int]] = []         # per question: choice id -> index
        self._places: dict[str, int] | None = None   # name -> place, until a score changes
        self._counts: tuple | None = None    # (position, answered, playing), until one changes

    # -- joining --
    def join(self, code: str, raw_name) -> tuple[str | None, str]:
        """(a token for this device, "") or (None, why not, in words a student reads)."""
        if not isinstance(code, str) or code.strip().upper() != self.code:
            return None, "That code is not this game's: check the code on the board."
        if self.phase == FINISHED:
            return None, "This game is over."
        name = student_name(raw_name)
        if name is None:
            return None, f"Type a name of 1 to {MAX_STUDENT_NAME} letters."
        if any(s.name.casefold() == name.casefold() for s in self.students.values()):
            return None, f"Someone has already joined as {name}: add an initial, or choose " \
                         "another name."
        if len(self.students) >= self.cap:
            return None, "This game is full."
        first = self.position + (1 if self.phase != LOBBY else 0)
        token = secrets.token_urlsafe(16)
        student = Student(name, token, first, RoundState(self.setup, self.questions[first:]))
        if self.phase != LOBBY:
            student.round_id = self.recorder.start_round(name, self.setup.to_plain(), "devices")
        self.students[token] = student
        self._forget()
        self.on_change()
        return token, ""

    def rejoin(self, token) -> Student | None:
        """The seat a device had (its page reloaded, its Wi-Fi dropped), if it still has one."""
        return self.students.get(token) if isinstance(token, str) else None

    def kick(self, name: str) -> bool:
        """The teacher takes a name out: that device cannot come back under any name."""
        for token, student in list(self.students.items()):
            if student.name == name:
                del self.students[token]
                self.kicked.add(token)
                self._forget()
                self.on_change()
                return True
        return False

    def names(self) -> list[str]:
        return [s.name for s in self.students.values()]

    # -- the round, as the teacher runs it --
    def start(self) -> None:
        if self.phase != LOBBY or not self.questions:
            return
        for student in self.students.values():
            student.round_id = self.recorder.start_round(student.name, self.setup.to_plain(),
                                                         "devices")
        self._ask(0)

    def _ask(self, position: int) -> None:
        self.phase, self.position, self.elapsed = ASKING, position, 0.0
        q = self.questions[position]
        ids: dict[str, int] = {}
        while len(ids) < len(q.choices):
            ids.setdefault(secrets.token_hex(4), len(ids))
        self._ids.append(ids)
        self.on_change()

    def tick(self, dt: float) -> None:
        if self.phase == ASKING:
            self.elapsed += dt

    def seconds_left(self) -> float | None:
        """While a timed question is asked, the seconds it has left; else None."""
        timer = self.setup.timer_seconds
        return max(0.0, timer - self.elapsed) if timer and self.phase == ASKING else None

    @property
    def time_up(self) -> bool:
        timer = self.setup.timer_seconds
        return bool(timer) and self.elapsed >= timer

    def _forget(self) -> None:
        """A score, an answer or who is in the room changed: places and counts are new."""
        self._places = self._counts = None

    def answered(self) -> int:
        """How many have answered the question on screen: the projector shows this, never who."""
        return self._count()[1]

    def playing(self) -> int:
        """How many are playing the question on screen (a late joiner's turn comes next)."""
        return self._count()[2]

    def _count(self) -> tuple:
        """Counted once per change, not at every frame the projector draws."""
        if self._counts is None or self._counts[0] != self.position:
            playing = self._playing()
            self._counts = (self.position, sum(self.position in s.given for s in playing),
                            len(playing))
        return self._counts

    def _playing(self):
        return [s for s in self.students.values() if s.first <= self.position]

    def reveal(self) -> None:
        """The teacher reveals: whoever has not answered is recorded as not answering."""
        if self.phase != ASKING:
            return
        for student in self._playing():
            if self.position not in student.given:
                self._commit(student, None)
        self.phase = REVEALED
        self.on_change()

    def next(self) -> None:
        if self.phase != REVEALED:
            return
        if self.position + 1 < len(self.questions):
            self._ask(self.position + 1)
            return
        self.phase = FINISHED
        for student in self.students.values():
            self.recorder.finish_round(student.round_id, student.state.score)
        self.on_change()

    # -- saved and resumed (game.store.room_file) --
    @property
    def choice_ids(self) -> list[dict[str, int]]:
        """Per question asked so far, its choice ids -> the choices' places: an answer a
        device sends just after the game is resumed must still count."""
        return [dict(ids) for ids in self._ids]

    def restore(self, phase: str, position: int, choice_ids, students, kicked) -> None:
        """Back where a saved game was, its students rebuilt from their committed answers."""
        self.phase, self.position, self.elapsed = phase, position, 0.0
        self._ids = [dict(ids) for ids in choice_ids]
        self.students = {s.token: s for s in students}
        self.kicked = set(kicked)
        self._forget()

    # -- answers from devices --
    def answer(self, token, reply, sure: str | None = None) -> str | None:
        """None if the answer counts; else why it was refused (and it is counted).
        sure: how sure the student was, one of HOW_SURE_CHOICES when the round asks."""
        why = self._refusal(token, reply, sure)
        if why is not None:
            self.refused[why] += 1
            return why
        self._commit(self.students[token], self._given(reply), sure)
        return None

    def _refusal(self, token, reply, sure=None) -> str | None:
        if isinstance(token, str) and token in self.kicked:
            return KICKED
        student = self.rejoin(token)
        if student is None:
            return UNKNOWN_SEAT
        if self.phase != ASKING:
            return NOT_ASKING
        if student.first > self.position:
            return NOT_YET
        if self.position in student.given:
            return TWICE
        if self.time_up:
            return LATE
        if self._given(reply) is None:
            return UNKNOWN_CHOICE
        if (sure in HOW_SURE_CHOICES) != bool(self.setup.confidence):
            return HOW_SURE
        return None

    def _given(self, reply):
        """A choice's index from its opaque id, or the picked words' indices; None if the
        reply names nothing this question has."""
        q = self.questions[self.position]
        if q.skill == "opinion_words":
            if not isinstance(reply, list) or len(reply) > len(q.words) or not all(
                    type(i) is int and 0 <= i < len(q.words) for i in reply):
                return None
            return frozenset(reply)
        return self._ids[self.position].get(reply) if isinstance(reply, str) else None

    def _commit(self, student: Student, given, sure: str | None = None) -> None:
        # The room's clock, not the device's: what the server saw is what is scored.
        answer = student.state.answer(given, seconds=self.elapsed, confidence=sure)
        student.given[self.position] = answer
        self._forget()
        self.recorder.record(student.round_id, self.position, answer)

    # -- what each side sees --
    def standings(self) -> list[tuple[int, str, int]]:
        """(place, name, score), ties sharing a place."""
        ranked = sorted(self.students.values(), key=lambda s: -s.state.score)
        rows, place = [], 0
        for i, s in enumerate(ranked):
            if i == 0 or s.state.score != ranked[i - 1].state.score:
                place = i + 1
            rows.append((place, s.name, s.state.score))
        return rows

    def _place(self, student: Student) -> int:
        # Ranked once per change, not once per device: a reveal to 300 devices would
        # otherwise rank the class 300 times (game.tools.bench --net).
        if self._places is None:
            self._places = {name: place for place, name, _ in self.standings()}
        return self._places[student.name]

    def spread(self) -> list[int]:
        """After the reveal, how many gave each choice (the projector's bars); for picked
        words, how many were right, partly right and not."""
        if self.phase not in (REVEALED, FINISHED):
            return []
        q = self.questions[self.position]
        answers = [s.given[self.position] for s in self._playing() if self.position in s.given]
        if q.skill == "opinion_words":
            verdicts = Counter(a.verdict.value for a in answers if a.given)
            return [verdicts["right"], verdicts["partly"], verdicts["wrong"]]
        return [sum(a.given == i for a in answers) for i in range(len(q.choices))]

    def view(self, token):
        """What this device may see now: Waiting, Asking, Result or Over; None for a
        device with no seat."""
        student = self.rejoin(token)
        if student is None:
            return None
        if self.phase == FINISHED:
            return Over(student.name, student.state.score, self._place(student),
                        len(self.students))
        if self.phase == LOBBY or student.first > self.position:
            return Waiting(student.name, len(self.students))
        q = self.questions[self.position]
        if self.phase == ASKING:
            ids = self._ids[self.position]
            return Asking(
                name=student.name, position=self.position + 1, total=len(self.questions),
                skill=q.skill, prompt=q.prompt, sentence=q.text if q.statement else "",
                credit=self.credit(q),
                choices=tuple(Choice(id, q.choices[i]) for id, i in ids.items()),
                words=tuple(q.word_texts()) if q.skill == "opinion_words" else (),
                article=tuple(self.article_text(q)),
                seconds_left=self.seconds_left(),
                answered=self.position in student.given,
                how_sure=HOW_SURE_CHOICES if self.setup.confidence else ())
        answer = student.given[self.position]
        return Result(
            name=student.name, position=self.position + 1,
            verdict=answer.verdict.word if answer.given is not None else None,
            your_answer=in_words(as_seen(q, answer.given)) if answer.given is not None
            else "no answer", right_answer=right_words(q),
            explanation=(answer.note + " " + q.explanation).strip(), points=answer.points,
            score=student.state.score,
            place=self._place(student) if self.setup.show_scores else None,
            sure=answer.confidence)
