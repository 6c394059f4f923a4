"""Retention: how long runs and their page-level detail are kept (``ita-audit prune``).

Policy (``retention`` in ``ita-audit.yaml``):

* ``keep_days`` — a run that started more than this many days ago is deleted
  with everything it owns (pages and documents, links, broken links,
  verdicts, evidence).  ``null`` keeps every run.
* ``detail_runs`` — only the newest N runs of each site keep their page-level
  detail (the ``documents`` and ``links`` rows, by far the largest tables);
  older runs keep their summary, verdicts, evidence and broken links, which
  is all that history, diffs and digests read.  ``null`` keeps all detail.
* The newest *complete* run of every site is never touched, whatever its age,
  so a site that has not been audited successfully for years still shows its
  last known state.  Runs still in progress are never deleted.

Everything is deleted in one transaction; ``--dry-run`` counts without deleting.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from ita_audit.config import RetentionPolicy
from ita_audit.store import (
    Store,
    broken_links,
    claimed,
    documents,
    evidence,
    links,
    runs,
    sites,
    verdicts,
)

RUN_TABLES = (evidence, claimed, verdicts, broken_links, links, documents)
DETAIL_TABLES = (links, documents)


@dataclass
class SitePlan:
    url: str
    delete_runs: list[int] = field(default_factory=list)
    strip_detail: list[int] = field(default_factory=list)
    protected: int | None = None            # the newest complete run
    rows: dict[str, int] = field(default_factory=lambda: defaultdict(int))


@dataclass
class PrunePlan:
    policy: RetentionPolicy
    now: dt.datetime
    sites: list[SitePlan]

    @property
    def delete_runs(self) -> list[int]:
        return sorted(r for s in self.sites for r in s.delete_runs)

    @property
    def strip_detail(self) -> list[int]:
        return sorted(r for s in self.sites for r in s.strip_detail)

    def rows(self) -> dict[str, int]:
        total: dict[str, int] = defaultdict(int)
        for s in self.sites:
            for table, count in s.rows.items():
                total[table] += count
        return dict(total)

    @property
    def empty(self) -> bool:
        return not self.delete_runs and not self.strip_detail


def _started(value: Any) -> dt.datetime:
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _count(conn: sa.Connection, table: sa.Table, run_ids: list[int]) -> int:
    if not run_ids:
        return 0
    return int(conn.execute(sa.select(sa.func.count()).select_from(table)
                            .where(table.c.run_id.in_(run_ids))).scalar() or 0)


def _with_detail(conn: sa.Connection, run_ids: list[int]) -> list[int]:
    """The runs among ``run_ids`` that still have page-level rows."""
    if not run_ids:
        return []
    found: set[int] = set()
    for table in DETAIL_TABLES:
        found |= {int(r[0]) for r in conn.execute(
            sa.select(table.c.run_id).where(table.c.run_id.in_(run_ids)).distinct())}
    return [r for r in run_ids if r in found]


def plan_prune(store: Store, policy: RetentionPolicy, now: dt.datetime) -> PrunePlan:
    """What the policy deletes as of ``now`` (nothing is changed)."""
    now = _started(now)
    cutoff = now - dt.timedelta(days=policy.keep_days) if policy.keep_days else None
    query = (sa.select(runs.c.id, runs.c.site_id, runs.c.status, runs.c.started_at,
                       runs.c.finished_at, sites.c.url)
             .select_from(runs.join(sites)).order_by(runs.c.site_id, runs.c.id.desc()))
    plans: list[SitePlan] = []
    with store.engine.connect() as conn:
        by_site: dict[int, list[Any]] = defaultdict(list)
        for row in conn.execute(query):
            by_site[row.site_id].append(row)
        for site_runs in by_site.values():      # each newest first
            plan = SitePlan(url=site_runs[0].url)
            plan.protected = next((r.id for r in site_runs if r.status == "complete"), None)
            for position, r in enumerate(site_runs):
                if r.id == plan.protected or r.finished_at is None and (
                        cutoff is None or _started(r.started_at) >= cutoff):
                    continue   # the newest complete run, or a run in progress
                if cutoff is not None and _started(r.started_at) < cutoff:
                    plan.delete_runs.append(r.id)
                elif policy.detail_runs is not None and position >= policy.detail_runs:
                    plan.strip_detail.append(r.id)
            plan.strip_detail = _with_detail(conn, plan.strip_detail)
            for table in RUN_TABLES:
                plan.rows[table.name] += _count(conn, table, plan.delete_runs)
            for table in DETAIL_TABLES:
                plan.rows[table.name] += _count(conn, table, plan.strip_detail)
            plan.rows["runs"] = len(plan.delete_runs)
            plans.append(plan)
    plans = [p for p in plans if p.delete_runs or p.strip_detail]
    return PrunePlan(policy=policy, now=now, sites=plans)


def apply_prune(store: Store, plan: PrunePlan) -> None:
    """Carry out a plan in one transaction."""
    doomed, stripped = plan.delete_runs, plan.strip_detail
    with store.engine.begin() as conn:
        for start in range(0, len(doomed), 500):
            chunk = doomed[start:start + 500]
            for table in RUN_TABLES:
                conn.execute(table.delete().where(table.c.run_id.in_(chunk)))
            conn.execute(runs.delete().where(runs.c.id.in_(chunk)))
        for start in range(0, len(stripped), 500):
            chunk = stripped[start:start + 500]
            for table in DETAIL_TABLES:
                conn.execute(table.delete().where(table.c.run_id.in_(chunk)))
