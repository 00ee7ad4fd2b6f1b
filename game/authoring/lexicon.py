"""Which words carry a judgment, from the subjectivity lexicon that ships inside TextBlob
(textblob/en/en-sentiment.xml: about 2,900 English adjectives and a few other words, each
scored for subjectivity and polarity per sense, by De Smedt and Daelemans for Pattern).

The file is read directly: importing textblob would import nltk, which is slow and not
needed, and nothing is downloaded."""
import importlib.util
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
               "wealthy", "top", "done"}


class Lexicon:
    def __init__(self, scores: dict[str, tuple[float, float]]):
        self.scores = scores      # word -> (subjectivity, polarity), averaged over senses

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

    def knows(self, word: str) -> bool:
        return word in self.scores

    def reason(self, word: str) -> str:
        return (f"evaluative word '{word}' (subjectivity {self.scores[word][0]:.1f} in "
                "TextBlob's lexicon)")


@lru_cache(maxsize=1)
def _shipped() -> Lexicon:
    spec = importlib.util.find_spec("textblob")    # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the subjectivity lexicon needs TextBlob: pip install textblob")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return Lexicon.from_file(folder / "en" / "en-sentiment.xml")
