"""Teacher authoring: `run.py new-article` (splitter, suggester, draft), `reviewed: false`
in the loader and validate, and the bench against the hand-labelled bank."""
import re
import subprocess
import sys

import pytest

from conftest import ARTICLES, ROOT
from game import cli
from game.authoring import draft
from game.tools.bench_suggestions import INVENTED, measure, same_source
from game.authoring.sentences import split
from game.authoring.suggest import Memory, Suggester
from game.bank import load_bank
from game.bank.models import Cue
from game.quiz.questions import generate

# The texts the shipped bank names, whether or not they are beside this checkout: without
# them, the tests on every article skip (or fail under CI) rather than vanish.
ARTICLE_FILES = sorted(ARTICLES / a.text_file
                       for a in load_bank([ROOT / "questions"]).bank.articles.values())


@pytest.fixture(scope="module")
def suggester():
    return Suggester()


def _sentences(name: str) -> list[str]:
    return split((ARTICLES / name).read_text(encoding="utf-8")).sentences


# --- The splitter ------------------------------------------------------------------

@pytest.mark.articles
@pytest.mark.parametrize("name, sentence", [
    # "U.S." and "D.C." inside a sentence
    ("000_a6ebedb48151fa7f.txt", "Trump repeated on multiple occasions his bizarre claim that "
     "Putin’s illegal 2014 annexation of Crimea from Ukraine was somehow U.S. President Barack "
     "Obama’s fault, according to a report by The Washington Post, a view consistent with, as "
     "The Post reported, Trump’s “long-standing role as a Putin cheerleader and apologist.”"),
    ("004_12a480adac904209.txt", "Manafort was sentenced in 2019 to 7.5 years prison for, among "
     "other things, evading taxes on the $60 million he had made in Ukraine."),
    ("001_21935f1ad1f4bdc9.txt", "“The fact that Mr. Trump, as a presidential candidate, declares "
     "that he is ready and wants to stop the war in Ukraine, we take this completely "
     "seriously,” Putin said."),
    # initials: F.B.I.
    ("001_21935f1ad1f4bdc9.txt", "In 2017 The New York Times revealed the Trump team’s "
     "connections with the Russians, along with attempts to sway the F.B.I. director, James "
     "Comey."),
    # an ellipsis inside a quotation
    ("002_2eeaba2af7c0a148.txt", "According to him, the “deep-seated internal crises” were caused "
     "by the actions of the anti-trump forces, which, instead of reconciling with his "
     "“absolutely obvious” victory in the 2016 elections, “in a democratic way <…> invented all "
     "sorts of fables just to cast doubt on his legitimacy “."),
    # a quotation, then who said it
    ("003_6d146059d4ad170a.txt", "“Don’t meddle in the election, President,” Trump then told "
     "Putin, pointing his finger at his Russian counterpart."),
    ("003_6d146059d4ad170a.txt", "“Don’t meddle in the election,” he repeated."),
    # where pysbd alone runs on: an unclosed quotation, ".)" and ".” ("
    ("000_a6ebedb48151fa7f.txt", "“The answer to what Trump would be getting is ‘illegal election "
     "aid in 2020,’ Abramson wrote."),
    ("000_a6ebedb48151fa7f.txt", "“We need to wake up.”"),
    ("001_21935f1ad1f4bdc9.txt", "These territories would be under the control of Putin while "
     "formally remaining a part of Ukraine."),
    ("004_12a480adac904209.txt", "(Trump later said he was being sarcastic.)"),
])
def test_splitter_keeps_tricky_sentences_whole(name, sentence):
    assert sentence in _sentences(name)


@pytest.mark.articles
@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda p: p.stem)
def test_every_sentence_is_exactly_in_the_article(path):
    text = path.read_text(encoding="utf-8")
    found = split(text).sentences
    assert found and all(s in text and s == s.strip() for s in found)


def test_splitter_on_text_of_its_own():
    parts = split("Dr. Ruth Ames paid $7.50 for the U.S. edition on Jan. 5. It sold out…\n"
                  "“Was it worth it?” she asked. J. R. Smith did not say.")
    assert parts.sentences == ["Dr. Ruth Ames paid $7.50 for the U.S. edition on Jan. 5.",
                               "It sold out…", "“Was it worth it?” she asked.",
                               "J. R. Smith did not say."]


