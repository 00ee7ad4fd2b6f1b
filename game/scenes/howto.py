"""How to play: what fact, opinion and source mean here, each with an example from the bank."""
from game.bank.models import SOURCE_KINDS
from game.quiz.questions import quoted_with_cues
from game.scenes.document import DocumentScene


def example(statements, wanted):
    """The easiest, shortest whole sentence that fits, with no quotation inside it: the
    clearest example the bank has, whatever articles a teacher has added."""
    fitting = [s for s in statements if wanted(s) and len(s.text) >= 40
               and s.text.rstrip().endswith(".") and not any(q in s.text for q in "“”\"")]
    return min(fitting, key=lambda s: (s.difficulty, len(s.text)), default=None)


class HowToScene(DocumentScene):
    title = "How to play"

    def items(self) -> list:
        bank = self.app.loaded.bank
        statements = bank.statements
        fact = example(statements, lambda s: s.label == "fact" and s.source_kind == "author")
        opinion = example(statements, lambda s: s.label == "opinion" and s.cues)
        sourced = example(statements, lambda s: s.source_kind not in ("author", "anonymous"))
        items = [
            ("h", "Fact: checkable"),
            ("p", "A fact, in this game, is a statement that evidence could prove or disprove: "
                  "a date, a number, who said or did what. Checkable is not the same as true. "
                  "A checkable claim can be wrong, and it is still a claim of fact: you would "
                  "check it, not argue about it."),
        ]
        items += self._example(bank, fact)
        items += [
            ("gap", ""),
            ("h", "Opinion: a judgment"),
            ("p", "An opinion is a judgment, belief or value that no evidence can settle. Look "
                  "for the words that carry it: praise or blame, “should”, loaded labels. In "
                  "the review after each round they are highlighted."),
        ]
        items += self._example(bank, opinion)
        items += [
            ("p", "When a text reports that a named person holds an opinion (“X said the plan "
                  "was a disaster”), the sentence itself is a fact: whether X said it can be "
                  "checked. The judgment belongs to X, not to the writer."),
            ("gap", ""),
            ("h", "Source: who the claim comes from"),
            ("p", "The source is whoever the text says a claim comes from: “according to …”, "
                  "“… said”, “… wrote on Twitter”. When nobody is named, the claim is the "
                  "author's own. The kinds of source are: "
                  + "; ".join(k.lower() for k in SOURCE_KINDS.values()) + "."),
        ]
        items += self._example(bank, sourced, source=True)
        items += [
            ("gap", ""),
            ("h", "Playing"),
            ("p", "Each question quotes a sentence from a real article. Answer with 1–4 or a "
                  "click; for fact or opinion, F or O. Press C to read the sentences around the "
                  "quote. In “spot the opinion words”, move with the arrows and select words "
                  "with Space or a click, then press Enter."),
            ("p", "A right answer earns 100 points, and each answer in a row adds 10 more (up "
                  "to 50). With the timer and speed points on, a quick answer earns up to 50 extra. With "
                  "“how sure are you?” on, a sure answer wins more when right and loses more "
                  "when wrong; a guess risks nothing."),
            ("p", "At the end of a round, the results say how well you told fact from opinion "
                  "and whether you lean to one answer, and the review explains every question."),
            ("muted", "Esc goes back from any screen. F11 switches full screen. Text size and "
                      "high-contrast colours are in Settings."),
        ]
        return items

    @staticmethod
    def _example(bank, statement, source=False) -> list:
        if statement is None:
            return []
        article = bank.articles[statement.article]
        lines = [("quote", quoted_with_cues(statement.text,
                                            () if source else statement.cue_words)),
                 ("muted", f"From: {article.display_title}")]
        if source:
            lines.append(("p", f"Source: {statement.source}. Kind: "
                               f"{SOURCE_KINDS[statement.source_kind].lower()}."))
        lines.append(("p", statement.explanation))
        return lines
