"""Dashboard speed: the overview of 200 sites × 9 categories × 52 weekly runs.

Builds the database in a temporary folder through the store's own API
(``Store.begin_run`` / ``Store.finish_run`` with hand-made crawl results and
verdicts), then times the overview query (cold, and cached) and a full
render of the overview page with Streamlit's ``AppTest``.  The issue's
budget: the overview renders in under 2 s.  Not a timed test; run it with
``python -m benchmarks.bench_dashboard [--sites N] [--weeks N]``.

:func:`add_run` is also what the dashboard tests use to write runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import tempfile
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from crawler.collect import BrokenLink, CrawlResult
from ita_audit.store import Store
from rules.findings import Claim
from rules.records import DocumentRecord
from rules.ruleset import load_ruleset
from rules.verdicts import Evidence, Verdict

APP = Path(__file__).resolve().parents[1] / "dashboard" / "app.py"
BUDGET_S = 2.0


def seed_categories(ruleset: str = "seed") -> list[tuple[str, str, str]]:
    rs = load_ruleset(ruleset)
    cats = [(c.id, c.title_th, c.title_en) for c in rs.categories]
    if rs.quality:
        cats.append((rs.quality.id, rs.quality.title_th, rs.quality.title_en))
    return cats


def add_run(
    store: Store, url: str, as_of: dt.date, statuses: Mapping[str, str], *,
    ruleset: str = "seed", name: str = "", status: str = "complete", reason: str = "",
    evidence: Mapping[str, Iterable[str | tuple[str, str]]] | None = None,
    broken: Iterable[str] = (), no_text: Iterable[str] = (),
    categories: list[tuple[str, str, str]] | None = None,
    latest: Mapping[str, dt.date] | None = None,
    claimed: Mapping[str, Iterable[tuple[str, str]]] | None = None,
) -> int:
    """Write one run of ``url`` with the given category statuses.

    ``status``: ``complete`` / ``incomplete`` (finished), ``failed`` (no
    verdicts) or ``running`` (begun, never finished).  ``evidence`` maps a
    category to URLs or ``(url, title)`` pairs; by default an ``ok`` or
    ``stale`` category gets one evidence URL of its own.  ``latest``
    overrides a category's newest date (default: 30 days before ``as_of`` for
    ``ok``, 400 days for ``stale``).  ``claimed`` maps a category to ``(url,
    label)`` pairs of items that name it but are placeholders.
    """
    run_id = store.begin_run(url, as_of, ruleset, name)
    if status == "running":
        return run_id
    cats = categories or seed_categories(ruleset)
    evidence = dict(evidence or {})
    verdicts: list[Verdict] = []
    records: dict[str, DocumentRecord] = {}
    if status != "failed":
        for cid, title_th, title_en in cats:
            st = statuses.get(cid)
            if st is None:
                continue
            newest = (latest or {}).get(cid) or {"ok": as_of - dt.timedelta(days=30),
                                                  "stale": as_of - dt.timedelta(days=400)}.get(st)
            items = evidence.get(cid)
            if items is None:
                items = [f"{url}c{cid}/item.html"] if st in ("ok", "stale") else []
            ev = []
            for item in items:
                link, title = item if isinstance(item, tuple) else (item, f"หลักฐาน {cid}")
                records.setdefault(link, DocumentRecord(url=link, title=title, kind="page"))
                ev.append(Evidence(url=link, kind="page", title=title, link_text=title,
                                   date=newest, date_source="title" if newest else None,
                                   date_text="", matched=[f"title:{cid}"], score=3.0,
                                   concept="bench"))
            verdicts.append(Verdict(
                category=cid, title_th=title_th, title_en=title_en, status=st,
                latest_date=newest, date_source="title" if newest else None,
                reason_th=f"สถานะ {st}", reason_en=f"status {st}", evidence=ev,
                claimed=[Claim(url=u, kind="page", label=label, found_on=url,
                               why_th="มีเพียงหัวเรื่อง ไม่มีเนื้อหา", why_en="only a title")
                         for u, label in (claimed or {}).get(cid, [])]))
    for doc in no_text:
        records[doc] = DocumentRecord(url=doc, kind="document", title="สแกน",
                                      text_layer="no", size_bytes=2048)
    broken_links = [BrokenLink(b, 404, "HTTP 404", [url]) for b in broken]
    now = dt.datetime.now(dt.UTC)
    pages = sum(1 for r in records.values() if r.kind == "page")
    result = CrawlResult(
        start_url=url, status=status, reason=reason, records=list(records.values()),
        broken_links=broken_links, started_at=now, finished_at=now,
        stats={"pages": pages, "documents": len(records) - pages, "external_links": 0,
               "broken_links": len(broken_links), "errors": 0},
    )
    store.finish_run(run_id, result, verdicts)
    return run_id


def build_database(path: Path, sites: int = 200, weeks: int = 52, seed: int = 11) -> Store:
    """``sites`` × ``weeks`` weekly complete runs of the seed rule set."""
    rng = random.Random(seed)
    store = Store.open(path)
    cats = seed_categories()
    start = dt.date(2025, 10, 6)
    weights = {"ok": 6, "stale": 2, "missing": 1, "unknown": 1}
    for week in range(weeks):
        as_of = start + dt.timedelta(weeks=week)
        for site in range(sites):
            statuses = {cid: rng.choices(list(weights), list(weights.values()))[0]
                        for cid, _, _ in cats}
            add_run(store, f"https://esa{site:03d}.example.go.th/", as_of, statuses,
                    name=f"สำนักงานเขตพื้นที่การศึกษา ตัวอย่าง {site:03d}", categories=cats,
                    broken=[f"https://esa{site:03d}.example.go.th/gone{week % 3}.pdf"]
                    if rng.random() < 0.3 else ())
    return store


def time_render(db: Path, runs: int = 3) -> list[float]:
    from streamlit.testing.v1 import AppTest

    os.environ["ITA_AUDIT_DB"] = str(db)
    figures = []
    for _ in range(runs):
        at = AppTest.from_file(str(APP), default_timeout=60)
        start = time.perf_counter()
        at.run()
        figures.append(time.perf_counter() - start)
        assert not at.exception, at.exception
        assert at.dataframe, "no matrix rendered"
    return figures


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=200)
    parser.add_argument("--weeks", type=int, default=52)
    args = parser.parse_args(argv or [])
    from dashboard import queries

    with tempfile.TemporaryDirectory(prefix="ita-bench-dash-") as tmp:
        db = Path(tmp) / "bench.db"
        start = time.perf_counter()
        store = build_database(db, args.sites, args.weeks)
        build_s = time.perf_counter() - start
        size_mb = db.stat().st_size / 1e6
        start = time.perf_counter()
        data = queries.overview(store, "seed")
        query_s = time.perf_counter() - start
        start = time.perf_counter()
        queries.fingerprint(store)
        key_s = time.perf_counter() - start
        store.close()
        renders = time_render(db)
    cold, warm = renders[0], min(renders[1:]) if len(renders) > 1 else renders[0]
    runs = args.sites * args.weeks
    print(f"dashboard overview: {args.sites} sites × {len(data.categories)} categories × "
          f"{args.weeks} weekly runs ({runs} runs, database {size_mb:.1f} MB, "
          f"built in {build_s:.1f} s)")
    print(f"  overview query (uncached)   : {query_s:6.3f} s")
    print(f"  cache key (fingerprint)     : {key_s:6.3f} s")
    print(f"  first render (AppTest, cold): {cold:6.3f} s  budget {BUDGET_S:.1f} s: "
          f"{'OK' if cold <= BUDGET_S else 'OVER'}")
    print(f"  later render (cached query) : {warm:6.3f} s")
    return {"query_seconds": query_s, "render_seconds": cold, "warm_render_seconds": warm,
            "build_seconds": build_s}


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