def test_furniture_is_dropped_with_its_reason_and_the_articles_own_sentences_stay():
    parts = split("Mayor Opens Bridge\n"
                  "Photo by Ann Lee/Getty Images\n"
                  "The bridge opened on Monday. Follow us on Facebook.\n"
                  "Contact us: news@example.org\n"
                  "Support matters. Please consider donating today. Subscribe to our newsletter!\n")
    assert parts.sentences == ["Mayor Opens Bridge", "The bridge opened on Monday.",
                               "Support matters."]
    reasons = {d.text: d.reason for d in parts.dropped}
    assert reasons == {
        "Photo by Ann Lee/Getty Images": "a photo credit",
        "Follow us on Facebook.": "a contact or legal line",
        "Contact us: news@example.org": "a contact or legal line",
        "Please consider donating today.": "a plea to subscribe or donate",
        "Subscribe to our newsletter!": "a plea to subscribe or donate",
    }


@pytest.mark.articles
def test_the_five_articles_lose_their_credits_and_pleas_but_not_a_statement():
    resist = split((ARTICLES / "001_21935f1ad1f4bdc9.txt").read_text(encoding="utf-8"))
    assert "Your support is crucial in safeguarding fearless, independent journalism." \
        in resist.sentences
    assert not any("subscribing" in s or "donating" in s for s in resist.sentences)
    g7 = split((ARTICLES / "000_a6ebedb48151fa7f.txt").read_text(encoding="utf-8"))
    assert "U.S. President Barack Obama is at right." in g7.sentences
    assert {d.text for d in g7.dropped} == {"Jeff J. Mitchell Getty Images",
                                           "Featured image credit: Stefan RousseauGetty Images"}


# --- The suggester, rule by rule (on sentences that are not in the bank) -------------

@pytest.mark.parametrize("text, label, source, kind, reason", [
    ("The bridge was closed for repairs, according to The Boston Globe.",
     "fact", "The Boston Globe", "news outlet",
     "'according to' with named source 'The Boston Globe'"),
    ("Mayor Jane Park said the budget would grow by 4 percent next year.",
     "fact", "Mayor Jane Park", "interview or speech",
     "reporting verb 'said' with named source 'Mayor Jane Park'"),
    ("The Daily Herald reported that the mill closed in March.",
     "fact", "The Daily Herald", "news outlet",
     "reporting verb 'reported' with named source 'The Daily Herald'"),
    ("Senator Ann Lee wrote on Twitter that the vote was a disgrace.",
     "fact", "Senator Ann Lee", "social media",
     "reporting verb 'wrote' with named source 'Senator Ann Lee'"),
    ("Tom Reed told Fox News that he would run again.",
     "fact", "Tom Reed", "interview or speech",
     "reporting verb 'told' with named source 'Tom Reed'"),
    ("The tax was “a historic mistake,” according to Governor Ray Diaz, via Twitter.",
     "fact", "Governor Ray Diaz", "social media",
     "'according to' with named source 'Governor Ray Diaz'"),
    ("The Justice Department said it had opened an inquiry.",
     "fact", "The Justice Department", "official",
     "reporting verb 'said' with named source 'The Justice Department'"),
    ("A Pentagon official said the drills would continue.",
     "fact", "an unnamed Pentagon official", "anonymous",
     "reporting verb 'said' with identifiable source 'an unnamed Pentagon official'"),
    # Judged by the view passed on (docs/question-format.md, "Vague attribution").
    ("According to some analysts, the deal is a bad giveaway to the builders.",
     "opinion", "some unnamed analysts", "anonymous",
     "a view credited to people nobody can identify"),
    ("It is widely believed that the plan failed.",
     "opinion", "unnamed sources", "anonymous",
     "a view credited to people nobody can identify ('It is widely believed')"),
    ("The council met on Tuesday and voted 7 to 2 to close the pool.",
     "fact", "the author", "author", "no judgment words, hedges or modal verbs"),
])
def test_attribution_rules(suggester, text, label, source, kind, reason):
    s = suggester.suggest(text)
    assert (s.label, s.source, s.source_kind) == (label, source, kind)
    assert any(r.startswith(reason) for r in s.reasons), s.reasons


