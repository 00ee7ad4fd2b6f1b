"""The teacher's report: each player's rounds, accuracy per skill and fact/opinion lean, and
the statements a class found hardest, built from the results store as plain data.

The command line prints it, writes it as CSV or JSON; the Progress and Class results
screens draw it. No pygame here, so `run.py report` starts quickly."""
import csv
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from game.bank import load_bank
from game.csvsafe import guard_row
from game.quiz.questions import FACT_CHOICES, SKILLS
from game.quiz.scoring import Lean, lean_of
from game.quiz.verdict import Tally, Verdict, tally_by_skill, tally_of
from game.quiz.wording import in_words
from game.store.results import FILE_NAME, Results
from game.store.settings import default_data_dir



class _Counted:
    """How many answers a summary counts, and how many were right: from its tally."""

    tally: Tally

    @property
    def answered(self) -> int:
        return self.tally.asked

    @property
    def right(self) -> int:
        return self.tally.right


@dataclass(frozen=True)
class RoundSummary(_Counted):
    id: int
    player: str
    started: str
    finished: str | None
    score: int | None
    mode: str
    tally: Tally                          # every answer of the round, by verdict
    by_skill: dict[str, Tally]
    lean: Lean | None                     # None: no fact-or-opinion answer to judge by

    @property
    def unfinished(self) -> bool:
        return self.finished is None


@dataclass(frozen=True)
class PlayerSummary(_Counted):
    name: str
    rounds: list[RoundSummary]
    best_score: int | None                # finished rounds only
    by_skill: dict[str, Tally]
    lean: Lean | None
    # The lean over all rounds up to each one: a round has too few fact-or-opinion answers
    # to judge a lean alone, but the running figure shows it settling, or moving.
    lean_so_far: tuple[Lean | None, ...] = ()

    @property
    def finished(self) -> int:
        return sum(not r.unfinished for r in self.rounds)

    @property
    def unfinished(self) -> int:
        return sum(r.unfinished for r in self.rounds)

    @property
    def tally(self) -> Tally:
        return sum((r.tally for r in self.rounds), Tally())


@dataclass(frozen=True)
class StatementSummary(_Counted):
    id: str                  # the statement id, or the question id when there is none
    text: str                # from the bank; the id when the bank no longer has it
    article: str             # the article id; "" when the bank does not know it
    tally: Tally
    commonest_wrong: str | None           # of the answers that were wrong, not partly right
    commonest_wrong_count: int

    @property
    def share(self) -> float:
        return self.tally.share


@dataclass(frozen=True)
class Report:
    players: list[PlayerSummary]
    statements: list[StatementSummary]     # hardest first
    answers: list[dict]                    # every answer, as in to_json
    problem: str | None = None             # the results could not all be read


# -- building ----------------------------------------------------------------------
def build(results, bank=None, player: str | None = None, since: str | None = None,
          round_ids=None) -> Report:
    """results: a game.store.results.Results. bank: for statement texts and for judging
    timed-out fact-or-opinion answers. player: a name in any case. since: 'YYYY-MM-DD'.
    round_ids: only these rounds (the last session, say)."""
    wanted = name_key(player) if player else None
    keep = set(round_ids) if round_ids is not None else None
    rounds = [r for r in results.rounds(since=since)
              if (wanted is None or name_key(r.player) == wanted)
              and (keep is None or r.id in keep)]
    ids = {r.id for r in rounds}
    rows = [_decoded(a) for a in results.answer_rows(since=since) if a["round_id"] in ids]
    labels = {s.id: s.label for s in bank.statements} if bank else {}

    per_round: dict[int, list[dict]] = {}
    for a in rows:
        per_round.setdefault(a["round_id"], []).append(a)
    summaries = [RoundSummary(r.id, r.player, r.started, r.finished, r.score, r.mode,
                              tally_of(a["verdict"] for a in per_round.get(r.id, [])),
                              _by_skill(per_round.get(r.id, [])),
                              _lean(per_round.get(r.id, []), labels))
                 for r in rounds]

    players = []
    for name in sorted({r.player for r in summaries}, key=name_key):
        mine = [r for r in summaries if r.player == name]
        answers = [a for r in mine for a in per_round.get(r.id, [])]
        scores = [r.score for r in mine if not r.unfinished and r.score is not None]
        so_far = tuple(_lean([a for r in mine[:i + 1] for a in per_round.get(r.id, [])],
                             labels) for i in range(len(mine)))
        players.append(PlayerSummary(name, mine, max(scores) if scores else None,
                                     _by_skill(answers), _lean(answers, labels), so_far))
    return Report(players, _statements(rows, bank), [_plain_answer(a) for a in rows],
                  results.problem)


