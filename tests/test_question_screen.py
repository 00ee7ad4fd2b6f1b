"""What a question shows and what its feedback leaves in view (issue 13 §1 and §3): a
question about the article shows the article, opinion words are picked from the sentence
as written, the feedback on them marks the picks beside the cues, and the quoted sentence
is never set smaller than its answers or than the text size the player chose: what does
not fit scrolls. Measured by what is drawn (pilot.Drawn), driven through the real loop."""
import re

import pygame
import pytest

from conftest import ROOT
from pilot import (Drawn, answer, click, drag, key, new_app, readable, run_frames,
                   scroll_through, wheel, widget)
from game.quiz.questions import generate
from game.quiz.round import RoundSetup
from game.quiz.state import RoundState
from game.quiz.wording import quoted
from game.scenes.feedback import FeedbackScene
from game.scenes.question import QuestionScene
from game.ui.layout import TEXT

SIZES = [(960, 540), (1280, 720), (1920, 1080)]
TEXT_SIZES = ["standard", "large", "largest", "projector"]
ABOUT_THE_ARTICLE = ("article_genre", "hand_written")


def new(size=(1280, 720), text_size="standard", **config):
    app = new_app(size=size, seed=5, **config)
    if text_size == "projector":
        app.settings.projector = True
    else:
        app.settings.text_size = text_size
    return app


def show(app, question, timer=None, drawn=True) -> QuestionScene:
    """A round of one question, on screen (or, not drawn, on top of the stack only)."""
    scene = QuestionScene(app, RoundState(RoundSetup(count=5, timer_seconds=timer), [question]))
    app.push(scene)
    app.step() if drawn else app.advance()
    return scene


def leave(app) -> None:
    del app.stack[1:]


def same(words: str) -> str:
    """Text compared as a reader compares it: case, spacing and the shape of an apostrophe
    aside."""
    return re.sub(r"\s+", " ", words.replace("’", "'").replace("‘", "'")).casefold().strip()


def quotes_in(words: str) -> list[str]:
    """What words puts in quotation marks, curly or straight."""
    return [a or b for a, b in re.findall(r"“([^”]*)”|\"([^\"]*)\"", words)]


# --- §1: a question about the article shows the article --------------------------------

@pytest.mark.articles
def test_a_question_about_the_article_shows_every_word_its_explanation_quotes():
    """“loaded words such as ‘bizarre’”: the player can read them before answering."""
    app = new()
    drawn = Drawn(app)
    about = [q for q in generate(app.loaded.bank) if q.skill in ABOUT_THE_ARTICLE]
    assert {q.skill for q in about} == set(ABOUT_THE_ARTICLE)
    body = app.layout().font(TEXT.body)
    for q in about:
        show(app, q)
        frames = scroll_through(app, drawn, pygame.K_PAGEDOWN)
        shown = same(" ".join(words for frame in frames for words, *_ in frame))
        quoted_words = quotes_in(q.explanation) + quotes_in(q.prompt)
        for words in quoted_words:
            assert same(words) in shown, (q.id, words)
        # The article is set at the size of the text around it, never smaller.
        article = [size for frame in frames for words, size, *_ in frame
                   if same(words) in same(app.scene.article_text())]
        assert article and min(article) >= body, q.id
        leave(app)
    pygame.quit()


def test_without_its_text_the_article_panel_shows_what_the_question_file_has(tmp_path):
    folder = tmp_path / "questions"
    folder.mkdir()
    text = (ROOT / "questions" / "inquisitr-g7.yaml").read_text(encoding="utf-8")
    text = re.sub(r"text_file: .*", "text_file: not-here.txt", text)
    (folder / "inquisitr-g7.yaml").write_text(text, encoding="utf-8")
    app = new(question_paths=[folder], data_dir=tmp_path / "data")
    assert not app.loaded.problems
    drawn = Drawn(app)
    bank = app.loaded.bank
    genre = next(q for q in generate(bank) if q.skill == "article_genre")
    show(app, genre)
    frames = scroll_through(app, drawn, pygame.K_PAGEDOWN)
    shown = " ".join(words for frame in frames for words, *_ in frame)
    article = bank.articles[genre.article]
    assert f"Headline: {article.headline}" in shown and f"Outlet: {article.outlet}" in shown
    for s in bank.statements_of(article.id):
        assert s.text in shown, s.id
    assert "not on this computer" in shown
    pygame.quit()


# --- §1: opinion words, from the sentence as written --------------------------------------

