"""The real-site development set: six recorded agency websites and their hand-read labels.

``../shared/realsites`` holds each site as a WARC file and a label file that
says, per seed category 1.1–1.8, whether the site publishes it (``present`` /
``absent`` / ``uncertain``), its evidence and the items that are only named
(``claimed_only``: ``href="#"``, 404s, empty pages, documents that are
something else).  This module replays the sites on 127.0.0.1, audits them with
the seed rule set, and scores the verdicts against the labels:

- a labelled category is *right* when ``present`` got ``ok``/``stale`` and
  ``absent`` got ``missing`` (``unknown`` is never right; ``uncertain``
  categories are not scored);
- *present found* counts present categories judged ``ok``/``stale``;
- *claimed-only cited* counts evidence URLs that the label lists as claimed
  only for the same category.

Used by ``tests/test_realsites.py`` and ``python -m benchmarks.realsites``.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REALSITES = Path(__file__).resolve().parents[2] / "shared" / "realsites"
AS_OF = dt.date(2026, 12, 8)   # the recordings were made on this day
CATEGORIES = ("1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8")
PRESENT_STATUSES = ("ok", "stale")


def available() -> bool:
    return REALSITES.is_dir() and any(REALSITES.glob("*.warc.gz"))


@dataclass
class SiteLabels:
    name: str
    warc: Path
    start_path: str
    status: dict[str, str]                       # category -> present | absent | uncertain
    claimed: dict[str, list[str]]                # category -> path patterns (fnmatch)
    evidence: dict[str, list[str]]               # category -> evidence paths


_PATH = re.compile(r"(?:https?://[^\s,()]+|/[^\s,()]*)")


def _patterns(text: str) -> list[str]:
    """Path patterns named in a label's ``path`` field ("/x.php (404)", "/pdf/*.pdf")."""
    out = []
    for m in _PATH.finditer(text or ""):
        p = m.group(0).rstrip(".")
        if p in ("", "/") and text.strip() != "/":
            continue
        out.append(p.replace("...", "*"))
    return out


