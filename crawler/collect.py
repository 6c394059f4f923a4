"""The result of crawling one site, built up item by item.

The spider yields plain-dict items; :class:`crawler.pipelines.CollectorPipeline`
hands them to a :class:`Collector`, which joins link contexts to their target
records (a page is classified by what links to it) and keeps broken links
with the pages they were found on.  :meth:`Collector.result` turns it into a
:class:`CrawlResult` that storage and rules can use without Scrapy.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from rules.records import DocumentRecord, LinkContext

MAX_CONTEXTS_PER_TARGET = 20
MAX_EXTERNAL = 3000
MAX_DEAD = 2000   # dead links (href="#", "") kept with their labels
MAX_FAILED_KEPT = 200


@dataclass
class BrokenLink:
    url: str
    status: int | None          # HTTP status, or None for DNS/timeout/connection errors
    error: str
    found_on: list[str]


@dataclass
class CrawlResult:
    start_url: str
    status: str                 # complete | incomplete | failed
    reason: str
    records: list[DocumentRecord]
    broken_links: list[BrokenLink]
    stats: dict[str, Any]
    started_at: dt.datetime
    finished_at: dt.datetime
    errors: list[str] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return sum(1 for r in self.records if r.kind == "page")

    @property
    def documents(self) -> int:
        return sum(1 for r in self.records if r.kind == "document")


class Collector:
    def __init__(self, start_url: str) -> None:
        self.start_url = start_url
        self.started_at = dt.datetime.now(dt.UTC)
        self.records: dict[str, DocumentRecord] = {}
        self.contexts: dict[str, dict[tuple[str, str, str], LinkContext]] = defaultdict(dict)
        self.found_on: dict[str, set[str]] = defaultdict(set)
        self.external: set[str] = set()
        self.dead: dict[tuple[str, str], LinkContext] = {}   # (source, label) -> context
        # pages and documents that could not be fetched (5xx, refused, timeout): the
        # crawl did not see them, so what they may hold is unknown, never missing
        self.failed: dict[str, str] = {}
        self.archive_cut: dict[str, None] = {}   # archive pages a limit left unvisited
        self.broken: dict[str, BrokenLink] = {}
        self.errors: list[str] = []
        self.incomplete_reasons: list[str] = []
        self.failed_reason = ""
        self.blocked = 0
        self.stats: dict[str, Any] = defaultdict(int)
        self.traps: list[dict[str, Any]] = []   # URL families cut by the trap guard

    # -- items ---------------------------------------------------------
    def add_item(self, item: dict[str, Any]) -> None:
        kind = item["type"]
        if kind == "record":
            record: DocumentRecord = item["record"]
            earlier = self.records.get(record.url)
            if earlier is not None and earlier.is_start:
                record.is_start = True      # fetched again under another URL form
            self.records[record.url] = record
            self.stats["bytes"] += record.size_bytes
        elif kind == "link":
            self.add_link(item["source"], item["target"], item["context"], item["external"])
        elif kind == "broken":
            self.add_broken(item["url"], item.get("status"), item.get("error", ""))
            if item.get("failed"):
                self.add_failed(item["url"], item.get("error", ""))
        elif kind == "error":
            self.errors.append(item["message"])
        elif kind == "dead":
            context: LinkContext = item["context"]
            key = (item["source"], context.label)
            if context.label and key not in self.dead and len(self.dead) < MAX_DEAD:
                self.dead[key] = context

    def add_link(self, source: str, target: str, context: LinkContext, external: bool) -> None:
        self.found_on[target].add(source)
        if external:
            if target not in self.external and len(self.external) >= MAX_EXTERNAL:
                return
            self.external.add(target)
        bucket = self.contexts[target]
        key = (context.label, context.row_text, context.heading)
        if key not in bucket and len(bucket) < MAX_CONTEXTS_PER_TARGET:
            bucket[key] = context

    def add_broken(self, url: str, status: int | None, error: str) -> None:
        self.broken[url] = BrokenLink(url, status, error, [])

    def note_archive_cut(self, url: str) -> None:
        if url not in self.archive_cut and len(self.archive_cut) < MAX_FAILED_KEPT * 50:
            self.archive_cut[url] = None
            self.stats["archive_not_visited"] = len(self.archive_cut)

    def add_failed(self, url: str, why: str) -> None:
        if len(self.failed) < MAX_FAILED_KEPT:
            self.failed.setdefault(url, why)
        self.stats["fetch_failed"] += 1

    # -- outcome -------------------------------------------------------
    def mark_incomplete(self, reason: str) -> None:
        if reason not in self.incomplete_reasons:
            self.incomplete_reasons.append(reason)

    def mark_failed(self, reason: str) -> None:
        self.failed_reason = self.failed_reason or reason

    def result(self, finish_reason: str = "finished") -> CrawlResult:
        records: list[DocumentRecord] = []
        for url, record in self.records.items():
            record.links_in = list(self.contexts.get(url, {}).values())
            records.append(record)
        for url in sorted(self.external):
            records.append(DocumentRecord(
                url=url, kind="external", links_in=list(self.contexts.get(url, {}).values())
            ))
        # what links name but does not lead to: claimed items, never evidence (a page
        # that could not be fetched is neither: it makes the crawl incomplete)
        for url, link in sorted(self.broken.items()):
            if url in self.records or url not in self.contexts or url in self.failed:
                continue
            records.append(DocumentRecord(
                url=url, kind="broken", http_status=link.status,
                links_in=list(self.contexts[url].values())))
        for url, why in self.failed.items():
            if url not in self.records:
                broken_link = self.broken.get(url)
                records.append(DocumentRecord(
                    url=url, kind="broken", http_status=broken_link.status if broken_link else None,
                    links_in=list(self.contexts.get(url, {}).values()), fetch_error=why))
        for (_source, _label), context in self.dead.items():
            records.append(DocumentRecord(url="", kind="dead", links_in=[context]))
        broken = []
        for url, link in self.broken.items():
            link.found_on = sorted(self.found_on.get(url, set()))[:20]
            broken.append(link)
        if finish_reason not in ("finished",):
            self.mark_incomplete({
                "closespider_timeout": "time limit reached",
                "shutdown": "crawl interrupted",
                "cancelled": "crawl interrupted",
            }.get(finish_reason, f"crawl stopped: {finish_reason}"))
        if self.failed_reason:
            status, reason = "failed", self.failed_reason
        elif self.incomplete_reasons:
            status, reason = "incomplete", "; ".join(self.incomplete_reasons)
        else:
            status, reason = "complete", ""
        if self.archive_cut and status == "complete":
            note = (f"complete for the audit; {self.stats['archive_not_visited']} older archive "
                    f"or pagination page(s) not visited (e.g. {next(iter(self.archive_cut))})")
            reason = f"{reason}; {note}" if reason else note
        if self.failed and status != "failed":
            # partial: the categories those pages could hold are unknown (rules/findings.py)
            shown = "; ".join(f"{url} ({why})" for url, why in list(self.failed.items())[:3])
            more = len(self.failed) - 3
            note = (f"partial: {self.stats['fetch_failed']} page(s) could not be fetched: {shown}"
                    + (f" and {more} more" if more > 0 else ""))
            reason = f"{reason}; {note}" if reason else note
        stats = dict(self.stats)
        if self.traps:
            stats["traps"] = self.traps
        stats.update(
            pages=sum(1 for r in records if r.kind == "page"),
            documents=sum(1 for r in records if r.kind == "document"),
            external_links=len(self.external), broken_links=len(broken),
            errors=len(self.errors),
        )
        return CrawlResult(
            start_url=self.start_url, status=status, reason=reason, records=records,
            broken_links=sorted(broken, key=lambda b: b.url), stats=stats,
            started_at=self.started_at, finished_at=dt.datetime.now(dt.UTC), errors=self.errors,
        )
