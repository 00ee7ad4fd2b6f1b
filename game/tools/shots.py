"""Render every screen to PNG, at 1280×720, 960×540 and 1920×1080, at every text size, for
people to look at."""
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.app import App, Config  # noqa: E402
from game import shipped  # noqa: E402
from game.intents import Intent, Kind  # noqa: E402
from game.quiz.questions import generate  # noqa: E402
from game.quiz.round import RoundSetup  # noqa: E402
from game.quiz.state import RoundState  # noqa: E402
from game.scenes.howto import HowToScene  # noqa: E402
from game.scenes.name import NameScene  # noqa: E402
from game.scenes.question import QuestionScene  # noqa: E402
from game.scenes.review import ReviewScene  # noqa: E402
from game.tools.pilot import answer, click_on  # noqa: E402
from game.scenes.round_end import ResultsScene  # noqa: E402
from game.scenes.settings_screen import SettingsScene  # noqa: E402
from game.scenes.setup import SetupScene  # noqa: E402

SIZES = ((1280, 720), (960, 540))
SKILL_ORDER = ("fact_or_opinion", "who_is_source", "source_kind", "opinion_words",
               "article_genre", "hand_written")
# A question file with a mistake in it, for the banner a teacher sees when a file is skipped.
BROKEN = """article:
  id: broken-example
  headline: An example with a typo
  outlet: Example News
  author: A. Writer
  date: 2026-01-01
  genre: straight news report
  genre_explanation: It reports what happened without taking sides.
  provenance: ["Written to show the banner."]
statements:
  - id: broken-1
    text: The council met on Monday.
    label: fact
    source: the author
    source_kind: author
    cues: []
    difficulty: 1
    explaination: A meeting and its date can be checked.
"""


def _longest(questions, skill):
    return max((q for q in questions if q.skill == skill), key=lambda q: len(q.text))


def _given(q, verdict: str):
    """An answer to q that earns verdict ("right", "partly" or "wrong"); "partly" is
    wrong where the question has no partly right answer."""
    if q.skill == "opinion_words":
        extra = min(set(range(len(q.words))) - q.cue_words)
        return {"right": q.cue_words, "partly": q.cue_words | {extra},
                "wrong": frozenset({extra})}[verdict]
    if verdict == "partly" and q.also:
        return q.also[0]
    others = [i for i in range(len(q.choices)) if i != q.answer and i not in q.also]
    return q.answer if verdict == "right" else others[0]


def _settle(app, frames=20):
    """Let transitions finish (feedback rising, scores counting) before the picture."""
    for _ in range(frames):
        app.step(dt=1 / 30)


def shoot(out: Path, sizes=SIZES, text_sizes=("standard",)) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    saved = []
    for size in sizes:
        for text_size in text_sizes:
            saved += _shoot_one(out, size, text_size)
    saved += _shoot_banner(out, sizes)
    saved += _shoot_unsaved(out, sizes, text_sizes)
    saved += _shoot_draft_review(out, sizes, text_sizes)
    saved += _shoot_new_article(out, sizes, text_sizes)
    return saved


def _shoot_new_article(out, sizes, text_sizes) -> list[Path]:
    """A new article from inside the game: the articles saved in Downloads (a temporary one,
    named in a user-dirs.dirs of a temporary config folder), and what is said of a file
    Byline does not read."""
    import time
    from game.scenes.new_article import NewArticleScene
    saved, config = [], os.environ.get("XDG_CONFIG_HOME")
    home = Path(tempfile.mkdtemp())
    (home / "config").mkdir()
    (home / "config" / "user-dirs.dirs").write_text(
        f'XDG_DOWNLOAD_DIR="{home / "Downloads"}"\n', encoding="utf-8")
    (home / "Downloads").mkdir()
    page = (shipped.ROOT / "tests" / "data" / "articles" / "bridge-page.html")
    files = [("Council votes to close Mill Street bridge – The Riverside Gazette.html",
              page.read_bytes() if page.is_file() else b"<html></html>"),
             ("library-handout.pdf", b"%PDF-1.4"), ("notes for class.doc", b"\xd0\xcf\x11\xe0")]
    for age, (name, data) in enumerate(files):
        (home / "Downloads" / name).write_bytes(data)
        then = time.time() - age * 3600
        os.utime(home / "Downloads" / name, (then, then))
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    try:
        for size in sizes:
            for text_size in text_sizes:
                app = App(Config(size=size, seed=1, data_dir=home / "data"))
                tag = _look(app, size, text_size)
                app.push(NewArticleScene(app))
                app.step()
                saved.append(_save_screen(app, out, "new-article", tag))
                app.scene.draft(home / "Downloads" / "notes for class.doc")
                while app.scene.working is not None:
                    time.sleep(0.01)
                    app.step()
                saved.append(_save_screen(app, out, "new-article-said", tag))
                pygame.quit()
    finally:
        if config is None:
            os.environ.pop("XDG_CONFIG_HOME", None)
        else:
            os.environ["XDG_CONFIG_HOME"] = config
        shutil.rmtree(home, ignore_errors=True)
    return saved


