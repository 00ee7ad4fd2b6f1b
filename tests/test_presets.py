"""Round presets: a teacher's file that gives a whole class the same round."""
import os
import subprocess
import sys

import pygame
import pytest

from conftest import DATA, ROOT, run
from pilot import key, new_app
from game.bank import load_bank, question_files
from game.quiz.presets import PRESET_DIR, find_preset, load_preset, preset_files
from game.quiz.round import build_round
from game.scenes.name import NameScene
from game.scenes.question import QuestionScene
from game.scenes.title import TitleScene

PRESETS = DATA / "presets"


def ids(bank, preset):
    return [q.id for q in build_round(bank, preset.setup)]


def test_shipped_presets_load_and_fill_their_rounds(bank):
    assert {p.stem for p in preset_files()} >= {"week3", "sources"}
    for path in preset_files():
        preset, errors = load_preset(path, bank)
        assert errors == [], [str(e) for e in errors]
        assert preset.title and len(ids(bank, preset)) == preset.setup.count


def test_week3_reads_every_field(bank):
    preset, _ = load_preset(PRESET_DIR / "week3.yaml", bank)
    setup = preset.setup
    assert setup.articles == ("cnn-37-times", "inquisitr-g7")
    assert setup.skills == ("fact_or_opinion", "opinion_words")
    assert (setup.max_difficulty, setup.count, setup.timer_seconds) == (2, 10, None)
    assert setup.confidence and not setup.speed_points and setup.show_scores
    assert setup.seed == 3


def test_switches_timer_and_defaults(bank):
    preset, errors = load_preset(PRESETS / "good.yaml", bank)
    assert errors == []
    setup = preset.setup
    assert preset.title == "Fixture"
    assert (setup.max_difficulty, setup.count, setup.timer_seconds) == (1, 5, 20)
    assert setup.confidence and setup.speed_points and not setup.show_scores   # yes, on, false
    assert setup.articles == () and setup.seed == 7


def test_the_order_skills_are_listed_in_does_not_change_the_round(bank, tmp_path):
    one, other = tmp_path / "one.yaml", tmp_path / "other.yaml"
    one.write_text("skills: [source_kind, fact_or_opinion]\nseed: 5\n", encoding="utf-8")
    other.write_text("skills: [fact_or_opinion, source_kind]\nseed: 5\n", encoding="utf-8")
    assert ids(bank, load_preset(one, bank)[0]) == ids(bank, load_preset(other, bank)[0])


def test_same_preset_same_questions_in_the_same_order(bank):
    path = PRESET_DIR / "week3.yaml"
    first = ids(bank, load_preset(path, bank)[0])
    again = ids(load_bank([ROOT / "questions"]).bank, load_preset(path, bank)[0])
    assert first == again and len(first) == 10


def test_same_preset_same_questions_in_another_process(bank):
    """Another student's computer: a fresh interpreter, with another string-hash seed."""
    script = ("from game.bank import load_bank; from game.quiz.presets import *; "
              "from game.quiz.round import build_round; b = load_bank(['questions']).bank; "
              "p = load_preset(find_preset('sources'), b)[0]; "
              "print(' '.join(q.id for q in build_round(b, p.setup)))")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, env=dict(os.environ, PYTHONHASHSEED="12345"), timeout=60)
    assert done.returncode == 0, done.stderr
    expected = ids(bank, load_preset(PRESET_DIR / "sources.yaml", bank)[0])
    assert done.stdout.split() == expected


CASES = [
    ("unknown_field", 3, 1, "unknown field 'qestions' in the preset — did you mean 'questions'?"),
    ("article", 2, 26, "an item of 'articles' in the preset is 'osaka-repots'; expected one "
                       "of: cnn-37-times, inquisitr-g7, ordo-putin-needs, osaka-repost, "
                       "resist-brief — did you mean 'osaka-repost'?"),
    ("skill", 4, 5, "an item of 'skills' in the preset is 'fact_or_opinon'; expected one of: "
                    "fact_or_opinion, who_is_source, source_kind, opinion_words, "
                    "article_genre — did you mean 'fact_or_opinion'?"),
    ("difficulty", 2, 13, "'difficulty' in the preset is 'medum'; expected one of: easy, "
                          "medium, hard — did you mean 'medium'?"),
    ("questions", 2, 12, "'questions' in the preset is 40; expected a whole number from 5 "
                         "to 30"),
    ("timer", 3, 8, "'timer' in the preset should be off, or a number of seconds from 10 to "
                    "180; found the text '30 seconds'"),
    ("switch", 2, 13, "'confidence' in the preset should be true or false; found the text "
                      "'maybe'"),
    ("yes_no", 2, 8, "'title' in the preset should be a short text for the players; found "
                     "true/false (YAML reads yes/no, on/off and true/false as true/false; put "
                     "quotes around it)"),
    ("missing_seed", 2, 1, "the preset has no 'seed' (expected a whole number such as 42"),
    ("too_few", 5, 12, "this preset finds only 5 questions for 'questions: 12'"),
    ("syntax", 2, 14, "YAML syntax error: a ': ' (colon and space) inside a value; put the "
                      "whole value in double quotes"),
]