def test_opinion_words_are_picked_from_the_sentence_as_written():
    """Quotation marks, dashes and apostrophes stay on screen, beside their words; the
    words, and only they, can be picked."""
    app = new()
    drawn = Drawn(app)
    for q in (q for q in generate(app.loaded.bank) if q.skill == "opinion_words"):
        scene = show(app, q)
        widgets = scene.widgets()
        words = q.word_texts()
        assert {i for kind, i in (w for w in widgets if isinstance(w, tuple))} == \
            set(range(len(words))), q.id
        frame = drawn.frame()
        # The sentence's lines: from its first word's to its last's (the card's line naming
        # where it is from is above them).
        lines = widgets[("word", 0)].unionall([widgets[("word", i)] for i in range(len(words))])
        sentence = [(rect.top, rect.left, text) for text, _, rect, _ in frame
                    if lines.top <= rect.top and rect.bottom <= lines.bottom
                    and text != q.prompt and not text.startswith("From ")]
        pieces = "".join(text for _, _, text in sorted(sentence))
        assert pieces == re.sub(r"\s+", "", q.text), q.id
        for i, word in enumerate(words):    # each word drawn inside its own button
            rect = widgets[("word", i)]
            assert any(text == word and rect.contains(r) for text, _, r, _ in frame), (q.id, word)
        leave(app)
    pygame.quit()


def test_the_feedback_on_opinion_words_shows_the_sentence_with_picks_and_cues():
    """A partly right answer: the sentence stays readable, each word marked as picked, as
    a judgment word or both, with the note naming the word that was not one."""
    app = new(size=(960, 540), text_size="largest")
    drawn = Drawn(app)
    q = max((q for q in generate(app.loaded.bank) if q.skill == "opinion_words"
             and len(q.cue_groups) >= 2), key=lambda q: len(q.text))
    extra = min(set(range(len(q.words))) - q.cue_words)
    picked = q.cue_groups[0] | {extra}
    show(app, q)
    answer(app, given=picked)
    run_frames(app, 30)
    assert isinstance(app.scene, FeedbackScene)
    marks = app.scene.marked_words()
    assert [word for word, _, _ in marks] == q.word_texts()
    assert {i for i, (_, pick, _) in enumerate(marks) if pick} == picked
    assert {i for i, (_, _, cue) in enumerate(marks) if cue} == q.cue_words
    frame = drawn.frame()
    shown = [(text, rect, visible) for text, _, rect, visible in frame]
    for word in q.word_texts():
        assert any(text == word and visible == rect for text, rect, visible in shown), word
    said = " ".join(text for text, *_ in shown)
    assert f"Not judgment words: “{q.word_texts()[extra]}”" in said
    assert "your picks" in said.lower() and "judgment words" in said.lower()
    pygame.quit()


# --- §3: text that grows, never shrinks, where it matters --------------------------------

@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_the_quote_is_never_smaller_than_the_answers_or_the_chosen_size(size, text_size):
    app = new(size=size, text_size=text_size)
    drawn = Drawn(app)
    body = app.layout().font(TEXT.body)
    for q in generate(app.loaded.bank):
        scene = show(app, q, drawn=False)
        frame = drawn.frame()
        if q.skill == "opinion_words":
            words = set(q.word_texts())
            quote = [size for text, size, *_ in frame if text in words]
            answers = quote
        else:
            if q.skill in ABOUT_THE_ARTICLE:
                article = same(scene.article_text())
                quote = [size for text, size, *_ in frame if same(text) in article]
            else:
                quote = [size for text, size, *_ in frame if text == quoted(q)]
            labels = {scene.menu.label(i) for i in range(len(q.choices))}
            answers = [size for text, size, *_ in frame if text in labels]
            assert answers, q.id
        assert quote, q.id
        assert min(quote) >= max(answers), (q.id, quote, answers)
        assert min(quote) >= body, (q.id, min(quote), body)
        leave(app)
    pygame.quit()


def accent_rows(surface, colour, area: pygame.Rect) -> list[int]:
    """The rows of area that are more than half the colour: the timer's bar."""
    rows = []
    for y in range(area.top, area.bottom):
        same_colour = sum(surface.get_at((x, y))[:3] == colour
                          for x in range(area.left, area.right, 4))
        if same_colour * 4 > area.width // 2:
            rows.append(y)
    return rows


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_the_timer_bar_never_runs_through_the_header(size, text_size):
    app = new(size=size, text_size=text_size)
    drawn = Drawn(app)
    q = next(q for q in generate(app.loaded.bank) if q.skill == "who_is_source")
    show(app, q, timer=30)
    frame = drawn.frame()
    app.draw(app.screen)
    c = app.layout().content()
    top = pygame.Rect(c.left, 0, c.width, c.top + app.layout().font(TEXT.label) * 3)
    bar = accent_rows(app.screen, app.theme.accent, top)
    assert bar, "no timer bar"
    header = [rect for text, _, rect, _ in frame if "s left" in text or "Question 1" in text]
    assert len(header) == 2
    for rect in header:
        assert max(bar) < rect.top or min(bar) >= rect.bottom, (rect, bar)
    pygame.quit()


