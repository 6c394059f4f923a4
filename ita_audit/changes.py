"""What changed between two stored runs: statuses, evidence and broken links.

Used by the dashboard's worklist and history views and by a future
``ita-audit diff`` command, so it knows nothing about any user interface:
plain dataclasses in, plain dataclasses (and :meth:`RunDiff.to_dict`) out.

Rules of a comparison (``from`` is the earlier run, ``to`` the later one):

* **newly stale**: a category that is ``stale`` in ``to`` and was not stale
  in ``from`` (ok, missing, unknown, or not judged).
* **newly missing**: ``missing`` in ``to`` and not missing in ``from``, and
  only when ``to`` is a *complete* run: absence is claimed only after a
  complete crawl (a verdict ``missing`` in an incomplete run, which the rules
  never produce, is reported under *other changes*).
* **fixed**: ``ok`` in ``to`` after ``stale`` or ``missing`` in ``from``.
* **other changes**: every other status difference (``ok`` → ``unknown``,
  ``unknown`` → ``ok``, a category judged in only one of the runs …).
* Evidence URLs added / removed per category, and broken links new / fixed.
  Removed evidence and fixed broken links are absence claims too, so they are
  listed only when ``to`` is complete (:attr:`RunDiff.notes` says so
  otherwise).  Evidence is capped per category by the rules
  (``rules.verdicts.MAX_EVIDENCE``), so on categories with very many items an
  item can move in or out of the stored top list without changing on the site.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlalchemy as sa

from ita_audit.store import Store, runs

FIXABLE = ("stale", "missing")


class DiffError(ValueError):
    """A comparison that cannot be made (unknown run id); the message is one line."""


@dataclass(frozen=True)
class CategoryChange:
    category: str
    title_th: str
    title_en: str
    before: str | None          # status in the earlier run; None: not judged there
    after: str | None           # status in the later run; None: not judged there
    date_before: dt.date | None = None
    date_after: dt.date | None = None


@dataclass(frozen=True)
class EvidenceChange:
    category: str
    title_th: str
    title_en: str
    added: tuple[str, ...]
    removed: tuple[str, ...]


@dataclass
class RunDiff:
    from_run: int
    to_run: int
    from_status: str            # run status: complete | incomplete | failed
    to_status: str
    same_site: bool
    same_ruleset: bool
    newly_stale: list[CategoryChange] = field(default_factory=list)
    newly_missing: list[CategoryChange] = field(default_factory=list)
    fixed: list[CategoryChange] = field(default_factory=list)
    other: list[CategoryChange] = field(default_factory=list)
    evidence: list[EvidenceChange] = field(default_factory=list)
    broken_new: list[str] = field(default_factory=list)
    broken_fixed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)   # English, one line each

    @property
    def later_complete(self) -> bool:
        return self.to_status == "complete"

    @property
    def status_changes(self) -> list[CategoryChange]:
        return self.newly_stale + self.newly_missing + self.fixed + self.other

    @property
    def changed(self) -> bool:
        return bool(self.status_changes or self.evidence or self.broken_new
                    or self.broken_fixed)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (dates as ISO strings)."""
        def plain(value: Any) -> Any:
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items()}
            if isinstance(value, (list, tuple)):
                return [plain(v) for v in value]
            return value.isoformat() if isinstance(value, dt.date) else value

        data = plain(asdict(self))
        data["later_complete"] = self.later_complete
        data["changed"] = self.changed
        return data


def _run_or_fail(store: Store, run_id: int) -> dict[str, Any]:
    run = store.run(run_id)
    if run is None:
        raise DiffError(f"{store.location}: no run #{run_id}")
    return run


def previous_run(store: Store, run_id: int, complete_only: bool = False) -> int | None:
    """The id of the run to compare ``run_id`` with: the newest earlier run of
    the same site and rule set that finished with verdicts (complete or
    incomplete; failed runs and runs still in progress are skipped), or None.
    ``complete_only``: the newest earlier *complete* run (what absence is judged by)."""
    run = _run_or_fail(store, run_id)
    status = (runs.c.status == "complete") if complete_only else (runs.c.status != "failed")
    query = (sa.select(sa.func.max(runs.c.id))
             .where(runs.c.site_id == run["site_id"], runs.c.ruleset == run["ruleset"],
                    runs.c.id < run_id, status, runs.c.finished_at.is_not(None)))
    with store.engine.connect() as conn:
        found = conn.execute(query).scalar()
    return int(found) if found is not None else None


def _evidence_urls(store: Store, run_id: int) -> dict[str, set[str]]:
    urls: dict[str, set[str]] = {}
    for e in store.evidence(run_id):
        urls.setdefault(e["category"], set()).add(e["url"])
    return urls


def compare_runs(store: Store, from_run_id: int, to_run_id: int) -> RunDiff:
    """Compare two runs (normally of one site and rule set; see the module docstring)."""
    before_run = _run_or_fail(store, from_run_id)
    after_run = _run_or_fail(store, to_run_id)
    diff = RunDiff(
        from_run=from_run_id, to_run=to_run_id, from_status=before_run["status"],
        to_status=after_run["status"], same_site=before_run["site_id"] == after_run["site_id"],
        same_ruleset=before_run["ruleset"] == after_run["ruleset"],
    )
    if not diff.same_site:
        diff.notes.append("the runs are of different sites")
    if not diff.same_ruleset:
        diff.notes.append(f"the runs use different rule sets ({before_run['ruleset']} and "
                          f"{after_run['ruleset']})")
    if not diff.later_complete:
        diff.notes.append(f"run #{to_run_id} is {after_run['status']}: newly missing "
                          "categories, removed evidence and fixed broken links are not "
                          "claimed")
    before = {v["category"]: v for v in store.verdicts(from_run_id)}
    after = {v["category"]: v for v in store.verdicts(to_run_id)}
    order = list(after) + [c for c in before if c not in after]
    for cat in order:
        b, a = before.get(cat), after.get(cat)
        b_status = b["status"] if b else None
        a_status = a["status"] if a else None
        if b_status == a_status:
            continue
        titled = a or b
        assert titled is not None
        change = CategoryChange(
            category=cat, title_th=titled["title_th"], title_en=titled["title_en"],
            before=b_status, after=a_status,
            date_before=b["latest_date"] if b else None,
            date_after=a["latest_date"] if a else None,
        )
        if a_status == "stale":
            diff.newly_stale.append(change)
        elif a_status == "missing" and diff.later_complete:
            diff.newly_missing.append(change)
        elif a_status == "ok" and b_status in FIXABLE:
            diff.fixed.append(change)
        else:
            diff.other.append(change)

    urls_before = _evidence_urls(store, from_run_id)
    urls_after = _evidence_urls(store, to_run_id)
    for cat in order + [c for c in urls_after if c not in order]:
        old, new = urls_before.get(cat, set()), urls_after.get(cat, set())
        added = tuple(sorted(new - old))
        removed = tuple(sorted(old - new)) if diff.later_complete else ()
        if added or removed:
            titled = after.get(cat) or before.get(cat) or {"title_th": cat, "title_en": cat}
            diff.evidence.append(EvidenceChange(cat, titled["title_th"], titled["title_en"],
                                                added, removed))

    broken_before = {b["url"] for b in store.broken(from_run_id)}
    broken_after = {b["url"] for b in store.broken(to_run_id)}
    diff.broken_new = sorted(broken_after - broken_before)
    if diff.later_complete:
        diff.broken_fixed = sorted(broken_before - broken_after)
    return diff
