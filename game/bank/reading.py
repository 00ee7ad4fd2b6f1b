"""Reading one question file: YAML nodes into checked models, with every problem found.

Imported only when a file has to be read afresh (see game.bank.cache), as YAML parsing is
most of the cost of starting the game."""
import json
import os
import re
from pathlib import Path

import yaml

from game import shipped
from game.bank import schema
from game.bank.errors import BankError, collapse
from game.bank.fields import Reader, TooMany, clip, kind_of, stopped, suggest
from game.bank.models import AUTHOR, PLACEHOLDER, WRITER, AlsoSource, Around, Article, \
    Cue, FileResult, HandQuestion, Statement, Where, gist
from game.bank.paths import article_candidates, read_article
from game.bank.yamlsafe import MAX_BYTES, PLAIN_TAGS, SPLIT, compose, decode
from game.files import FileProblem, read_file

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\Z")


def load_file(path: Path) -> FileResult:
    data = problem = None
    try:
        data = read_file(path, MAX_BYTES, "a question file")
    except FileProblem as exc:
        problem = f"{exc}{SPLIT if exc.too_big else ''}"
    except Exception as exc:        # see parse: a last resort, never the way out
        problem = internal_error(exc)
    if data is None:
        return FileResult(str(path), [BankError(str(path), 1, 1, problem)])
    return parse(path, data)


def internal_error(exc: Exception) -> str:
    return (f"Byline could not read this file (internal error: {type(exc).__name__}: "
            f"{str(exc)[:200]}); the file is left out. Please report this with the file.")


def parse(path: Path, data: bytes) -> FileResult:
    """Check one file's bytes; `path` names it in messages and anchors its text_file.

    Every problem is a BankError. Each kind of bad value has its own check and message;
    anything those checks missed is still reported, as an internal error of this file,
    rather than stopping the game or validate."""
    result = FileResult(str(path))
    try:
        _parse(path, data, result)
    except TooMany:
        result.errors.append(stopped(result.path, result.errors))
    except Exception as exc:
        result.errors.append(BankError(result.path, 1, 1, internal_error(exc)))
    result.errors = collapse(result.errors)
    return result


def _parse(path: Path, data: bytes, result: FileResult) -> None:
    text, result.errors = decode(result.path, data)
    if text is None:
        return
    root, result.errors = compose(result.path, text)
    if root is None or root.tag not in PLAIN_TAGS:
        return
    _read_document(root, path, result)


def _where(path: str, node: yaml.Node) -> Where:
    return Where(path, node.start_mark.line + 1, node.start_mark.column + 1)


def _read_document(root: yaml.Node, path: Path, result: FileResult) -> None:
    reader = Reader(result.path, result.errors)
    if not isinstance(root, yaml.MappingNode):
        reader.error(root, "the file should start with 'article:' followed by 'statements:'")
        return
    parts = {}
    for key, value in root.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else None
        if name not in schema.TOP:
            reader.error(key, f"unknown section '{clip(name)}'" + (
                suggest(str(name), schema.TOP) or "; the sections are article, statements "
                                                  "and questions"))
        elif name in parts:
            reader.error(key, f"the section '{name}' appears twice; keep one")
        else:
            parts[name] = (key, value)
    for name in ("article", "statements"):
        if name not in parts:
            reader.error(root, f"the file has no '{name}:' section")
    article_node = parts.get("article", (None, None))[1]
    article = _read_article(reader, article_node, path, result)
    article_id = article.id if article else "?"
    body = _article_text(reader, article, article_node, path, result)
    for node in _items(reader, parts, "statements"):
        statement = _read_statement(reader, node, article_id, body)
        if statement:
            result.statements.append(statement)
    for node in _items(reader, parts, "questions"):
        question = _read_question(reader, node, article_id)
        if question:
            result.questions.append(question)


def _items(reader: Reader, parts: dict, name: str) -> list:
    key, node = parts.get(name, (None, None))
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
        return []
    if not isinstance(node, yaml.SequenceNode):
        reader.error(node, f"'{name}' should be a list of items, each starting with '- '")
        return []
    if len(node.value) > schema.MAX_ITEMS:
        reader.error(key, f"'{name}' lists {len(node.value):,} items; a file may hold at most "
                          f"{schema.MAX_ITEMS:,} (is part of the list repeated?)")
        return []
    return node.value


