"""`run.py validate`: every problem of every question file and preset, or what the bank
holds (articles, statements, questions per type, the fact/opinion balance)."""
import os
from collections import Counter
from pathlib import Path

from game import shipped
from game.bank import load_bank, question_files
from game.bank.folders import shown
from game.bank.paths import article_candidates
from game.quiz.presets import load_preset
from game.quiz.questions import SKILLS, generate


def validate(paths, places) -> int:
    """Question files, then presets checked against the bank those files make. A path in
    a folder called 'presets', or that folder, is a preset. Without paths: the folders the
    game reads (places, a game.bank.folders.Folders) and their presets, which it names."""
    # Not resolve(): it fails on a symlink loop, and a link's target has another name.
    presets = [p for p in paths if "presets" in Path(os.path.abspath(p)).parts[-2:]]
    questions = [p for p in paths if p not in presets] or [shown(f) for f in places.questions]
    if not paths:
        made = places.make_teacher_folder()     # as the game's first start does
        if made:
            print(made)
        presets = [shown(f) for f in places.presets if f.is_dir()]
    result = load_bank(questions)
    code = _validate_bank(result, questions)
    if not paths:
        print("Read from:")
        for folder in places.questions:
            print(f"  {places.name(folder)}: {shown(folder)}")
    for used, instead in result.replaced:
        print(f"{used} is played instead of {instead}: it has the same article id")
    return max(code, validate_presets(presets, result.bank)) if presets else code



def validate_presets(paths, bank) -> int:
    files, problems = question_files(paths)
    for path in files:
        problems.extend(load_preset(path, bank)[1])
    for problem in problems:
        print(problem)
    if problems:
        bad = len({p.path for p in problems})
        print(f"\n{len(problems)} problem(s) in {bad} preset(s); "
              f"{len(files) - bad} preset(s) are fine.")
        return 1
    print(f"OK: {len(files)} preset(s).")
    return 0


def _validate_bank(result, paths) -> int:
    if result.problems:
        for problem in result.problems:
            print(problem)
        fine = sum(not f.errors for f in result.files)
        print(f"\n{len(result.problems)} problem(s) in {len(result.skipped)} file(s); "
              f"{fine} file(s) are fine.")
        _notices(result)
        return 1
    bank = result.bank
    if not result.files:
        print("No question files found in " + ", ".join(map(str, paths)))
        return 1
    questions = generate(bank)
    per_skill = Counter(q.skill for q in questions)
    labels = Counter(s.label for s in bank.statements)
    total = len(bank.statements) or 1
    checked = sum(f.quotes_checked for f in result.files)
    print(f"OK: {len(result.files)} file(s), {len(bank.articles)} article(s), "
          f"{len(bank.statements)} statements, {len(questions)} questions.")
    print("Questions per type:")
    for skill, name in SKILLS.items():
        print(f"  {name:<26}{per_skill[skill]:>5}")
    print(f"Fact/opinion balance: {labels['fact']} fact ({labels['fact'] / total:.0%}), "
          f"{labels['opinion']} opinion ({labels['opinion'] / total:.0%})")
    print(f"Quotes checked against the article text: {checked} of {len(result.files)} file(s)")
    # Not a problem: the game plays without an article's text (a clone of it has none), but
    # a teacher should know which quotes nothing checked, and where the text was looked for.
    unchecked = [f for f in result.files if not f.quotes_checked and f.article
                 and f.article.text_file]
    ours = [f for f in unchecked if shipped.PACKAGED and shipped.QUESTIONS in
            Path(f.path).absolute().parents]
    if ours:
        print(f"  {len(ours)} file(s) that come with Byline ship without their articles' "
              "texts; Byline's own tests check their quotes and context against them")
    for found in unchecked:
        if found not in ours:
            looked = ", ".join(str(shown(c.parent)) for c in
                               article_candidates(found.article.text_file, found.path))
            print(f"  {found.path}: its article text {found.article.text_file} was not found "
                  f"(looked in {looked})")
    recorded = sum(bool(s.record) for s in bank.statements)
    print(f"{recorded} statement{' says' if recorded == 1 else 's say'} what the record shows")
    also = sum(bool(s.source_also_fits) for s in bank.statements)
    print(f"{also} statement{' names' if also == 1 else 's name'} another source a fair reader "
          "could give (partly right)")
    cues = [c for s in bank.statements for c in s.cues]
    relayed = sum(not c.writers for c in cues)
    print(f"Cue words: {len(cues) - relayed} the writer's own, {relayed} someone else's "
          "(quoted or relayed by the writer)")
    _notices(result)
    return 0


def _notices(result) -> None:
    """Not problems (the file plays), but what a teacher may want to do: statements a
    draft suggested that nobody has checked yet (never played), and statements that store
    no context (where the article's text is not, a player asking for the sentences around
    the quote sees the neighbouring statements instead)."""
    for found in result.files:
        waiting = sum(not s.reviewed for s in found.statements)
        if waiting:
            print(f"{found.path}: {waiting} statement(s) still to review (reviewed: false)")
        bare = sum(s.context is None for s in found.statements)
        if bare and not found.errors:       # problems first: they keep the file out
            how = "" if found.quotes_checked else \
                "put the article's text file beside it, then "
            print(f"{found.path}: {bare} statement(s) store no context (the sentences around "
                  "the quote, for computers without the article's text); to add it, "
                  f"{how}run: {shipped.COMMAND} context {found.path}")
