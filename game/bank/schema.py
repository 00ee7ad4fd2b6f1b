"""The fields of a question file: what a teacher may write, and what each expects.

The length limits (most: characters, items: list items) are far above anything in the
shipped files (the longest statement is under 400 characters, no list holds 6 items):
they exist so that a pasted article or a runaway list is refused by validate, with its
line, instead of slowing the game down."""
from game.bank.fields import Field
from game.bank.models import GENRES, LABELS, SOURCE_KINDS


def _one_of(options) -> str:
    return "one of: " + ", ".join(options)


TOP = ("article", "statements", "questions")
# Items in a file's 'statements' and 'questions' lists; an article has dozens.
MAX_ITEMS = 1_000

ID, NAME, HEADLINE, SENTENCE, EXPLANATION = 100, 200, 300, 1_500, 2_000
# Of an article's words on either side of a quote: `run.py context` writes at most 960.
AROUND_QUOTE = 2_000

ARTICLE = {
    "id": Field("text", expect="a short name such as 'osaka-repost'", most=ID),
    "title": Field("text", required=False, expect="a short name for menus", most=NAME),
    "headline": Field("text", expect="the headline as printed, or 'not stated'",
                      most=HEADLINE),
    "outlet": Field("text", expect="who published it, or 'not stated'", most=NAME),
    "author": Field("text", expect="the byline, or 'not stated'", most=NAME),
    "date": Field("date", expect="the date as printed, or 'not stated'", most=NAME),
    "genre": Field("choice", allowed=GENRES, expect=_one_of(GENRES)),
    "genre_also_fits": Field("choices", required=False, allowed=GENRES,
                             expect="[news analysis]", items=len(GENRES)),
    "genre_explanation": Field("text", expect="why the article is of that genre",
                               most=EXPLANATION),
    "provenance": Field("texts", expect='["No byline and no date."]', most=EXPLANATION,
                        items=30),
    "text_file": Field("text", required=False, expect="the article's plain-text file",
                       most=255),
}

# A cue written as a group: words someone other than the writer owns.
CUE = {
    "words": Field("text", expect="the words, copied exactly from 'text'", most=NAME),
    "by": Field("text", required=False, most=NAME,
                expect="whose words they are: the statement's source, someone its text "
                       "names, or 'the writer'"),
}

# Another answer to "who is the source?" that the sentence supports in part.
ALSO_SOURCE = {
    "source": Field("text", most=NAME,
                    expect="another answer a fair reader could give, written as the file's "
                           "sources are (or 'the author')"),
    "why": Field("text", most=EXPLANATION,
                 expect="why the statement's own source is the better answer, in a sentence "
                        "a student can follow"),
}
# The article's words around a quote, stored for where its text is not (see models.Around).
AROUND = {
    "before": Field("verbatim", required=False, most=AROUND_QUOTE,
                    expect="the article's words just before the quote (leave 'before' out "
                           "when the quote starts the article)"),
    "after": Field("verbatim", required=False, most=AROUND_QUOTE,
                   expect="the article's words just after the quote (leave 'after' out "
                          "when the quote ends the article)"),
}

# The choices are the source, up to two of these and "the author's own claim": four.
MOST_ALSO_SOURCES = 2

STATEMENT = {
    "id": Field("text", expect="a unique name such as 'osaka-01'", most=ID),
    "text": Field("text", expect="a sentence copied exactly from the article", most=SENTENCE),
    "label": Field("choice", allowed=LABELS, expect=_one_of(LABELS)),
    "source": Field("text", expect="who the text attributes it to, or 'the author'",
                    most=NAME),
    "source_kind": Field("choice", allowed=tuple(SOURCE_KINDS),
                         expect=_one_of(SOURCE_KINDS)),
    "cues": Field("cues", required=False, most=NAME, items=30, parts=CUE,
                  expect='["bizarre", {words: "cheerleader", by: The Washington Post}]'),
    "difficulty": Field("whole", low=1, high=3, expect="1, 2 or 3"),
    "explanation": Field("text", expect="a sentence or two a student can follow",
                         most=EXPLANATION),
    # A checkable claim that is wrong stays a fact; this says what the record shows.
    "record": Field("text", required=False,
                    expect="what the record shows, and where to check it", most=EXPLANATION),
    "source_also_fits": Field("groups", required=False, items=MOST_ALSO_SOURCES,
                              parts=ALSO_SOURCE, most=NAME,
                              expect='[{source: "Donald Trump", why: "The words are '
                                     'Trump’s, but the sentence gives them as Bolton’s '
                                     'account."}]'),
    "context": Field("group", required=False, parts=AROUND,
                     expect='{before: "…the words before the quote ", after: " the words '
                            'after it…"}'),
    # A draft from `run.py new-article` says false: such a statement is counted by
    # validate and never played until a teacher has checked it.
    "reviewed": Field("switch", required=False, expect="true or false"),
}

QUESTION = {
    "id": Field("text", expect="a unique name such as 'osaka-q1'", most=ID),
    "prompt": Field("text", expect="the question to ask", most=SENTENCE),
    "choices": Field("texts", expect='["A byline", "A date", "Neither"]', most=HEADLINE,
                     items=10),
    "answer": Field("text", expect="the right choice, copied from 'choices'", most=HEADLINE),
    "explanation": Field("text", expect="a sentence or two a student can follow",
                         most=EXPLANATION),
    "difficulty": Field("whole", required=False, low=1, high=3, expect="1, 2 or 3"),
}
