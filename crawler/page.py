"""Parse one HTML page the way a browser does: its title, blocks of text and links in context.

The tree is built by Lexbor (through ``selectolax``), an implementation of the
WHATWG HTML parsing algorithm, so a broken page (two documents in one, text
after ``</html>``, unclosed tables, ``<a>`` around blocks, unquoted
attributes) gives the same elements a browser shows; ``docs/html-parsing.md``
says why this parser and how it was checked against Chromium.

One walk over the tree yields:

- **blocks**: the page's text cut where a browser starts a new line (a
  paragraph, a table row, a list item, a heading), each marked as a heading, a
  list/table item or plain text, as *navigation* when it sits in a menu,
  header, footer or side box, and with the links it holds.  The rules remove
  the site's template (blocks repeated on many pages) and judge a page on
  what is left.
- **links** with their context: anchor text, ``title``, image ``alt``, the
  table row or list item around the link (without the labels of the other
  links in it), the heading above a list it belongs to, and — for a link that
  says nothing ("คลิก") — the text just before it, which on ITA hub pages is
  the item's name.  Links to ``#``, to nothing or to ``javascript:`` are kept
  as *dead* links: a menu entry that promises an item but leads nowhere.
- **visible_text**: the whole text a visitor sees (as ``innerText``).
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode
from w3lib.url import safe_url_string

SKIP_SCHEMES = ("mailto:", "tel:", "data:", "ftp:", "file:", "about:", "sms:", "line:",
                "fax:", "callto:", "skype:", "whatsapp:", "viber:", "intent:", "market:")
DEAD_HREFS = re.compile(r"^(#.*|javascript:.*|https?:/*|void\(0\);?)?$", re.IGNORECASE | re.DOTALL)
CONTEXT_TAGS = {"tr", "li", "p", "dt", "dd"}
LIST_ITEM_TAGS = {"tr", "li", "dt", "dd"}
SMALL_CONTEXT_TAGS = {"div", "td", "th", "span"}
STOP_TAGS = {"body", "table", "ul", "ol", "main", "article", "section", "html"}
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "caption", "legend"}
INVISIBLE_TAGS = {"script", "style", "template", "head", "title", "meta", "link", "iframe",
                  "frame", "object", "embed", "svg", "math", "canvas", "audio", "video",
                  "datalist", "textarea", "input", "noembed", "noframes"}
NAV_TAGS = {"nav", "footer", "aside", "form", "button"}
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
    "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead",
    "tfoot", "tr", "ul", "caption", "br", "noscript", "frame", "option", "marquee",
}
CELL_TAGS = {"td", "th"}
BOLD_TAGS = {"b", "strong"}
NAV_TOKEN = re.compile(
    r"^(?:main|top|site|primary|header|mega|sub|side|footer|left|right)?[-_]?"
    r"(?:menu|menubar|navbar|nav|navigation|footer|sidebar|breadcrumbs?|counter|visitors?"
    r"|widget|topbar|copyright|skip|skiplink|menutop|dropdown-menu)"
    r"(?:[-_]?(?:wrap|wrapper|area|container|bar|box|section|inner|top|main|list|links?))?$",
    re.IGNORECASE,
)
MAX_CONTEXT = 300
MAX_FRAME_TEXT = 2000       # a context container longer than this is not a row
MAX_PRECEDING = 200         # the text before a vague link, when it names the item
_WS = re.compile(r"\s+")
_URL_JUNK = re.compile(r"[\t\n\r]")


@dataclass
class LinkOut:
    url: str                # absolute, percent-encoded; "" for a dead link (#, javascript:)
    anchor_text: str
    title_attr: str
    img_alt: str
    row_text: str
    heading: str
    is_frame: bool = False
    preceding: str = ""     # the block just before the link (a hub row's item name)
    above: str = ""         # the nearest heading (or bold label line) above the link
    nav: bool = False       # the link sits in a menu, header, footer or side box
    dead: bool = False      # href="#", "", "javascript:…": names something, leads nowhere
    raw_href: str = ""
    malformed: bool = False  # an http(s) href no URL parser accepts (a space in the host,
                             # port 99999, a bad IDN): a broken link, the page's others stay


@dataclass(frozen=True)
class PageBlock:
    text: str
    kind: str = "text"      # text | heading | item (table row, list item) | image | embed
    nav: bool = False
    links: tuple[str, ...] = ()   # URLs of the links in the block ("" for dead links)
    media: str = ""         # image or embed: its source URL (an org chart, a PDF viewer)


@dataclass
class ParsedPage:
    title: str
    html_title: str
    headings: list[str]
    main_text: str
    links: list[LinkOut] = field(default_factory=list)
    blocks: list[PageBlock] = field(default_factory=list)
    visible_text: str = ""


def clean(text: str) -> str:
    return _WS.sub(" ", text).strip()


def absolute_url(base: str, href: str, encoding: str = "utf-8") -> str | None:
    """Resolve ``href`` against ``base`` as a browser does; None if it is not an http(s) URL.

    Browsers strip leading/trailing spaces and drop tabs and newlines inside a
    URL, and read ``\\`` as ``/`` in http(s) URLs; Thai text and spaces are
    percent-encoded, the path in UTF-8 and the query in the page's encoding
    (a windows-874 page's search link carries a windows-874 query).
    """
    href = _URL_JUNK.sub("", (href or "").strip(" \t\n\r\f\v\x00"))
    if not href or href.lower().startswith(SKIP_SCHEMES) or href.startswith("#"):
        return None
    if href.lower().startswith("javascript:"):
        return None
    scheme = href.split(":", 1)[0].lower() if ":" in href.split("/", 1)[0] else ""
    if scheme in ("", "http", "https"):
        href = href.replace("\\", "/")
    try:
        joined = urllib.parse.urljoin(base, href)
        url = safe_url_string(joined, encoding=encoding or "utf-8")
        url, _ = urllib.parse.urldefrag(url)
        parts = urllib.parse.urlsplit(url)
        _ = parts.port   # raises on a port out of range
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return url


def _looks_http(href: str) -> bool:
    """A relative or http(s) reference (not ``mailto:``, ``tel:`` …)."""
    head = href.split("/", 1)[0]
    return ":" not in head or head.lower() in ("http:", "https:")


def _is_nav(node: LexborNode, parent_tag: str) -> bool:
    tag = node.tag
    if tag in NAV_TAGS:
        return True
    if tag == "header" and parent_tag == "body":
        return True
    if tag in ("a", "span", "b", "i", "strong", "em", "img", "font", "small", "u"):
        return False
    attrs = node.attributes
    role = (attrs.get("role") or "").lower()
    if role in ("navigation", "banner", "contentinfo", "menu", "menubar", "complementary"):
        return True
    marker = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    if not marker.strip() or "tab" in marker.lower():
        return False
    return any(NAV_TOKEN.match(token) for token in marker.split())


def _is_hidden(node: LexborNode, parent_tag: str) -> bool:
    attrs = node.attributes
    if "hidden" in attrs:
        return True
    if parent_tag == "details" and node.tag != "summary":
        parent = node.parent
        if parent is not None and "open" not in parent.attributes:
            return True       # a closed <details> shows its summary only
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


@dataclass
class _Frame:
    """An open element during the walk."""

    tag: str
    nav: bool
    hidden: bool
    invisible: bool
    in_main: bool
    list_item: bool               # inside tr/li/dt/dd
    pieces: list[tuple[int, str]] | None = None   # (link id or -1, text) for context frames
    size: int = 0
    pending: list[int] = field(default_factory=list)   # links whose context is open
    link_id: int = -1              # for <a>: its link id


class _Walker:
    def __init__(self, base_url: str, page_url: str = "", encoding: str = "utf-8") -> None:
        self.base_url = base_url
        self.page_url = page_url or base_url
        self.encoding = encoding
        self.links: list[LinkOut] = []
        self.link_texts: list[list[str]] = []
        self.link_block: list[int] = []
        self.blocks: list[tuple[str, str, bool, bool, bool, list[int]]] = []
        self.media: dict[int, str] = {}   # block index -> image/embed source
        self.visible: list[str] = []   # per block: the part a visitor sees
        self.buffer: list[str] = []
        self.hidden_buffer: list[bool] = []
        self.buffer_links: list[int] = []
        self.stack: list[_Frame] = []
        self.heading = ""          # nearest heading above (h1-h6, caption, legend)
        self.above = ""            # nearest heading or bold label line above
        self.last_bold = ""
        self.heading_buffer: list[str] | None = None
        self.active_links: list[int] = []
        self.headings_main: list[tuple[str, str]] = []   # (tag, text) of headings in content
        self.has_main = False

    # -- blocks ---------------------------------------------------------
    def _block_kind(self) -> tuple[str, bool, bool, bool]:
        kind = "text"
        for frame in reversed(self.stack):
            if frame.tag in HEADING_TAGS:
                kind = "heading"
                break
            if frame.tag in LIST_ITEM_TAGS:
                kind = "item"
                break
        top = self.stack[-1] if self.stack else None
        nav = bool(top and top.nav)
        hidden = bool(top and top.hidden)
        in_main = bool(top and top.in_main)
        return kind, nav, hidden, in_main

    def flush(self) -> None:
        text = clean("".join(self.buffer))
        if text:
            self.visible.append(clean("".join(
                piece for piece, hidden in zip(self.buffer, self.hidden_buffer, strict=True)
                if not hidden)))
            kind, nav, hidden, in_main = self._block_kind()
            if text == self.last_bold and not nav:
                self.above = text[:MAX_CONTEXT]    # a bold line alone labels what follows
            index = len(self.blocks)
            self.blocks.append((text, kind, nav, hidden, in_main, list(self.buffer_links)))
            for link_id in self.buffer_links:
                if self.link_block[link_id] < 0:
                    self.link_block[link_id] = index
        elif self.buffer_links:
            # a link without text (an image link) still belongs to the next block
            return
        self.buffer = []
        self.hidden_buffer = []
        self.buffer_links = []

    def text(self, value: str) -> None:
        top = self.stack[-1] if self.stack else None
        if top is not None and top.invisible:
            return
        self.buffer.append(value)
        self.hidden_buffer.append(bool(top and top.hidden))
        if self.heading_buffer is not None:
            self.heading_buffer.append(value)
        for link_id in self.active_links:
            self.link_texts[link_id].append(value)
        owner = self.active_links[-1] if self.active_links else -1
        for frame in self.stack:
            if frame.pieces is not None and frame.size <= MAX_FRAME_TEXT:
                frame.pieces.append((owner, value))
                frame.size += len(value)

    def space(self) -> None:
        """A boundary between cells or blocks: words on either side stay apart."""
        self.buffer.append(" ")
        self.hidden_buffer.append(False)
        for frame in self.stack:
            if frame.pieces is not None and frame.size <= MAX_FRAME_TEXT:
                frame.pieces.append((-1, " "))

    # -- elements -------------------------------------------------------
    def enter(self, node: LexborNode) -> _Frame:
        tag = node.tag or ""
        parent = self.stack[-1] if self.stack else None
        parent_tag = parent.tag if parent else ""
        if tag in BLOCK_TAGS or tag in CELL_TAGS:
            self.space()
            if tag not in CELL_TAGS:
                self.flush()
        nav = bool(parent and parent.nav) or _is_nav(node, parent_tag)
        invisible = bool(parent and parent.invisible) or tag in INVISIBLE_TAGS
        hidden = bool(parent and parent.hidden) or _is_hidden(node, parent_tag)
        in_main = bool(parent and parent.in_main) or tag == "main" or node.attributes.get(
            "role") == "main"
        if tag == "main":
            self.has_main = True
        list_item = bool(parent and parent.list_item) or tag in LIST_ITEM_TAGS
        frame = _Frame(tag, nav, hidden, invisible, in_main, list_item)
        if tag in CONTEXT_TAGS or tag in SMALL_CONTEXT_TAGS or tag in BOLD_TAGS:
            frame.pieces = []
        if tag in HEADING_TAGS and not invisible:
            self.heading_buffer = []
        self.stack.append(frame)
        if tag in ("a", "area") and not invisible:
            self._start_link(node, frame)
        elif tag in ("iframe", "frame", "embed", "object"):
            self._frame_link(node, frame)
        elif tag == "img" and self.active_links and not invisible:
            alt = node.attributes.get("alt") or ""
            if alt.strip():
                self.links[self.active_links[-1]].img_alt = clean(
                    f"{self.links[self.active_links[-1]].img_alt} {alt}")[:MAX_CONTEXT]
        elif tag == "img" and not invisible:
            self._image(node, frame)
        return frame

    def exit(self, frame: _Frame) -> None:
        tag = frame.tag
        if tag in BLOCK_TAGS or tag in CELL_TAGS:
            self.space()
            if tag not in CELL_TAGS:
                self.flush()
        if tag in HEADING_TAGS and self.heading_buffer is not None and not frame.invisible:
            text = clean("".join(self.heading_buffer))[:MAX_CONTEXT]
            if text:
                self.heading = text
                if not frame.nav:
                    self.above = text
                if not frame.nav and tag in ("h1", "h2"):
                    self.headings_main.append((tag, text))
            self.heading_buffer = None
        if tag in BOLD_TAGS and frame.pieces is not None:
            self.last_bold = clean("".join(t for _, t in frame.pieces))
        if frame.link_id >= 0:
            self._end_link(frame.link_id)
        self.stack.pop()
        self._resolve_contexts(frame)

    # -- links ----------------------------------------------------------
    def _start_link(self, node: LexborNode, frame: _Frame) -> None:
        attrs = node.attributes
        if "href" not in attrs:
            return
        raw = attrs.get("href") or ""
        url = absolute_url(self.base_url, raw, self.encoding)
        if url is None and raw.strip().startswith("#") and self.base_url != self.page_url:
            url = absolute_url(self.base_url, "", self.encoding) or \
                urllib.parse.urldefrag(self.base_url)[0]   # "#top" under <base>: the base page
        dead = malformed = False
        if url is None:
            stripped = raw.strip()
            if DEAD_HREFS.match(stripped):
                dead = True
            elif _looks_http(stripped):
                malformed = True
                url = stripped[:500]
            else:
                return            # mailto:, tel:, another scheme: not a link of the site
        link_id = len(self.links)
        self.links.append(LinkOut(
            url=url or "", anchor_text="", title_attr=clean(attrs.get("title") or "")[:MAX_CONTEXT],
            img_alt="", row_text="", heading="", nav=frame.nav, dead=dead, raw_href=raw[:300],
            above=self.above, malformed=malformed,
        ))
        self.link_texts.append([])
        self.link_block.append(-1)
        frame.link_id = link_id
        self.active_links.append(link_id)
        self.buffer_links.append(link_id)
        in_list = frame.list_item
        if in_list:
            # a heading labels the items of the list or table below it, not every
            # link after it (tags and share buttons under a post's title)
            self.links[link_id].heading = self.heading
        # the context is settled when an enclosing row/item/small block closes
        for ancestor in reversed(self.stack[:-1]):
            if (ancestor.pieces is not None and ancestor.tag not in BOLD_TAGS) \
                    or ancestor.tag in STOP_TAGS:
                ancestor.pending.append(link_id)
                break

    def _end_link(self, link_id: int) -> None:
        if link_id in self.active_links:
            self.active_links.remove(link_id)
        link = self.links[link_id]
        link.anchor_text = clean("".join(self.link_texts[link_id]))[:MAX_CONTEXT]

    def _media_block(self, frame: _Frame, text: str, kind: str, source: str,
                     link_ids: list[int]) -> None:
        """An image or an embedded document is content of the page (an org chart, a PDF
        viewer): a block of its own, without text of its own."""
        self.flush()
        self.media[len(self.blocks)] = source
        self.blocks.append((clean(text)[:MAX_CONTEXT], kind, frame.nav, frame.hidden,
                            frame.in_main, link_ids))

    def _frame_link(self, node: LexborNode, frame: _Frame) -> None:
        attrs = node.attributes
        src = attrs.get("data") if node.tag == "object" else attrs.get("src")
        url = absolute_url(self.base_url, src or "", self.encoding)
        if url:
            self.flush()
            self.links.append(LinkOut(url=url, anchor_text=clean(attrs.get("title") or ""),
                                      title_attr="", img_alt="", row_text="",
                                      heading=self.heading, is_frame=True))
            self.link_texts.append([])
            self.link_block.append(len(self.blocks))
            if node.tag != "frame":
                self._media_block(frame, attrs.get("title") or "", "embed", url,
                                  [len(self.links) - 1])

    def _image(self, node: LexborNode, frame: _Frame) -> None:
        attrs = node.attributes
        src = (attrs.get("src") or attrs.get("data-src") or "").strip()
        if not src or src.startswith("data:"):
            return
        url = absolute_url(self.base_url, src, self.encoding) or src[:300]
        self._media_block(frame, attrs.get("alt") or "", "image", url, [])

    def _resolve_contexts(self, frame: _Frame) -> None:
        if not frame.pending:
            return
        parent = next((f for f in reversed(self.stack)
                       if (f.pieces is not None and f.tag not in BOLD_TAGS)
                       or f.tag in STOP_TAGS), None)
        for link_id in frame.pending:
            own = clean("".join(self.link_texts[link_id]))
            resolved = False
            if frame.pieces is not None and frame.size <= MAX_FRAME_TEXT:
                text = clean("".join(t for owner, t in frame.pieces if owner in (-1, link_id)))
                if frame.tag in CONTEXT_TAGS:
                    self.links[link_id].row_text = text[:MAX_CONTEXT] if len(text) > len(own) else ""
                    resolved = True
                elif frame.size <= 200 and len(text) > len(own) + 3:
                    self.links[link_id].row_text = text[:MAX_CONTEXT]
                    resolved = True
            elif frame.tag in CONTEXT_TAGS:
                resolved = True       # a long paragraph is not a row
            if frame.tag in STOP_TAGS:
                resolved = True
            if not resolved and parent is not None:
                parent.pending.append(link_id)

    # -- finish ---------------------------------------------------------
    def page_blocks(self) -> list[PageBlock]:
        out = []
        for index, (text, kind, nav, _hidden, _in_main, link_ids) in enumerate(self.blocks):
            out.append(PageBlock(text, kind, nav, tuple(self.links[i].url for i in link_ids),
                                 self.media.get(index, "")))
        return out

    def preceding_texts(self) -> None:
        """Give each link the block before its own: on hub pages the item's name."""
        for link_id, link in enumerate(self.links):
            index = self.link_block[link_id]
            if index <= 0 or link.row_text:
                continue
            prev = self.blocks[index - 1]
            own_block = self.blocks[index] if index < len(self.blocks) else None
            # only when the link is (nearly) its block's whole text
            if own_block is not None and len(own_block[0]) > len(link.anchor_text) + 10:
                continue
            if not prev[2] and len(prev[0]) <= MAX_PRECEDING and not prev[5]:
                link.preceding = prev[0]


def _walk(root: LexborNode, walker: _Walker) -> None:
    """Depth-first walk with an explicit stack (deep nesting must not overflow)."""
    stack: list[tuple[LexborNode | None, _Frame | None]] = [(root, None)]
    while stack:
        node, frame = stack.pop()
        if node is None:
            assert frame is not None
            walker.exit(frame)
            continue
        if node.is_text_node:
            walker.text(node.text_content or "")
            continue
        if not node.is_element_node:
            continue
        new_frame = walker.enter(node)
        stack.append((None, new_frame))
        children = list(node.iter(include_text=True))
        for child in reversed(children):
            stack.append((child, None))


def parse_html(html: str, base_url: str, encoding: str = "utf-8") -> ParsedPage:
    """Parse ``html`` fetched from ``base_url``; ``encoding`` is the page's charset
    (query strings of its links are encoded in it, as browsers do)."""
    page_url = base_url
    tree = LexborHTMLParser(html or "")
    base_el = tree.css_first("base[href]")
    if base_el is not None:
        base_url = absolute_url(base_url, base_el.attributes.get("href") or "", encoding) \
            or base_url
    title_el = tree.css_first("title")
    html_title = clean(title_el.text(deep=True)) if title_el is not None else ""
    walker = _Walker(base_url, page_url, encoding)
    root = tree.root
    if root is not None:
        _walk(root, walker)
    walker.flush()
    walker.preceding_texts()
    blocks = walker.page_blocks()
    in_main = walker.has_main
    content = [b for b, raw in zip(blocks, walker.blocks, strict=True)
               if not b.nav and (raw[4] or not in_main)]
    main_text = "\n".join(b.text for b in content if b.text)
    visible = "\n".join(v for v in walker.visible if v)
    # Only h1: on listing pages h2/h3 are the titles of the items listed, which
    # belong to those items, not to the listing.
    headings = [text for tag, text in walker.headings_main if tag == "h1"]
    if not headings:
        headings = [text for tag, text in walker.headings_main if tag == "h2"][:1]
    title = headings[0] if headings else html_title
    if html_title and html_title != title:
        headings.insert(0, html_title)
    return ParsedPage(title=title, html_title=html_title, headings=headings[:30],
                      main_text=main_text, links=walker.links, blocks=blocks,
                      visible_text=visible)
