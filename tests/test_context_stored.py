"""The sentences around a quote without the article's text (issue 15 §2): each statement
stores them (`context: {before, after}`), validate checks them against the article when
it is found, `run.py context` writes them, and the game shows the same sentences with or
without ../shared/articles."""
import os
import re
import shutil

import pygame
import pytest

from conftest import DATA, ROOT
from game import cli, shipped
from game.authoring import draft
from game.bank import load_bank, paths
from game.bank.context import around, context_of
from game.bank.texts import body_of
from game.scenes.overlays import ContextScene
from pilot import new_app

GOOD = (DATA / "good.yaml").read_text(encoding="utf-8")
LIB_01 = '''    context:
      before: "Council Votes to Close Riverside Library\\n"
      after: "\\nThe decision is a shameful betrayal of the neighbourhood’s children."
'''


@pytest.fixture
def no_article_folders(monkeypatch):
    """As on a computer with the game installed, or a public clone: no folder of article
    texts (the question files' own folders are the test's to choose)."""
    monkeypatch.setattr(paths, "ARTICLE_DIRS", ())


def library(folder, text: str = GOOD, article: bool = True):
    """good.yaml (or text) in folder, with its article beside it or not."""
    folder.mkdir(exist_ok=True)
    if article:
        shutil.copy(DATA / "article.txt", folder / "article.txt")
    path = folder / "library.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path) -> list[str]:
    return [str(p) for p in load_bank([path]).problems]


def line_of(text: str, piece: str) -> int:
    return text[:text.index(piece)].count("\n") + 1


# --- the game: the same sentences with or without the article's text -------------------

@pytest.mark.articles
def test_every_shipped_statement_stores_what_its_article_has_around_it():
    result = load_bank([ROOT / "questions"])
    for s in result.bank.statements:
        body = body_of(result.bank.articles[s.article])
        assert s.context is not None and s.context == around(body, s.text), s.id


@pytest.mark.articles
def test_the_overlay_shows_the_same_sentences_without_the_article_folders(monkeypatch):
    app = new_app(size=(960, 540))
    bank = app.loaded.bank
    with_text = {s.id: (context_of(s, bank), ContextScene(app, s).body) for s in bank.statements}
    assert all(found.from_article for found, _ in with_text.values())
    monkeypatch.setattr(paths, "ARTICLE_DIRS", ())
    assert all(body_of(a) is None for a in bank.articles.values())
    for s in bank.statements:
        scene = ContextScene(app, s)
        assert (context_of(s, bank), scene.body) == with_text[s.id], s.id
        assert scene.note == "The quoted sentence is underlined."
    pygame.quit()


def test_a_copy_of_the_files_without_the_articles_loads_and_shows_their_context(
        tmp_path, no_article_folders):
    """What a public clone of the shipped files holds: no article text anywhere."""
    for path in (ROOT / "questions").glob("*.yaml"):
        shutil.copy(path, tmp_path)
    result = load_bank([tmp_path])
    assert result.problems == [] and not any(f.quotes_checked for f in result.files)
    for s in result.bank.statements:
        found = context_of(s, result.bank)
        assert found.from_article and (found.before or found.after), s.id
    by_id = {s.id: s for s in result.bank.statements}
    # "…have been recorded in the country, although there are suspicions…"
    start = context_of(by_id["ordo-02"], result.bank)
    assert start.tail.startswith(", although there are suspicions")
    assert context_of(by_id["ordo-03"], result.bank).lead.endswith(
        "recorded in the country, although")
    headline = context_of(by_id["ordo-01"], result.bank)     # a line of its own
    assert (headline.before, headline.lead, headline.tail) == ("", "", "")
    assert headline.after.startswith("US, WASHINGTON (ORDO NEWS)")


def test_without_stored_context_or_the_article_the_neighbours_stand_in(tmp_path,
                                                                        no_article_folders):
    path = library(tmp_path, GOOD.replace(LIB_01, ""), article=False)
    bank = load_bank([path]).bank
    first, second = bank.statements
    assert context_of(first, bank) == context_of(first, bank).__class__(
        "", second.text, False)
    assert context_of(second, bank).from_article        # stored: the article's words


# --- validate --------------------------------------------------------------------------

def test_a_typo_in_a_stored_context_is_a_problem_at_its_line_and_column(tmp_path, capsys):
    text = GOOD.replace('before: "Council Votes to', 'before: "Council Vote to')
    path = library(tmp_path, text)
    assert cli.main(["validate", str(path)]) == 1
    said = capsys.readouterr().out
    line = line_of(text, 'before: "Council Vote to')
    assert f"{path}:{line}:15: 'before' in the context of statement 'lib-01' is not what " \
           "the article has just before the quote: the article has “Council Votes to " in said
    assert "where this has “Council Vote to " in said and "run.py context FILE" in said


