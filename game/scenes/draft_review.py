"""A teacher's review of a draft (from new-article) in the game: first the article's fields
still to fill in, then each statement not yet reviewed, on a card as the question screen
shows a quote, with the suggestion's reasons and its label, source kind, source, cue words
and explanation; Accept writes them with `reviewed: true`, Drop takes the statement out,
Skip leaves it for later. Each change is written into the file at once
(game.authoring.reviewing), so closing the game loses nothing; the bank is read again on
the way out, so what was accepted plays."""
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.authoring.reviewing import (GENRES, LABELS, SOURCE_KINDS, Changed, NotWritten,
                                      change, cue_text, cues_from, open_draft)
from game.bank.models import PLACEHOLDER
from game.intents import Kind
from game.scenes.base import Scene
from game.ui.form import Form, Row
from game.ui.layout import TEXT

HINT = "↑↓ Tab: move   ←→: change   F O: fact, opinion   Enter: press or type   " \
       "Esc: close (all is saved)"
SMALLEST = 14
KINDS = list(SOURCE_KINDS)
SHOWN = 140         # characters of a typed value its row shows; the rest is "…"
FIELD_NAMES = {"headline": "Headline", "outlet": "Outlet", "author": "Author",
                  "date": "Date", "genre": "Genre",
                  "genre_explanation": "Why that genre",
                  "provenance": "Where it came from (provenance)"}
NO_GENRE = "not chosen yet"


def _short(value: str) -> str:
    return value if len(value) <= SHOWN else value[:SHOWN - 1] + "…"


@dataclass
class Laid:
    head: pygame.Surface
    card: pygame.Rect           # the quote's panel (empty on the other pages)
    quote_size: int
    small: int
    form_size: int
    hint: pygame.Surface
    hint_top: int


