"""How question generation grows with the statements of one article.

    python -m game.tools.bench_questions

Prints the time to generate every question for 350 and for 3,500 statements and their
ratio: about 10 is linear (ten times the statements, ten times the time); about 100 is
quadratic, as it was before issue 10, when a file of 3,500 statements took 31 s to start.
Then the time to read and generate a file holding the most statements a file may hold.
Not a test: timings vary by machine (tests/test_questions.py counts the work instead)."""
import statistics
import sys
import tempfile
import time
from pathlib import Path

from game.bank.models import Article, Bank, Cue, Statement
from game.quiz.questions import generate

RUNS = 5


def synthetic_bank(count: int) -> Bank:
    """One article with count statements, each from a source of its own: the worst case
    for choosing wrong answers, as every statement adds one more to choose from."""
    article = Article(id="bench", headline="Bench", outlet="not stated",
                      author="not stated", date="not stated", genre="news analysis",
                      genre_explanation="For the bench.", provenance=("Made up.",))
    bank = Bank(articles={"bench": article})
    for n in range(count):
        opinion = n % 2 == 1
        bank.statements.append(Statement(
            id=f"bench-{n}", article="bench",
            text=f"Statement {n} says the plan is {'a shameful failure' if opinion else 'due'}.",
            label="opinion" if opinion else "fact", source=f"Source number {n}",
            source_kind="official", cues=(Cue("shameful"),) if opinion else (),
            difficulty=1 + n % 3, explanation="For the bench."))
    return bank


def seconds(action) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _question_file(count: int) -> str:
    lines = ["article:", "  id: bench", "  headline: Bench", "  outlet: not stated",
             "  author: not stated", "  date: not stated", "  genre: news analysis",
             "  genre_explanation: For the bench.", "  provenance: [Made up.]", "statements:"]
    for n in range(count):
        lines += [f"  - id: bench-{n}", f"    text: Statement {n} says the plan is due.",
                  "    label: fact", f"    source: Source number {n}",
                  "    source_kind: official", "    difficulty: 1",
                  "    explanation: For the bench."]
    return "\n".join(lines) + "\n"


def main() -> int:
    small, large = synthetic_bank(350), synthetic_bank(3_500)
    t_small, t_large = seconds(lambda: generate(small)), seconds(lambda: generate(large))
    print(f"generate, 350 statements:   {t_small * 1000:8.1f} ms")
    print(f"generate, 3,500 statements: {t_large * 1000:8.1f} ms")
    print(f"ratio: {t_large / t_small:.1f} (10 is linear, 100 quadratic)")
    from game.bank import load_bank
    from game.bank.schema import MAX_ITEMS
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.yaml"
        path.write_text(_question_file(MAX_ITEMS), encoding="utf-8")
        loaded = [None]
        t_load = seconds(lambda: loaded.__setitem__(0, load_bank([path])))
        assert not loaded[0].problems, loaded[0].problems[:3]
        t_generate = seconds(lambda: generate(loaded[0].bank))
    print(f"a file of {MAX_ITEMS:,} statements (the most a file may hold): read in "
          f"{t_load * 1000:.0f} ms, its questions generated in {t_generate * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
