"""new-article on the forms a teacher has an article in (game/authoring/readers): a saved
web page, a two-column PDF, a Word document with a caption, UTF-16 text, standard input;
and on hostile files, which each get one sentence naming the file. Every document here is
made by the tests (tests/made_pdf.py writes the PDFs) or kept small in tests/data/articles."""
import io
import re
import sys
import zipfile
import zlib

import pytest

from conftest import DATA
from made_pdf import pdf
from test_authoring import _fill_article, _review_all
from game import cli
from game.authoring import draft
from game.bank import load_bank

BODY = [
    "The city council voted 7 to 2 on Tuesday to close the Mill Street bridge for repairs.",
    "Engineers found cracks in two of the bridge's steel beams during an inspection in "
    "January, according to a report released by the city.",
    "\"We cannot wait any longer,\" said Angela Moore, the council's chair.",
    "The closure is a short-sighted mistake that will hurt every shop on the east side.",
]
CHROME = ["cookies", "Home", "Sport", "Share", "Related stories", "Budget vote", "library",
          "All rights reserved", "Photo by Sam Reed"]


def _drafted(article, tmp_path, capsys) -> tuple[str, str, str]:
    """The draft, the article's UTF-8 copy beside it, and what new-article said."""
    out = tmp_path / "out" / "draft.yaml"
    assert cli.main(["new-article", str(article), "--out", str(out)]) == 0, capsys.readouterr()
    said = capsys.readouterr().out
    (copy,) = (tmp_path / "out" / "articles").iterdir()
    return out.read_text(encoding="utf-8"), copy.read_text(encoding="utf-8"), said


def _statements(text: str) -> list[str]:
    """The statements' texts, as the article has them."""
    return [s.replace('\\"', '"') for s in re.findall(r'^    text: "(.*)"$', text, flags=re.MULTILINE)]


def _plays_once_reviewed(out_text: str, tmp_path) -> None:
    out = tmp_path / "out" / "draft.yaml"
    out.write_text(_review_all(_fill_article(out_text)), encoding="utf-8")
    loaded = load_bank([out])
    assert loaded.problems == [] and loaded.files[0].quotes_checked


def test_a_saved_web_page_gives_its_article_and_metadata_without_the_chrome(tmp_path, capsys):
    page = tmp_path / "Council closes bridge.html"
    page.write_bytes((DATA / "articles" / "bridge-page.html").read_bytes())
    (tmp_path / "Council closes bridge_files").mkdir()        # "Web page, complete"
    (tmp_path / "Council closes bridge_files" / "bridge.jpg").write_bytes(b"\xff\xd8")
    text, copy, said = _drafted(page, tmp_path, capsys)
    assert _statements(text) == BODY
    for sentence in BODY:
        assert sentence in copy
    statements = "\n".join(_statements(text))
    assert not [words for words in CHROME if words in statements]
    assert 'headline: "Council votes to close Mill Street bridge"    # from the page\'s og:title tag' in text
    assert 'outlet: "The Riverside Gazette"    # from the page\'s og:site_name tag' in text
    assert 'author: "Maria Lopez"    # from the page\'s author tag' in text
    assert 'date: "2025-03-04"    # from the page\'s JSON-LD datePublished' in text
    assert '"Published online: https://gazette.example/news/bridge-closure"    # from the page\'s og:url tag' in text
    assert "#   a caption: The Mill Street bridge on Monday. Photo by Sam Reed." in text
    assert 'text_file: "council-votes-to-close-mill.txt"' in text
    assert "took the article's text from" in said and "(a web page)" in said
    _plays_once_reviewed(text, tmp_path)


def _mhtml(page: bytes) -> bytes:
    """The page as Chrome's "Webpage, Single File" saves it: a multipart/related MIME message,
    the page quoted-printable, a picture beside it."""
    from email.message import EmailMessage
    message = EmailMessage()
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = "https://gazette.example/news/bridge-closure"
    message.set_content(page.decode("utf-8"), subtype="html", cte="quoted-printable")
    message.add_related(b"\xff\xd8picture", maintype="image", subtype="jpeg")
    return message.as_bytes()


