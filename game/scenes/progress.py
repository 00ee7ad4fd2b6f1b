"""What the results database says, in the game: one player's progress over their rounds,
and the class's last session statement by statement. Both read through game.store.report,
the same figures as `run.py report`."""
from game.intents import Kind
from game.quiz.questions import SKILLS
from game.quiz.seats import MODES
from game.scenes.document import HINT, DocumentScene
from game.store import report

SHOWN_ROUNDS = 12       # columns per chart: the latest rounds
LEAN_RANGE = 1.5        # c beyond this is drawn at the edge of the chart


class ProgressScene(DocumentScene):
    """←→ switch between the players this computer knows, then the classes, listed apart."""

    def __init__(self, app):
        super().__init__(app)
        self.classes = app.results.classes()
        apart = {n.casefold() for n in self.classes}
        self.players = [n for n in app.results.players() if n.casefold() not in apart] \
            + self.classes
        known = [n.casefold() for n in self.players]
        last = app.settings.player.casefold()
        self.index = known.index(last) if last in known else 0

    def _is_class(self, index: int) -> bool:
        return index >= len(self.players) - len(self.classes)

    @property
    def title(self) -> str:
        if not self.players:
            return "Progress"
        name = self.players[self.index]
        return f"Progress: {name} (class)" if self._is_class(self.index) else f"Progress: {name}"

    def handle(self, intent) -> None:
        if intent.kind in (Kind.LEFT, Kind.RIGHT) and len(self.players) > 1:
            step = -1 if intent.kind == Kind.LEFT else 1
            self.index = (self.index + step) % len(self.players)
            self.scroll.offset = 0
            self._cache_key = None
        else:
            super().handle(intent)

    def hint(self) -> str:
        return "←→: player   ↑↓ PgUp PgDn: scroll   Esc: back" if len(self.players) > 1 \
            else HINT

    def _who(self) -> str:
        """Which of the players or classes this is, and who else there is."""
        students = self.players[:len(self.players) - len(self.classes)]
        if self._is_class(self.index):
            place = f"Class {self.index - len(students) + 1} of {len(self.classes)}"
        else:
            place = f"Player {self.index + 1} of {len(students)}"
        lists = [f"{kind}: {', '.join(names)}" for kind, names in
                 (("Players", students), ("Classes", self.classes)) if names]
        return f"{place}.   " + "   ·   ".join(lists)

    def items(self) -> list:
        if not self.players:
            return [("p", "No rounds yet. Play a round and your progress shows here.")]
        name = self.players[self.index]
        found = report.build(self.app.results, self.app.loaded.bank, player=name)
        note = [("p", f"Note: {found.problem}")] if found.problem else []
        if not found.players:
            return note + [("p", f"{name} has not played a round yet.")]
        p = found.players[0]
        items = note + [("muted", self._who())]
        best = p.best_score if p.best_score is not None else "none yet"
        unfinished = f", {p.unfinished} not finished" if p.unfinished else ""
        items += [("h", "Overall"),
                  ("p", f"{len(p.rounds)} round(s) played{unfinished}. Best score: {best}. "
                        f"Right: {p.tally.words()}.")]
        rounds = p.rounds[-SHOWN_ROUNDS:]
        items += [("h", "Right answers per skill, round by round"),
                  ("muted", "One column per round, oldest on the left; a full column is "
                            "every question of that skill right, a gap is a round without it.")]
        for skill, counted in p.by_skill.items():
            per_round = [r.by_skill[skill].share if skill in r.by_skill else None
                         for r in rounds]
            items.append(("columns", (SKILLS.get(skill, skill), per_round, 0.0, 1.0,
                                      counted.words())))
        items += [("h", "Fact or opinion: the lean so far, round by round"),
                  ("muted", "Each column counts every fact-or-opinion answer up to that "
                            "round. Above the line: a lean to answering “fact”; below it: to "
                            "“opinion”; near the line: no lean. A gap: too few answers yet.")]
        leans = [lean.bias if lean is not None and lean.enough else None
                 for lean in p.lean_so_far[-SHOWN_ROUNDS:]]
        items += [("columns", ("Lean", leans, -LEAN_RANGE, LEAN_RANGE, "")),
                  ("p", "Overall: " + report.lean_words(p.lean)),
                  ("h", "Rounds")]
        for r in reversed(p.rounds):
            score = "not finished" if r.unfinished else f"score {r.score}"
            mode = MODES[r.mode].in_passing if r.mode in MODES else r.mode
            items.append(("p", f"{r.started.replace('T', ' ')[:16]} · {mode} · {score} · "
                               f"{r.right} of {r.answered} right"
                               f"{r.tally.partly_words()}"))
        return items


class ClassResultsScene(DocumentScene):
    """The rounds of this session (since the game started), or else of the last day
    anything was played: who played, and every statement, hardest first."""

    title = "Class results"

    def items(self) -> list:
        results = self.app.results
        rounds = results.rounds()
        session = [r.id for r in rounds if r.started >= self.app.started]
        if session:
            when = f"This session, since {self.app.started[11:16]}"
        elif rounds:
            day = rounds[-1].started[:10]
            session = [r.id for r in rounds if r.started.startswith(day)]
            when = f"The last day with results, {day}"
        else:
            return [("p", "No results yet. Play a round, or a hot-seat, whole-class or "
                          "class-on-devices round, and the class's answers show here.")]
        found = report.build(results, self.app.loaded.bank, round_ids=session)
        items = [("p", f"Note: {found.problem}")] if found.problem else []
        items += [("muted", f"{when}: {len(session)} round(s), {len(found.players)} player(s). "
                            "For a gradebook: python run.py report --csv FILE"),
                 ("h", "Statements, hardest first"),
                 ("muted", "Each bar is the share of answers that were right.")]
        for s in found.statements:
            wrong = f" · most common wrong answer: {s.commonest_wrong}" if s.commonest_wrong \
                else ""
            items.append(("bar", (s.text, s.share, f"{s.right} of {s.answered} right"
                                                   f"{s.tally.partly_words()}{wrong}")))
        items.append(("h", "Players"))
        for p in found.players:
            best = f" · best score {p.best_score}" if p.best_score is not None else ""
            # How they played: alone, in a hot seat, as a class, on their own devices.
            how = ", ".join(dict.fromkeys(MODES[r.mode].in_passing if r.mode in MODES
                                          else r.mode for r in p.rounds))
            items.append(("p", f"{p.name} ({how}): {p.tally.words(' right')}{best}"))
            skills = " · ".join(f"{SKILLS.get(s, s).rstrip('?')} {n.words()}"
                                for s, n in p.by_skill.items())
            items.append(("muted", f"{skills}. Fact or opinion: "
                                   f"{report.lean_words(p.lean, player=False)}"))
        return items
