"""The shipped bank: enough statements per article, every quote exact, hard cases present."""
import re
from collections import Counter

import pytest

from conftest import ARTICLES, ROOT
from game.bank import load_bank
from game.bank.loader import question_files


@pytest.fixture(scope="module")
def loaded():
    return load_bank([ROOT / "questions"])


def test_bank_loads_without_problems(loaded):
    assert [str(p) for p in loaded.problems] == []
    assert len(loaded.bank.articles) >= 5


def test_at_least_fifteen_statements_per_article_with_both_labels(loaded):
    per_article = Counter(s.article for s in loaded.bank.statements)
    for article in loaded.bank.articles:
        assert per_article[article] >= 15, article
        labels = {s.label for s in loaded.bank.statements_of(article)}
        assert labels == {"fact", "opinion"}, article
    assert len(loaded.bank.statements) >= 75


@pytest.mark.articles
def test_every_text_is_copied_exactly_from_its_article(loaded):
    for article in loaded.bank.articles.values():
        body = (ARTICLES / article.text_file).read_text(encoding="utf-8")
        for s in loaded.bank.statements_of(article.id):
            assert s.text in body, (s.id, s.text[:60])
    assert all(f.quotes_checked for f in loaded.files)


def test_ids_are_unique_and_follow_their_file(loaded):
    ids = [s.id for s in loaded.bank.statements] + [q.id for q in loaded.bank.questions]
    assert len(ids) == len(set(ids))


def test_opinions_name_their_cue_words(loaded):
    for s in loaded.bank.statements:
        if s.label == "opinion":
            assert s.cues and all(c in s.text for c in s.cue_words), s.id


def test_the_hard_cases_are_covered_and_explained(loaded):
    statements = loaded.bank.statements
    kinds = Counter(s.source_kind for s in statements)
    assert set(kinds) == {"news outlet", "official", "social media", "interview or speech",
                          "anonymous", "author"}
    # Reports of someone's opinion: facts whose cue words belong to the quoted speaker.
    reported = [s for s in statements if s.label == "fact" and s.cues]
    assert len(reported) >= 5
    # The writer's judgment wrapped round a checkable claim.
    assert any(s.label == "opinion" and s.source_kind != "author" for s in statements)
    genres = {a.genre for a in loaded.bank.articles.values()}
    assert len(genres) >= 3
    unattributed = [a for a in loaded.bank.articles.values()
                    if a.author == "not stated" and a.outlet == "not stated"]
    assert unattributed and all(a.provenance for a in unattributed)


def test_every_shipped_file_is_a_question_file():
    files, errors = question_files([ROOT / "questions"])
    assert errors == [] and len(files) >= 5


def test_the_same_sentence_gets_the_same_label_everywhere(loaded):
    """Issue 11's guard: a sentence quoted twice (whole, or inside a longer one) must not
    be a fact in one statement and an opinion in another."""
    statements = loaded.bank.statements
    clashes = [(a.id, a.label, b.id, b.label) for a in statements for b in statements
               if a is not b and a.text in b.text and a.label != b.label]
    assert clashes == []


def test_every_opinion_names_the_words_that_carry_it(loaded):
    assert [s.id for s in loaded.bank.statements if s.label == "opinion" and not s.cues] == []


# --- House rules (issue 11 §4): one rule, applied the same way everywhere ---------------
# docs/question-format.md, "House rules", states each rule with an example from the bank.

QUOTATION = re.compile(r"“[^“”]*”|\"[^\"]*\"|‘[^‘’]*’(?![A-Za-z])")


def own_words(text: str) -> str:
    """The writer's voice: the sentence with every quotation blanked out."""
    return QUOTATION.sub(lambda m: " " * len(m.group(0)), text).lower()


def cue_words(s) -> list[str]:
    """Each cue's words, whether the cue is a plain string or carries an owner."""
    return [getattr(c, "words", c).lower() for c in s.cues]


def named(word: str, explanation: str) -> bool:
    return word.lower() in explanation.lower()


# Manner words the writer chose that grade the act, tell the reader how to react, or read a
# mood nobody can see: the writer's judgment.
JUDGING_MANNER = ("lightheartedly", "shocking", "bombastically", "adamant")
# Manner words that say what a witness, a recording or the record could confirm: part of
# the checkable claim. Each is one a student may take for a judgment, so the explanation
# names it.
DESCRIBING_MANNER = ("emphasized", "unexpectedly", "pushed hard", "pushing so hard",
                     "hammered on", "strong advocacy")


def test_a_manner_word_that_judges_is_a_cue_of_an_opinion_everywhere(loaded):
    found = [(s.id, word) for s in loaded.bank.statements for word in JUDGING_MANNER
             if word in own_words(s.text)]
    assert {word for _, word in found} == set(JUDGING_MANNER)   # the rule is exercised
    for sid, word in found:
        s = next(s for s in loaded.bank.statements if s.id == sid)
        assert s.label == "opinion", sid
        assert any(word in cue for cue in cue_words(s)), (sid, word)


