"""From a site's records to items: what is evidence of each category, what is only claimed.

The steps, for one crawled site:

1. the site template is measured (:mod:`rules.template`) and every page is
   judged on its own view, its own content;
2. the items to judge are gathered: every page and document, the sections of
   pages (a heading and what follows it), people blocks (a name beside an
   executive position), and the link targets that lead nowhere (404, ``#``);
   the start page is judged by its boxes, not as a whole, and an ITA hub page
   is not an item itself (its rows label the links in them);
3. each item is classified (:mod:`rules.classify`); an item of a category is
   *evidence* when it has content of its own, and *claimed only* when it is a
   placeholder (:mod:`rules.placeholders`), a broken or dead link, or one file
   linked as items of several categories that its own text names none of.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace

from rules.classify import CategoryScore, Classification, Classifier, Hit
from rules.evidence_dates import all_dates, usable_dates
from rules.items import PeopleFinder, is_hub, sections
from rules.placeholders import CONTENT, ContentJudge, Substance
from rules.records import DocumentRecord
from rules.ruleset import RuleSet
from rules.template import own_view, site_template
from rules.text import thai_ratio

MAX_CLAIMED = 100   # claimed items kept per category


@dataclass
class Claim:
    """An item that names a category but is not evidence of it."""

    url: str                 # the target; "" for a dead link (href="#")
    kind: str                # page | document | external | broken | dead | part
    label: str               # what names it: link text, title or heading
    found_on: str            # the page where it is named
    why_th: str
    why_en: str
    matched: list[str] = field(default_factory=list)


@dataclass
class Found:
    record: DocumentRecord          # the item as judged (a page's own view, a section …)
    classification: Classification


@dataclass
class Findings:
    evidence: dict[str, list[Found]]
    claimed: dict[str, list[Claim]]
    # pages that could not be fetched and could hold a category's items: the category is
    # unknown, not missing, unless evidence settles it ("*": names no category, could be any)
    unsettled: dict[str, list[Claim]] = field(default_factory=dict)


def _label(record: DocumentRecord) -> str:
    if record.part:
        return record.part[:200]
    return next((lc.label for lc in record.links_in if lc.label), "") or record.title


def _found_on(record: DocumentRecord) -> str:
    if record.part:
        return record.url
    return next((lc.source_url for lc in record.links_in), "")


def _claim(record: DocumentRecord, classification: Classification, category: str,
           why: Substance) -> Claim:
    kind = "part" if record.part else record.kind
    return Claim(url=record.url, kind=kind, label=_label(record), found_on=_found_on(record),
                 why_th=why.why_th, why_en=why.why_en,
                 matched=classification.scores[category].matched
                 if category in classification.scores else [])


def _link_failure(record: DocumentRecord) -> Substance:
    if record.kind == "dead":
        return Substance(False, "ลิงก์ไม่มีปลายทาง (href=\"#\" หรือว่าง)",
                         "the link leads nowhere (href=\"#\" or empty)")
    status = f"HTTP {record.http_status}" if record.http_status else "no answer"
    return Substance(False, f"ลิงก์เสีย: เปิดไม่ได้ ({status})",
                     f"the link is broken: the target could not be fetched ({status})")


def find_items(ruleset: RuleSet, records: list[DocumentRecord], as_of: dt.date,
               classifier: Classifier | None = None) -> Findings:
    classifier = classifier or Classifier(ruleset)
    content = ContentJudge(ruleset.content)
    people = PeopleFinder(ruleset.content)
    template = site_template(records, ruleset.content)
    failed = {r.url for r in records if r.kind == "broken"}

    def dead(url: str) -> bool:
        return not url or url in failed

    people_categories = [
        (cid, cat.id) for cat in ruleset.categories for cid in cat.concepts
        if ruleset.concepts[cid].block == "people"]
    threshold = ruleset.scoring.threshold
    evidence: dict[str, list[Found]] = defaultdict(list)
    claimed: dict[str, list[Claim]] = defaultdict(list)

    def judge(item: DocumentRecord, substance: Substance | None) -> None:
        cache: list[bool] = []

        def dated() -> bool:
            if not cache:
                cache.append(bool(usable_dates(all_dates(item), as_of)))
            return cache[0]

        classification = classifier.classify(item, dated)
        for category in classification.categories:
            verdict = substance
            if verdict is None:
                verdict = _substance(item)
            if verdict.content and _foreign(item) and category not in _own_categories(item):
                verdict = Substance(
                    False, "เอกสารไม่ใช่ภาษาไทยและเนื้อหาไม่ได้เป็นเรื่องของหมวดนี้",
                    "the document is not in Thai and its own text is about something else")
            if verdict.content:
                evidence[category].append(Found(item, classification))
            elif len(claimed[category]) < MAX_CLAIMED:
                claimed[category].append(_claim(item, classification, category, verdict))

    own_cache: dict[str, list[str]] = {}

    def _own_categories(item: DocumentRecord) -> list[str]:
        key = item.content_hash or item.url
        if key not in own_cache:
            own_cache[key] = classifier.classify(replace(item, links_in=[])).categories
        return own_cache[key]

    def _foreign(item: DocumentRecord) -> bool:
        return (item.kind == "document" and item.text_layer == "yes"
                and thai_ratio(item.body_text[:5000]) < ruleset.content.min_thai_share)

    def _substance(item: DocumentRecord) -> Substance:
        if item.kind in ("broken", "dead"):
            return _link_failure(item)
        if item.kind == "document":
            return content.document(item)
        if item.kind == "page":
            return content.page(item, dead)
        return CONTENT

    homes = home_pages(records)
    unsettled: dict[str, list[Claim]] = defaultdict(list)
    for record in records:
        if record.kind == "broken" and record.fetch_error:
            classification = classifier.classify(record)
            why = Substance(False, f"เปิดไม่ได้ ({record.fetch_error})",
                            f"could not be fetched ({record.fetch_error})")
            for category in classification.categories or ["*"]:
                if len(unsettled[category]) < MAX_CLAIMED:
                    unsettled[category].append(_claim(record, classification, category, why))
            continue
        if record.kind != "page":
            judge(record, None)
            continue
        view = own_view(record, template)
        home = record.url in homes
        if home:
            # the home page is its boxes; an ITA box (a list of coded items) among them is
            # a hub like any other: its rows label their links, the box is no item
            for part in sections(view):
                if not is_hub(part):
                    judge(part, None)
        elif not is_hub(view):
            parts = sections(view)
            judge(view, None)
            if len(parts) >= 2:
                for part in parts:
                    judge(part, None)
        if not home:
            continue
        # the director's box on the home page (a side box repeated on every page is
        # still on the home page): a person's name beside the position
        for item in people.records(view, record.blocks):
            for cid, category in people_categories:
                score = CategoryScore(category, threshold, cid,
                                      [Hit(cid, "block", item.part[:80])])
                evidence[category].append(Found(item, Classification(
                    item.url, {category: score}, [category])))
    _claim_shared_files(ruleset, classifier, evidence, claimed)
    return Findings(dict(evidence), dict(claimed), dict(unsettled))


SPLASH_BLOCKS = 12   # a start page with fewer blocks is a splash page ("เข้าสู่เว็บไซต์")


def home_pages(records: list[DocumentRecord]) -> set[str]:
    """The start page, and the pages a splash start page leads to: judged by their boxes."""
    start = next((r for r in records if r.is_start and r.kind == "page"), None)
    if start is None:
        return set()
    homes = {start.url}
    if len(start.blocks) < SPLASH_BLOCKS:
        homes |= {r.url for r in records if r.kind == "page"
                  and any(lc.source_url == start.url for lc in r.links_in)}
    return homes


def _claim_shared_files(ruleset: RuleSet, classifier: Classifier,
                        evidence: dict[str, list[Found]], claimed: dict[str, list[Claim]]) -> None:
    """One file linked as items of several categories is evidence of none its text does not name.

    A hub whose links all lead to the same memo (titled policy, procurement
    report and laws in turn) has published the memo, not three items.
    """
    categories_by_hash: dict[str, set[str]] = defaultdict(set)
    for category, found in evidence.items():
        for f in found:
            if f.record.kind == "document" and f.record.content_hash:
                categories_by_hash[f.record.content_hash].add(category)
    shared = {h: cats for h, cats in categories_by_hash.items() if len(cats) >= 2}
    if not shared:
        return
    own_cache: dict[str, list[str]] = {}
    for category, found in evidence.items():
        keep = []
        for f in found:
            cats = shared.get(f.record.content_hash) if f.record.kind == "document" else None
            if not cats:
                keep.append(f)
                continue
            if f.record.content_hash not in own_cache:
                own = classifier.classify(replace(f.record, links_in=[]))
                own_cache[f.record.content_hash] = own.categories
            if category in own_cache[f.record.content_hash]:
                keep.append(f)
                continue
            names = ", ".join(sorted(cats))
            why = Substance(
                False, f"ไฟล์เดียวกันถูกลิงก์เป็นเอกสารของหลายหมวด ({names}) "
                       "แต่เนื้อหาของไฟล์ไม่ได้เป็นเรื่องของหมวดนี้",
                f"the same file is linked as an item of several categories ({names}); "
                "its own text is about none of them")
            if len(claimed.setdefault(category, [])) < MAX_CLAIMED:
                claimed[category].append(_claim(f.record, f.classification, category, why))
        evidence[category] = keep