def name_key(name: str) -> str:
    # casefold, unlike SQLite's NOCASE, also matches "ZOË" to "Zoë"
    return " ".join(name.split()).casefold()


def _decoded(row: dict) -> dict:
    """A stored answer with its given answer and verdict as the game had them (the store
    reads only verdicts it knows)."""
    try:
        given = json.loads(row["given"])
    except (TypeError, ValueError, RecursionError):     # text typed in by another program
        given = row["given"]
    try:    # a class's show of hands, {answer: hands}; None where none was counted
        hands = json.loads(row.get("hands") or "null")
    except (TypeError, ValueError, RecursionError):
        hands = None
    return {**row, "given": given, "verdict": Verdict(row["verdict"]), "hands": hands}


def _by_skill(answers: list[dict]) -> dict[str, Tally]:
    return tally_by_skill((a["skill"], a["verdict"]) for a in answers)


def _lean(answers: list[dict], labels: dict[str, str]) -> Lean | None:
    pairs = []
    for a in answers:
        if a["skill"] != "fact_or_opinion":
            continue
        given = a["given"]
        if isinstance(given, int) and 0 <= given < len(FACT_CHOICES):
            given = FACT_CHOICES[given]          # rows stored before answers were text
        said = isinstance(given, str) and given.startswith("Opinion")
        if given is None:
            # No answer says nothing of the truth, so the bank must; counted as not calling
            # it opinion, as the end-of-round screen does.
            if a["statement_id"] not in labels:
                continue
            truth = labels[a["statement_id"]] == "opinion"
        else:
            truth = said if a["verdict"] is Verdict.RIGHT else not said
        pairs.append((truth, said))
    return lean_of(pairs) if pairs else None


def readable(given) -> str:
    """A stored answer as the player saw it."""
    if isinstance(given, int):
        return f"choice {given + 1}"      # stored before answers were kept as text
    return in_words(given)


def _statements(rows: list[dict], bank) -> list[StatementSummary]:
    counts: dict[str, list] = {}
    for a in rows:
        key = a["statement_id"] or a["question_id"]
        entry = counts.setdefault(key, [Tally(), Counter()])
        entry[0] = entry[0].add(a["verdict"])
        if a["verdict"] is Verdict.WRONG:
            entry[1][readable(a["given"])] += 1
    known = _known(bank)
    found = []
    for key, (counted, wrong) in counts.items():
        text, article = known.get(key, (key, ""))
        commonest = wrong.most_common(1)
        found.append(StatementSummary(key, text, article, counted,
                                      commonest[0][0] if commonest else None,
                                      commonest[0][1] if commonest else 0))
    return sorted(found, key=lambda s: (s.share, -s.answered, s.id))


def _known(bank) -> dict[str, tuple[str, str]]:
    """(text, article id) for every statement and question id the bank has."""
    if bank is None:
        return {}
    known = {f"{a.id}/article_genre": (f"What kind of article is “{a.headline}”?", a.id)
             for a in bank.articles.values()}
    known.update((q.id, (q.prompt, q.article)) for q in bank.questions)
    known.update((s.id, (s.text, s.article)) for s in bank.statements)
    return known