@pytest.mark.parametrize("text_size", ["largest", "projector"])
def test_the_feedback_scrolls_rather_than_shrink_its_explanation(text_size):
    """The most a feedback panel has to say (the longest explanation and record, and the
    longest sentence to mark) at the smallest window: set at the body size, all of it read
    by scrolling."""
    app = new(size=(960, 540), text_size=text_size)
    drawn = Drawn(app)
    body = app.layout().font(TEXT.body)
    questions = generate(app.loaded.bank, seed=1)
    hardest = [max((q for q in questions if q.record),
                   key=lambda q: len(q.explanation) + len(q.record)),
               max((q for q in questions if q.skill == "opinion_words"), key=lambda q: len(q.text)),
               max(questions, key=lambda q: len(q.explanation))]
    for q in hardest:
        show(app, q)
        answer(app)
        run_frames(app, 30)
        assert isinstance(app.scene, FeedbackScene)
        frames = scroll_through(app, drawn)
        for words in [q.explanation] + [q.record] * bool(q.record):
            assert readable(frames, lambda text: words in text), (q.id, words[:40])
            sizes = {size for frame in frames for text, size, *_ in frame if words in text}
            assert min(sizes) >= body, (q.id, sizes, body)
        leave(app)
    pygame.quit()


# --- what does not fit scrolls, by wheel, keys and drag; the focus stays in view -----------

def hover(app, pos) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                         buttons=(0, 0, 0)))
    run_frames(app)


def article_top(drawn, scene) -> int:
    article = same(scene.article_text())
    return min(rect.top for words, _, rect, visible in drawn.frame()
               if visible.height and same(words) in article)


def test_the_article_scrolls_by_keys_wheel_and_drag_while_the_arrows_choose():
    app = new()
    drawn = Drawn(app)
    q = next(q for q in generate(app.loaded.bank) if q.skill == "article_genre")
    scene = show(app, q)
    p = scene.layout()
    assert p.kind == "article" and p.reading.scroll.max_offset > 0
    first = drawn.frame()
    start = article_top(drawn, scene)
    key(app, pygame.K_PAGEDOWN)
    paged = article_top(drawn, scene)
    assert paged < start or [f[2] for f in drawn.frame()] != [f[2] for f in first]
    key(app, pygame.K_HOME)
    hover(app, p.inner.center)
    wheel(app, -1)                          # over the article: the article moves
    assert [f[2] for f in drawn.frame()] != [f[2] for f in first]
    key(app, pygame.K_HOME)
    drag(app, p.inner.center, -80)
    assert app.scene is scene and [f[2] for f in drawn.frame()] != [f[2] for f in first]
    key(app, pygame.K_DOWN)                 # the arrows still move among the answers
    assert scene.menu.focus == 1
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, FeedbackScene) and app.scene.answer.given == 1
    pygame.quit()


def test_answers_that_do_not_fit_scroll_to_the_one_chosen_by_the_arrows():
    """The longest teacher's question at the smallest window on a projector: the answers
    scroll; each answer the arrows reach is shown whole, and Enter gives that one."""
    app = new(size=(960, 540), text_size="projector")
    q = max((q for q in generate(app.loaded.bank) if q.skill == "hand_written"),
            key=lambda q: len(q.prompt) + sum(map(len, q.choices)))
    scene = show(app, q)
    assert scene.layout().answers.scroll.max_offset > 0
    for i in range(1, len(q.choices)):
        key(app, pygame.K_DOWN)
        shown = scene.widgets()[q.choices[i]]
        assert shown.height == scene.layout().answers.buttons[i].height, i
    key(app, pygame.K_RETURN)
    assert app.scene.answer.given == len(q.choices) - 1
    pygame.quit()


def test_words_scroll_to_the_focus_and_are_picked_by_mouse():
    """The longest sentence at the smallest window on a projector: wherever the words are
    scrolled to, the word the arrows reach is shown whole."""
    app = new(size=(960, 540), text_size="projector")
    q = max((q for q in generate(app.loaded.bank) if q.skill == "opinion_words"),
            key=lambda q: len(q.text))
    scene = show(app, q)
    last = len(q.words) - 1
    buttons = scene.layout().answers.buttons
    key(app, pygame.K_END)
    key(app, pygame.K_RIGHT)
    assert scene.word_focus == 1 and scene.widgets()[("word", 1)].size == buttons[1].size
    key(app, pygame.K_LEFT)
    key(app, pygame.K_LEFT)                 # from the first word round to the last
    assert scene.word_focus == last and scene.widgets()[("word", last)].size == buttons[last].size
    click(app, widget(app, ("word", last)).center)
    assert scene.selected == {last}
    pygame.quit()