def test_a_missing_line_break_next_to_the_quote_is_named(tmp_path):
    text = GOOD.replace('after: "\\nThe decision', 'after: " The decision')
    found = problems_of(library(tmp_path, text))
    line = line_of(text, 'after: " The decision')
    assert found == [f"{tmp_path / 'library.yaml'}:{line}:14: 'after' in the context of "
                     "statement 'lib-01' is not what the article has just after the quote: "
                     "the article has a line break (“\\nThe decision is a shameful betrayal "
                     "of …”) where this has a space (“ The decision is a shameful betrayal "
                     "of …”); copy the article's words exactly (or write them again with "
                     f"`{shipped.COMMAND} context FILE`)"]


def test_context_past_the_start_of_the_article_is_a_problem(tmp_path):
    text = GOOD.replace('before: "Council', 'before: "Breaking: Council')
    found = problems_of(library(tmp_path, text))
    assert len(found) == 1 and "the article has nothing more (the article starts there) " \
                               "where this has a space (“Breaking: Council Vote”)" in found[0]


def test_without_the_article_the_stored_context_is_taken_as_it_is(tmp_path, capsys,
                                                                  no_article_folders):
    text = GOOD.replace('before: "Council Votes to', 'before: "Council Vote to')
    path = library(tmp_path, text, article=False)
    assert cli.main(["validate", str(path)]) == 0
    said = capsys.readouterr().out
    assert "in the context of" not in said and "store no context" not in said
    bank = load_bank([path]).bank
    assert context_of(bank.statements[0], bank).before == "Council Vote to Close Riverside " \
                                                          "Library"


def test_a_statement_without_context_is_a_notice_with_the_command(tmp_path, capsys,
                                                                  no_article_folders):
    path = library(tmp_path, GOOD.replace(LIB_01, ""))
    assert cli.main(["validate", str(path)]) == 0
    said = capsys.readouterr().out
    assert said.startswith("OK: 1 file(s)")
    assert f"{path}: 1 statement(s) store no context (the sentences around the quote, for " \
           f"computers without the article's text); to add it, run: {shipped.COMMAND} context " \
           f"{path}" \
           in said
    (tmp_path / "article.txt").unlink()
    assert cli.main(["validate", str(path)]) == 0
    assert "to add it, put the article's text file beside it, then run: python run.py context" in \
        capsys.readouterr().out


@pytest.mark.parametrize("block, at, said", [
    ("    context: 42\n", (0, 14), "'context' in statement 'lib-01' should be a group of "
                                   "fields like {before: "),
    ("    context: [a, b]\n", (0, 14), "; found a list"),
    ("    context:\n", (0, 13), "should be a group of fields like {before: "),
    ("    context:\n      before: [Council]\n", (1, 15),
     "'before' in 'context' in statement 'lib-01' should be the article's words just before "
     "the quote"),
    ("    context:\n      after: {x: 1}\n", (1, 14), "; found a group of fields"),
    ("    context:\n      before: \"\"\n", (1, 15), "is empty; expected the article's words"),
    ("    context:\n      befor: x\n", (1, 7),
     "unknown field 'befor' in 'context' in statement 'lib-01' — did you mean 'before'?"),
    ("    context:\n      before: \"a\\u0000\"\n", (1, 15), "holds the character U+0000"),
    ("    context:\n      before: !!binary aGk=\n", (1, 15), ""),
    ("    context:\n      before: \"" + "x" * 990_000 + "\"\n", (1, 15),
     "'before' in 'context' in statement 'lib-01' is 990,000 characters long; it may be at "
     "most 2,000"),
], ids=["number", "list", "nothing", "before-list", "after-group", "empty", "typo", "nul",
        "binary", "huge"])
def test_a_hostile_context_is_a_clear_problem(tmp_path, capsys, block, at, said):
    text = GOOD.replace(LIB_01, block)
    path = library(tmp_path, text)
    found = load_bank([path]).problems
    line = line_of(text, block) + at[0]
    assert found and not any("internal error" in p.message for p in found)
    assert any((p.line, p.column) == (line, at[1]) and said in p.message for p in found), found
    assert cli.main(["validate", str(path)]) == 1
    assert "Traceback" not in capsys.readouterr().out


# --- run.py context --------------------------------------------------------------------

def test_the_command_writes_what_the_shipped_files_hold_keeping_the_rest(tmp_path, capsys):
    """good.yaml without its context, comments and CRLF line ends added: the command gives
    back good.yaml with those, and keeps the old file."""
    bare = GOOD.replace(LIB_01, "").replace("    context:\n      before: \"The city", "XX",
                                            1)
    bare = bare[:bare.index("XX")] + bare[bare.index("\n", bare.index("XX")) + 1:]
    bare = bare.replace("  - id: lib-02", "  # the opinion\n  - id: lib-02")
    path = library(tmp_path, bare)
    path.write_bytes(bare.replace("\n", "\r\n").encode("utf-8"))
    assert cli.main(["context", str(path)]) == 0
    assert f"{path}: wrote the context of 2 statement(s); the old file is {path}.bak" in \
        capsys.readouterr().out
    wanted = GOOD.replace("  - id: lib-02", "  # the opinion\n  - id: lib-02")
    assert path.read_bytes() == wanted.replace("\n", "\r\n").encode("utf-8")
    assert (tmp_path / "library.yaml.bak").read_bytes() == bare.replace("\n", "\r\n").encode()
    assert cli.main(["context", str(path)]) == 0        # twice: nothing to change
    assert "every statement's context is as the article has it" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "library.yaml",
                                                          "library.yaml.bak"]


