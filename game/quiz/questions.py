"""Questions generated from statements, so one statement a teacher writes yields several.

Choices are shuffled by a random.Random seeded from the round's seed and the question's
id, so the same seed always gives the same questions in the same order of choices."""
import random
import re
from dataclasses import dataclass

from game.bank.models import AUTHOR, GENRES, SOURCE_KINDS, WRITER, Article, Bank, \
    HandQuestion, Statement, gist

SKILLS = {
    "fact_or_opinion": "Fact or opinion",
    "who_is_source": "Who is the source?",
    "source_kind": "What kind of source?",
    "opinion_words": "Spot the opinion words",
    "article_genre": "What kind of article?",
    "hand_written": "Teacher's questions",
}
NO_SOURCE = "No source: the author's own claim"
# The heading over a statement's `record:` wherever it is shown (feedback, review, GIFT).
RECORD_HEADING = "What the record shows"
FACT_CHOICES = ("Fact: checkable", "Opinion: a judgment")
MAX_CHOICES = 4
_WORD = re.compile(r"(?:\w\.){2,}|[\w’'-]*\w[\w’']*|\w")


@dataclass(frozen=True)
class Question:
    id: str
    skill: str
    prompt: str
    article: str
    explanation: str
    difficulty: int
    statement: str | None = None      # the statement id, when generated from one
    text: str = ""                    # the quoted sentence shown with the question
    choices: tuple[str, ...] = ()
    answer: int | None = None         # index into choices
    words: tuple[tuple[int, int], ...] = ()   # (start, end) of each selectable word
    cue_words: frozenset[int] = frozenset()   # indices into words that carry a cue
    # Each cue's words (indices into words) and the cue as written, cue by cue: an
    # opinion-words answer is judged by how many cues it finds, not how many words.
    cue_groups: tuple[frozenset[int], ...] = ()
    cue_texts: tuple[str, ...] = ()
    # Choices the text itself supports in part (a genre in genre_also_fits, a source in
    # source_also_fits): partly right. also_why: why the answer is the better one, for
    # each of them in the same order; empty where the explanation says it.
    also: tuple[int, ...] = ()
    also_why: tuple[str, ...] = ()
    record: str = ""        # what the record shows, when the statement's claim is wrong

    def word_texts(self) -> list[str]:
        return [self.text[a:b] for a, b in self.words]


def _rng(seed: int, question_id: str) -> random.Random:
    return random.Random(f"{seed}:{question_id}")


class Options:
    """The wrong answers a question may offer: one option for each gist, the first seen,
    built once (for an article's sources, once per article), so that choosing a
    question's few wrong answers never goes through them all."""

    def __init__(self, options):
        self.options: list[str] = []
        self.index: dict[str, int] = {}       # gist -> its option's place in options
        for option in options:
            self.index.setdefault(gist(option), len(self.options))
            if len(self.index) > len(self.options):
                self.options.append(option)


def _with_distractors(right: str, others: Options, rng: random.Random,
                      keep=()) -> tuple[tuple, int]:
    """Choices holding the right answer once and up to three others, each of a gist of
    its own; those in keep come first, in their order, whether or not others has them."""
    gists = {gist(right)}
    kept = []
    for option in keep:
        if gist(option) not in gists and len(kept) < MAX_CHOICES - 1:
            gists.add(gist(option))
            kept.append(option)
    skip = {others.index[g] for g in gists if g in others.index}
    want = MAX_CHOICES - 1 - len(kept)
    # A few more than wanted, as those skipped are drawn too; random.sample draws them
    # from a range without copying it, however many options there are.
    drawn = rng.sample(range(len(others.options)), min(len(others.options), want + len(skip)))
    choices = [right, *kept, *[others.options[i] for i in drawn if i not in skip][:want]]
    rng.shuffle(choices)
    return tuple(choices), choices.index(right)


_KINDS = Options(SOURCE_KINDS.values())


def source_answer(statement: Statement) -> str:
    return NO_SOURCE if statement.source_kind == "author" else statement.source


def also_answer(source: str) -> str:
    """A choice for a source in source_also_fits: 'the author' is "no source"."""
    return NO_SOURCE if gist(source) == gist(AUTHOR) else source


