"""Which words carry a judgment, from the subjectivity lexicon that ships inside TextBlob
(textblob/en/en-sentiment.xml: about 2,900 English adjectives and a few other words, each
scored for subjectivity and polarity per sense, by De Smedt and Daelemans for Pattern), and
where it has no word, from two valence lexicons rated by people: VADER's and AFINN's.

The files are read directly: importing textblob would import nltk, which is slow and not
needed, and nothing is downloaded."""
import importlib.util
import re
import xml.etree.ElementTree as ElementTree
from functools import lru_cache
from pathlib import Path

# A word judges when its senses are, on average, this subjective and this far from
# neutral: "bizarre" (0.6, 0.4) and "shocking" (1.0, -1.0) do; "only" (1.0, 0.0) and
# "new" (0.45, 0.14) do not.
MIN_SUBJECTIVITY = 0.6
MIN_POLARITY = 0.25
# Senses the lexicon scores as subjective that news uses to describe, not to judge.
DESCRIPTIVE = {"own", "late", "latest", "confirmed", "elect", "light", "rose", "free",
               "secret", "unilateral", "static", "extinct", "filled", "cold", "hot", "thin",
               "detailed", "advanced", "artificial", "decreased", "behind", "rich",
               "wealthy", "top", "done", "autonomous",
               # the first word of a kind of school or court: "elementary school"
               "elementary", "supreme", "primary", "secondary", "superior"}


# VADER scores nouns and verbs of events too ('war', 'supports'); only a word shaped like
# an adjective is taken from it.
_ADJECTIVE = re.compile(r"(?:ous|ful|less|ive|ic|al|able|ible|ing|ed|ish|ant|ent)$")
# How much, not how well: the record can confirm these.
_DEGREE_ADVERBS = {"significantly", "importantly", "largely", "highly", "greatly",
                   "slightly", "heavily", "seriously", "substantially", "sharply"}
# VADER's valence (-4 to 4, from ten raters each) a word needs to grade what it stands before.
MIN_VALENCE = 1.5
# AFINN's (-5 to 5, one rater's integers): 2 is the first grade past "mildly" ('mistake',
# 'short-sighted', 'illegitimate'). A participle there names an event ('accused',
# 'convicted', 'leading'), not a grade, so AFINN is asked only for other adjectives (a
# compound is one: 'short-sighted', 'ill-fated').
MIN_AFINN = 2
_PARTICIPLE = re.compile(r"^[^-]*(?:ed|ing)$")


class Lexicon:
    def __init__(self, scores: dict[str, tuple[float, float]],
                 valence: dict[str, float] | None = None, afinn: dict[str, int] | None = None):
        self.scores = scores      # word -> (subjectivity, polarity), averaged over senses
        self.valence = valence or {}    # word -> VADER's mean valence
        self.afinn = afinn or {}        # word -> AFINN's valence

    @classmethod
    def shipped(cls) -> "Lexicon":
        return _shipped()

    @classmethod
    def from_file(cls, path) -> "Lexicon":
        senses: dict[str, list[tuple[float, float]]] = {}
        for word in ElementTree.parse(path).getroot().iter("word"):
            senses.setdefault(word.get("form").lower(), []).append(
                (float(word.get("subjectivity")), float(word.get("polarity"))))
        return cls({form: (sum(s for s, _ in v) / len(v), sum(p for _, p in v) / len(v))
                    for form, v in senses.items()})

    def judges(self, word: str) -> bool:
        score = self.scores.get(word)
        return (score is not None and word not in DESCRIPTIVE
                and score[0] >= MIN_SUBJECTIVITY and abs(score[1]) >= MIN_POLARITY)

    def grades(self, word: str, noun: bool = False) -> bool:
        """A word VADER's raters found strongly positive or negative ('reckless',
        'damaging', 'fearless'): a judgment where it grades a noun, though VADER also
        scores events ('war', 'killed'), which is why the caller asks for that position."""
        if word in self.scores or word in DESCRIPTIVE:
            return False
        shaped = noun or _ADJECTIVE.search(word) is not None and not word.endswith("ment")
        return shaped and (abs(self.valence.get(word, 0.0)) >= MIN_VALENCE
                           or abs(self.afinn.get(word, 0)) >= MIN_AFINN
                           and (noun or not _PARTICIPLE.search(word)))

    def rated(self, word: str) -> bool:
        """A word either valence lexicon rates, however mildly."""
        return word in self.valence or word in self.afinn

    def manner(self, word: str) -> bool:
        """An adverb made of a judging adjective: 'recklessly', 'lightheartedly', 'angrily'
        (the house rule's manner words that grade or read a mood)."""
        if not word.endswith("ly") or len(word) < 6 or word in _DEGREE_ADVERBS:
            return False
        stems = (word[:-2], word[:-3] + "y", word[:-4] if word.endswith("ally") else "")
        return any(self.judges(stem) or self.grades(stem) for stem in stems if stem)

    def knows(self, word: str) -> bool:
        return word in self.scores

    def reason(self, word: str) -> str:
        if word not in self.scores and abs(self.valence.get(word, 0.0)) >= MIN_VALENCE:
            return (f"evaluative word '{word}' (valence {self.valence[word]:+.1f} in VADER's "
                    "lexicon, grading what it stands before)")
        if word not in self.scores:
            return (f"evaluative word '{word}' (valence {self.afinn[word]:+d} in AFINN's "
                    "lexicon, grading what it stands before)")
        return (f"evaluative word '{word}' (subjectivity {self.scores[word][0]:.1f} in "
                "TextBlob's lexicon)")


@lru_cache(maxsize=1)
def _shipped() -> Lexicon:
    spec = importlib.util.find_spec("textblob")    # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the subjectivity lexicon needs TextBlob: pip install textblob")
    folder = Path(next(iter(spec.submodule_search_locations)))
    lexicon = Lexicon.from_file(folder / "en" / "en-sentiment.xml")
    lexicon.valence = _valence()
    lexicon.afinn = _afinn()
    return lexicon


def _valence() -> dict[str, float]:
    """VADER's lexicon (vaderSentiment/vader_lexicon.txt: word, mean valence, deviation,
    the ten ratings), read directly, as TextBlob's is; empty without the package."""
    spec = importlib.util.find_spec("vaderSentiment")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "vader_lexicon.txt"
    valence = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) > 1 and parts[0].isalpha():
            valence[parts[0]] = float(parts[1])
    return valence


def _afinn() -> dict[str, int]:
    """AFINN-165 (afinn/data/AFINN-en-165.txt: word or phrase, tab, valence), by Finn Årup
    Nielsen, read directly; empty without the package. It rates hyphenated adjectives
    ('short-sighted') and nouns of blame ('mistake') that the other two leave out."""
    spec = importlib.util.find_spec("afinn")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "AFINN-en-165.txt"
    scores = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, value = line.rpartition("\t")
        if word and " " not in word:
            scores[word] = int(value)
    return scores
