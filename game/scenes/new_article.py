"""A new article from inside the game, for a teacher who never opens a terminal or a text
editor: the newest articles saved in the Downloads, Desktop and Documents folders (a web
page, a PDF, a Word or a text file), or one dropped onto the window. The one chosen is
drafted as `new-article` drafts it, into the teacher's question folder, and its review
(DraftReviewScene) opens at once; a draft made of it before opens instead of a second."""
import threading
import time
from pathlib import Path

import pygame

from game.authoring.readers import FORMS, SAVE_AGAIN
from game.intents import Kind
from game.scenes.base import Scene
from game.ui.form import Form, Row
from game.ui.layout import TEXT

# What new-article reads, and documents it does not, which are listed too: choosing one
# says how to save it in a form that is read.
READ = set(FORMS) | {".txt"} | set(SAVE_AGAIN)
SHOWN = 6               # the newest files listed: the article just saved is the first
LONGEST_NAME = 40       # characters of a file's name its button shows; the middle is "…"
SAID_LINES = 4
HINT = "↑↓: move   Enter: make a draft of it   Esc: back"
ASK = ("Choose an article you saved from the browser (File → Save Page As…), or a PDF, Word "
       "or text file, or drop one onto this window. Byline drafts its questions for you to "
       "check, one sentence at a time.")


def places() -> list[Path]:
    """Where a browser or a mail program saves a file, on this system."""
    import platformdirs
    return [Path(p) for p in (platformdirs.user_downloads_dir(), platformdirs.user_desktop_dir(),
                              platformdirs.user_documents_dir())]


def saved_articles(limit: int = SHOWN) -> list[Path]:
    """The newest files of a kind new-article reads, directly in one of places()."""
    found = []
    for folder in dict.fromkeys(places()):
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue        # a folder this system does not have, or may not read
        for path in entries:
            try:
                if path.suffix.lower() in READ and path.is_file():
                    found.append((path.stat().st_mtime, path))
            except OSError:
                continue
    return [path for _, path in sorted(found, reverse=True)[:limit]]


def _label(path: Path, now: float) -> str:
    """The file's name (its middle left out when long) and when it was saved."""
    name = path.name
    if len(name) > LONGEST_NAME:
        half = (LONGEST_NAME - 1) // 2
        name = name[:half] + "…" + name[-half:]
    try:
        saved = time.localtime(path.stat().st_mtime)
    except OSError:
        return name
    day = time.strftime("%Y-%m-%d", saved)
    when = (time.strftime("%H:%M", saved)
            if day == time.strftime("%Y-%m-%d", time.localtime(now)) else
            "yesterday" if day == time.strftime("%Y-%m-%d", time.localtime(now - 86400))
            else day)
    return f"{name}   {when}"