def _webarchive(page: bytes) -> bytes:
    """The page as Safari's "Web Archive" saves it: a binary property list."""
    import plistlib
    return plistlib.dumps({"WebMainResource": {
        "WebResourceData": page, "WebResourceMIMEType": "text/html",
        "WebResourceTextEncodingName": "UTF-8",
        "WebResourceURL": "https://gazette.example/news/bridge-closure"},
        "WebSubresources": [{"WebResourceData": b"\xff\xd8", "WebResourceMIMEType": "image/jpeg",
                             "WebResourceURL": "https://gazette.example/bridge.jpg"}]},
        fmt=plistlib.FMT_BINARY)


@pytest.mark.parametrize("name, saved", [("Council closes bridge.mhtml", _mhtml),
                                         ("Council closes bridge.webarchive", _webarchive)])
def test_a_page_saved_as_one_file_reads_as_the_page_does(tmp_path, capsys, name, saved):
    page = tmp_path / name
    page.write_bytes(saved((DATA / "articles" / "bridge-page.html").read_bytes()))
    text, copy, said = _drafted(page, tmp_path, capsys)
    assert _statements(text) == BODY
    assert not [words for words in CHROME if words in "\n".join(_statements(text))]
    assert 'outlet: "The Riverside Gazette"    # from the page\'s og:site_name tag' in text
    assert "#   a caption: The Mill Street bridge on Monday. Photo by Sam Reed." in text
    _plays_once_reviewed(text, tmp_path)


def _column(x, top, paragraphs):
    lines, y = [], top
    for paragraph in paragraphs:
        for line in paragraph:
            lines.append((x, y, line))
            y -= 12
        y -= 12
    return lines


def _handout() -> bytes:
    """Two pages of two columns under a running header, with page numbers at the foot, a
    word broken at a line's end and a sentence going on from one page to the next."""
    def head(n):
        return [(72, 760, "THE RIVERSIDE GAZETTE  |  March 4, 2025"), (300, 30, f"Page {n}")]
    one = head(1) + [(72, 720, "Council votes to close Mill Street bridge")] + _column(72, 690, [
        ["The city council voted 7 to 2 on Tuesday", "to close the Mill Street bridge for repairs."],
        ["Engineers found cracks in two of the well-", "known bridge's steel beams during an inspection",
         "in January, according to a city report."]]) + _column(320, 690, [
        ["The repairs are expected to take eight", "months and to cost about $2.4 million,",
         "the city's engineer said."],
        ["The council said the decision was impor-", "tant for the safety of the",
         "thousands of people who cross"]])
    two = head(2) + _column(72, 720, [
        ["the bridge every day."],
        ["\"We cannot wait any longer,\" said Angela", "Moore, the council's chair."]]) + \
        _column(320, 720, [["The closure is a short-",
                            "sighted mistake that will hurt every shop on the east side."],
                           ["Residents can write to the council by e-",
                            "mail; its e-mail address is on the city's website."]])
    return pdf([one, two])


HANDOUT = [
    "The city council voted 7 to 2 on Tuesday to close the Mill Street bridge for repairs.",
    "Engineers found cracks in two of the well-known bridge’s steel beams during an inspection in "
    "January, according to a city report.",
    "The repairs are expected to take eight months and to cost about $2.4 million, the "
    "city’s engineer said.",
    "The council said the decision was important for the safety of the thousands of people "
    "who cross the bridge every day.",
    "\"We cannot wait any longer,\" said Angela Moore, the council’s chair.",
    "The closure is a short-sighted mistake that will hurt every shop on the east side.",
    "Residents can write to the council by e-mail; its e-mail address is on the city’s website.",
]


def test_a_two_column_pdf_is_read_in_order_without_headers_or_page_numbers(
        tmp_path, capsys):
    """Also: a word broken at a line's end is made whole ("impor-tant"), a compound broken
    at its own hyphen keeps it ("well-known", "short-sighted"), and one the article writes
    whole elsewhere is written as the article writes it ("e-mail")."""
    _two_columns(tmp_path, capsys)