def _plain_answer(a: dict) -> dict:
    return {"player": a["player"], "round": a["round_id"], "mode": a["mode"],
            "position": a["position"], "question_id": a["question_id"],
            "statement_id": a["statement_id"], "skill": a["skill"], "given": a["given"],
            "correct": a["verdict"] is Verdict.RIGHT, "verdict": a["verdict"].value,
            "credit": a["credit"], "points": a["points"],
            "seconds": a["seconds"], "confidence": a["confidence"], "answered": a["answered"],
            "hands": a["hands"]}


# -- text --------------------------------------------------------------------------
def lean_words(judged: Lean | None, player: bool = True) -> str:
    """The lean in words said to the player ("You lean…"), or, for the teacher's report,
    about them ("They lean…") with d′, the measure behind the words."""
    if judged is None or not judged.enough:
        return "not enough fact-or-opinion answers yet"
    words = f"{judged.sensitivity_words} {judged.words}"
    if player:
        return words
    return (f"d′ {judged.d_prime:.1f} ({D_PRIME_SCALE}). "
            + words.replace("You ", "They ").replace(" you ", " they "))


# What a d′ number means, beside it wherever a teacher reads one.
D_PRIME_SCALE = "0 is chance, 1 fair, 2 or more tells fact from opinion apart well"


def render_text(report: Report) -> str:
    lines = []
    if report.problem:
        lines += [f"Note: {report.problem}", ""]
    if not report.players:
        lines.append("No rounds recorded for this choice of player and dates.")
    for p in report.players:
        best = p.best_score if p.best_score is not None else "none yet (no finished round)"
        lines += [p.name,
                  f"  Rounds: {len(p.rounds)} played, {p.finished} finished, "
                  f"{p.unfinished} unfinished. Best score: {best}.",
                  f"  Right: {p.tally.words()}"]
        width = max((len(SKILLS.get(s, s)) for s in p.by_skill), default=0)
        lines += [f"    {SKILLS.get(s, s):<{width}}  {counted.words()}"
                  for s, counted in p.by_skill.items()]
        lines += [f"  Fact or opinion: {lean_words(p.lean, player=False)}", ""]
    if report.statements:
        lines += ["Statements, hardest first",
                  f"  {'Answered':>8} {'Right':>5} {'%':>4}  {'Commonest wrong answer':<32}"
                  "  Statement"]
        for s in report.statements:
            wrong = f"{s.commonest_wrong} ({s.commonest_wrong_count})" if s.commonest_wrong \
                else "—"
            lines.append(f"  {s.answered:>8} {s.right:>5} {s.share:>4.0%}  "
                         f"{_clip(wrong, 32):<32}  {s.id}: {_clip(s.text, 60)}")
    return "\n".join(lines).rstrip() + "\n"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


# -- files -------------------------------------------------------------------------
def write_csv(report: Report, path) -> list[Path]:
    """One row per player per round in `path`, one per statement in `<stem>-statements.csv`
    beside it. Each file is written whole or not at all; OSError when it cannot be."""
    path = Path(path)
    rounds_rows = [["Player", "Round", "Mode", "Started", "Finished", "Score", "Answered",
                    "Right", "Partly right", "% right",
                    *(f"% right: {name}" for name in SKILLS.values()), "d′", "c"]]
    for p in report.players:
        for r in p.rounds:
            enough = r.lean is not None and r.lean.enough
            rounds_rows.append([
                p.name, r.id, r.mode, _sheet_time(r.started),
                "unfinished" if r.unfinished else _sheet_time(r.finished),
                "" if r.unfinished or r.score is None else r.score,
                r.answered, r.right, r.tally.partly, _percent(r.tally),
                *(_percent(r.by_skill[s]) if s in r.by_skill else "" for s in SKILLS),
                r.lean.d_prime if enough else "", r.lean.bias if enough else ""])
    statement_rows = [["Statement", "Article", "Text", "Answered", "Right", "Partly right",
                       "% right", "Commonest wrong answer", "Times given"]]
    statement_rows += [[s.id, s.article, s.text, s.answered, s.right, s.tally.partly,
                        _percent(s.tally), s.commonest_wrong or "",
                        s.commonest_wrong_count or ""] for s in report.statements]
    targets = [path, path.with_name(f"{path.stem}-statements{path.suffix or '.csv'}")]
    temps = []
    try:
        for target, rows in zip(targets, (rounds_rows, statement_rows)):
            temps.append(_write_temp(target, rows))
        for temp, target in zip(temps, targets):
            os.replace(temp, target)
    finally:
        for temp in temps:
            temp.unlink(missing_ok=True)
    return targets


