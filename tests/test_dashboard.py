"""The Streamlit dashboard, driven by streamlit.testing.v1.AppTest on real SQLite files."""

from __future__ import annotations

import datetime as dt
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from benchmarks.bench_dashboard import add_run
from ita_audit.store import Store

APP = Path(__file__).resolve().parents[1] / "dashboard" / "app.py"
AS_OF = dt.date(2026, 6, 15)          # 15 มิ.ย. 2569
EARLIER = dt.date(2026, 6, 8)
A, B, C = ("https://a.example.go.th/", "https://b.example.go.th/", "https://c.example.go.th/")
ALL_OK = {f"1.{i}": "ok" for i in range(1, 10)}
XSS = "<script>alert(1)</script>"


def run_app(monkeypatch: pytest.MonkeyPatch, db: Path | str, check: bool = True,
            **query: str) -> AppTest:
    monkeypatch.setenv("ITA_AUDIT_DB", str(db))
    monkeypatch.setenv("ITA_AUDIT_DEBUG", "1")      # a bug in a view becomes at.exception
    at = AppTest.from_file(str(APP), default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if check:
        assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    """Everything the page says outside tables (markdown, alerts, captions, metrics …)."""
    parts = [e.value for kind in ("markdown", "caption", "info", "warning", "error", "success",
                                  "title", "header", "subheader", "text")
             for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [e.label for e in at.expander]
    return "\n".join(str(p) for p in parts)


def frames(at: AppTest) -> list[pd.DataFrame]:
    return [d.value for d in at.dataframe]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Three sites: A (two runs), B (incomplete latest run), C (only a failed run)."""
    path = tmp_path / "audit.db"
    store = Store.open(path)
    add_run(store, A, EARLIER, ALL_OK, name="สพป.ทดสอบ เขต 1", broken=[A + "fixed.pdf"])
    add_run(store, A, AS_OF,
            dict(ALL_OK, **{"1.2": "stale", "1.3": "missing", "1.5": "stale", "1.9": "stale"}),
            name="สพป.ทดสอบ เขต 1",
            latest={"1.2": dt.date(2025, 1, 10), "1.5": dt.date(2024, 3, 1)},
            evidence={"1.1": [(A + "structure.html", f"โครงสร้างองค์กร {XSS}")]},
            claimed={"1.3": [(A + "plan.html", f"แผนปฏิบัติการประจำปี {XSS}")]},
            broken=[A + "gone.pdf"], no_text=[A + "scan.pdf"])
    add_run(store, B, AS_OF, dict(ALL_OK, **{"1.4": "unknown", "1.8": "unknown"}),
            name="สพม.ทดสอบ", status="incomplete", reason="time limit reached")
    add_run(store, C, AS_OF, {}, name="สำนักงานล้มเหลว", status="failed",
            reason="start page failed: DNS lookup failed")
    store.close()
    return path


def matrix(at: AppTest) -> pd.DataFrame:
    return at.dataframe[0].value.set_index("เว็บไซต์")


def test_overview_matrix_and_coverage(monkeypatch: pytest.MonkeyPatch, db: Path) -> None:
    at = run_app(monkeypatch, db)
    m = matrix(at)
    assert list(m.index) == ["สพป.ทดสอบ เขต 1", "สพม.ทดสอบ", "สำนักงานล้มเหลว"]
    assert [c for c in m.columns if c.startswith("1.")] == [f"1.{i}" for i in range(1, 10)]
    a = m.loc["สพป.ทดสอบ เขต 1"]
    assert a["1.1"] == "✔ ครบถ้วน/เป็นปัจจุบัน"
    assert a["1.2"] == "⚠ ไม่เป็นปัจจุบัน"
    assert a["1.3"] == "✖ ไม่พบข้อมูล"
    assert a["ความครบถ้วน (%)"] == pytest.approx(55.6)          # 5 of 9 ok
    assert a["วันที่ตรวจ (พ.ศ.)"] == "15 มิ.ย. 2569"
    assert a["สถานะการตรวจ"] == "✔ สมบูรณ์"
    b = m.loc["สพม.ทดสอบ"]
    assert b["สถานะการตรวจ"] == "⚠ ไม่สมบูรณ์"                   # incomplete shown as such
    assert b["1.4"] == "? สรุปไม่ได้"
    assert b["ความครบถ้วน (%)"] == pytest.approx(77.8)
    c = m.loc["สำนักงานล้มเหลว"]
    assert c["สถานะการตรวจ"] == "✖ ล้มเหลว" and c["1.1"] == "—"
    assert c["หมายเหตุ"] == "ยังไม่มีรอบที่ตรวจสำเร็จ"
    page = texts(at)
    assert "ข้อมูลพื้นฐานเกี่ยวกับโครงสร้าง ภารกิจ และผู้บริหาร" in page   # category legend
    metrics = {x.label: x.value for x in at.metric}
    assert metrics["จำนวนเว็บไซต์"] == "3"
    assert metrics["✖ ไม่พบข้อมูล"] == "1"
    assert at.sidebar.selectbox(key="ruleset").value == "seed"


def test_overview_filters(monkeypatch: pytest.MonkeyPatch, db: Path) -> None:
    at = run_app(monkeypatch, db)
    at.multiselect(key="filter_status_th").set_value(["missing"]).run()
    assert list(matrix(at).index) == ["สพป.ทดสอบ เขต 1"]
    at.multiselect(key="filter_status_th").set_value(["unknown"]).run()
    assert list(matrix(at).index) == ["สพม.ทดสอบ"]
    at.multiselect(key="filter_status_th").set_value([]).run()
    at.text_input(key="filter_text").input("c.example").run()
    assert list(matrix(at).index) == ["สำนักงานล้มเหลว"]
    at.text_input(key="filter_text").input("nothing-like-this").run()
    assert "ไม่มีเว็บไซต์ตรงกับตัวกรอง" in texts(at)
    assert not at.exception


def test_ruleset_filter(monkeypatch: pytest.MonkeyPatch, db: Path) -> None:
    store = Store.open(db, create=False)
    add_run(store, B, AS_OF, {"O1": "ok", "O2": "missing"}, ruleset="oit-2569")
    store.close()
    at = run_app(monkeypatch, db)
    assert at.sidebar.selectbox(key="ruleset").options == ["oit-2569", "seed"]
    m = matrix(at)                               # most recently used rule set first
    assert list(m.index) == ["สพม.ทดสอบ"]
    assert m.loc["สพม.ทดสอบ", "O1"].startswith("✔") and m.loc["สพม.ทดสอบ", "O2"] == \
        "✖ ไม่พบข้อมูล"
    assert m.loc["สพม.ทดสอบ", "O3"] == "—"       # not judged in that run
    assert len([c for c in m.columns if c.startswith("O")]) >= 20
    at.sidebar.selectbox(key="ruleset").set_value("seed").run()
    assert len(matrix(at)) == 3
    assert not at.exception


def site_ids(db: Path) -> dict[str, int]:
    store = Store.open(db, create=False)
    found = {r["site_url"]: r["site_id"] for r in store.runs()}
    store.close()
    return found


def test_site_view(monkeypatch: pytest.MonkeyPatch, db: Path) -> None:
    at = run_app(monkeypatch, db)
    at.sidebar.radio(key="view_th").set_value("site").run()
    at.selectbox(key="site_pick_site_th").set_value(site_ids(db)[A]).run()
    assert not at.exception
    cats = at.dataframe[0].value
    assert list(cats["หมวด"]) == [f"1.{i}" for i in range(1, 10)]
    row = cats.set_index("หมวด").loc["1.2"]
    assert row["สถานะ"] == "⚠ ไม่เป็นปัจจุบัน"
    assert row["ข้อมูลล่าสุด (พ.ศ.)"] == "10 ม.ค. 2568"
    assert row["แหล่งวันที่"] == "ชื่อเรื่อง"
    evidence = [f for f in frames(at) if "ลิงก์ (เปิดแท็บใหม่)" in f.columns]
    urls = {u for f in evidence for u in f["ลิงก์ (เปิดแท็บใหม่)"]}
    assert A + "structure.html" in urls
    assert any("คำที่พบ" in f.columns for f in evidence)
    broken = [f for f in frames(at) if "URL" in f.columns and "พบในหน้า" in f.columns][0]
    assert list(broken["URL"]) == [A + "gone.pdf"]
    # the menu promises 1.3, the page is empty: a worklist item of its own
    claimed = [f for f in frames(at) if "ชื่อที่อ้างถึง" in f.columns][0]
    assert claimed.values.tolist() == [["1.3", f"แผนปฏิบัติการประจำปี {XSS}", A + "plan.html", A,
                                        "มีเพียงหัวเรื่อง ไม่มีเนื้อหา"]]
    assert "อ้างถึงแต่ยังไม่มีเนื้อหา (ต้องเติมข้อมูล)" in texts(at)
    no_text = [f for f in frames(at) if "ชั้นข้อความ" in f.columns][0]
    assert list(no_text["ลิงก์ (เปิดแท็บใหม่)"]) == [A + "scan.pdf"]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["ลิงก์เสีย"] == "1" and metrics["เอกสาร"] == "1"
    labels = [e.label.replace("\\", "") for e in at.expander]   # Markdown escapes
    assert any("1.3" in label and "ไม่พบข้อมูล" in label for label in labels)


def test_site_deep_link_and_run_messages(monkeypatch: pytest.MonkeyPatch, db: Path) -> None:
    ids = site_ids(db)
    at = run_app(monkeypatch, db, view="site", site=str(ids[B]))
    warning = " ".join(w.value for w in at.warning)
    assert "ไม่สมบูรณ์" in warning and "time limit reached" in warning
    at.selectbox(key="site_pick_site_th").set_value(ids[C]).run()
    error = " ".join(e.value for e in at.error)
    assert "ล้มเหลว" in error and "DNS lookup failed" in error
    assert not at.exception


def test_running_run_is_shown_as_not_finished(monkeypatch: pytest.MonkeyPatch,
                                              db: Path) -> None:
    store = Store.open(db, create=False)
    running = add_run(store, A, AS_OF + dt.timedelta(days=7), {}, status="running")
    store.close()
    at = run_app(monkeypatch, db)
    a = matrix(at).loc["สพป.ทดสอบ เขต 1"]
    assert a["สถานะการตรวจ"] == "✔ สมบูรณ์"                  # the last finished run is shown
    assert a["หมายเหตุ"] == f"รอบใหม่กว่า #{running} ยังไม่เสร็จ"
    at.sidebar.radio(key="view_th").set_value("site").run()
    at.selectbox(key="site_pick_site_th").set_value(site_ids(db)[A]).run()
    assert "ยังไม่เสร็จ" in " ".join(w.value for w in at.warning)
    assert not at.exception


def test_worklist_order_and_changes(monkeypatch: pytest.MonkeyPatch, db: Path) -> None:
    at = run_app(monkeypatch, db, view="worklist", site=str(site_ids(db)[A]))
    todo = at.dataframe[0].value
    # missing first, then stale by age: 1.5 (2024), 1.2 (2025), 1.9 (400 days)
    assert list(todo["หมวด"]) == ["1.3", "1.5", "1.2", "1.9"]
    assert list(todo["ค้างมา (วัน)"]) == ["", f"{(AS_OF - dt.date(2024, 3, 1)).days:,}",
                                         f"{(AS_OF - dt.date(2025, 1, 10)).days:,}", "400"]
    assert todo["ข้อมูลล่าสุด (พ.ศ.)"].iloc[0] == "ไม่เคยพบ"
    broken = [f for f in frames(at) if "URL" in f.columns and "พบในหน้า" in f.columns][0]
    assert list(broken["URL"]) == [A + "gone.pdf"]
    # the menu promises 1.3, the page is empty: a worklist item of its own
    claimed = [f for f in frames(at) if "ชื่อที่อ้างถึง" in f.columns][0]
    assert claimed.values.tolist() == [["1.3", f"แผนปฏิบัติการประจำปี {XSS}", A + "plan.html", A,
                                        "มีเพียงหัวเรื่อง ไม่มีเนื้อหา"]]
    assert "อ้างถึงแต่ยังไม่มีเนื้อหา (ต้องเติมข้อมูล)" in texts(at)
    page = texts(at)
    assert "ไม่เป็นปัจจุบันใหม่ (3)" in page
    assert "ไม่พบใหม่ (1)" in page
    assert "แก้ไขแล้ว (0)" in page
    labels = [b.proto.label for b in at.get("download_button")]
    assert "ร่างบันทึกขออนุญาตเผยแพร่ข้อมูล (DOCX)" in labels  # the seed's memo, per gap
    changed = [f for f in frames(at) if list(f.columns) == ["หมายเหตุ", "URL"]][0]
    assert ("ลิงก์เสียใหม่", A + "gone.pdf") in set(map(tuple, changed.values.tolist()))
    assert ("ลิงก์เสียที่แก้แล้ว", A + "fixed.pdf") in set(map(tuple, changed.values.tolist()))
    at.selectbox(key="site_pick_worklist_th").set_value(site_ids(db)[C]).run()
    assert "ล้มเหลว" in " ".join(e.value for e in at.error)
    assert not at.exception


def test_worklist_order_key() -> None:
    from dashboard.views.worklist import todo_items

    def v(cat: str, status: str, latest: dt.date | None) -> dict[str, object]:
        return {"category": cat, "status": status, "latest_date": latest, "position": 0}

    items = todo_items([v("a", "ok", None), v("b", "unknown", None), v("c", "stale", None),
                        v("d", "stale", dt.date(2026, 1, 1)), v("e", "missing", None),
                        v("f", "stale", dt.date(2025, 1, 1))], AS_OF)
    assert [i["category"] for i in items] == ["e", "f", "d", "c", "b"]


def test_history(monkeypatch: pytest.MonkeyPatch, db: Path) -> None:
    at = run_app(monkeypatch, db, view="history", site=str(site_ids(db)[A]))
    chart = at.get("vega_lite_chart") or at.get("arrow_vega_lite_chart")
    assert chart, "coverage chart missing"
    assert "543" in chart[0].proto.spec                 # พ.ศ. axis labels
    runs = at.dataframe[0].value
    assert list(runs["รอบ"]) == [2, 1]
    assert list(runs["ผ่าน"]) == ["5/9", "9/9"]
    assert "ไม่เป็นปัจจุบันใหม่ (3)" in texts(at)          # comparison of the two runs


def test_export_buttons(monkeypatch: pytest.MonkeyPatch, db: Path) -> None:
    at = run_app(monkeypatch, db)
    labels = [b.proto.label for b in at.download_button]
    assert labels == ["ดาวน์โหลด CSV", "ดาวน์โหลด XLSX"]
    at.sidebar.radio(key="view_th").set_value("export").run()
    labels = [b.proto.label for b in at.download_button]
    assert labels == ["ดาวน์โหลด CSV", "ดาวน์โหลด XLSX", "ดาวน์โหลดรายงาน JSON",
                      "ดาวน์โหลดรายงาน CSV", "ดาวน์โหลดรายงาน XLSX"]
    assert not at.exception


def test_export_files() -> None:
    from dashboard.exporting import csv_bytes, xlsx_bytes

    frame = pd.DataFrame({"หมวด": ["1.1"], "สถานะ": ["✔ ครบถ้วน/เป็นปัจจุบัน"]})
    assert csv_bytes(frame).decode("utf-8-sig").splitlines() == ["หมวด,สถานะ",
                                                                  "1.1,✔ ครบถ้วน/เป็นปัจจุบัน"]
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx_bytes(frame, "ภาพรวม"))).active
    assert [c.value for c in sheet[2]] == ["1.1", "✔ ครบถ้วน/เป็นปัจจุบัน"]


def test_english_switch(monkeypatch: pytest.MonkeyPatch, db: Path) -> None:
    at = run_app(monkeypatch, db)
    at.multiselect(key="filter_status_th").set_value(["missing", "stale"]).run()
    at.sidebar.radio(key="view_th").set_value("history").run()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert at.title[0].value == "Website disclosure audit (ITA/OIT)"
    assert at.header[0].value == "History"                # the view survives the switch
    assert at.sidebar.radio(key="view_en").value == "history"
    at.sidebar.radio(key="view_en").set_value("overview").run()
    assert at.multiselect(key="filter_status_en").value == ["missing", "stale"]  # filter kept
    m = at.dataframe[0].value.set_index("Site")
    assert m.loc["สพป.ทดสอบ เขต 1", "1.3"] == "✖ missing"
    assert m.loc["สพป.ทดสอบ เขต 1", "Audit date (BE)"] == "15 Jun 2569 BE"
    assert "Structure, mission and executives" in texts(at)
    at.sidebar.radio(key="view_en").set_value("worklist").run()
    assert at.header[0].value == "Worklist"
    assert "What to do" in at.dataframe[0].value.columns
    for view in ("site", "history", "export"):
        at.sidebar.radio(key="view_en").set_value(view).run()
        assert not at.exception
    assert "Download JSON report" in [b.proto.label for b in at.download_button]


def test_english_link(monkeypatch: pytest.MonkeyPatch, db: Path) -> None:
    at = run_app(monkeypatch, db, lang="en", view="worklist", site=str(site_ids(db)[A]))
    assert at.header[0].value == "Worklist"
    assert list(at.dataframe[0].value["Category"]) == ["1.3", "1.5", "1.2", "1.9"]


def test_empty_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    Store.open(fresh).close()                       # schema, no runs
    at = run_app(monkeypatch, fresh)
    assert "ฐานข้อมูลว่าง" in " ".join(i.value for i in at.info)
    blank = tmp_path / "blank.db"
    blank.write_bytes(b"")                          # a zero-byte file
    at = run_app(monkeypatch, blank)
    assert "ฐานข้อมูลว่าง" in " ".join(i.value for i in at.info)
    at = run_app(monkeypatch, tmp_path / "absent.db")
    assert "ไม่พบไฟล์ฐานข้อมูล" in " ".join(e.value for e in at.error)


def test_wrong_schema(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    at = run_app(monkeypatch, db)
    error = " ".join(e.value for e in at.error)
    assert "schema" in error and "99" in error
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    at = run_app(monkeypatch, foreign)
    assert "ไม่ใช่ฐานข้อมูลของ ita-audit" in " ".join(e.value for e in at.error)
    text = tmp_path / "notes.db"
    text.write_text("this is not a database at all, just text " * 100)
    at = run_app(monkeypatch, text)
    assert at.error and not at.exception


def test_database_being_written(monkeypatch: pytest.MonkeyPatch, db: Path) -> None:
    writer = sqlite3.connect(db, timeout=1)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO runs (site_id, status, reason, as_of, ruleset, trigger, "
                       "started_at, pages, documents, external_links, broken_links, errors, "
                       "stats_json) VALUES (1, 'incomplete', 'in progress', '2026-06-22', "
                       "'seed', 'manual', '2026-06-22 01:00:00', 0, 0, 0, 0, 0, '{}')")
        at = run_app(monkeypatch, db)                # a crawl holds the write lock
        assert len(matrix(at)) == 3 and not at.error
    finally:
        writer.rollback()
        writer.close()


def test_crawled_script_is_text(monkeypatch: pytest.MonkeyPatch, db: Path) -> None:
    store = Store.open(db, create=False)
    add_run(store, A, AS_OF + dt.timedelta(days=1), ALL_OK, name="สพป.ทดสอบ เขต 1",
            evidence={"1.1": [(A + "x.html", XSS)]}, broken=[A + f"{XSS}.pdf"])
    store.close()
    for view in ("site", "worklist", "history"):
        at = run_app(monkeypatch, db, view=view, site=str(site_ids(db)[A]))
        cells = " ".join(str(v) for f in frames(at) for v in f.to_numpy().ravel())
        if view == "site":
            assert XSS in cells                      # shown, as plain cell text
        for md in at.markdown:
            assert "<script>" not in md.value
            assert not md.proto.allow_html
        assert not at.get("html")


def test_table_downloads_cannot_run_crawled_formulas(monkeypatch: pytest.MonkeyPatch,
                                                    db: Path) -> None:
    """Every table's own toolbar offers "Download as CSV": crawled text in the frames it
    gets is already neutralised, so no cell can become a live formula in Excel."""
    formula = '=HYPERLINK("http://evil.example/","คลิก")'
    store = Store.open(db, create=False)
    add_run(store, A, AS_OF + dt.timedelta(days=1), dict(ALL_OK, **{"1.3": "missing"}),
            name="@SUM(A1:A9)", evidence={"1.1": [(A + "x.html", formula)]},
            claimed={"1.3": [(A + "plan.html", "+cmd|' /C calc'!A0")]})
    store.close()
    for view in ("overview", "site", "worklist", "history"):
        at = run_app(monkeypatch, db, view=view, site=str(site_ids(db)[A]))
        cells = [str(v) for f in frames(at) for v in f.to_numpy().ravel()]
        assert not [c for c in cells if c.startswith(("=", "+", "@"))], view
        if view == "site":
            assert "'" + formula in cells              # still shown, as inert text


def test_internal_error_is_a_message(monkeypatch: pytest.MonkeyPatch, db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE verdicts SET flags_json = 'not json'")
    at = run_app(monkeypatch, db, check=False, view="site")
    assert at.exception                              # ITA_AUDIT_DEBUG shows the bug …
    monkeypatch.delenv("ITA_AUDIT_DEBUG")
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["view"] = "site"
    at.run()
    assert not at.exception                          # … users get one line, no traceback
    assert "ข้อผิดพลาดภายใน" in " ".join(e.value for e in at.error)


def test_overview_says_when_runs_are_incomplete_or_failed(monkeypatch: pytest.MonkeyPatch,
                                                          db: Path) -> None:
    warnings = " ".join(w.value for w in run_app(monkeypatch, db).warning)
    assert "ผลของ 1 เว็บไซต์มาจากการตรวจที่ไม่สมบูรณ์" in warnings
    assert "การตรวจล่าสุดของ 1 เว็บไซต์ล้มเหลวหรือยังไม่เสร็จ" in warnings


def test_dashboard_never_imports_scrapy() -> None:
    code = ("import sys; sys.argv = ['x']\n"
            "import dashboard.cache, dashboard.views, dashboard.queries\n"
            "import ita_audit.dashboard_server, ita_audit.changes, ita_audit.report\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('scrapy', 'twisted'))\n"
            "assert not bad, bad\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[1], timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_server_command_and_busy_port(capsys: pytest.CaptureFixture[str],
                                      tmp_path: Path) -> None:
    from ita_audit import dashboard_server as server

    command = server.streamlit_command(tmp_path / "x.db", 8600)
    assert command[1:4] == ["-m", "streamlit", "run"] and command[4].endswith("app.py")
    flags = dict(zip(command[5:-3:2], command[6:-3:2], strict=True))
    assert flags["--server.address"] == "127.0.0.1" and flags["--server.port"] == "8600"
    assert flags["--server.headless"] == "true"
    assert flags["--browser.gatherUsageStats"] == "false"
    assert command[-3:] == ["--", "--db", str((tmp_path / "x.db").resolve())]
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert server.run_dashboard(str(tmp_path / "x.db"), port=port) == 2
    assert f"port {port} on 127.0.0.1 is in use" in capsys.readouterr().err
