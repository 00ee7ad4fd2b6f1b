"""Render every screen built so far to PNG, at 1280×720 and 960×540, for people to look at."""
import os
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.app import App, Config  # noqa: E402
from game.quiz.play import RoundState  # noqa: E402
from game.quiz.questions import generate  # noqa: E402
from game.quiz.round import RoundSetup  # noqa: E402
from game.scenes.feedback import FeedbackScene  # noqa: E402
from game.scenes.question import QuestionScene  # noqa: E402
from game.scenes.results import ResultsScene  # noqa: E402

SIZES = ((1280, 720), (960, 540))


def _longest(questions, skill):
    return max((q for q in questions if q.skill == skill), key=lambda q: len(q.text))


def shoot(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    saved = []
    for size in SIZES:
        app = App(Config(size=size, seed=1, data_dir=tempfile.mkdtemp()))
        tag = f"{size[0]}x{size[1]}"

        def save(name):
            app.step()
            path = out / f"{name}-{tag}.png"
            pygame.image.save(app.screen, path)
            saved.append(path)

        save("title")
        questions = generate(app.loaded.bank, seed=1)
        skills = ("fact_or_opinion", "who_is_source", "source_kind", "opinion_words",
                  "article_genre", "hand_written")
        # The longest sentence of each kind: the hardest case for the layout.
        picked = [_longest(questions, s) if s not in ("article_genre", "hand_written")
                  else next(q for q in questions if q.skill == s) for s in skills]
        state = RoundState(RoundSetup(count=len(picked)), picked)
        scene = QuestionScene(app, state)
        app.push(scene)
        for q in picked:
            save(f"question-{q.skill}")
            given = q.cue_words if q.skill == "opinion_words" else q.answer
            if q.skill == "who_is_source":
                given = (q.answer + 1) % len(q.choices)
            scene._answer(given)
            save(f"feedback-{'right' if state.answers[-1].correct else 'wrong'}-{q.skill}")
            app.pop()
            app.step()
        app.stack[-1:] = [ResultsScene(app, state)]
        save("results")
        pygame.quit()
    return saved


def main(out: str) -> int:
    for path in shoot(Path(out)):
        print(path)
    return 0
