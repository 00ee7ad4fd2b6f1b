"""Where the question bank is read from, in this order: the bank shipped with the game, the
teacher's own folder (questions/ in the user's data folder), then each folder named with
--questions (a class's shared folder). Presets are in each one's presets/ folder.

A file in a later folder wins an article id (or a preset's name) over one in an earlier
folder: a teacher who copies a shipped file into their folder and edits it plays their copy.
Nothing is ever written into the shipped bank: it is inside the installed game."""
import os
from dataclasses import dataclass
from pathlib import Path

from game import shipped

README = """\
Your own Byline questions
=========================

Byline reads the question files (.yaml) in this folder as well as the ones it comes with.

- New question files go here: `byline new-article ARTICLE.txt` and `byline import FILE.csv`
  write into this folder.
- To change a question file that comes with Byline, copy it here and edit the copy: a
  file here with the same article id is played instead of the shipped one (`byline validate`
  says which).
- Round presets go in the presets/ folder here; an article's own text (to check quotes
  against) can go in articles/.
- `byline validate` checks every file and says where each problem is.
- The two .schema.json files let an editor (VS Code with the YAML extension) check your
  files as you type; Byline puts this version's here at every start.

The format of a question file: {docs}
"""


@dataclass(frozen=True)
class Folders:
    shipped: Path
    teacher: Path
    extra: tuple[Path, ...] = ()

    @property
    def questions(self) -> list[Path]:
        """The folders to read, the last winning: the teacher's only once it exists, and
        each folder once (where it is first named), however often it is given."""
        named = [self.shipped, *([self.teacher] if self.teacher.is_dir() else []), *self.extra]
        once: dict[Path, Path] = {}
        for folder in named:
            once.setdefault(_same(folder), folder)
        return list(once.values())

    @property
    def presets(self) -> list[Path]:
        return [folder / "presets" for folder in self.questions]

    def name(self, folder) -> str:
        """What a folder is, for a teacher: 'the shipped bank', 'your folder' or a path."""
        folder = Path(folder)
        if folder == self.shipped:
            return "the questions that come with Byline"
        if folder == self.teacher:
            return "your question folder"
        return "a folder named with --questions"

    def make_teacher_folder(self) -> str | None:
        """The teacher's folder with its README and presets/, made on the first run; what
        went wrong as a sentence, or None. Never raises: the game plays without it."""
        try:
            (self.teacher / "presets").mkdir(parents=True, exist_ok=True)
            readme = self.teacher / "README.md"
            if not os.path.lexists(readme):
                readme.write_text(README.format(docs=shipped.DOCS / "question-format.md"),
                                  encoding="utf-8")
            for schema in shipped.SCHEMAS:      # this version's, for the editor
                _refresh(schema, self.teacher / schema.name)
        except OSError as exc:
            return (f"Your question folder {self.teacher} could not be made "
                    f"({exc.strerror or exc}); the shipped questions are played.")
        return None


def _refresh(source: Path, copy: Path) -> None:
    """copy made the same as source, unless it is already (a link or a folder there is
    the teacher's, left alone)."""
    data = source.read_bytes()
    if os.path.lexists(copy) and (not copy.is_file() or copy.is_symlink()
                                  or copy.read_bytes() == data):
        return
    temporary = copy.with_name(copy.name + ".new")
    temporary.write_bytes(data)
    os.replace(temporary, copy)


def folders(data_dir, extra=()) -> Folders:
    """The folders read for a game whose settings and results are in data_dir."""
    return Folders(shipped.QUESTIONS, Path(data_dir).absolute() / "questions",
                   tuple(Path(e).absolute() for e in extra))


def shown(folder) -> Path:
    """Relative to the current folder when it is below it, as a teacher types it; whole
    otherwise: what the problems found in its files are said with."""
    near = os.path.relpath(folder)
    return Path(near) if not near.startswith("..") else Path(folder).absolute()


def _same(folder: Path) -> Path:
    try:
        return folder.resolve()
    except (OSError, RuntimeError):     # a link loop: it is its own folder, and says so later
        return folder.absolute()
