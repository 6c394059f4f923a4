"""Downloader middlewares: the site's scope, and politeness Scrapy does not provide.

Each concern is one class switched on in ``crawler.settings.scrapy_settings``,
the way Scrapy's own ``downloadermiddlewares`` are.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
import urllib.parse
from typing import Any

from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from crawler.scope import Scope, is_private_host, normalize_host


class OffSiteRequest(IgnoreRequest):
    """A request to another scheme, host or port than the audited site's: never sent."""


class PageBudgetExceeded(IgnoreRequest):
    """The ``--max-pages`` budget is spent: the request is not sent."""


class PageBudgetMiddleware:
    """Counts pages, documents and sitemaps against ``--max-pages`` when they are sent,
    not when they are found: the crawl is best-first (request priority), so the budget
    goes to the best links, whatever order they were discovered in."""

    def __init__(self, crawler: Any = None) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> PageBudgetMiddleware:
        return cls(crawler)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        spider = spider or getattr(self.crawler, "spider", None)
        spend = getattr(spider, "spend", None)
        if spend is None or not request.meta.get("budget") or request.meta.get("budget_spent"):
            return None
        if not spend(request):
            raise PageBudgetExceeded(f"page limit reached: {request.url}")
        request.meta["budget_spent"] = True   # a redirect or retry of it is not counted again
        return None


class ScopeMiddleware:
    """Checks **every** request before it is sent: links, iframes, sitemap entries and
    robots.txt's ``Sitemap:`` lines, redirects (301/302/303/307/308) and meta
    refreshes, robots.txt itself.  Scheme, host and port must be the audited
    site's (``crawler.scope.Scope``); a private, loopback or link-local address the
    start URL did not name is refused too (``allow_private_targets`` lifts that for
    local testing).  An off-site target is handed to the spider as an external
    link and the request is dropped (:class:`OffSiteRequest`).

    It runs before Scrapy's RobotsTxtMiddleware (priority 100), so not even another
    host's robots.txt is fetched.
    """

    def __init__(self, allow_private: bool, crawler: Any = None) -> None:
        self.allow_private = allow_private
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> ScopeMiddleware:
        limits = crawler.settings.get("ITA_LIMITS")
        return cls(bool(getattr(limits, "allow_private_targets", False)), crawler)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        # Scrapy no longer passes the spider to downloader middlewares: ask the crawler
        spider = spider or getattr(self.crawler, "spider", None)
        scope: Scope | None = getattr(spider, "scope", None)
        if scope is None:
            return None
        if scope.is_internal(request.url) and not self._private_elsewhere(request.url, scope):
            return None
        note = getattr(spider, "note_off_site", None)
        if note is not None:
            note(request)
        raise OffSiteRequest(f"off-site request not sent: {request.url}")

    def _private_elsewhere(self, url: str, scope: Scope) -> bool:
        if self.allow_private:
            return False
        host = normalize_host(urllib.parse.urlsplit(url).hostname or "")
        return is_private_host(host) and host not in (scope.named or scope.hosts)

RETRY_AFTER_CODES = (429, 503)
MAX_RETRY_AFTER_TRIES = 2


def retry_after_seconds(value: bytes | str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date)."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class RetryAfterMiddleware:
    """On 429/503 with ``Retry-After``, wait as asked (within a bound) and retry once or twice.

    A longer wait than ``max_retry_after_s`` is not honoured by sleeping: the
    response goes through as it is and the spider records the site as blocking.
    """

    def __init__(self, max_wait: float) -> None:
        self.max_wait = max_wait

    @classmethod
    def from_crawler(cls, crawler):  # type: ignore[no-untyped-def]
        limits = crawler.settings.get("ITA_LIMITS")
        return cls(float(limits.max_retry_after_s if limits else 30))

    async def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        if response.status not in RETRY_AFTER_CODES:
            return response
        tries = request.meta.get("retry_after_tries", 0)
        wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        if wait is None or wait > self.max_wait or tries >= MAX_RETRY_AFTER_TRIES:
            return response
        await asyncio.sleep(wait)
        retry = request.replace(dont_filter=True)
        retry.meta["retry_after_tries"] = tries + 1
        return retry
