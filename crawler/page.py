"""Parse one HTML page: its title, headings, main text and links with their context.

Link context is the main classification signal on Thai office websites: an
ITA hub page puts the item name (often with an O-code) in one table cell and a
bare "คลิก" / "ดาวน์โหลด" link in another, so for every link we keep the anchor
text, title attribute, image alt, the surrounding table row or list item, and
the nearest heading above it.  Main text excludes menus, footers, sidebars
and visitor counters, so that a menu entry or a copyright year does not
become evidence on every page.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass, field

import lxml.html
from lxml import etree
from w3lib.url import safe_url_string

SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "ftp:", "file:", "#", "about:")
CONTEXT_TAGS = {"tr", "li", "p", "dt", "dd"}
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "caption", "legend"}
BOILERPLATE_TAGS = {"script", "style", "noscript", "nav", "footer", "aside", "form", "template",
                    "svg", "select", "button"}
BOILERPLATE_CLASS = re.compile(
    r"(^|[\s_-])(menu|menubar|navbar|nav|navigation|footer|sidebar|breadcrumbs?|counter|visitors?"
    r"|widget|topbar|copyright|skip)($|[\s_-])",
    re.IGNORECASE,
)
MAX_CONTEXT = 300
_WS = re.compile(r"\s+")


@dataclass
class LinkOut:
    url: str            # absolute, percent-encoded
    anchor_text: str
    title_attr: str
    img_alt: str
    row_text: str
    heading: str
    is_frame: bool = False


@dataclass
class ParsedPage:
    title: str
    html_title: str
    headings: list[str]
    main_text: str
    links: list[LinkOut] = field(default_factory=list)


def _text(el: etree._Element) -> str:
    return _WS.sub(" ", el.text_content() if hasattr(el, "text_content") else "").strip()


def absolute_url(base: str, href: str) -> str | None:
    """Resolve ``href`` against ``base``; Thai text and spaces are percent-encoded."""
    href = (href or "").strip()
    if not href or href.lower().startswith(SKIP_SCHEMES):
        return None
    try:
        joined = urllib.parse.urljoin(base, href)
    except ValueError:
        return None
    url = safe_url_string(joined, encoding="utf-8")
    url, _ = urllib.parse.urldefrag(url)
    if not url.lower().startswith(("http://", "https://")):
        return None
    return url


def _is_boilerplate(el: etree._Element) -> bool:
    if not isinstance(el.tag, str):
        return True
    if el.tag in BOILERPLATE_TAGS:
        return True
    if el.tag == "header" and el.getparent() is not None and el.getparent().tag == "body":
        return True
    marker = f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}"
    return bool(marker.strip()) and bool(BOILERPLATE_CLASS.search(marker))


def _text_without_other_links(container: etree._Element, link: etree._Element) -> str:
    """The container's text, leaving out the texts of the *other* links in it.

    Context is what surrounds a link (the O-code and item name in a hub row, a
    date in a news list); the labels of neighbouring links (a tag cloud, a
    menu) say nothing about this link.
    """
    skip = {a for a in container.iter("a") if a is not link}
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        if el in skip:
            if el.tail:
                parts.append(el.tail)
            return
        if el.text and isinstance(el.tag, str):
            parts.append(el.text)
        for child in el:
            walk(child)
        if el is not container and el.tail:
            parts.append(el.tail)

    walk(container)
    return _WS.sub(" ", " ".join(parts)).strip()


LIST_ITEM_TAGS = {"tr", "li", "dt", "dd"}


def _context(el: etree._Element) -> tuple[str, bool]:
    """Text of the table row / list item / small block around a link, and whether
    the link is an item of a list or table (then the heading above it labels it)."""
    own = _text(el)
    for ancestor in el.iterancestors():
        if not isinstance(ancestor.tag, str):
            continue
        if ancestor.tag in CONTEXT_TAGS:
            text = _text_without_other_links(ancestor, el)
            in_list = ancestor.tag in LIST_ITEM_TAGS
            return (text[:MAX_CONTEXT] if len(text) > len(own) else ""), in_list
        if ancestor.tag in ("div", "td", "span") and len(_text(ancestor)) <= 200:
            text = _text_without_other_links(ancestor, el)
            if len(text) > len(own) + 3:
                in_list = any(isinstance(a.tag, str) and a.tag in LIST_ITEM_TAGS
                              for a in ancestor.iterancestors())
                return text[:MAX_CONTEXT], in_list
        if ancestor.tag in ("body", "table", "ul", "ol", "main", "article", "section"):
            break
    in_list = any(isinstance(a.tag, str) and a.tag in LIST_ITEM_TAGS for a in el.iterancestors())
    return "", in_list


def parse_html(html: str, base_url: str) -> ParsedPage:
    try:
        doc = lxml.html.document_fromstring(html or "<html></html>")
    except (etree.ParserError, ValueError):
        return ParsedPage("", "", [], "")
    base_el = doc.find(".//base[@href]")
    if base_el is not None:
        base_url = absolute_url(base_url, base_el.get("href", "")) or base_url
    html_title = _text(doc.find(".//title")) if doc.find(".//title") is not None else ""

    links: list[LinkOut] = []
    heading = ""
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag
        if tag in HEADING_TAGS:
            heading = _text(el)[:MAX_CONTEXT]
        elif tag in ("a", "area") and el.get("href"):
            url = absolute_url(base_url, el.get("href", ""))
            if not url:
                continue
            alts = " ".join(img.get("alt", "") for img in el.iter("img") if img.get("alt"))
            row_text, in_list = _context(el)
            links.append(LinkOut(
                url=url, anchor_text=_text(el)[:MAX_CONTEXT],
                title_attr=_WS.sub(" ", el.get("title", "")).strip()[:MAX_CONTEXT],
                img_alt=alts.strip()[:MAX_CONTEXT], row_text=row_text,
                # a heading labels the items of the list or table below it, not every
                # link after it (tags and share buttons under a post's title)
                heading=heading if in_list else "",
            ))
        elif tag in ("iframe", "frame") and el.get("src"):
            url = absolute_url(base_url, el.get("src", ""))
            if url:
                links.append(LinkOut(url=url, anchor_text=el.get("title", ""), title_attr="",
                                     img_alt="", row_text="", heading=heading, is_frame=True))

    # Main content: the page without menus, footers, sidebars and counters.
    body = doc.find(".//body")
    main_root = body if body is not None else doc
    for el in list(main_root.iter()):
        if el is not main_root and _is_boilerplate(el) and el.getparent() is not None:
            el.drop_tree()
    main = main_root
    for tag in ("main", "article"):
        found = main_root.find(f".//{tag}")
        if found is not None:
            main = found
            break
    # Only h1: on listing pages h2/h3 are the titles of the items listed, which
    # belong to those items, not to the listing.
    headings = [_text(h)[:MAX_CONTEXT] for h in main.iter("h1") if _text(h)]
    if not headings:
        headings = [_text(h)[:MAX_CONTEXT] for h in main.iter("h2") if _text(h)][:1]
    title = headings[0] if headings else html_title
    if html_title and html_title != title:
        headings.insert(0, html_title)
    main_text = _WS.sub(" ", " ".join(main.itertext())).strip()
    return ParsedPage(title=title, html_title=html_title, headings=headings[:30],
                      main_text=main_text, links=links)
