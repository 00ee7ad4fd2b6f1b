"""The window, the scene stack, and what a frame does (game.loop says when one is drawn)."""
import random
import time
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.bank import LoadResult, load_bank
from game.bank.cache import BankCache
from game.bank.folders import folders
from game.intents import Intent, Intents, Kind
from game.loop import Loop
from game.memory import give_back, keep_large_blocks_apart
from game.sound import Sounds
from game.watch import Watch
from game.store import settings as stored
from game.ui.banner import Banner, Strip
from game.ui.layout import Layout
from game.ui.text import Text
from game.ui.theme import HIGH_CONTRAST, STANDARD, Theme


MIN_SIZE = (960, 540)
# Posted by the network's thread when a student's message arrives: it only wakes a loop
# asleep until the next input (game.loop); the host then handles the message.
WAKE = pygame.event.custom_type()
RETRY_EVERY = 5.0     # seconds between tries of a results file that refused an answer


@dataclass
class Config:
    size: tuple[int, int] = (1280, 720)
    # None: the shipped questions, the teacher's folder and `questions` (game.bank.folders)
    question_paths: list | None = None
    questions: tuple = ()       # --questions DIR: a class's shared folders
    seed: int | None = None            # None: a new seed every round
    data_dir: Path | None = None       # None: the user's data folder (platformdirs)
    # A teacher's round (game.quiz.presets.Preset), played as soon as a name is given; not
    # imported here, as it needs PyYAML, which a start from the bank cache never loads.
    preset: object = None
    # A class on their devices: the address students type (None: this machine's address on
    # its network) and the port (None: the first free from 8123).
    bind: str | None = None
    port: int | None = None
    host: bool = False      # `run.py host`: straight to the lobby
    resume: bool = False    # `run.py host --resume`: the class game that was cut off
    review: tuple = ()      # `run.py review FILE...`: straight to these drafts' review