# An article as a teacher saves it, for new-article's draft and its review in the game.
ARTICLE = """Library Hours Cut Again

The city council voted 5-2 on Monday to cut the main library's weekend hours from 16 to 8. \
"This is a short-sighted mistake," said Angela Moore, the principal of Oak Street \
Elementary. The library served 40,000 visitors last year. Some residents say the decision \
was rushed. The council should reverse this drastic cut.
"""


def _shoot_draft_review(out, sizes, text_sizes) -> list[Path]:
    """A draft reviewed in the game (run.py review FILE): the article's fields, a value
    being typed, a statement with its suggestion, and the end of the review."""
    import contextlib
    import io
    from game.authoring.draft import new_article
    from game.bank.folders import folders
    saved = []
    for size in sizes:
        for text_size in text_sizes:
            data = Path(tempfile.mkdtemp())
            article = data / "library.txt"
            article.write_text(ARTICLE, encoding="utf-8")
            with contextlib.redirect_stdout(io.StringIO()):
                new_article(str(article), None, folders(data))
            draft = next((data / "questions").glob("*.yaml"))
            app = App(Config(size=size, seed=1, data_dir=data, review=(str(draft),)))
            tag = _look(app, size, text_size)
            saved.append(_save_screen(app, out, "draft-article", tag))
            click_on(app, "genre_explanation")
            saved.append(_save_screen(app, out, "draft-typing", tag))
            app.scene.handle(Intent(Kind.BACK))
            app.step()
            click_on(app, "later")
            click_on(app, "skip")
            click_on(app, "skip")
            saved.append(_save_screen(app, out, "draft-statement", tag))
            while app.scene.page != "done":
                click_on(app, "skip")
            saved.append(_save_screen(app, out, "draft-done", tag))
            pygame.quit()
            shutil.rmtree(data, ignore_errors=True)
    return saved


def _shoot_unsaved(out, sizes, text_sizes) -> list[Path]:
    """A round whose answers the results file refuses (read-only here): the warning over
    the question, the results offering to save elsewhere, and the folder picker."""
    from game.scenes.save import SaveScene
    saved = []
    for size in sizes:
        for text_size in text_sizes:
            app = App(Config(size=size, seed=1, data_dir=tempfile.mkdtemp()))
            tag = _look(app, size, text_size)
            app.results.db.execute("PRAGMA query_only = ON")
            questions = generate(app.loaded.bank, seed=1)
            state = RoundState(RoundSetup(count=5), [_longest(questions, skill) for skill in
                                                     SKILL_ORDER[:5]])
            scene = QuestionScene(app, state)
            app.push(scene)
            shots = ["unsaved-question", "unsaved-feedback", "unsaved-results", "unsaved-save"]
            for q in state.questions:
                _settle(app)
                if not state.answers:
                    saved.append(_save_screen(app, out, shots.pop(0), tag))
                answer(app)
                _settle(app)
                if len(state.answers) == 1:
                    saved.append(_save_screen(app, out, shots.pop(0), tag))
                app.scene.handle(Intent(Kind.NEXT))
                app.step()
            saved.append(_save_screen(app, out, shots.pop(0), tag))
            app.push(SaveScene(app))
            saved.append(_save_screen(app, out, shots.pop(0), tag))
            pygame.quit()
    return saved


def _save_screen(app, out, name, tag) -> Path:
    _settle(app)
    path = out / f"{name}-{tag}.png"
    pygame.image.save(app.screen, path)
    return path