class NewArticleScene(Scene):
    edits_questions = True

    def __init__(self, app, dropped: str | None = None):
        super().__init__(app)
        self.said = ""              # why the last file gave no draft
        self.working = None         # the thread drafting a file, while it does
        self.result = None          # what it left: ("made" | "before", path) or ("said", text)
        self.found: list[Path] = []
        self.form = None
        self._look()
        if dropped:
            self.draft(Path(dropped))

    @property
    def moving(self) -> bool:
        return self.working is not None     # frames go on until the draft is made

    def _look(self) -> None:
        self.found = saved_articles()
        self._laid_for = None

    def _form(self, shown: int) -> Form:
        now = time.time()
        rows = [Row("button", _label(path, now), path, cell=(0, index))
                for index, path in enumerate(self.found[:shown])]
        return Form(rows + [Row("button", "Back", "back", cell=(0, len(rows)))])

    def focused(self) -> None:
        if self.working is None:
            self._look()        # back from the browser, with the article saved

    def handle(self, intent) -> None:
        if self.working is not None:
            return
        if intent.kind == Kind.BACK:
            self.dismiss()
        elif intent.kind == Kind.DROP:
            self.draft(Path(intent.value))
        elif intent.kind == Kind.RELOAD:
            self._look()
        else:
            self._place()
            row = self.form.handle(intent)
            if row is not None and row.key == "back":
                self.dismiss()
            elif row is not None:
                self.draft(row.key)

    def draft(self, path: Path) -> None:
        """Drafted in a thread: a long PDF may take seconds to read, and the window says
        so meanwhile rather than freezing."""
        self.said = f"Reading {path.name}…"
        folders = self.app.folders

        def work():
            from game.authoring.draft import DraftError, make, write
            try:
                problem = folders.make_teacher_folder()
                if problem:
                    raise DraftError(problem)
                made = make(path, folder=folders.teacher)
                write(made)
                self.result = ("made", made.path)
            except DraftError as error:
                # The file's name, not its whole path: the teacher just chose it.
                said = str(error).replace(str(path), path.name, 1)
                self.result = ("before", error.existing) if error.existing else ("said", said)
            except OSError as error:
                self.result = ("said", f"Could not write the draft: {error.strerror or error}")
        self.result = None
        self.working = threading.Thread(target=work, daemon=True)
        self.working.start()

    def update(self, dt: float) -> None:
        if self.working is None or self.working.is_alive():
            return
        self.working = None
        what, value = self.result
        if what == "said":
            self.said = value
            return
        from game.scenes.draft_review import DraftReviewScene
        self.said = ""      # the review reads the bank again when it ends, not before:
        self.app.replace(DraftReviewScene(self.app, [value]))   # a draft is not a problem
        if what == "before":
            self.app.show_banner(f"A draft of this article was made before: {value.name}. "
                                 "Here it is, as far as it was reviewed.")

    # -- drawing ---------------------------------------------------------------------
    def _place(self):
        """The newest files that fit as buttons at the form rows' size or larger, the form
        laid out again only when the window, the text size or the files found change."""
        lay = self.app.layout()
        key = (lay.w, lay.h, lay.scale, lay.margin, tuple(self.found))
        if key != self._laid_for:
            text, c = self.app.text, lay.content()
            small, body = lay.font(TEXT.hint), lay.font(TEXT.body)
            top = c.top + round(lay.font(TEXT.heading) * 1.4) + lay.gap
            top += text.height(ASK, body, c.width) + lay.gap
            # Room under the form for what is said of a file (four lines, the longest).
            said_h = text.height("\n".join("m" * SAID_LINES), small, c.width, "bold") + lay.gap
            bottom = c.bottom - text.height(HINT, small, c.width) - lay.gap - said_h
            area = pygame.Rect(c.left, top, c.width, max(0, bottom - top))
            focus = self.form.focus if self.form else 0
            # Form rows' own size at least (fewer files rather than smaller ones); the
            # hints' size only where not even one file fits at that.
            for least in (lay.font(TEXT.label), small):
                for shown in range(len(self.found), 0 if self.found else -1, -1):
                    self.form = self._form(shown)
                    size = self.form.place(text, area, range(least, lay.font(TEXT.large) + 1))
                    if self.form.rows[-1].rect.bottom <= area.bottom:
                        break
                if self.form.rows[-1].rect.bottom <= area.bottom:
                    break
            self.form.focus = min(focus, len(self.form.rows) - 1)
            self._laid, self._laid_for = (area, size, said_h - lay.gap), key
        return self._laid

    def widgets(self) -> dict:
        self._place()
        return self.form.widgets()

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        lay = self.app.layout()
        c, small, body = lay.content(), lay.font(TEXT.hint), lay.font(TEXT.body)
        area, size, said_h = self._place()
        surface.fill(theme.background)
        heading = text.block("A new article", lay.font(TEXT.heading), theme.text, c.width,
                             style="bold")
        surface.blit(heading, c.topleft)
        surface.blit(text.block(ASK, body, theme.text, c.width),
                     (c.left, c.top + round(lay.font(TEXT.heading) * 1.4) + lay.gap))
        self.form.draw(surface, text, theme, size)
        below = self.form.rows[-1].rect.bottom + lay.gap
        hidden = len(self.found) - (len(self.form.rows) - 1)
        said = self.said or (
            f"No article is saved in {', '.join(p.name for p in places())} yet. Save it "
            "there, then come back to this window." if not self.found else
            ("1 older file is" if hidden == 1 else f"{hidden} older files are") +
            " not listed here: drop one onto this window to draft it." if hidden else "")
        if said:
            fits = text.fit(said, c.width, said_h, range(min(14, small), small + 1),
                            style="bold")
            surface.blit(text.block(said, fits, theme.text, c.width, style="bold"),
                         (c.left, below))
        hint = text.block(HINT, small, theme.muted, c.width, align="center")
        surface.blit(hint, ((lay.w - hint.get_width()) // 2, c.bottom - hint.get_height()))
