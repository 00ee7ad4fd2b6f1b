"""The command line: `python run.py [validate|bank] ...`."""
import argparse
import json
import os
import sys
from collections import Counter
from dataclasses import asdict

from game.bank import load_bank
from game.bank.loader import PROJECT
from game.quiz.questions import SKILLS, generate

DEFAULT_PATHS = [os.path.relpath(PROJECT / "questions")]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="run.py", description="Byline: fact, opinion and sources.")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="keep settings (and results) here instead of the user's data folder")
    commands = parser.add_subparsers(dest="command")
    check = commands.add_parser("validate", help="check question files and list every problem")
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="question files or folders (default: questions/)")
    dump = commands.add_parser("bank", help="print the validated question bank")
    dump.add_argument("--json", action="store_true", required=True,
                      help="as one JSON object (the only format for now)")
    dump.add_argument("paths", nargs="*", metavar="PATH",
                      help="question files or folders (default: questions/)")
    shots = commands.add_parser("shots", help="render every screen to PNG files")
    shots.add_argument("dir", metavar="DIR")
    auto = commands.add_parser("autoplay", help="play one round with a scripted player, headless")
    auto.add_argument("--seed", type=int, required=True, metavar="N")
    auto.add_argument("--data-dir", dest="auto_data_dir", metavar="DIR")
    auto.add_argument("--delay", type=float, default=0.0, metavar="SECONDS",
                      help="thinking time before each answer (default 0)")
    return parser


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "validate":
        return validate(args.paths or DEFAULT_PATHS)
    if args.command == "shots":
        from game.shots import main as shots
        return shots(args.dir)
    if args.command == "bank":
        return dump_bank(args.paths or DEFAULT_PATHS)
    if args.command == "autoplay":
        from game.autoplay import play
        code, line = play(args.seed, args.auto_data_dir or args.data_dir, max(0.0, args.delay))
        print(line)
        return code
    from game.app import App, Config
    return App(Config(data_dir=args.data_dir)).run()


def validate(paths) -> int:
    result = load_bank(paths)
    if result.problems:
        for problem in result.problems:
            print(problem)
        bad = len(result.skipped) + sum(1 for p in result.problems
                                        if p.path not in result.skipped)
        print(f"\n{len(result.problems)} problem(s) in {bad} file(s); "
              f"{len(result.files) - len(result.skipped)} file(s) are fine.")
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
