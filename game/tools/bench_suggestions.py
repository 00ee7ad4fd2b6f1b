"""How well the suggester agrees with the hand-labelled bank.

    python -m game.tools.bench_suggestions [--all] [PATH ...]

By default it measures two sets: the shipped bank (questions/), and invented news the project
wrote for this bench (tests/data/invented/: four articles of four genres, balanced between
fact and opinion, with the hard cases: reported opinions, vague attributions, predictions,
"will" in a scheduled future, "should" as the writer's demand, the writer's judgment round a
fact). The invented set was written and committed before any rule was tuned on it, so the
rules cannot have been fitted to it; it is never played.

For every article whose text_file is found, the article is split as new-article splits it
and read sentence by sentence (so that "he" and a quotation's speaker are known from what
came before, as in a draft); each hand-written statement is suggested for when the reading
reaches the sentence holding it. Prints label accuracy, cue-word precision and recall,
how often a cue's owner (the writer or someone else) agrees, source and kind-of-source accuracy, how many statements the splitter reproduces, and the
statements whose suggested label is wrong (all disagreements with --all)."""
import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from game.authoring.sentences import split
from game.authoring.suggest import Memory, Suggester, Suggestion
from game.bank import Statement, load_bank
from game import shipped
from game.bank.paths import find_article_file

INVENTED = shipped.ROOT / "tests" / "data" / "invented"     # a checkout's, never shipped
_STOP = {"the", "a", "an", "in", "on", "of", "his", "her", "its", "s", "their", "with"}


@dataclass
class Result:
    pairs: list[tuple[Statement, Suggestion]] = field(default_factory=list)
    exact: int = 0          # statements that are one of the splitter's sentences
    inside: int = 0         # statements that are part of one
    sentences: int = 0

    @property
    def label_accuracy(self) -> float:
        return _share(s.label == g.label for s, g in self.pairs)

    @property
    def source_accuracy(self) -> float:
        return _share(same_source(g.source, s.source) for s, g in self.pairs)

    @property
    def kind_accuracy(self) -> float:
        return _share(s.source_kind == g.source_kind for s, g in self.pairs)

    def cue_counts(self) -> tuple[int, int, int]:
        """(right, suggested, hand-written) cue words, over all statements."""
        right = suggested = written = 0
        for s, g in self.pairs:
            mine, theirs = _words(g.cues), _words(s.cues)
            right += len(mine & theirs)
            suggested += len(mine)
            written += len(theirs)
        return right, suggested, written

    def owner_agreement(self) -> tuple[int, int]:
        """(agreeing, compared): of the cue words both found, how many the suggester gives
        the same kind of owner as the bank (the writer's, or someone else's)."""
        agree = compared = 0
        for s, g in self.pairs:
            mine, theirs = _owned(g.cues), _owned(s.cues)
            for word in mine.keys() & theirs.keys():
                compared += 1
                agree += mine[word] == theirs[word]
        return agree, compared


def _owned(cues) -> dict[str, bool]:
    """Each cue word, and whether it is the writer's."""
    return {w: cue.writers for cue in cues for w in re.findall(r"\w+", cue.words.casefold())}


def _share(flags) -> float:
    flags = list(flags)
    return sum(flags) / len(flags) if flags else 0.0


def _words(cues) -> set[str]:
    return {w for cue in cues for w in re.findall(r"\w+", cue.words.casefold())}


def same_source(suggested: str, written: str) -> bool:
    """The same source, written more or less fully: every word of one is in the other
    ("Bolton’s memoir" and "John Bolton, Trump’s former national security adviser, in
    his memoir"), leaving out articles, possessives and the like."""
    mine = set(re.findall(r"\w+", suggested.casefold())) - _STOP
    theirs = set(re.findall(r"\w+", written.casefold())) - _STOP
    return bool(mine and theirs) and (mine <= theirs or theirs <= mine)


def measure(paths=(shipped.QUESTIONS,), suggester: Suggester | None = None) -> Result:
    suggester = suggester or Suggester()
    loaded = load_bank(paths)
    result = Result()
    for path_result in loaded.files:
        article = path_result.article
        if article is None:
            continue
        found = find_article_file(article.text_file, Path(path_result.path))
        if found is None:
            continue
        text = found.read_text(encoding="utf-8-sig")
        sentences = split(text).sentences
        result.sentences += len(sentences)
        statements = [s for s in loaded.bank.statements if s.article == article.id]
        result.exact += sum(s.text in sentences for s in statements)
        result.inside += sum(s.text not in sentences and any(s.text in t for t in sentences)
                             for s in statements)
        memory = Memory.of(text)
        waiting = list(statements)
        for sentence in sentences:
            for s in [s for s in waiting if s.text in sentence or sentence in s.text]:
                result.pairs.append((s, suggester.suggest(s.text, memory)))
                waiting.remove(s)
            memory.note(sentence, suggester.suggest(sentence, memory))
        result.pairs += [(s, suggester.suggest(s.text, Memory.of(text))) for s in waiting]
    order = {s.id: i for i, s in enumerate(loaded.bank.statements)}
    result.pairs.sort(key=lambda pair: order[pair[0].id])
    return result


def report(result: Result, every: bool = False) -> str:
    n = len(result.pairs)
    right, suggested, written = result.cue_counts()
    agree, compared = result.owner_agreement()
    lines = [
        f"Statements compared: {n} (hand-labelled, in articles whose text was found)",
        f"Label accuracy:        {result.label_accuracy:.1%}",
        f"Cue words:             precision {right / max(suggested, 1):.1%} "
        f"({right} of {suggested} suggested), recall {right / max(written, 1):.1%} "
        f"({right} of {written} hand-written)",
        f"Cue owners:            {agree / max(compared, 1):.1%} ({agree} of {compared} cue "
        "words found by both: the writer's, or someone else's, as the bank says)",
        f"Source accuracy:       {result.source_accuracy:.1%} (same words, more or less fully)",
        f"Kind-of-source:        {result.kind_accuracy:.1%}",
        f"Splitter:              {result.exact} of {n} statements are exactly one of its "
        f"{result.sentences} sentences; {result.inside} more are part of one",
        "",
        "Suggested label wrong:" if not every else "Disagreements:",
    ]
    for s, g in result.pairs:
        wrong = [f"label {g.label} (hand: {s.label})"] if g.label != s.label else []
        if every:
            if not same_source(g.source, s.source):
                wrong.append(f"source '{g.source}' (hand: '{s.source}')")
            if g.source_kind != s.source_kind:
                wrong.append(f"kind {g.source_kind} (hand: {s.source_kind})")
        if wrong:
            lines.append(f"  {s.id}: " + "; ".join(wrong))
            lines.append(f"      “{_clip(s.text)}”")
            lines.append("      because: " + ("; ".join(g.reasons) or "no rule fired"))
    return "\n".join(lines)


def _clip(text: str, size: int = 110) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.tools.bench_suggestions",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true",
                        help="list every disagreement, not only wrong labels")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="question files or folders (default: the shipped bank, then the "
                             "invented set)")
    args = parser.parse_args(argv)
    sets = [(str(p), p) for p in args.paths] or [("the shipped bank", shipped.QUESTIONS),
                                                  ("the invented set", INVENTED)]
    code = 0
    for name, path in sets:
        result = measure((path,))
        print(f"== {name} ({path})")
        if not result.pairs:
            print("No hand-labelled statements with a readable text_file found.\n")
            code = 1
            continue
        print(report(result, args.all) + "\n")
    return code


if __name__ == "__main__":
    sys.exit(main())
