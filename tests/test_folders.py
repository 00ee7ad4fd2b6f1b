"""A teacher's own questions, in their own folder: read after the shipped bank (a file there
wins an article id over a shipped one, and validate says so), then each --questions folder;
made on the first start with a README; where new-article and import write; never anything
written among the shipped questions."""
import os
import shutil

from conftest import ARTICLES, DATA, ROOT, run
from game import shipped
from pilot import new_app

OSAKA = ROOT / "questions" / "osaka-repost.yaml"


def _listing(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if "__pycache__" not in p.parts)


def _copy_retitled(folder, title: str):
    """The shipped osaka-repost.yaml copied into folder with its title changed, as a teacher
    edits a copy; its article text is not beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    text = OSAKA.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("  title: "))
    copy = folder / "osaka-repost.yaml"
    copy.write_text(text.replace(old, f'  title: "{title}"', 1), encoding="utf-8")
    return copy


def test_the_first_start_makes_the_teachers_folder_with_a_readme(tmp_path):
    app = new_app(data_dir=tmp_path)
    mine = tmp_path / "questions"
    assert (mine / "presets").is_dir()
    readme = (mine / "README.md").read_text(encoding="utf-8")
    assert "new-article" in readme and "same article id" in readme
    assert app.folders.teacher == mine and mine in app.question_paths
    assert app.notices == []
    # A teacher's own README is never replaced.
    (mine / "README.md").write_text("mine", encoding="utf-8")
    new_app(data_dir=tmp_path)
    assert (mine / "README.md").read_text(encoding="utf-8") == "mine"


def test_the_teachers_folder_keeps_this_versions_schemas_for_the_editor(tmp_path):
    mine = tmp_path / "questions"
    mine.mkdir()
    (mine / "question-file.schema.json").write_text("{} an older version's", encoding="utf-8")
    new_app(data_dir=tmp_path)
    for schema in shipped.SCHEMAS:
        assert (mine / schema.name).read_bytes() == schema.read_bytes()
    article = tmp_path / "council.txt"
    shutil.copy(DATA / "article.txt", article)
    assert run("--data-dir", tmp_path, "new-article", article).returncode == 0
    draft = next(mine.glob("*.yaml")).read_text(encoding="utf-8").splitlines()
    # relative, so the folder can be copied to another machine or a shared drive
    assert draft[0] == "# yaml-language-server: $schema=question-file.schema.json"
    assert f"Format: {shipped.DOCS / 'question-format.md'}" in draft[1]


def test_a_teachers_copy_of_a_shipped_file_is_played_and_validate_says_so(tmp_path):
    _copy_retitled(tmp_path / "questions", "Our own Osaka repost")
    app = new_app(data_dir=tmp_path)
    bank = app.loaded.bank
    assert bank.articles["osaka-repost"].title == "Our own Osaka repost"
    assert len(bank.articles) == 5 and not app.loaded.problems
    assert {f.path for f in app.loaded.files if f.article.id == "osaka-repost"} == {
        str(tmp_path / "questions" / "osaka-repost.yaml")}
    done = run("--data-dir", tmp_path, "validate")
    assert done.returncode == 0, done.stdout
    assert done.stdout.startswith("OK: 5 file(s), 5 article(s)")
    lines = done.stdout.splitlines()
    assert f"  your question folder: {tmp_path / 'questions'}" in lines
    assert "  the questions that come with Byline: questions" in lines
    assert (f"{tmp_path / 'questions' / 'osaka-repost.yaml'} is played instead of "
            "questions/osaka-repost.yaml: it has the same article id") in lines


def test_a_questions_folder_is_read_last_and_wins(tmp_path):
    _copy_retitled(tmp_path / "questions", "The teacher's")
    shared = _copy_retitled(tmp_path / "class-share", "The class's").parent
    shutil.copy(DATA / "good.yaml", shared / "good.yaml")
    app = new_app(data_dir=tmp_path, questions=(shared,))
    assert app.loaded.bank.articles["osaka-repost"].title == "The class's"
    assert len(app.loaded.bank.articles) == 6 and not app.loaded.problems
    done = run("--data-dir", tmp_path, "--questions", shared, "validate")
    assert done.returncode == 0 and "OK: 6 file(s), 6 article(s)" in done.stdout
    assert f"  a folder named with --questions: {shared}" in done.stdout.splitlines()
    assert done.stdout.count("is played instead of") == 2


def test_a_folder_named_twice_is_read_once(tmp_path):
    _copy_retitled(tmp_path / "questions", "Mine")
    done = run("--data-dir", tmp_path, "--questions", tmp_path / "questions", "--questions",
               ROOT / "questions", "validate")
    assert done.returncode == 0, done.stdout
    assert done.stdout.count("is played instead of") == 1
    assert "--questions" not in done.stdout


def test_the_same_article_twice_in_one_folder_is_still_a_problem(tmp_path):
    mine = tmp_path / "questions"
    _copy_retitled(mine, "One")
    shutil.copy(mine / "osaka-repost.yaml", mine / "osaka-again.yaml")
    done = run("--data-dir", tmp_path, "validate")
    assert done.returncode == 1
    assert "the article id 'osaka-repost' is already used at" in done.stdout


def test_a_missing_questions_folder_is_said(tmp_path):
    done = run("--data-dir", tmp_path, "--questions", tmp_path / "nowhere", "validate")
    assert done.returncode == 1
    assert f"{tmp_path / 'nowhere'}:1:1: no such file or folder" in done.stdout


def test_no_teachers_folder_can_be_made_the_game_says_so_and_plays_the_shipped_bank(tmp_path):
    (tmp_path / "questions").write_text("a file where the folder would be", encoding="utf-8")
    app = new_app(data_dir=tmp_path)
    assert len(app.loaded.bank.articles) == 5
    assert any("could not be made" in n and str(tmp_path / "questions") in n
               for n in app.notices)


def test_new_article_and_import_write_into_the_teachers_folder(tmp_path):
    before = _listing(shipped.QUESTIONS)
    article = tmp_path / "downloads" / "school-board.txt"
    article.parent.mkdir()
    shutil.copy(DATA / "article.txt", article)
    done = run("--data-dir", tmp_path / "data", "new-article", article, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    drafts = list((tmp_path / "data" / "questions").glob("*.yaml"))
    assert len(drafts) == 1
    assert f"Wrote {drafts[0].relative_to(tmp_path)}:" in done.stdout     # as typed from here
    table = tmp_path / "osaka-sheet.csv"
    assert run("export", "--format", "csv", "--out", table).returncode == 0
    done = run("--data-dir", tmp_path / "data", "import", table, "--article", "osaka-repost",
               cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    imported = tmp_path / "data" / "questions" / "osaka-sheet.yaml"
    assert imported.is_file() and f"Wrote {imported}:" in done.stdout
    # and the game plays it instead of the shipped file, saying so in validate
    checked = run("--data-dir", tmp_path / "data", "validate", cwd=tmp_path).stdout
    assert "osaka-sheet.yaml is played instead of" in checked
    assert _listing(shipped.QUESTIONS) == before


def test_a_teachers_preset_is_found_by_name_and_wins_over_a_shipped_one(tmp_path):
    presets = tmp_path / "questions" / "presets"
    presets.mkdir(parents=True)
    (presets / "week3.yaml").write_text("title: Our week 3\nseed: 7\nquestions: 5\n",
                                        encoding="utf-8")
    (presets / "friday.yaml").write_text("title: Friday\nseed: 8\n", encoding="utf-8")
    from game.bank.folders import folders
    from game.quiz.presets import open_preset
    places = folders(tmp_path)
    assert open_preset("week3", places)[0].title == "Our week 3"
    assert open_preset("friday", places)[0].title == "Friday"
    assert open_preset("sources", places)[0] is not None      # a shipped one still
    done = run("--data-dir", tmp_path, "--preset", "nope")
    assert done.returncode == 2
    assert "friday, sources, week3" in done.stderr and str(presets) in done.stderr
    done = run("--data-dir", tmp_path, "validate")
    assert done.returncode == 0 and "OK: 4 preset(s)." in done.stdout


def test_the_article_text_is_found_in_the_articles_folder_beside_a_teachers_file(tmp_path):
    if not ARTICLES.is_dir() and not os.environ.get("CI"):
        import pytest
        pytest.skip("../shared/articles is not beside this checkout")
    mine = tmp_path / "questions"
    copy = _copy_retitled(mine, "Checked")
    (mine / "articles").mkdir()
    text_file = next(line.split(": ", 1)[1] for line in copy.read_text().splitlines()
                     if line.startswith("  text_file: "))
    shutil.copy(ARTICLES / text_file, mine / "articles" / text_file)
    done = run("validate", copy)
    assert "Quotes checked against the article text: 1 of 1 file(s)" in done.stdout