def _look(app, size, look: str) -> str:
    """Set a text size ("large"), the projector, or a text size in high contrast
    ("large-contrast"); the shots' file-name tag."""
    text_size, _, contrast = look.partition("-")
    app.settings.projector = text_size == "projector"
    app.settings.text_size = "standard" if text_size == "projector" else text_size
    app.settings.high_contrast = bool(contrast)
    return f"{size[0]}x{size[1]}" + ("" if look == "standard" else f"-{look}")


def _shoot_one(out, size, text_size) -> list[Path]:
    saved = []
    app = App(Config(size=size, seed=1, data_dir=tempfile.mkdtemp()))
    tag = _look(app, size, text_size)

    def save(name):
        _settle(app)
        path = out / f"{name}-{tag}.png"
        pygame.image.save(app.screen, path)
        saved.append(path)

    save("title")
    for player in ("Ana", "Zoë O'Brien, Jr.", "Table 3"):
        app.results.player(player)
    for name, scene in (("setup", SetupScene), ("howto", HowToScene),
                        ("settings", SettingsScene), ("name", NameScene)):
        app.push(scene(app))
        save(name)
        app.pop()
    _shoot_no_file_manager(app, save)
    app.push(NameScene(app))        # a name typed on the on-screen keyboard, by clicks
    app.step()
    click_on(app, "Keyboard")
    for letter in "ana":
        click_on(app, ("key", letter))
    save("name-keyboard")
    app.pop()
    _shoot_controls(app, save)
    questions = generate(app.loaded.bank, seed=1)
    # The longest sentence of each kind: the hardest case for the layout.
    picked = [_longest(questions, s) if s not in ("article_genre", "hand_written")
              else next(q for q in questions if q.skill == s) for s in SKILL_ORDER]
    setup = RoundSetup(count=len(picked), timer_seconds=30, confidence=True)
    state = RoundState(setup, picked)
    scene = QuestionScene(app, state)
    app.push(scene)
    for q in picked:
        save(f"question-{q.skill}")
        if q.skill == "fact_or_opinion":
            scene.handle(Intent(Kind.CONTEXT))
            save("context")
            app.pop()
            app.step()
        # Wrong, partly right where a question can be, right otherwise.
        given = _given(q, "wrong" if q.skill == "who_is_source" else "partly"
                       if q.skill in ("opinion_words", "article_genre") else "right")
        answer(app, given=given)
        if q.skill == "fact_or_opinion":
            save("confidence")
        app.step()
        app.scene.dismiss("sure")
        app.step()
        save(f"feedback-{state.answers[-1].verdict.value}-{q.skill}")
        app.pop()
        app.step()
    app.stack[-1:] = [ResultsScene(app, state)]
    save("results")
    app.push(ReviewScene(app, state))
    save("review")
    app.scene.handle(Intent(Kind.PAGE_DOWN))
    save("review-scrolled")
    _shoot_record(app, save)
    _shoot_classroom(app, save)
    _shoot_devices(app, save, picked)
    pygame.quit()
    return saved


def _shoot_record(app, save) -> None:
    """A wrong claim: feedback and review under "What the record shows". The question with
    the most to say (explanation and record) is the hardest case for the layout."""
    with_record = [q for q in generate(app.loaded.bank, seed=1) if q.record]
    if not with_record:
        return
    q = max(with_record, key=lambda q: len(q.explanation) + len(q.record))
    state = RoundState(RoundSetup(count=5), [q])
    below = app.stack[:]
    scene = QuestionScene(app, state)
    app.push(scene)
    app.step()
    answer(app)
    save("feedback-record")
    app.stack[:] = [*below, ReviewScene(app, state)]
    app.scene.handle(Intent(Kind.PAGE_DOWN))      # the record comes after the explanation
    save("review-record")
    app.stack[:] = below


def _shoot_no_file_manager(app, save) -> None:
    """Settings after "Open my question folder" where there is no file manager (no desktop,
    nothing on PATH, here for the picture): the folder's path shown instead."""
    if sys.platform == "win32":     # Explorer is always there: it would open
        return
    app.push(SettingsScene(app))
    app.step()
    hidden = {name: os.environ.pop(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "PATH")
              if name in os.environ}
    os.environ["PATH"] = ""
    try:
        click_on(app, "open_folder")
    finally:
        os.environ.pop("PATH")
        os.environ.update(hidden)
    save("settings-no-file-manager")
    app.pop()
    app.step()