def words_of(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _WORD.finditer(text))


def cue_spans(text: str, cues) -> list[tuple[int, int]]:
    """Where each cue occurs in the text, every occurrence, as (start, end)."""
    spans = []
    for cue in cues:
        start = text.find(cue)
        while start != -1:
            spans.append((start, start + len(cue)))
            start = text.find(cue, start + 1)
    return spans


def cue_word_indices(text: str, words, cues) -> frozenset[int]:
    spans = cue_spans(text, cues)
    return frozenset(i for i, (a, b) in enumerate(words)
                     if any(a < end and start < b for start, end in spans))


def cue_groups(text: str, words, cues) -> tuple[frozenset[int], ...]:
    """The words of each cue, one group per cue (all its occurrences together)."""
    return tuple(cue_word_indices(text, words, (cue,)) for cue in cues)


def for_statement(statement: Statement, article: Article, sources: Options,
                  seed: int = 0) -> list[Question]:
    """Every question a statement yields; `sources` are the sources its article's
    statements give (article_sources)."""
    s = statement
    common = dict(article=s.article, difficulty=s.difficulty, statement=s.id, text=s.text,
                  record=s.record)
    label_word = "a fact" if s.label == "fact" else "an opinion"
    questions = [Question(
        id=f"{s.id}/fact_or_opinion", skill="fact_or_opinion",
        prompt="Is this a checkable fact or an opinion?",
        choices=FACT_CHOICES, answer=0 if s.label == "fact" else 1,
        explanation=f"This is {label_word}. {s.explanation}", **common)]

    # The statement's explanation argues fact or opinion; the source questions get lines
    # of their own, built from the source, its kind and the cues, so that none argues
    # for an answer other than its own.
    # An answer the sentence supports in part (the speaker of words an outlet reports)
    # is always offered, and partly right, with why the source is the better answer.
    qid = f"{s.id}/who_is_source"
    why = {also_answer(a.source): a.why for a in s.source_also_fits}
    choices, answer = _with_distractors(source_answer(s), sources, _rng(seed, qid),
                                        keep=(*why, NO_SOURCE))
    also = tuple(i for i, choice in enumerate(choices) if choice in why)
    if len(choices) > 1:
        questions.append(Question(
            id=qid, skill="who_is_source", prompt="Who is the source of this claim?",
            choices=choices, answer=answer,
            also=also, also_why=tuple(why[choices[i]] for i in also),
            explanation=_joined(_source_line(s), judgment_words(s)), **common))

    qid = f"{s.id}/source_kind"
    kind = SOURCE_KINDS[s.source_kind]
    choices, answer = _with_distractors(kind, _KINDS, _rng(seed, qid))
    questions.append(Question(
        id=qid, skill="source_kind", prompt="What kind of source is this claim from?",
        choices=choices, answer=answer, explanation=_kind_line(s), **common))

    if s.cues:
        words = words_of(s.text)
        groups = cue_groups(s.text, words, s.cue_words)
        questions.append(Question(
            id=f"{s.id}/opinion_words", skill="opinion_words",
            prompt="Which words carry a judgment? Select them.",
            words=words, cue_words=frozenset().union(*groups), cue_groups=groups,
            cue_texts=s.cue_words,
            explanation=f"{judgment_words(s)} {s.explanation}", **common))
    return questions


