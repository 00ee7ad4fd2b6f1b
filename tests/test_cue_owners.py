"""Whose words the cue words are (issue 11 §1): a cue is the writer's own judgment, or
words the writer quotes or relays, owned by the statement's source or someone the
sentence names; the loader checks the owner, and feedback, review, CSV, GIFT and drafts
all say whose the words are."""
import csv
import io

import pygame
import pytest

from conftest import DATA, ROOT
from pilot import key, new_app, play_question
from game.authoring import gift, sheet
from game.authoring.suggest import Suggester
from game.bank import load_bank
from game.bank.models import WRITER, Cue
from game.bank.reading import parse
from game.quiz.questions import generate
from game.scenes.feedback import FeedbackScene
from game.scenes.review import ReviewScene

# The statements issue 11 names, and the owner of the words it names.
RELAYED = {
    "g7-01": ("‘Quid Pro Quo’", "unnamed experts"),
    "g7-09": ("payoff", "unnamed experts"),
    "g7-04": ("cheerleader and apologist", "The Washington Post"),
    "g7-08": ("tantamount to having Putin himself in the room", "New York Magazine"),
    "g7-17": ("need", "Seth Abramson, author of Proof of Collusion, on Twitter"),
    "osaka-13": ("good opportunity", "Vladimir Putin, through a translator"),
    "cnn-17": ("legitimacy it did not deserve", "Trump’s critics"),
}


def test_the_judgments_the_issue_names_belong_to_who_the_writer_relays(bank):
    statements = {s.id: s for s in bank.statements}
    for sid, (words, owner) in RELAYED.items():
        cue = next(c for c in statements[sid].cues if c.words == words)
        assert cue.by == owner, sid
    # The writer's own words in the same sentences stay the writer's.
    assert Cue("so adamant") in statements["g7-08"].cues
    assert Cue("bizarre") in statements["g7-04"].cues


def test_every_cue_owner_is_the_writer_the_source_or_named_in_the_sentence(bank):
    """Issue 11 §5's guard, on the shipped bank (the loader refuses anything else)."""
    for s in bank.statements:
        for cue in s.cues:
            assert cue.by in (WRITER, s.source) or cue.by.casefold() in s.text.casefold(), \
                (s.id, cue)
            # A fact whose cue were the writer's would be an opinion (the house rules).
            assert s.label == "opinion" or not cue.writers, (s.id, cue)


# --- the loader --------------------------------------------------------------------------

def good_with(cues: str, label: str = "opinion") -> bytes:
    """good.yaml with lib-02's cues line (line 31) replaced; lib-02's source is the author
    and its text "The decision is a shameful betrayal of the neighbourhood’s children."."""
    text = (DATA / "good.yaml").read_text(encoding="utf-8")
    old = '    cues: ["shameful", "betrayal"]\n'
    assert old in text
    text = text.replace(old, cues)
    return text.replace("    label: opinion\n    source: the author",
                        f"    label: {label}\n    source: the author").encode("utf-8")


def errors(tmp_path, data: bytes) -> list[str]:
    return [str(e) for e in parse(tmp_path / "good.yaml", data).errors]


def test_a_cue_may_name_its_owner_in_block_or_flow_style(tmp_path):
    for cues in ('    cues: ["shameful", {words: "betrayal", by: "the author"}]\n',
                 '    cues:\n      - shameful\n      - words: betrayal\n'
                 '        by: the writer\n'):
        result = parse(tmp_path / "good.yaml", good_with(cues))
        assert result.errors == []
        # The author's own words are the writer's, however the file names them.
        assert result.statements[1].cues == (Cue("shameful"), Cue("betrayal"))


def test_an_owner_the_sentence_names_is_kept_and_one_it_does_not_is_refused(tmp_path):
    named = parse(tmp_path / "good.yaml", good_with(
        '    cues: ["shameful", {words: "betrayal", by: "the Neighbourhood"}]\n'))
    assert named.errors == []
    assert named.statements[1].cues[1] == Cue("betrayal", by="the Neighbourhood")
    data = good_with('    cues: ["shameful", {words: "betrayal", by: "The city council"}]\n')
    assert any("is by 'The city council', who is neither its source ('the author'), nor "
               "named in its text, nor the writer" in e for e in errors(tmp_path, data))