def _two_columns(tmp_path, capsys):
    handout = tmp_path / "handout.pdf"
    handout.write_bytes(_handout())
    text, copy, _ = _drafted(handout, tmp_path, capsys)
    assert copy.splitlines() == ["Council votes to close Mill Street bridge", *HANDOUT]
    statements = _statements(text)
    assert statements[-len(HANDOUT):] == HANDOUT
    assert not [s for s in statements if "GAZETTE" in s or "Page" in s]
    assert 'headline: "Council votes to close Mill Street bridge"    # from the first line' in text
    _plays_once_reviewed(text, tmp_path)


def test_a_word_document_keeps_its_caption_apart(tmp_path, capsys):
    import docx
    document = docx.Document()
    document.add_paragraph("Council votes to close Mill Street bridge", style="Title")
    document.add_paragraph("The Mill Street bridge on Monday.", style="Caption")
    for sentence in BODY:
        document.add_paragraph(sentence)
    path = tmp_path / "bridge.docx"
    document.save(path)
    text, copy, _ = _drafted(path, tmp_path, capsys)
    assert _statements(text) == BODY
    assert "#   a caption: The Mill Street bridge on Monday." in text
    assert "Monday" not in copy
    assert "headline: \"Council votes to close Mill Street bridge\"    # from the document's " \
           "Title paragraph" in text
    _plays_once_reviewed(text, tmp_path)


def test_utf16_text_and_standard_input(tmp_path, capsys, monkeypatch):
    article = tmp_path / "bridge.txt"
    article.write_text("Council votes to close Mill Street bridge\n" + "\n".join(BODY) + "\n",
                       encoding="utf-16")
    text, copy, said = _drafted(article, tmp_path, capsys)
    assert "is UTF-16 text, not UTF-8" in said and copy.splitlines()[1:] == BODY
    for sentence in BODY[:2]:
        assert f'text: "{sentence}"' in text
    piped = tmp_path / "piped"
    piped.mkdir()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(
        ("Council votes to close Mill Street bridge\n" + "\n".join(BODY)).encode("utf-8"))))
    text, copy, said = _drafted("-", piped, capsys)
    assert "# Byline question file for standard input" in text
    assert 'text_file: "council-votes-to-close-mill.txt"' in text
    assert copy.splitlines()[1:] == BODY


def _zip_bomb() -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * 60_000_000)
    return data.getvalue()


def _pdf_bomb() -> bytes:
    """A page's text stream that inflates to 60 MB from 60 KB."""
    bomb = zlib.compress(b"\0" * 60_000_000, 9)
    return pdf([[(72, 700, "A sentence of the article.")]]).replace(b"%%EOF", b"") + \
        b"9 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n%b\nendstream\nendobj\n" \
        % (len(bomb), bomb)


