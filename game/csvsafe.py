"""CSV cells a spreadsheet shows as text and never runs as a formula.

Excel, LibreOffice and Google Sheets run a cell that begins with = + - or @ as a formula:
a player named =HYPERLINK("http://x","click") becomes a link in the teacher's sheet, and
the old DDE forms (=cmd|' /C calc'!A0) can start a program. OWASP's advice is followed:
such a cell gets a ' in front, which spreadsheets take as "this is text".

What counts as "begins with" is judged generously, since importers differ: leading
spaces (a no-break space too), tabs, line breaks and invisible characters are looked
past, and full-width forms (＝, ＋) count as the characters they fold to. A cell that
starts with a tab or carriage return is guarded whatever follows, as OWASP lists them.

Only text is guarded. Numbers (a score, a negative d′) are written by the caller as
numbers and stay numbers. `unguard` takes off exactly the ' that `guard` added, so
`import` reads back what `export` wrote: a text that itself starts with ' and then a
formula character gets a second ' (apostrophes before the character are looked past
too), and loses only that one."""
import unicodedata

TRIGGERS = frozenset("=+-@")
_ALWAYS = ("\t", "\r", "\x00")


def is_formula(text: str) -> bool:
    """True when a spreadsheet might read the text as a formula once opened."""
    body = text.lstrip("'")
    if body.startswith(_ALWAYS):
        return True
    for char in body:
        if char.isspace() or unicodedata.category(char) in ("Cc", "Cf"):
            continue
        return unicodedata.normalize("NFKC", char)[:1] in TRIGGERS
    return False


def guard(value):
    """A cell value as written to a CSV file: text that could run as a formula gets a
    leading '; anything that is not text (numbers) is returned as it is."""
    if isinstance(value, str) and is_formula(value):
        return "'" + value
    return value


def unguard(text: str) -> str:
    """A cell read from a CSV file as it was before `guard`."""
    if text.startswith("'") and is_formula(text[1:]):
        return text[1:]
    return text


def guard_row(row) -> list:
    return [guard(value) for value in row]
