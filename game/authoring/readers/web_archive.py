"""A web page saved as one file: Chrome's and Edge's "Webpage, Single File" (.mhtml, a MIME
message holding the page and its pictures) and Safari's default "Web Archive" (.webarchive,
a property list). Both carry the page's own HTML, which is taken out with the standard
library's email and plistlib parsers and read as any saved page is (web_page)."""
import email
import email.policy
import plistlib

from game.authoring.readers.reading import Reading, Unreadable
from game.authoring.readers.web_page import read as read_page


def read_mhtml(data: bytes) -> Reading:
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            page = part.get_payload(decode=True)
            if page:
                return read_page(page)
    raise Unreadable("no web page was found inside this .mhtml file; save the page from the "
                     "browser again, or as \"Webpage, HTML only\"")


def read_webarchive(data: bytes) -> Reading:
    try:
        archive = plistlib.loads(data)
    except Exception:       # plistlib's errors for a damaged file are of several kinds
        archive = None
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    page = main.get("WebResourceData") if isinstance(main, dict) else None
    if not isinstance(page, bytes) or not page:
        raise Unreadable("no web page was found inside this Web Archive; save the page from "
                         "Safari again, or as \"Page Source\"")
    return read_page(page)
