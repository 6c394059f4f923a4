"""Read-only data access for the dashboard: SQL over the store's tables into pandas.

No Streamlit here (``dashboard.cache`` adds the caching), so these functions
serve benchmarks, tests and a future API alike.  Queries are aggregated in
SQL so the overview of 200 sites × 52 weekly runs reads only the latest run
of each site.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import sqlalchemy as sa

from ita_audit import store as st_
from ita_audit.store import SCHEMA_VERSION, Store, StoreError

STATUSES = ("ok", "stale", "missing", "unknown")


@dataclass(frozen=True)
class Category:
    id: str
    title_th: str
    title_en: str

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_th


@dataclass
class Overview:
    ruleset: str
    categories: list[Category]
    # one row per site: site_id, url, name, run_id, latest_id, as_of, run_status,
    # run_reason, finished_at, latest_state, n_ok … n_unknown, coverage; sorted by name/url
    sites: pd.DataFrame
    # site_id × category id → status (None: not judged)
    statuses: pd.DataFrame


@dataclass
class RunDetail:
    run: dict[str, Any]
    verdicts: list[dict[str, Any]]
    evidence: list[dict[str, Any]]
    broken: list[dict[str, Any]]
    no_text: list[dict[str, Any]]
    stats: dict[str, Any] = field(default_factory=dict)
    # items that name a category but hold nothing (placeholders, broken and dead links)
    claimed: list[dict[str, Any]] = field(default_factory=list)


def _rows(store: Store, query: sa.Select) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def fingerprint(store: Store) -> tuple[Any, ...]:
    """Changes whenever a run is added or finished, or the schema changes: the cache key."""
    runs = st_.runs
    with store.engine.connect() as conn:
        version = conn.execute(sa.select(st_.meta_table.c.value)
                               .where(st_.meta_table.c.key == "schema_version")).scalar()
        if version is None or int(version) != SCHEMA_VERSION:
            raise StoreError(f"{store.location}: database schema version {version} is not "
                             f"{SCHEMA_VERSION}")
        row = conn.execute(sa.select(
            sa.func.max(runs.c.id), sa.func.count(runs.c.id), sa.func.count(runs.c.finished_at),
            sa.func.max(runs.c.finished_at))).one()
    return (int(version), row[0], row[1], row[2], str(row[3]))


def rulesets(store: Store) -> list[str]:
    """Rule sets used by the stored runs, the most recently used first."""
    runs = st_.runs
    query = (sa.select(runs.c.ruleset, sa.func.max(runs.c.id).label("last"))
             .group_by(runs.c.ruleset).order_by(sa.desc("last")))
    return [r["ruleset"] for r in _rows(store, query)]


def sites(store: Store) -> pd.DataFrame:
    """Every site with at least one run: id, url, name, runs, last_run."""
    s, runs = st_.sites, st_.runs
    query = (sa.select(s.c.id, s.c.url, s.c.name, sa.func.count(runs.c.id).label("runs"),
                       sa.func.max(runs.c.id).label("last_run"))
             .join(runs, runs.c.site_id == s.c.id).group_by(s.c.id, s.c.url, s.c.name))
    frame = pd.DataFrame(_rows(store, query), columns=["id", "url", "name", "runs", "last_run"])
    return _sort_sites(frame, "name", "url").reset_index(drop=True)


def _sort_sites(frame: pd.DataFrame, name: str, url: str) -> pd.DataFrame:
    if frame.empty:
        return frame
    key = frame[name].where(frame[name].astype(bool), frame[url]).str.casefold()
    return frame.assign(_key=key).sort_values(["_key", url]).drop(columns="_key")


@functools.lru_cache(maxsize=16)
def _ruleset_categories(ruleset_id: str) -> tuple[Category, ...]:
    try:
        from rules.ruleset import load_ruleset

        rs = load_ruleset(ruleset_id)
    except Exception:  # noqa: BLE001 - a custom or renamed rule set: use what was stored
        return ()
    cats = [Category(c.id, c.title_th, c.title_en) for c in rs.categories]
    if rs.quality:
        cats.append(Category(rs.quality.id, rs.quality.title_th, rs.quality.title_en))
    return tuple(cats)


def categories(ruleset_id: str, observed: list[dict[str, Any]]) -> list[Category]:
    """The rule set's categories in order; titles as stored in the runs when present."""
    stored: dict[str, Category] = {}
    for v in sorted(observed, key=lambda v: v["position"]):
        stored.setdefault(v["category"], Category(v["category"], v["title_th"], v["title_en"]))
    result = [stored.get(c.id, c) for c in _ruleset_categories(ruleset_id)]
    known = {c.id for c in result}
    return result + [c for cid, c in stored.items() if cid not in known]