@pytest.mark.parametrize("cues,where,message", [
    ('    cues: ["shameful", {words: "betrayal", by: "the mayor"}]\n', (31, 48),
     "the cue 'betrayal' of statement 'lib-02' is by 'the mayor', who is neither its "
     "source ('the author'), nor named in its text, nor the writer; write its source, or a "
     "name as the text writes it, or leave 'by' out for the writer's own words"),
    ('    cues: ["shameful", {by: "the author"}]\n', (31, 24),
     "an item of 'cues' in statement 'lib-02' has no 'words'"),
    ('    cues: ["shameful", {words: "betrayal", bye: "the author"}]\n', (31, 44),
     "unknown field 'bye' in an item of 'cues' in statement 'lib-02' — did you mean 'by'?"),
    ('    cues: ["shameful", {words: "betrayl"}]\n', (31, 24),
     "the cue 'betrayl' of statement 'lib-02' is not in its text"),
    ('    cues: ["shameful", {words: [betrayal]}]\n', (31, 32),
     "'words' in an item of 'cues' in statement 'lib-02' should be"),
])
def test_a_bad_cue_is_reported_at_its_line_and_column(tmp_path, cues, where, message):
    found = errors(tmp_path, good_with(cues))
    assert any(e.startswith(f"{tmp_path / 'good.yaml'}:{where[0]}:{where[1]}: {message}")
               for e in found), found


def test_a_fact_whose_cue_is_the_writers_is_refused_with_the_fix(tmp_path):
    found = errors(tmp_path, good_with('    cues: ["shameful"]\n', label="fact"))
    assert any(":31:12: statement 'lib-02' is a fact, but its cue 'shameful' is the "
               "writer's own judgment; if the words are someone else's, write {words: "
               "\"shameful\", by: \"the author\"}, and if they are the writer's, the "
               "statement is an opinion" in e for e in found), found


# --- what the player and the teacher see --------------------------------------------------

@pytest.fixture
def app(tmp_path):
    app = new_app(seed=5, data_dir=tmp_path, size=(960, 540))
    yield app
    pygame.quit()


def play(app, statement_id, skill):
    question = next(q for q in generate(app.loaded.bank, seed=1)
                    if q.statement == statement_id and q.skill == skill)
    return play_question(app, question)


def test_feedback_says_whose_judgment_each_cue_is(app):
    play(app, "g7-08", "opinion_words")
    assert isinstance(app.scene, FeedbackScene)
    said = app.scene.blocks()[0][0]
    assert said.startswith("Judgment words: “so adamant” — the writer’s own; “tantamount "
                           "to having Putin himself in the room” — New York Magazine’s "
                           "judgment, relayed by the writer.")
    key(app, pygame.K_RETURN)
    play(app, "cnn-17", "opinion_words")
    assert app.scene.blocks()[0][0].startswith(
        "Judgment words: “legitimacy it did not deserve” — Trump’s critics’ judgment, "
        "relayed by the writer.")


def test_the_review_says_whose_the_marked_words_are(app):
    state = play(app, "g7-17", "who_is_source")
    key(app, pygame.K_RETURN)
    review = ReviewScene(app, state)
    app.push(review)
    app.step()
    muted = [text for kind, text in review.items() if kind == "muted"]
    assert "Marked: “need” — Seth Abramson’s judgment, relayed by the writer." in muted[0]


def test_csv_and_gift_carry_the_owner_and_the_csv_comes_back(tmp_path, bank):
    text = sheet.to_csv(bank.articles, bank.statements)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text, newline=""))}
    assert rows["g7-04"]["cues"] == ("bizarre | somehow | cheerleader and apologist "
                                     "(by: The Washington Post)")
    out = tmp_path / "g7.yaml"
    made = sheet.import_rows("g7.csv", text.encode("utf-8"), out, bank,
                             article_id="inquisitr-g7")
    assert made.problems == []
    out.write_text(made.text, encoding="utf-8")
    back = {s.id: s for s in load_bank([out]).bank.statements}
    assert back["g7-04"].cues == next(s for s in bank.statements if s.id == "g7-04").cues
    exported = gift.to_gift(bank)
    assert "“outsmarted” — Trump’s judgment, relayed by the writer" in exported


def test_a_new_articles_draft_gives_quoted_judgments_to_their_speaker():
    s = Suggester().suggest("Coach Dan Miller called the decision “a disgrace” after "
                            "the game.")
    assert s.cues == (Cue("a disgrace", by="Coach Dan Miller"),)
    mine = Suggester().suggest("The shameful decision angered the neighbourhood.")
    assert all(c.writers for c in mine.cues) and mine.cues


def test_validate_counts_whose_cue_words_there_are(bank):
    import subprocess
    import sys
    done = subprocess.run([sys.executable, str(ROOT / "run.py"), "validate"], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")
    cues = [c for s in bank.statements for c in s.cues]
    relayed = sum(not c.writers for c in cues)
    assert relayed >= len(RELAYED)
    assert (f"\nCue words: {len(cues) - relayed} the writer's own, {relayed} someone "
            "else's (quoted or relayed by the writer)\n") in done.stdout
