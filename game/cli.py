"""The command line: `python run.py [--preset NAME] [validate|bank] ...`, the same as the
installed `byline` and `python -m game`."""
import argparse
import os
import sys

from game import __version__


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description="Byline: fact, opinion and sources.")
    parser.add_argument("--version", action="version", version=f"byline {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="keep settings (and results) here instead of the user's data folder")
    parser.add_argument("--questions", metavar="DIR", action="append", default=[],
                        help="read this folder's question files too (and its presets/), "
                             "after the shipped ones and your own; may be given again. A "
                             "file here wins an article id over the others")
    parser.add_argument("--preset", metavar="NAME",
                        help="play a teacher's round preset: a file in a presets/ folder "
                             "named without '.yaml' (week3), or a path to one")
    commands = parser.add_subparsers(dest="command")
    check = commands.add_parser("validate", help="check question files and list every problem")
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="question files or folders, and presets (files in a folder "
                            "called 'presets'); default: the shipped questions, your "
                            "question folder and --questions, with their presets")
    dump = commands.add_parser("bank", help="print the validated question bank")
    dump.add_argument("--json", action="store_true", required=True,
                      help="as one JSON object (the only format for now)")
    dump.add_argument("paths", nargs="*", metavar="PATH",
                      help="question files or folders (default: as the game reads)")
    shots = commands.add_parser("shots", help="render every screen to PNG files")
    shots.add_argument("dir", metavar="DIR")
    new = commands.add_parser("new-article", help="draft a question file from an article's "
                                                  "plain text, with suggestions to review")
    new.add_argument("article", metavar="ARTICLE.txt",
                     help="the article as plain text (UTF-8, Windows-1252, UTF-16…), "
                          "at most 100 KB")
    new.add_argument("--out", metavar="PATH",
                     help="the new question file (default: <headline>.yaml in your "
                          "question folder); an existing file is never replaced")
    look = commands.add_parser("review", help="review a draft in the game: accept, change or "
                                              "drop each suggested statement, fill in the "
                                              "article; written back into the file")
    look.add_argument("files", nargs="+", metavar="FILE", help="question files (drafts)")
    around = commands.add_parser("context", help="write into question files the article's "
                                                 "words around each quote, for computers "
                                                 "without the article's text")
    around.add_argument("paths", nargs="+", metavar="PATH", help="question files or folders")
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
    host = commands.add_parser("host", help="a class on their own devices: start in the lobby, "
                                             "where students join from a browser by code")
    host.add_argument("--preset", dest="host_preset", metavar="NAME",
                      help="the round to play: a preset, as for --preset (default: the round "
                           "setup last saved)")
    host.add_argument("--port", type=_port, metavar="N",
                      help="the port students type after the address (default: the first "
                           "free from 8123)")
    host.add_argument("--bind", metavar="ADDRESS",
                      help="this computer's address as students type it (default: its "
                           "address on the network; never 0.0.0.0)")
    host.add_argument("--resume", action="store_true",
                      help="take up the class game that was cut off (the game killed, the "
                           "machine stopped) where it stopped, on the same address and code")
    commands.add_parser("schema", help="write the JSON Schemas editors use to check "
                                       "question files and presets (docs/*.schema.json)")
    out = commands.add_parser("export", help="the statements for Moodle (GIFT) or a "
                                             "spreadsheet (CSV)")
    out.add_argument("--format", choices=("gift", "csv"), required=True)
    out.add_argument("--out", metavar="FILE", help="a new file (default: print)")
    out.add_argument("paths", nargs="*", metavar="PATH",
                     help="question files or folders (default: as the game reads)")
    into = commands.add_parser("import", help="a spreadsheet's statements (CSV, as export "
                                              "writes it) as a new question file")
    into.add_argument("csv", metavar="FILE.csv")
    into.add_argument("--out", metavar="FILE.yaml",
                      help="the question file to write (default: the spreadsheet's name, "
                           ".yaml, in your question folder)")
    into.add_argument("--article", metavar="ID",
                      help="the article whose rows to take, when the CSV holds several")
    return parser


def _port(value: str) -> int:
    if value.isdigit() and 1 <= int(value) <= 65535:
        return int(value)
    raise argparse.ArgumentTypeError(f"expected a port from 1 to 65535, not {value!r}")


def _date(value: str) -> str:
    import datetime
    try:
        return datetime.datetime.strptime(value, "%Y-%m-%d").date().isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date as YYYY-MM-DD, e.g. 2026-03-14, not {value!r}") from None


def run(argv=None, prog: str | None = None) -> int:
    """What run.py, `byline` and `python -m game` run: main's exit code, with a reader that
    stopped reading or a Ctrl+C ended as a shell expects instead of with a traceback. prog
    is the command as typed, for usage and errors (by default, the program's file name)."""
    try:
        code = main(argv, prog or os.path.basename(sys.argv[0]))
        sys.stdout.flush()
    except BrokenPipeError:
        # `run.py validate | head`: the reader has all it wanted; not an error to show.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 141      # as a program stopped by SIGPIPE would
    except KeyboardInterrupt:
        code = 130
    return code


def main(argv=None, prog: str = "run.py") -> int:
    """Each command's body lives beside what it works on; here, only which one to run."""
    args = _parser(prog).parse_args(argv)
    data_dir = getattr(args, "report_data_dir", None) or getattr(args, "auto_data_dir", None) \
        or args.data_dir
    from game.bank.folders import folders, shown
    from game.store.settings import default_data_dir
    places = folders(data_dir or default_data_dir(), args.questions)
    read = [shown(f) for f in places.questions]     # problems are said with these paths
    if args.command == "validate":
        from game.authoring.validate import validate
        return validate(args.paths, places)
    if args.command == "shots":
        from game.tools.shots import main as shots
        return shots(args.dir)
    if args.command == "bank":
        from game.authoring.exchange import dump_bank
        return dump_bank(args.paths or read)
    if args.command == "new-article":
        from game.authoring.draft import new_article
        return new_article(args.article, args.out, places)
    if args.command == "context":
        from game.authoring.contexts import fill
        return fill(args.paths)
    if args.command == "autoplay":
        from game.tools.autoplay import play
        code, line = play(args.seed, data_dir, max(0.0, args.delay), args.questions)
        print(line)
        return code
    if args.command == "report":
        from game.store.report import command
        return command(data_dir, args.player, args.since, args.csv, args.json,
                       read)
    if args.command == "schema":
        from game.authoring.json_schema import write
        return write()
    if args.command in ("export", "import"):
        from game.authoring import exchange
        if args.command == "export":
            return exchange.export(args.format, args.out, args.paths or read)
        return exchange.import_csv(args.csv, args.out, args.article, places)
    preset = None
    hosting = args.command == "host"
    name = args.host_preset if hosting else None
    if args.preset or name:
        from game.quiz.presets import open_preset
        preset, code = open_preset(name or args.preset, places)
        if preset is None:
            return code
    from game.app import App, Config
    if hosting:
        if args.bind in ("0.0.0.0", "::"):
            print("run.py host: --bind needs the address students type (this computer's "
                  "address on the network), not 0.0.0.0", file=sys.stderr)
            return 2
        return App(Config(data_dir=args.data_dir, questions=tuple(args.questions),
                          preset=preset, host=True, bind=args.bind, port=args.port,
                          resume=args.resume)).run()
    return App(Config(data_dir=args.data_dir, questions=tuple(args.questions),
                      preset=preset, review=tuple(getattr(args, "files", ())))).run()
