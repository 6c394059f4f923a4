"""One audit: crawl sites, judge them against a rule set, store every run.

Data flows one way: crawler → document records → rules (verdicts) → store.
Each site gets its own run, created before the crawl and completed in one
final transaction, so an interrupted audit leaves ``incomplete`` runs and
never touches earlier ones.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, replace

from crawler.collect import CrawlResult
from crawler.run import CrawlJob, Progress, crawl_sites
from crawler.settings import CrawlLimits
from ita_audit.store import Store
from rules.classify import Classifier
from rules.ruleset import RuleSet
from rules.verdicts import CrawlOutcome, Verdict, judge


class UserError(Exception):
    """Bad input from the user; the message is one line."""


log = logging.getLogger("ita_audit.audit")


@dataclass
class SiteJob:
    url: str
    name: str = ""
    limits: CrawlLimits | None = None
    ruleset: RuleSet | None = None   # None: the rule set given to run_audit


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
    # one site, one key: scheme and host are case-insensitive
    netloc = parts.hostname.lower() + (f":{port}" if port is not None else "")
    if parts.username or parts.password:
        raise UserError(f"invalid URL {url!r}: user names and passwords do not belong in it")
    return urllib.parse.urlunsplit(
        (parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))


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
    store: Store, ruleset: RuleSet | None, jobs: list[SiteJob], as_of: dt.date,
    default_limits: CrawlLimits, progress: Callable[[list[Progress]], None] | None = None,
    trigger: str = "manual", started_at: dt.datetime | None = None,
) -> list[SiteOutcome]:
    """Crawl all ``jobs`` concurrently (one reactor, so once per process) and judge
    each with its own rule set (``job.ruleset``, else ``ruleset``).

    A site whose judging or storing fails becomes a ``failed`` run with the
    reason; the other sites are judged and stored all the same.  ``started_at``
    (default: now) is recorded as the runs' start.
    """
    rulesets = [job.ruleset or ruleset for job in jobs]
    if any(rs is None for rs in rulesets):
        raise ValueError("run_audit: a job has no rule set")
    run_ids = [store.begin_run(job.url, as_of, rs.id, job.name,  # type: ignore[union-attr]
                               trigger, started_at)
               for job, rs in zip(jobs, rulesets, strict=True)]
    results = crawl_sites([CrawlJob(job.url, job.limits or default_limits) for job in jobs],
                          progress=progress)
    classifiers: dict[int, Classifier] = {}   # one per rule set object
    outcomes = []
    for job, rs, run_id, result in zip(jobs, rulesets, run_ids, results, strict=True):
        assert rs is not None
        verdicts: list[Verdict] = []
        try:
            if result.status != "failed":
                if id(rs) not in classifiers:
                    classifiers[id(rs)] = Classifier(rs)
                classifier = classifiers[id(rs)]
                verdicts = judge(rs, result.records, as_of, crawl_outcome(result), classifier)
            store.finish_run(run_id, result, verdicts)
        except Exception as exc:  # noqa: BLE001 - one site's failure never stops the others
            if os.environ.get("ITA_AUDIT_DEBUG"):
                log.exception("judging %s failed", job.url)
            reason = f"internal error: {type(exc).__name__}: {exc}".splitlines()[0]
            store.fail_run(run_id, reason)
            result = replace(result, status="failed", reason=reason)
            verdicts = []
        outcomes.append(SiteOutcome(job, run_id, result, verdicts))
    return outcomes