def _check_id(reader: Reader, values: dict, nodes: dict) -> bool:
    ident = values.get("id")
    if ident is not None and not _ID.match(ident):
        reader.error(nodes["id"], f"the id '{ident}' may hold only letters, digits, '-', '_' "
                                  "and '.', with no spaces")
        return False
    return ident is not None


def _read_article(reader, node, path, result) -> Article | None:
    if node is None:
        return None
    before = len(reader.errors)
    values, nodes = reader.mapping(node, schema.ARTICLE, "the article")
    if values is None or not _check_id(reader, values, nodes):
        return None
    genre = values.get("genre")
    also = values.get("genre_also_fits", ())
    if genre and genre in also:
        reader.error(nodes["genre_also_fits"],
                     f"'genre_also_fits' repeats the genre '{genre}'; list only other genres")
    _unfilled(reader, values, nodes, "the article")
    if len(reader.errors) > before or len(values) < len(nodes):
        return None
    article = Article(
        id=values["id"], headline=values["headline"], outlet=values["outlet"],
        author=values["author"], date=values["date"], genre=genre,
        genre_explanation=values["genre_explanation"], provenance=values["provenance"],
        title=values.get("title", ""), genre_also_fits=also,
        text_file=values.get("text_file", ""), where=_where(result.path, node))
    result.article = article
    return article

def _article_text(reader, article, node, path: Path, result) -> str | None:
    """The article's own text, when its text_file can be found, to check quotes against."""
    if article is None:
        return None
    # Whatever is there, file or not: a pipe or a folder by that name is reported.
    candidate = next((c for c in article_candidates(article.text_file, path)
                      if os.path.lexists(c)), None)
    if candidate is None:
        return None
    field_node = next(v for k, v in node.value if k.value == "text_file")
    data, problem = read_article(candidate)
    if data is None:
        reader.error(field_node, problem)
        return None
    try:
        body = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        reader.error(field_node, f"the article file {candidate} cannot be read as UTF-8 text")
        return None
    result.quotes_checked = True
    return body



def _open_item(reader, node, fields, kind: str):
    """An item's fields and their nodes, and how messages name it; None if it has no
    usable id (already reported)."""
    values, nodes = reader.mapping(node, fields, _label_for(node, kind))
    if values is None or not _check_id(reader, values, nodes):
        return None
    return values, nodes, f"{kind} '{values['id']}'"


def _read_statement(reader, node, article_id, body) -> Statement | None:
    before = len(reader.errors)
    opened = _open_item(reader, node, schema.STATEMENT, "statement")
    if opened is None:
        return None
    values, nodes, what = opened
    text = values.get("text")
    if text and body is not None and text not in body:
        reader.error(nodes["text"], f"the text of {what} is not in the article: "
                                    + _mismatch(text, body))
    context = Around(**values["context"]) if "context" in values else None
    if context and text and body is not None and text in body:
        _check_context(reader, nodes["context"], context, text, body, what)
    cues = _owned(values.get("cues", ()), values)
    # A draft's statement may still lack what only a teacher can write: it is counted,
    # not played (see loader.load_bank), until it says 'reviewed: true'.
    reviewed = values.get("reviewed", True)
    for cue_node, cue in zip(getattr(nodes.get("cues"), "value", ()), cues):
        _check_cue(reader, cue_node, cue, values, what, reviewed)
    if reviewed and values.get("label") == "opinion" and "cues" in values and not cues:
        reader.error(nodes["cues"], f"{what} is an opinion but lists no cues; list the "
                                    "words that carry the judgment")
    if reviewed and values.get("label") == "opinion" and "cues" not in nodes:
        reader.error(node, f"{what} is an opinion but has no 'cues'; list the words that "
                           "carry the judgment, like [\"bizarre\"]")
    also = _also_sources(reader, values, nodes.get("source_also_fits"), what)
    if reviewed:
        _unfilled(reader, values, nodes, what)
    if len(reader.errors) > before or len(values) < len(nodes):
        return None
    return Statement(
        id=values["id"], article=article_id, text=text, label=values["label"],
        source=values["source"], source_kind=values["source_kind"], cues=cues,
        difficulty=values["difficulty"], explanation=values["explanation"],
        reviewed=reviewed, record=values.get("record", ""), source_also_fits=also,
        context=context, where=_where(reader.path, node))


