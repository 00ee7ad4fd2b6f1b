"""What a question file holds once it has been checked."""
import re
from dataclasses import dataclass, field

from game.bank.errors import BankError

LABELS = ("fact", "opinion")

# The value a teacher writes, and the words a player reads.
SOURCE_KINDS = {
    "news outlet": "News outlet",
    "official": "Official document or agency",
    "social media": "Named person on social media",
    "interview or speech": "Named person in an interview or speech",
    "anonymous": "Anonymous or unnamed source",
    "author": "The author (unattributed)",
}

GENRES = (
    "straight news report",
    "news analysis",
    "opinion column",
    "partisan blog post",
    "aggregator repost",
)


NOT_STATED = "not stated"   # what a question file says of metadata an article lacks
AUTHOR = "the author"       # what a question file names as the source when nobody is named
# What a generated file writes where only a teacher can answer; the loader reports any
# value still starting with it.
PLACEHOLDER = "FILL IN"


@dataclass(frozen=True)
class Where:
    """The place in a file a model came from, for messages that point back to it."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Article:
    id: str
    headline: str
    outlet: str
    author: str
    date: str
    genre: str
    genre_explanation: str
    provenance: tuple[str, ...]
    title: str = ""
    genre_also_fits: tuple[str, ...] = ()
    text_file: str = ""
    where: Where | None = field(default=None, compare=False)

    @property
    def display_title(self) -> str:
        return self.title or self.headline

    @property
    def credit(self) -> str:
        """Headline and outlet as a reader would cite them; an article that states neither
        (an unattributed copy) is named by its title instead of "“not stated” · not stated"."""
        known = [f"“{self.headline}”" if self.headline != NOT_STATED else "",
                 self.outlet if self.outlet != NOT_STATED else ""]
        return " · ".join(k for k in known if k) or self.display_title


# Who a cue's words belong to when the file names nobody: the writer's own judgment.
WRITER = "the writer"


@dataclass(frozen=True)
class Cue:
    """Words that carry a judgment, and whose judgment it is: the writer's, or that of
    someone the writer quotes or relays (the statement's source, or someone it names)."""

    words: str
    by: str = WRITER

    @property
    def writers(self) -> bool:
        return self.by == WRITER


def gist(source: str) -> str:
    """A source reduced so that two ways of writing it compare equal: 'an unnamed US
    official' and 'unnamed US officials' are one answer, never offered side by side."""
    words = re.findall(r"\w+", source.casefold())
    words = [w[:-1] if w.endswith("s") and len(w) > 3 else w
             for w in words if w not in ("a", "an", "the")]
    return " ".join(words)


@dataclass(frozen=True)
class AlsoSource:
    """Another answer to "who is the source?" that the sentence supports in part (the
    speaker of words a named outlet reports, say), and why the statement's own source is
    the better answer: what a player who gives it reads."""

    source: str
    why: str


@dataclass(frozen=True)
class Around:
    """The article's own words just before and just after a quote, as its question file
    stores them, so that "the sentences around it" can be shown where the article's text
    is not (an installed game, a public copy of the files): only these, never the whole
    text. Each keeps the space or line break next to the quote, which says whether the
    quote starts or ends its sentence or paragraph. Empty: the article starts or ends
    there."""

    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class Statement:
    id: str
    article: str
    text: str
    label: str
    source: str
    source_kind: str
    cues: tuple[Cue, ...]
    difficulty: int
    explanation: str
    reviewed: bool = True      # False: a draft's suggestion, loaded but never played
    # What the record shows, and where to check it, when a checkable claim is wrong or
    # garbled: the label stays fact, and the player is told what the record says.
    record: str = ""
    # Other answers to "who is the source?" a fair reader could give: partly right.
    source_also_fits: tuple[AlsoSource, ...] = ()
    # None: the file stores no context (the article's text, or the neighbouring
    # statements, stand in).
    context: Around | None = None
    where: Where | None = field(default=None, compare=False)

    @property
    def cue_words(self) -> tuple[str, ...]:
        return tuple(c.words for c in self.cues)


@dataclass(frozen=True)
class HandQuestion:
    """A multiple-choice question a teacher wrote out in full."""

    id: str
    article: str
    prompt: str
    choices: tuple[str, ...]
    answer: str
    explanation: str
    difficulty: int = 2
    where: Where | None = field(default=None, compare=False)


@dataclass
class Bank:
    articles: dict[str, Article] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)
    questions: list[HandQuestion] = field(default_factory=list)

    def statements_of(self, article_id: str) -> list[Statement]:
        return [s for s in self.statements if s.article == article_id]


@dataclass
class FileResult:
    """What reading one question file found: its problems, or what it holds. A file with
    problems is left out of the Bank whole."""
    path: str
    errors: list[BankError] = field(default_factory=list)
    article: Article | None = None
    statements: list[Statement] = field(default_factory=list)
    questions: list[HandQuestion] = field(default_factory=list)
    quotes_checked: bool = False
