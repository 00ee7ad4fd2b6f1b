"""A class on their own devices, on the projector: the question as every device shows it
with how many have answered (never who answered what), then the answer with the spread of
the class's answers, the scores between questions, and the podium. The room
(game.quiz.room) decides everything; these screens draw it and take the teacher's keys."""
import pygame

from game.bank.texts import shown_article
from game.intents import Kind
from game.quiz.questions import RECORD_HEADING
from game.quiz.room import FINISHED
from game.quiz.seats import Seat, Turns
from game.quiz.wording import quoted, right_words
from game.scenes.base import Scene
from game.scenes.confirm import ConfirmScene, RoundButtons
from game.scenes.document import DocumentScene
from game.scenes.hotseat import PodiumScene, _board_lines, draw_board
from game.quiz.room import ABOUT_THE_ARTICLE
from game.scenes.question_page import QuestionPage
from game.ui.layout import TEXT
from game.ui.tiles import AnswerTiles

ASKING_HINT = "Enter: reveal the answer   Esc: leave"
GO_ON_HINT = "↑↓ PgUp PgDn, wheel or drag: scroll   Enter: next   Esc: leave"
WORD_ROWS = ("Right", "Partly right", "Not quite")


def end_class(app) -> None:
    """The teacher ends the class's game: the server stops, and with it every device's
    connection; nothing is left to resume (a game cut off by the machine is)."""
    problem = app.host.forget() if app.host is not None else None
    if problem:
        app.show_banner(problem, warning=True)
    app.close_host()
    for _ in range(len(app.stack) - 1):
        app.pop()


def ask_to_end(app) -> None:
    """Esc or Leave during the round: asked first, as every round asks."""
    app.push(ConfirmScene(app, "End this class’s round?",
                          "Every answer given so far is saved. The students’ devices are let "
                          "go and the round stays unfinished.", "End round", "Stay"),
             on_result=lambda yes: yes and end_class(app))


