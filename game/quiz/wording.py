"""Answers in words, as the player saw them: the review, the hot seat's answer screen, the
results file and the teacher's report say an answer the same way."""
from game.quiz.questions import Question, quoted_list, quoted_sentence

NO_ANSWER = "no answer (time ran out)"


def as_seen(question: Question, given) -> str | list[str] | None:
    """The choice's text or the picked words, or None when time ran out: what the results
    keep, since the order of the choices depends on the round's seed."""
    if given is None:
        return None
    if question.skill == "opinion_words":
        words = question.word_texts()
        return [words[i] for i in sorted(given)]
    return question.choices[given]


def in_words(seen) -> str:
    """An answer as as_seen gives it, or as the results file keeps it, in a phrase."""
    if seen is None:
        return NO_ANSWER
    if isinstance(seen, list):
        return ", ".join(f"“{w}”" for w in seen) if seen else "no words"
    return str(seen)


def given_words(answer) -> str:
    return in_words(as_seen(answer.question, answer.given))


def right_words(question: Question) -> str:
    """The right answer, and the answers the text supports in part."""
    if question.skill == "opinion_words":
        return quoted_list(question.cue_texts)    # "like a violin", not "like", "a", "violin"
    partly = [question.choices[i] for i in question.also]
    return question.choices[question.answer] + (
        f" (partly right: {', '.join(partly)})" if partly else "")


def quoted(question: Question) -> str:
    """The text shown with a question: a statement's sentence in quotation marks (never
    doubled), a hand-written question's text as it was written."""
    return quoted_sentence(question.text) if question.statement else question.text