def test_a_manner_word_that_describes_keeps_its_claim_checkable_and_is_explained(loaded):
    found = [(s, word) for s in loaded.bank.statements for word in DESCRIBING_MANNER
             if word in own_words(s.text)]
    assert {word for _, word in found} == set(DESCRIBING_MANNER)
    for s, word in found:
        assert named(word, s.explanation), (s.id, word)
    as_cues = {(s.id, cue) for s, word in found for cue in cue_words(s)
               if cue in word or word in cue}
    assert as_cues == set()     # a describing manner word is never a cue (issue 11 §4)
    # Where a describing word is all the writer adds, the sentence stays a fact.
    for s, word in found:
        if s.source_kind == "author" and not set(cue_words(s)) - {word}:
            assert s.label == "fact", s.id


SPOKE_ANOTHER_LANGUAGE = ("Putin",)     # the bank's speakers who did not speak English


def translated(loaded, s) -> bool:
    article = loaded.bank.articles[s.article]
    return (any("translat" in line.lower() for line in article.provenance)
            or any(name in s.source for name in SPOKE_ANOTHER_LANGUAGE))


def test_a_quote_in_translation_says_so(loaded):
    """The words in quotation marks are a translator's when the speaker spoke Russian or the
    article is itself a translation (ordo): every statement quoting them says so."""
    quoting = [s for s in loaded.bank.statements
               if translated(loaded, s) and re.search("[“”\"]", s.text)]
    assert {"resist-01", "resist-13", "osaka-12", "ordo-13", "ordo-17"} <= {s.id for s in quoting}
    assert [s.id for s in quoting if "translat" not in s.explanation.lower()] == []


UNNAMED = re.compile(r"names? (?:no one|nobody|none|no report)|never name[sd]|without naming|"
                     r"not named|unnamed|anonymous", re.IGNORECASE)
VAGUE = ("is believed", "some experts", "experts call", "critics said",
         "there are suspicions", "reports began to emerge", "which allies see")


def test_an_unnamed_source_is_pointed_out(loaded):
    """A vague attribution is the lesson, so the explanation says nobody is named."""
    statements = loaded.bank.statements
    missing = [s.id for s in statements
               if (s.source_kind == "anonymous" or any(v in s.text.lower() for v in VAGUE))
               and not UNNAMED.search(s.explanation)]
    assert missing == []


# The writer's words for why someone acted or what they realized (a motive nobody can see).
MOTIVE = ("in order to", "aimed at", "forcing him", "influenced by", "realized",
          "designed specifically", "payoff")


def test_a_motive_is_an_opinion_unless_a_source_is_credited_with_it(loaded):
    found = [(s, m) for s in loaded.bank.statements for m in MOTIVE if m in own_words(s.text)]
    assert {m for _, m in found} == set(MOTIVE)
    for s, marker in found:
        if s.source_kind in ("author", "anonymous"):
            assert s.label == "opinion", (s.id, marker)
        else:       # a reported conclusion: checkable that the source drew it
            assert s.label == "fact" and named(marker, s.explanation), (s.id, marker)


SAYS_FACT = re.compile(r"(?:\bis|\bstays|:)(?: labelled)? (?:a )?fact\b|\blabelled fact\b",
                       re.IGNORECASE)
SAYS_OPINION = re.compile(r"(?:\bis|\bstays|:|\bmakes? (?:it|this|the sentence|the whole "
                          r"sentence|the headline)(?: as a whole)?) (?:an )?opinion\b",
                          re.IGNORECASE)


def test_every_explanation_agrees_with_its_label(loaded):
    """'…: an opinion' in a fact's explanation, or 'so it is a fact' in an opinion's, would
    tell the student the opposite of the answer the game marks right."""
    disagree = [s.id for s in loaded.bank.statements
                if (SAYS_OPINION if s.label == "fact" else SAYS_FACT).search(s.explanation)]
    assert disagree == []
    verdicts = [s for s in loaded.bank.statements
                if (SAYS_FACT if s.label == "fact" else SAYS_OPINION).search(s.explanation)]
    assert len(verdicts) >= 60      # most explanations say their verdict in so many words


def test_the_house_rules_quote_real_statements(loaded):
    """Each house rule in docs/question-format.md gives one example from the bank: the id
    exists and the words quoted are that statement's."""
    doc = (ROOT / "docs" / "question-format.md").read_text(encoding="utf-8")
    rules = doc.split("**House rules", 1)[1].split("\n**source**", 1)[0]
    rules = re.sub(r"\s+", " ", rules)
    bullets = rules.split(" - **")[1:]
    names = [b.split("**", 1)[0].rstrip(".").lower() for b in bullets]
    for rule in ("reported opinion", "vague attribution", "manner words", "motives",
                 "translated quotes", "wrong-but-checkable claims"):
        assert any(n.startswith(rule) for n in names), rule
    statements = {s.id: s for s in loaded.bank.statements}
    for bullet in bullets:
        examples = re.findall(r"Example: ([a-z0-9]+-[a-z0-9]+)(?:, \"(.+?)\"(?= is|:|$))?",
                              bullet)
        assert len(examples) == 1, bullet[:60]
        sid, words = examples[0]
        assert sid in statements, sid
        for part in filter(None, (p.strip(" .") for p in words.split("…"))):
            assert part in statements[sid].text, (sid, part)
