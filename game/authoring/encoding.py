"""An article's bytes as text, whatever Word or Notepad saved it as.

In this order: a byte-order mark says what the file is (UTF-8, UTF-16, UTF-32); then
strict UTF-8, which almost never decodes anything else by accident; then
charset-normalizer's best guess, which tells UTF-16 without a mark, Windows-1252 and the
other code pages apart by what the decoded text looks like. It often cannot tell
Windows-1252 from Windows-1250 (they share most letters) and then names the one it tried
first; Windows-1252 is what "ANSI" means on the Windows computers of English-speaking
schools, so among guesses as good as the best it is preferred. Text holding a NUL after
all this is not plain text (a Word document, a picture), whatever it decoded as."""
import codecs

_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
PREFERRED = "cp1252"


class NotText(Exception):
    """Why the bytes are not an article's text, in words that follow the file's name."""


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding for people ('UTF-8', 'Windows-1252');
    NotText when there is no plain text to read."""
    text, codec = _decoded(data)
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        column = nul - text.rfind("\n", 0, nul)
        raise NotText(f"line {line}, column {column}: a NUL character; this is not plain "
                      "text. Save the article as plain text (UTF-8) and try again")
    return text, name_of(codec)


def _decoded(data: bytes) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                raise NotText(f"it starts with the mark of {name_of(codec)} text but is not "
                              f"{name_of(codec)}; save it as plain text (UTF-8) and try "
                              "again") from None
    if b"\x00" not in data:           # NULs are valid UTF-8, and half of UTF-16's bytes
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes   # here: only new-article needs it
    found = from_bytes(data)
    best = found.best()
    if best is None:
        raise NotText("this is not plain text in any encoding Byline knows; save the "
                      "article as plain text (UTF-8) and try again")
    if not best.encoding.startswith("utf") and any(
            PREFERRED in match.could_be_from_charset for match in found
            if match.chaos <= best.chaos and match.coherence >= best.coherence):
        try:
            return data.decode(PREFERRED), PREFERRED
        except UnicodeDecodeError:
            pass
    return str(best), best.encoding


def name_of(codec: str) -> str:
    """'cp1252' -> 'Windows-1252', 'utf_16_be' -> 'UTF-16', 'utf-8-sig' -> 'UTF-8'."""
    name = codecs.lookup(codec).name
    if name.startswith("cp125"):
        return "Windows-" + name[2:]
    if name.startswith("utf-"):
        return "UTF-" + name.split("-")[1]
    return name.upper()
