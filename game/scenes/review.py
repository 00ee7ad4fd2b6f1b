"""The end-of-round review: every question, both answers, the whole explanation, the
opinion words marked in the sentence, the source and the article it came from."""
from game.bank.models import SOURCE_KINDS
from game.quiz.questions import SKILLS, cue_spans
from game.scenes.reading import ReadingScene


def given_words(answer) -> str:
    q, given = answer.question, answer.given
    if given is None:
        return "no answer (time ran out)"
    if q.skill == "opinion_words":
        words = q.word_texts()
        chosen = [words[i] for i in sorted(given)]
        return ", ".join(f"“{w}”" for w in chosen) if chosen else "no words"
    return q.choices[given]


def right_words(question) -> str:
    if question.skill == "opinion_words":
        words = question.word_texts()
        return ", ".join(f"“{words[i]}”" for i in sorted(question.cue_words))
    return question.choices[question.answer]


class ReviewScene(ReadingScene):
    title = "Review: every answer explained"

    def __init__(self, app, state):
        super().__init__(app)
        self.state = state

    def items(self) -> list:
        bank = self.app.loaded.bank
        statements = {s.id: s for s in bank.statements}
        items = []
        for n, answer in enumerate(self.state.answers, 1):
            q = answer.question
            statement = statements.get(q.statement)
            article = bank.articles.get(q.article)
            verdict = "Right" if answer.correct else "Not quite"
            points = f" · {answer.points:+d} points" if answer.points else ""
            sure = f" · you said: {answer.confidence}" if answer.confidence else ""
            items += [("h", f"{n}. {SKILLS[q.skill]}"), ("mark", (answer.correct,
                                                                verdict + points + sure))]
            if statement is not None:
                marks = tuple((a + 1, b + 1) for a, b in cue_spans(statement.text,
                                                                   statement.cues))
                items.append(("quote", (f"“{statement.text}”", marks)))
            elif q.text:
                items.append(("p", q.text))
            items += [("p", q.prompt),
                      ("p", f"Your answer: {given_words(answer)}"),
                      ("p", f"Right answer: {right_words(q)}"),
                      ("p", q.explanation)]
            if statement is not None:
                items.append(("muted", f"Source: {statement.source} "
                                       f"({SOURCE_KINDS[statement.source_kind].lower()})."
                                       + (" Opinion words are marked." if statement.cues
                                          else "")))
            if article is not None:
                items.append(("muted", f"Article: “{article.headline}” · {article.outlet} · "
                                       f"{article.genre}"))
            items.append(("gap", ""))
        return items
