"""What a reader returns, and how it says a file holds no article: apart from the package's
dispatch, which imports the readers, so that they import this and no cycle."""
from dataclasses import dataclass, field


class Unreadable(Exception):
    """Why the file holds no article to read, a sentence that follows its name."""


@dataclass
class Reading:
    text: str
    form: str                  # "a web page", "a PDF", "a Word document", "UTF-16 text"…
    found: dict[str, tuple[str, str]] = field(default_factory=dict)  # field -> (value, where)
    set_aside: list[tuple[str, str]] = field(default_factory=list)   # (text, "a caption")
    plain: bool = False        # read as plain text, as saved (its own file can be text_file)
