from game.intents import Intent


class Scene:
    """A screen on the stack. draw() changes nothing; changes happen in handle and update.

    Whoever pushes a scene may ask for its result (App.push(scene, on_result=...)); the
    scene gives it with dismiss(result)."""

    opaque = True   # False: the scene below is drawn first (an overlay)
    # True while the picture changes with time alone (a panel sliding, a score counting
    # up, a clock running): the app draws frames only then, or when something happens.
    # A scene that animates says so, or its motion stops on the first still frame.
    moving = False
    # True for a scene that writes question files (a draft, its review) and reads the bank
    # again when it ends: the app does not meanwhile, nor says each half-made file's
    # problems over the scene.
    edits_questions = False

    def __init__(self, app):
        self.app = app
        self.on_result = None     # called with the result when this scene is dismissed
        self.paused = False       # another scene is on top of this one

    def enter(self) -> None: ...

    def exit(self) -> None: ...

    def pause(self) -> None:
        """Another scene was pushed on top of this one."""
        self.paused = True

    def resume(self) -> None:
        """The scene on top was dismissed: this one is on top again."""
        self.paused = False

    def handle(self, intent: Intent) -> None: ...

    def focused(self) -> None:
        """The window is in front again: the player may have saved something elsewhere."""

    def update(self, dt: float) -> None: ...

    def draw(self, surface) -> None: ...

    def dismiss(self, result=None) -> None:
        self.app.pop(result)

    def widgets(self) -> dict:
        """What a player can press on this scene, by id, and where it is now (the scene's
        own coordinates): the buttons and form rows of every ButtonList and Form the scene
        holds, so a new scene needs nothing more. How a scripted player finds what to click
        (game.tools.pilot)."""
        found = {}
        for part in vars(self).values():
            if not isinstance(part, Scene) and callable(getattr(part, "widgets", None)):
                found.update(part.widgets())
        return found
