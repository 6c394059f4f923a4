"""Reports from a stored run: versioned JSON, CSV and XLSX with Thai headers and พ.ศ. dates."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from crawler.collect import BrokenLink
from ita_audit.store import Store
from rules.records import DocumentRecord, LinkContext
from tests.conftest import OWN_TEXT, run_cli, store_judged_run

SITE = "https://www.example-esa.go.th/"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "r.db"
    store = Store.open(path)
    records = [
        DocumentRecord(url=SITE + "files/plan.pdf", kind="document", title="แผนปฏิบัติการ",
                       body_text="แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๗", text_layer="yes",
                       links_in=[LinkContext(SITE, anchor_text="ดาวน์โหลด",
                                             row_text="O6 แผนปฏิบัติการประจำปี")]),
        # a menu entry whose page is a placeholder: claimed only
        DocumentRecord(url=SITE + "manual.html", title="คู่มือการปฏิบัติงาน",
                       body_text="คู่มือการปฏิบัติงาน\nอยู่ระหว่างดำเนินการ",
                       links_in=[LinkContext(SITE, anchor_text="คู่มือการปฏิบัติงาน")]),
        DocumentRecord(url=SITE + "news/1", title="ข่าวประชาสัมพันธ์ <script>alert(1)</script>",
                       body_text="๕ พ.ย. ๒๕๖๙ ประชุมคณะครูและบุคลากรทางการศึกษาเพื่อเตรียมความพร้อม"
                                 "ในการจัดการเรียนการสอนภาคเรียนที่ ๒ ณ ห้องประชุมสำนักงาน"),
    ]
    store_judged_run(store, SITE, records, dt.date(2026, 11, 20), "สพป.ทดสอบ",
                     broken=[BrokenLink(SITE + "old.pdf", 404, "HTTP 404", [SITE])],
                     stats={"pages": 1, "documents": 1, "external_links": 0, "broken_links": 1,
                            "errors": 0})
    store.close()
    return path


def test_json_report_follows_schema_1(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = run_cli("report", "--db", str(db), "--format", "json", "--out", str(out))
    assert result.code == 0, result.text
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["schema"] == "ita-audit/report/1"
    assert report["site"] == {"url": SITE, "name": "สพป.ทดสอบ"}
    assert set(report["run"]) >= {"id", "status", "as_of", "ruleset", "started_at", "finished_at"}
    assert report["run"]["as_of"] == "2026-11-20"
    assert set(report["stats"]) == {"pages", "documents", "external_links", "broken_links",
                                    "errors"}
    ids = [c["id"] for c in report["categories"]]
    assert ids == [f"1.{i}" for i in range(1, 10)]
    plan = next(c for c in report["categories"] if c["id"] == "1.3")
    assert plan["status"] == "stale"
    assert set(plan) >= {"title_th", "title_en", "latest_date", "reason_th", "reason_en",
                         "evidence"}
    ev = plan["evidence"][0]
    assert ev["url"] == SITE + "files/plan.pdf"  # absolute
    assert set(ev) >= {"url", "kind", "title", "link_text", "date", "date_source", "matched",
                       "score"}
    assert report["broken_links"] == [{"url": SITE + "old.pdf", "status": 404,
                                       "error": "HTTP 404", "found_on": [SITE]}]


def test_csv_has_thai_headers_and_buddhist_era_dates(db: Path) -> None:
    result = run_cli("report", "--db", str(db), "--format", "csv")
    assert result.code == 0, result.text
    rows = list(csv.reader(io.StringIO(result.out)))
    assert rows[0][0].startswith("หมวด")
    plan = next(r for r in rows if r[0] == "1.3")
    assert "2567" in plan[3]  # 30 ก.ย. 2567, not 2024
    assert "2024" not in plan[3]


def test_xlsx_report(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    result = run_cli("report", "--db", str(db), "--format", "xlsx", "--out", str(out))
    assert result.code == 0, result.text
    wb = load_workbook(out)
    assert wb.sheetnames == ["สรุปผล", "ลิงก์เสีย", "อ้างถึงแต่ไม่มีเนื้อหา"]
    claimed = [[c.value for c in row] for row in wb["อ้างถึงแต่ไม่มีเนื้อหา"].iter_rows()]
    assert claimed[1][:3] == ["1.6", "คู่มือการปฏิบัติงาน", SITE + "manual.html"]
    assert "อยู่ระหว่างดำเนินการ" in claimed[1][4]
    values = [c.value for row in wb["สรุปผล"].iter_rows() for c in row if c.value]
    assert "ชุดเกณฑ์" in values and "20 พฤศจิกายน 2569" in values
    assert any(isinstance(v, str) and "ก.ย. 2567" in v for v in values)
    assert wb["ลิงก์เสีย"]["A2"].value == SITE + "old.pdf"


def test_crawled_text_is_kept_as_text(db: Path) -> None:
    result = run_cli("report", "--db", str(db), "--format", "json")
    report = json.loads(result.out)
    news = next(c for c in report["categories"] if c["id"] == "1.8")
    assert news["evidence"][0]["title"] == "ข่าวประชาสัมพันธ์ <script>alert(1)</script>"


def test_claimed_only_items_are_reported_apart_from_evidence(db: Path) -> None:
    result = run_cli("report", "--db", str(db), "--format", "json")
    report = json.loads(result.out)
    manuals = next(c for c in report["categories"] if c["id"] == "1.6")
    assert manuals["status"] == "missing" and manuals["evidence"] == []
    assert "claimed_only" in manuals["flags"]
    assert manuals["claimed"] == [{
        "url": SITE + "manual.html", "kind": "page", "label": "คู่มือการปฏิบัติงาน",
        "found_on": SITE, "why_th": "มีเพียงข้อความ “อยู่ระหว่างดำเนินการ” ยังไม่มีเนื้อหา",
        "why_en": "it only says “อยู่ระหว่างดำเนินการ”; no content yet"}]
    assert "อยู่ระหว่างดำเนินการ" in manuals["reason_th"]


def test_xlsx_needs_an_output_file(db: Path) -> None:
    result = run_cli("report", "--db", str(db), "--format", "xlsx")
    assert result.code == 2 and "needs --out" in result.err


def test_crawled_formulas_never_run_in_spreadsheets(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    store = Store.open(db)
    evil = '=HYPERLINK("http://evil.example/","คลิก")'
    record = DocumentRecord(url=SITE + "x", title=evil, body_text=OWN_TEXT, links_in=[LinkContext(
        SITE, anchor_text="ข่าวประชาสัมพันธ์ 1 พ.ย. 2569")])
    run_id = store_judged_run(store, SITE, [record], dt.date(2026, 11, 20))
    from ita_audit.report import build_report, csv_text, xlsx_bytes

    report = build_report(store, run_id)
    news = next(c for c in report["categories"] if c["id"] == "1.8")
    news["evidence"][0]["matched"] = [evil]  # crawled text reaches a report column
    cells = [c for row in csv.reader(io.StringIO(csv_text(report))) for c in row]
    assert "'" + evil in cells
    assert not [c for c in cells if c.startswith("=")]
    out = tmp_path / "f.xlsx"
    out.write_bytes(xlsx_bytes(report))
    cells = [c for row in load_workbook(out)["สรุปผล"].iter_rows() for c in row]
    assert not [c for c in cells if c.data_type == "f"]
    import pandas as pd

    from dashboard.exporting import csv_bytes
    from dashboard.exporting import xlsx_bytes as frame_xlsx

    frame = pd.DataFrame({"title": [evil]})
    parsed = list(csv.reader(io.StringIO(csv_bytes(frame).decode("utf-8-sig"))))
    assert parsed[1] == ["'" + evil]
    out.write_bytes(frame_xlsx(frame))
    assert load_workbook(out).active["A2"].data_type == "s"