def test_the_command_mends_a_wrong_context_and_never_replaces_a_backup(tmp_path, capsys):
    path = library(tmp_path, GOOD.replace('before: "Council Votes to', 'before: "Council Vote to'))
    (tmp_path / "library.yaml.bak").write_text("an older backup", encoding="utf-8")
    assert cli.main(["context", str(path)]) == 0
    assert f"the old file is {path}.bak2" in capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == GOOD
    assert (tmp_path / "library.yaml.bak").read_text(encoding="utf-8") == "an older backup"
    assert load_bank([path]).problems == []


def test_the_command_after_a_folded_last_field_and_a_first_field_context(tmp_path):
    text = GOOD.replace(LIB_01, "").replace(
        '    explanation: "The minutes record the vote, so anyone can check it."\n',
        "    explanation: >\n      The minutes record the vote,\n      so anyone can check it."
        "\n\n").replace("  - id: lib-02", "  - context: {after: wrong}\n    id: lib-02").replace(
        '    context:\n      before: "The city', '    record: "The city')
    path = library(tmp_path, text)
    assert cli.main(["context", str(path)]) == 0
    result = load_bank([path])
    assert result.problems == []
    assert [s.context for s in result.bank.statements] == \
        [around((DATA / "article.txt").read_text(encoding="utf-8"), s.text)
         for s in result.bank.statements]
    assert "      so anyone can check it.\n    context:\n" in path.read_text(encoding="utf-8")


def test_the_command_without_the_article_or_on_a_broken_file_writes_nothing(
        tmp_path, capsys, no_article_folders):
    path = library(tmp_path, GOOD.replace(LIB_01, ""), article=False)
    assert cli.main(["context", str(path)]) == 1
    assert f"{path}: its article text article.txt was not found (looked in " in \
        capsys.readouterr().err
    broken = tmp_path / "broken.yaml"
    broken.write_text("article: [\n", encoding="utf-8")
    assert cli.main(["context", str(broken), str(tmp_path / "gone.yaml")]) == 1
    err = capsys.readouterr().err
    assert f"{broken}:" in err and f"{tmp_path / 'gone.yaml'}:1:1: no such file" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.yaml", "library.yaml"]
    flow = library(tmp_path, GOOD.replace(LIB_01, "").replace(
        "  - id: lib-02", "  - {id: lib-03, text: \"Council Votes\", label: fact}\n  - id: lib-02"),
        article=False)
    assert cli.main(["context", str(flow)]) == 1        # the article is not there
    shutil.copy(DATA / "article.txt", tmp_path)
    cli.main(["context", str(flow)])
    assert "statement 'lib-03' is not written a field a line; add its context by hand" in \
        capsys.readouterr().out


def test_the_command_never_changes_a_file_of_the_installed_game(capsys):
    inside = ROOT / "game" / "no-such-question-file.yaml"
    from game.authoring.contexts import fill_file
    code, said = fill_file(inside)
    assert code == 1 and "a file of the installed game is never changed" in said


# --- drafts ----------------------------------------------------------------------------

def test_a_draft_stores_each_statements_context_even_where_the_game_will_not_find_it(
        tmp_path, no_article_folders):
    (tmp_path / "a").mkdir()
    article = tmp_path / "a" / "story.txt"
    article.write_text("Storm Hits Coast\n\nThe storm reached the coast at noon, said the "
                       "mayor. It was, she said, a disgrace.\n", encoding="utf-8")
    out = tmp_path / "q.yaml"
    assert cli.main(["new-article", str(article), "--out", str(out)]) == 0
    statements = load_bank([out]).files[0].statements
    assert [(s.context.before, s.context.after) for s in statements] == [
        ("", "\nThe storm reached the coast at noon, said the mayor. It was, she said, a "
             "disgrace."),
        ("Storm Hits Coast\n", " It was, she said, a disgrace."),
        ("The storm reached the coast at noon, said the mayor. ", "")]
    assert draft.MAX_BYTES == 100_000


def test_a_long_sentence_past_a_paragraph_break_is_shown_whole():
    """At least one sentence on each side, however long: a paragraph break alone is none
    (g7-03 showed nothing after it)."""
    long = "A very long sentence " * 20 + "ends here."
    body = f"Short one. {long}\n\nThe quote is here.\n\n{long} Next one."
    found = around(body, "The quote is here.")
    assert found == type(found)(long + "\n", "\n" + long)
