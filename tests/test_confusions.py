"""The known confusions named in the design, each in several wordings.

They must be resolved by the rule set's data (spans, exclusions, decoys,
weak words, the body cap), so each is checked with wordings of different
offices, not one fixture's text.
"""

from __future__ import annotations

import pytest

from rules.classify import Classifier
from rules.records import DocumentRecord, LinkContext
from rules.ruleset import load_ruleset

HOME = "https://www.example-office.go.th/"


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier(load_ruleset("seed"))


def categories(classifier: Classifier, label: str = "", row: str = "", title: str = "",
               body: str = "") -> list[str]:
    links = [LinkContext(HOME, anchor_text=label, row_text=row)] if label or row else []
    record = DocumentRecord(url=HOME + "item", title=title, body_text=body, links_in=links)
    return classifier.classify(record).categories


@pytest.mark.parametrize("label", [
    "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๗๐",
    "แผนปฏิบัติการป้องกันและปราบปรามการทุจริตและประพฤติมิชอบ ปี 2569",
    "แผนปฏิบัติการ ป้องกันการทุจริต สพม.",
])
def test_anti_corruption_action_plan_is_1_4_not_1_3(classifier: Classifier, label: str) -> None:
    assert categories(classifier, label) == ["1.4"]


@pytest.mark.parametrize("label", ["ข่าวจัดซื้อจัดจ้าง", "ข่าว จัดซื้อ-จัดจ้าง ประจำเดือน",
                                   "ข่าวประกวดราคาจ้างก่อสร้างอาคารเรียน"])
def test_procurement_news_is_1_5_not_1_8(classifier: Classifier, label: str) -> None:
    assert categories(classifier, label) == ["1.5"]


@pytest.mark.parametrize(("title", "body"), [
    ("โรงเรียนในสังกัดรับมอบครุภัณฑ์คอมพิวเตอร์", "x" * 420 +
     " ครุภัณฑ์ที่ได้จากการจัดซื้อจัดจ้างด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ e-bidding เมื่อเดือนที่แล้ว"),
    ("ประชุมคณะกรรมการเขตพื้นที่การศึกษา ครั้งที่ 9", "ก" * 420 + " วาระที่ 3 รายงานการจัดซื้อ"),
])
def test_news_mentioning_procurement_in_passing_is_not_1_5(
    classifier: Classifier, title: str, body: str
) -> None:
    assert "1.5" not in categories(classifier, "อ่านต่อ", "ข่าวประชาสัมพันธ์", title, body)


@pytest.mark.parametrize("label", ["สารจากผู้อำนวยการ", "สาส์นจาก ผอ.สพป.", "สารจากผู้บริหาร"])
def test_director_message_is_not_1_1(classifier: Classifier, label: str) -> None:
    assert "1.1" not in categories(classifier, label)


@pytest.mark.parametrize("label", ["สถิติการเข้าชม", "สถิติผู้เข้าชมเว็บไซต์", "ผู้เข้าชมวันนี้ 125"])
def test_visitor_counter_is_not_service_statistics(classifier: Classifier, label: str) -> None:
    assert categories(classifier, label) == []


@pytest.mark.parametrize(("label", "row"), [
    ("ประกาศรับสมัครครูอัตราจ้าง วิชาเอกภาษาอังกฤษ", "ข่าวประชาสัมพันธ์"),
    ("รับสมัครบุคคลเพื่อสรรหาเป็นลูกจ้างชั่วคราว", ""),
    ("ประกาศรายชื่อผู้มีสิทธิ์สอบแข่งขัน", "ข่าวสาร"),
])
def test_job_posting_is_not_1_8(classifier: Classifier, label: str, row: str) -> None:
    assert "1.8" not in categories(classifier, label, row)


def test_service_statistics_and_complaint_statistics_differ(classifier: Classifier) -> None:
    assert categories(classifier, "สถิติการให้บริการ ปีงบประมาณ 2569") == ["1.7"]
    assert categories(classifier, "สถิติเรื่องร้องเรียนการทุจริต ปีงบประมาณ 2569") == ["1.4"]
