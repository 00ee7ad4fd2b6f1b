"""The question screen laid out for one window and text size: the top bar and its clock,
where the quote comes from, the quote (or the article, or the sentence's words), the prompt,
the answers and the key hints.

Nothing a player must read is set smaller than the body size of the text size they chose:
the quote grows towards a heading's size when there is room and is never smaller than the
answers; when not everything fits, the quote goes beside the answers, and what still does
not fit scrolls. A question about the whole article shows the article beside its answers."""
from dataclasses import dataclass

import pygame

from game.bank.texts import ShownArticle
from game.intents import Kind
from game.ui.card import SHADOW, Card
from game.ui.doc import lay_out, painter
from game.ui.keybutton import draw_key_button, key_button_size
from game.ui.layout import TEXT, Layout, largest
from game.ui.motion import Tween
from game.ui.scroll import ScrollView
from game.ui.words import WordFlow

CONTEXT_LABEL = "C: sentences around it"
LEAVE_LABEL = "Esc: leave"      # a mouse's way out of the round (it asks first, as Esc does)
BAR = 12            # room a scroll bar takes beside what scrolls (ScrollView draws it)
QUOTE_SHARE = 0.55  # the quote over the answers ends above this share of the window, so that
                    # the feedback panel, which leaves it in view, has room below it
# The shares of the width the quote or the article may take beside the answers.
SPLITS = (0.5, 0.55, 0.6, 0.65, 0.7)
NOT_HERE = ("The article’s text is not on this computer: here are the details and the "
            "sentences its question file gives, in order.")


@dataclass
class Pane:
    """Content seen through a window that scrolls when the content is taller."""

    scroll: ScrollView
    blocks: list            # (paint, x, y, height), y from the top of the content
    buttons: list           # the answers' or the words' rects, in the content

    def shown(self, i: int) -> pygame.Rect:
        return self.scroll.shown(self.buttons[i])

    def reveal(self, i: int) -> None:
        self.scroll.reveal(self.buttons[i].top, self.buttons[i].bottom)


@dataclass
class QuestionLayout:
    """Where the question screen puts things, for one window, text size and theme."""

    lay: Layout
    kind: str                   # "stacked": the quote over the answers; "side": beside
                                # them; "article": the article beside them; "words"
    header_h: int               # the top bar's line
    timer: pygame.Rect | None   # the clock's bar, under the top bar's text
    small: int                  # the credit's, the hint's and the context button's size
    hint_top: int               # the key hints, at the bottom left
    hint_w: int
    context: pygame.Rect | None     # "C: sentences around it", at the bottom right
    leave: pygame.Rect              # "Esc: leave", left of it
    done: pygame.Rect | None        # the word picker's Done, at the bottom right
    quote_box: pygame.Rect      # the quote's or the article's panel (empty when none)
    inner: pygame.Rect          # where its text shows; it scrolls there when taller
    quote_size: int             # the quote's, the article's or the words' text size
    prompt_size: int
    prompt_top: int             # where the prompt starts on screen, before any scrolling
    prompt_box: pygame.Rect
    area: pygame.Rect           # where the answers (or the words) show
    answer_size: int
    feedback: pygame.Rect       # what the feedback panel may cover: never the quote
    reading: Pane | None        # the quote or the article
    answers: Pane               # the prompt and the answers, or the prompt and the words
    caption: str = ""           # over the article


