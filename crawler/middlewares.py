"""Downloader middlewares: politeness that Scrapy does not provide out of the box."""

from __future__ import annotations

import asyncio
import email.utils
import time

from scrapy import Request, Spider
from scrapy.http import Response

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
