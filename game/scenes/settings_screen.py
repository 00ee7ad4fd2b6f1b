"""Text size, sound, high contrast and motion: applied at once and saved at once. Below
them, where the settings and the questions are kept, and a button that opens the teacher's
question folder (or, where there is no file manager, says where it is)."""
import pygame

from game import folder_opener
from game.intents import Kind
from game.scenes.base import Scene
from game.store.settings import TEXT_SIZES
from game.ui.form import Form, Row
from game.ui.layout import TEXT

SIZES = tuple(TEXT_SIZES)
HINT = "↑↓: move   ←→ or Enter: change   Esc: back"
# Seconds a file manager's launcher is watched for an error: xdg-open gives up within a
# second or two, and a file manager started in its place may run for as long as it is open.
WATCH = 10.0


class SettingsScene(Scene):
    def __init__(self, app):
        super().__init__(app)
        s = app.settings
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
        ], columns=2)
        self.opening = None         # a game.folder_opener.Opening, once the button is pressed
        self.made = None            # why the question folder could not be made, if it could not
        self.watched = 0.0

    def handle(self, intent) -> None:
        if intent.kind == Kind.BACK:
            self.dismiss()
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
        self.watched = 0.0

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
        """While the launcher is watched: an error it reports is shown as it comes."""
        return self.opening is not None and self.opening.process is not None \
            and not self.opening.problem and self.watched < WATCH

    def update(self, dt: float) -> None:
        if self.moving:
            self.watched += dt

    def kept(self) -> str:
        """Where the settings are saved and each folder the questions are read from."""
        folders = self.app.folders
        return "\n".join([f"Saved as you change them, in {self.app.data_dir}"] + [
            f"{folders.name(path)[0].upper()}{folders.name(path)[1:]}: {path}"
            for path in folders.questions])

    def _place(self):
        """Laid out again only when the window, the text size or what is said changes."""
        lay = self.app.layout()
        key = (lay.w, lay.h, lay.scale, lay.margin, self.kept(), self.made)
        if key != getattr(self, "_laid_for", None):
            self._laid, self._laid_for = self._lay_out(lay), key
        area, *placed = self._laid
        size = self.form.place(self.app.text, area, range(14, lay.font(TEXT.large) + 1))
        return lay, size, *placed

    def _lay_out(self, lay):
        """The heading at the top and the key hint at the bottom. Between them, stacked:
        the form (a little over half the screen at most), room under it for what the button
        says, and where things are kept at the bottom. Where that leaves the form too
        little room (a small window, the largest text, several folders with long paths),
        where things are kept goes beside the form instead. The room for what the button
        says is the longest it can say, so nothing moves when it says it. Stacked unless
        beside gives the form larger text.
        Returns the form's area, then (x, width, align) for what the button says and for
        where things are kept, the top of the latter, and whether the sample fits."""
        text = self.app.text
        c, small = lay.content(), lay.font(TEXT.hint)
        sizes = range(14, lay.font(TEXT.large) + 1)
        top = c.top + round(lay.font(TEXT.heading) * 1.4) + lay.gap
        bottom = c.bottom - text.height(HINT, small, c.width) - lay.gap // 2
        longest = self.made or f"{folder_opener.FAILED}: your question folder is " \
            f"{self.app.folders.teacher}"

        def room(width):
            return text.height(longest, small, width, "bold") + lay.gap

        width, most = min(c.width, max(lay.w // 2, 560)), round(c.height * 0.55)
        kept_h = text.height(self.kept(), small, c.width)
        area = pygame.Rect((lay.w - width) // 2, top, width, min(
            most, bottom - kept_h - lay.gap - room(c.width) - top))
        stacked = (area, (c.left, c.width, "center"), (c.left, c.width, "center"),
                   bottom - kept_h, True)
        side = (c.width - lay.gap * 2) // 2
        area = pygame.Rect(c.left, top, side, min(most, bottom - room(side) - top))
        beside = (area, (c.left, side, "center"), (c.right - side, side, "left"), top, False)
        return max((stacked, beside), key=lambda way: self._form_size(way[0], sizes))

    def _form_size(self, area, sizes) -> int:
        """The form's text size in area; 0 where its rows do not fit even at the least."""
        size = self.form.place(self.app.text, area, sizes)
        return size if self.form.rows[-1].rect.bottom <= area.bottom else 0

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        lay, size, (said_x, said_w, said_align), (kept_x, kept_w, kept_align), kept_top, \
            sample_fits = self._place()
        c, small = lay.content(), lay.font(TEXT.hint)
        surface.fill(theme.background)
        surface.blit(text.block("Settings", lay.font(TEXT.heading), theme.text, c.width,
                                style="bold"), c.topleft)
        self.form.draw(surface, text, theme, size)
        top = self.form.rows[-1].rect.bottom + lay.gap
        hint = text.block(HINT, small, theme.muted, c.width, align="center")
        surface.blit(hint, ((lay.w - hint.get_width()) // 2, c.bottom - hint.get_height()))
        kept = text.block(self.kept(), small, theme.muted, kept_w, align=kept_align)
        surface.blit(kept, (kept_x + (kept_w - kept.get_width()) // 2 if kept_align == "center"
                            else kept_x, kept_top))
        said = self.said()
        if said:
            block = text.block(said, small, theme.text, said_w, style="bold", align=said_align)
            surface.blit(block, (said_x + (said_w - block.get_width()) // 2, top))
            return
        sample = text.block("“Checkable is not the same as true.” This is how questions "
                            "will read.", lay.font(TEXT.body), theme.text, c.width,
                            style="italic", align="center")
        if sample_fits and top + sample.get_height() <= kept_top - lay.gap:
            surface.blit(sample, ((lay.w - sample.get_width()) // 2, top))
