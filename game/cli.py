"""The command line: `python run.py [--preset NAME] [validate|bank] ...`."""
import argparse
import json
import os
import sys
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from game.bank import load_bank, question_files
from game.bank.paths import PROJECT
from game.quiz.questions import SKILLS, generate

DEFAULT_PATHS = [os.path.relpath(PROJECT / "questions")]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="run.py", description="Byline: fact, opinion and sources.")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="keep settings (and results) here instead of the user's data folder")
    parser.add_argument("--preset", metavar="NAME",
                        help="play a teacher's round preset: a file in questions/presets/ "
                             "named without '.yaml' (week3), or a path to one")
    commands = parser.add_subparsers(dest="command")
    check = commands.add_parser("validate", help="check question files and list every problem")
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="question files or folders, and presets (files in a folder "
                            "called 'presets'); default: questions/ and questions/presets/")
    dump = commands.add_parser("bank", help="print the validated question bank")
    dump.add_argument("--json", action="store_true", required=True,
                      help="as one JSON object (the only format for now)")
    dump.add_argument("paths", nargs="*", metavar="PATH",
                      help="question files or folders (default: questions/)")
    shots = commands.add_parser("shots", help="render every screen to PNG files")
    shots.add_argument("dir", metavar="DIR")
    new = commands.add_parser("new-article", help="draft a question file from an article's "
                                                  "plain text, with suggestions to review")
    new.add_argument("article", metavar="ARTICLE.txt",
                     help="the article as plain text (UTF-8, Windows-1252, UTF-16…), "
                          "at most 200 KB")
    new.add_argument("--out", metavar="PATH",
                     help="the new question file (default: questions/<headline>.yaml); "
                          "an existing file is never replaced")
    auto = commands.add_parser("autoplay", help="play one round with a scripted player, headless")
    auto.add_argument("--seed", type=int, required=True, metavar="N")
    auto.add_argument("--data-dir", dest="auto_data_dir", metavar="DIR")
    auto.add_argument("--delay", type=float, default=0.0, metavar="SECONDS",
                      help="thinking time before each answer (default 0)")
    rep = commands.add_parser("report", help="each player's results and the hardest statements")
    rep.add_argument("--player", metavar="NAME", help="one player (any case)")
    rep.add_argument("--since", type=_date, metavar="YYYY-MM-DD",
                     help="rounds started on or after this day")
    rep.add_argument("--csv", metavar="FILE",
                     help="write one row per round to FILE and the statements beside it")
    rep.add_argument("--json", action="store_true", help="print as one JSON object")
    rep.add_argument("--data-dir", dest="report_data_dir", metavar="DIR",
                     help="read the results kept here (as --data-dir before 'report')")
    commands.add_parser("schema", help="write the JSON Schemas editors use to check "
                                       "question files and presets (docs/*.schema.json)")
    out = commands.add_parser("export", help="the statements for Moodle (GIFT) or a "
                                             "spreadsheet (CSV)")
    out.add_argument("--format", choices=("gift", "csv"), required=True)
    out.add_argument("--out", metavar="FILE", help="a new file (default: print)")
    out.add_argument("paths", nargs="*", metavar="PATH",
                     help="question files or folders (default: questions/)")
    into = commands.add_parser("import", help="a spreadsheet's statements (CSV, as export "
                                              "writes it) as a new question file")
    into.add_argument("csv", metavar="FILE.csv")
    into.add_argument("--out", metavar="FILE.yaml", required=True,
                      help="the question file to write, e.g. questions/my-article.yaml")
    into.add_argument("--article", metavar="ID",
                      help="the article whose rows to take, when the CSV holds several")
    return parser


def _date(value: str) -> str:
    import datetime
    try:
        return datetime.datetime.strptime(value, "%Y-%m-%d").date().isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date as YYYY-MM-DD, e.g. 2026-03-14, not {value!r}") from None


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "validate":
        return validate(args.paths)
    if args.command == "shots":
        from game.shots import main as shots
        return shots(args.dir)
    if args.command == "bank":
        return dump_bank(args.paths or DEFAULT_PATHS)
    if args.command == "new-article":
        return new_article(args.article, args.out)
    if args.command == "autoplay":
        from game.autoplay import play
        code, line = play(args.seed, args.auto_data_dir or args.data_dir, max(0.0, args.delay))
        print(line)
        return code
    if args.command == "report":
        return report(args)
    if args.command == "schema":
        from game.authoring.json_schema import write
        return write()
    if args.command in ("export", "import"):
        from game.authoring import exchange
        if args.command == "export":
            return exchange.export(args.format, args.out, args.paths or DEFAULT_PATHS)
        return exchange.import_csv(args.csv, args.out, args.article, DEFAULT_PATHS)
    preset = None
    if args.preset:
        preset, code = open_preset(args.preset)
        if preset is None:
            return code
    from game.app import App, Config
    return App(Config(data_dir=args.data_dir, preset=preset)).run()


