"""The teacher's view of what the title's note counts: each question file left out, with
every problem in it by line and column, and what was said about the game's own files."""
from game import shipped
from game.scenes.document import DocumentScene

ABOUT = ("A question file with a problem is left out of the game until it is fixed. Fix it "
         "in a text editor and save it: the game reads it again by itself (or press F5). "
         f"`{shipped.COMMAND} validate` lists the same problems.")


class ProblemsScene(DocumentScene):
    title = "Problems to fix"

    def __init__(self, app):
        super().__init__(app)
        self._read = app.loaded     # the files as last read: read again, the list is too

    def update(self, dt: float) -> None:
        if self.app.loaded is not self._read:
            self._read, self._cache_key = self.app.loaded, None

    def items(self) -> list:
        loaded = self.app.loaded
        items = []
        if loaded.skipped:
            items += [("p", ABOUT), ("h", "Question files left out")]
        for path in loaded.skipped:
            items.append(("sub", path))
            items += [("p", f"Line {p.line}, column {p.column}: {p.message}")
                      for p in loaded.problems if p.path == path]
        if self.app.notices:
            items.append(("h", "The game's own files"))
            items += [("p", notice) for notice in self.app.notices]
        return items or [("p", "No problems: every question file was read.")]