class App:
    def __init__(self, config: Config, first_scene=None):
        keep_large_blocks_apart()
        pygame.init()
        self.config = config
        # Rounds started from now on are "this session" on the Class results screen.
        self.started = time.strftime("%Y-%m-%dT%H:%M:%S")
        self.screen = pygame.display.set_mode(config.size, pygame.RESIZABLE)
        # Text comes only where a box asks for it (game.ui.field): elsewhere an input method
        # would take the letter keys (F, O, C, V) for itself, and an on-screen keyboard show.
        pygame.key.stop_text_input()
        title = config.preset.title if config.preset else ""
        pygame.display.set_caption(f"Byline — {title}" if title else "Byline")
        self.text = Text()
        self.data_dir = Path(config.data_dir or stored.default_data_dir())
        self.settings, problem = stored.load(self.data_dir)
        self.notices: list[str] = [problem] if problem else []
        self.sounds = Sounds(self.settings.sound)
        self._results = None
        # A class on their devices (game.net.host.Host), while one is open: stepped each
        # frame whatever screen is on top, so no answer waits for the teacher's screen.
        self.host = None
        self.folders = folders(self.data_dir, config.questions)
        if config.question_paths is None:
            problem = self.folders.make_teacher_folder()
            self.notices += [problem] if problem else []
        self.question_paths = config.question_paths or self.folders.questions
        self.loaded: LoadResult = load_bank(self.question_paths, BankCache(self.data_dir))
        self.watch = Watch(self.question_paths)
        self.banner = Banner()
        self._strip = Strip()
        self.intents = Intents()
        self.stack: list = []
        self._pending: list = []
        self.running = True
        self.frames = 0           # frames drawn
        self.dirty = True         # the window does not show the app as it is now
        self.retry_left = RETRY_EVERY
        self._offered_save = False
        from game.scenes.title import TitleScene
        self.push((first_scene or TitleScene)(self))
        self._apply()

    # The stack changes once the intent or the frame's updates that asked for it are
    # done (in _apply), never in the middle of a scene's handle or update.
    def push(self, scene, on_result=None) -> None:
        """on_result(result): called when the scene is dismissed with its result."""
        scene.on_result = on_result
        self._pending.append(("push", scene))

    def pop(self, result=None) -> None:
        self._pending.append(("pop", result))

    def replace(self, scene) -> None:
        """The top scene gives way to scene, which answers whoever pushed it; the scene
        below stays paused."""
        self._pending.append(("replace", scene))

    def _apply(self) -> None:
        self.dirty |= bool(self._pending)
        gone_any = any(op != "push" for op, _ in self._pending)
        while self._pending:
            op, arg = self._pending.pop(0)
            if op == "pop":
                if self.stack:
                    done = self.stack.pop()
                    done.exit()
                    if self.stack:
                        self.stack[-1].resume()
                    if done.on_result is not None:
                        done.on_result(arg)
                continue
            if op == "replace" and self.stack:
                gone = self.stack.pop()
                gone.exit()
                arg.on_result = arg.on_result or gone.on_result
            elif self.stack:
                self.stack[-1].pause()
            self.stack.append(arg)
            arg.enter()
        if gone_any:
            give_back()     # what the closed screen held (a backdrop is a window's pixels)
        if not self.stack and not self._offer_save():
            self.running = False

    def _offer_save(self) -> bool:
        """Before the game closes with answers no file has, once: the folder picker."""
        if self._results is None or not self._results.unsaved or self._offered_save:
            return False
        self._offered_save = True
        from game.scenes.save import SaveScene
        self.push(SaveScene(self))
        self._apply()
        return True

    def reload_bank(self, changed: bool = True) -> bool:
        """Read the question files again if they changed, and say what that did."""
        if not changed:
            return False
        before = {str(p) for p in self.loaded.problems}
        self.loaded = load_bank(self.question_paths, BankCache(self.data_dir))
        files = len(self.loaded.files)
        fresh = [str(p) for p in self.loaded.problems if str(p) not in before]
        lines = [f"Question files read again: {len(self.loaded.bank.statements)} statements "
                 f"from {files} file(s)."]
        if fresh:
            lines.append(f"{len(fresh)} new problem(s); a file with a problem is left out "
                         "until it is fixed:")
            lines += fresh[:3] + (["…and more: `run.py validate` lists them all."]
                                  if len(fresh) > 3 else [])
        elif self.loaded.problems:
            lines.append(f"{len(self.loaded.problems)} problem(s) still to fix, first: "
                         f"{self.loaded.problems[0]}")
        self.show_banner("\n".join(lines), warning=bool(self.loaded.problems))
        return True

    @property
    def editing_questions(self) -> bool:
        """A scene on the stack writes question files (Scene.edits_questions)."""
        return any(scene.edits_questions for scene in self.stack)

    def show_banner(self, text: str, warning: bool = False, seconds: float = 8.0) -> None:
        self.banner.show(text, warning, seconds)
        self.dirty = True

    @property
    def results(self):
        """The results database, opened when first needed so the title appears sooner."""
        if self._results is None:
            from game.store.results import Results
            self._results = Results(self.data_dir)
            for message in (self._results.notice,):
                if message:
                    self.notices.append(message)
        return self._results

    @property
    def theme(self) -> Theme:
        return HIGH_CONTRAST if self.settings.high_contrast or self.settings.projector \
            else STANDARD

    @property
    def motion(self) -> bool:
        """Whether things may move: off with the Reduce motion setting."""
        return not self.settings.reduce_motion

    def layout(self) -> Layout:
        """The layout of the area scenes draw in: the window, less the warning strip."""
        w, h = self.screen.get_size()
        return Layout((w, h - self.strip_height()), self.settings.text_scale,
                      self.settings.projector)

    def warning(self) -> str | None:
        """Said over every screen for as long as answers, or the class game that would
        let a cut-off class take up where it stopped, are not being saved."""
        said = self._results.warning() if self._results is not None else None
        return said or (self.host.trouble if self.host is not None else None)

    def strip_height(self) -> int:
        return self._strip.height(self.warning(), self.screen.get_size(),
                                  self.settings.text_scale, self.settings.projector, self.text)

    def save_settings(self) -> None:
        self.sounds.enabled = self.settings.sound
        problem = stored.save(self.settings, self.data_dir)
        if problem and problem not in self.notices:
            self.notices.append(problem)

    def new_seed(self) -> int:
        """The configured seed, so a class can share one, or a fresh one for each round."""
        return self.config.seed if self.config.seed is not None else random.randrange(2**31)

    @property
    def scene(self):
        return self.stack[-1] if self.stack else None

    def size(self) -> tuple[int, int]:
        return self.screen.get_size()

    def handle(self, intent: Intent) -> None:
        if intent.kind == Kind.QUIT:
            self.running = self._offer_save()
        elif intent.kind == Kind.FULLSCREEN:
            try:
                pygame.display.toggle_fullscreen()
            except pygame.error:
                pass   # no full screen on this display (headless, some window managers)
        elif intent.kind == Kind.FOCUS:
            if not self.editing_questions:
                self.reload_bank(self.watch.changed(now=True))
            if self.scene is not None:
                self.scene.focused()
        elif intent.kind == Kind.RELOAD:
            if not self.reload_bank(self.watch.changed(now=True)):
                self.show_banner("No question file has changed since the game last read them.")
        elif intent.kind == Kind.RESIZE:
            w, h = intent.value
            if (w, h) != self.screen.get_size():
                self.screen = pygame.display.set_mode(
                    (max(w, MIN_SIZE[0]), max(h, MIN_SIZE[1])), pygame.RESIZABLE)
                self.text.window_resized()
        elif self.scene is not None:
            top = self.strip_height()
            if top and intent.kind in (Kind.CLICK, Kind.HOVER):
                # Scenes draw below the warning strip and know only their own area.
                x, y = intent.value
                intent = Intent(intent.kind, (x, y - top))
            self.scene.handle(intent)

    def step(self, events=(), dt: float = 1 / 60) -> None:
        """One frame: events, update, draw. Tests call this instead of sleeping."""
        self.advance(events, dt)
        self.redraw()

    def advance(self, events=(), dt: float = 1 / 60) -> None:
        """Events and time, without drawing; sets dirty when the picture changed."""
        for event in events:
            if event.type == WAKE:
                continue            # the host says what changed, below
            self.dirty = True       # hover, a key, the window shown again: draw
            for intent in self.intents(event):
                self.handle(intent)
                self._apply()
        # Before anything shows a banner: one shown now is up for its full time.
        showing = self.banner.showing
        self.banner.update(dt)
        self.dirty |= self.banner.showing != showing
        # Every visible scene moves on (a score counting up under the feedback panel);
        # only the top one gets input. Moving before the update: the frame that ends a
        # motion is drawn too.
        self.dirty |= self.moving()
        if self.host is not None:
            said = self.warning()     # an answer the file refused shows on the strip
            self.dirty |= self.host.step(dt) or self.warning() != said
        for scene in self.stack[self._first_drawn():]:
            scene.update(dt)
        self._apply()
        if not self.editing_questions:
            self.reload_bank(self.watch.changed(dt))
        self._retry_results(dt)

    def redraw(self) -> None:
        if not self.running:
            return
        self.draw(self.screen)
        pygame.display.flip()
        self.frames += 1
        self.dirty = False

    def moving(self) -> bool:
        """Whether a visible scene changes with time alone, so frames must go on."""
        return any(scene.moving for scene in self.stack[self._first_drawn():])

    def due(self) -> float:
        """Seconds until something happens with no input: the next look at the question
        files, the next try of a results file that refused an answer, the banner going."""
        waits = [self.watch.due()]
        if self._results is not None and self._results.trouble is not None:
            waits.append(self.retry_left)
        if self.banner.showing:
            waits.append(self.banner.left)
        if self.host is not None:
            waits.append(self.host.due())
        return max(0.0, min(waits))

    def _retry_results(self, dt: float) -> None:
        if self._results is None or self._results.trouble is None:
            return
        self.retry_left -= dt
        if self.retry_left <= 0:
            self.retry_left = RETRY_EVERY
            said = self.warning()
            if self._results.retry():
                self.show_banner("The results file can be written again: every answer kept "
                                 "in memory has been saved.")
            self.dirty |= self.warning() != said    # the strip says something else, or goes

    def _first_drawn(self) -> int:
        return max((i for i, s in enumerate(self.stack) if s.opaque), default=0)

    def draw(self, surface) -> None:
        top = self.strip_height()
        area = surface.subsurface((0, top, surface.get_width(), surface.get_height() - top)) \
            if top else surface
        for scene in self.stack[self._first_drawn():]:
            scene.draw(area)
        if top:
            self._strip.draw(surface, self.warning(), top, self.settings.text_scale,
                             self.settings.projector, self.theme, self.text)
        self.banner.draw(surface, self.layout(), self.theme, self.text)

    def open_host(self, host) -> None:
        """Serve a class on their devices; a message from one wakes the loop."""
        host.bridge.wake = lambda: pygame.event.post(pygame.event.Event(WAKE))
        host.open()
        self.host = host

    def close_host(self) -> None:
        if self.host is not None:
            self.host.close()
            self.host = None

    def run(self) -> int:
        Loop(self).run()
        self.close_host()
        pygame.quit()
        return self.close()

    def close(self) -> int:
        """At the end: answers that are still in no file are saved in a folder of their
        own and the way to them printed; 1 if any had to be."""
        results = self._results
        if results is None or results.retry() or not results.unsaved:
            return 0
        import sys
        from game.store.rescue import rescue
        print(rescue(results), file=sys.stderr)
        return 1
