"""The quote on a card that looks like where it was read: a news report as a newspaper
clipping, an opinion piece or a blog post as a post with its author's initial, a repost as a
repost whose missing byline shows as an empty slot.

A card tells the player something about the article, so it shows only what the question
does not ask: a question whose answer is the article's genre, or the kind of source a claim
comes from (a clipping says "news outlet", a post "a person online"), or a teacher's own
question about the article, which may ask either, gets the neutral card, whatever the genre."""
import re
from dataclasses import dataclass

import pygame

from game.bank.models import NOT_STATED, Article

# Skills whose answer a genre's look would give away, or might (a teacher's question).
NEUTRAL_SKILLS = frozenset({"article_genre", "source_kind", "hand_written"})
LOOKS = {"straight news report": "clipping", "news analysis": "clipping",
         "opinion column": "post", "partisan blog post": "post",
         "aggregator repost": "repost"}
NO_BYLINE = "no byline"
REPOSTED = "↻"      # in Inter, not in the serif
SHADOW = 4          # how far a card's shadow falls below it


def _stated(value: str) -> str:
    """A name as the file states it, or "" where the file says it is not stated (in any
    words: "not stated (the footer names …)", "The Inquisitr (implied by the text, not
    stated)"), so the card never claims more than the article shows."""
    return "" if NOT_STATED in value.casefold() else re.sub(r"\s*\(.*\)\s*$", "", value).strip()


