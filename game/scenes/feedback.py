from dataclasses import dataclass, replace

import pygame

from game.intents import Kind
from game.quiz.hands import right_hands
from game.quiz.questions import RECORD_HEADING
from game.quiz.scoring import Answer, floor_words, points_words
from game.quiz.verdict import Verdict
from game.scenes.base import Scene
from game.scenes.confirm import LEAVE, ask_to_leave
from game.ui.doc import painter
from game.scenes.question_page import LEAVE_LABEL
from game.ui.keybutton import draw_key_button, key_button_size
from game.ui.layout import TEXT
from game.ui.motion import LONGEST, Tween
from game.ui.scroll import MORE, ScrollView
from game.ui.widgets import draw_mark
from game.ui.words import WordFlow, legend

SCROLLING = (Kind.UP, Kind.DOWN, Kind.PAGE_UP, Kind.PAGE_DOWN, Kind.HOME, Kind.END,
             Kind.WHEEL)
HINT = "Enter or click: continue"
SCROLL_HINT = "   ↑↓ or wheel: read on"
BAR = 12    # room beside the text for the scroll bar


@dataclass
class FeedbackLayout:
    area: pygame.Rect       # the panel, once it has risen
    mark: pygame.Rect       # the verdict's icon
    head: pygame.Surface    # the verdict and the points, once counted
    head_w: int
    head_at: tuple
    view: pygame.Rect       # where the body shows; it scrolls there when taller
    blocks: list            # the body, for the ScrollView
    hint: pygame.Surface
    hint_at: tuple
    more: pygame.Surface    # "More below", while there is
    more_at: tuple
    leave: pygame.Rect      # "Esc: leave": the mouse's way out of the round