@pytest.mark.parametrize("name, made, said", [
    ("bomb.pdf", _pdf_bomb, "this PDF inflates to more than 50 MB"),
    ("cut.pdf", lambda: _handout()[:len(_handout()) // 2], "this PDF is damaged"),
    ("locked.pdf", lambda: pdf([[(72, 700, "Secret.")]], encrypt=True),
     "this PDF is protected by a password"),
    ("fake.pdf", lambda: b"Hello, this is not a PDF.", "this is not a PDF"),
    ("notes.docx", lambda: b"plain text, not a zip", "this is not a Word document (.docx)"),
    ("bomb.docx", _zip_bomb, "this Word document unpacks to more than 50 MB"),
    ("huge.html", lambda: b"<html><body><p>" + b"word " * 4_000_000 + b"</p></body></html>",
     "the file is 20 MB; a web page may be at most 5 MB"),
    ("words.html", lambda: b"<html><body><p>" + b"word " * 400_000 + b"</p></body></html>",
     "this web page holds more than 1 MB of text"),
    ("menu.html", lambda: b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
     "no article was found in this web page"),
    ("notes.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500,
     "this is an older Word document (.doc), which Byline does not read: open it, save it "
     "as a Word document (.docx), a PDF or plain text (.txt)"),
    ("notes.odt", lambda: b"PK\x03\x04", "this is an OpenDocument text (.odt), which"),
    ("page.mhtml", lambda: b"MIME-Version: 1.0\nContent-Type: text/plain\n\nhello\n",
     "no web page was found inside this .mhtml file"),
    ("page.webarchive", lambda: b"bplist00 damaged", "no web page was found inside this Web Archive"),
])
def test_a_broken_or_hostile_file_is_one_sentence_naming_it(tmp_path, capsys, name, made, said):
    path = tmp_path / name
    path.write_bytes(made())
    assert cli.main(["new-article", str(path), "--out", str(tmp_path / "d.yaml")]) == 1
    told = capsys.readouterr()
    assert told.err.startswith(f"{path}: ") and said in told.err, told.err
    assert told.err.count("\n") == 1 and "Traceback" not in told.err
    assert not (tmp_path / "d.yaml").exists()


def test_the_text_of_a_page_is_held_to_an_articles_size(tmp_path):
    page = tmp_path / "long.html"
    page.write_text("<html><body><article>" + "<p>The council met again today.</p>" * 4000
                    + "</article></body></html>", encoding="utf-8")
    with pytest.raises(draft.DraftError, match=r"long.html: its text is .* an article may be "
                                               r"at most 100 KB"):
        draft.make(page, tmp_path / "d.yaml")


def _printed_by_chromium(html_path, pdf_path) -> None:
    """The page printed to PDF as a teacher prints a handout from the browser: Chromium's
    own header (date and title) and footer (address and "page/pages") on every page."""
    import os
    from game.tools.loopback import CHROMIUM, launch
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing, and CI must print the handout with it")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium; .ci/run installs it)")
    from playwright.sync_api import sync_playwright
    small = '<div style="font-size:9px; width:100%; padding:0 40px">{}</div>'
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page()
            page.goto(html_path.as_uri())
            page.pdf(path=str(pdf_path), format="A4", display_header_footer=True,
                     margin={"top": "70px", "bottom": "70px", "left": "60px", "right": "60px"},
                     header_template=small.format('<span class="date"></span> · '
                                                  '<span class="title"></span>'),
                     footer_template=small.format('<span class="url"></span> · <span '
                                                  'class="pageNumber"></span>/<span '
                                                  'class="totalPages"></span>'))
        finally:
            browser.close()


def test_a_page_the_browser_printed_to_pdf_reads_whole_without_its_print_header(tmp_path,
                                                                               capsys):
    """Four invented articles, each under its own heading, as one page printed to three or
    more A4 pages: every paragraph and heading comes out whole, on a line of its own
    (a heading at the foot of a page is not run into the next page's first paragraph),
    and nothing of the print header or footer."""
    import html
    paragraphs = []
    for article in sorted((DATA / "invented" / "articles").glob("*.txt")):
        paragraphs += [line.strip() for line in article.read_text(encoding="utf-8").splitlines()
                       if line.strip()]
    body = "".join(f"<h2>{html.escape(p)}</h2>" if i == 0 or p.istitle() and not
                   p.endswith(".") else f"<p>{html.escape(p)}</p>"
                   for i, p in enumerate(paragraphs))
    page = tmp_path / "riverside-reader-2025.html"
    page.write_text(f"<!doctype html><html><head><meta charset='utf-8'><title>Riverside "
                    f"reader</title></head><body style='font: 17px/1.6 serif'>{body}</body>"
                    "</html>", encoding="utf-8")
    handout = tmp_path / "handout.pdf"
    _printed_by_chromium(page, handout)
    _, copy, _ = _drafted(handout, tmp_path, capsys)
    lines = [" ".join(line.split()) for line in copy.splitlines()]
    missing = [p for p in paragraphs if " ".join(p.split()) not in lines]
    assert missing == []
    assert not [line for line in lines if "riverside-reader-2025" in line or
                re.search(r"\d+/\d+$", line) or "Riverside reader" in line]
