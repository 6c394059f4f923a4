"""Retention: ``ita-audit prune`` deletes what the policy says and nothing else."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa

from benchmarks.bench_dashboard import add_run
from ita_audit import cli
from ita_audit.config import RetentionPolicy
from ita_audit.retention import plan_prune
from ita_audit.store import Store, links, runs

NOW = dt.datetime(2026, 11, 25, tzinfo=dt.UTC)
A, B, C = ("https://a.example.go.th/", "https://b.example.go.th/",
           "https://c.example.go.th/")
ALL_OK = {f"1.{i}": "ok" for i in range(1, 10)}
TABLES = ("documents", "links", "broken_links", "verdicts", "evidence")


def run(store: Store, url: str, days_ago: int, status: str = "complete") -> int:
    """A run that started ``days_ago`` days before NOW, with pages, links and verdicts."""
    run_id = add_run(store, url, dt.date(2026, 11, 20), {} if status in ("failed", "running")
                     else ALL_OK, status=status, broken=[url + "gone.pdf"])
    with store.engine.begin() as conn:
        conn.execute(runs.update().where(runs.c.id == run_id)
                     .values(started_at=NOW - dt.timedelta(days=days_ago)))
        if status not in ("failed", "running"):
            conn.execute(links.insert(), [{"run_id": run_id, "source_url": url,
                                           "target_url": f"{url}c{i}", "anchor_text": "x",
                                           "row_text": "", "heading": "", "external": False}
                                          for i in range(3)])
    return run_id


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "keep.db"
    store = Store.open(path)
    run(store, A, 800)                    # 1  too old
    run(store, A, 750)                    # 2  too old
    run(store, A, 10, "failed")           # 3  kept (a failed run has no page detail)
    run(store, A, 5)                      # 4  kept, page detail dropped (not newest 2)
    run(store, A, 1)                      # 5  kept with detail
    run(store, A, 0)                      # 6  kept with detail, the newest complete run
    run(store, B, 900)                    # 7  too old, but B's newest complete run: kept
    run(store, B, 800, "failed")          # 8  too old
    run(store, C, 1000, "incomplete")     # 9  too old; C has no complete run to keep
    run(store, C, 0, "running")           # 10 in progress: never touched
    store.close()
    return path


def counts(db: Path) -> dict[int, dict[str, int]]:
    store = Store.open(db, create=False)
    out: dict[int, dict[str, int]] = {}
    with store.engine.connect() as conn:
        for (run_id,) in conn.execute(sa.select(runs.c.id)):
            out[run_id] = {t: conn.execute(sa.text(f"SELECT count(*) FROM {t} WHERE run_id = "
                                                   f":r"), {"r": run_id}).scalar()
                           for t in TABLES}
    store.close()
    return out


def prune(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = cli.main(["prune", *args, "--now", NOW.isoformat()])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out + captured.err


def test_plan_follows_the_policy(db: Path) -> None:
    store = Store.open(db, create=False)
    plan = plan_prune(store, RetentionPolicy(keep_days=730, detail_runs=2), NOW)
    assert plan.delete_runs == [1, 2, 8, 9]
    assert plan.strip_detail == [4]     # A's newest two (6, 5) keep their detail
    by_url = {s.url: s for s in plan.sites}
    assert by_url[A].protected == 6 and by_url[B].protected == 7
    assert by_url[B].delete_runs == [8]
    assert RetentionPolicy() == RetentionPolicy(keep_days=730, detail_runs=10)
    nothing = plan_prune(store, RetentionPolicy(keep_days=None, detail_runs=None), NOW)
    assert nothing.empty


def test_dry_run_changes_nothing(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = counts(db)
    code, out = prune(capsys, "--db", str(db), "--keep-days", "730", "--detail-runs", "2",
                      "--dry-run")
    assert code == 0, out
    assert f"{A}: would delete 2 run(s) (#1, #2); would drop page detail of 1 run(s) (#4); " \
           "keeps #6" in out
    assert f"{B}: would delete 1 run(s) (#8); keeps #7" in out
    assert "dry run, nothing deleted" in out
    assert counts(db) == before


def test_prune_deletes_only_what_the_policy_says(db: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    before = counts(db)
    config = tmp_path / "ita-audit.yaml"
    config.write_text("retention:\n  keep_days: 730\n  detail_runs: 2\n", encoding="utf-8")
    code, out = prune(capsys, "--db", str(db), "--config", str(config))
    assert code == 0, out
    assert f"({config})" in out and "keep runs 730 days" in out
    after = counts(db)
    assert sorted(after) == [3, 4, 5, 6, 7, 10]             # runs 1, 2, 8, 9 deleted whole
    assert after[4]["documents"] == after[4]["links"] == 0   # page detail dropped …
    for table in ("verdicts", "evidence", "broken_links"):   # … history kept
        assert after[4][table] == before[4][table] > 0
    for kept in (3, 5, 6, 7, 10):
        assert after[kept] == before[kept]
    assert before[6]["documents"] > 0 and before[6]["links"] == 3
    code, out = prune(capsys, "--db", str(db), "--config", str(config))
    assert code == 0 and "nothing to prune" in out


def test_newest_complete_run_survives_any_policy(db: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, out = prune(capsys, "--db", str(db), "--keep-days", "1", "--detail-runs", "1")
    assert code == 0, out
    after = counts(db)
    # every site's newest complete run (with its detail), the run in progress, and run 5,
    # exactly one day old (the limit is inclusive) but without its page detail
    assert sorted(after) == [5, 6, 7, 10]
    assert after[6]["links"] == 3 and after[7]["documents"] > 0
    assert after[5]["links"] == after[5]["documents"] == 0 and after[5]["verdicts"] == 9


def test_prune_needs_an_existing_database(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, out = prune(capsys, "--db", str(tmp_path / "none.db"))
    assert code == 2 and "database not found" in out