def open_preset(name: str):
    """The preset called name, checked against the bank the game loads; or None and the
    exit code, with the reason printed, before any window opens."""
    from game.quiz.presets import PRESET_DIR, find_preset, load_preset, preset_files
    folder = os.path.relpath(PRESET_DIR)
    path = find_preset(name, folder)
    if path is None:
        names = ", ".join(p.stem for p in preset_files(folder)) or "none yet"
        print(f"No preset '{name}'. The presets in {folder}{os.sep} are: {names}",
              file=sys.stderr)
        return None, 2
    preset, problems = load_preset(path, load_bank(DEFAULT_PATHS).bank)
    for problem in problems:
        print(problem, file=sys.stderr)
    return preset, 1 if problems else 0


def validate(paths) -> int:
    """Question files, then presets checked against the bank those files make. A path in
    a folder called 'presets', or that folder, is a preset. Without paths: questions/ and
    questions/presets/."""
    from game.quiz.presets import PRESET_DIR
    # Not resolve(): it fails on a symlink loop, and a link's target has another name.
    presets = [p for p in paths if "presets" in Path(os.path.abspath(p)).parts[-2:]]
    questions = [p for p in paths if p not in presets] or DEFAULT_PATHS
    if not paths and PRESET_DIR.is_dir():
        presets = [os.path.relpath(PRESET_DIR)]
    result = load_bank(questions)
    code = _validate_bank(result, questions)
    return max(code, validate_presets(presets, result.bank)) if presets else code


def validate_presets(paths, bank) -> int:
    from game.quiz.presets import load_preset
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
        _to_review(result)
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
    recorded = sum(bool(s.record) for s in bank.statements)
    print(f"{recorded} statement{' says' if recorded == 1 else 's say'} what the record shows")
    cues = [c for s in bank.statements for c in s.cues]
    relayed = sum(not c.writers for c in cues)
    print(f"Cue words: {len(cues) - relayed} the writer's own, {relayed} someone else's "
          "(quoted or relayed by the writer)")
    _to_review(result)
    return 0


def _to_review(result) -> None:
    """Statements a draft suggested that a teacher has not yet checked: not problems
    (the file plays without them), but not played either."""
    for found in result.files:
        waiting = sum(not s.reviewed for s in found.statements)
        if waiting:
            print(f"{found.path}: {waiting} statement(s) still to review (reviewed: false)")


def new_article(article: str, out: str | None) -> int:
    """Draft a question file from an article (game.authoring.draft), never replacing one."""
    from game.authoring import draft
    try:
        made = draft.make(Path(article), Path(out) if out else None)
        draft.write(made)
    except draft.DraftError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Could not write the draft: {error.strerror or error}", file=sys.stderr)
        return 1
    for note in made.notes:
        print("Note: " + note)
    shown = os.path.relpath(made.path)
    shown = str(made.path.resolve()) if shown.startswith("..") else shown
    print(f"Wrote {shown}: {made.statements} statements to review ({made.opinions} suggested "
          f"opinion, {made.statements - made.opinions} fact); {made.dropped} line(s) that are "
          "not part of the article are listed in a comment at the top.")
    print("Next:\n"
          "  1. Fill in every \"FILL IN\" of the article section (genre, provenance, and what "
          "the text does not state).\n"
          "  2. For each statement, check the suggested label, source, source_kind and cues "
          "(and whose judgment each cue is) against the reasons in the comment above it, write its explanation, then set "
          "reviewed: true (or delete the statement).\n"
          f"  3. python run.py validate {shown}   (lists what is left; statements still to "
          "review are counted and never played)\n"
          "  4. python run.py   (the file plays once validate finds no problems)")
    return 0


def dump_bank(paths) -> int:
    result = load_bank(paths)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    bank = result.bank
    out = {
        "articles": [_plain(a) for a in bank.articles.values()],
        "statements": [_plain(s) for s in bank.statements],
        "questions": [_plain(q) for q in bank.questions],
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 1 if result.problems else 0


def _plain(model) -> dict:
    data = asdict(model)
    data.pop("where", None)
    return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}


def report(args) -> int:
    """The teacher's report. The file is opened read-only: a report run while the game
    plays must never move or migrate the database the game is using."""
    from game import report as reports
    from game.store.results import FILE_NAME, Results
    from game.store.settings import default_data_dir
    folder = Path(args.report_data_dir or args.data_dir or default_data_dir())
    if not (folder / FILE_NAME).is_file():
        print(f"No results yet in {folder}")
        return 0
    results = Results(folder, read_only=True)
    try:
        known = results.players()
        if args.player and not results.problem and all(
                reports.name_key(args.player) != reports.name_key(n) for n in known):
            print(f"No player called {args.player!r} in {folder}. Players: "
                  + (", ".join(known) or "none yet"), file=sys.stderr)
            return 1
        made = reports.build(results, load_bank(DEFAULT_PATHS).bank, args.player, args.since)
    finally:
        results.close()
    if made.problem and (args.csv or args.json):
        print(made.problem, file=sys.stderr)     # the text report begins with it
    if args.csv:
        try:
            written = reports.write_csv(made, args.csv)
        except OSError as error:
            print(f"Could not write {args.csv}: {error.strerror or error}", file=sys.stderr)
            return 1
        print("Wrote " + " and ".join(map(str, written)),
              file=sys.stderr if args.json else sys.stdout)
    if args.json:
        json.dump(reports.to_json(made), sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif not args.csv:
        print(reports.render_text(made), end="")
    return 1 if made.problem else 0
