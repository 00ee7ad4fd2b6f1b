"""Cue words (issue 16 §2): the phrase a teacher points at, owned by whoever judges. The
issue's own reproduction in a draft first, then each rule on invented sentences of its own
(none from the bench sets)."""
import pytest
import yaml

from game.authoring import draft
from game.authoring.suggest import Suggester
from game.tools.bench_suggestions import INVENTED


def _drafted(tmp_path, name: str) -> dict[str, dict]:
    """The draft new-article writes for the article, statement by statement."""
    made = draft.make(INVENTED / "articles" / f"{name}.txt", tmp_path / f"{name}.yaml")
    draft.write(made)
    data = yaml.safe_load(made.text)
    return {s["text"]: s for s in data["statements"]}


def _cue(item) -> tuple[str, str]:
    return (item, "the writer") if isinstance(item, str) else (item["words"], item["by"])


def test_the_issues_reproduction_in_a_draft(tmp_path):
    """Issue 16: the principal's 'short-sighted mistake' and the critics' 'drastic' were
    missed while modal verbs were suggested."""
    statements = _drafted(tmp_path, "riverside-library")
    moore = statements["“This is a short-sighted mistake that will hurt the families who need "
                       "the library most,” said Angela Moore, the principal of Riverside "
                       "Elementary School."]
    assert moore["source"] == "Angela Moore"
    assert ("short-sighted mistake", "Angela Moore") in map(_cue, moore["cues"])
    assert not any("lementary" in words for words, _ in map(_cue, moore["cues"]))
    critics = statements["Critics argue the cuts are drastic and fall hardest on the poorest "
                         "neighborhoods."]
    assert critics["label"] == "opinion"
    cues = [_cue(c) for c in critics["cues"]]
    assert any(words == "drastic" and "critics" in by for words, by in cues), cues


@pytest.fixture(scope="module")
def suggester():
    return Suggester()


def _seen(s) -> list[tuple[str, str]]:
    return [(c.words, c.by) for c in s.cues]


@pytest.mark.parametrize("text, cue", [
    # AFINN rates what TextBlob and VADER lack: a hyphenated adjective, a noun of blame
    ("The board made a short-sighted choice about the pool.", "short-sighted choice"),
    ("Closing the pool in July was a mistake.", "mistake"),
])
def test_words_only_afinn_rates_are_the_writers_judgment(suggester, text, cue):
    s = suggester.suggest(text)
    assert s.label == "opinion" and (cue, "the writer") in _seen(s), s.reasons
    assert any("in AFINN's lexicon" in r for r in s.reasons)


@pytest.mark.parametrize("text, cue, by", [
    # what believers say something is: their judgment, rated by a lexicon or not
    ("Some parents think the new timetable is chaotic.", "chaotic", "some unnamed parents"),
    ("Several coaches worry the new rule will be difficult to follow.", "difficult to follow",
     "several unnamed coaches"),
    # a prediction believed is a prediction, even with a date
    ("Many fans believe the team will move to Denver next year.", "will move",
     "many unnamed fans"),
])
def test_what_unnamed_people_believe_is_their_cue(suggester, text, cue, by):
    s = suggester.suggest(text)
    assert (s.label, s.source_kind) == ("opinion", "anonymous"), s.reasons
    assert _seen(s) == [(cue, by)], s.reasons


def test_a_named_believers_predicate_is_theirs_and_the_sentence_a_fact(suggester):
    s = suggester.suggest("Mayor Tom Hale argued that the new parking tax is regressive.")
    assert (s.label, s.source) == ("fact", "Mayor Tom Hale"), s.reasons
    assert _seen(s) == [("regressive", "Mayor Tom Hale")]


def test_the_predicate_after_a_plain_say_is_not_a_cue(suggester):
    s = suggester.suggest("Some parents say the new timetable is final.")
    assert (s.label, s.cues) == ("fact", ()), s.reasons


@pytest.mark.parametrize("text, cue", [
    # what 'appears to' be, with the 'not' that turns it
    ("The mayor does not appear to be ready for the storm.", "does not appear to be ready"),
    ("The striker appears to be tired.", "appears to be tired"),
    # the graded word a hedging adverb softens; not a plain noun after it
    ("The striker was virtually unstoppable on Saturday.", "virtually unstoppable"),
])
def test_a_hedge_with_what_it_hedges(suggester, text, cue):
    s = suggester.suggest(text)
    assert s.label == "opinion" and _seen(s) == [(cue, "the writer")], s.reasons