@pytest.mark.parametrize("name,line,column,message", CASES, ids=[c[0] for c in CASES])
def test_broken_preset_reports_message_and_position(bank, name, line, column, message):
    path = PRESETS / f"bad_{name}.yaml"
    preset, errors = load_preset(path, bank)
    assert preset is None
    assert len(errors) == 1, [str(e) for e in errors]
    assert errors[0].message.startswith(message)
    assert str(errors[0]).startswith(f"{path}:{line}:{column}: ")


def test_every_problem_of_a_preset_is_reported_at_once(bank, tmp_path):
    path = tmp_path / "many.yaml"
    path.write_text("skils: [fact_or_opinion]\nquestions: 3\ntimer: on\nseed: 1\n",
                    encoding="utf-8")
    _, errors = load_preset(path, bank)
    assert [(e.line, e.column) for e in errors] == [(1, 1), (2, 12), (3, 8)]
    assert "did you mean 'skills'?" in errors[0].message
    assert errors[2].message == "'timer' in the preset is 'on'; expected off, or a number " \
                                "of seconds from 10 to 180"


def test_empty_preset_and_empty_skills(bank, tmp_path):
    empty = tmp_path / "empty.yaml"
    empty.write_text("# nothing yet\n", encoding="utf-8")
    assert load_preset(empty, bank)[1][0].message.startswith("the preset is empty")
    none = tmp_path / "none.yaml"
    none.write_text("skills: []\nseed: 1\n", encoding="utf-8")
    assert "lists no skills" in load_preset(none, bank)[1][0].message


def test_find_preset_by_name_or_path():
    assert find_preset("week3") == PRESET_DIR / "week3.yaml"
    assert find_preset(str(PRESETS / "good.yaml")) == PRESETS / "good.yaml"
    assert find_preset("week99") is None
    assert find_preset(str(PRESETS / "nope.yaml")) is None


def test_question_loader_skips_the_presets_folder():
    assert PRESET_DIR.is_dir()
    files, _ = question_files([ROOT / "questions"])
    assert files and not any(PRESET_DIR in f.parents for f in files)
    assert load_bank([ROOT / "questions"]).problems == []


# The command line.

def test_validate_checks_the_shipped_presets_too():
    done = run("validate")
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines()[-1] == "OK: 2 preset(s)."


def test_validate_one_preset_by_path():
    done = run("validate", str(PRESET_DIR / "week3.yaml"))
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines()[-1] == "OK: 1 preset(s)."


def test_validate_bad_presets_prints_file_line_column_and_exits_1():
    done = run("validate", str(PRESETS / "bad_article.yaml"), str(PRESETS / "good.yaml"))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert any(line.startswith(f"{PRESETS / 'bad_article.yaml'}:2:26: an item of 'articles'")
               for line in lines)
    assert lines[-1] == "1 problem(s) in 1 preset(s); 1 preset(s) are fine."


def test_preset_option_missing_lists_the_presets_and_exits_2():
    done = run("--preset", "week99")
    assert done.returncode == 2
    assert "No preset 'week99'" in done.stderr and "sources, week3" in done.stderr


def test_preset_option_bad_prints_its_problems_and_exits_1():
    path = PRESETS / "bad_skill.yaml"
    done = run("--preset", str(path))
    assert done.returncode == 1
    assert done.stderr.startswith(f"{path}:4:5: an item of 'skills'")


# The game.

def start_preset(bank, name):
    preset, _ = load_preset(find_preset(name), bank)
    app = new_app(preset=preset)
    assert isinstance(app.scene, NameScene)
    assert isinstance(app.stack[0], TitleScene)
    key(app, pygame.K_RETURN)                       # as Player 1
    assert isinstance(app.scene, QuestionScene)
    return app, preset


def test_preset_goes_from_the_name_straight_into_its_round(bank):
    app, preset = start_preset(bank, "week3")
    state = app.scene.state
    assert state.setup == preset.setup
    assert [q.id for q in state.questions] == ids(bank, preset)
    assert pygame.display.get_caption()[0] == "Byline — Week 3: fact or opinion?"
    pygame.quit()
    again, _ = start_preset(bank, "week3")
    assert [q.id for q in again.scene.state.questions] == [q.id for q in state.questions]
    pygame.quit()


def test_escape_from_the_name_goes_back_to_the_title(bank):
    preset, _ = load_preset(find_preset("sources"), bank)
    app = new_app(preset=preset)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, TitleScene) and len(app.stack) == 1
    pygame.quit()