def _shoot_controls(app, save) -> None:
    """What asks before it leaves, and where names are typed: "Quit Byline?" over the
    title, a name typed and selected, "Leave this round?" over a question, and a whole
    class talking its answer over: its picked words, and a show of hands counted."""
    from game.quiz.seats import seat_round
    title = app.stack[0]
    title.handle(Intent(Kind.BACK))
    app.step()
    save("quit")
    app.stack[:] = [title, NameScene(app)]
    for intent in (Intent(Kind.TEXT, "Zoë O'Brien"), Intent(Kind.SELECT_ALL)):
        app.scene.handle(intent)
    save("name-typed")
    questions = generate(app.loaded.bank, seed=1)
    state = RoundState(RoundSetup(count=5), [_longest(questions, "fact_or_opinion")])
    app.stack[:] = [title, QuestionScene(app, state)]
    app.step()
    app.scene.handle(Intent(Kind.BACK))
    save("leave")
    turns = seat_round(app.loaded.bank, RoundSetup(count=5, seed=1,
                                                   skills=("opinion_words",)), ["9B"], "class")
    app.stack[:] = [title, QuestionScene(app, turns)]
    answer(app, given=frozenset(range(6)))
    save("discuss")
    turns = seat_round(app.loaded.bank, RoundSetup(count=5, seed=1,
                                                   skills=("fact_or_opinion",)), ["9B"], "class")
    app.stack[:] = [title, QuestionScene(app, turns)]
    app.step()
    answer(app, right=False)
    # The teacher counts 12 hands for the first answer and 8 for the second, by keys.
    for kind, value in ((Kind.UP, None), (Kind.UP, None), (Kind.CHOOSE, 0), (Kind.CHOOSE, 1),
                        (Kind.DOWN, None), (Kind.CHOOSE, 7)):
        app.scene.handle(Intent(kind, value))
    save("discuss-hands")
    app.stack[:] = [title]


def _shoot_classroom(app, save) -> None:
    """The hot-seat screens, with long names and as many seats as a class may have."""
    from game.quiz.seats import seat_round
    from game.scenes.lineup import ModeScene, PlayersScene
    from game.scenes.hotseat import HandoverScene, PodiumScene, RevealScene
    title = app.stack[0]
    names = ["Zoë O'Brien, Jr.", "王小明", "The Fact Checkers", "Ana",
             "Team with a rather long name", "さくら", "Sam", "김민준"]   # typed with an IME
    app.settings.hot_seat = names
    app.stack[:] = [title, ModeScene(app)]
    save("mode")
    app.stack.append(PlayersScene(app))
    save("players")     # last time's names, offered unticked
    players = app.scene
    for i in range(6):  # six of them play this time
        players.handle(Intent(Kind.CLICK, players.widgets()[("seat", i)].center))
    players.handle(Intent(Kind.TEXT, "Table 9"))
    save("players-ticked")
    from game.scenes.question import QuestionScene
    longest = seat_round(app.loaded.bank, RoundSetup(count=5, seed=1, timer_seconds=30,
                                                     show_scores=False),
                         ["Team with a rather long name, the longest", "Sam"], "hotseat")
    app.stack[:] = [title, QuestionScene(app, longest)]
    save("question-hot-seat")
    turns = seat_round(app.loaded.bank, RoundSetup(count=5, seed=1), names, "hotseat")
    for n in range(5):
        for i, seat in enumerate(turns.seats):
            q = seat.state.current
            seat.state.answer(_given(q, ("right", "partly", "wrong")[(i + n) % 3]))
        if n == 0:
            app.stack[:] = [title, RevealScene(app, turns, 0)]
            save("reveal")
            app.stack[:] = [title, HandoverScene(app, turns, board=True)]
            save("handover")
    _shoot_reveal_record(app, save, names)
    app.stack[:] = [title, PodiumScene(app, turns)]
    save("podium")
    _record_history(app, turns)
    from game.scenes.progress import ClassResultsScene, ProgressScene
    app.settings.player = names[0]
    for name, scene in (("progress", ProgressScene), ("class-results", ClassResultsScene)):
        app.stack[:] = [title, scene(app)]
        save(name)
        app.scene.handle(Intent(Kind.PAGE_DOWN))
        save(name + "-scrolled")