def _latest_ids(ruleset: str) -> tuple[sa.Subquery, sa.Subquery]:
    runs = st_.runs
    shown = (sa.select(runs.c.site_id, sa.func.max(runs.c.id).label("run_id"))
             .where(runs.c.ruleset == ruleset, runs.c.status != "failed",
                    runs.c.finished_at.is_not(None))
             .group_by(runs.c.site_id).subquery("shown"))
    latest = (sa.select(runs.c.site_id, sa.func.max(runs.c.id).label("latest_id"))
              .where(runs.c.ruleset == ruleset).group_by(runs.c.site_id).subquery("latest"))
    return shown, latest


def overview(store: Store, ruleset: str) -> Overview:
    """The latest finished run (with verdicts) of every site for ``ruleset``.

    A site whose only runs failed is listed with its latest failed run and no
    verdicts; a newer failed or unfinished run is reported in ``latest_state``.
    """
    runs, s, v = st_.runs, st_.sites, st_.verdicts
    shown, latest = _latest_ids(ruleset)
    pairs = _rows(store, sa.select(latest.c.site_id, latest.c.latest_id, shown.c.run_id)
                  .select_from(latest.outerjoin(shown, shown.c.site_id == latest.c.site_id)))
    run_cols = [runs.c.id, runs.c.site_id, runs.c.status, runs.c.reason, runs.c.as_of,
                runs.c.finished_at, s.c.url, s.c.name]
    run_rows = _rows(store, sa.select(*run_cols).join(s, s.c.id == runs.c.site_id).where(
        sa.or_(runs.c.id.in_(sa.select(shown.c.run_id)),
               runs.c.id.in_(sa.select(latest.c.latest_id)))))
    by_id = {r["id"]: r for r in run_rows}
    verdict_rows = _rows(store, sa.select(v.c.run_id, v.c.category, v.c.position, v.c.status,
                                          v.c.title_th, v.c.title_en)
                         .where(v.c.run_id.in_(sa.select(shown.c.run_id))))
    cats = categories(ruleset, verdict_rows)
    status_of: dict[int, dict[str, str]] = {}
    for row in verdict_rows:
        status_of.setdefault(row["run_id"], {})[row["category"]] = row["status"]
    records = []
    for pair in pairs:
        latest_run = by_id[pair["latest_id"]]
        run = by_id.get(pair["run_id"]) if pair["run_id"] is not None else None
        base = run or latest_run
        judged = status_of.get(run["id"], {}) if run else {}
        counts = {st: sum(1 for c in cats if judged.get(c.id) == st) for st in STATUSES}
        latest_state = ("running" if latest_run["status"] == "incomplete"
                        and latest_run["finished_at"] is None else latest_run["status"])
        records.append({
            "site_id": pair["site_id"], "url": base["url"], "name": base["name"],
            "run_id": base["id"], "latest_id": latest_run["id"], "as_of": base["as_of"],
            "run_status": base["status"], "run_reason": base["reason"],
            "finished_at": base["finished_at"], "has_verdicts": run is not None,
            "latest_state": latest_state,
            **{f"n_{st}": n for st, n in counts.items()},
            "coverage": (round(100.0 * counts["ok"] / len(cats), 1)
                         if run is not None and cats else None),
        })
    columns = ["site_id", "url", "name", "run_id", "latest_id", "as_of", "run_status",
               "run_reason", "finished_at", "has_verdicts", "latest_state",
               *[f"n_{st}" for st in STATUSES], "coverage"]
    frame = _sort_sites(pd.DataFrame(records, columns=columns), "name", "url")
    frame = frame.reset_index(drop=True)
    statuses = pd.DataFrame(
        [[status_of.get(r, {}).get(c.id) if has else None for c in cats]
         for r, has in zip(frame["run_id"], frame["has_verdicts"], strict=True)],
        index=frame["site_id"].tolist(), columns=[c.id for c in cats], dtype=object)
    return Overview(ruleset=ruleset, categories=cats, sites=frame, statuses=statuses)


