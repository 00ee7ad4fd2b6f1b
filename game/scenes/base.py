from game.intents import Intent


class Scene:
    """A screen on the stack. draw() changes nothing; changes happen in handle and update."""

    opaque = True   # False: the scene below is drawn first (an overlay)

    def __init__(self, app):
        self.app = app
        self.result = None

    def enter(self) -> None: ...

    def exit(self) -> None: ...

    def resume(self, result) -> None:
        """A scene this one pushed was dismissed with result."""

    def handle(self, intent: Intent) -> bool:
        return False

    def update(self, dt: float) -> None: ...

    def draw(self, surface) -> None: ...

    def dismiss(self, result=None) -> None:
        self.app.pop(result)
