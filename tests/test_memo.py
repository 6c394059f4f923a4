"""The seed's publication-request memo, one per gap of a run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document

from ita_audit.store import Store
from rules.records import DocumentRecord, LinkContext
from tests.conftest import OWN_TEXT, run_cli, store_judged_run

SITE = "https://www.example-esa.go.th/"


def stored_run(path: Path) -> int:
    store = Store.open(path)
    records = [
        DocumentRecord(url=SITE + "plan.pdf", body_text=OWN_TEXT, links_in=[LinkContext(
            SITE, anchor_text="แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2566")]),
        DocumentRecord(url=SITE + "news", body_text=OWN_TEXT, links_in=[LinkContext(
            SITE, anchor_text="ข่าวประชาสัมพันธ์ 1 พ.ย. 2569")]),
    ]
    run_id = store_judged_run(store, SITE, records, dt.date(2026, 11, 20), "สพป.ทดสอบ เขต ๑")
    store.close()
    return run_id


def test_one_memo_per_gap(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    stored_run(db)
    out = tmp_path / "memos.docx"
    result = run_cli("memo", "--db", str(db), "--out", str(out))
    assert result.code == 0, result.text
    text = "\n".join(p.text for p in Document(out).paragraphs)
    # 1.3 is stale; 1.1, 1.2, 1.4, 1.5, 1.6 and 1.7 are missing; 1.8 is ok
    assert text.count("บันทึกข้อความ") == 7
    assert "ขออนุญาตเผยแพร่ข้อมูล เรื่อง แผนปฏิบัติการประจำปี" in text
    assert "ไม่เป็นปัจจุบัน (ล่าสุด 30 ก.ย. 2566)" in text
    assert "20 พฤศจิกายน 2569" in text
    assert "ข่าวประชาสัมพันธ์ กฎ ระเบียบ" not in text  # 1.8 needs no memo
    assert "เรียน ผู้อำนวยการสพป.ทดสอบ เขต ๑" in text
    assert "7" in result.out


def test_memo_without_runs_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    Store.open(db).close()
    result = run_cli("memo", "--db", str(db), "--out", str(tmp_path / "x.docx"))
    assert result.code == 2 and "no complete run" in result.err