def _joined(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def whose_words(s: Statement) -> str:
    """Which words carry the judgment and whose judgment each is: the writer's own, or
    that of someone the writer quotes or relays."""
    groups: dict[str, list[str]] = {}
    for cue in s.cues:
        groups.setdefault(cue.by, []).append(cue.words)
    said = [f"{quoted_list(words)} — " + ("the writer’s own" if by == WRITER else
                                      f"{possessive(by)} judgment, relayed by the writer")
            for by, words in groups.items()]
    return "; ".join(said)


def judgment_words(s: Statement) -> str:
    return f"Judgment words: {whose_words(s)}." if s.cues else ""


def possessive(name: str) -> str:
    """ "Richard Stengel, MSNBC political analyst, on Twitter" -> "Richard Stengel’s";
    "The New York Times" -> "The New York Times’"."""
    name = name.split(",")[0].strip()
    return name + ("’" if name.endswith("s") else "’s")


# How each kind of source is told, after "The text gives this as coming from SOURCE: ".
_KIND_WORDS = {
    "news outlet": "a news outlet, reporting it",
    "official": "an official document or agency, speaking for a government or institution",
    "social media": "a named person on social media",
    "interview or speech": "a named person in an interview or speech",
    "anonymous": "an anonymous or unnamed source, as the text does not say exactly who",
}
_QUOTES = ("“", "”", '"')


def _source_line(s: Statement, author: str = "it is the author’s own claim") -> str:
    """Who the source is, named; for the author's own claims, why a name or a quotation
    in the sentence does not make someone else its source."""
    if s.source_kind != "author":
        return f"The text gives this as coming from {s.source}."
    line = f"Nobody else is given as its source: {author}."
    if any(q in s.text for q in _QUOTES):
        line += " It quotes words, but the sentence around them is the author’s."
    return line


def _kind_line(s: Statement) -> str:
    if s.source_kind == "author":
        return _source_line(s, "it comes from the author (unattributed)")
    return f"The text gives this as coming from {s.source}: {_KIND_WORDS[s.source_kind]}."


def quoted_list(items) -> str:
    """ “a”, “b” and “c” """
    quoted = [f"“{item}”" for item in items]
    if len(quoted) < 2:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def quoted_with_cues(text: str, cues) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The statement as quoted_sentence shows it, and where its cues are in what is shown."""
    shown = quoted_sentence(text)
    at = shown.index(text)
    return shown, tuple((a + at, b + at) for a, b in cue_spans(text, cues))


_OPENING = ("“", "‘", '"', "'")
_CLOSING = ("”", "’", '"', "'")


def quoted_sentence(text: str, mid_sentence: bool | None = None) -> str:
    """A statement as shown in quotation marks. A statement that already starts or ends
    with a quotation mark is shown as it is (its own marks would double, or close in the
    middle); one that starts in lower case, a fragment, gets an ellipsis, unless the
    caller shows the start of its sentence next to it (mid_sentence=False)."""
    if mid_sentence is None:
        mid_sentence = text[:1].islower()
    shown = ("…" if mid_sentence else "") + text
    if text.startswith(_OPENING) or text.endswith(_CLOSING):
        return shown
    return f"“{shown}”"


def for_article(article: Article, seed: int = 0) -> Question:
    """The genres the article also fits are offered beside the main one and earn part of
    the points: the article supports them, and its explanation says why the main one
    fits better."""
    qid = f"{article.id}/article_genre"
    choices, answer = _with_distractors(article.genre, Options(GENRES), _rng(seed, qid),
                                        keep=article.genre_also_fits)
    return Question(
        id=qid, skill="article_genre", article=article.id, difficulty=2,
        prompt="What kind of article is this?",
        text=(f"Headline: {article.headline}\nOutlet: {article.outlet}\n"
              f"Author: {article.author}\nDate: {article.date}"),
        choices=tuple(c[0].upper() + c[1:] for c in choices), answer=answer,
        also=tuple(i for i, c in enumerate(choices) if c in article.genre_also_fits),
        explanation=article.genre_explanation)


def from_hand_written(q: HandQuestion) -> Question:
    return Question(
        id=q.id, skill="hand_written", prompt=q.prompt, article=q.article,
        explanation=q.explanation, difficulty=q.difficulty, choices=q.choices,
        answer=q.choices.index(q.answer))


def article_sources(statements) -> Options:
    """The sources an article's statements give, and 'no source': the wrong answers of its
    who-is-the-source questions."""
    return Options([*(source_answer(s) for s in statements), NO_SOURCE])


def generate(bank: Bank, seed: int = 0) -> list[Question]:
    """Every question the bank yields, in a stable order; the work grows linearly with the
    number of statements."""
    by_article: dict[str, list[Statement]] = {}
    for s in bank.statements:
        by_article.setdefault(s.article, []).append(s)
    questions = []
    for article in bank.articles.values():
        statements = by_article.get(article.id, [])
        sources = article_sources(statements)
        for s in statements:
            questions.extend(for_statement(s, article, sources, seed))
        questions.append(for_article(article, seed))
    questions.extend(from_hand_written(q) for q in bank.questions)
    return questions