def _write_temp(target: Path, rows) -> Path:
    # Beside the target, so os.replace is a rename: a half-written CSV never replaces a
    # good one. utf-8-sig: Excel reads the BOM and shows "Zoë" instead of "ZoÃ«".
    # guard_row: a player's name or an answer is text, never a formula the sheet runs.
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(temp, "w", encoding="utf-8-sig", newline="") as out:
            csv.writer(out).writerows(map(guard_row, rows))
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _percent(counted: Tally):
    return "" if counted.percent is None else counted.percent


def _sheet_time(stamp: str | None) -> str:
    # Spreadsheets read "2026-03-14 09:05:00" as a date and time; the "T" form as text.
    return stamp.replace("T", " ") if stamp else ""


def to_json(report: Report) -> dict:
    def lean(judged: Lean | None):
        if judged is None:
            return None
        return {"d_prime": judged.d_prime, "c": judged.bias, "opinions": judged.opinions,
                "facts": judged.facts, "enough": judged.enough,
                "words": lean_words(judged, player=False)}

    def skills(by_skill):
        return {s: {"right": t.right, "partly": t.partly, "asked": t.asked}
                for s, t in by_skill.items()}

    return {
        "problem": report.problem,
        "players": [{
            "name": p.name, "best_score": p.best_score, "answered": p.answered,
            "right": p.right, "partly": p.tally.partly, "by_skill": skills(p.by_skill),
            "lean": lean(p.lean),
            "rounds": [{"id": r.id, "mode": r.mode, "started": r.started,
                        "finished": r.finished, "unfinished": r.unfinished, "score": r.score,
                        "answered": r.answered, "right": r.right, "partly": r.tally.partly,
                        "by_skill": skills(r.by_skill), "lean": lean(r.lean)}
                       for r in p.rounds]} for p in report.players],
        "statements": [{"id": s.id, "article": s.article, "text": s.text,
                        "answered": s.answered, "right": s.right, "partly": s.tally.partly,
                        "commonest_wrong": s.commonest_wrong,
                        "commonest_wrong_count": s.commonest_wrong_count}
                       for s in report.statements],
        "answers": report.answers,
    }


# -- the command -------------------------------------------------------------------
def command(data_dir, player: str | None, since: str | None, csv_file: str | None,
            as_json: bool, question_paths) -> int:
    """`run.py report`: as text, or CSV files, or JSON. The file is opened read-only: a
    report run while the game plays must never move or migrate the database the game is
    using."""
    folder = Path(data_dir or default_data_dir())
    if not (folder / FILE_NAME).is_file():
        print(f"No results yet in {folder}")
        return 0
    results = Results(folder, read_only=True)
    try:
        known = results.players()
        if player and not results.problem and all(
                name_key(player) != name_key(n) for n in known):
            print(f"No player called {player!r} in {folder}. Players: "
                  + (", ".join(known) or "none yet"), file=sys.stderr)
            return 1
        made = build(results, load_bank(question_paths).bank, player, since)
    finally:
        results.close()
    if made.problem and (csv_file or as_json):
        print(made.problem, file=sys.stderr)     # the text report begins with it
    if csv_file:
        try:
            written = write_csv(made, csv_file)
        except OSError as error:
            print(f"Could not write {csv_file}: {error.strerror or error}", file=sys.stderr)
            return 1
        print("Wrote " + " and ".join(map(str, written)),
              file=sys.stderr if as_json else sys.stdout)
    if as_json:
        json.dump(to_json(made), sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif not csv_file:
        print(render_text(made), end="")
    return 1 if made.problem else 0