def _shoot_devices(app, save, picked) -> None:
    """A class on their devices, on the projector: lobby, question, answer, scores, podium."""
    from game.tools.class_screens import screens
    title = app.stack[0]
    for name, build in screens(app, picked, timer=30).items():
        app.stack[:] = [title, *build()]
        save(name)
    app.host = None


def _shoot_reveal_record(app, save, names) -> None:
    """The hot seat's answer screen for the question with the most to say (a long
    explanation and what the record shows): three seats, at the top and scrolled to the
    end, then eight seats with long names, whose answers move below the explanation's
    start when the strip has no room for them."""
    from game.quiz.seats import Seat, Turns
    from game.scenes.hotseat import RevealScene
    with_record = [q for q in generate(app.loaded.bank, seed=1) if q.record]
    if not with_record:
        return
    q = max(with_record, key=lambda q: len(q.explanation) + len(q.record))
    title = app.stack[0]
    for tag, seats in (("", names[:3]), ("-8-seats", names)):
        turns = Turns([Seat(name, RoundState(RoundSetup(count=5), [q] * 5)) for name in seats],
                      "hotseat")
        for i, seat in enumerate(turns.seats):
            seat.state.answer(_given(q, ("right", "partly", "wrong")[i % 3]))
        app.stack[:] = [title, RevealScene(app, turns, 0)]
        save("reveal-record" + tag)
        app.scene.handle(Intent(Kind.END))
        save("reveal-record" + tag + "-end")


def _record_history(app, turns) -> None:
    """The hot-seat round in the results, and six earlier rounds of its first player, who
    gets better at it, for the progress and class screens."""
    from game.quiz.round import build_round
    seats = [(s.name, s.state) for s in turns.seats]
    for n in range(6):
        state = RoundState(RoundSetup(count=10, seed=n), build_round(
            app.loaded.bank, RoundSetup(count=10, seed=n)))
        for i, q in enumerate(state.questions):
            state.answer(_given(q, "right" if i % 6 < n else "wrong"))
        seats.insert(n, (turns.seats[0].name, state))
    for name, state in seats:
        round_id = app.results.start_round(name, state.setup.to_plain(), "hotseat")
        for i, answer in enumerate(state.answers):
            app.results.record(round_id, i, answer)
        app.results.finish_round(round_id, state.score)


def _shoot_banner(out, sizes) -> list[Path]:
    """The title with one question file skipped, as a teacher sees it."""
    folder = Path(tempfile.mkdtemp())
    try:
        shutil.copytree(shipped.QUESTIONS, folder / "questions")
        broken = folder / "questions" / "broken-example.yaml"
        saved = []
        for size in sizes:
            broken.write_text(BROKEN, encoding="utf-8")
            app = App(Config(size=size, seed=1, data_dir=folder / "data",
                             question_paths=[folder / "questions"]))
            _settle(app, 2)
            path = out / f"title-skipped-file-{size[0]}x{size[1]}.png"
            pygame.image.save(app.screen, path)
            saved.append(path)
            app.scene.handle(Intent(Kind.PROBLEMS))     # what the teacher sees with V
            _settle(app, 2)
            path = out / f"problems-{size[0]}x{size[1]}.png"
            pygame.image.save(app.screen, path)
            saved.append(path)
            app.pop()
            # The teacher fixes that typo and makes another while the game is open.
            broken.write_text(BROKEN.replace("explaination", "explanation")
                              .replace("label: fact", "label: fakt"), encoding="utf-8")
            app.reload_bank()
            _settle(app, 2)
            path = out / f"title-reloaded-{size[0]}x{size[1]}.png"
            pygame.image.save(app.screen, path)
            saved.append(path)
            pygame.quit()
        return saved
    finally:
        shutil.rmtree(folder)


def main(out: str) -> int:
    paths = shoot(Path(out), sizes=SIZES + ((1920, 1080),),
                  text_sizes=("standard", "large", "largest", "projector", "standard-contrast",
                              "large-contrast", "largest-contrast"))
    for path in paths:
        print(path)
    return 0