class QuestionPage:
    """Lays out, scrolls and draws one question; the scene keeps what the player does."""

    def __init__(self, app, question, menu, article: ShownArticle | None, quote: str,
                 source: str, hint: str, timed: bool, button: str | None = None,
                 card: Card | None = None, pick_in_quote: bool = False):
        """button: the label of a button at the bottom right: the word picker's "Done"
        unless given (the projector's "Reveal"). card: the quote's card, when the
        question's article is not in the bank (a draft under review). pick_in_quote: the
        quote's words can be picked where the quote is, beside or over the answers (a
        teacher marking cue words while reviewing a draft)."""
        self.app, self.q, self.menu = app, question, menu
        self.button = button or ("Done" if menu is None else None)
        self.article, self.quote, self.source, self.hint = article, quote, source, hint
        self.timed = timed
        self.words = WordFlow(question.text, question.words) if menu is None else None
        self.quote_words = WordFlow(question.text, question.words) if pick_in_quote else None
        self.card = card or Card.of(question.skill,
                                    app.loaded.bank.articles.get(question.article))
        # The card slides into place as the question appears (not the word picker's
        # sentence, which is the answers themselves); draw() reads where it is.
        self.arrive = Tween(0.25)
        if self.words is None:
            self.arrive.start(app.motion)
        self.scrolls = {"reading": ScrollView(), "answers": ScrollView()}
        self._key = None
        self._laid: QuestionLayout | None = None
        self._keep = None       # (key, layout) whose quote stays put (relayout)
        self.selected, self.focus = frozenset(), None     # the words', while drawing

    # -- layout ----------------------------------------------------------------------
    def layout(self) -> QuestionLayout:
        lay, text, theme = self.app.layout(), self.app.text, self.app.theme
        key = (lay.w, lay.h, lay.scale, lay.margin, theme.name)
        if key == self._key:
            return self._laid
        kept = self._keep[1] if self._keep and self._keep[0] == key else None
        self._keep = None
        c, gap = lay.content(), lay.gap
        header_h = text.font("bold", lay.font(TEXT.label)).get_height()
        top, timer = c.top + header_h, None
        if self.timed:      # under the top bar's text, never through it
            timer = pygame.Rect(c.left, top + max(3, gap // 4), c.width, 4)
            top = timer.bottom
        small = lay.font(TEXT.small)
        # The bottom row: the key hints, and the buttons the keys stand for on the right.
        buttons = []
        if self.button:
            least = self._reading_size()
            font, pad = text.font("regular", least), least // 3
            buttons.append(("done", font.size(self.button)[0] + 4 * pad,
                            font.get_height() + 2 * pad))
        if self.q.statement:
            buttons.append(("context", *key_button_size(text, CONTEXT_LABEL, small)))
        buttons.append(("leave", *key_button_size(text, LEAVE_LABEL, small)))
        hint_w = c.width - sum(w + gap for _, w, _ in buttons)
        hint_h = text.height(self.hint, small, hint_w)
        row = max([hint_h] + [h for _, _, h in buttons])
        placed, right = {}, c.right
        for name, w, h in buttons:
            placed[name] = pygame.Rect(right - w, c.bottom - row + (row - h) // 2, w, h)
            right -= w + gap
        body = pygame.Rect(c.left, top + gap, c.width, c.bottom - row - gap - top - gap)
        common = dict(lay=lay, header_h=header_h, timer=timer, small=small,
                      hint_top=c.bottom - row + (row - hint_h) // 2, hint_w=hint_w,
                      context=placed.get("context"), leave=placed["leave"],
                      done=placed.get("done"),
                      prompt_size=lay.font(TEXT.body))
        if self.words is not None:
            laid = self._words(body, common)
        elif self.article is not None:
            laid = self._article(body, common)
        else:
            laid = self._quote(body, common, kept)
        self._key, self._laid = key, laid
        self.sync()
        return laid

    def _reading_size(self) -> int:
        """The least any text a player must read is set at: the chosen size's body text."""
        return self.app.layout().font(TEXT.body)

    def _pane(self, name: str, view: pygame.Rect, blocks, height: int, buttons=()) -> Pane:
        scroll = self.scrolls[name]
        scroll.set(view, height, self._reading_size() * 2)
        return Pane(scroll, blocks, list(buttons))

    def _answers(self, width: int) -> tuple[list, int, list]:
        """The prompt and the choices across width at the body size: blocks, height, the
        choices' rects."""
        text, size, gap = self.app.text, self._reading_size(), self.app.layout().gap
        prompt_h = text.height(self.q.prompt, size, width, "bold")
        self.menu.place(text, pygame.Rect(0, prompt_h + gap, width, 1), size, gap // 2)
        rects = [r.copy() for r in self.menu.rects]
        blocks = [(self._paint_text(self.q.prompt, size, width, "bold"), 0, 0, prompt_h)]
        blocks += [(self._paint_choice(i, r.size, size), r.left, r.top, r.height)
                   for i, r in enumerate(rects)]
        return blocks, rects[-1].bottom, rects

    def _beside(self, body: pygame.Rect, left_size, left_w: int | None = None
                ) -> tuple[int, pygame.Rect, Pane]:
        """The answers in a column on the right, beside the quote or the article: the left
        column's width, the right column, and its pane.

        left_size(width): the size the left column's text gets at that width, or None if
        it must scroll there. Of the widths tried, one where neither column scrolls and
        the quote is largest; else one where the answers do not scroll, the widest; else
        the narrowest, so that the answers scroll the least. left_w: the left column's
        width, given."""
        gap = self.app.layout().gap
        best = None if left_w is None else ((), left_w)
        for share in SPLITS if left_w is None else ():
            left_w = round((body.width - gap) * share)
            answers_fit = self._answers(body.width - left_w - gap)[1] <= body.height
            size = left_size(left_w)
            rank = (answers_fit and size is not None, answers_fit, size or 0,
                    share if answers_fit else -share)
            if best is None or rank > best[0]:
                best = (rank, left_w)
        left_w = best[1]
        right = pygame.Rect(body.left + left_w + gap, body.top, body.width - left_w - gap,
                            body.height)
        blocks, height, rects = self._answers(right.width)
        if height > right.height:
            blocks, height, rects = self._answers(right.width - BAR)
        view = pygame.Rect(right.left, right.top, right.width - BAR * (height > right.height),
                           min(height, right.height))
        return left_w, right, self._pane("answers", view, blocks, height, rects)

    def _credit(self, width: int) -> tuple[list, int]:
        """Where the quote comes from, in small print under it: blocks and their height
        (with the space above them), none when the question says nothing of it."""
        if not self.source or self.card.look != "neutral":    # the card's top line has it
            return [], 0
        lay = self.app.layout()
        small = lay.font(TEXT.small)
        height = self.app.text.height(self.source, small, width)
        return [(self._paint_text(self.source, small, width, "regular", muted=True), 0,
                 lay.gap // 2, height)], height + lay.gap // 2

    def _masthead(self, width: int) -> tuple[list, int]:
        """The card's top line (who the quote is from, as its kind of page shows it, and
        the credit): blocks and their height with the space under them; none on the
        neutral card, whose credit is under the quote."""
        lay = self.app.layout()
        made = self.card.masthead(self.app.text, self.app.theme, lay.font(TEXT.small), width,
                                  lay.gap, self.source)
        if made is None:
            return [], 0
        height, paint = made
        return [(paint, 0, 0, height)], height + lay.gap // 2

    def _quote(self, body, common, kept: QuestionLayout | None = None) -> QuestionLayout:
        """kept: a layout whose quote stays where it is, at its size, the answers laid out
        again beside or under it (scrolling if they no longer fit)."""
        lay, text, gap = self.app.layout(), self.app.text, self.app.layout().gap
        least = self._reading_size()
        most = max(least, lay.font(TEXT.heading, 18))
        # Upright, not italic: the card already says these are someone's printed words,
        # and an upright serif reads better at the body size on a projector.
        style = "serif"

        def quote_h(size, width):
            if self.quote_words is not None:
                return self.quote_words.place(text, size, width)
            return text.height(self.quote, size, width, style)

        def box_h(size, width):
            inner_w = width - 2 * gap
            return self._masthead(inner_w)[1] + quote_h(size, inner_w) \
                + self._credit(inner_w)[1] + 2 * gap

        blocks, answers_h, rects = self._answers(body.width)

        def over(size):     # the quote over the answers: all of it fits, and leaves room
            bottom = body.top + box_h(size, body.width) + gap
            return bottom <= round(lay.h * QUOTE_SHARE) and bottom + answers_h <= body.bottom

        if kept.kind == "stacked" if kept else over(least):
            size = kept.quote_size if kept else largest(least, most, over)
            box = pygame.Rect(body.left, body.top, body.width, box_h(size, body.width))
            room = body.bottom - box.bottom - gap       # all of it, unless kept
            if answers_h > room:
                blocks, answers_h, rects = self._answers(body.width - BAR)
            view = pygame.Rect(body.left, box.bottom + gap,
                               body.width - BAR * (answers_h > room), min(answers_h, room))
            answers = self._pane("answers", view, blocks, answers_h, rects)
            kind, feedback_left = "stacked", 0
        else:
            def left_size(width):
                fits = lambda s: box_h(s, width) <= body.height  # noqa: E731
                return largest(least, most, fits) if fits(least) else None

            left_w, right, answers = self._beside(body, left_size,
                                                  kept.quote_box.width if kept else None)
            size = largest(least, most, lambda s: box_h(s, left_w) <= body.height)
            box = pygame.Rect(body.left, body.top, left_w, min(body.height, box_h(size, left_w)))
            kind, feedback_left = "side", right.left - gap
        inner = box.inflate(-2 * gap, -2 * gap)
        masthead, top = self._masthead(inner.width)
        shown_h = quote_h(size, inner.width)
        credit, credit_h = self._credit(inner.width)
        if self.quote_words is None:
            paint, picks = self._paint_text(self.quote, size, inner.width, style), []
        else:
            paint = self._paint_words(self.quote_words)
            picks = [r.move(0, top) for r in self.quote_words.rects]
        reading = self._pane("reading", inner, [
            *masthead, (paint, 0, top, shown_h),
            *((paint, x, y + top + shown_h, h) for paint, x, y, h in credit)],
            top + shown_h + credit_h, picks)
        view = answers.scroll.view
        top = view.top - gap // 2
        return QuestionLayout(
            kind=kind, quote_box=box, inner=inner, quote_size=size, prompt_top=view.top,
            prompt_box=pygame.Rect(view.left, view.top, view.width, rects[0].top - gap),
            area=view, answer_size=least, reading=reading, answers=answers,
            feedback=pygame.Rect(feedback_left, top, lay.w - feedback_left, lay.h - top),
            **common)

    def _article(self, body, common) -> QuestionLayout:
        lay, text, theme, gap = (self.app.layout(), self.app.text, self.app.theme,
                                 self.app.layout().gap)
        size = self._reading_size()
        left_w, right, answers = self._beside(body, lambda width: None)   # it scrolls
        caption = "The article: PgUp PgDn or the wheel to read on"
        caption_h = text.height(caption, common["small"], left_w, "bold")
        box = pygame.Rect(body.left, body.top + caption_h + gap // 2, left_w,
                          body.height - caption_h - gap // 2)
        inner = box.inflate(-2 * gap, -2 * gap)
        items = [] if self.article.from_article else [("muted", NOT_HERE)]
        items += [("serif", paragraph) for paragraph in self.article.paragraphs]
        blocks, height = lay_out(text, theme, items, inner.width, size)
        if height <= inner.height:      # a short text: the panel ends where it does
            box.height, inner.height = height + 2 * gap, height
        reading = self._pane("reading", inner, blocks, height)
        view = answers.scroll.view
        top = view.top - gap // 2
        left = right.left - gap
        return QuestionLayout(
            kind="article", quote_box=box, inner=inner, quote_size=size, prompt_top=view.top,
            prompt_box=pygame.Rect(view.left, view.top, view.width, answers.buttons[0].top - gap),
            area=view, answer_size=size, reading=reading, answers=answers,
            feedback=pygame.Rect(left, top, lay.w - left, lay.h - top), caption=caption,
            **common)

    def _words(self, body, common) -> QuestionLayout:
        """The prompt, then the sentence's words, as large as fits (never under the body
        size: below that they scroll), then where they come from."""
        lay, text, gap = self.app.layout(), self.app.text, self.app.layout().gap
        least = self._reading_size()
        view = body.copy()
        prompt_h = text.height(self.q.prompt, least, view.width, "bold")
        below = prompt_h + gap

        # The sentence on its card, under the prompt: the card's edges take room on every
        # side, and its shadow, which the pane's clip would cut, on the right and below.
        def card_h(size, width):
            inner = width - SHADOW - 2 * gap
            return self._masthead(inner)[1] + self.words.place(text, size, inner) \
                + self._credit(inner)[1] + 2 * gap

        def fits(size, width=view.width):
            return below + card_h(size, width) + SHADOW <= view.height

        width = view.width
        if fits(least):
            size = largest(least, max(least, lay.font(TEXT.large)), fits)
        else:
            size, width = least, view.width - BAR
        words, inner_w = self.words, width - SHADOW - 2 * gap
        card = card_h(size, width)
        masthead, top = self._masthead(inner_w)
        words_h = words.place(text, size, inner_w)
        credit, credit_h = self._credit(inner_w)
        height = below + card + SHADOW
        view.height = min(view.height, height)
        left, first = gap, below + gap + top        # where the words start in the pane

        def paint_card(surface, x, y):
            self.card.draw(surface, pygame.Rect(x, y, width - SHADOW, card), self.app.theme,
                           gap)

        blocks = [(self._paint_text(self.q.prompt, least, width, "bold"), 0, 0, prompt_h),
                  (paint_card, 0, below, card + SHADOW),
                  *((paint, x + left, y + below + gap, h) for paint, x, y, h in masthead),
                  (self._paint_words(words), left, first, words_h),
                  *((paint, x + left, y + first + words_h, h) for paint, x, y, h in credit)]
        answers = self._pane("answers", view, blocks, height,
                             [r.move(left, first) for r in words.rects])
        # The feedback shows the sentence again, marked, so it may cover all but the top bar.
        top = (common["timer"].bottom if common["timer"] else
               lay.content().top + common["header_h"]) + gap // 2
        return QuestionLayout(
            kind="words", quote_box=pygame.Rect(body.left, body.top, 0, 0),
            inner=pygame.Rect(body.left, body.top, 0, 0), quote_size=size,
            prompt_top=body.top, prompt_box=pygame.Rect(view.left, view.top, width, prompt_h),
            area=view, answer_size=size, reading=None, answers=answers,
            feedback=pygame.Rect(0, top, lay.w, lay.h - top), **common)

    # -- painting blocks ----------------------------------------------------------------
    def _paint_text(self, words, size, width, style, muted=False):
        # Laid out again when the theme changes (layout()'s key), so its colours are kept.
        return painter(self.app.text, self.app.theme, words, size, width, style, muted)

    def _paint_words(self, words: WordFlow):
        def paint(surface, x, y):   # the picks and the focus as draw() was given them
            words.draw(surface, (x, y), self.app.text, self.app.theme, self.selected, self.focus)
        return paint

    def _paint_choice(self, i, wh, size):
        def paint(surface, x, y):
            self.menu.draw_button(surface, self.app.text, self.app.theme, size, i,
                                  pygame.Rect((x, y), wh))
        return paint

    # -- scrolling -----------------------------------------------------------------------
    def sync(self) -> None:
        """The choices' rects where they show now, for clicks, hover and the pilot."""
        if self.menu is not None and self._laid is not None:
            pane = self._laid.answers
            self.menu.rects = [pane.shown(i) for i in range(len(pane.buttons))]

    def follow(self, i: int) -> None:
        """Scroll answer (or word) i into view."""
        self.layout().answers.reveal(i)
        self.sync()

    def follow_word(self, i: int) -> None:
        """Scroll word i into view, wherever the words are."""
        self._word_pane(self.layout()).reveal(i)
        self.sync()

    def _word_pane(self, p: QuestionLayout) -> Pane | None:
        return p.answers if self.words is not None else \
            p.reading if self.quote_words is not None else None

    def relayout(self) -> None:
        """The answers changed (a review's rows): lay them out again, each pane scrolled
        where it was, the quote where it is (never moving under the pointer)."""
        self._keep, self._key = (self._key, self._laid), None

    def scroll(self, intent, keys, pointer) -> bool:
        """The wheel or a drag scrolls the pane under the pointer (else the first that
        scrolls); one of keys scrolls the quote or the article, else the answers. True if
        something scrolled."""
        p = self.layout()
        panes = [pane for pane in (p.reading, p.answers) if pane is not None]
        scrolling = [pane for pane in panes if pane.scroll.max_offset]
        if not scrolling:
            return False
        under = [pane for pane in scrolling
                 if pointer is not None and pane.scroll.view.collidepoint(pointer)]
        if intent.kind in (Kind.WHEEL, Kind.DRAG):
            target = (under or scrolling)[0]
        elif intent.kind in keys:
            target = scrolling[0]
        else:
            return False
        target.scroll.handle(intent)
        self.sync()
        return True

    # -- motion --------------------------------------------------------------------------
    @property
    def moving(self) -> bool:
        return self.arrive.running

    def step(self, dt: float) -> None:
        self.arrive.step(dt)

    def settle(self) -> None:
        """A key or a click: the card is in place at once, never in the way of an answer."""
        self.arrive.finish()

    # -- drawing -------------------------------------------------------------------------
    def draw(self, surface, selected=frozenset(), focus=None) -> None:
        theme, text = self.app.theme, self.app.text
        p = self.layout()
        self.selected, self.focus = selected, focus
        if p.reading is not None:
            # Still arriving: lower by what is left of a short rise.
            dy = round((1 - self.arrive.eased) * max(p.lay.gap * 3, p.lay.h * 0.06))
            if p.caption:
                surface.blit(text.block(p.caption, p.small, theme.muted, p.quote_box.width,
                                        style="bold"),
                             (p.quote_box.left, p.quote_box.top - p.lay.gap // 2 + dy
                              - text.height(p.caption, p.small, p.quote_box.width, "bold")))
            self.card.draw(surface, p.quote_box.move(0, dy), theme, p.lay.gap)
            p.reading.scroll.draw(surface, p.reading.blocks, theme, dy)
        p.answers.scroll.draw(surface, p.answers.blocks, theme)
        for rect, label in ((p.context, CONTEXT_LABEL), (p.leave, LEAVE_LABEL)):
            if rect is not None:
                draw_key_button(surface, text, theme, rect, label, p.small)
        if p.done is not None:
            pygame.draw.rect(surface, theme.accent, p.done, border_radius=6)
            label = text.block(self.button, p.prompt_size, theme.on_accent, p.done.width)
            surface.blit(label, (p.done.centerx - label.get_width() // 2,
                                 p.done.centery - label.get_height() // 2))

    def widgets(self) -> dict:
        """Each word of the word picker (or of a quote whose words are picked) as
        ("word", i), where it shows now, and its Done (the choices are the menu's own);
        and "Leave", on every question."""
        p = self.layout()
        found = {"Leave": p.leave}
        if p.done is not None:
            found[self.button] = p.done
        pane = self._word_pane(p)
        if pane is None:
            return found
        words = {("word", i): pane.shown(i) for i in range(len(pane.buttons))}
        found.update({id: rect for id, rect in words.items() if rect.width and rect.height})
        return found
