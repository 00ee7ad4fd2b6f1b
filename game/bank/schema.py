"""The fields of a question file: what a teacher may write, and what each expects."""
from game.bank.fields import Field
from game.bank.models import GENRES, LABELS, SOURCE_KINDS


def _one_of(options) -> str:
    return "one of: " + ", ".join(options)


TOP = ("article", "statements", "questions")

ARTICLE = {
    "id": Field("text", expect="a short name such as 'osaka-repost'"),
    "title": Field("text", required=False, expect="a short name for menus"),
    "headline": Field("text", expect="the headline as printed, or 'not stated'"),
    "outlet": Field("text", expect="who published it, or 'not stated'"),
    "author": Field("text", expect="the byline, or 'not stated'"),
    "date": Field("date", expect="the date as printed, or 'not stated'"),
    "genre": Field("choice", allowed=GENRES, expect=_one_of(GENRES)),
    "genre_also_fits": Field("choices", required=False, allowed=GENRES,
                             expect="[news analysis]"),
    "genre_explanation": Field("text", expect="why the article is of that genre"),
    "provenance": Field("texts", expect='["No byline and no date."]'),
    "text_file": Field("text", required=False, expect="the article's plain-text file"),
}

STATEMENT = {
    "id": Field("text", expect="a unique name such as 'osaka-01'"),
    "text": Field("text", expect="a sentence copied exactly from the article"),
    "label": Field("choice", allowed=LABELS, expect=_one_of(LABELS)),
    "source": Field("text", expect="who the text attributes it to, or 'the author'"),
    "source_kind": Field("choice", allowed=tuple(SOURCE_KINDS),
                         expect=_one_of(SOURCE_KINDS)),
    "cues": Field("texts", required=False, expect='["bizarre", "cheerleader"]'),
    "difficulty": Field("whole", low=1, high=3, expect="1, 2 or 3"),
    "explanation": Field("text", expect="a sentence or two a student can follow"),
    # A draft from `run.py new-article` says false: such a statement is counted by
    # validate and never played until a teacher has checked it.
    "reviewed": Field("switch", required=False, expect="true or false"),
}

QUESTION = {
    "id": Field("text", expect="a unique name such as 'osaka-q1'"),
    "prompt": Field("text", expect="the question to ask"),
    "choices": Field("texts", expect='["A byline", "A date", "Neither"]'),
    "answer": Field("text", expect="the right choice, copied from 'choices'"),
    "explanation": Field("text", expect="a sentence or two a student can follow"),
    "difficulty": Field("whole", required=False, low=1, high=3, expect="1, 2 or 3"),
}
