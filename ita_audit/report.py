"""Reports of a stored run: JSON (versioned, see docs/report-json.md), CSV and XLSX.

The JSON report is the contract with other tools (``"schema":
"ita-audit/report/1"``); CSV and XLSX are for people: Thai headers and dates
in พ.ศ., the way an office would file them.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from ita_audit.labels import printable, run_status_label, status_label, thai_date
from ita_audit.spreadsheet import mark_text_cells, safe_text
from ita_audit.store import Store

REPORT_SCHEMA = "ita-audit/report/1"


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def build_report(store: Store, run_id: int) -> dict[str, Any]:
    run = store.run(run_id)
    if run is None:
        raise KeyError(run_id)
    evidence_by_cat: dict[str, list[dict[str, Any]]] = {}
    for e in store.evidence(run_id):
        evidence_by_cat.setdefault(e["category"], []).append({
            "url": e["url"], "kind": e["kind"], "title": e["title"], "link_text": e["link_text"],
            "date": _iso(e["date"]), "date_source": e["date_source"], "matched": e["matched"],
            "score": e["score"],
        })
    claimed_by_cat: dict[str, list[dict[str, Any]]] = {}
    for c in store.claimed(run_id):
        claimed_by_cat.setdefault(c["category"], []).append({
            "url": c["url"], "kind": c["kind"], "label": c["label"], "found_on": c["found_on"],
            "why_th": c["why_th"], "why_en": c["why_en"],
        })
    categories = [{
        "id": v["category"], "title_th": v["title_th"], "title_en": v["title_en"],
        "status": v["status"], "latest_date": _iso(v["latest_date"]),
        "date_source": v["date_source"], "reason_th": v["reason_th"],
        "reason_en": v["reason_en"], "flags": v["flags"],
        "evidence": evidence_by_cat.get(v["category"], []),
        "claimed": claimed_by_cat.get(v["category"], []),
    } for v in store.verdicts(run_id)]
    no_text = [d["url"] for d in store.documents(run_id, kind="document")
               if d["text_layer"] in ("no", "broken")]
    return {
        "schema": REPORT_SCHEMA,
        "site": {"url": run["site_url"], "name": run["site_name"]},
        "run": {
            "id": run["id"], "status": run["status"], "reason": run["reason"],
            "as_of": _iso(run["as_of"]), "ruleset": run["ruleset"],
            "started_at": _iso(run["started_at"]), "finished_at": _iso(run["finished_at"]),
        },
        "stats": {
            "pages": run["pages"], "documents": run["documents"],
            "external_links": run["external_links"], "broken_links": run["broken_links"],
            "errors": run["errors"],
        },
        "categories": categories,
        "broken_links": [{"url": b["url"], "status": b["status"], "error": b["error"],
                          "found_on": b["found_on"]} for b in store.broken(run_id)],
        "documents_without_text": no_text,
    }


CSV_HEADERS = ["หมวด (Category)", "ชื่อหมวด", "สถานะ (Status)", "วันที่ล่าสุด (พ.ศ.)",
               "แหล่งวันที่", "เหตุผล", "Reason", "หลักฐาน (Evidence URL)", "วันที่หลักฐาน (พ.ศ.)",
               "คำที่พบ (Matched)"]


def report_rows(report: dict[str, Any]) -> list[list[str]]:
    """One row per evidence item (one row for a category without evidence)."""
    rows = []
    for c in report["categories"]:
        base = [c["id"], c["title_th"], status_label(c["status"]), thai_date(c["latest_date"]),
                c["date_source"] or "", c["reason_th"], c["reason_en"]]
        if not c["evidence"]:
            rows.append(base + ["", "", ""])
        for e in c["evidence"]:
            rows.append(base + [e["url"], thai_date(e["date"]), ", ".join(e["matched"])])
    return rows


CLAIMED_HEADERS = ["หมวด (Category)", "ชื่อที่อ้างถึง (Label)", "ลิงก์ (URL)", "พบในหน้า (Found on)",
                   "เหตุที่ไม่นับเป็นหลักฐาน", "Why it is not evidence"]


def claimed_rows(report: dict[str, Any]) -> list[list[str]]:
    """Items that name a category but hold nothing: the webmaster's to-do list."""
    return [[c["id"], item["label"], item["url"] or "#", item["found_on"], item["why_th"],
             item["why_en"]] for c in report["categories"] for item in c.get("claimed", [])]


def write_json(report: dict[str, Any], out: Path) -> None:
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")


def csv_text(report: dict[str, Any]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADERS)
    writer.writerows([safe_text(v) for v in row] for row in report_rows(report))
    return buffer.getvalue()


def write_csv(report: dict[str, Any], out: Path) -> None:
    # UTF-8 with BOM so Excel on Thai Windows opens the Thai text correctly.
    out.write_text(csv_text(report), encoding="utf-8-sig")


def xlsx_bytes(report: dict[str, Any]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    def append(sheet: Any, values: list[Any]) -> None:
        # openpyxl refuses control characters: a name or title holding one (a BEL,
        # an ESC, a NUL from a sites file or a crawled page) must not lose the report
        sheet.append([printable(v) for v in values])

    wb = Workbook()
    ws = wb.active
    ws.title = "สรุปผล"
    run = report["run"]
    append(ws, ["รายงานผลการตรวจเว็บไซต์ตามเกณฑ์การเปิดเผยข้อมูล"])
    ws["A1"].font = Font(bold=True, size=14)
    append(ws, ["เว็บไซต์", report["site"]["url"], report["site"]["name"]])
    append(ws, ["ชุดเกณฑ์", run["ruleset"], "ณ วันที่", thai_date(run["as_of"], style="long")])
    append(ws, ["สถานะการตรวจ", run_status_label(run["status"]), run["reason"]])
    append(ws, [])
    append(ws, CSV_HEADERS)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for row in report_rows(report):
        append(ws, row)
    for col, width in zip("ABCDEFGHIJ", (10, 40, 22, 16, 12, 50, 50, 60, 16, 40), strict=True):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=7):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    broken = wb.create_sheet("ลิงก์เสีย")
    append(broken, ["ลิงก์ (URL)", "สถานะ HTTP", "ข้อผิดพลาด", "พบในหน้า"])
    for b in report["broken_links"]:
        append(broken, [b["url"], b["status"], b["error"], "\n".join(b["found_on"])])
    claimed = wb.create_sheet("อ้างถึงแต่ไม่มีเนื้อหา")
    append(claimed, CLAIMED_HEADERS)
    for row in claimed_rows(report):
        append(claimed, row)
    for sheet in (ws, broken, claimed):
        mark_text_cells(sheet)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def write_xlsx(report: dict[str, Any], out: Path) -> None:
    out.write_bytes(xlsx_bytes(report))