def _also_sources(reader, values: dict, node, what: str) -> tuple[AlsoSource, ...]:
    """The other answers a fair reader could give to "who is the source?". Each must be
    a different answer from the statement's own source, and from each other, as the
    game tells answers apart (game.bank.models.gist): one it cannot tell apart from the
    source would never be offered."""
    groups = values.get("source_also_fits", ())
    source, kind = values.get("source"), values.get("source_kind")
    own = gist(AUTHOR if kind == "author" else source) if source and kind else None
    seen: dict[str, str] = {}
    for group, item in zip(groups, getattr(node, "value", ())):
        also, at = group["source"], _part_node(item, "source")
        if gist(also) == own:
            reader.error(at, f"'source_also_fits' of {what} lists '{clip(also)}', which is "
                             f"its own source{'' if also == source else ' written another way'}"
                             "; list only other answers a fair reader could give")
        elif gist(also) in seen:
            reader.error(at, f"'source_also_fits' of {what} lists '{clip(also)}' twice"
                             + ("" if seen[gist(also)] == also
                                else f" (as '{clip(seen[gist(also)])}' too)") + "; keep one")
        seen.setdefault(gist(also), also)
    return tuple(AlsoSource(**group) for group in groups)


def _check_cue(reader, node, cue: Cue, values: dict, what: str, reviewed: bool) -> None:
    text, source = values.get("text"), values.get("source")
    if text and cue.words not in text:
        reader.error(node, f"the cue '{cue.words}' of {what} is not in its text (cues are "
                           "copied exactly, same capitals)"
                           + suggest(cue.words, _spans(text, len(cue.words.split()))))
    owner = _part_node(node, "by")
    if text and source and not _may_own(cue.by, source, text):
        reader.error(owner, f"the cue '{cue.words}' of {what} is by '{clip(cue.by)}', who is "
                            f"neither its source ('{clip(source)}'), nor named in its text, "
                            "nor the writer; write its source, or a name as the text writes "
                            "it, or leave 'by' out for the writer's own words"
                            + suggest(cue.by, (WRITER, source)))
    elif reviewed and cue.writers and values.get("label") == "fact":
        # The writer's own judgment word makes the sentence an opinion (the house rules):
        # most often the words are the quoted speaker's and the owner is missing.
        reader.error(owner, f"{what} is a fact, but its cue '{cue.words}' is the writer's "
                            "own judgment; if the words are someone else's, write "
                            f"{{words: {_flow_text(cue.words)}, by: {_flow_text(source or '…')}}}"
                            ", and if they are the writer's, the statement is an opinion")


def _part_node(node, name: str):
    """The node of a group's field `name` (a cue's 'by'), or the group itself when it has
    none."""
    if isinstance(node, yaml.MappingNode):
        return next((v for k, v in node.value if k.value == name), node)
    return node


def _may_own(owner: str, source: str, text: str) -> bool:
    folded = owner.casefold()
    return folded in (WRITER, source.casefold()) \
        or re.search(rf"\b{re.escape(folded)}\b", text.casefold()) is not None


def _owned(cues, values: dict) -> tuple[Cue, ...]:
    """The cues with the writer's named one way: 'the author' is the writer when the
    statement is the author's own."""
    mine = {WRITER}
    if values.get("source_kind") == "author":
        mine.add(values.get("source", WRITER).casefold())
    return tuple(Cue(c.words) if c.by.casefold() in mine else c for c in cues)


def _flow_text(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)     # a JSON string is YAML too


def _read_question(reader, node, article_id) -> HandQuestion | None:
    before = len(reader.errors)
    opened = _open_item(reader, node, schema.QUESTION, "question")
    if opened is None:
        return None
    values, nodes, what = opened
    choices = values.get("choices")
    if choices is not None:
        if len(choices) < 2:
            reader.error(nodes["choices"], f"{what} needs at least two choices")
        repeated = sorted({c for c in choices if choices.count(c) > 1})
        if repeated:
            reader.error(nodes["choices"], f"{what} lists the choice '{repeated[0]}' twice")
    answer = values.get("answer")
    if answer is not None and choices is not None and answer not in choices:
        reader.error(nodes["answer"], f"the answer of {what} is not one of its choices"
                                      + suggest(answer, choices))
    _unfilled(reader, values, nodes, what)
    if len(reader.errors) > before or len(values) < len(nodes):
        return None
    return HandQuestion(
        id=values["id"], article=article_id, prompt=values["prompt"], choices=choices,
        answer=answer, explanation=values["explanation"],
        difficulty=values.get("difficulty", 2), where=_where(reader.path, node))


