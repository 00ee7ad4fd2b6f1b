"""`run.py export` and `run.py import`: moving statements to Moodle or a spreadsheet and
back. Like every command that writes, they never overwrite a file: a teacher's work is
never lost to a mistyped name. And `run.py bank --json`: the checked bank for programs."""
import json
import sys
from dataclasses import asdict
from pathlib import Path

from game.bank import load_bank
from game.bank.folders import shown
from game.authoring import gift, sheet
from game.files import FileProblem, read_file


def _write_new(path: Path, data: bytes) -> bool:
    try:
        with open(path, "xb") as out:
            out.write(data)
    except FileExistsError:
        print(f"{path} already exists; Byline never overwrites a file: remove it or "
              "choose another name", file=sys.stderr)
        return False
    except OSError as error:
        print(f"Could not write {path}: {error.strerror or error}", file=sys.stderr)
        return False
    return True


def export(fmt: str, out: str | None, paths) -> int:
    """The bank as GIFT or CSV, to a new file or to standard output. Files with problems
    are listed and left out, as `run.py bank --json` does."""
    result = load_bank(paths)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    statements = result.bank.statements
    if fmt == "gift":
        data = gift.to_gift(result.bank).encode("utf-8")
    else:
        statements = [s for f in result.files if not f.errors for s in f.statements]
        # With a BOM, Excel opens the file as UTF-8 instead of guessing the encoding.
        data = sheet.to_csv(result.bank.articles, statements).encode(
            "utf-8-sig" if out else "utf-8")
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    elif not _write_new(Path(out), data):
        return 1
    else:
        print(f"Wrote {out}: {len(statements)} statements from "
              f"{len(result.bank.articles)} article(s)", file=sys.stderr)
    return 1 if result.problems else 0


def import_csv(csv_file: str, out: str | None, article: str | None, places) -> int:
    """One article's rows of a spreadsheet as a new question file, or every bad row: as
    out, or by default in the teacher's question folder, named as the spreadsheet."""
    if out is None:
        problem = places.make_teacher_folder()
        if problem:
            print(problem.split(";")[0] + "; say where it goes with --out FILE.yaml",
                  file=sys.stderr)
            return 1
        out = str(places.teacher / f"{Path(csv_file).stem}.yaml")
    paths = [shown(f) for f in places.questions]
    out_path = Path(out)
    if out_path.exists():
        _write_new(out_path, b"")       # says why, and writes nothing
        return 1
    if out_path.suffix not in (".yaml", ".yml"):
        print(f"{out} should end in .yaml, like questions/my-article.yaml", file=sys.stderr)
        return 1
    if not out_path.parent.is_dir():
        print(f"No folder {out_path.parent} for {out}", file=sys.stderr)
        return 1
    try:
        data = read_file(csv_file, sheet.MAX_BYTES, "a spreadsheet to import")
    except FileProblem as problem:
        print(f"{csv_file}: {problem}", file=sys.stderr)
        return 1
    made = sheet.import_rows(csv_file, data, out_path, load_bank(paths).bank, article)
    if made.text is None:
        for problem in made.problems:
            print(problem, file=sys.stderr)
        print(f"\n{len(made.problems)} problem(s); nothing was written.", file=sys.stderr)
        return 1
    if not _write_new(out_path, made.text.encode("utf-8")):
        return 1
    print(f"Wrote {out}: {made.count} statement(s) of the article '{made.article}'.")
    for note in made.notes:
        print(note)
    return 0


def dump_bank(paths) -> int:
    """The bank as one JSON object on standard output; files with problems are listed on
    standard error and left out."""
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
