"""A sentence as it was written, whose words can be picked: quotation marks, dashes and
apostrophes stay on screen beside the words they belong to, since they tell whose words
those are; only the words are picked. The same flow shows the picks and the judgment words
side by side once the answer is in."""
from dataclasses import dataclass

import pygame

WIDE = 4096     # a piece is one word or a few marks: it never wraps


def legend(whose: str = "your") -> str:
    """What the marks of a sentence shown after the answer mean: whose picks are boxed."""
    return f"Highlighted and underlined: the judgment words.   Boxed: {whose} picks."


@dataclass(frozen=True)
class Piece:
    text: str
    word: int | None    # which word, as an index into the words; None for punctuation


def tokens(text: str, words) -> list[list[Piece]]:
    """The sentence cut at its spaces; each token cut into its words and the marks around
    them ("“fake" is a mark, then the word fake). words: (start, end) of each word."""
    found, at, n = [], 0, 0
    for token in text.split():
        start = text.index(token, at)
        end = at = start + len(token)
        pieces, x = [], start
        while n < len(words) and words[n][0] < end:
            a, b = words[n]
            if a > x:
                pieces.append(Piece(text[x:a], None))
            pieces.append(Piece(text[a:b], n))
            x, n = b, n + 1
        if x < end:
            pieces.append(Piece(text[x:end], None))
        found.append(pieces)
    return found


@dataclass
class Placed:
    piece: Piece
    x: int
    y: int


class WordFlow:
    """The sentence laid out across a width, from (0, 0): rects[i] is word i's button."""

    style = "serif"     # a sentence from an article: set in the articles' face

    def __init__(self, text: str, words):
        self.tokens = tokens(text, words)
        self.count = len(words)
        self.rects: list[pygame.Rect] = []
        self.placed: list[Placed] = []
        self._laid = None
        self.size = self.height = 0

    def place(self, fonts, size: int, width: int) -> int:
        """Lay the words out at size within width; returns the height they take."""
        if self._laid == (size, width):
            return self.height
        font = fonts.font(self.style, size)
        pad, lift = max(3, size // 5), max(2, size // 6)
        gap = max(font.size(" ")[0], 2 * pad + 2)   # the buttons of two words never touch
        line = font.get_height() + 2 * lift
        self.rects = [pygame.Rect(0, 0, 0, 0)] * self.count
        self.placed = []
        x = y = 0
        for pieces in self.tokens:
            widths = [font.size(p.text)[0] for p in pieces]
            if x and x + sum(widths) + pad > width:
                x, y = 0, y + line + size // 4
            x += pad if x == 0 else 0
            for i, (piece, w) in enumerate(zip(pieces, widths)):
                self.placed.append(Placed(piece, x, y + lift))
                if piece.word is not None:
                    # The button reaches out over a space, not over a mark it touches.
                    left = pad if i == 0 else 1
                    right = pad if i == len(pieces) - 1 else 1
                    self.rects[piece.word] = pygame.Rect(x - left, y, w + left + right, line)
                x += w
            x += gap
        self.height = y + line if self.tokens else 0
        self.size, self._laid = size, (size, width)
        return self.height

    def draw(self, surface, origin, text, theme, selected=frozenset(), focus=None,
             cues=frozenset(), picks=None, lit=None) -> None:
        """While the player picks: selected words highlighted, the focus ringed. Once the
        answer is in (picks given): the judgment words (cues) highlighted and underlined,
        the player's picks boxed, so the two read side by side without colour alone.
        lit(i): how far word i's highlight has swept in from its left, 0 to 1 (the feedback
        lights the judgment words up one by one); all the way when not given."""
        ox, oy = origin
        font = text.font(self.style, self.size)
        marked = set(selected) | set(cues)
        share = (lambda i: 1.0) if lit is None else lit
        swept = {}      # word -> the part of the window its highlight covers now
        for i, rect in enumerate(self.rects):
            rect = rect.move(ox, oy)
            if i in marked and share(i) > 0:
                # One highlight under words marked side by side: "like a violin" reads as
                # the phrase it is.
                after = self.rects[i + 1] if i + 1 in marked else None
                if after is not None and after.top == self.rects[i].top and share(i + 1) > 0:
                    rect.width = after.left - self.rects[i].left + 1
                swept[i] = pygame.Rect(rect.topleft, (round(rect.width * share(i)), rect.height))
                pygame.draw.rect(surface, theme.cue, swept[i], border_radius=6)
            if picks is not None and i in picks:
                pygame.draw.rect(surface, theme.text, rect, width=max(2, self.size // 12),
                                 border_radius=6)
            if i == focus:
                pygame.draw.rect(surface, theme.accent, rect, width=3, border_radius=6)
        clip = surface.get_clip()
        for p in self.placed:
            x, y = ox + p.x, oy + p.y
            word, width = p.piece.word, font.size(p.piece.text)[0]
            if word not in swept or swept[word].right < x + width:
                surface.blit(text.block(p.piece.text, self.size, theme.text, WIDE,
                                        style=self.style), (x, y))
            if word in swept:   # the highlighted part in the colour that reads on it
                surface.set_clip(swept[word].clip(clip))
                surface.blit(text.block(p.piece.text, self.size, theme.on_cue, WIDE,
                                        style=self.style), (x, y))
                surface.set_clip(clip)
            if word is not None and word in cues and share(word) >= 1:
                under = y + font.get_ascent() + max(2, self.size // 10)
                pygame.draw.line(surface, theme.on_cue, (x, under), (x + width, under),
                                 max(2, self.size // 14))