def _unfilled(reader, values: dict, nodes: dict, what: str) -> None:
    """Placeholders a generated file left for a teacher (new-article, import)."""
    for name, value in values.items():
        listed = isinstance(value, tuple)
        for item, node in zip(value if listed else (value,),
                              nodes[name].value if listed else (nodes[name],)):
            if isinstance(item, str) and item.startswith(PLACEHOLDER):
                reader.error(node, f"'{name}' in {what} is still to be filled in: found "
                                   f"{kind_of(node)}")


def _label_for(node, kind: str) -> str:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if getattr(key, "value", None) == "id" and isinstance(value, yaml.ScalarNode):
                return f"{kind} '{clip(value.value)}'"
    return f"the {kind} at line {node.start_mark.line + 1}"


def _spans(text: str, size: int) -> list[str]:
    words = text.split()
    return [" ".join(words[i:i + max(size, 1)]).strip("“”‘’\"'.,;:()")
            for i in range(len(words))]


def _flat(text: str) -> str:
    """Text as the context check compares it: a line break (with the spaces and blank
    lines about it) as one line break, and any other run of spaces as one space."""
    return re.sub(r"[^\S\n]+", " ", re.sub(r"\s*\n\s*", "\n", text))


def _check_context(reader, node, context: Around, text: str, body: str, what: str) -> None:
    """The stored context is the article's own words: before, the quote and after, one
    run of text in the article, as `run.py context` writes them. Otherwise the part that
    differs is reported, with what the article has there."""
    before, quote, after, article = map(_flat, (context.before, text, context.after, body))
    if before + quote + after in article:
        return

    def agree(a: str, b: str) -> int:      # how many characters a and b start with alike
        return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))

    # The place of the quote whose surroundings agree the furthest (the first, if equal).
    back, ahead, at = max(((agree(article[:p][::-1], before[::-1]),
                            agree(article[p + len(quote):], after), p)
                           for p in (m.start() for m in re.finditer(re.escape(quote), article))),
                          key=lambda found: (found[0] + found[1], -found[2]))
    if back < len(before):
        reader.error(_part_node(node, "before"),
                     f"'before' in the context of {what} is not what the article has just "
                     "before the quote: " + _differs(before[::-1], article[:at][::-1], back,
                                                     backwards=True))
    if ahead < len(after):
        reader.error(_part_node(node, "after"),
                     f"'after' in the context of {what} is not what the article has just "
                     "after the quote: " + _differs(after, article[at + len(quote):], ahead,
                                                    backwards=False))


def _differs(mine: str, theirs: str, same: int, backwards: bool) -> str:
    """Where a stored context parts from the article. mine and theirs are read outwards
    from the quote (so reversed, backwards) and agree for their first `same` characters."""
    def shown(part: str) -> str:
        """Some of part about where it differs, as a teacher reads it, and what differs
        when it is hard to see."""
        start = max(0, same - 12)
        bit = part[start:start + 40]
        dots = "…" if len(part) > start + 40 else ""
        bit, dots = (bit[::-1], dots) if backwards else (bit, dots)
        text = (dots + bit if backwards else bit + dots).replace("\n", "\\n")
        edge = part[same:same + 1]
        if not edge:        # only the article can end first: else the two would agree
            return f"nothing more (the article {'starts' if backwards else 'ends'} there)"
        name = {" ": "a space", "\n": "a line break"}.get(edge)
        return f"{name} (“{text}”)" if name else f"“{text}”"

    return (f"the article has {shown(theirs)} where this has {shown(mine)}; copy the "
            f"article's words exactly (or write them again with `{shipped.COMMAND} context "
            "FILE`)")


def _mismatch(text: str, body: str) -> str:
    """Where a quote stops matching: the longest start of it that the article holds."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if text[:middle] in body:
            low = middle
        else:
            high = middle - 1
    if low == 0:
        return "no part of it matches (is it from another article?)"
    return (f"it matches up to “…{text[max(0, low - 30):low]}” and then differs at "
            f"“{text[low:low + 15]}…” (check quotes, dashes and spaces)")
