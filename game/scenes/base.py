from game.intents import Intent


class Scene:
    """A screen on the stack. draw() changes nothing; changes happen in handle and update.

    Whoever pushes a scene may ask for its result (App.push(scene, on_result=...)); the
    scene gives it with dismiss(result)."""

    opaque = True   # False: the scene below is drawn first (an overlay)

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

    def update(self, dt: float) -> None: ...

    def draw(self, surface) -> None: ...

    def dismiss(self, result=None) -> None:
        self.app.pop(result)
