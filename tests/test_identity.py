"""The look of the game (issue 13 §4): the articles' words in the serif beside Inter for
the interface, the quote on a card that looks like where it was read (and never gives an
answer away), the card arriving without holding up input, and a logo that leaves the
title's menu alone. Driven through the real app and measured by what it draws."""
from dataclasses import replace

import pygame
import pytest

from pilot import Drawn, key, new_app, run_frames, widget
from game.bank.models import GENRES
from game.quiz.questions import generate
from game.quiz.round import RoundSetup
from game.quiz.state import RoundState
from game.quiz.wording import quoted
from game.scenes.question import QuestionScene
from game.ui.card import NEUTRAL_SKILLS, NO_BYLINE

SIZES = [(960, 540), (1280, 720), (1920, 1080)]
TEXT_SIZES = ["standard", "large", "largest", "projector"]


class Styles:
    """The face each block of words is drawn in, by its words."""

    def __init__(self, app):
        self.of = {}
        real = app.text.block

        def spy(words, size, colour, width, style="regular", *args, **kwargs):
            self.of[words] = style
            return real(words, size, colour, width, style, *args, **kwargs)
        app.text.block = spy


def show(app, q) -> QuestionScene:
    scene = QuestionScene(app, RoundState(RoundSetup(count=5), [q]))
    app.push(scene)
    app.step()
    return scene


def one(app, skill, genre=None, article=None):
    bank = app.loaded.bank
    return next(q for q in generate(bank) if q.skill == skill
                and (genre is None or bank.articles[q.article].genre == genre)
                and (article is None or q.article == article))


def test_the_articles_words_are_in_the_serif_and_the_interface_in_inter():
    app = new_app(size=(1280, 720), seed=5)
    styles = Styles(app)
    q = one(app, "fact_or_opinion")
    scene = show(app, q)
    assert styles.of[quoted(q)] == "serif"
    assert styles.of[q.prompt] == "bold"
    assert all(styles.of[scene.menu.label(i)] in ("regular", "bold")
               for i in range(len(q.choices)))
    del app.stack[1:]
    styles.of.clear()
    q = one(app, "article_genre")
    scene = show(app, q)
    paragraphs = [words for words in styles.of if words in scene.article_text().split("\n")]
    assert paragraphs and all(styles.of[p] == "serif" for p in paragraphs)
    del app.stack[1:]
    q = one(app, "opinion_words")
    show(app, q)
    assert all(styles.of[word] == "serif" for word in q.word_texts())
    pygame.quit()


def test_a_repost_shows_its_missing_byline_as_an_empty_slot_above_the_quote():
    app = new_app(size=(1280, 720), seed=5)
    drawn = Drawn(app)
    q = one(app, "fact_or_opinion", article="osaka-repost")
    assert app.loaded.bank.articles[q.article].author == "not stated"
    scene = show(app, q)
    frame = drawn.frame()
    gap = next(rect for words, _, rect, _ in frame if words == NO_BYLINE)
    quote = next(rect for words, _, rect, _ in frame if words == quoted(q))
    box = scene.layout().quote_box
    assert box.contains(gap) and gap.bottom <= quote.top
    # A news report names its outlet instead, and no byline is missing there.
    del app.stack[1:]
    q = one(app, "fact_or_opinion", genre="news analysis")
    show(app, q)
    said = [words for words, *_ in drawn.frame()]
    assert NO_BYLINE not in said and "CNN" in said
    pygame.quit()


def pixels(app, q, genre) -> bytes:
    bank = app.loaded.bank
    bank.articles[q.article] = replace(bank.articles[q.article], genre=genre)
    show(app, q)
    picture = pygame.image.tobytes(app.screen, "RGB")
    del app.stack[1:]
    return picture


@pytest.mark.parametrize("skill", sorted(NEUTRAL_SKILLS | {"fact_or_opinion"}))
def test_the_card_gives_no_answer_away(skill):
    """Where the answer is the article's genre or the kind of source (or may be: a
    teacher's question), the screen is the same whatever the genre; elsewhere the card
    does follow the genre, so this test could see a difference."""
    assert {"article_genre", "source_kind", "hand_written"} <= NEUTRAL_SKILLS
    app = new_app(size=(960, 540), seed=5)
    app.settings.reduce_motion = True
    q = one(app, skill)
    screens = {pixels(app, q, genre) for genre in GENRES}
    assert len(screens) == (1 if skill in NEUTRAL_SKILLS else 3)
    pygame.quit()


def quote_top(drawn, q) -> int:
    return next(rect.top for words, _, rect, _ in drawn.frame() if words == quoted(q))


def test_the_card_slides_in_but_never_holds_up_an_answer():
    app = new_app(size=(1280, 720), seed=5)
    drawn = Drawn(app)
    q = one(app, "fact_or_opinion")
    scene = show(app, q)
    arriving = quote_top(drawn, q)
    assert scene.moving
    run_frames(app, 30)
    placed = quote_top(drawn, q)
    assert arriving > placed and not scene.moving
    del app.stack[1:]
    show(app, q)
    key(app, pygame.K_DOWN)      # any key puts the card in place at once
    assert quote_top(drawn, q) == placed
    del app.stack[1:]
    scene = show(app, q)
    key(app, pygame.K_1)         # and an answer on the first frame counts at once
    assert len(scene.flow.state.answers) == 1
    pygame.quit()


def test_with_reduce_motion_the_card_is_in_place_on_the_first_frame():
    app = new_app(size=(1280, 720), seed=5)
    app.settings.reduce_motion = True
    drawn = Drawn(app)
    q = one(app, "fact_or_opinion")
    scene = show(app, q)
    first = quote_top(drawn, q)
    assert not scene.moving
    run_frames(app, 30)
    assert quote_top(drawn, q) == first
    pygame.quit()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_the_logo_never_overlaps_the_menu_or_the_tag_line(size, text_size):
    app = new_app(size=size, seed=5)
    app.settings.projector = text_size == "projector"
    app.settings.text_size = "largest" if text_size == "projector" else text_size
    drawn = Drawn(app)
    app.step()
    logo = app.scene.logo()
    assert app.screen.get_rect().contains(logo)
    assert logo.bottom <= widget(app, "Play").top
    assert not any(logo.colliderect(rect) for rect in app.scene.widgets().values())
    frame = drawn.frame()
    assert not any(logo.colliderect(rect) for words, _, rect, _ in frame
                   if words != "Byline")
    pygame.quit()