def site_runs(store: Store, site_id: int) -> pd.DataFrame:
    """Every run of a site, newest first, with its verdict counts."""
    runs, v = st_.runs, st_.verdicts
    counts = (sa.select(v.c.run_id, sa.func.count(v.c.id).label("n_verdicts"),
                        *[sa.func.sum(sa.case((v.c.status == st, 1), else_=0)).label(f"n_{st}")
                          for st in STATUSES])
              .where(v.c.run_id.in_(sa.select(runs.c.id).where(runs.c.site_id == site_id)))
              .group_by(v.c.run_id).subquery("counts"))
    query = (sa.select(runs.c.id, runs.c.status, runs.c.reason, runs.c.as_of, runs.c.ruleset,
                       runs.c.trigger, runs.c.started_at, runs.c.finished_at, runs.c.pages,
                       runs.c.documents, runs.c.broken_links, runs.c.errors,
                       sa.func.coalesce(counts.c.n_verdicts, 0).label("n_verdicts"),
                       *[sa.func.coalesce(counts.c[f"n_{st}"], 0).label(f"n_{st}")
                         for st in STATUSES])
             .select_from(runs.outerjoin(counts, counts.c.run_id == runs.c.id))
             .where(runs.c.site_id == site_id).order_by(runs.c.id.desc()))
    columns = ["id", "status", "reason", "as_of", "ruleset", "trigger", "started_at",
               "finished_at", "pages", "documents", "broken_links", "errors", "n_verdicts",
               *[f"n_{st}" for st in STATUSES]]
    return pd.DataFrame(_rows(store, query), columns=columns)


def run_detail(store: Store, run_id: int) -> RunDetail | None:
    run = store.run(run_id)
    if run is None:
        return None
    try:
        stats = json.loads(run.get("stats_json") or "{}")
    except ValueError:
        stats = {}
    no_text = [d for d in store.documents(run_id, kind="document")
               if d["text_layer"] in ("no", "broken")]
    return RunDetail(run=run, verdicts=store.verdicts(run_id), evidence=store.evidence(run_id),
                     broken=store.broken(run_id), no_text=no_text, stats=stats,
                     claimed=store.claimed(run_id))


def coverage_history(store: Store, ruleset: str, site_ids: list[int],
                     n_categories: int) -> pd.DataFrame:
    """Finished runs with verdicts of ``site_ids`` for ``ruleset``: coverage per run."""
    runs, s, v = st_.runs, st_.sites, st_.verdicts
    if not site_ids:
        return pd.DataFrame(columns=["site_id", "url", "name", "run_id", "as_of", "status",
                                     "n_ok", "coverage"])
    chosen = (sa.select(runs.c.id).where(runs.c.ruleset == ruleset,
                                         runs.c.site_id.in_(site_ids),
                                         runs.c.status != "failed",
                                         runs.c.finished_at.is_not(None)))
    ok = (sa.select(v.c.run_id, sa.func.sum(sa.case((v.c.status == "ok", 1), else_=0))
                    .label("n_ok"))
          .where(v.c.run_id.in_(chosen)).group_by(v.c.run_id).subquery("ok"))
    query = (sa.select(runs.c.site_id, s.c.url, s.c.name, runs.c.id.label("run_id"),
                       runs.c.as_of, runs.c.status, ok.c.n_ok)
             .select_from(runs.join(ok, ok.c.run_id == runs.c.id)
                          .join(s, s.c.id == runs.c.site_id))
             .order_by(runs.c.site_id, runs.c.as_of, runs.c.id))
    frame = pd.DataFrame(_rows(store, query), columns=["site_id", "url", "name", "run_id",
                                                        "as_of", "status", "n_ok"])
    frame["coverage"] = (100.0 * frame["n_ok"] / max(n_categories, 1)).round(1)
    return frame


def no_runs(store: Store) -> bool:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(st_.runs.c.id).limit(1)).first() is None
