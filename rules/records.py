"""The records that flow from the crawler into the rules.

A :class:`DocumentRecord` describes one fetched page, one fetched document, or
one external link that was recorded but not fetched (a Google Drive file, an
e-GP announcement).  The crawler fills them; the classifier reads them.  They
are plain data (JSON-serialisable through :meth:`to_dict`/:meth:`from_dict`)
so the same records can be stored, shipped between Scrapyd nodes, or built
by hand in tests.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

# page / document: fetched; external: a recorded link to another site, not fetched;
# broken: a link target of the site that could not be fetched (404, timeout);
# dead: a link that leads nowhere (href="#", "", "javascript:") - only its label exists.
RecordKind = Literal["page", "document", "external", "broken", "dead"]

# Where a date was found, strongest first.  The verdict names the source it used.
DATE_SOURCES = (
    "title",          # the page/document title
    "link",           # the link text or table row of a link pointing to it
    "lead",           # the first lines of the document body (cover, header, issue line)
    "text",           # elsewhere in the main text
    "meta",           # HTML meta tags / <time> / JSON-LD (via htmldate)
    "document_meta",  # PDF/DOCX/XLSX metadata (creation / modification date)
    "url",            # a date written in the URL
    "sitemap",        # sitemap <lastmod>
    "last_modified",  # HTTP Last-Modified header
)
DateSource = Literal[
    "title", "link", "lead", "text", "meta", "document_meta", "url", "sitemap", "last_modified"
]


@dataclass(frozen=True)
class LinkContext:
    """How another page links to a record: the strongest classification signal."""

    source_url: str
    anchor_text: str = ""
    title_attr: str = ""
    img_alt: str = ""
    row_text: str = ""   # text of the surrounding table row or list item
    heading: str = ""    # nearest preceding heading (h1-h6, caption, legend) of a list item
    preceding: str = ""  # the block just before a link that is its block's whole text
    above: str = ""      # the nearest heading or bold label line above the link
    nav: bool = False    # the link sits in a menu, header, footer or side box

    @property
    def label(self) -> str:
        """Everything the link itself says (anchor, title attribute, image alt)."""
        return " ".join(p for p in (self.anchor_text, self.title_attr, self.img_alt) if p)


@dataclass(frozen=True)
class DatedValue:
    """A date found for a record, with the period it stands for and its source.

    The crawler supplies the dates it alone can see (meta tags, document
    metadata, URL, sitemap, Last-Modified); dates written in the text (title,
    link, lead, body) are found by :mod:`rules.evidence_dates`.

    ``start``..``end`` is the period the text names: a day is one day, a month
    the whole month, a fiscal year 1 Oct .. 30 Sep.
    """

    start: dt.date
    end: dt.date
    source: DateSource
    text: str = ""
    kind: str = "day"   # day | month | year | fiscal_year | academic_year | year_range


@dataclass(frozen=True)
class Block:
    """A piece of a page's text where a browser starts a new line."""

    text: str
    kind: str = "text"            # text | heading | item (table row, list item) | image | embed
    nav: bool = False             # in a menu, header, footer or side box
    links: tuple[str, ...] = ()   # the URLs of the links in it ("" for a dead link)
    media: str = ""               # image / embed: its source (an org chart, a PDF viewer)


@dataclass
class DocumentRecord:
    url: str
    kind: RecordKind = "page"
    title: str = ""
    headings: list[str] = field(default_factory=list)
    links_in: list[LinkContext] = field(default_factory=list)
    body_text: str = ""
    dates: list[DatedValue] = field(default_factory=list)
    http_status: int | None = None
    content_type: str = ""
    last_modified: dt.date | None = None
    # "yes": usable text; "no": no text layer (scan); "broken": text does not
    # match the page (garbled encoding); "n/a": HTML page or external link.
    text_layer: Literal["yes", "no", "broken", "n/a"] = "n/a"
    content_hash: str = ""
    size_bytes: int = 0
    blocks: list[Block] = field(default_factory=list)   # pages: the text, block by block
    is_start: bool = False        # the start page of the crawl
    part: str = ""                # an item inside a page: the section heading or box text
    # kind "broken" only: why the target could not be fetched (HTTP 503, timeout, refused).
    # Empty for a definite answer (404): a failed fetch is unknown, never missing.
    fetch_error: str = ""

    @property
    def lead(self) -> str:
        """The opening of the body text, where documents carry their title."""
        return self.body_text[:LEAD_CHARS]

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(dataclasses.asdict(self))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentRecord:
        data = dict(data)
        data["links_in"] = [LinkContext(**link) for link in data.get("links_in", [])]
        data["blocks"] = [Block(b["text"], b.get("kind", "text"), b.get("nav", False),
                                tuple(b.get("links", ())), b.get("media", ""))
                          for b in data.get("blocks", [])]
        data["dates"] = [
            DatedValue(
                start=_date(d["start"]), end=_date(d["end"]), source=d["source"],
                text=d.get("text", ""), kind=d.get("kind", "day"),
            )
            for d in data.get("dates", [])
        ]
        if data.get("last_modified"):
            data["last_modified"] = _date(data["last_modified"])
        return cls(**data)


LEAD_CHARS = 400


def _date(value: str | dt.date) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
