"""One audit: crawl sites, judge them against a rule set, store every run.

Data flows one way: crawler → document records → rules (verdicts) → store.
Each site gets its own run, created before the crawl and completed in one
final transaction, so an interrupted audit leaves ``incomplete`` runs and
never touches earlier ones.
"""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

from crawler.collect import CrawlResult
from crawler.run import CrawlJob, Progress, crawl_sites
from crawler.settings import CrawlLimits
from ita_audit.store import Store
from rules.classify import Classifier
from rules.ruleset import RuleSet
from rules.verdicts import CrawlOutcome, Verdict, judge


class UserError(Exception):
    """Bad input from the user; the message is one line."""


@dataclass
class SiteJob:
    url: str
    name: str = ""
    limits: CrawlLimits | None = None


@dataclass
class SiteOutcome:
    job: SiteJob
    run_id: int
    result: CrawlResult
    verdicts: list[Verdict]


def check_url(url: str) -> str:
    """Validate a site URL; returns it normalised or raises :class:`UserError`."""
    text = url.strip()
    try:
        parts = urllib.parse.urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise UserError(f"invalid URL {url!r}: {exc}") from None
    if parts.scheme not in ("http", "https"):
        raise UserError(f"invalid URL {url!r}: it must start with http:// or https://")
    if not parts.hostname or " " in parts.netloc:
        raise UserError(f"invalid URL {url!r}: no host name")
    del port
    return text if parts.path else text + "/"


def crawl_outcome(result: CrawlResult) -> CrawlOutcome:
    no_text = sum(1 for r in result.records if r.kind == "document"
                  and r.text_layer in ("no", "broken"))
    return CrawlOutcome(
        complete=result.status == "complete", reason=result.reason,
        pages=result.stats.get("pages", 0), documents=result.stats.get("documents", 0),
        broken_links=len(result.broken_links),
        no_text_layer=no_text,
    )


def run_audit(
    store: Store, ruleset: RuleSet, jobs: list[SiteJob], as_of: dt.date,
    default_limits: CrawlLimits, progress: Callable[[list[Progress]], None] | None = None,
    trigger: str = "manual",
) -> list[SiteOutcome]:
    run_ids = [store.begin_run(job.url, as_of, ruleset.id, job.name, trigger) for job in jobs]
    results = crawl_sites([CrawlJob(job.url, job.limits or default_limits) for job in jobs],
                          progress=progress)
    classifier = Classifier(ruleset)
    outcomes = []
    for job, run_id, result in zip(jobs, run_ids, results, strict=True):
        verdicts: list[Verdict] = []
        if result.status != "failed":
            verdicts = judge(ruleset, result.records, as_of, crawl_outcome(result), classifier)
        store.finish_run(run_id, result, verdicts)
        outcomes.append(SiteOutcome(job, run_id, result, verdicts))
    return outcomes
