"""Verdict logic: freshness policies, undated evidence, unknown vs missing, category 1.9."""

from __future__ import annotations

import datetime as dt

import pytest

from rules.records import DatedValue, DocumentRecord, LinkContext
from rules.ruleset import load_ruleset
from rules.verdicts import CrawlOutcome, judge
from tests.conftest import OWN_TEXT

AS_OF = dt.date(2026, 11, 20)
HOME = "https://www.example-esa.go.th/"




def linked(url: str, label: str, row: str = "", **kwargs) -> DocumentRecord:  # type: ignore[no-untyped-def]
    kwargs["body_text"] = (kwargs.get("body_text", "") + "\n" + OWN_TEXT).strip()
    return DocumentRecord(url=url, links_in=[LinkContext(HOME, anchor_text=label, row_text=row)],
                          **kwargs)


def by_id(verdicts):  # type: ignore[no-untyped-def]
    return {v.category: v for v in verdicts}


@pytest.fixture(scope="module")
def seed():  # type: ignore[no-untyped-def]
    return load_ruleset("seed")


def test_seed_max_age_ok_stale_and_missing(seed) -> None:  # type: ignore[no-untyped-def]
    records = [
        linked(HOME + "plan.pdf", "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๗"),   # FY2567: ended 2024-09-30
        linked(HOME + "news/1", "ข่าวประชาสัมพันธ์", body_text="ข่าว 5 พ.ย. 2569 ประชุมครู"),
    ]
    v = by_id(judge(seed, records, AS_OF, CrawlOutcome(pages=2)))
    assert v["1.3"].status == "stale"
    assert v["1.3"].latest_date == dt.date(2024, 9, 30)
    assert "365" in v["1.3"].reason_th and "2567" in v["1.3"].reason_th
    assert v["1.8"].status == "ok"
    assert v["1.8"].latest_date == dt.date(2026, 11, 5)
    assert v["1.6"].status == "missing"
    assert v["1.6"].evidence == []


def test_newest_dated_evidence_decides_and_future_dates_are_ignored(seed) -> None:  # type: ignore[no-untyped-def]
    records = [
        linked(HOME + "a.pdf", "คู่มือการปฏิบัติงาน กลุ่มการเงิน",
               body_text="ประกาศ ณ วันที่ 1 มีนาคม 2562 ใช้ถึง 30 กันยายน 2575"),
        linked(HOME + "b.pdf", "คู่มือการปฏิบัติงาน งานสารบรรณ", body_text="ฉบับ 10 ม.ค. 2569"),
    ]
    v = by_id(judge(seed, records, AS_OF))["1.6"]
    assert v.status == "ok"
    assert v.latest_date == dt.date(2026, 1, 10)
    assert [e.url for e in v.evidence][0].endswith("b.pdf")


def test_undated_evidence_is_ok_but_flagged(seed) -> None:  # type: ignore[no-untyped-def]
    v = by_id(judge(seed, [linked(HOME + "org", "โครงสร้างองค์กร")], AS_OF))["1.1"]
    assert v.status == "ok"
    assert "undated" in v.flags
    assert v.latest_date is None


def test_last_modified_counts_for_documents_only(seed) -> None:  # type: ignore[no-untyped-def]
    old = dt.date(2020, 1, 1)
    doc = linked(HOME + "m.pdf", "คู่มือการปฏิบัติงาน", kind="document", last_modified=old)
    page = linked(HOME + "m.html", "คู่มือการปฏิบัติงาน", kind="page",
                  last_modified=dt.date(2026, 11, 19))
    v_doc = by_id(judge(seed, [doc], AS_OF))["1.6"]
    assert v_doc.status == "stale" and v_doc.date_source == "last_modified"
    v_page = by_id(judge(seed, [page], AS_OF))["1.6"]
    assert "undated" in v_page.flags  # a CMS page's Last-Modified says nothing


def test_machine_dates_only_when_the_text_has_none(seed) -> None:  # type: ignore[no-untyped-def]
    meta = DatedValue(dt.date(2026, 10, 1), dt.date(2026, 10, 1), "meta", "2026-10-01")
    with_text = linked(HOME + "x", "ข่าวประชาสัมพันธ์",
                       body_text="ประกาศ 3 มกราคม 2563", dates=[meta])
    v = by_id(judge(seed, [with_text], AS_OF))["1.8"]
    assert v.date_source in ("lead", "text") and v.status == "stale"
    only_meta = linked(HOME + "y", "ข่าวประชาสัมพันธ์", dates=[meta])
    v = by_id(judge(seed, [only_meta], AS_OF))["1.8"]
    assert v.date_source == "meta" and v.status == "ok"


def test_incomplete_crawl_gives_unknown_not_missing(seed) -> None:  # type: ignore[no-untyped-def]
    crawl = CrawlOutcome(complete=False, reason="page limit 10 reached")
    v = by_id(judge(seed, [linked(HOME + "n", "ข่าวประชาสัมพันธ์ 1 พ.ย. 2569")], AS_OF, crawl))
    assert v["1.8"].status == "ok"
    assert v["1.5"].status == "unknown"
    assert "page limit" in v["1.5"].reason_en
    assert v["1.9"].status == "unknown"