class DraftReviewScene(Scene):
    def __init__(self, app, paths):
        super().__init__(app)
        self.paths = [Path(p) for p in paths]
        self.draft = None
        self.said = ""          # why this file cannot be reviewed, or what the review did
        self.skipped = 0        # statements passed over with Skip, at the front of the queue
        self.page = "done"
        self.values: dict = {}
        self.accepted = self.dropped = 0
        self._open(self.paths.pop(0))

    # -- the file and its queue ------------------------------------------------------
    def _open(self, path: Path) -> None:
        self.skipped = 0
        try:
            self.draft = open_draft(path)
        except NotWritten as problem:
            self.draft, self.said = None, str(problem)
            return self._show("done")
        result = self.draft.result
        if result.article is None and not self.draft.unfilled() or \
                not result.statements and result.errors:
            problems = [f"Line {e.line}: {e.message}" for e in result.errors[:3]]
            self.said = f"{path.name} has problems the review cannot mend; fix them in a " \
                        "text editor (V on the title lists them all):\n" + "\n".join(problems)
            self.draft = None
            return self._show("done")
        self._show("article" if self.draft.unfilled() else "statement")

    @property
    def statement(self):
        waiting = self.draft.waiting if self.draft else []
        return waiting[self.skipped] if self.skipped < len(waiting) else None

    def _show(self, page: str) -> None:
        if page == "statement" and self.statement is None:
            page = "done"
        self.page = page
        if page == "statement":
            s = self.statement
            self.values = {"label": s.label, "source_kind": s.source_kind,
                           "source": s.source, "cues": cue_text(s.cues),
                           "explanation": s.explanation}
        elif page == "article":
            self.values = dict(self.draft.unfilled())
        self._build()

    def _build(self, focus: int | None = None) -> None:
        """The page's form, made again when a value changes (its rows' labels hold them)."""
        v = self.values
        if self.page == "statement":
            rows = [Row("choice", "Label", "label", LABELS.index(v["label"]),
                        tuple(label.capitalize() for label in LABELS), cell=(0, 0), span=4),
                    Row("choice", "Kind of source", "source_kind", KINDS.index(v["source_kind"]),
                        tuple(SOURCE_KINDS.values()), cell=(0, 1), span=4),
                    Row("text", f"Source: {_short(v['source'])}", "source", cell=(0, 2), span=4),
                    Row("text", f"Cue words: {_short(v['cues']) or '(none)'}", "cues",
                        cell=(0, 3), span=4),
                    Row("text", f"Explanation: {_short(v['explanation'])}", "explanation",
                        cell=(0, 4), span=4),
                    Row("button", "Accept", "accept", cell=(0, 5)),
                    Row("button", "Drop", "drop", cell=(1, 5)),
                    Row("button", "Skip", "skip", cell=(2, 5)),
                    Row("button", "Close", "close", cell=(3, 5))]
            columns = 4
        elif self.page == "article":
            rows = []
            for line, (name, value) in enumerate(v.items()):
                if name == "genre":
                    options = (NO_GENRE, *GENRES)
                    rows.append(Row("choice", "Genre", "genre",
                                    options.index(value) if value in GENRES else 0,
                                    options, cell=(0, line), span=2))
                else:
                    rows.append(Row("text", f"{FIELD_NAMES[name]}: {_short(value)}", name,
                                    cell=(0, line), span=2))
            rows += [Row("button", "Save", "save", cell=(0, len(v))),
                     Row("button", "Later", "later", cell=(1, len(v)))]
            columns = 2
        else:
            more = bool(self.paths)
            # Statements skipped, or article fields left for later: once more from the start.
            again = [Row("button", "Go over what is left", "again", cell=(0, 0))] \
                if self.draft is not None and (self.draft.waiting or self.draft.unfilled()) \
                else []
            rows = again + [Row("button", "Next draft" if more else "Close",
                                "next" if more else "close", cell=(0, len(again)))]
            columns = 1
        self.form = Form(rows, columns)
        if focus is not None and 0 <= focus < len(rows):
            self.form.focus = focus

    # -- input -----------------------------------------------------------------------
    def handle(self, intent) -> None:
        if intent.kind == Kind.BACK:
            self._close()
            return
        self._place()
        if self.page == "statement" and intent.kind in (Kind.FACT, Kind.OPINION):
            # F and O, as a player answers: the label, whichever row has the focus.
            self.values["label"] = "fact" if intent.kind == Kind.FACT else "opinion"
            self._build(self.form.focus)
            return
        row = self.form.handle(intent)
        if row is None:
            return
        if row.kind == "choice":
            value = row.options[row.value]
            if row.key == "label":
                value = LABELS[row.value]
            elif row.key == "source_kind":
                value = KINDS[row.value]
            self.values[row.key] = value
        elif row.kind == "text":
            self._type(row.key)
        else:
            getattr(self, "_" + row.key)()

    def _type(self, name: str) -> None:
        """Ask for a value in a box of its own; it comes back into this page's form."""
        from game.scenes.text_entry import TextEntryScene
        label = FIELD_NAMES.get(name) or {"source": "Who is the source?",
                                             "cues": "Cue words, separated by commas",
                                             "explanation": "Explanation"}[name]
        about = self.statement.text if self.page == "statement" else \
            f"The article: {self.draft.headline() or self.draft.path.name}"
        focus = self.form.focus

        def typed(value):
            if value is not None:
                self.values[name] = value
                self._build(focus)
        self.app.push(TextEntryScene(self.app, label, about, self.values[name]),
                      on_result=typed)

    def _write(self, article=None, statements=None) -> bool:
        """Write a change; whether it was written. A problem it would bring, or why it
        could not be written, is said on the banner."""
        try:
            problems = change(self.draft, article, statements)
        except Changed as why:
            self.app.show_banner(f"{self.draft.path.name}: {why}", warning=True, seconds=14)
            self._open(self.draft.path)
            return False
        except NotWritten as why:
            self.app.show_banner(f"{self.draft.path.name}: {why}", warning=True, seconds=14)
            return False
        if problems:
            said = "\n".join(p.message for p in problems[:3])
            self.app.show_banner(f"Not written yet: {said}", warning=True, seconds=14)
            return False
        return True

    def _accept(self) -> None:
        s, v = self.statement, self.values
        fields = {name: v[name] for name in ("label", "source_kind", "source", "explanation")
                  if v[name] != getattr(s, name)}
        if v["cues"] != cue_text(s.cues):
            fields["cues"] = cues_from(v["cues"], s.cues)
        fields["reviewed"] = True
        if self._write(statements={s.id: fields}):
            self.accepted += 1
            self._show("statement")

    def _drop(self) -> None:
        if self._write(statements={self.statement.id: None}):
            self.dropped += 1
            self._show("statement")

    def _skip(self) -> None:
        self.skipped += 1
        self._show("statement")

    def _save(self) -> None:
        before = self.draft.unfilled()
        fields = {}
        for name, value in self.values.items():
            if value == before.get(name) or name == "genre" and value == NO_GENRE:
                continue
            fields[name] = [value] if name == "provenance" else value
        if not fields or self._write(article=fields):
            self._show("statement")

    def _later(self) -> None:
        self._show("statement")

    def _again(self) -> None:
        self.skipped = 0
        self._show("article" if self.draft.unfilled() else "statement")

    def _next(self) -> None:
        self._open(self.paths.pop(0))

    def _close(self) -> None:
        # What was accepted plays now, not once the folder is next looked at.
        self.app.reload_bank(self.app.watch.changed(now=True))
        self.dismiss()

    # -- what the done page says -----------------------------------------------------
    def summary(self) -> str:
        if self.draft is None:
            return self.said
        d = self.draft
        lines = [f"{d.path.name}: {self.accepted} accepted, {self.dropped} dropped."]
        if d.backup is not None:
            lines.append(f"The file as it was before the review is kept as {d.backup.name}.")
        waiting = len(d.waiting)
        if waiting:
            lines.append(f"{waiting} statement(s) still to review: they are not played "
                         "until they are.")
        problems = [e for e in d.result.errors]
        if problems:
            lines.append(f"{len(problems)} problem(s) left, so the file is not played yet; "
                         "first: " + problems[0].message)
        elif not waiting:
            read = [Path(q).resolve() for q in self.app.question_paths]
            here = d.path.resolve()
            if here in read or here.parent in read:
                lines.append("The file has no problems: its statements are played from now on.")
            else:
                lines.append("The file has no problems. It is played once it is in your "
                             f"question folder, {self.app.folders.teacher}")
        return "\n".join(lines)

    # -- layout and drawing ----------------------------------------------------------
    def heading(self) -> str:
        if self.page == "statement":
            waiting = len(self.draft.waiting)
            return f"Review {self.draft.path.name}: statement {self.skipped + 1} of " \
                   f"{waiting} to review"
        if self.page == "article":
            return f"Review {self.draft.path.name}: the article"
        return "Review finished" if self.draft is not None else "This file cannot be reviewed"

    def _card_text(self) -> tuple[str, str, str]:
        """(above the quote, the quote, under it)."""
        if self.page == "statement":
            s, d = self.statement, self.draft
            if getattr(self, "_credit_for", None) != d.data:      # not every frame
                self._credit, self._credit_for = d.headline(), d.data
            credit = self._credit
            reasons = d.reasons(s.id)
            # new-article's "suggested: fact — no judgment words…", as a sentence.
            return credit, s.text, reasons[:1].upper() + reasons[1:]
        if self.page == "article":
            return "", "Fill in what the game shows about the article. What the text does " \
                       "not say: write “not stated”.", ""
        return "", self.summary(), ""

    def _place(self) -> Laid:
        lay, text, theme = self.app.layout(), self.app.text, self.app.theme
        c = lay.content()
        small = lay.font(TEXT.small)
        head = text.block(self.heading(), lay.font(TEXT.label), theme.text, c.width,
                          style="bold")
        hint = text.block(HINT, lay.font(TEXT.hint), theme.muted, c.width)
        hint_top = c.bottom - hint.get_height()
        top = c.top + head.get_height() + lay.gap
        bottom = hint_top - lay.gap
        # The form takes what it needs at a readable size, the card the rest (at least a
        # third of the room), and the form shrinks if the card would have less.
        room = bottom - top
        above, quote, under = self._card_text()
        pad = lay.gap
        fixed = sum(text.height(t, small, c.width - 2 * pad) + lay.gap // 2
                    for t in (above, under) if t)
        # The statement's quote may grow towards a heading's size; the other pages' words
        # are an instruction or a summary, at body size, on a card just as tall as they are.
        most = lay.font(TEXT.heading if self.page == "statement" else TEXT.body)
        wanted = fixed + 2 * pad + text.height(quote, lay.font(TEXT.body), c.width - 2 * pad,
                                               "serif")
        if self.page == "statement":
            # The form at a row's usual size first; the card the rest, a third at least.
            label = lay.font(TEXT.label)
            self.form.place(text, pygame.Rect(c.left, 0, c.width, 10 * lay.h), (label,))
            need = self.form.rows[-1].rect.bottom + lay.gap
            card_h = max(min(wanted, room - need), room // 3)
        else:
            card_h = min(wanted, room - round(lay.font(TEXT.label) * 3))
        card = pygame.Rect(c.left, top, c.width, card_h)
        form_area = pygame.Rect(c.left, card.bottom + lay.gap, c.width,
                                bottom - card.bottom - lay.gap)
        if self.page == "done":
            w = min(c.width, max(c.width // 3, 240))
            form_area = pygame.Rect(c.right - w, form_area.top, w, form_area.height)
        form_size = self.form.place(text, form_area, range(SMALLEST, lay.font(TEXT.label) + 1))
        quote_room = card.height - 2 * pad - fixed
        quote_size = text.fit(quote, c.width - 2 * pad, max(quote_room, 1),
                              range(SMALLEST, most + 1), "serif")
        return Laid(head, card, quote_size, small, form_size, hint, hint_top)

    def widgets(self) -> dict:
        self._place()
        return self.form.widgets()

    def draw(self, surface) -> None:
        theme, text, lay = self.app.theme, self.app.text, self.app.layout()
        p = self._place()
        c = lay.content()
        surface.fill(theme.background)
        surface.blit(p.head, c.topleft)
        pygame.draw.rect(surface, theme.panel, p.card, border_radius=10)
        pygame.draw.rect(surface, theme.accent, p.card, width=2, border_radius=10)
        pad = lay.gap
        width = p.card.width - 2 * pad
        above, quote, under = self._card_text()
        clip = surface.get_clip()
        surface.set_clip(p.card.inflate(-4, -4).clip(clip))
        y = p.card.top + pad
        if above:
            block = text.block(above, p.small, theme.muted, width)
            surface.blit(block, (p.card.left + pad, y))
            y += block.get_height() + lay.gap // 2
        block = text.block(quote, p.quote_size, theme.text, width,
                           style="regular" if self.page == "done" else "serif")
        surface.blit(block, (p.card.left + pad, y))
        if under:
            block = text.block(under, p.small, theme.muted, width)
            surface.blit(block, (p.card.left + pad, p.card.bottom - pad - block.get_height()))
        surface.set_clip(clip)
        self.form.draw(surface, text, theme, p.form_size)
        surface.blit(p.hint, (c.left, p.hint_top))


def drafts(app) -> list[Path]:
    """The files in the teacher's own folder a review has something to do in: statements
    not yet reviewed, or article fields still to fill in."""
    teacher = Path(app.folders.teacher)
    found = []
    for f in app.loaded.files:
        path = Path(f.path)
        if path.parent != teacher:
            continue
        if any(not s.reviewed for s in f.statements) or \
                any(PLACEHOLDER in e.message or "still to be filled in" in e.message
                    for e in f.errors):
            found.append(path)
    return sorted(found)
