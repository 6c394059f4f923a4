"""Run site crawls in this process and return their results.

All sites of one call share one Twisted reactor (Scrapy's ``CrawlerProcess``
can be started once per process), each with its own spider, limits and
politeness settings, so one failing site never stops the others.  A progress
callback is called every ``progress_every`` seconds with one snapshot per site.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from scrapy.crawler import CrawlerProcess

from crawler.collect import CrawlResult
from crawler.settings import CrawlLimits, scrapy_settings
from crawler.spider import SiteSpider


@dataclass(frozen=True)
class CrawlJob:
    url: str
    limits: CrawlLimits
    # words that name an item of the rule set: links labelled with them are fetched first
    priority_terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Progress:
    url: str
    pages: int
    documents: int
    errors: int
    elapsed_s: float
    done: bool


ProgressCallback = Callable[[list[Progress]], None]


def crawl_sites(
    jobs: list[CrawlJob], progress: ProgressCallback | None = None, progress_every: float = 2.0
) -> list[CrawlResult]:
    """Crawl every job concurrently; results are in the order of ``jobs``."""
    process = CrawlerProcess(settings={
        "LOG_LEVEL": "ERROR", "TELNETCONSOLE_ENABLED": False, "REMOTE_CONTROL_ENABLED": False,
        "LOG_INSTALL_ROOT_HANDLER": False,
    })
    crawlers = []
    for job in jobs:
        crawler = process.create_crawler(SiteSpider)
        crawler.settings.setdict(scrapy_settings(job.limits), priority="spider")
        crawlers.append(crawler)
        process.crawl(crawler, start_url=job.url, limits=job.limits,
                      priority_terms=job.priority_terms)
    started = time.monotonic()

    def snapshot() -> list[Progress]:
        out = []
        for job, crawler in zip(jobs, crawlers, strict=True):
            spider = crawler.spider
            collector = getattr(spider, "collector", None)
            records = collector.records.values() if collector else []
            out.append(Progress(
                url=job.url,
                pages=sum(1 for r in records if r.kind == "page"),
                documents=sum(1 for r in records if r.kind == "document"),
                errors=len(collector.broken) + len(collector.errors) if collector else 0,
                elapsed_s=time.monotonic() - started,
                done=spider is not None and hasattr(spider, "finish_reason"),
            ))
        return out

    if progress is not None:
        from twisted.internet import reactor, task

        loop = task.LoopingCall(lambda: progress(snapshot()))

        def begin() -> None:
            loop.start(progress_every, now=False)

        def stop_progress() -> None:
            if loop.running:
                loop.stop()

        reactor.callWhenRunning(begin)  # type: ignore[attr-defined]
        trigger: Any = reactor.addSystemEventTrigger  # type: ignore[attr-defined]
        trigger("before", "shutdown", stop_progress)
    process.start()
    if progress is not None:
        progress(snapshot())
    results = []
    for crawler in crawlers:
        spider: SiteSpider = crawler.spider  # type: ignore[assignment]
        results.append(spider.collector.result(getattr(spider, "finish_reason", "shutdown")))
    return results