def test_quality_category_counts_stale_broken_and_scans(seed) -> None:  # type: ignore[no-untyped-def]
    fresh = [linked(HOME + "n", "ข่าวประชาสัมพันธ์ 1 พ.ย. 2569")]
    assert by_id(judge(seed, fresh, AS_OF))["1.9"].status == "ok"
    v = by_id(judge(seed, fresh, AS_OF, CrawlOutcome(broken_links=2, no_text_layer=1)))["1.9"]
    assert v.status == "stale"
    assert "2" in v.reason_th and "broken" in v.reason_en
    stale = fresh + [linked(HOME + "p", "แผนปฏิบัติการประจำปี 2560")]
    v = by_id(judge(seed, stale, AS_OF))["1.9"]
    assert v.status == "stale" and "1.3" in v.reason_en


def oit(year: int):  # type: ignore[no-untyped-def]
    return load_ruleset(f"oit-{year}")


def item_for(ruleset, concept: str, policy: str):  # type: ignore[no-untyped-def]
    for cat in ruleset.categories:
        if cat.freshness.policy == policy and concept in cat.concepts:
            return cat
    pytest.fail(f"no {policy} item with concept {concept} in {ruleset.id}")


def test_oit_fiscal_year_policy() -> None:
    rs = oit(2569)
    cat = item_for(rs, "anti_corruption", "fiscal_year")
    ok = linked(HOME + "a", "แผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ พ.ศ. 2569")
    old = linked(HOME + "b", "แผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ พ.ศ. 2567")
    assert by_id(judge(rs, [ok], AS_OF))[cat.id].status == "ok"
    v = by_id(judge(rs, [old], AS_OF))[cat.id]
    assert v.status == "stale" and "2569" in v.reason_th


def test_oit_previous_fiscal_year_policy() -> None:
    rs = oit(2569)
    cat = item_for(rs, "anti_corruption", "previous_fiscal_year")
    covers = linked(HOME + "r", "รายงานผลการดำเนินการป้องกันการทุจริต ปีงบประมาณ 2568")
    too_old = linked(HOME + "s", "รายงานผลการดำเนินการป้องกันการทุจริต ปีงบประมาณ 2566")
    assert by_id(judge(rs, [covers], AS_OF))[cat.id].status == "ok"
    assert by_id(judge(rs, [too_old], AS_OF))[cat.id].status == "stale"


def test_oit_monthly_policy_lists_missing_months() -> None:
    rs = oit(2569)
    cat = item_for(rs, "procurement", "monthly")
    months = ["ตุลาคม 2568", "พฤศจิกายน 2568", "ธันวาคม 2568"]
    records = [linked(HOME + f"skr{i}.pdf", f"สขร.1 ประจำเดือน {m}") for i, m in enumerate(months)]
    # as of 15 Jan 2569 (2026-01-15) with 30 days' grace: Oct and Nov are due, both present
    assert by_id(judge(rs, records, dt.date(2026, 1, 15)))[cat.id].status == "ok"
    # as of 20 Nov 2026 every month of FY2569 is due: nine are missing
    v = by_id(judge(rs, records, AS_OF))[cat.id]
    assert v.status == "stale"
    assert "9" in v.reason_th and "ม.ค. 2569" in v.reason_th


def test_oit_items_sharing_a_concept_are_told_apart_by_their_label() -> None:
    rs = oit(2569)
    plan = item_for(rs, "anti_corruption", "fiscal_year")
    report = item_for(rs, "anti_corruption", "previous_fiscal_year")
    records = [linked(HOME + "plan", "แผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ พ.ศ. 2569")]
    v = by_id(judge(rs, records, AS_OF))
    assert v[plan.id].status == "ok"
    assert v[report.id].status == "missing"  # a plan is not the report on the plan
    records.append(linked(HOME + "rep", "รายงานผลการดำเนินการป้องกันการทุจริต ประจำปี 2568"))
    v = by_id(judge(rs, records, AS_OF))
    assert [e.url for e in v[report.id].evidence] == [HOME + "rep"]
    assert [e.url for e in v[plan.id].evidence] == [HOME + "plan"]


def test_years_of_cited_laws_do_not_date_the_evidence(seed) -> None:  # type: ignore[no-untyped-def]
    page = linked(HOME + "authority", "อำนาจหน้าที่",
                  body_text="อาศัยอำนาจตามพระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. 2542 และ"
                            "พ.ร.บ.ระเบียบบริหารราชการกระทรวงศึกษาธิการ พ.ศ. 2546")
    v = by_id(judge(seed, [page], AS_OF))["1.1"]
    assert v.status == "ok" and "undated" in v.flags  # not 'stale' because of 2546
    dated = linked(HOME + "plan", "แผนปฏิบัติการประจำปี พ.ศ. 2567")
    assert by_id(judge(seed, [dated], AS_OF))["1.3"].status == "stale"  # a plain year still counts
