"""The site spider: walks one office website within its limits.

It starts from the given URL plus the sitemaps named in robots.txt (and
``/sitemap.xml``), follows links and iframes on the site's own hosts, records
external links with their context without fetching them, downloads linked
documents and extracts their text in a worker thread, and records every
4xx/5xx/DNS/timeout with the pages that link to it.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import re
import urllib.parse
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import scrapy
from scrapy.http import Request, Response, TextResponse
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.internet import defer, threads
from twisted.python.failure import Failure

from crawler.collect import Collector
from crawler.documents import extract_document, sniff_kind
from crawler.encoding import Decoded, decode_html
from crawler.middlewares import OffSiteRequest, PageBudgetExceeded
from crawler.page import LinkOut, ParsedPage, parse_html
from crawler.priority import (
    DEPTH_STEP,
    PRIORITY_ARCHIVE,
    PRIORITY_MENU,
    PRIORITY_NAMED,
    PRIORITY_START,
    Prioritizer,
    archive_family,
)
from crawler.scope import DOCUMENT_EXTENSIONS, SKIP_EXTENSIONS, Scope, TrapGuard, extension
from crawler.settings import CrawlLimits
from rules.dates import extract_dates
from rules.records import Block, DatedValue, DocumentRecord, LinkContext

BLOCKING_STATUSES = (401, 403, 429)
EXTRACT_SLOTS = 2   # HTML pages parsed and documents unpacked at the same time
DISCOVERY_FACTOR = 5   # links queued at most: this many times --max-pages (best ones fetched)
READABLE_KINDS = ("pdf", "docx", "xlsx")  # legacy doc/xls are recognised but not read
_ISO_IN_URL = re.compile(r"(?<!\d)(20\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)")


def http_date(value: bytes | None) -> dt.date | None:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value.decode("latin-1")).date()
    except (TypeError, ValueError, IndexError):
        return None


def url_dates(url: str) -> list[DatedValue]:
    """Dates written in a URL: ISO-like ``2025/10/15`` and Thai dates in file names."""
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
    found = []
    for m in _ISO_IN_URL.finditer(path):
        try:
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            continue
        found.append(DatedValue(d, d, "url", m[0], "day"))
    for f in extract_dates(path.replace("/", " ").replace("_", " ")):
        found.append(DatedValue(f.date, f.end, "url", f.text, f.kind))  # type: ignore[arg-type]
    return found


def meta_dates(html: str) -> list[DatedValue]:
    """ISO dates from meta tags, <time> and JSON-LD (htmldate, no text search)."""
    try:
        from htmldate import find_date

        value = find_date(html, extensive_search=False, original_date=True,
                          outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - htmldate on hostile HTML must never stop a crawl
        return []
    if not value:
        return []
    d = dt.date.fromisoformat(value)
    return [DatedValue(d, d, "meta", value, "day")]


@dataclass
class ParsedResponse:
    decoded: Decoded
    page: ParsedPage
    dates: list[DatedValue]
    scripts: int


def parse_response(response: TextResponse) -> ParsedResponse:
    """Decode and parse one HTML response (runs in a worker thread)."""
    decoded = decode_html(response.body, response.text, response.encoding)
    page = parse_html(decoded.text, response.url, decoded.encoding)
    scripts = len(re.findall(r"<script\b", decoded.text[:500_000], re.IGNORECASE))
    return ParsedResponse(decoded, page, meta_dates(decoded.text), scripts)


class SiteSpider(scrapy.Spider):
    name = "ita_site"

    def __init__(self, start_url: str, limits: CrawlLimits | None = None,
                 priority_terms: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.prioritizer = Prioritizer(priority_terms)
        self.archive_pages: dict[str, int] = {}   # archive family -> pages scheduled
        self.fetched = 0                          # requests sent against --max-pages
        self.start_url = start_url
        self.limits = limits or CrawlLimits()
        self.scope = Scope.for_site(start_url)
        self.guard = TrapGuard(max_query_variants=self.limits.max_query_variants)
        self.collector = Collector(start_url)
        self.scheduled: set[str] = set()
        self.sitemaps: set[str] = set()
        self.slots = defer.DeferredSemaphore(EXTRACT_SLOTS)   # pages parsed, documents read
        self.sitemap_lastmod: dict[str, dt.date] = {}
        self.start_ok = False

    def note_off_site(self, request: Request) -> None:
        """Called by ``ScopeMiddleware`` for a request it refused (a redirect, a meta
        refresh to another host or port): an external link, never fetched."""
        self.collector.stats["off_site_refused"] += 1
        self.collector.external.add(request.url)
        if request.meta.get("is_start"):
            self.collector.mark_failed(f"the start URL redirects to another site ({request.url})")

    # -- scheduling ----------------------------------------------------
    def _canonical(self, url: str) -> str:
        parts = urllib.parse.urlsplit(url)
        # http/https and www/bare are the same site: fetch each path once.
        host = (parts.hostname or "").lower()
        host = host[4:] if host.startswith("www.") else host
        return urllib.parse.urlunsplit(("", host, parts.path or "/", parts.query, ""))

    def _request(self, url: str, depth: int, referer: str | None, priority: int = 0,
                 archive: bool = False, **meta: Any) -> Request | None:
        key = self._canonical(url)
        if key in self.scheduled:
            return None
        if extension(url) in SKIP_EXTENSIONS:
            return None
        if not self.guard.allow(url):
            return None
        if depth > self.limits.max_depth:
            self._cut(url, archive, f"depth limit {self.limits.max_depth} reached")
            return None
        if len(self.scheduled) >= self.limits.max_pages * DISCOVERY_FACTOR:
            self._cut(url, archive, f"page limit {self.limits.max_pages} reached")
            return None
        try:
            request = Request(
                url, callback=self.parse, errback=self.on_error, dont_filter=True,
                priority=priority,
                meta={"depth": depth, "referer_page": referer, "archive": archive,
                      "budget": True, **meta},
            )
        except ValueError as exc:   # a URL the request library refuses: a broken link
            self.collector.add_broken(url, None, f"malformed URL ({exc})"[:200])
            return None
        self.scheduled.add(key)
        return request

    def _cut(self, url: str, archive: bool, why: str) -> None:
        """A limit kept ``url`` from being fetched: only archive pages leave the audit
        complete (noted); a menu, hub or item link makes it incomplete."""
        if archive:
            self.collector.note_archive_cut(url)
        else:
            self.collector.mark_incomplete(why)

    def spend(self, request: Request) -> bool:
        """Called by ``PageBudgetMiddleware`` before a page, document or sitemap request
        is sent: whether the ``--max-pages`` budget allows it."""
        if self.fetched >= self.limits.max_pages:
            return False
        self.fetched += 1
        return True

    def _sitemap_request(self, url: str, depth: int) -> Request | None:
        """Sitemaps count against the page limit, and at most ``max_sitemaps`` are read."""
        key = self._canonical(url)
        if key in self.sitemaps or not self.scope.is_internal(url):
            return None
        if len(self.sitemaps) >= self.limits.max_sitemaps:
            self.collector.stats["sitemaps_skipped"] += 1
            return None
        self.sitemaps.add(key)
        return Request(url, callback=self.parse_sitemap, errback=self.on_aux_error,
                       dont_filter=True, priority=PRIORITY_MENU,
                       meta={"handle_httpstatus_all": True, "sitemap_depth": depth,
                             "budget": True, "archive": True})

    async def start(self) -> AsyncIterator[Request]:
        first = self._request(self.start_url, 0, None, PRIORITY_START, is_start=True)
        if first is not None:
            yield first
        origin = urllib.parse.urljoin(self.start_url, "/")
        yield Request(urllib.parse.urljoin(origin, "robots.txt"), callback=self.parse_robots,
                      errback=self.on_aux_error, dont_filter=True,
                      meta={"dont_obey_robotstxt": True, "handle_httpstatus_all": True})
        sitemap = self._sitemap_request(urllib.parse.urljoin(origin, "sitemap.xml"), 0)
        if sitemap is not None:
            yield sitemap

    # -- robots and sitemaps --------------------------------------------
    def parse_robots(self, response: Response) -> Iterator[Request]:
        if response.status != 200:
            return
        for url in sitemap_urls_from_robots(response.text, base_url=response.url):
            request = self._sitemap_request(url, 0)
            if request is not None:
                yield request

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        if response.status != 200 or not response.body.lstrip().startswith(b"<"):
            return
        try:
            sitemap = Sitemap(response.body)
        except Exception:  # noqa: BLE001 - a broken sitemap is ignored, not fatal
            return
        for entry in sitemap:
            loc = entry.get("loc", "")
            if not loc or not self.scope.is_internal(loc):
                continue
            if sitemap.type == "sitemapindex":
                if response.meta.get("sitemap_depth", 0) < 2:
                    child = self._sitemap_request(loc, response.meta.get("sitemap_depth", 0) + 1)
                    if child is not None:
                        yield child
                continue
            lastmod = entry.get("lastmod", "")[:10]
            try:
                self.sitemap_lastmod[self._canonical(loc)] = dt.date.fromisoformat(lastmod)
            except ValueError:
                pass
            request = self._request(loc, 1, None, from_sitemap=True)
            if request is not None:
                yield request

    # -- pages and documents --------------------------------------------
    async def parse(self, response: Response) -> AsyncIterator[Any]:
        meta = response.meta
        url = response.url
        is_start = bool(meta.get("is_start"))
        if response.status >= 400:
            for item in self._bad_status(response, is_start):
                yield item
            return
        if not self.scope.is_internal(url):
            # a redirect took us off the audited site: record where, judge nothing there
            if is_start:
                self.collector.mark_failed(f"the start URL redirects to another site ({url})")
            else:
                self.collector.external.add(url)
            return
        if is_start:
            self.start_ok = True
        if meta.get("redirect_urls"):
            # a redirect's target is fetched now: a link to it later is not fetched again
            # (the start page redirected to /page/ stays the start page)
            self.scheduled.add(self._canonical(url))
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
        kind = sniff_kind(response.body[:4096], content_type, url)
        depth = int(meta.get("depth", 0))
        if kind == "html":
            if not isinstance(response, TextResponse):
                response = TextResponse(url, body=response.body, headers=response.headers,
                                        status=response.status, request=response.request)
            # decoding and parsing are CPU work: off the reactor thread, so timeouts
            # and the other sites' crawls go on meanwhile
            parsed = await maybe_deferred_to_future(self.slots.run(
                threads.deferToThread, parse_response, response))  # type: ignore[arg-type]
            for item in self._page_items(response, parsed, content_type, depth):
                yield item
            return
        if is_start:
            what = "an unrecognised or plain-text file" if kind == "unknown" else f"a {kind} file"
            self.collector.mark_failed(f"the start URL is not an HTML page (it is {what})")
        if kind in ("pdf", "docx", "xlsx", "doc", "xls"):
            yield await self._parse_document(response, kind, content_type)

    def _bad_status(self, response: Response, is_start: bool) -> Iterator[dict[str, Any]]:
        status = response.status
        if status in BLOCKING_STATUSES:
            self.collector.blocked += 1
            if is_start:
                self.collector.mark_incomplete(f"the site refused access (HTTP {status})")
            # refused to us, not necessarily broken for visitors: not a broken link, but
            # a page the crawl could not see
            self.collector.stats["refused"] += 1
            self.collector.add_failed(response.url, f"refused, HTTP {status}")
            return
        if is_start:
            # nothing of the site could be seen: a failed run, not a stale 1.9
            self.collector.mark_failed(f"the start page answered HTTP {status}")
        failed = status >= 500   # the server could not answer: not seen, not missing
        yield {"type": "broken", "url": response.url, "status": status, "error": f"HTTP {status}",
               "failed": failed}
        if response.meta.get("redirect_urls"):
            original = response.meta["redirect_urls"][0]
            yield {"type": "broken", "url": original, "status": status,
                   "error": f"redirects to HTTP {status}", "failed": failed}

    def _page_items(self, response: TextResponse, parsed: ParsedResponse, content_type: str,
                    depth: int) -> Iterator[Any]:
        decoded, page = parsed.decoded, parsed.page
        if decoded.repaired:
            self.collector.stats["charset_repaired"] += 1
        dates = parsed.dates + url_dates(response.url)
        lastmod = self.sitemap_lastmod.get(self._canonical(response.url))
        if lastmod:
            dates.append(DatedValue(lastmod, lastmod, "sitemap", lastmod.isoformat(), "day"))
        is_start = bool(response.meta.get("is_start"))
        record = DocumentRecord(
            url=response.url, kind="page", title=page.title, headings=page.headings,
            body_text=page.main_text, dates=dates, http_status=response.status,
            content_type=content_type, last_modified=http_date(response.headers.get(b"Last-Modified")),
            content_hash=hashlib.sha256(response.body).hexdigest(), size_bytes=len(response.body),
            blocks=[Block(b.text, b.kind, b.nav, b.links, b.media) for b in page.blocks],
            is_start=is_start,
        )
        yield {"type": "record", "record": record}
        internal = [link for link in page.links if link.url and self.scope.is_internal(link.url)]
        if is_start and not internal:
            scripts = parsed.scripts
            if not page.main_text.strip():
                why = "the start page has no text and no links to follow (JavaScript or image only)"
            elif scripts:
                why = (f"no links in the HTML of the start page ({scripts} scripts); the menu is "
                       "probably built by JavaScript")
            else:
                why = "no links in the HTML of the start page: nothing to follow"
            self.collector.mark_incomplete(why)
        for link in page.links:
            yield from self._follow(response.url, link, depth,
                                    bool(response.meta.get("archive")))

    def _follow(self, source: str, link: LinkOut, depth: int,
                in_archive: bool = False) -> Iterator[Any]:
        """Record a link and schedule it.  Links found on an archive page (the posts of a
        listing's second page) are archive too, unless their label names an item."""
        context = LinkContext(
            source_url=source, anchor_text=link.anchor_text, title_attr=link.title_attr,
            img_alt=link.img_alt, row_text=link.row_text, heading=link.heading,
            preceding=link.preceding, above=link.above, nav=link.nav,
        )
        if link.dead:
            yield {"type": "dead", "source": source, "context": context}
            return
        if link.malformed:
            yield {"type": "link", "source": source, "target": link.url, "context": context,
                   "external": False}
            yield {"type": "broken", "url": link.url, "status": None, "error": "malformed URL"}
            return
        internal = self.scope.is_internal(link.url)
        if internal and extension(link.url) in SKIP_EXTENSIONS:
            return
        yield {"type": "link", "source": source, "target": link.url, "context": context,
               "external": not internal}
        if internal:
            label = context.label
            priority, archive = self.prioritizer.priority(
                link.url, label, link.row_text or link.preceding, link.nav, depth + 1,
                extension(link.url) in DOCUMENT_EXTENSIONS)
            next_depth = depth + 1
            if (in_archive and not archive and not link.nav
                    and priority < PRIORITY_NAMED - DEPTH_STEP * next_depth):
                archive, priority = True, PRIORITY_ARCHIVE - next_depth   # an archive's posts
            elif archive:
                if not self._archive_allows(link.url):
                    return
                next_depth = depth      # paging through a listing goes no deeper
            request = self._request(link.url, next_depth, source, priority, archive)
            if request is not None:
                yield request

    def _archive_allows(self, url: str) -> bool:
        """Each listing is read to its newest ``max_archive_pages`` pages."""
        family = archive_family(url)
        key, number = family if family else (url, 2)
        seen = self.archive_pages.get(key, 0)
        if number > self.limits.max_archive_pages or seen >= self.limits.max_archive_pages:
            self.collector.note_archive_cut(url)
            return False
        self.archive_pages[key] = seen + 1
        return True

    async def _parse_document(self, response: Response, kind: str, content_type: str) -> dict[str, Any]:
        body = response.body
        # at most EXTRACT_SLOTS documents are unpacked at once: peak memory is bounded by
        # design, whatever the number of documents in flight
        extracted = await maybe_deferred_to_future(self.slots.run(
            threads.deferToThread, extract_document, body, kind))  # type: ignore[arg-type,call-overload]
        dates = [DatedValue(d, d, "document_meta", f"{which} {d.isoformat()}", "day")
                 for which, d in extracted.meta_dates]
        dates += url_dates(response.url)
        if extracted.error:
            self.collector.add_item({"type": "error",
                                     "message": f"{response.url}: {extracted.error}"})
            if not extracted.text and kind in READABLE_KINDS:
                # a link to a file nobody can open is a broken link
                self.collector.add_broken(response.url, response.status,
                                          f"broken {kind.upper()}: {extracted.error}")
        record = DocumentRecord(
            url=response.url, kind="document", title=extracted.title,
            body_text=extracted.text, dates=dates, http_status=response.status,
            content_type=content_type or kind,
            last_modified=http_date(response.headers.get(b"Last-Modified")),
            # legacy .doc/.xls are not read: no verdict on their text layer
            text_layer=extracted.text_layer if kind in READABLE_KINDS else "n/a",
            content_hash=hashlib.sha256(body).hexdigest(),
            size_bytes=len(body),
        )
        return {"type": "record", "record": record}

    # -- errors ----------------------------------------------------------
    def on_error(self, failure: Failure) -> Iterator[dict[str, Any]]:
        request = failure.request  # type: ignore[attr-defined]
        if failure.check(OffSiteRequest):
            return   # noted by ScopeMiddleware as an external link
        if failure.check(PageBudgetExceeded):
            self._cut(request.url, bool(request.meta.get("archive")),
                      f"page limit {self.limits.max_pages} reached")
            return
        error = failure.getErrorMessage() or failure.type.__name__
        name = failure.type.__name__ if failure.type else "Error"
        is_start = bool(request.meta.get("is_start"))
        lowered = error.lower()
        if "max size" in lowered or "maxsize" in lowered or "larger than" in lowered:
            self.collector.stats["too_large"] += 1
            if is_start:
                self.collector.mark_failed(f"the start page is larger than "
                                           f"{self.limits.max_bytes // 1024} KB (--max-mb)")
            yield {"type": "error", "message": f"{request.url}: larger than "
                                               f"{self.limits.max_bytes} bytes, not downloaded"}
            return
        if "redirect" in lowered:
            yield {"type": "broken", "url": request.url, "status": None,
                   "error": "too many redirects (or a redirect loop)"}
            return
        if name == "IgnoreRequest":  # robots.txt forbids it
            if is_start:
                self.collector.mark_incomplete("robots.txt forbids the start page")
            self.collector.stats["robots_forbidden"] += 1
            return
        if is_start:
            self.collector.mark_failed(f"cannot reach {request.url}: {_short(name, error)}")
        yield {"type": "broken", "url": request.url, "status": None, "error": _short(name, error),
               "failed": True}

    def on_aux_error(self, failure: Failure) -> None:
        return None

    def closed(self, reason: str) -> None:
        self.finish_reason = reason
        self.collector.traps = self.guard.report()
        if not self.start_ok and not self.collector.failed_reason and not self.collector.incomplete_reasons:
            self.collector.mark_failed(f"the start page {self.start_url} could not be fetched")


def _short(name: str, error: str) -> str:
    lowered = error.lower()
    if "dns" in lowered or "lookup" in lowered or "name or service" in lowered:
        return "DNS lookup failed"
    if "timeout" in name.lower() or "timed out" in lowered:
        return "timeout"
    if "refused" in lowered:
        return "connection refused"
    return f"{name}: {error}"[:200]

