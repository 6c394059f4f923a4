"""Which links to fetch first, and which are archive pagination.

A real office site has thousands of news and archive pages; the evidence sits
in its menus, its ITA/OIT hub and the pages and documents their links name.  So
the crawl is best-first (Scrapy's request priority): links whose label names an
item of the rule set, then menu links and documents, then the rest, and
pagination and date archives last.  Each archive (a listing and its numbered
pages) is read only to its newest few pages — enough to see whether the news is
current — and a limit that cut nothing but archive pages leaves the audit
complete, with a note of what was not visited.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterable

from rules.text import compact_text

PRIORITY_START = 1000
PRIORITY_NAMED = 300      # the link's label names an item of the rule set
PRIORITY_MENU = 200       # a menu link, a document
PRIORITY_OTHER = 100
PRIORITY_ARCHIVE = 0
DEPTH_STEP = 10           # shallower first, within a class

_PAGE_PARAMS = {"page", "paged", "p", "pg", "pageno", "pagenum", "page_no", "start", "offset",
                "pn", "cpage", "currentpage", "page_id_all", "หน้า"}
_PAGE_PATH = re.compile(r"/(?:page|p|pages|หน้า)/(\d+)/?$", re.IGNORECASE)
_DATE_ARCHIVE = re.compile(r"^/(?:[\w-]+/)?(19|20)\d{2}/(0?[1-9]|1[0-2])(?:/(?:[0-3]?\d))?/?$")
_LISTING_PATH = re.compile(r"/(?:tag|tags|author|archives?|category/[^/]+/page)/", re.IGNORECASE)
_PAGER_LABEL = re.compile(
    r"^(?:\d{1,4}|[«»‹›<>]+|\.\.\.|…|next|prev(?:ious)?|older(?: posts| entries)?"
    r"|newer(?: posts| entries)?|last|ถัดไป|หน้าถัดไป|ก่อนหน้า|หน้าก่อน|หน้าสุดท้าย"
    r"|สุดท้าย|เก่ากว่า|ใหม่กว่า)\s*[«»‹›<>]*$", re.IGNORECASE)


def archive_family(url: str) -> tuple[str, int] | None:
    """(the listing the page belongs to, its page number) for pagination and date
    archives; None for any other page."""
    parts = urllib.parse.urlsplit(url)
    path = urllib.parse.unquote(parts.path)
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    for key, value in query:
        if key.lower() in _PAGE_PARAMS and value.isdigit():
            rest = urllib.parse.urlencode([(k, v) for k, v in query if k != key])
            return f"{parts.netloc}{path}?{rest}", int(value)
    m = _PAGE_PATH.search(path)
    if m:
        return f"{parts.netloc}{path[:m.start()]}", int(m.group(1))
    if _DATE_ARCHIVE.match(path) or (_LISTING_PATH.search(path) and not parts.query):
        return f"{parts.netloc}/archive", 2
    return None


def is_pager_label(label: str) -> bool:
    return bool(_PAGER_LABEL.match(label.strip()))


class Prioritizer:
    """The priority of a link, from its URL, its label and the rule set's item terms."""

    def __init__(self, terms: Iterable[str] = ()) -> None:
        words = sorted({t for t in terms if len(t) >= 4}, key=len, reverse=True)
        self.terms = re.compile("|".join(map(re.escape, words))) if words else None

    def names_an_item(self, label: str) -> bool:
        if self.terms is None or not label:
            return False
        return bool(self.terms.search(_compact(label)))

    def priority(self, url: str, label: str, context: str, nav: bool, depth: int,
                 document: bool) -> tuple[int, bool]:
        """(priority, is_archive) of a link found at ``depth``."""
        if archive_family(url) is not None or is_pager_label(label):
            return PRIORITY_ARCHIVE - depth, True
        if self.names_an_item(label) or self.names_an_item(context):
            base = PRIORITY_NAMED
        elif nav or document:
            base = PRIORITY_MENU
        else:
            base = PRIORITY_OTHER
        return base - DEPTH_STEP * depth, False


def _compact(text: str) -> str:
    return compact_text(text[:300])
