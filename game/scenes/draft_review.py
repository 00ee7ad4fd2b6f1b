"""A teacher's review of a draft (from new-article) in the game: first the article's fields
still to fill in, then each statement not yet reviewed, in the question screen's own layout
(game.scenes.question_page: the card as a player sees it, with its masthead or credit),
with the suggestion where a question's answers go: its reasons, its label, kind of source,
source, cue words and explanation. The cue words are picked in the quote as a player picks
them, each phrase with whose judgment it is; Accept writes them with `reviewed: true`, Drop
takes the statement out, Skip leaves it for later. Each change is written into the file at
once (game.authoring.reviewing), so closing the game loses nothing; the bank is read again
on the way out, so what was accepted plays."""
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.authoring.reviewing import (ARTICLE_FIELDS, GENRES, LABELS, SOURCE_KINDS, Changed,
                                      NotWritten, change, cues_picked, first_owner,
                                      open_draft, owners_offered, picked_words,
                                      sources_offered)
from game.bank.models import PLACEHOLDER
from game.intents import Kind
from game.quiz.questions import Question, words_of
from game.scenes.base import Scene
from game.scenes.question import SCROLL_KEYS
from game.scenes.question_page import QuestionPage
from game.ui.card import Card
from game.ui.form import Form, Row
from game.ui.layout import TEXT

HINT = "↑↓ Tab: move   ←→: change   F O: fact, opinion   Enter: press or type   " \
       "Esc: close (all is saved)"
STATEMENT_HINT = "Tab ↑↓: move   ←→: change   F O: fact, opinion   Enter: press, type   " \
                 "click words in the quote: cue words"
WORDS_HINT = "←→: move   Space or Enter: pick or unpick a word   Tab or Esc: back to the rows"
SMALLEST = 14
KINDS = list(SOURCE_KINDS)
SHOWN = 140         # characters of a typed value its row shows; the rest is "…"
NAME_SHOWN = 24     # of a cue's words or a name offered as its owner, in a row's label
FIELD_NAMES = {"headline": "Headline", "outlet": "Outlet", "author": "Author",
                  "date": "Date", "genre": "Genre",
                  "genre_explanation": "Why that genre",
                  "provenance": "Where it came from (provenance)"}
NO_GENRE = "not chosen yet"
ANOTHER = "a name I type…"     # the last of a cue's owners: opens a box to type one


def _short(value: str, most: int = SHOWN) -> str:
    return value if len(value) <= most else value[:most - 1] + "…"


@dataclass
class Laid:
    head: pygame.Surface
    card: pygame.Rect           # the instruction's or the summary's panel
    quote_size: int
    small: int
    form_size: int
    hint: pygame.Surface
    hint_top: int


class Rows:
    """The statement page's form where the question page puts a question's answers:
    placed, scrolled and drawn there as the answer tiles are (QuestionPage's menu)."""

    def __init__(self, form: Form):
        self.form = form

    def place(self, text, area, size: int, gap: int, across: bool = False) -> None:
        self.form.place_at(text, area, size)

    @property
    def rects(self) -> list:
        return [row.rect for row in self.form.rows]

    @rects.setter
    def rects(self, shown) -> None:     # where they show now, for clicks
        for row, rect in zip(self.form.rows, shown):
            row.rect = rect

    def draw_button(self, surface, text, theme, size: int, i: int, rect) -> None:
        self.form.draw_row(surface, text, theme, size, i, rect)


