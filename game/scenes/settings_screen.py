"""Text size, sound, high contrast and motion: applied at once and saved at once. Below
them, where the settings and the questions are kept, a button that opens the teacher's
question folder (or, where there is no file manager, says where it is), and the teacher's
way to a new article and to the review of its draft."""
from typing import NamedTuple

import pygame

from game import folder_opener
from game.intents import Kind
from game.scenes.base import Scene
from game.store.settings import TEXT_SIZES
from game.ui.form import Form, Row
from game.ui.layout import TEXT

SIZES = tuple(TEXT_SIZES)
SMALLEST = 14       # the least text size the form, and where things are kept, shrink to
HINT = "↑↓: move   ←→ or Enter: change   Esc: back"
# Seconds a file manager's launcher is watched for an error: xdg-open gives up within a
# second or two, and a file manager started in its place may run for as long as it is open.
WATCH = 10.0


class Laid(NamedTuple):
    form: pygame.Rect       # the form's area
    said_x: int             # what the button says: under the form, centred in this width
    said_w: int
    kept: pygame.Rect       # where things are kept: this box, at this size, so aligned
    kept_size: int
    align: str
    sample: bool            # whether the sample sentence may go under the form


class SettingsScene(Scene):
    def __init__(self, app):
        super().__init__(app)
        self._make_form()
        self.opening = None         # a game.folder_opener.Opening, once the button is pressed
        self.made = None            # why the question folder could not be made, if it could not
        self.watched = WATCH        # seconds the launcher has been watched: none to watch

    def _make_form(self, focus: int = 0) -> None:
        s = self.app.settings
        from game.scenes.draft_review import drafts
        self.drafts = drafts(self.app)
        # Review only while the teacher's folder holds drafts (new-article's) to review.
        review = [Row("button", "A new article", "new_article", cell=(0, 6),
                      span=1 if self.drafts else 2)]
        if self.drafts:
            review.append(Row("button", f"Review a draft ({len(self.drafts)})", "review",
                              cell=(1, 6)))
        # The two buttons side by side, the rows above across both columns: the folder's
        # button costs the other rows no height.
        self.form = Form([
            Row("choice", "Text size", "text_size", SIZES.index(s.text_size),
                tuple(size.capitalize() for size in SIZES), cell=(0, 0), span=2),
            Row("toggle", "Sound effects", "sound", s.sound, cell=(0, 1), span=2),
            Row("toggle", "High-contrast colours", "high_contrast", s.high_contrast,
                cell=(0, 2), span=2),
            Row("toggle", "Projector: largest text, high contrast, wide margins", "projector",
                s.projector, cell=(0, 3), span=2),
            Row("toggle", "Reduce motion", "reduce_motion", s.reduce_motion, cell=(0, 4),
                span=2),
            Row("button", "Open my question folder", "open_folder", cell=(0, 5)),
            Row("button", "Back", "back", cell=(1, 5)),
        ] + review, columns=2)
        self.form.focus = min(focus, len(self.form.rows) - 1)
        self._laid_for = None

    def resume(self) -> None:
        super().resume()
        self._make_form(self.form.focus)     # a draft reviewed leaves the list
    def handle(self, intent) -> None:
        if intent.kind == Kind.BACK:
            self.dismiss()
            return
        if intent.kind == Kind.DROP:
            from game.scenes.new_article import NewArticleScene
            self.app.push(NewArticleScene(self.app, dropped=intent.value))
            return
        self._place()
        row = self.form.handle(intent)
        if row is None:
            return
        if row.key == "back":
            self.dismiss()
            return
        if row.key == "open_folder":
            self.open_folder()
            return
        if row.key == "new_article":
            from game.scenes.new_article import NewArticleScene
            self.app.push(NewArticleScene(self.app))
            return
        if row.key == "review":
            from game.scenes.draft_review import DraftReviewScene
            self.app.push(DraftReviewScene(self.app, self.drafts))
            return
        s = self.app.settings
        s.text_size = SIZES[self.form.row("text_size").value]
        s.sound = self.form.row("sound").value
        s.high_contrast = self.form.row("high_contrast").value
        s.projector = self.form.row("projector").value
        s.reduce_motion = self.form.row("reduce_motion").value
        self.app.save_settings()
        if row.key == "sound" and s.sound:
            self.app.sounds.play("right")   # so the player hears what they turned on

    def open_folder(self) -> None:
        """The teacher's question folder in the file manager, made first if it is missing;
        never waited for."""
        folders = self.app.folders
        self.made = folders.make_teacher_folder()
        self.opening = None if self.made else folder_opener.open_folder(folders.teacher)
        self.watched = 0.0 if self.opening and self.opening.process else WATCH

    def said(self) -> str | None:
        """What the button did: the folder opening, or why not and where it is."""
        folder = self.app.folders.teacher
        if self.made:
            return self.made
        if self.opening is None:
            return None
        if self.opening.problem:
            return f"{self.opening.problem}: your question folder is {folder}"
        return f"Opening your question folder in the file manager: {folder}"

    @property
    def moving(self) -> bool:
        """While the launcher is watched, frames go on: an error it reports shows at once."""
        return self.watched < WATCH

    def update(self, dt: float) -> None:
        if self.moving:
            self.watched = self.watched + dt if self.opening.running() else WATCH

    def kept(self) -> str:
        """Where the settings are saved and each folder the questions are read from."""
        folders = self.app.folders
        return "\n".join([f"Saved as you change them, in {self.app.data_dir}"] + [
            f"{folders.name(path)[0].upper()}{folders.name(path)[1:]}: {path}"
            for path in folders.questions])

    def _place(self) -> tuple:
        """Laid out again only when the window, the text size or what is said changes."""
        lay = self.app.layout()
        key = (lay.w, lay.h, lay.scale, lay.margin, self.kept(), self.made)
        if key != getattr(self, "_laid_for", None):
            self._laid, self._laid_for = self._lay_out(lay), key
        laid = self._laid
        return laid, self.form.place(self.app.text, laid.form, self._sizes(lay))

    @staticmethod
    def _sizes(lay) -> range:
        return range(SMALLEST, lay.font(TEXT.large) + 1)

    def _lay_out(self, lay) -> Laid:
        """The heading at the top and the key hint at the bottom. Between them, stacked:
        the form (a little over half the screen at most), room under it for what the button
        says, and where things are kept at the bottom. Where that leaves the form smaller
        text (a small window, the largest text, several folders with long paths), where
        things are kept goes beside the form instead, smaller if it must. The room for what
        the button says is the longest it can say, so nothing moves when it says it."""
        text = self.app.text
        c, small = lay.content(), lay.font(TEXT.hint)
        top = c.top + round(lay.font(TEXT.heading) * 1.4) + lay.gap
        bottom = c.bottom - text.height(HINT, small, c.width) - lay.gap // 2
        longest = self.made or f"{folder_opener.FAILED}: your question folder is " \
            f"{self.app.folders.teacher}"

        def room(width):
            return text.height(longest, small, width, "bold") + lay.gap

        width, most = min(c.width, max(lay.w // 2, 560)), round(c.height * 0.55)
        kept_h = text.height(self.kept(), small, c.width)
        stacked = Laid(pygame.Rect((lay.w - width) // 2, top, width, min(
            most, bottom - kept_h - lay.gap - room(c.width) - top)), c.left, c.width,
            pygame.Rect(c.left, bottom - kept_h, c.width, kept_h), small, "center", True)
        side = (c.width - lay.gap * 2) // 2
        kept = pygame.Rect(c.right - side, top, side, bottom - top)
        beside = Laid(pygame.Rect(c.left, top, side, min(most, bottom - room(side) - top)),
                      c.left, side, kept, text.fit(self.kept(), side, kept.height,
                                                   range(SMALLEST, small + 1)), "left", False)
        return max((stacked, beside), key=self._form_size)

    def _form_size(self, laid: Laid) -> int:
        """The form's text size in its area; 0 where its rows do not fit even at the least."""
        size = self.form.place(self.app.text, laid.form, self._sizes(self.app.layout()))
        return size if self.form.rows[-1].rect.bottom <= laid.form.bottom else 0

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        laid, size = self._place()
        lay = self.app.layout()
        c, small = lay.content(), lay.font(TEXT.hint)
        surface.fill(theme.background)
        surface.blit(text.block("Settings", lay.font(TEXT.heading), theme.text, c.width,
                                style="bold"), c.topleft)
        self.form.draw(surface, text, theme, size)
        top = self.form.rows[-1].rect.bottom + lay.gap
        hint = text.block(HINT, small, theme.muted, c.width, align="center")
        surface.blit(hint, ((lay.w - hint.get_width()) // 2, c.bottom - hint.get_height()))
        kept = text.block(self.kept(), laid.kept_size, theme.muted, laid.kept.width,
                          align=laid.align)
        surface.blit(kept, (laid.kept.centerx - kept.get_width() // 2 if laid.align == "center"
                            else laid.kept.left, laid.kept.top))
        said = self.said()
        if said:
            block = text.block(said, small, theme.text, laid.said_w, style="bold",
                               align="center")
            surface.blit(block, (laid.said_x + (laid.said_w - block.get_width()) // 2, top))
            return
        sample = text.block("“Checkable is not the same as true.” This is how questions "
                            "will read.", lay.font(TEXT.body), theme.text, c.width,
                            style="italic", align="center")
        if laid.sample and top + sample.get_height() <= laid.kept.top - lay.gap:
            surface.blit(sample, ((lay.w - sample.get_width()) // 2, top))
