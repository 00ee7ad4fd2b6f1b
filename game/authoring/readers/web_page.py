"""A saved web page ("Save page as", "Web page, complete" too: its NAME_files/ folder of
pictures and styles is never read). trafilatura finds the main text and leaves out the
page's chrome (navigation, cookie notices, share buttons, related stories); it also reads
the headline, author, date, site name and address from OpenGraph, JSON-LD and meta tags.
Which of those each value came from is looked up here, for the draft's comments, and the
captions and credits trafilatura drops are kept to be listed there."""
import json

from game.authoring.readers.reading import Reading, Unreadable

# trafilatura's time grows with a page's text: a page holding more than this (ten times
# the most an article may be) is refused before it is read (4 MB of text takes ~30 s).
MOST_TEXT = 1_000_000
# What trafilatura calls each field, and where a page states it, most specific first.
_FIELDS = {
    "headline": ("title", [("meta", "og:title"), ("ld", "headline"), ("meta", "twitter:title"),
                           ("title", None), ("h1", None)]),
    "outlet": ("sitename", [("meta", "og:site_name"), ("ld", "publisher"),
                            ("meta", "application-name")]),
    "author": ("author", [("meta", "author"), ("ld", "author"), ("meta", "article:author"),
                          ("meta", "byl")]),
    "date": ("date", [("meta", "article:published_time"), ("ld", "datePublished"),
                      ("meta", "date"), ("meta", "dc.date"), ("time", None)]),
    "url": ("url", [("meta", "og:url"), ("link", "canonical"), ("ld", "url")]),
}
_SAID = {"meta": "the page's {} tag", "ld": "the page's JSON-LD {}", "title": "the page's <title>",
         "h1": "the page's first heading", "time": "a <time> on the page",
         "link": "the page's {} link"}
_CAPTIONS = ("//figcaption | //*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')]"
             " | //*[contains(@class, 'credit')]")


def read(data: bytes) -> Reading:
    import trafilatura      # here: only new-article on a web page needs it (and lxml)
    from lxml import html as lxml_html
    try:
        tree = lxml_html.document_fromstring(data)
    except Exception:       # lxml's errors for an empty or non-HTML document vary
        raise Unreadable("this is not a web page: save the page from the browser as "
                         "\"Web page, HTML only\" or \"complete\" and try again") from None
    if _visible_size(tree) > MOST_TEXT:
        raise Unreadable(f"this web page holds more than {MOST_TEXT // 1_000_000} MB of text; it "
                         "is not one article (save the article's own page)")
    document = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False,
                                           include_tables=False, include_images=False,
                                           favor_precision=True)
    if document is None or not _has_sentence(document.text or ""):
        raise Unreadable("no article was found in this web page (a front page, a list of "
                         "links, or a page that builds its text with scripts: save the "
                         "article's own page, or copy its text into a plain-text file)")
    reading = Reading(document.text.strip() + "\n", "a web page")
    for name, (theirs, places) in _FIELDS.items():
        value = (getattr(document, theirs, None) or "").strip()
        if value and not (name == "outlet" and value == document.hostname):
            reading.found[name] = (value, _where(tree, value, places))
    seen = set()
    for element in tree.xpath(_CAPTIONS):
        text = " ".join(element.text_content().split())
        if text and text not in seen:
            seen.add(text)
            credit = "credit" in (element.get("class") or "")
            reading.set_aside.append((text, "a photo credit" if credit else "a caption"))
    return reading


def _visible_size(tree) -> int:
    return sum(len(text) for text in tree.xpath("//body//text()[not(ancestor::script) and "
                                                "not(ancestor::style)]"))


def _has_sentence(text: str) -> bool:
    """trafilatura falls back on whatever text a page has: a menu is not an article."""
    return any(len(line.split()) >= 5 and line.rstrip().endswith((".", "!", "?", '"', "”"))
               for line in text.splitlines())


def _where(tree, value: str, places) -> str:
    for kind, name in places:
        for said in _stated(tree, kind, name):
            if value in said or said in value and said:
                return _SAID[kind].format(name)
    return "the page (trafilatura's reading of it)"


def _stated(tree, kind: str, name: str | None) -> list[str]:
    if kind == "meta":
        return [m.get("content", "") for m in tree.iter("meta")
                if name in ((m.get("property") or "").lower(), (m.get("name") or "").lower())]
    if kind == "link":
        return [link.get("href", "") for link in tree.iter("link") if link.get("rel") == name]
    if kind == "ld":
        return [text for block in _json_ld(tree) for text in _texts(block, name)]
    if kind == "time":
        return [t.get("datetime", "") for t in tree.iter("time")]
    return [" ".join(e.text_content().split()) for e in tree.iter(kind)][:1]


def _json_ld(tree) -> list:
    blocks = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            blocks.append(json.loads(script.text or ""))
        except ValueError:
            continue
    return blocks


def _texts(node, key: str) -> list[str]:
    """Every string under key anywhere in a JSON-LD block (a name inside an object too)."""
    found = []
    if isinstance(node, list):
        for item in node:
            found += _texts(item, key)
    elif isinstance(node, dict):
        for k, v in node.items():
            if k == key:
                found += _strings(v)
            elif isinstance(v, (dict, list)):
                found += _texts(v, key)
    return found


def _strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [s for item in node for s in _strings(item)]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    return []
