"""ita_audit.changes: what changed between two stored runs (real SQLite files)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from benchmarks.bench_dashboard import add_run
from ita_audit.changes import DiffError, compare_runs, previous_run
from ita_audit.store import Store

SITE = "https://esa.example.go.th/"
D1, D2, D3 = dt.date(2026, 6, 1), dt.date(2026, 6, 8), dt.date(2026, 6, 15)
ALL_OK = {f"1.{i}": "ok" for i in range(1, 10)}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "changes.db")
    yield s
    s.close()


def ids(changes) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.category for c in changes]


def test_status_changes_are_sorted_into_kinds(store: Store) -> None:
    before = dict(ALL_OK, **{"1.2": "stale", "1.3": "missing", "1.5": "unknown"})
    after = dict(ALL_OK, **{"1.1": "stale", "1.2": "ok", "1.3": "ok", "1.4": "missing",
                            "1.5": "ok", "1.6": "unknown"})
    first = add_run(store, SITE, D1, before)
    second = add_run(store, SITE, D2, after)
    diff = compare_runs(store, first, second)
    assert ids(diff.newly_stale) == ["1.1"]
    assert ids(diff.newly_missing) == ["1.4"]
    assert ids(diff.fixed) == ["1.2", "1.3"]
    assert sorted(ids(diff.other)) == ["1.5", "1.6"]   # unknown → ok, ok → unknown
    stale = diff.newly_stale[0]
    assert (stale.before, stale.after) == ("ok", "stale")
    assert stale.title_th.startswith("ข้อมูลพื้นฐาน")
    assert stale.date_before == D1 - dt.timedelta(days=30)
    assert stale.date_after == D2 - dt.timedelta(days=400)
    assert diff.later_complete and diff.same_site and diff.same_ruleset and not diff.notes
    assert diff.changed


def test_unchanged_runs(store: Store) -> None:
    first = add_run(store, SITE, D1, ALL_OK)
    second = add_run(store, SITE, D2, ALL_OK)
    diff = compare_runs(store, first, second)
    assert not diff.changed
    assert diff.status_changes == [] and diff.evidence == []


def test_newly_missing_needs_a_complete_later_run(store: Store) -> None:
    first = add_run(store, SITE, D1, ALL_OK, broken=[SITE + "old.pdf"])
    second = add_run(store, SITE, D2, dict(ALL_OK, **{"1.4": "missing", "1.7": "stale"}),
                     status="incomplete", reason="time limit reached",
                     evidence={"1.1": []})
    diff = compare_runs(store, first, second)
    assert diff.newly_missing == []
    assert ids(diff.other) == ["1.4"]             # reported, but not as "newly missing"
    assert ids(diff.newly_stale) == ["1.7"]       # stale is proven by evidence
    assert diff.broken_fixed == []                 # absence of a broken link is not claimed
    assert all(not e.removed for e in diff.evidence)
    assert not diff.later_complete
    assert any("incomplete" in n for n in diff.notes)


def test_failed_later_run_claims_nothing_missing(store: Store) -> None:
    first = add_run(store, SITE, D1, ALL_OK)
    second = add_run(store, SITE, D2, {}, status="failed", reason="start page failed")
    diff = compare_runs(store, first, second)
    assert diff.newly_missing == [] and diff.newly_stale == [] and diff.fixed == []
    assert len(diff.other) == 9 and all(c.after is None for c in diff.other)


def test_evidence_and_broken_links(store: Store) -> None:
    first = add_run(store, SITE, D1, ALL_OK,
                    evidence={"1.1": [SITE + "a.html", SITE + "b.html"]},
                    broken=[SITE + "gone.pdf", SITE + "fixed.pdf"])
    second = add_run(store, SITE, D2, ALL_OK,
                     evidence={"1.1": [SITE + "b.html", SITE + "c.html"]},
                     broken=[SITE + "gone.pdf", SITE + "new.pdf"])
    diff = compare_runs(store, first, second)
    by_cat = {e.category: e for e in diff.evidence}
    assert by_cat["1.1"].added == (SITE + "c.html",)
    assert by_cat["1.1"].removed == (SITE + "a.html",)
    assert by_cat["1.1"].title_en == "Structure, mission and executives"
    assert "1.2" not in by_cat                     # same default evidence URL in both runs
    assert diff.broken_new == [SITE + "new.pdf"]
    assert diff.broken_fixed == [SITE + "fixed.pdf"]
    assert diff.status_changes == [] and diff.changed


def test_previous_run_skips_failed_running_and_other_rulesets(store: Store) -> None:
    first = add_run(store, SITE, D1, ALL_OK)
    add_run(store, "https://other.example.go.th/", D1, ALL_OK)
    add_run(store, SITE, D2, {}, status="failed", reason="DNS lookup failed")
    add_run(store, SITE, D2, {}, status="running")
    add_run(store, SITE, D2, {"O1": "ok"}, ruleset="oit-2569")
    incomplete = add_run(store, SITE, D2, ALL_OK, status="incomplete", reason="blocked")
    latest = add_run(store, SITE, D3, ALL_OK)
    assert previous_run(store, first) is None
    assert previous_run(store, incomplete) == first
    assert previous_run(store, latest) == incomplete


def test_different_sites_and_unknown_runs(store: Store) -> None:
    first = add_run(store, SITE, D1, ALL_OK)
    other = add_run(store, "https://other.example.go.th/", D2, ALL_OK)
    diff = compare_runs(store, first, other)
    assert not diff.same_site and any("different sites" in n for n in diff.notes)
    with pytest.raises(DiffError, match="no run #999"):
        compare_runs(store, first, 999)
    with pytest.raises(DiffError):
        previous_run(store, 999)


def test_to_dict_is_json(store: Store) -> None:
    first = add_run(store, SITE, D1, ALL_OK)
    second = add_run(store, SITE, D2, dict(ALL_OK, **{"1.5": "stale"}),
                     broken=[SITE + "x.pdf"])
    data = json.loads(json.dumps(compare_runs(store, first, second).to_dict()))
    assert data["newly_stale"][0]["category"] == "1.5"
    assert data["newly_stale"][0]["date_after"] == (D2 - dt.timedelta(days=400)).isoformat()
    assert data["broken_new"] == [SITE + "x.pdf"]
    assert data["later_complete"] is True and data["changed"] is True