class DraftReviewScene(Scene):
    edits_questions = True

    def __init__(self, app, paths):
        super().__init__(app)
        self.paths = [Path(p) for p in paths]
        self.draft = None
        self.said = ""          # why this file cannot be reviewed, or what the review did
        self.skipped = 0        # statements passed over with Skip, at the front of the queue
        self.page = "done"
        self.values: dict = {}
        self.accepted = self.dropped = 0
        # The statement page: the question page showing it, the words picked as cue words
        # (word -> whose judgment), where the keys are ("rows" or "words"), the names
        # typed as owners (offered again for the next statements).
        self.sheet: QuestionPage | None = None
        self.picked: dict[int, str] = {}
        self.keys_in, self.word_focus = "rows", 0
        self.typed: list[str] = []
        self._pointer = None
        self.where: dict[str, str] = {}     # where the draft found each article field
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
        self.page, self.sheet = page, None
        if page == "statement":
            s = self.statement
            self.values = {"label": s.label, "source_kind": s.source_kind,
                           "source": s.source, "explanation": s.explanation}
            self.words = words_of(s.text)
            self.picked = picked_words(s.text, self.words, s.cues)
            self.keys_in, self.word_focus = "rows", 0
        elif page == "article":
            # What the draft found (to check) and what is still to fill in, in file order.
            found, unfilled = self.draft.found(), self.draft.unfilled()
            self.where = {name: where for name, (_, where) in found.items()}
            every = {**{name: value for name, (value, _) in found.items()}, **unfilled}
            self.values = {name: every[name] for name in ARTICLE_FIELDS if name in every}
        self._build()
        if page == "statement":
            self.sheet = self._sheet()

    def _sheet(self) -> QuestionPage:
        """The statement as a player sees it, with the suggestion where the answers go."""
        s, d = self.statement, self.draft
        reasons = d.reasons(s.id)
        # new-article's "suggested: fact — no judgment words…", as the question's prompt.
        prompt = reasons[:1].upper() + reasons[1:] if reasons else "Check the suggestion."
        question = Question(id=s.id, skill="fact_or_opinion", prompt=prompt, article=s.article,
                            explanation="", difficulty=s.difficulty, text=s.text,
                            words=self.words)
        headline = d.headline()
        # The hint laid out is the longer of the two the page shows, so both fit its row.
        return QuestionPage(self.app, question, Rows(self.form), None, s.text,
                            f"From {headline}" if headline else "",
                            max(STATEMENT_HINT, WORDS_HINT, key=len),
                            timed=False, card=Card.of(question.skill, d.result.article),
                            pick_in_quote=True)

    # -- the statement's cues ----------------------------------------------------------
    def cues(self):
        return cues_picked(self.statement.text, self.words, self.picked)

    def sources(self) -> list[str]:
        s = self.statement
        return sources_offered(s.text, self.values["source"], s.source, self.typed)

    def owners(self) -> list[str]:
        s, v = self.statement, self.values
        # The owners the picks have now are offered whatever they are, so that the row
        # shows the truth; the loader says if one may not be (on Accept).
        return owners_offered(s.text, v["source"], v["source_kind"],
                              (s.source, *self.typed), kept=self.picked.values())

    def _toggle(self, i: int) -> None:
        """A word picked, or unpicked: beside a picked word it joins its phrase (and its
        owner), else it starts a phrase of its own."""
        if i in self.picked:
            del self.picked[i]
        else:
            beside = self.picked.get(i - 1, self.picked.get(i + 1))
            self.picked[i] = beside or first_owner(self.values["source"],
                                                   self.values["source_kind"])
        self._build(self.form.focus)

    def _own(self, n: int, owner: str) -> None:
        """Cue n (in the order cues() gives) is owner's judgment: every word of it."""
        words = self.cues()[n].words
        for i in list(self.picked):
            if self._phrase_of(i) == words:
                self.picked[i] = owner

    def _phrase_of(self, i: int) -> str:
        first = last = i
        while first - 1 in self.picked:
            first -= 1
        while last + 1 in self.picked:
            last += 1
        return self.statement.text[self.words[first][0]:self.words[last][1]]

    # -- the form ----------------------------------------------------------------------
    def _build(self, focus: int | None = None) -> None:
        """The page's form, made again when a value changes (its rows' labels hold them)."""
        v = self.values
        if self.page == "statement":
            rows = [Row("choice", "Label", "label", LABELS.index(v["label"]),
                        tuple(label.capitalize() for label in LABELS), cell=(0, 0), span=3),
                    # The kinds as the file writes them: short enough to leave the row's
                    # label room in a column beside the quote.
                    Row("choice", "Kind of source", "source_kind", KINDS.index(v["source_kind"]),
                        tuple(KINDS), cell=(0, 1), span=3),
                    self._listed("Source", "source", self.sources(), v["source"], 2)]
            cues = self.cues()
            said = "; ".join(f"“{c.words}”" for c in cues) or "none yet"
            rows.append(Row("text", f"Cue words (click them in the quote): {_short(said)}",
                            "cues", cell=(0, 3), span=3))
            owners = self.owners()
            for n, cue in enumerate(cues):
                rows.append(self._listed(f"“{_short(cue.words, NAME_SHOWN)}” by", ("by", n),
                                         owners, cue.by, 4 + n))
            line = 4 + len(cues)
            rows += [Row("text", f"Explanation: {_short(v['explanation'])}", "explanation",
                         cell=(0, line), span=3),
                     Row("button", "Accept", "accept", cell=(0, line + 1)),
                     Row("button", "Drop", "drop", cell=(1, line + 1)),
                     Row("button", "Skip", "skip", cell=(2, line + 1))]
            columns = 3
        elif self.page == "article":
            rows = []
            for line, (name, value) in enumerate(v.items()):
                if name == "genre":
                    options = (NO_GENRE, *GENRES)
                    rows.append(Row("choice", "Genre", "genre",
                                    options.index(value) if value in GENRES else 0,
                                    options, cell=(0, line), span=2))
                else:
                    where = f" ({self.where[name]})" if self.where.get(name) else ""
                    rows.append(Row("text", f"{FIELD_NAMES[name]}{where}: {_short(value)}",
                                    name, cell=(0, line), span=2))
            rows += [Row("button", "Save", "save", cell=(0, len(v))),
                     Row("button", "Later", "later", cell=(1, len(v)))]
            columns = 2
        else:
            more = bool(self.paths)
            # Statements skipped, or article fields left for later: once more from the start.
            again = [Row("button", "Go over what is left", "again", cell=(0, 0))] \
                if self.draft is not None and (self.draft.waiting or self.draft.unfilled()) \
                else []
            play = [Row("button", "Play a round of it", "play", cell=(0, len(again)))] \
                if not more and self._playable() else []
            rows = again + play + [Row("button", "Next draft" if more else "Close",
                                       "next" if more else "close",
                                       cell=(0, len(again) + len(play)))]
            columns = 1
        self.form = Form(rows, columns)
        if focus is not None and 0 <= focus < len(rows):
            self.form.focus = focus
        elif focus is not None and self.keys_in == "words":
            self.form.focus = -1
        if self.sheet is not None:      # the same page, its rows new
            self.sheet.menu.form = self.form
            self.sheet.relayout()

    @staticmethod
    def _listed(label: str, key, names: list[str], value: str, line: int) -> Row:
        """A name chosen from a list (the source, a cue's owner), the last choice typing
        one of the teacher's own."""
        shown = tuple(_short(name, NAME_SHOWN) for name in names) + (ANOTHER,)
        return Row("choice", label, key, names.index(value) if value in names else 0, shown,
                   cell=(0, line), span=3)

    def _row_index(self, key) -> int:
        return next(i for i, r in enumerate(self.form.rows) if r.key == key)

    # -- input -----------------------------------------------------------------------
    def handle(self, intent) -> None:
        if self.page == "statement":
            self._handle_statement(intent)
            return
        if intent.kind == Kind.BACK:
            self._close()
            return
        self._place()
        row = self.form.handle(intent)
        if row is None:
            return
        if row.kind == "choice":
            self.values[row.key] = row.options[row.value]
        elif row.kind == "text":
            self._type(row.key)
        else:
            getattr(self, "_" + row.key)()

    def _handle_statement(self, intent) -> None:
        sheet = self.sheet
        sheet.settle()      # a key or a click: the card is in place at once
        p = sheet.layout()
        if intent.kind in (Kind.CLICK, Kind.HOVER):
            self._pointer = intent.value
        if intent.kind == Kind.BACK and self.keys_in == "words":
            self._keys_to_rows(self._row_index("cues"))
        elif intent.kind == Kind.BACK or intent.kind == Kind.CLICK and \
                p.leave.collidepoint(intent.value):
            self._close()
        elif intent.kind in (Kind.FACT, Kind.OPINION):
            # F and O, as a player answers: the label, wherever the keys are.
            self.values["label"] = "fact" if intent.kind == Kind.FACT else "opinion"
            self._build(self.form.focus)
        elif sheet.scroll(intent, SCROLL_KEYS, self._pointer):
            pass
        elif intent.kind == Kind.CLICK and self._word_at(intent.value) is not None:
            self.keys_in = "words"
            self.word_focus = self._word_at(intent.value)
            self._toggle(self.word_focus)
            self.form.focus = -1
        elif self.keys_in == "words" and intent.kind not in (Kind.CLICK, Kind.HOVER):
            self._handle_words(intent)
        else:
            focus = self.form.focus
            row = self.form.handle(intent)
            if self.form.focus != focus:
                self.keys_in = "rows"
                sheet.follow(self.form.focus)
            if row is not None:
                self._pressed(row)

    def _word_at(self, pos) -> int | None:
        return next((id[1] for id, rect in self.sheet.widgets().items()
                     if isinstance(id, tuple) and rect.collidepoint(pos)), None)

    def _handle_words(self, intent) -> None:
        """The keys among the quote's words, as a player picks them."""
        n = len(self.words)
        if intent.kind == Kind.TAB:
            cues = self._row_index("cues")
            self._keys_to_rows(cues + 1 if (intent.value or 1) > 0 else cues)
        elif intent.kind in (Kind.LEFT, Kind.RIGHT, Kind.UP, Kind.DOWN):
            step = -1 if intent.kind in (Kind.LEFT, Kind.UP) else 1
            self.word_focus = (self.word_focus + step) % n
            self.sheet.follow_word(self.word_focus)
        elif intent.kind in (Kind.TOGGLE, Kind.NEXT):
            self._toggle(self.word_focus)

    def _keys_to_rows(self, focus: int) -> None:
        self.keys_in = "rows"
        self.form.focus = focus
        self.sheet.follow(focus)

    def _pressed(self, row) -> None:
        if row.key == "label":
            self.values["label"] = LABELS[row.value]
        elif row.key == "source_kind":
            self.values["source_kind"] = KINDS[row.value]
        elif row.key == "source":
            if row.value < len(row.options) - 1:
                self._source(self.sources()[row.value])
            else:
                self._type("source")
                return
        elif isinstance(row.key, tuple):        # ("by", n): a cue's owner
            if row.value < len(row.options) - 1:
                self._own(row.key[1], self.owners()[row.value])
            else:
                self._type_owner(row.key[1])
                return
        elif row.key == "cues":
            if not self.words:
                return
            self.keys_in, self.form.focus = "words", -1
            self.word_focus = min(self.picked, default=0)
            self.sheet.follow_word(self.word_focus)
            return
        elif row.kind == "text":
            self._type(row.key)
            return
        else:
            getattr(self, "_" + row.key)()
            return
        self._build(self.form.focus)

    def _type(self, name: str) -> None:
        """Ask for a value in a box of its own; it comes back into this page's form."""
        label = FIELD_NAMES.get(name) or {"source": "Who is the source?",
                                             "explanation": "Explanation"}[name]
        about = self.statement.text if self.page == "statement" else \
            f"The article: {self.draft.headline() or self.draft.path.name}"
        focus = self.form.focus

        def typed(value):
            if value and name == "source":
                self.typed.append(value)
                self._source(value)
            elif value is not None and name != "source":
                self.values[name] = value
            self._build(focus)
        self._ask(label, about, self.values[name], typed)

    def _source(self, name: str) -> None:
        """A new source; the cues that were the old one's judgment are the new one's."""
        old = self.values["source"]
        self.picked = {i: name if by == old else by for i, by in self.picked.items()}
        self.values["source"] = name

    def _type_owner(self, n: int) -> None:
        """A name of the teacher's own as cue n's owner; it is offered for the other cues
        too. Nothing typed: the cue keeps its owner."""
        focus, cue = self.form.focus, self.cues()[n]

        def typed(name):
            if name:
                self.typed.append(name)
                self._own(n, name)
            self._build(focus)
        self._ask(f"Whose judgment is “{_short(cue.words, NAME_SHOWN)}”? Write the name "
                  "as the sentence writes it", self.statement.text, "", typed)

    def _ask(self, heading, about, value, then) -> None:
        from game.scenes.text_entry import TextEntryScene
        self.app.push(TextEntryScene(self.app, heading, about, value), on_result=then)

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
        cues = self.cues()
        if cues != tuple(s.cues):
            fields["cues"] = list(cues)
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
        before = {**{name: value for name, (value, _) in self.draft.found().items()},
                  **self.draft.unfilled()}
        fields = {}
        for name, value in self.values.items():
            if value == before.get(name) or name == "genre" and value == NO_GENRE:
                continue
            fields[name] = self.draft.kept_provenance() + [value] if name == "provenance" \
                else value
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

    def _playable(self) -> bool:
        """The file is read by the game, has no problems and some statements reviewed."""
        d = self.draft
        if d is None or d.result.errors or d.result.article is None or \
                not any(s.reviewed for s in d.result.statements):
            return False
        read = [Path(q).resolve() for q in self.app.question_paths]
        return d.path.resolve() in read or d.path.parent.resolve() in read

    def _play(self) -> None:
        """A round of this article alone, started from the title as Play starts one (who
        plays asked first): the teacher tries at once what they made."""
        from dataclasses import replace
        from game.quiz.round import RoundSetup
        article = self.draft.result.article.id
        self._close()
        title = self.app.stack[0]       # the title, under every scene (not imported: a cycle)
        if not hasattr(title, "ask_lineup") or article not in self.app.loaded.bank.articles:
            return
        for _ in self.app.stack[2:]:
            self.app.pop()      # Settings, or what else was between: back to the title
        saved = RoundSetup.from_plain(self.app.settings.round, self.app.loaded.bank.articles)
        title.ask_lineup(replace(saved, articles=(article,), seed=self.app.new_seed()))

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
            every = [s.id for s in self.draft.result.statements]
            return f"Review {self.draft.path.name}: statement " \
                   f"{every.index(self.statement.id) + 1} of {len(every)}, " \
                   f"{len(self.draft.waiting)} still to review"
        if self.page == "article":
            return f"Review {self.draft.path.name}: the article"
        return "Review finished" if self.draft is not None else "This file cannot be reviewed"

    def _card_text(self) -> str:
        if self.page == "article":
            return "Check what was found; fill in the rest, or write “not stated”."
        return self.summary()

    def _place(self) -> Laid:
        """The article's page and the last one: a card with what they say, the form under
        it."""
        lay, text, theme = self.app.layout(), self.app.text, self.app.theme
        c = lay.content()
        small = lay.font(TEXT.small)
        head = text.block(self.heading(), lay.font(TEXT.label), theme.text, c.width,
                          style="bold")
        hint = text.block(HINT, lay.font(TEXT.hint), theme.muted, c.width)
        hint_top = c.bottom - hint.get_height()
        top = c.top + head.get_height() + lay.gap
        bottom = hint_top - lay.gap
        room, words, pad = bottom - top, self._card_text(), lay.gap
        # The article's page: its rows first (up to seven fields), the card's line no larger.
        body = lay.font(TEXT.body) if self.page == "done" else \
            min(lay.font(TEXT.body), lay.font(TEXT.label))
        wanted = 2 * pad + text.height(words, body, c.width - 2 * pad)
        card = pygame.Rect(c.left, top, c.width,
                           min(wanted, room - round(lay.font(TEXT.label) * 3)))
        form_area = pygame.Rect(c.left, card.bottom + lay.gap, c.width,
                                bottom - card.bottom - lay.gap)
        if self.page == "done":
            w = min(c.width, max(c.width // 3, 240))
            form_area = pygame.Rect(c.right - w, form_area.top, w, form_area.height)
        form_size = self.form.place(text, form_area, range(SMALLEST, lay.font(TEXT.label) + 1))
        quote_size = text.fit(words, c.width - 2 * pad, max(card.height - 2 * pad, 1),
                              range(SMALLEST, body + 1))
        return Laid(head, card, quote_size, small, form_size, hint, hint_top)

    def widgets(self) -> dict:
        """The form's rows by their keys; on a statement, those in view, each word of the
        quote as ("word", i) and "Leave"."""
        if self.sheet is None:
            self._place()
            return self.form.widgets()
        self.sheet.layout()
        found = {key: rect for key, rect in self.form.widgets().items()
                 if rect.width and rect.height}
        return found | self.sheet.widgets()

    @property
    def moving(self) -> bool:
        return self.sheet is not None and self.sheet.moving

    def update(self, dt: float) -> None:
        if self.sheet is not None:
            self.sheet.step(dt)

    def draw(self, surface) -> None:
        if self.sheet is not None:
            self._draw_statement(surface)
            return
        theme, text, lay = self.app.theme, self.app.text, self.app.layout()
        p = self._place()
        c = lay.content()
        surface.fill(theme.background)
        surface.blit(p.head, c.topleft)
        pygame.draw.rect(surface, theme.panel, p.card, border_radius=10)
        pygame.draw.rect(surface, theme.accent, p.card, width=2, border_radius=10)
        pad = lay.gap
        clip = surface.get_clip()
        surface.set_clip(p.card.inflate(-4, -4).clip(clip))
        block = text.block(self._card_text(), p.quote_size, theme.text, p.card.width - 2 * pad)
        surface.blit(block, (p.card.left + pad, p.card.top + pad))
        surface.set_clip(clip)
        self.form.draw(surface, text, theme, p.form_size)
        surface.blit(p.hint, (c.left, p.hint_top))

    def _draw_statement(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        p = self.sheet.layout()
        c = p.lay.content()
        surface.fill(theme.background)
        # The top bar's line, as a question's: one line, cut rather than wrapped.
        head = text.block(self.heading(), p.lay.font(TEXT.label), theme.text, c.width,
                          style="bold")
        surface.blit(head, c.topleft, (0, 0, head.get_width(), p.header_h))
        words = self.keys_in == "words"
        self.sheet.draw(surface, frozenset(self.picked), self.word_focus if words else None)
        hint = text.block(WORDS_HINT if words else STATEMENT_HINT, p.small, theme.muted,
                          p.hint_w)
        surface.blit(hint, (c.left, p.hint_top))


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