@pytest.mark.parametrize("text, cue, reason", [
    # An evaluative word with the noun it grades, a modal or a hedge with its verb (issue 16).
    ("The mayor gave a bizarre speech on Tuesday.", "bizarre speech",
     "evaluative word 'bizarre' (subjectivity 0.6 in TextBlob's lexicon)"),
    ("The results were extremely disappointing.", "extremely disappointing",
     "intensifier 'extremely' in the writer's own words"),
    ("The plan appears to have stalled in committee.", "appears to have stalled",
     "hedge 'appears to': the writer's guess, not a checkable claim"),
    ("The new law will change how schools are funded.", "will change",
     "modal verb 'will': a prediction, possibility or obligation"),
    ("The city must repair the road before winter.", "must repair",
     "modal verb 'must': a prediction, possibility or obligation"),
    ("I think the council got this one right.", "I think",
     "first-person judgment 'I think'"),
    ("Your vote counts in this election.", "Your",
     "the writer speaks to the reader ('Your')"),
    ("The report was released in order to distract voters.", "in order to",
     "motive claim 'in order to': nobody can check what someone intended"),
])
def test_judgment_rules(suggester, text, cue, reason):
    s = suggester.suggest(text)
    assert s.label == "opinion" and s.source_kind == "author"
    assert Cue(cue) in s.cues and reason in s.reasons, (s.cues, s.reasons)


def test_a_question_in_the_writers_voice_is_an_opinion(suggester):
    s = suggester.suggest("Why did nobody on the council notice the leak?")
    assert s.label == "opinion"
    assert any(r.startswith("a question in the writer's own words") for r in s.reasons)


def test_judgment_words_inside_a_quotation_are_the_speakers(suggester):
    s = suggester.suggest("Coach Dan Miller called the decision “a disgrace” after the game.")
    assert (s.label, s.source) == ("fact", "Coach Dan Miller")
    assert s.cues == (Cue("a disgrace", by="Coach Dan Miller"),)     # the speaker's words
    assert "the quoted fragment “a disgrace” is the speaker's wording" in s.reasons


def test_capitalised_names_are_not_judgments(suggester):
    s = suggester.suggest("The Great Lakes Council approved the Fair Housing budget on Monday.")
    assert s.label == "fact" and s.cues == ()


def test_he_and_a_bare_quotation_take_the_speaker_from_the_sentences_before(suggester):
    memory = Memory.of("Mayor Jane Park opened the meeting.")
    first = "Mayor Jane Park opened the meeting."
    memory.note(first, suggester.suggest(first, memory))
    said = suggester.suggest("She said the roads would be repaired by May.", memory)
    assert said.source == "Mayor Jane Park" and said.label == "fact"
    memory.note("She said the roads would be repaired by May.", said)
    quote = suggester.suggest("“We will not wait another year.”", memory)
    assert quote.source == "Mayor Jane Park" and quote.label == "opinion"
    assert "modal verb 'will': a prediction, possibility or obligation" in quote.reasons


def test_same_source_allows_a_fuller_wording():
    assert same_source("Bolton’s memoir", "John Bolton, Trump’s former national security "
                                          "adviser, in his memoir")
    assert same_source("the author", "the author")
    assert not same_source("CNN", "The Washington Post")


# --- The draft ----------------------------------------------------------------------

def _fill_article(text: str) -> str:
    """What a teacher writes in the article section."""
    text = re.sub(r'"FILL IN: [^"]*, or not stated"', '"not stated"', text)
    text = text.replace('genre: "FILL IN"', "genre: news analysis")
    return re.sub(r'^(  (?:genre_explanation:|  -) )"FILL IN: [^"]*"', r'\1"Checked."', text,
                  flags=re.MULTILINE)


def _review_all(text: str) -> str:
    """What a teacher does to every statement: write an explanation, give an opinion
    without suggested cues the label fact, and mark it reviewed."""
    text = re.sub(r'explanation: "FILL IN: [^"]*"', 'explanation: "Checked."', text)
    text = re.sub(r"label: opinion(\n(?:    .*\n){2}    cues: \[\]    # FILL IN)",
                  r"label: fact\1", text)
    return text.replace("reviewed: false", "reviewed: true")


