"""Verdicts: one status per category of a rule set, with evidence and a reason.

``ok``       evidence found, and its dates satisfy the category's freshness policy
``stale``    evidence found, but none recent enough (or monthly items are missing)
``missing``  no evidence anywhere on a completely crawled site
``unknown``  no evidence, but the crawl was incomplete (blocked, failed, cut
             short by a limit), so absence cannot be claimed

Evidence without any usable date: when a category has dated evidence, the
dated evidence decides; when *all* its evidence is undated the category is
``ok`` with the flag ``undated`` (presence is proven, currency is not), and
the reason says so.  Category 1.9 (the rule set's ``quality`` rule) is
computed from the others: stale categories, broken links and documents
without a text layer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from rules.classify import Classification, Classifier
from rules.dates import fiscal_year_range, format_thai_date, thai_strftime
from rules.evidence_dates import all_dates, effective_end, newest, usable_dates
from rules.findings import Claim, find_items
from rules.records import DocumentRecord
from rules.ruleset import Category, RuleSet

STATUSES = ("ok", "stale", "missing", "unknown")
MAX_EVIDENCE = 200  # evidence kept per category (newest first)

SOURCE_TH = {
    "title": "ชื่อเรื่อง", "link": "ข้อความลิงก์", "lead": "ส่วนต้นของเอกสาร", "text": "เนื้อหา",
    "meta": "เมทาดาทาของหน้าเว็บ", "document_meta": "คุณสมบัติของไฟล์", "url": "ที่อยู่ URL",
    "sitemap": "แผนผังเว็บไซต์ (sitemap)", "last_modified": "วันที่แก้ไขไฟล์จากเซิร์ฟเวอร์",
}


@dataclass
class Evidence:
    url: str
    kind: str
    title: str
    link_text: str
    date: dt.date | None
    date_source: str | None
    date_text: str
    matched: list[str]
    score: float
    concept: str
    period: tuple[dt.date, dt.date] | None = None
    part: str = ""          # an item inside the page: the section heading or box text


@dataclass
class Verdict:
    category: str
    title_th: str
    title_en: str
    status: str
    latest_date: dt.date | None
    date_source: str | None
    reason_th: str
    reason_en: str
    evidence: list[Evidence] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    # items that name the category but hold nothing: placeholders, broken and dead links
    claimed: list[Claim] = field(default_factory=list)


@dataclass
class CrawlOutcome:
    """What the crawl could see; decides between ``missing`` and ``unknown``."""

    complete: bool = True
    reason: str = ""
    pages: int = 0
    documents: int = 0
    broken_links: int = 0
    no_text_layer: int = 0


def build_evidence(
    record: DocumentRecord, classification: Classification, category: str,
    ruleset: RuleSet, as_of: dt.date, record_dates: list | None = None,
) -> Evidence:
    score = classification.scores[category]
    concept = ruleset.concepts[score.concept]
    dates = record_dates if record_dates is not None else all_dates(record)
    dates = usable_dates(dates, as_of, period_counts=concept.period_counts)
    best = newest(dates, as_of)
    link_text = next((lc.label for lc in record.links_in if lc.label), "")
    matched = score.matched
    if record.part:
        matched = [f"block:{record.part[:160]}", *matched]
    return Evidence(
        url=record.url, kind=record.kind, title=record.title, link_text=link_text,
        date=effective_end(best, as_of) if best else None,
        date_source=best.source if best else None, date_text=best.text if best else "",
        matched=matched, score=round(score.score, 2), concept=score.concept,
        period=(best.start, best.end) if best else None, part=record.part,
    )


def judge(
    ruleset: RuleSet, records: list[DocumentRecord], as_of: dt.date,
    crawl: CrawlOutcome | None = None, classifier: Classifier | None = None,
) -> list[Verdict]:
    """Classify ``records`` and return one verdict per category (quality last)."""
    crawl = crawl or CrawlOutcome()
    classifier = classifier or Classifier(ruleset)
    findings = find_items(ruleset, records, as_of, classifier)
    by_category: dict[str, list[Evidence]] = {c.id: [] for c in ruleset.categories}
    dates_cache: dict[int, list] = {}
    for cat_id, found in findings.evidence.items():
        seen: dict[str, int] = {}
        for f in found:
            key = f"{f.record.url}#{f.record.part}"
            if key in seen or cat_id not in by_category:
                continue
            if id(f.record) not in dates_cache:
                dates_cache[id(f.record)] = all_dates(f.record)
            seen[key] = len(by_category[cat_id])
            by_category[cat_id].append(build_evidence(
                f.record, f.classification, cat_id, ruleset, as_of, dates_cache[id(f.record)]))
    verdicts = [
        judge_category(ruleset, cat, by_category[cat.id], as_of, crawl,
                       findings.claimed.get(cat.id, []),
                       findings.unsettled.get(cat.id, []) + findings.unsettled.get("*", []))
        for cat in ruleset.categories
    ]
    if ruleset.quality:
        verdicts.append(judge_quality(ruleset, verdicts, crawl))
    return verdicts


def _order(evidence: list[Evidence]) -> list[Evidence]:
    return sorted(
        evidence, key=lambda e: (e.date is not None, e.date or dt.date.min, e.score), reverse=True
    )


def _claimed_note(claimed: list[Claim]) -> tuple[str, str]:
    if not claimed:
        return "", ""
    first = claimed[0]
    label = first.label[:60]
    return (f"; มีเพียงรายการที่อ้างถึงแต่ไม่มีเนื้อหา {len(claimed)} รายการ "
            f"(เช่น “{label}”: {first.why_th})",
            f"; {len(claimed)} item(s) only claimed, without content "
            f"(e.g. “{label}”: {first.why_en})")


def judge_category(
    ruleset: RuleSet, cat: Category, evidence: list[Evidence], as_of: dt.date,
    crawl: CrawlOutcome, claimed: list[Claim] | None = None,
    unsettled: list[Claim] | None = None,
) -> Verdict:
    evidence = _order(evidence)
    claimed = claimed or []
    flags = [] if cat.confirmed else ["unconfirmed"]
    base: dict[str, Any] = dict(category=cat.id, title_th=cat.title_th, title_en=cat.title_en,
                                evidence=evidence[:MAX_EVIDENCE], flags=flags, claimed=claimed)
    if not evidence:
        note_th, note_en = _claimed_note(claimed)
        if claimed:
            flags.append("claimed_only")
        if unsettled:
            # a page that could hold this category's items could not be fetched
            shown = ", ".join(f"{u.url} ({u.why_en.removeprefix('could not be fetched (')[:-1]})"
                              for u in unsettled[:3])
            more = f" และอีก {len(unsettled) - 3} หน้า" if len(unsettled) > 3 else ""
            more_en = f" and {len(unsettled) - 3} more" if len(unsettled) > 3 else ""
            flags.append("fetch_failed")
            return Verdict(
                status="unknown", latest_date=None, date_source=None,
                reason_th=f"ไม่พบข้อมูล แต่เปิดหน้าที่อาจมีข้อมูลหมวดนี้ไม่ได้: {shown}{more} "
                          f"จึงยังสรุปไม่ได้{note_th}",
                reason_en=f"Not found, but pages that could hold it could not be fetched: "
                          f"{shown}{more_en}; absence cannot be claimed{note_en}.",
                **base,
            )
        if not crawl.complete:
            return Verdict(
                status="unknown", latest_date=None, date_source=None,
                reason_th=f"ไม่พบข้อมูล แต่การเก็บข้อมูลไม่สมบูรณ์ ({crawl.reason}) "
                          f"จึงยังสรุปไม่ได้{note_th}",
                reason_en=f"Not found, but the crawl was incomplete ({crawl.reason}); "
                          f"absence cannot be claimed{note_en}.",
                **base,
            )
        return Verdict(
            status="missing", latest_date=None, date_source=None,
            reason_th=f"ไม่พบข้อมูลหมวดนี้ในเว็บไซต์ (ตรวจ {crawl.pages} หน้า "
                      f"{crawl.documents} เอกสาร){note_th}",
            reason_en=f"No evidence found on the website ({crawl.pages} pages, "
                      f"{crawl.documents} documents checked){note_en}.",
            **base,
        )
    dated = [e for e in evidence if e.date is not None]
    if not dated:
        flags.append("undated")
        return Verdict(
            status="ok", latest_date=None, date_source=None,
            reason_th=f"พบข้อมูล {len(evidence)} รายการ แต่ไม่พบวันที่ที่ระบุได้ "
                      "จึงตรวจความเป็นปัจจุบันไม่ได้",
            reason_en=f"Found {len(evidence)} item(s), none dated; currency could not be checked.",
            **base,
        )
    latest = max(dated, key=lambda e: e.date or dt.date.min)
    ok, why_th, why_en = check_policy(ruleset, cat, dated, as_of)
    status = "ok" if ok else "stale"
    source_th = SOURCE_TH.get(latest.date_source or "", "")
    if latest.period and latest.period[0] != latest.period[1] and latest.date_text:
        # a month, year or fiscal year: say what the text says, not a made-up day
        when_th = f"{latest.date_text} (จาก{source_th})"
        when_en = f"{latest.date_text!r} (period {latest.period[0].isoformat()} to " \
                  f"{latest.period[1].isoformat()}, from {latest.date_source})"
    else:
        day = latest.date or as_of   # dated evidence always has a date
        when_th = f"{format_thai_date(day)} (จาก{source_th})"
        when_en = f"{day.isoformat()} (from {latest.date_source})"
    if ok:
        reason_th = f"พบข้อมูล {len(evidence)} รายการ ล่าสุดลงวันที่ {when_th}"
        reason_en = f"Found {len(evidence)} item(s); newest dated {when_en}."
    else:
        reason_th = f"ข้อมูลไม่เป็นปัจจุบัน: ล่าสุดลงวันที่ {when_th}; {why_th}"
        reason_en = f"Out of date: newest dated {when_en}; {why_en}"
    return Verdict(
        status=status, latest_date=latest.date, date_source=latest.date_source,
        reason_th=reason_th, reason_en=reason_en, **base,
    )


def _periods(evidence: list[Evidence]) -> list[tuple[dt.date, dt.date]]:
    return [e.period for e in evidence if e.period]


def _intersects(period: tuple[dt.date, dt.date], start: dt.date, end: dt.date) -> bool:
    return period[0] <= end and period[1] >= start


def check_policy(
    ruleset: RuleSet, cat: Category, dated: list[Evidence], as_of: dt.date
) -> tuple[bool, str, str]:
    """Whether dated evidence satisfies the freshness policy, and why not (Thai, English)."""
    policy = cat.freshness
    periods = _periods(dated)
    if policy.policy == "none":
        return True, "", ""
    if policy.policy == "max_age":
        floor = as_of - dt.timedelta(days=policy.days)
        ok = any(min(p[1], as_of) >= floor for p in periods)
        return (ok, f"เกิน {policy.days} วันก่อนวันที่ตรวจ ({format_thai_date(as_of)})",
                f"older than {policy.days} days before the as-of date {as_of.isoformat()}.")
    fy = ruleset.fiscal_year
    assert fy is not None  # validated on load
    fy_start, fy_end = fiscal_year_range(fy)
    if policy.policy == "fiscal_year":
        ok = any(_intersects(p, fy_start, fy_end) for p in periods)
        return (ok, f"ไม่พบข้อมูลของปีงบประมาณ พ.ศ. {fy}",
                f"nothing dated within fiscal year {fy} BE.")
    if policy.policy == "previous_fiscal_year":
        prev_start, _ = fiscal_year_range(fy - 1)
        ok = any(p[1] >= prev_start for p in periods)
        return (ok, f"ไม่พบข้อมูลที่ครอบคลุมปีงบประมาณ พ.ศ. {fy - 1}",
                f"nothing covering fiscal year {fy - 1} BE.")
    if policy.policy == "semiannual":
        due = dt.date(fy_start.year + 1, 3, 31) + dt.timedelta(days=policy.grace_days)
        start = fy_start if as_of > due else fiscal_year_range(fy - 1)[0]
        ok = any(p[1] >= start for p in periods)
        return (ok, f"ไม่พบรายงานรอบ 6 เดือนของปีงบประมาณ พ.ศ. {fy}",
                f"no six-month report for fiscal year {fy} BE.")
    # monthly
    due_months = _due_months(fy_start, fy_end, as_of, policy.grace_days)
    covered = _covered_months(periods, fy_start, fy_end)
    missing = [m for m in due_months if m not in covered]
    if not due_months:
        return bool(periods), "", ""
    if not missing:
        return True, "", ""
    names_th = ", ".join(thai_strftime(dt.datetime(m.year, m.month, 1), "%b %Y")
                         for m in missing[:12])
    names_en = ", ".join(m.strftime("%Y-%m") for m in missing[:12])
    return (False, f"ขาดข้อมูลรายเดือน {len(missing)} เดือน: {names_th}",
            f"{len(missing)} monthly item(s) missing: {names_en}.")


def _month_starts(start: dt.date, end: dt.date) -> list[dt.date]:
    months = []
    current = dt.date(start.year, start.month, 1)
    while current <= end:
        months.append(current)
        current = dt.date(current.year + (current.month == 12), current.month % 12 + 1, 1)
    return months


def _due_months(fy_start: dt.date, fy_end: dt.date, as_of: dt.date, grace: int) -> list[dt.date]:
    due = []
    for m in _month_starts(fy_start, fy_end):
        month_end = _month_starts(m, m + dt.timedelta(days=32))[-1] - dt.timedelta(days=1)
        if month_end + dt.timedelta(days=grace) <= as_of:
            due.append(m)
    return due


def _covered_months(
    periods: list[tuple[dt.date, dt.date]], fy_start: dt.date, fy_end: dt.date
) -> set[dt.date]:
    covered: set[dt.date] = set()
    for start, end in periods:
        if (end - start).days > 100:  # a whole year says nothing about single months
            continue
        for m in _month_starts(max(start, fy_start), min(end, fy_end)):
            covered.add(m)
    return covered


def judge_quality(ruleset: RuleSet, verdicts: list[Verdict], crawl: CrawlOutcome) -> Verdict:
    rule = ruleset.quality
    assert rule is not None
    stale = [v.category for v in verdicts if v.status == "stale"]
    problems_th, problems_en = [], []
    if len(stale) > rule.max_stale:
        problems_th.append(f"หมวดที่ไม่เป็นปัจจุบัน {len(stale)} หมวด ({', '.join(stale)})")
        problems_en.append(f"{len(stale)} stale categor{'y' if len(stale) == 1 else 'ies'} "
                           f"({', '.join(stale)})")
    if crawl.broken_links > rule.max_broken_links:
        problems_th.append(f"ลิงก์เสีย {crawl.broken_links} ลิงก์")
        problems_en.append(f"{crawl.broken_links} broken link(s)")
    if crawl.no_text_layer > rule.max_no_text_layer:
        problems_th.append(f"เอกสารสแกนที่ไม่มีข้อความ {crawl.no_text_layer} ไฟล์")
        problems_en.append(f"{crawl.no_text_layer} scanned document(s) without a text layer")
    base: dict[str, Any] = dict(category=rule.id, title_th=rule.title_th,
                                title_en=rule.title_en, latest_date=None, date_source=None)
    if problems_th:  # problems already proven stand, complete crawl or not
        return Verdict(status="stale", reason_th="; ".join(problems_th),
                       reason_en="; ".join(problems_en) + ".", **base)
    if not crawl.complete:
        return Verdict(status="unknown",
                       reason_th=f"การเก็บข้อมูลไม่สมบูรณ์ ({crawl.reason})",
                       reason_en=f"The crawl was incomplete ({crawl.reason}).", **base)
    return Verdict(status="ok", reason_th="ไม่พบหมวดที่ล้าสมัย ลิงก์เสีย หรือเอกสารที่ไม่มีข้อความ",
                   reason_en="No stale category, broken link or document without text.", **base)