@dataclass(frozen=True)
class Card:
    look: str               # "neutral", "clipping", "post" or "repost"
    outlet: str = ""        # as stated, else ""
    author: str = ""

    @classmethod
    def of(cls, skill: str, article: Article | None) -> "Card":
        if article is None or skill in NEUTRAL_SKILLS or article.genre not in LOOKS:
            return cls("neutral")
        return cls(LOOKS[article.genre], _stated(article.outlet), _stated(article.author))

    # -- the card's top line: who it is from, as that kind of page shows it -------------
    def masthead(self, text, theme, size: int, width: int, gap: int, credit: str = ""):
        """(height, paint(surface, x, y)) of the card's top line, or None for the neutral
        card, which has none: the look's own mark on the left (an outlet's name, an
        author's initial, an empty byline) and beside it the credit the question gives
        (the headline and outlet), so the card costs the quote hardly any room."""
        if self.look not in ("clipping", "post", "repost"):
            return None
        mark_w, mark_h, paint_mark, lines = getattr(self, "_" + self.look)(
            text, theme, size, width, gap)
        lines += [(credit, "regular", theme.muted)] if credit else []
        beside = width - mark_w - gap >= width // 3
        col_x = mark_w + gap if beside and mark_w else 0
        col_w = width - col_x
        heights = [text.height(words, size, col_w, style) for words, style, _ in lines]
        col_top = 0 if beside or not mark_h else mark_h + gap // 3
        row = max(mark_h, sum(heights)) if beside else col_top + sum(heights)
        rule = row + gap // 3 if self.look == "clipping" else None
        height = row if rule is None else rule + 5

        def paint(surface, x, y):
            paint_mark(surface, x, y + ((row - mark_h) // 2 if beside else 0))
            top = y + col_top + ((row - sum(heights)) // 2 if beside else 0)
            for (words, style, colour), h in zip(lines, heights):
                surface.blit(text.block(words, size, colour, col_w, style=style),
                             (x + col_x, top))
                top += h
            if rule is not None:    # a newspaper's thick-and-thin rule under its name
                pygame.draw.line(surface, theme.text, (x, y + rule), (x + width, y + rule), 2)
                pygame.draw.line(surface, theme.text, (x, y + rule + 4),
                                 (x + width, y + rule + 4))
        return height, paint

    # Each look's mark: (width, height, paint(surface, x, y), lines to write beside it).
    def _clipping(self, text, theme, size, width, gap):
        name = self.outlet.upper()      # a masthead's capitals, in the serif
        if not name:
            return 0, 0, lambda *_: None, []
        big = round(size * 1.15)
        w = min(text.font("serif-bold", big).size(name)[0], width // 2)
        h = text.height(name, big, w, "serif-bold")

        def paint(surface, x, y):
            surface.blit(text.block(name, big, theme.text, w, style="serif-bold"), (x, y))
        return w, h, paint, []

    def _post(self, text, theme, size, width, gap):
        d = round(text.font("bold", size).get_height() * 1.5)
        name = self.author or self.outlet
        initial = (name[:1] or "?").upper()

        def paint(surface, x, y):
            centre = (x + d // 2, y + d // 2)
            pygame.draw.circle(surface, theme.accent, centre, d // 2)
            letter = text.block(initial, round(size * 1.1), theme.on_accent, d, style="bold")
            surface.blit(letter, letter.get_rect(center=centre).topleft)
        return d, d, paint, [(name, "bold", theme.text)] if name else []

    def _repost(self, text, theme, size, width, gap):
        font = text.font("regular", size)
        label = f"{REPOSTED} by"
        if self.author:     # a byline after all: shown, not a gap
            return 0, 0, lambda *_: None, [(f"{label} {self.author}", "regular", theme.muted)]
        label_w, pad = font.size(label)[0], max(6, size // 2)
        slot_w, slot_h = font.size(NO_BYLINE)[0] + 2 * pad, font.get_height() + pad // 2
        w = min(width, label_w + gap // 2 + slot_w)

        def paint(surface, x, y):
            surface.blit(text.block(label, size, theme.muted, label_w + 1),
                         (x, y + (slot_h - font.get_height()) // 2))
            slot = pygame.Rect(x + w - slot_w, y, slot_w, slot_h)
            dashed_rect(surface, theme.muted, slot, dash=max(4, size // 3))
            words = text.block(NO_BYLINE, size, theme.muted, slot.width)
            surface.blit(words, words.get_rect(center=slot.center).topleft)
        return w, slot_h, paint, []

    # -- the card behind the text -----------------------------------------------------
    def draw(self, surface, rect: pygame.Rect, theme, gap: int) -> None:
        """The card's paper and edges around rect (the quote's or the article's panel)."""
        shadow = rect.move(SHADOW - 1, SHADOW)
        if self.look == "clipping":
            torn = _torn(rect, max(3, gap * 3 // 5), max(8, gap))
            pygame.draw.polygon(surface, theme.edge,
                                [(x + SHADOW - 1, y + SHADOW) for x, y in torn])
            pygame.draw.polygon(surface, theme.paper, torn)
            pygame.draw.lines(surface, theme.edge, False, torn[1:] + torn[:1])
            return
        radius = 16 if self.look == "post" else 10
        if self.look == "repost":   # a copy of a copy: the pages it was taken from behind
            for step in (2, 1):
                behind = rect.move(step * SHADOW // 2, -step * 4)
                pygame.draw.rect(surface, theme.background, behind, border_radius=radius)
                pygame.draw.rect(surface, theme.edge, behind, width=1, border_radius=radius)
        pygame.draw.rect(surface, theme.edge, shadow, border_radius=radius)
        pygame.draw.rect(surface, theme.panel, rect, border_radius=radius)
        pygame.draw.rect(surface, theme.edge, rect, width=1, border_radius=radius)


def _torn(rect: pygame.Rect, depth: int, step: int) -> list[tuple[int, int]]:
    """The outline of a piece cut straight at the top and sides and torn along the bottom:
    a zigzag of uneven teeth, the same for the same rect (no random draw)."""
    bites = (0.2, 0.9, 0.5, 1.0, 0.3, 0.75, 0.1, 0.6)
    bottom = rect.bottom - 1
    points = [(rect.left, rect.top), (rect.right - 1, rect.top), (rect.right - 1, bottom)]
    x, i = rect.right - 1, 0
    while x > rect.left:
        x = max(rect.left, x - step)
        points.append((x, bottom - round(depth * bites[i % len(bites)])))
        i += 1
    return points


def dashed_rect(surface, colour, rect: pygame.Rect, dash: int = 6) -> None:
    """An empty slot's outline: dashes along each side."""
    for (x1, y1), (x2, y2) in ((rect.topleft, rect.topright),
                               (rect.bottomleft, rect.bottomright),
                               (rect.topleft, rect.bottomleft),
                               (rect.topright, rect.bottomright)):
        length = max(abs(x2 - x1), abs(y2 - y1))
        for start in range(0, length, dash * 2):
            end = min(length, start + dash)
            a, b = start / length, end / length
            pygame.draw.line(surface, colour, (x1 + (x2 - x1) * a, y1 + (y2 - y1) * a),
                             (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b), 2)