@pytest.mark.articles
@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda p: p.stem)
def test_new_article_on_each_article_validates_once_reviewed(tmp_path, path):
    out = tmp_path / "draft.yaml"
    assert cli.main(["new-article", str(path), "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    made = text.count("    reviewed: false")
    assert made == len(split(path.read_text(encoding="utf-8")).sentences)

    as_drafted = load_bank([out])
    assert as_drafted.problems and all(p.path == str(out) for p in as_drafted.problems)
    assert any("is still to be filled in" in p.message for p in as_drafted.problems)

    out.write_text(_fill_article(text), encoding="utf-8")
    unreviewed = load_bank([out])
    assert unreviewed.problems == []
    assert len(unreviewed.files[0].statements) == made
    assert unreviewed.bank.statements == []
    assert {q.skill for q in generate(unreviewed.bank)} == {"article_genre"}

    out.write_text(_review_all(_fill_article(text)), encoding="utf-8")
    reviewed = load_bank([out])
    assert reviewed.problems == []
    assert len(reviewed.bank.statements) == made and reviewed.files[0].quotes_checked
    assert {q.skill for q in generate(reviewed.bank)} >= {"fact_or_opinion", "source_kind"}


@pytest.mark.articles
def test_draft_fills_what_the_text_states_and_marks_the_rest(tmp_path):
    made = draft.make(ARTICLES / "001_21935f1ad1f4bdc9.txt", tmp_path / "resist.yaml")
    lines = made.text.splitlines()
    assert lines[0].startswith("# yaml-language-server: $schema=")     # for the editor
    assert lines[0].endswith("docs/question-file.schema.json")
    assert '  headline: "Putin and Trump’s Connections: Onstage and Behind the Scenes"    ' \
           "# from the first line" in lines
    assert '  author: "Yelena Korshunov"    # from the byline' in lines
    assert '  date: "August 05, 2024"    # from the byline' in lines
    assert '  outlet: "FILL IN: who published it, or not stated"' in lines
    assert "#   a plea to subscribe or donate: If you appreciate our content" in made.text
    assert any(re.match(r"  # suggested: fact — reporting verb 'told' with named source "
                        "'Rudy Giuliani'", line) for line in lines)


def test_new_article_reads_windows_1252_and_says_so(tmp_path, capsys):
    article = tmp_path / "cafe.txt"
    article.write_bytes("Café Closes After 40 Years\n\nThe owner said the café’s roof was "
                        "unsafe.\n".encode("cp1252"))
    out = tmp_path / "out" / "cafe.yaml"
    assert cli.main(["new-article", str(article), "--out", str(out)]) == 0
    said = capsys.readouterr().out
    copy = tmp_path / "out" / "articles" / "cafe.txt"
    assert "is Windows-1252 text, not UTF-8" in said and str(copy) in said
    assert copy.read_text(encoding="utf-8").startswith("Café Closes")
    text = out.read_text(encoding="utf-8")
    assert 'text_file: "cafe.txt"' in text
    assert 'text: "The owner said the café’s roof was unsafe."' in text
    out.write_text(_review_all(_fill_article(text)), encoding="utf-8")
    loaded = load_bank([out])
    assert loaded.problems == [] and loaded.files[0].quotes_checked


def test_new_article_never_replaces_a_file(tmp_path, capsys):
    article = tmp_path / "story.txt"
    article.write_text("Storm Hits Coast\n\nThe storm reached the coast at noon.\n",
                       encoding="utf-8")
    out = tmp_path / "mine.yaml"
    out.write_text("my own work\n", encoding="utf-8")
    assert cli.main(["new-article", str(article), "--out", str(out)]) == 1
    assert "already exists; it is never replaced" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "my own work\n"


def test_an_article_saved_elsewhere_is_copied_beside_the_draft(tmp_path, capsys):
    """A teacher's article in Downloads: the draft brings a copy into the articles/ folder
    beside it, so the quotes and their context are checked and the folder moves as one."""
    (tmp_path / "a").mkdir()
    article = tmp_path / "a" / "story.txt"
    article.write_text("Storm Hits Coast\n\nThe storm reached the coast at noon.\n",
                       encoding="utf-8")
    out = tmp_path / "q" / "q.yaml"
    assert cli.main(["new-article", str(article), "--out", str(out)]) == 0
    copy = tmp_path / "q" / "articles" / "story.txt"
    assert f"Note: wrote a UTF-8 copy of the article, {copy}, beside the draft" in \
        capsys.readouterr().out
    assert copy.read_bytes() == article.read_bytes()
    text = out.read_text(encoding="utf-8")
    assert 'text_file: "story.txt"' in text and "will not find" not in text
    out.write_text(_review_all(_fill_article(text)), encoding="utf-8")
    loaded = load_bank([out])
    assert loaded.problems == [] and loaded.files[0].quotes_checked
    # A different article of the same name already there is never replaced.
    article.write_text("Another story\n\nSomething else happened.\n", encoding="utf-8")
    assert cli.main(["new-article", str(article), "--out", str(tmp_path / "q" / "r.yaml")]) == 1
    assert "already exists and differs" in capsys.readouterr().err


# --- validate and the loader --------------------------------------------------------

@pytest.mark.articles
def test_validate_counts_the_statements_still_to_review(tmp_path, capsys):
    out = tmp_path / "draft.yaml"
    cli.main(["new-article", str(ARTICLES / "003_6d146059d4ad170a.txt"), "--out", str(out)])
    capsys.readouterr()
    assert cli.main(["validate", str(out)]) == 1
    said = capsys.readouterr().out
    assert "'genre_explanation' in the article is still to be filled in" in said
    assert f"{out}: 38 statement(s) still to review (reviewed: false)" in said

    text = _fill_article(out.read_text(encoding="utf-8"))       # and review one statement:
    text = text.replace("    reviewed: false", "    reviewed: true", 1)
    text = re.sub(r'explanation: "FILL IN: [^"]*"', 'explanation: "Checked."', text, count=1)
    out.write_text(text, encoding="utf-8")
    assert cli.main(["validate", str(out)]) == 0
    said = capsys.readouterr().out
    assert "OK: 1 file(s), 1 article(s), 1 statements" in said
    assert f"{out}: 37 statement(s) still to review (reviewed: false)" in said


def test_validate_names_the_article_texts_it_could_not_find(tmp_path, capsys):
    question_file = tmp_path / "good.yaml"
    question_file.write_bytes((ROOT / "tests" / "data" / "good.yaml").read_bytes())
    assert cli.main(["validate", str(question_file)]) == 0
    said = capsys.readouterr().out
    assert "Quotes checked against the article text: 0 of 1 file(s)" in said
    assert f"{question_file}: its article text article.txt was not found" in said
    (tmp_path / "article.txt").write_bytes((ROOT / "tests" / "data" / "article.txt").read_bytes())
    assert cli.main(["validate", str(question_file)]) == 0
    said = capsys.readouterr().out
    assert "Quotes checked against the article text: 1 of 1 file(s)" in said
    assert "was not found" not in said


def test_reviewed_must_be_true_or_false_and_a_reviewed_placeholder_is_a_problem(tmp_path):
    good = (ROOT / "tests" / "data" / "good.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(good.replace("    difficulty: 1\n", "    difficulty: 1\n    reviewed: maybe\n",
                                1), encoding="utf-8")
    messages = [p.message for p in load_bank([bad]).problems]
    assert any(m.endswith("should be true or false; found the text 'maybe'") for m in messages)
    bad.write_text(re.sub(r"explanation: .*", 'explanation: "FILL IN: why"', good, count=1),
                   encoding="utf-8")
    messages = [p.message for p in load_bank([bad]).problems]
    assert any("is still to be filled in: found the text 'FILL IN: why'" in m for m in messages)


def test_the_game_starts_without_the_authoring_tools():
    done = subprocess.run([sys.executable, "-c", "import sys, game.cli, game.app; "
                           "print(sorted(m for m in sys.modules if m.startswith("
                           "('pysbd', 'textblob', 'nltk', 'game.authoring'))))"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


# --- The bench ----------------------------------------------------------------------

def test_the_invented_set_is_whole_balanced_and_measured():
    """The second bench set (issue 16): invented news written before any rule was tuned on
    it. Its floors are the figures after issue 16's rules (first measured at label 76.1%,
    source 77.5%, cues 48.5%/15.0%; 94.4%, 98.6%, 78.4%/54.2% once the cue rules were done),
    so a rule that helps the bank but hurts it shows."""
    loaded = load_bank([INVENTED])
    assert loaded.problems == [] and all(f.quotes_checked for f in loaded.files)
    statements = loaded.bank.statements
    facts = sum(s.label == "fact" for s in statements)
    assert len(statements) >= 60 and 0.4 <= facts / len(statements) <= 0.6
    assert {a.genre for a in loaded.bank.articles.values()} == {
        "straight news report", "opinion column", "news analysis", "partisan blog post"}
    result = measure((INVENTED,))
    assert len(result.pairs) == len(statements)
    assert result.label_accuracy >= 0.94 and result.source_accuracy >= 0.98
    assert result.kind_accuracy >= 0.98
    right, suggested, written = result.cue_counts()
    assert right >= 0.78 * suggested and right >= 0.54 * written
    agree, compared = result.owner_agreement()
    assert agree == compared


@pytest.mark.articles
def test_bench_agrees_with_the_hand_labelled_bank():
    result = measure()
    assert len(result.pairs) == len(load_bank([ROOT / "questions"]).bank.statements)
    assert result.label_accuracy >= 0.9          # issue 16's targets
    assert result.kind_accuracy >= 0.95 and result.source_accuracy >= 0.97
    right, suggested, written = result.cue_counts()
    assert right >= 0.76 * suggested and right >= 0.51 * written     # issue 16: 75%, 50%
    assert result.exact + result.inside >= 0.95 * len(result.pairs)
    # Whose judgment a suggested cue is (issue 11 §1): inside a quotation, the speaker's.
    agree, compared = result.owner_agreement()
    assert compared >= 100 and agree == compared


@pytest.mark.parametrize("line, author, outlet, date", [
    ("By Maria Lopez, The Riverside Gazette, March 4, 2025",
     "Maria Lopez", "The Riverside Gazette", "March 4, 2025"),
    ("Posted by Hilltop Notes on Sept. 9, 2024", "Hilltop Notes", "", "Sept. 9, 2024"),
    ("By Omar Haddad, Staff writer, Lakeside Courier", "Omar Haddad", "Lakeside Courier", ""),
    ("Politics | By Ann Lee", "Ann Lee", "", ""),
])
def test_a_byline_is_read_as_metadata_not_a_statement(line, author, outlet, date):
    from game.authoring.sentences import Byline, byline
    assert byline(line) == Byline(author, outlet, date)
    parts = split(f"{line}\n\nMILLTOWN —\n\nThe mill closed on Friday.")
    assert parts.sentences == ["The mill closed on Friday."]
    assert parts.datelines == []        # a dateline's place is not an outlet


@pytest.mark.parametrize("sentence", ["By Tuesday, the council had voted.",
                                      "By March 4, 2025, the fund was empty.",
                                      "By noon, prices rose."])
def test_a_sentence_starting_with_by_stays_a_sentence(sentence):
    assert split(sentence).sentences == [sentence]


def test_draft_takes_author_outlet_and_date_from_the_byline(tmp_path):
    article = tmp_path / "mill.txt"
    article.write_text("Mill Closes After 90 Years\n\nBy Omar Haddad, Lakeside Courier, "
                       "June 2, 2025\n\nMILLTOWN — The mill closed on Friday.\n",
                       encoding="utf-8")
    made = draft.make(article, tmp_path / "mill.yaml")
    assert 'author: "Omar Haddad"' in made.text and 'outlet: "Lakeside Courier"' in made.text
    assert 'date: "June 2, 2025"' in made.text and not re.search(r"text: \"By Omar", made.text)


@pytest.mark.parametrize("text, source, kind", [
    # After a quotation, with the speaker's title after the name.
    ("“The pier is not safe to walk on,” said Rita Gomez, the harbor master of Port Ellis.",
     "Rita Gomez", "interview or speech"),
    ("“We have enough seed for spring,” wrote Ben Ortiz, a farmer in Dale County.",
     "Ben Ortiz", "interview or speech"),
    # After the claim, at the end of the sentence.
    ("Swimming lessons will move to the new pool in May, the parks board announced on Friday.",
     "the parks board", "official"),
    ("The museum expects 40,000 visitors next year, its annual plan says.",
     "the museum’s annual plan", None),
    # A common noun keeps its article ("the council’s resolution", not "council’s …").
    ("The pool will close on Sundays, according to the council’s resolution.",
     "the council’s resolution", "official"),
    # A document as the subject, the whole phrase, and 'the same poll' is the one before.
    ("A poll of 800 voters by the county found that 58 percent favor the levy.",
     "a poll of 800 voters by the county", "official"),
    ("A 2021 audit of the water system found 12 leaking mains.",
     "a 2021 audit of the water system", "official"),
])
def test_attribution_before_after_and_whole(suggester, text, source, kind):
    s = suggester.suggest(text)
    assert (s.label, s.source) == ("fact", source), s.reasons
    assert kind is None or s.source_kind == kind


def test_the_same_document_is_the_one_named_before(suggester):
    memory = Memory()
    first = "A poll by the county found that 58 percent favor the levy."
    memory.note(first, suggester.suggest(first, memory))
    s = suggester.suggest("The same poll found that 30 percent oppose it.", memory)
    assert s.source == "a poll by the county" and s.source_kind == "official"


@pytest.mark.parametrize("text, label, source, reason", [
    # House rule: a vague attribution is judged by the view it passes on.
    ("Some parents say the bus arrives at 7:40 every morning.", "fact",
     "some unnamed parents", "which is a checkable claim"),
    ("Critics argue the new fees punish small shops.", "opinion",
     "unnamed critics", "which is a belief"),
    ("Many believe the mayor will not run again.", "opinion",
     "many unnamed people", "which is a belief"),
    ("Local farmers warned that the drought would ruin the harvest.", "opinion",
     "unnamed local farmers", "which is a judgment"),
    ("Many economists think prices will fall.", "opinion",
     "many unnamed economists", "which is a belief"),
    ("It is said that the coach regrets the trade.", "opinion",
     "unnamed sources", "which is a judgment"),
    ("Experts warn that most new restaurants close within three years.", "fact",
     "unnamed experts", "which is a checkable claim"),
])
def test_a_vague_attribution_is_anonymous_and_says_why_that_matters(suggester, text, label,
                                                                    source, reason):
    s = suggester.suggest(text)
    assert (s.label, s.source, s.source_kind) == (label, source, "anonymous"), s.reasons
    why = next(r for r in s.reasons if r.startswith("a view credited to people nobody"))
    assert "no one a reader could ask or check" in why and why.endswith(reason)


@pytest.mark.parametrize("text", [
    "The vote will take place Tuesday.",
    "The bridge will reopen on May 3 after repairs.",
    "The new gym will cost $2.4 million.",
    "Classes will start next week.",
])
def test_will_on_the_calendar_is_not_a_prediction(suggester, text):
    s = suggester.suggest(text)
    assert s.label == "fact" and s.cues == (), s.reasons


@pytest.mark.parametrize("text, cue", [
    ("The new rules will make the roads safer.", "will make"),          # no date: a prediction
    ("The city should fix the road before winter.", "should fix"),    # the writer's demand
    ("The park closes too early for working families.", "too early"),
    ("The owner wants the lot for a hotel.", "wants"),
])
def test_predictions_demands_and_motives_are_the_writers_judgments(suggester, text, cue):
    s = suggester.suggest(text)
    assert s.label == "opinion" and Cue(cue) in s.cues, (s.cues, s.reasons)


@pytest.mark.parametrize("text, cues", [
    # The evaluative phrase, not the modal, when both are there.
    ("This reckless plan will hurt the poorest towns.", ["reckless plan"]),
    ("It was a terrible decision that will cost jobs.", ["terrible decision"]),
    ("The plan is bad.", ["bad"]),                       # no noun after it
    ("Officials need not worry about the storm.", ["need not worry"]),
])
def test_cues_are_phrases_and_prefer_evaluative_words_over_modals(suggester, text, cues):
    s = suggester.suggest(text)
    assert s.label == "opinion" and [c.words for c in s.cues] == cues, s.reasons
    assert any(r.startswith("modal verb") for r in s.reasons) or "will" not in text


def test_a_named_sources_reported_judgment_is_a_cue_of_theirs(suggester):
    s = suggester.suggest("Coach Lena Fox said the league should have delayed the season.")
    assert (s.label, s.source) == ("fact", "Coach Lena Fox")
    assert s.cues == (Cue("should have delayed", by="Coach Lena Fox"),)


@pytest.mark.parametrize("text, cue", [
    ("The mayor made a reckless promise to the union.", "reckless promise"),
    ("The storm dealt a damaging blow to the harbor.", "damaging blow"),
    ("The senator angrily rejected the offer.", "angrily"),       # reads a mood
])
def test_evaluative_adjectives_and_manner_words_textblob_lacks(suggester, text, cue):
    s = suggester.suggest(text)
    assert s.label == "opinion" and Cue(cue) in s.cues, (s.cues, s.reasons)


@pytest.mark.parametrize("text", [
    "The war ended in 1953 after three years of fighting.",       # an event, not a grade
    "Sales rose significantly in the second quarter.",             # how much: checkable
    "The Senate Intelligence Committee met on Monday.",            # a name
    "Supreme Court judges heard the case on Monday.",              # a name, first word
    "Students at Hill Elementary School planted 40 trees.",
    "The elementary school opened in 1962.",
])
def test_names_events_and_degrees_are_not_cues(suggester, text):
    s = suggester.suggest(text)
    assert s.label == "fact" and s.cues == (), (s.cues, s.reasons)


def test_the_publishers_own_lines_are_the_outlets():
    text = ("By Omar Haddad, Lakeside Courier, June 2, 2025\n\nThe mill closed on Friday.\n\n"
            "Omar Haddad is a former mill worker.\n\nLakeside Courier is supported by readers.\n")
    suggester, memory = Suggester(), Memory.of(text)
    for line in ("Omar Haddad is a former mill worker.", "Lakeside Courier is supported by readers."):
        s = suggester.suggest(line, memory)
        assert (s.source, s.source_kind) == ("Lakeside Courier", "news outlet"), s.reasons
    s = suggester.suggest("Your support keeps local news alive.")
    assert (s.source, s.source_kind) == ("the publisher", "news outlet")
    assert suggester.suggest("The mill closed on Friday.", memory).source == "the author"


def test_a_group_after_a_possessive_is_not_the_source(suggester):
    s = suggester.suggest("Children will adapt faster than their teachers expect.")
    assert (s.label, s.source) == ("opinion", "the author")


def test_the_writers_gloss_after_a_quotation_is_the_writers(suggester):
    s = suggester.suggest("Mayor Jane Park declared, “Our streets are the cleanest in the state” "
                          "– a dubious claim.")
    assert s.label == "opinion" and Cue("dubious claim") in s.cues, (s.cues, s.reasons)


@pytest.mark.parametrize("text, cue, by", [
    ("The new stadium will be a disaster for the river.", "disaster", "the writer"),
    ("Coach Dan Miller said, “They did a really great job in the final.”", "really great job",
     "Coach Dan Miller"),
])
def test_graded_nouns_and_the_speakers_phrases(suggester, text, cue, by):
    s = suggester.suggest(text)
    assert Cue(cue, by=by) in s.cues, (s.cues, s.reasons)


def test_a_source_is_never_cut_mid_phrase(suggester):
    s = suggester.suggest("The zoo had 90,000 visitors last year, according to its annual report.")
    assert (s.source, s.source_kind) == ("the zoo’s annual report", "official")
    s = suggester.suggest("The court was wrong, according to the Hadley report.")
    assert s.source == "Hadley"          # a named report still stands for its author


@pytest.mark.parametrize("text, source, kind, label", [
    ("Parents at the elementary school said the fees were too high.",
     "unnamed parents at the elementary school", "anonymous", "opinion"),
    ("Officials in the county said the pool would close.",
     "unnamed officials in the county", "anonymous", "opinion"),
    ("Scientists at the Marlow Institute reported that the lake warmed by 2 degrees.",
     "unnamed scientists at the Marlow Institute", "official", "fact"),
])
def test_a_group_with_where_it_is_from(suggester, text, source, kind, label):
    s = suggester.suggest(text)
    assert (s.source, s.source_kind, s.label) == (source, kind, label), s.reasons
    assert not any("elementary" in c.words for c in s.cues)


@pytest.mark.parametrize("text, label, cues", [
    ("The new bridge looks expensive.", "opinion", ["looks expensive"]),
    ("The budget sounds reasonable on paper.", "opinion", ["sounds reasonable"]),
    ("He looked at the map before the vote.", "fact", []),
])
def test_looks_and_sounds_are_the_writers_impression(suggester, text, label, cues):
    s = suggester.suggest(text)
    assert s.label == label and [c.words for c in s.cues] == cues, s.reasons
