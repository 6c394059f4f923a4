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
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace

from crawler.collect import CrawlResult
from crawler.run import CrawlJob, Progress, crawl_sites
from crawler.settings import CrawlLimits
from ita_audit.inputs import UserError, check_url  # noqa: F401 - the audit's inputs
from ita_audit.interrupt import CtrlC, Interrupted
from ita_audit.store import Store
from rules.classify import Classifier
from rules.ruleset import RuleSet
from rules.verdicts import CrawlOutcome, Verdict, judge

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


def item_terms(ruleset: RuleSet) -> tuple[str, ...]:
    """The rule set's item phrases (strong keywords of its categories' concepts), compact:
    the crawl fetches links labelled with them first."""
    from rules.text import compact_text

    concepts = {cid for cat in ruleset.categories for cid in cat.concepts}
    return tuple(sorted({compact_text(k) for cid in concepts
                         for k in ruleset.concepts[cid].keywords}))


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

    Ctrl+C, whenever it comes (also while the crawl engine starts), stops the
    crawl and raises :class:`~ita_audit.interrupt.Interrupted` (a
    KeyboardInterrupt): the runs not yet stored are left ``incomplete`` and
    unfinished, as a killed run is (so a scheduled audit is retried), with the
    reason; nothing half-crawled is judged.  Earlier runs are never touched.
    """
    rulesets = [job.ruleset or ruleset for job in jobs]
    if any(rs is None for rs in rulesets):
        raise ValueError("run_audit: a job has no rule set")
    run_ids: list[int] = []
    open_runs: set[int] = set()     # begun, not yet finished: Ctrl+C says why they stopped

    def abandon(why: str) -> str:
        for run_id in sorted(open_runs):
            try:
                store.abandon_run(run_id, why)
            except Exception:  # noqa: BLE001 - the store may be what is failing
                log.debug("could not mark run #%s", run_id, exc_info=True)
        left = ", ".join(f"#{r}" for r in sorted(open_runs))
        return f"interrupted (Ctrl+C); run {left} left incomplete" if left else "interrupted"

    def leave_now() -> None:   # Ctrl+C twice: do not wait for the crawl to wind down
        print(f"ita-audit: error: {abandon('interrupted (Ctrl+C) during the crawl')}",
              file=sys.stderr, flush=True)
        os._exit(130)

    try:
        for job, rs in zip(jobs, rulesets, strict=True):
            run_ids.append(store.begin_run(job.url, as_of, rs.id,  # type: ignore[union-attr]
                                           job.name, trigger, started_at))
            open_runs.add(run_ids[-1])
        with CtrlC(on_second=leave_now) as ctrl_c:
            try:
                results = crawl_sites([CrawlJob(job.url, job.limits or default_limits,
                                                item_terms(rs))  # type: ignore[arg-type]
                                       for job, rs in zip(jobs, rulesets, strict=True)],
                                      progress=progress)
            except Exception:
                if not ctrl_c.pressed:
                    raise
                log.debug("crawl stopped by Ctrl+C while starting", exc_info=True)
        if ctrl_c.pressed:
            raise Interrupted(abandon("interrupted (Ctrl+C) during the crawl; not judged"))
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
                    verdicts = judge(rs, result.records, as_of, crawl_outcome(result),
                                     classifier)
                store.finish_run(run_id, result, verdicts)
            except Exception as exc:  # noqa: BLE001 - one site's failure never stops the others
                if os.environ.get("ITA_AUDIT_DEBUG"):
                    log.exception("judging %s failed", job.url)
                reason = f"internal error: {type(exc).__name__}: {exc}".splitlines()[0]
                try:
                    store.fail_run(run_id, reason)
                except Exception:  # noqa: BLE001 - e.g. the database stopped taking writes
                    log.debug("could not mark run #%s failed", run_id, exc_info=True)
                    reason += " (and the run could not be marked failed in the database)"
                result = replace(result, status="failed", reason=reason)
                verdicts = []
            open_runs.discard(run_id)
            outcomes.append(SiteOutcome(job, run_id, result, verdicts))
    except Interrupted:
        raise
    except KeyboardInterrupt:   # Ctrl+C before or after the crawl
        raise Interrupted(abandon("interrupted (Ctrl+C) before the run finished")) from None
    return outcomes