class ProjectorQuestion(Scene):
    """The question on the projector, as on every device, with the count of answers."""

    def __init__(self, app):
        super().__init__(app)
        self.host = app.host
        room = self.host.room
        q = self.question = room.questions[room.position]
        self.position = room.position
        bank = app.loaded.bank
        article = bank.articles.get(q.article)
        shown = shown_article(article, bank) if article and q.skill in ABOUT_THE_ARTICLE \
            else None
        self.menu = AnswerTiles(list(q.choices)) if q.choices else None
        if self.menu is not None:
            self.menu.focus = None      # nothing is chosen here: the students choose
        source = f"From {article.credit}" if article and not shown else ""
        self.page = QuestionPage(app, q, self.menu, shown,
                                 "" if shown or self.menu is None else quoted(q), source,
                                 ASKING_HINT, room.setup.timer_seconds is not None,
                                 button="Reveal")
        self._still = None      # (what it was drawn for, the page as drawn then)

    @property
    def moving(self) -> bool:
        """The card arriving, or the clock running down on a timed question."""
        return self.page.moving or bool(self.host.room.seconds_left())

    def update(self, dt: float) -> None:
        self.page.step(dt)

    def handle(self, intent) -> None:
        self.page.settle()
        self._still = None      # a scroll, a hover: the page is drawn afresh
        p = self.page.layout()
        clicked = intent.kind == Kind.CLICK
        if intent.kind == Kind.BACK or clicked and p.leave.collidepoint(intent.value):
            ask_to_end(self.app)
        elif intent.kind == Kind.NEXT or clicked and p.done.collidepoint(intent.value):
            self.host.reveal()
            self.app.replace(ProjectorAnswer(self.app))
        elif intent.kind == Kind.CONTEXT or clicked and p.context \
                and p.context.collidepoint(intent.value):
            statement = next((s for s in self.app.loaded.bank.statements
                              if s.id == self.question.statement), None)
            if statement is not None:
                from game.scenes.overlays import ContextScene
                self.app.push(ContextScene(self.app, statement))
        else:
            self.page.scroll(intent, (Kind.PAGE_UP, Kind.PAGE_DOWN, Kind.HOME, Kind.END,
                                      Kind.UP, Kind.DOWN), getattr(intent, "value", None))

    def widgets(self) -> dict:
        return self.page.widgets()

    def status(self) -> str:
        """"12 of 20 answered · 14 s left": what the top bar says on the right."""
        room = self.host.room
        answered, playing = room.answered(), room.playing()
        # Said in words when it is time to reveal: the teacher need not count.
        words = f"All {playing} answered" if playing and answered == playing \
            else f"{answered} of {playing} answered"
        left = self.host.seconds_left()
        if left is not None:
            words += " · time is up" if left == 0 else f" · {left} s left"
        return words

    def draw(self, surface) -> None:
        """The question as laid out, kept as a picture while it stands still, and the top
        bar over it: a class's answers change only the count, so a frame that shows the
        next answer redraws the bar, not the page (game.tools.bench --net)."""
        theme, text = self.app.theme, self.app.text
        p = self.page.layout()
        c, room = p.lay.content(), self.host.room
        key = (surface.get_size(), theme.name, p.lay.scale, p.lay.margin)
        if self._still is not None and self._still[0] == key and not self.page.moving:
            surface.blit(self._still[1], (0, 0))
        else:
            surface.fill(theme.background)
            self.page.draw(surface)
            surface.blit(text.block(ASKING_HINT, p.small, theme.muted, p.hint_w),
                         (c.left, p.hint_top))
            self._still = None if self.page.moving else (key, surface.copy())
        size = p.lay.font(TEXT.label)
        right = text.block(self.status(), size, theme.accent, c.width // 2, style="bold",
                           align="right")
        left = text.block(f"Question {self.position + 1} of {len(room.questions)}", size,
                          theme.text, c.width // 2 - p.lay.gap, style="bold")
        for block, x in ((left, c.left), (right, c.right - right.get_width())):
            surface.blit(block, (x, c.top), (0, 0, block.get_width(),
                                             min(block.get_height(), p.header_h)))
        timer = room.setup.timer_seconds
        if p.timer is not None and timer:
            share = (room.seconds_left() or 0.0) / timer
            pygame.draw.rect(surface, theme.panel, p.timer)
            pygame.draw.rect(surface, theme.accent, (p.timer.left, p.timer.top,
                                                     round(p.timer.width * share), p.timer.height))


class ProjectorAnswer(DocumentScene):
    """After the reveal: the right answer, a bar per choice with how many gave it (colour,
    length and the count in words), why, and what the record shows."""

    def __init__(self, app):
        super().__init__(app)
        self.host = app.host
        room = self.host.room
        self.position = room.position
        self.question = room.questions[room.position]
        self.title = f"Question {self.position + 1} of {len(room.questions)}: the answer"
        self.back = RoundButtons("Next")

    def hint(self) -> str:
        return GO_ON_HINT

    def items(self) -> list:
        """The answer and the spread first, where a room reads them without scrolling;
        then why, and the sentence and question they were asked."""
        q, room = self.question, self.host.room
        items = [("mark", ("right", f"Answer: {right_words(q)}"))]
        spread, playing = room.spread(), room.playing()
        answered = sum(spread)
        labels = WORD_ROWS if q.skill == "opinion_words" else [
            f"{i + 1}. {choice}" + (" (the answer)" if i == q.answer else "")
            for i, choice in enumerate(q.choices)]
        for label, count in zip(labels, spread):
            share = count / answered if answered else 0.0
            items.append(("bar", (label, share, f"{count} ({share:.0%})")))
        missing = playing - answered
        items.append(("muted", f"{answered} of {playing} answered"
                               + (f"; {missing} gave no answer" if missing else "") + "."))
        items += [("sub", "Why"), ("p", q.explanation)]
        if q.record:
            items += [("sub", RECORD_HEADING), ("p", q.record)]
        items.append(("sub", "The question"))
        if q.skill == "opinion_words":
            items.append(("words", (q.text, q.words, q.cue_words, None)))
        elif q.text:
            items.append(("quote", (quoted(q), ())) if q.statement else ("p", quoted(q)))
        items.append(("p", q.prompt))
        return items

    def handle(self, intent) -> None:
        self._place()
        chosen = None if intent.kind == Kind.CHOOSE else self.back.handle(intent)
        if intent.kind == Kind.BACK or chosen == 0:
            ask_to_end(self.app)
        elif intent.kind == Kind.NEXT or chosen == 1:
            go_on(self.app)
        else:
            self.scroll.handle(intent)


def go_on(app) -> None:
    """After an answer: the scores (unless hidden), the next question, or the podium."""
    room = app.host.room
    last = room.position + 1 >= len(room.questions)
    if room.setup.show_scores and not last and not isinstance(app.scene, Standings):
        app.replace(Standings(app))
        return
    app.host.next()
    app.replace(DevicesPodium(app, class_turns(room)) if room.phase == FINISHED
                else ProjectorQuestion(app))


def class_turns(room) -> Turns:
    """The students as seats, for the podium and the review."""
    return Turns([Seat(s.name, s.state, s.round_id) for s in room.students.values()],
                 "devices")


class Standings(Scene):
    """Between questions: everyone's score so far, best first."""

    def __init__(self, app):
        super().__init__(app)
        self.host = app.host
        self.buttons = RoundButtons("Next question")
        self._board = {}

    def handle(self, intent) -> None:
        self._place()
        chosen = self.buttons.handle(intent)
        if intent.kind == Kind.BACK or chosen == 0:
            ask_to_end(self.app)
        elif intent.kind == Kind.NEXT or chosen == 1:
            go_on(self.app)

    def _place(self):
        lay, text = self.app.layout(), self.app.text
        c = lay.content()
        size = lay.font(TEXT.label)
        h = round(size * 2.4)
        w = 2 * self.buttons.width(text, size) + lay.gap
        self.buttons.place(text, pygame.Rect((lay.w - w) // 2, c.bottom - h, w, h), size,
                           lay.gap, across=True)
        return lay, c, size

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        lay, c, size = self._place()
        room = self.host.room
        surface.fill(theme.background)
        head = text.block(f"Scores after question {room.position + 1} of "
                          f"{len(room.questions)}", lay.font(TEXT.heading), theme.text,
                          c.width, style="bold", align="center")
        surface.blit(head, ((lay.w - head.get_width()) // 2, c.top))
        top = c.top + head.get_height() + 2 * lay.gap
        width = min(c.width, lay.w * 3 // 4)
        area = pygame.Rect((lay.w - width) // 2, top, width,
                           self.buttons.rects[0].top - lay.gap - top)
        lines = _board_lines(class_turns(room).standings())
        if lines:
            draw_board(surface, self.app, lines, area, theme.text, self._board)
        self.buttons.draw(surface, text, theme, size)


class DevicesPodium(PodiumScene):
    """The end of the class's round: the podium, the review of every answer, then the
    title (which lets the devices go)."""

    ITEMS = ["Review answers", "Back to title"]

    def exit(self) -> None:
        self.app.close_host()
