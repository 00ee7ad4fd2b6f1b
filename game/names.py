"""Names of players, classes and hot-seat teams: what a name screen accepts and what a
settings file may bring back. Plain Python, so settings can be checked before pygame starts."""
import unicodedata

MAX_NAME = 40
MIN_SEATS, MAX_SEATS = 2, 8
# Characters a name cannot hold: pygame cannot draw NUL or a lone surrogate, and line
# breaks or other controls would break a one-line label or a spreadsheet row.
_REFUSED = {"Cc", "Cs", "Zl", "Zp"}


def drawable(text: str) -> bool:
    """No character a screen cannot draw or a one-line label cannot hold."""
    return not any(unicodedata.category(c) in _REFUSED for c in text)


def usable_name(value) -> str | None:
    """The name as a name screen would have kept it (spaces tidied), or None if no name
    screen could have produced it."""
    if not isinstance(value, str) or not drawable(value):
        return None
    name = " ".join(value.split())
    return name if 0 < len(name) <= MAX_NAME else None


def usable_seats(value) -> list[str] | None:
    """A hot seat's names, the unusable and repeated ones left out; None if fewer than
    MIN_SEATS or more than MAX_SEATS would be left. An empty list is no hot seat yet."""
    if not isinstance(value, list) or len(value) > MAX_SEATS:
        return None
    if not value:
        return []
    names: list[str] = []
    for item in value:
        name = usable_name(item)
        if name and all(name.casefold() != n.casefold() for n in names):
            names.append(name)
    return names if len(names) >= MIN_SEATS else None
