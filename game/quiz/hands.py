"""A show of hands while a whole class talks its answer over: how many went up for each
answer, counted by the teacher before the reveal, so the class sees its spread of views and
no mark of which is right.

On a question with choices, hands go up for each choice. On picked words a hand per word
is more than a room can count or remember, and the words are on screen already: the class
says whether it agrees with the picks the teacher entered for it, or would pick otherwise.

Counts are a tuple in the order of options(question); the results file keeps them by the
option's words (as_record), since the order of the choices depends on the round's seed."""
from game.quiz.questions import Question

WORD_OPTIONS = ("Agree with the class’s picks", "Would pick differently")
MOST = 999      # more hands than any room holds: a typing slip, not a class


def options(question: Question) -> tuple[str, ...]:
    """What hands go up for, in order."""
    return tuple(question.choices) if question.choices else WORD_OPTIONS


def none_yet(question: Question) -> tuple[int, ...]:
    return (0,) * len(options(question))


def counted(count: int) -> int:
    return max(0, min(MOST, count))


def share(count: int, hands: tuple[int, ...]) -> int:
    """count as a whole percentage of all the hands (0 when there are none)."""
    total = sum(hands)
    return round(100 * count / total) if total else 0


def count_words(count: int, hands: tuple[int, ...]) -> str:
    """ "12 hands, 60%": the number in words beside its bar, never the bar alone."""
    noun = "hand" if count == 1 else "hands"
    return f"{count} {noun}, {share(count, hands)}%"


def right_hands(question: Question, hands: tuple[int, ...] | None) -> str:
    """After the reveal, the hands beside the right answer: "12 of 20 hands", or on picked
    words "12 of 20 hands agreed with the class’s picks"; "" when none were counted."""
    if not hands or not sum(hands):
        return ""
    if question.choices:
        return f"{hands[question.answer]} of {sum(hands)} hands"
    return f"{hands[0]} of {sum(hands)} hands agreed with the class’s picks"


def spread_words(question: Question, hands: tuple[int, ...] | None) -> str:
    """Every option's hands in a line, for the review; "" when none were counted."""
    if not hands or not sum(hands):
        return ""
    return "Show of hands: " + "; ".join(f"{option}: {count_words(count, hands)}"
                                         for option, count in zip(options(question), hands))


def as_record(question: Question, hands: tuple[int, ...] | None) -> dict[str, int] | None:
    """The counts by each option's words, for the results file; None when none were
    counted."""
    if not hands or not sum(hands):
        return None
    return dict(zip(options(question), hands))