def test_a_hedge_before_a_plain_word_stays_alone(suggester):
    s = suggester.suggest("Apparently buses run late on Sundays.")
    assert _seen(s) == [("Apparently", "the writer")], s.reasons


def test_a_fragment_quoted_inside_a_quotation_is_the_speakers(suggester):
    s = suggester.suggest("“The only word for the new fees is ‘a total disgrace,’ and I stand by "
                          "it,” said Ann Bell, the coach of the swim team.")
    assert (s.label, s.source) == ("fact", "Ann Bell"), s.reasons
    assert ("a total disgrace", "Ann Bell") in _seen(s), s.reasons


@pytest.mark.parametrize("text, cues", [
    # judgments joined by 'and' are one phrase
    ("The speech was very long and boring.", ["very long and boring"]),
    ("The referee made a terrible and unfair call.", ["terrible and unfair"]),
    # the adjective with the noun it grades, not with the first noun of a compound
    ("He gave a brilliant speech during the rally.", ["brilliant speech"]),
    ("She is a brilliant chess player.", ["brilliant"]),
    ("The two mayors built a warm friendship once the bridge opened.", ["warm friendship"]),
])
def test_evaluative_phrases(suggester, text, cues):
    s = suggester.suggest(text)
    assert s.label == "opinion" and [c.words for c in s.cues] == cues, s.reasons


@pytest.mark.parametrize("text, cue", [
    # what is deserved is the judgment, with the 'did not' that turns it
    ("The striker did not deserve a red card.", "did not deserve a red card"),
    ("The nurses deserve more praise for their work.", "deserve more praise"),
    ("The team deserved the trophy after that season.", "deserved the trophy"),
])
def test_what_is_deserved(suggester, text, cue):
    s = suggester.suggest(text)
    assert s.label == "opinion" and _seen(s) == [(cue, "the writer")], s.reasons


@pytest.mark.parametrize("text, cue", [
    ("Everyone agrees the old gym is a disgrace.", "Everyone agrees"),
    ("Nobody enjoys paying more for parking.", "Nobody enjoys"),
    ("It is hard to believe the council approved the plan.", "hard to believe"),
    ("It is fair to say the new coach has a lot to prove.", "fair to say"),
])
def test_sweeping_claims_and_the_writers_word_on_what_can_be_said(suggester, text, cue):
    s = suggester.suggest(text)
    assert s.label == "opinion" and (cue, "the writer") in _seen(s), s.reasons


@pytest.mark.parametrize("text", [
    "Nobody was hurt when the roof of the gym collapsed on Sunday.",
    "No one answered the door at the council office.",
    "It is illegal to park on the bridge.",
])
def test_what_happened_to_nobody_is_a_fact(suggester, text):
    s = suggester.suggest(text)
    assert (s.label, s.cues) == ("fact", ()), s.reasons


@pytest.mark.parametrize("text, cue, by", [
    ("Union leader Maria Costa saw the new contract as a betrayal of the drivers.",
     "betrayal", "Maria Costa"),
    ("Retired judge Alan Reed views the ruling as a dangerous precedent for the state.",
     "dangerous precedent", "Alan Reed"),
])
def test_what_someone_sees_a_thing_as_is_theirs(suggester, text, cue, by):
    s = suggester.suggest(text)
    assert s.label == "fact" and (cue, by) in _seen(s), (s.source, s.reasons)


def test_a_belief_relayed_by_a_source_is_not_the_writers(suggester):
    s = suggester.suggest("The Lakeside Courier reported that the coach voiced his belief that "
                          "the rival team was overconfident.")
    assert (s.label, s.source) == ("fact", "The Lakeside Courier"), s.reasons
    assert _seen(s) == [("overconfident", "The Lakeside Courier")]


def test_the_reason_says_whose_judgment_the_predicate_is(suggester):
    s = suggester.suggest("Critics argue the cuts are drastic and fall hardest on the poorest "
                          "neighborhoods.")
    assert "evaluative word 'drastic': what unnamed critics argue something is, a judgment" \
        in s.reasons
