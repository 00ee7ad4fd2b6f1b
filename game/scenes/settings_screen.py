"""Text size, sound, high contrast and motion: applied at once and saved at once."""
import pygame

from game.intents import Kind
from game.scenes.base import Scene
from game.store.settings import TEXT_SIZES
from game.ui.form import Form, Row
from game.ui.layout import TEXT

SIZES = tuple(TEXT_SIZES)
HINT = "↑↓: move   ←→ or Enter: change   Esc: back"


class SettingsScene(Scene):
    def __init__(self, app):
        super().__init__(app)
        s = app.settings
        self.form = Form([
            Row("choice", "Text size", "text_size", SIZES.index(s.text_size),
                tuple(size.capitalize() for size in SIZES), cell=(0, 0)),
            Row("toggle", "Sound effects", "sound", s.sound, cell=(0, 1)),
            Row("toggle", "High-contrast colours", "high_contrast", s.high_contrast,
                cell=(0, 2)),
            Row("toggle", "Projector: largest text, high contrast, wide margins", "projector",
                s.projector, cell=(0, 3)),
            Row("toggle", "Reduce motion", "reduce_motion", s.reduce_motion, cell=(0, 4)),
            Row("button", "Back", "back", cell=(0, 5)),
        ])

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
        s = self.app.settings
        s.text_size = SIZES[self.form.row("text_size").value]
        s.sound = self.form.row("sound").value
        s.high_contrast = self.form.row("high_contrast").value
        s.projector = self.form.row("projector").value
        s.reduce_motion = self.form.row("reduce_motion").value
        self.app.save_settings()
        if row.key == "sound" and s.sound:
            self.app.sounds.play("right")   # so the player hears what they turned on

    def _place(self):
        lay = self.app.layout()
        c = lay.content()
        head = lay.font(TEXT.heading)
        width = min(c.width, max(lay.w // 2, 560))
        area = pygame.Rect((lay.w - width) // 2, c.top + round(head * 1.4) + lay.gap, width,
                           round(c.height * 0.55))
        size = self.form.place(self.app.text, area, range(14, lay.font(TEXT.large) + 1))
        return lay, c, head, size

    def draw(self, surface) -> None:
        theme, text = self.app.theme, self.app.text
        lay, c, head, size = self._place()
        surface.fill(theme.background)
        surface.blit(text.block("Settings", head, theme.text, c.width, style="bold"), c.topleft)
        self.form.draw(surface, text, theme, size)
        top = self.form.rows[-1].rect.bottom + lay.gap
        sample = text.block("“Checkable is not the same as true.” This is how questions "
                            "will read.", lay.font(TEXT.body), theme.text, c.width,
                            style="italic", align="center")
        small = lay.font(TEXT.hint)
        saved = text.block(f"Saved as you change them, in {self.app.data_dir}", small,
                           theme.muted, c.width, align="center")
        hint = text.block(HINT, small, theme.muted, c.width, align="center")
        bottom = c.bottom - hint.get_height()
        surface.blit(hint, ((lay.w - hint.get_width()) // 2, bottom))
        bottom -= saved.get_height() + lay.gap // 2
        surface.blit(saved, ((lay.w - saved.get_width()) // 2, bottom))
        if top + sample.get_height() <= bottom - lay.gap:
            surface.blit(sample, ((lay.w - sample.get_width()) // 2, top))
