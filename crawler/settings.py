"""Crawl limits and the Scrapy settings that enforce them politely."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from ita_audit import __version__

DEFAULT_CONTACT = "https://github.com/ita-audit/ita-audit#crawler"


@dataclass
class CrawlLimits:
    max_pages: int = 1500            # pages and documents fetched per site
    max_depth: int = 8               # link hops from the start page
    max_bytes: int = 20 * 1024 * 1024  # per response (documents); larger ones are aborted
    timeout_s: int = 1800            # total crawl time per site
    request_timeout_s: int = 30
    obey_robots: bool = True
    concurrency: int = 4             # simultaneous requests to the site
    delay_s: float = 0.25            # base delay between requests to the site
    autothrottle: bool = True
    max_redirects: int = 5
    max_query_variants: int = 25     # same path, different query strings: trap beyond this
    max_retry_after_s: int = 30      # honour Retry-After up to this many seconds
    allow_private_targets: bool = False  # private/loopback hosts the start URL did not name
    max_sitemaps: int = 20           # sitemap files fetched (indexes included); they count as pages
    max_archive_pages: int = 5       # pages read of each listing's pagination / date archive
    contact_url: str = DEFAULT_CONTACT

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> CrawlLimits:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown crawl option {unknown[0]!r}")
        return cls(**data)

    @property
    def user_agent(self) -> str:
        return f"ita-audit/{__version__} (transparency audit crawler; +{self.contact_url})"


def scrapy_settings(limits: CrawlLimits) -> dict[str, Any]:
    return {
        "BOT_NAME": "ita-audit",
        "USER_AGENT": limits.user_agent,
        "ROBOTSTXT_OBEY": limits.obey_robots,
        "CONCURRENT_REQUESTS": max(8, limits.concurrency * 2),
        "CONCURRENT_REQUESTS_PER_DOMAIN": limits.concurrency,
        "DOWNLOAD_DELAY": limits.delay_s,
        "RANDOMIZE_DOWNLOAD_DELAY": limits.delay_s > 0,
        "AUTOTHROTTLE_ENABLED": limits.autothrottle,
        "AUTOTHROTTLE_START_DELAY": max(limits.delay_s, 0.25),
        "AUTOTHROTTLE_MAX_DELAY": 30.0,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(max(1, limits.concurrency // 2)),
        "DOWNLOAD_TIMEOUT": limits.request_timeout_s,
        "DOWNLOAD_MAXSIZE": limits.max_bytes,
        "DOWNLOAD_WARNSIZE": 0,
        "REDIRECT_MAX_TIMES": limits.max_redirects,
        "DEPTH_LIMIT": 0,  # depth is enforced by the spider, which records what it cut
        "CLOSESPIDER_TIMEOUT": limits.timeout_s,
        "RETRY_TIMES": 1,
        "RETRY_HTTP_CODES": [500, 502, 504, 522, 524, 408],
        "HTTPERROR_ALLOW_ALL": True,  # the spider records 4xx/5xx as broken links
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "LOG_ENABLED": True,
        "DOWNLOADER_MIDDLEWARES": {
            # before RobotsTxtMiddleware (100): an off-site request is never sent, not
            # even for that host's robots.txt
            "crawler.middlewares.ScopeMiddleware": 50,
            "crawler.middlewares.PageBudgetMiddleware": 60,
            "crawler.middlewares.RetryAfterMiddleware": 560,
        },
        "ITEM_PIPELINES": {"crawler.pipelines.CollectorPipeline": 100},
        "ITA_LIMITS": limits,
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    }
