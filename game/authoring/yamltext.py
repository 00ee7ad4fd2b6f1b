"""Writing question-file YAML by hand, so that a generated file looks like the ones
teachers write (one field a line, long text in double quotes on one line, short lists in
brackets) rather than like yaml.dump's output, and keeps comments where they help.

Every value written here reads back as exactly the same text: the loader's tests of the
import round trip depend on it."""
import re

import yaml

from game.bank.models import PLACEHOLDER, AlsoSource, Article, Cue, HandQuestion

# Characters YAML takes literally inside double quotes. Everything else is escaped: the
# C0 controls and also NEL, LS and PS, which YAML 1.1 reads as line breaks.
_PRINTABLE = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _.'’-]*\Z")


def quoted(text: str) -> str:
    out = []
    for char in str(text):
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif _PRINTABLE.match(char):
            out.append(char)
        elif ord(char) <= 0xFF:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'


def word(text: str) -> str:
    """A short value (an id, a label) without quotes when YAML reads it back as the same
    text; 'no', '2024-01-05' or '12' keep their quotes."""
    text = str(text)
    if _WORD.match(text) and text == text.strip():
        try:
            if yaml.safe_load(text) == text:
                return text
        except yaml.YAMLError:
            pass
    return quoted(text)


def flow(items) -> str:
    """A list on one line; a cue someone else owns as {words: ..., by: ...}, another
    source as {source: ..., why: ...}."""
    def one(item) -> str:
        if isinstance(item, Cue):
            return quoted(item.words) if item.writers \
                else f"{{words: {quoted(item.words)}, by: {quoted(item.by)}}}"
        if isinstance(item, AlsoSource):
            return f"{{source: {quoted(item.source)}, why: {quoted(item.why)}}}"
        return quoted(item)
    return "[" + ", ".join(one(item) for item in items) + "]"


def article_lines(article: Article) -> list[str]:
    lines = ["article:", f"  id: {word(article.id)}"]
    if article.title:
        lines.append(f"  title: {quoted(article.title)}")
    lines += [f"  headline: {quoted(article.headline)}",
              f"  outlet: {quoted(article.outlet)}",
              f"  author: {quoted(article.author)}",
              f"  date: {quoted(article.date)}",
              f"  genre: {word(article.genre)}"]
    if article.genre_also_fits:
        lines.append("  genre_also_fits: [" + ", ".join(map(word, article.genre_also_fits))
                     + "]")
    lines.append(f"  genre_explanation: {quoted(article.genre_explanation)}")
    lines.append("  provenance:" + ("" if article.provenance else " []"))
    lines += [f"    - {quoted(item)}" for item in article.provenance]
    if article.text_file:
        lines.append(f"  text_file: {quoted(article.text_file)}")
    return lines


def placeholder_article_lines(article_id: str, headline: str = "") -> list[str]:
    """An article block for an article the bank does not know yet. The loader reports
    every value still starting with PLACEHOLDER, so the game skips the file until a
    teacher has filled it in."""
    fill = f"{PLACEHOLDER}: "
    return [
        "article:",
        f"  # {PLACEHOLDER}: these fields were not in the spreadsheet. Replace every",
        f"  # '{PLACEHOLDER}'; `python run.py validate` shows what is left.",
        f"  id: {word(article_id)}",
        f"  headline: {quoted(headline or fill + 'the headline as printed, or not stated')}",
        f"  outlet: {quoted(fill + 'who published it, or not stated')}",
        f"  author: {quoted(fill + 'the byline, or not stated')}",
        f"  date: {quoted(fill + 'the date as printed, or not stated')}",
        f"  genre: {quoted(PLACEHOLDER)}   # straight news report, news analysis, "
        "opinion column, partisan blog post or aggregator repost",
        f"  genre_explanation: {quoted(fill + 'why the article is of that genre')}",
        "  provenance:",
        f"    - {quoted(fill + 'what the text does and does not tell a reader')}",
        "  # text_file: the article as plain text, so that quotes are checked against it",
    ]


def question_lines(q: HandQuestion) -> list[str]:
    return [f"  - id: {word(q.id)}",
            f"    prompt: {quoted(q.prompt)}",
            f"    choices: {flow(q.choices)}",
            f"    answer: {quoted(q.answer)}",
            f"    explanation: {quoted(q.explanation)}",
            f"    difficulty: {q.difficulty}"]
