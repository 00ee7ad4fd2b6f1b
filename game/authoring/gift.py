"""The bank as Moodle GIFT text, for a school's own quizzes: every multiple-choice
question the game asks, with the distractors the game would offer and its explanation as
general feedback.

The questions are generated with seed 0, so the same bank always gives the same file.
"Spot the opinion words" has no GIFT form (players pick words in the sentence) and is left
out. Moodle's syntax: https://docs.moodle.org/en/GIFT_format"""
from game.bank.models import Bank
from game.quiz.questions import RECORD_HEADING, SKILLS, Question, generate, judgment_words
from game.quiz.verdict import PARTLY_MAX, judge

EXPORTED = ("fact_or_opinion", "who_is_source", "source_kind", "article_genre",
            "hand_written")
CATEGORY = "$course$/top/Byline"
_SPECIAL = "~=#{}:"


def escape(text: str) -> str:
    """Text as GIFT reads it literally: its control characters behind a backslash, and
    line breaks (a lone carriage return too) as \\n, since a blank line would end the
    question. So no text ever starts a line of the file, and one starting with '=' or
    '~' keeps its backslash there too. No ' is put before '=', '+', '-' or '@' as in a
    CSV file: Moodle shows GIFT as text and runs no formula, and students would see it."""
    text = str(text).replace("\\", "\\\\")
    for char in _SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _name(q: Question) -> str:
    if q.skill == "hand_written":
        return q.id
    return f"{q.statement or q.article} {SKILLS[q.skill]}"


def question(q: Question, judged: str = "") -> str:
    """judged: whose judgment the sentence's cue words are ("Judgment words: …"), which
    the game shows with "Spot the opinion words", a question GIFT cannot hold."""
    body = q.prompt + (f"\n{q.text}" if q.text else "")
    lines = [f"::{escape(_name(q))}::{escape(body)} {{"]
    # A choice the text supports in part earns in Moodle what it earns in the game, and
    # says why, as the game does, in the choice's own feedback.
    partly = f"~%{round(100 * PARTLY_MAX)}%"
    lines += [f"\t{'=' if i == q.answer else partly if i in q.also else '~'}{escape(choice)}"
              + (f"#{escape(judge(q, i).note)}" if i in q.also else "")
              for i, choice in enumerate(q.choices)]
    feedback = "\n".join(filter(None, (q.explanation, judged)))
    feedback += f"\n{RECORD_HEADING}: {q.record}" if q.record else ""
    lines += [f"\t####{escape(feedback)}", "}"]
    return "\n".join(lines)


def to_gift(bank: Bank, seed: int = 0) -> str:
    questions = [q for q in generate(bank, seed) if q.skill in EXPORTED]
    judged = {s.id: judgment_words(s) for s in bank.statements}
    blocks = [
        "// Byline questions for Moodle: Question bank > Import > GIFT format.\n"
        f"// {len(bank.statements)} statements from {len(bank.articles)} article(s); "
        "each article is a category under Byline."]
    for article in bank.articles:
        blocks.append(f"$CATEGORY: {CATEGORY}/{article}")
        blocks += [question(q, judged.get(q.statement, "") if q.skill == "fact_or_opinion"
                            else "")
                   for q in questions if q.article == article]
    return "\n\n".join(blocks) + "\n"