def load_labels() -> list[SiteLabels]:
    sites = []
    for path in sorted(REALSITES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        cats = data["categories"]
        sites.append(SiteLabels(
            name=path.stem, warc=REALSITES / data["warc"], start_path=data["start_path"],
            status={c: cats[c]["status"] for c in CATEGORIES},
            claimed={c: [p for item in cats[c].get("claimed_only") or []
                         for p in _patterns(str(item.get("path", "")))] for c in CATEGORIES},
            evidence={c: [str(e["path"]) for e in cats[c].get("evidence") or []]
                      for c in CATEGORIES},
        ))
    return sites


def _local(url: str, origin: str) -> str:
    """The path and query of a URL on the replay, unquoted; external URLs stay whole."""
    if not url.startswith(origin):
        return url
    parts = urllib.parse.urlsplit(url)
    key = urllib.parse.unquote(parts.path or "/")
    return key + ("?" + urllib.parse.unquote(parts.query) if parts.query else "")


def is_claimed(url: str, origin: str, patterns: list[str]) -> bool:
    local = _local(url, origin)
    return any(fnmatch.fnmatchcase(local, p) or local == p for p in patterns)


@dataclass
class SiteScore:
    name: str
    labelled: int = 0
    right: int = 0
    present: int = 0
    present_found: int = 0
    claimed_cited: list[tuple[str, str]] = field(default_factory=list)   # (category, url)
    wrong: list[str] = field(default_factory=list)                       # "1.3 absent→ok"
    statuses: dict[str, str] = field(default_factory=dict)
    run_status: str = ""


def score_site(labels: SiteLabels, origin: str, verdicts: list[dict[str, Any]],
               run_status: str = "") -> SiteScore:
    """Score verdicts (``{"category", "status", "evidence": [{"url"}]}``) against labels."""
    score = SiteScore(labels.name, run_status=run_status)
    by_cat = {v["category"]: v for v in verdicts}
    for cat in CATEGORIES:
        verdict = by_cat.get(cat, {"status": "unknown", "evidence": []})
        status = verdict["status"]
        score.statuses[cat] = status
        label = labels.status[cat]
        for e in verdict.get("evidence", []):
            if is_claimed(e["url"], origin, labels.claimed[cat]):
                score.claimed_cited.append((cat, _local(e["url"], origin)))
        if label == "uncertain":
            continue
        score.labelled += 1
        if label == "present":
            score.present += 1
        right = (status in PRESENT_STATUSES) if label == "present" else status == "missing"
        if right:
            score.right += 1
            score.present_found += label == "present"
        else:
            score.wrong.append(f"{cat} {label}→{status}")
    return score


@contextmanager
def replayed(sites: list[SiteLabels]) -> Iterator[dict[str, str]]:
    """Replay every site on its own port; yields name -> start URL."""
    from tests.warc_replay import serve_warc

    servers = [serve_warc(s.warc) for s in sites]
    try:
        yield {s.name: srv.url.rstrip("/") + s.start_path for s, srv in zip(sites, servers,
                                                                              strict=True)}
    finally:
        for srv in servers:
            srv.close()


def audit_all(as_of: dt.date = AS_OF, ruleset_name: str = "seed") -> list[tuple[SiteLabels, str,
                                                                               Any, Any]]:
    """Replay and audit every site in this process (one Twisted reactor: call once).

    Returns (labels, origin, crawl result, verdicts) per site.
    """
    from crawler.run import CrawlJob, crawl_sites
    from crawler.settings import CrawlLimits
    from ita_audit.audit import crawl_outcome
    from rules.classify import Classifier
    from rules.ruleset import load_ruleset
    from rules.verdicts import judge

    sites = load_labels()
    ruleset = load_ruleset(ruleset_name)
    classifier = Classifier(ruleset)
    limits = CrawlLimits(delay_s=0, autothrottle=False, concurrency=8, timeout_s=300,
                         request_timeout_s=20)
    out = []
    with replayed(sites) as urls:
        from ita_audit.audit import item_terms

        results = crawl_sites([CrawlJob(urls[s.name], limits, item_terms(ruleset))
                               for s in sites])
        for site, result in zip(sites, results, strict=True):
            origin = urls[site.name][: urls[site.name].index("/", 8)]
            verdicts = (judge(ruleset, result.records, as_of, crawl_outcome(result), classifier)
                        if result.status != "failed" else [])
            out.append((site, origin, result, verdicts))
    return out


def verdict_dicts(verdicts: list[Any]) -> list[dict[str, Any]]:
    return [{"category": v.category, "status": v.status,
             "evidence": [{"url": e.url} for e in v.evidence],
             "claimed": [{"url": c.url} for c in getattr(v, "claimed", [])]}
            for v in verdicts]


def table(scores: list[SiteScore]) -> str:
    """The per-site and total figures as a plain-text table."""
    head = (f"{'site':<24} {'right':>9} {'present found':>14} {'claimed cited':>14}  "
            f"{'run':<10} wrong")
    lines = [head, "-" * len(head)]
    for s in scores:
        lines.append(f"{s.name:<24} {s.right:>4}/{s.labelled:<4} {s.present_found:>7}/{s.present:<6}"
                     f" {len(s.claimed_cited):>14}  {s.run_status:<10} {', '.join(s.wrong)}")
    right = sum(s.right for s in scores)
    labelled = sum(s.labelled for s in scores)
    found = sum(s.present_found for s in scores)
    present = sum(s.present for s in scores)
    cited = sum(len(s.claimed_cited) for s in scores)
    lines.append("-" * len(head))
    lines.append(f"{'total':<24} {right:>4}/{labelled:<4} {found:>7}/{present:<6} {cited:>14}"
                 f"  ({100 * right / max(labelled, 1):.0f}% right, "
                 f"{100 * found / max(present, 1):.0f}% of present found)")
    return "\n".join(lines)
