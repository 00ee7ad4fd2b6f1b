"""A Word document (.docx), read with python-docx: the body's paragraphs in order, a
caption (Word's Caption style, or a line naming a photo) set aside, the headline from
the Title style or the document's own title. A .docx is a zip: its members' sizes are
checked before anything is inflated, so a zip bomb is refused unread."""
import io
import zipfile

from game.authoring.readers.reading import Reading, Unreadable

MOST_INFLATED = 50_000_000
_CAPTION_STYLES = ("caption",)
_HEADLINE_STYLES = ("title", "heading 1")


def read(data: bytes) -> Reading:
    _check_zip(data)
    import docx          # python-docx; here: only new-article on a Word file needs it
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:    # python-docx raises KeyError, ValueError, lxml's errors…
        raise Unreadable("this is not a Word document Byline can read (.docx); open it in "
                         "Word and save it again as a .docx, or as plain text") from None
    reading = Reading("", "a Word document")
    lines = []
    for paragraph in document.paragraphs:
        text = " ".join(paragraph.text.split())
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "").lower()
        if style.startswith(_CAPTION_STYLES):
            reading.set_aside.append((text, "a caption"))
            continue
        if style in _HEADLINE_STYLES and "headline" not in reading.found:
            reading.found["headline"] = (text, f"the document's {paragraph.style.name} paragraph")
        lines.append(text)
    title = (document.core_properties.title or "").strip()
    if title and "headline" not in reading.found:
        reading.found["headline"] = (title, "the document's properties (its title)")
    reading.text = "\n".join(lines) + "\n"
    return reading


def _check_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise Unreadable("this is not a Word document (.docx) inside, whatever its name; "
                         "open it in Word and save it as a .docx, or as plain text") from None
    if sum(member.file_size for member in members) > MOST_INFLATED or len(members) > 1000:
        raise Unreadable("this Word document unpacks to more than 50 MB; it is not an "
                         "article Byline reads (save it again from Word, or as plain text)")
