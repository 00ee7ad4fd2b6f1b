"""The end-of-round review: every question, both answers, the whole explanation, the
opinion words marked in the sentence, the source and the article it came from."""
from game.bank.models import SOURCE_KINDS
from game.quiz.hands import right_hands, spread_words
from game.quiz.questions import RECORD_HEADING, SKILLS, quoted_with_cues, whose_words
from game.quiz.scoring import points_words
from game.quiz.wording import given_words, right_words
from game.scenes.document import DocumentScene
from game.ui.words import legend


class ReviewScene(DocumentScene):
    title = "Review: every answer explained"

    def __init__(self, app, play):
        """play: one player's RoundState, or the seats of a hot-seat round."""
        super().__init__(app)
        self.seats = play if isinstance(play, list) else None
        self.state = None if self.seats else play

    def items(self) -> list:
        if self.seats is None:
            return [item for n, answer in enumerate(self.state.answers, 1)
                    for item in self._question(n, answer.question, [("", answer)])]
        if all(s.state.questions == self.seats[0].state.questions for s in self.seats):
            # The same questions for every seat: each once, with everyone's answer.
            return [item for n, q in enumerate(self.seats[0].state.questions, 1)
                    if n <= len(self.seats[-1].state.answers)
                    for item in self._question(n, q, [(s.name, s.state.answers[n - 1])
                                                      for s in self.seats])]
        items = []
        for seat in self.seats:
            items.append(("h", f"{seat.name}’s questions"))
            for n, answer in enumerate(seat.state.answers, 1):
                items += self._question(n, answer.question, [(seat.name, answer)])
        return items

    def _question(self, n: int, q, answers) -> list:
        """One question: who answered what, the sentence, the right answer and why."""
        bank = self.app.loaded.bank
        statement = next((s for s in bank.statements if s.id == q.statement), None)
        article = bank.articles.get(q.article)
        items = [("h", f"{n}. {SKILLS[q.skill]}")]
        for name, answer in answers:
            points = points_words(answer)
            points = f" · {points}" if points else ""
            sure = (f" · {'said' if name else 'you said'}: {answer.confidence}"
                    if answer.confidence else "")
            who = f"{name}: " if name else ""
            items.append(("mark", (answer.verdict.value,
                                   who + answer.verdict.word + points + sure)))
        first, after = picked_words(q, answers) if q.skill == "opinion_words" else ([], [])
        if first:
            items += first
        elif statement is not None:
            items.append(("quote", quoted_with_cues(statement.text, statement.cue_words)))
        elif q.text:
            items.append(("p", q.text))
        items.append(("p", q.prompt))
        # "Zoë O'Brien, Jr. answered", not "Jr.’s answer".
        for name, a in answers:
            items.append(("p", f"{name} answered: {given_words(a)}" if name
                          else f"Your answer: {given_words(a)}"))
            if a.note:
                items.append(("p", a.note))
        hands = next((a.hands for _, a in answers if a.hands), None)    # a class's
        beside = f" — {right_hands(q, hands)}" if hands and q.choices else ""
        items.append(("p", f"Right answer: {right_words(q)}{beside}"))
        if hands:
            items.append(("p", spread_words(q, hands)))
        items += [("p", q.explanation)] + after
        if q.record:
            items += [("sub", RECORD_HEADING), ("p", q.record)]
        if statement is not None:
            kind = SOURCE_KINDS[statement.source_kind].lower()
            source = kind if statement.source_kind == "author" \
                else f"{statement.source} ({kind})"     # not "the author (the author …)"
            items.append(("muted", f"Source: {source}."
                                   + (f" Marked: {whose_words(statement)}."
                                      if statement.cues else "")))
        if article is not None:
            items.append(("muted", f"Article: {article.credit} · "
                                   f"{article.genre}"))
        items.append(("gap", ""))
        return items


def picked_words(q, answers) -> tuple[list, list]:
    """Items for game.ui.doc.lay_out: the sentence of an opinion-words question marked as
    the feedback marks it, the judgment words beside the picks. For one answer, the
    sentence with both, to go first; for several (a hot seat), the sentence with the
    judgment words first, and each seat's picks to go after the explanation, under its
    name. Returns (first, after)."""
    if len(answers) == 1:
        given = answers[0][1].given
        return [("words", (q.text, q.words, q.cue_words, frozenset(given or ()))),
                ("muted", legend("your" if not answers[0][0] else "their"))], []
    after = [("sub", "What each seat picked")]
    for name, answer in answers:
        after += [("p", f"{name}:"),
                  ("words", (q.text, q.words, q.cue_words, frozenset(answer.given or ())))]
    return [("words", (q.text, q.words, q.cue_words, None))], after + [("muted", legend("their"))]