class FeedbackScene(Scene):
    """An overlay on the question: right or wrong, the right answer, and why. It covers the
    prompt and the answers and leaves the quote (or the article) in view; on opinion words
    it shows the sentence again, the player's picks beside the judgment words. Its text is
    set at the body size, never smaller: what does not fit scrolls."""

    opaque = False

    SLIDE = 0.15    # seconds for the panel to rise; Enter works from the first frame
    PULSE = 0.25    # a right answer's mark grows by this share and back
    LIGHT = 0.12    # seconds for one judgment word to light up

    def __init__(self, app, state, answer: Answer, below=None):
        """below: the question scene, which says what the panel may cover."""
        super().__init__(app)
        self.state, self.answer, self.below = state, answer, below
        self.scroll = ScrollView()
        q = answer.question
        self.words = WordFlow(q.text, q.words) if q.skill == "opinion_words" else None
        self._key, self._laid = None, None
        self._pointer = None
        # The panel rises; as it lands, the mark pulses (right) or shakes (wrong) while the
        # points count; then the judgment words light up one by one, in reading order. The
        # last of them is lit LONGEST after the answer.
        self.rise = Tween(self.SLIDE)
        self.mark = Tween(LONGEST - 0.1, delay=0.1)
        self.count = Tween(LONGEST - 0.1, delay=0.1)
        cues = sorted(q.cue_words) if self.words is not None else []
        stagger = (LONGEST - self.SLIDE - self.LIGHT) / max(1, len(cues) - 1)
        self.lights = {i: Tween(self.LIGHT, delay=self.SLIDE + n * stagger)
                       for n, i in enumerate(cues)}

    def _tweens(self) -> list[Tween]:
        return [self.rise, self.mark, self.count, *self.lights.values()]

    def enter(self) -> None:
        # Partly right earned points: it sounds like the points it earned.
        self.app.sounds.play("wrong" if self.answer.verdict is Verdict.WRONG else "right")
        for tween in self._tweens():
            tween.start(self.app.motion)

    @property
    def moving(self) -> bool:
        return any(tween.running for tween in self._tweens())

    def update(self, dt: float) -> None:
        for tween in self._tweens():
            tween.step(dt)

    def handle(self, intent) -> None:
        if intent.kind == Kind.HOVER:
            self._pointer = intent.value
        else:   # a key or a click never waits for the motion: it ends, and the key acts
            for tween in self._tweens():
                tween.finish()
        if intent.kind == Kind.BACK or (intent.kind == Kind.CLICK
                                        and self._place().leave.collidepoint(intent.value)):
            # Never the next question: the same as on the question.
            ask_to_leave(self.app, lambda: self.dismiss(LEAVE))
        elif intent.kind == Kind.WHEEL and self.below is not None and self._pointer and \
                not self._place().area.collidepoint(self._pointer):
            self.below.scroll_at(intent, self._pointer)   # the article beside, read on
        elif intent.kind in SCROLLING:
            self.scroll.handle(intent)
        elif intent.kind in (Kind.NEXT, Kind.TOGGLE, Kind.CLICK):
            self.dismiss()

    def _right_answer(self) -> str:
        """The right answer, with the hands a class raised for it before the reveal."""
        q = self.answer.question
        hands = right_hands(q, self.answer.hands)
        if q.skill == "opinion_words":
            return hands    # the explanation names the words
        if self.answer.verdict is Verdict.PARTLY and not hands:
            return ""       # the note on a partly right choice names it
        return "Answer: " + q.choices[q.answer] + (f" — {hands}" if hands else "")

    def blocks(self) -> list[tuple[str, str]]:
        """(text, style) of each block of the body, as shown: the answer and why, then, for
        a claim that is wrong, what the record shows under its own bold heading."""
        before, after = self._parts()
        return before + after

    def _parts(self) -> tuple[list, list]:
        """The blocks before the sentence the opinion words are marked in, and after it:
        what the picks got wrong comes first, over the sentence that shows it; on other
        questions, everything comes after (there is no sentence in the panel)."""
        q = self.answer.question
        floor = floor_words(self.answer) if self.state.setup.show_scores else ""
        said = [line for line in (self.answer.note, floor, self._right_answer()) if line]
        record = [(RECORD_HEADING, "bold"), (q.record, "regular")] if q.record else []
        if self.words is not None and said:
            return [("\n".join(said), "regular")], [(q.explanation, "regular")] + record
        return [], [("\n".join(said + [q.explanation]), "regular")] + record

    def marked_words(self) -> list[tuple[str, bool, bool]]:
        """Each word of the sentence, as the panel marks it: (word, picked by the player,
        a judgment word). Empty for a question that is not about opinion words."""
        q = self.answer.question
        if self.words is None:
            return []
        picked = frozenset(self.answer.given or ())
        return [(word, i in picked, i in q.cue_words) for i, word in enumerate(q.word_texts())]

    # -- layout ----------------------------------------------------------------------
    def _area(self, lay) -> pygame.Rect:
        if self.below is not None:
            return self.below.feedback_area()
        return pygame.Rect(0, lay.h // 2, lay.w, lay.h - lay.h // 2)

    def _place(self) -> FeedbackLayout:
        lay, text, theme = self.app.layout(), self.app.text, self.app.theme
        area = self._area(lay)
        key = (lay.w, lay.h, lay.scale, lay.margin, theme.name, tuple(area))
        if key == self._key:
            return self._laid
        left = area.left + (lay.margin if area.left == 0 else lay.gap)
        inner = pygame.Rect(left, area.top + lay.gap, area.right - lay.margin - left,
                            area.height - 2 * lay.gap)
        icon = lay.font(TEXT.display)
        mark = pygame.Rect(inner.left, inner.top, icon, icon)
        head_w = inner.width - icon - lay.gap
        head = self._head(head_w)
        head_at = (mark.right + lay.gap, max(inner.top, mark.centery - head.get_height() // 2))
        small = lay.font(TEXT.small)
        body_top = max(mark.bottom, head_at[1] + head.get_height()) + lay.gap
        more = text.block(MORE, small, theme.accent, inner.width // 3, style="bold")
        leave_w, leave_h = key_button_size(text, LEAVE_LABEL, small)
        # Along the bottom: the hint on the left; on the right, Leave, and over it "More
        # below" while the body scrolls.
        hint_w = inner.width - max(leave_w, more.get_width()) - lay.gap
        right_h = leave_h

        def row(hint):
            return max(text.height(hint, small, hint_w), right_h)

        def room(hint):
            return inner.bottom - row(hint) - lay.gap - body_top

        blocks, height = self._body(inner.width)
        scrolls = height > room(HINT)
        words = HINT
        if scrolls:     # the keys on a line of their own, if the panel is too narrow for one
            right_h += more.get_height()
            one_line = text.height(HINT, small, hint_w) == text.height(HINT + SCROLL_HINT,
                                                                         small, hint_w)
            words += SCROLL_HINT if one_line else "\n" + SCROLL_HINT.strip()
            blocks, height = self._body(inner.width - BAR)
        view = pygame.Rect(inner.left, body_top, inner.width - BAR * scrolls, max(1, room(words)))
        self.scroll.set(view, height, lay.font(TEXT.body) * 2)
        hint = text.block(words, small, theme.muted, hint_w)
        bottom = inner.bottom - (row(words) - right_h) // 2
        leave = pygame.Rect(inner.right - leave_w, bottom - leave_h, leave_w, leave_h)
        self._key = key
        self._laid = FeedbackLayout(
            area, mark, head, head_w, head_at, view, blocks, hint,
            (inner.left, inner.bottom - (row(words) + hint.get_height()) // 2), more,
            (inner.right - more.get_width(), leave.top - more.get_height()), leave)
        return self._laid

    def _body(self, width: int) -> tuple[list, int]:
        """The body as blocks for the ScrollView: on opinion words, the sentence with the
        picks and the judgment words marked and what the marks mean; then the note, the
        answer and why; then what the record shows."""
        lay, text = self.app.layout(), self.app.text
        size = lay.font(TEXT.body)
        blocks, y = [], 0

        def add(paint, height, space=size // 3):
            nonlocal y
            blocks.append((paint, 0, y, height))
            y += height + space

        before, after = self._parts()
        for words, style in before:
            add(self._paint(words, size, width, style), text.height(words, size, width, style))
        if self.words is not None:
            q = self.answer.question
            flow, picks = self.words, frozenset(self.answer.given or ())

            def paint_words(surface, x, top):
                flow.draw(surface, (x, top), self.app.text, self.app.theme, cues=q.cue_words,
                          picks=picks, lit=self.lit)
            add(paint_words, flow.place(text, size, width))
            small = lay.font(TEXT.small)
            add(self._paint(legend(), small, width, "regular", muted=True),
                text.height(legend(), small, width), size * 2 // 3)
        for words, style in after:
            add(self._paint(words, size, width, style), text.height(words, size, width, style))
        return blocks, y - size // 3

    def _paint(self, words, size, width, style, muted=False):
        # Laid out again when the theme changes (_place's key), so its colours are kept.
        return painter(self.app.text, self.app.theme, words, size, width, style, muted)

    # -- motion --------------------------------------------------------------------------
    def mark_rect(self) -> pygame.Rect:
        """Where the verdict's mark is drawn now: larger mid-pulse on a right answer, to one
        side mid-shake on a wrong one, still on a partly right one; at rest once the motion
        is over (at once with Reduce motion)."""
        p = self._place()
        rect = p.mark.move(0, self._shift(p))
        verdict = self.answer.verdict
        if verdict is Verdict.RIGHT:
            grow = round(rect.width * (self.mark.pulse(self.PULSE) - 1))
            return rect.inflate(grow, grow)
        if verdict is Verdict.WRONG:
            return rect.move(round(self.mark.shake(rect.width / 6)), 0)
        return rect

    def lit(self, i: int) -> float:
        """How far judgment word i has lit up, 0 to 1 (1 for every other word)."""
        tween = self.lights.get(i)
        return 1.0 if tween is None else tween.eased

    def _shift(self, p: FeedbackLayout) -> int:
        """How far below its place the panel is, while it rises."""
        return round((self.app.layout().h - p.area.top) * (1 - self.rise.t) ** 2)

    def _head(self, width: int, share: float = 1.0) -> pygame.Surface:
        """The verdict and share of the points (what the score changed by): they count up
        from 0 while the count runs."""
        a, lay, theme = self.answer, self.app.layout(), self.app.theme
        shown = replace(a, points=round(a.points * share))
        points = points_words(shown) if self.state.setup.show_scores else ""
        word = "Time's up" if a.given is None else a.verdict.word
        return self.app.text.block(word + (f"   {points}" if points else ""),
                                   lay.font(TEXT.verdict), getattr(theme, a.verdict.value),
                                   width, style="bold")

    # -- drawing -----------------------------------------------------------------------
    def draw(self, surface) -> None:
        theme = self.app.theme
        p = self._place()
        shift = self._shift(p)
        panel = p.area.move(0, shift)
        pygame.draw.rect(surface, theme.panel, panel)
        colour = getattr(theme, self.answer.verdict.value)
        pygame.draw.line(surface, colour, panel.topleft, panel.topright, width=6)
        draw_mark(surface, self.mark_rect(), self.answer.verdict.value, colour)
        head = self._head(p.head_w, self.count.eased) if self.count.running else p.head
        surface.blit(head, (p.head_at[0], p.head_at[1] + shift))
        self.scroll.draw(surface, p.blocks, theme, shift)
        surface.blit(p.hint, (p.hint_at[0], p.hint_at[1] + shift))
        if self.scroll.more_below:
            surface.blit(p.more, (p.more_at[0], p.more_at[1] + shift))
        draw_key_button(surface, self.app.text, theme, p.leave.move(0, shift), LEAVE_LABEL,
                        self.app.layout().font(TEXT.small))

    def widgets(self) -> dict:
        return {"Leave": self._place().leave}
