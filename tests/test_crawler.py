"""The crawler against real HTTP servers on 127.0.0.1.

Each audit runs the real ``ita-audit`` command in a subprocess (Scrapy's
reactor starts once per process) and the results are read back from the
SQLite store it wrote.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
import yaml

from ita_audit.store import Store
from tests.conftest import read_json, run_cli

AS_OF = "2026-11-20"

HUB = """<html><head><meta charset="utf-8"><title>ITA 2569 - สพป.ทดสอบ</title></head><body>
<nav class="menu"><a href="about/org.html">โครงสร้างองค์กร</a> <a href="news.html">ข่าว</a></nav>
<main><h1>การประเมินคุณธรรมและความโปร่งใส ปีงบประมาณ พ.ศ. ๒๕๖๙</h1>
<table>
<tr><td>O6</td><td>แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๙</td>
    <td><a href="files/แผน ปฏิบัติการ.html">ดาวน์โหลด</a></td></tr>
<tr><td>O12</td><td>สรุปผลการจัดซื้อจัดจ้าง ประจำเดือน ต.ค. ๒๕๖๙</td>
    <td><a href="https://drive.google.com/file/d/xyz/view"><img src="i.png" alt="คลิก"></a></td></tr>
<tr><td>O8</td><td>คู่มือการปฏิบัติงาน</td><td><a href="download.php?id=7">คลิก</a></td></tr>
<tr><td>O99</td><td>ลิงก์เสีย</td><td><a href="gone.html">คลิก</a></td></tr>
</table>
<iframe src="frame.html" title="กรอบ"></iframe>
<a href="javascript:void(0)">js</a> <a href="mailto:a@b.c">mail</a>
<a href="/admin/secret.html">ผู้ดูแล</a>
</main>
<footer>สถิติการเข้าชม 123456 ครั้ง © 2569</footer></body></html>"""

PAGES = {
    "about/org.html": "<html><head><title>โครงสร้าง</title></head><body><h1>โครงสร้างการบริหารงาน"
                      "</h1><p>ข้อมูล ณ วันที่ 2 ก.พ. 2569</p><p>สำนักงานแบ่งส่วนราชการออกเป็น กลุ่มอำนวยการ "
                      "กลุ่มนโยบายและแผน กลุ่มบริหารงานบุคคล และหน่วยตรวจสอบภายใน</p></body></html>",
    "news.html": "<html><head><title>ข่าวประชาสัมพันธ์</title></head><body><h1>ข่าวประชาสัมพันธ์"
                 "</h1><ul><li>10 พ.ย. 2569 ประชุมผู้บริหารโรงเรียน</li>"
                 "<li>3 พ.ย. 2569 อบรมครูด้านการวัดและประเมินผลการเรียนรู้</li>"
                 "<li>28 ต.ค. 2569 มอบเกียรติบัตรนักเรียนที่ชนะการแข่งขันทักษะวิชาการ</li></ul>"
                 "</body></html>",
    "files/แผน ปฏิบัติการ.html": "<html><head><title>แผน</title></head><body><h1>แผนปฏิบัติการ"
                                 "ประจำปี</h1><p>ปีงบประมาณ พ.ศ. 2569</p><p>แผนฉบับนี้ประกอบด้วยโครงการ 24 โครงการ "
                                 "งบประมาณรวม 3,500,000 บาท จำแนกตามกลยุทธ์ของสำนักงาน</p>"
                                 "</body></html>",
    "frame.html": "<html><body><h2>ศูนย์ข้อมูล</h2><a href='hidden.html'>มาตรฐานการให้บริการ</a>"
                  "</body></html>",
    "hidden.html": "<html><head><title>มาตรฐานการให้บริการ</title></head><body><h1>คู่มือการให้"
                   "บริการประชาชน</h1><p>15 ตุลาคม 2569</p><p>ขั้นตอนการขอหนังสือรับรอง ยื่นคำขอ "
                   "ตรวจสอบเอกสาร และรับหนังสือภายใน 3 วันทำการ</p></body></html>",
    "admin/secret.html": "<html><body><h1>คู่มือการปฏิบัติงานลับ</h1></body></html>",
}
LEGACY = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-874'>"
          "<title>ประกาศ</title></head><body><h1>ระเบียบกระทรวงศึกษาธิการที่เกี่ยวข้อง</h1>"
          "<p>ประกาศ ณ วันที่ ๑ กันยายน ๒๕๖๙</p><p>ระเบียบว่าด้วยการลาของข้าราชการ และระเบียบ"
          "ว่าด้วยการเบิกจ่ายค่าใช้จ่ายในการเดินทางไปราชการ</p></body></html>")


def make_site(root: Path) -> Path:
    site = root / "site"
    (site / "about").mkdir(parents=True)
    (site / "files").mkdir()
    (site / "admin").mkdir()
    (site / "index.html").write_text(HUB.replace(
        "</main>", "<a href='legacy.html'>ระเบียบ</a>"
                   "<p><a href='files/old-manual.doc'>คู่มือการปฏิบัติงาน (ไฟล์ Word เดิม)</a></p>"
                   "</main>"), encoding="utf-8")
    # a legacy Word 97 file: recognised from its OLE2 header and directory, not read
    (site / "files" / "old-manual.doc").write_bytes(
        bytes.fromhex("d0cf11e0a1b11ae1") + bytes(1016) + "WordDocument".encode("utf-16-le")
        + bytes(1024))
    for path, html in PAGES.items():
        (site / path).write_text(html, encoding="utf-8")
    (site / "legacy.html").write_bytes(LEGACY.encode("cp874"))
    manual = (root / "manual.docx")
    from docx import Document

    doc = Document()
    doc.add_paragraph("คู่มือการปฏิบัติงาน กลุ่มบริหารงานการเงินและสินทรัพย์")
    doc.add_paragraph("ปรับปรุง ณ วันที่ 1 สิงหาคม 2569")
    doc.save(manual)
    (site / "files" / "manual.bin").write_bytes(manual.read_bytes())
    (site / "robots.txt").write_text("User-agent: *\nDisallow: /admin/\n", encoding="utf-8")
    (site / "_headers.yaml").write_text(yaml.safe_dump({
        # the server lies: cp874 bytes announced as iso-8859-1
        "/legacy.html": {"Content-Type": "text/html; charset=iso-8859-1"},
        # a DOCX behind a .php URL served as octet-stream
        "/download.php?id=7": {"file": "files/manual.bin",
                               "Content-Type": "application/octet-stream"},
    }, allow_unicode=True), encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from ita_audit.siteserver import serve

    root = tmp_path_factory.mktemp("mini")
    server = serve(make_site(root))
    db = root / "audit.db"
    report = root / "report.json"
    try:
        result = run_cli("audit", server.url, "--db", str(db), "--as-of", AS_OF,
                         "--json", str(report), "--delay", "0")
    finally:
        server.close()
    return result, Store.open(db, create=False), read_json(report), server.url


def category(report: dict, cid: str) -> dict:
    return next(c for c in report["categories"] if c["id"] == cid)


def test_audit_completes_and_prints_a_thai_summary(audited) -> None:  # type: ignore[no-untyped-def]
    result, store, report, url = audited
    assert result.code == 0, result.text
    assert report["schema"] == "ita-audit/report/1"
    assert report["run"]["status"] == "complete"
    assert "สถานะ" in result.out and "1.1" in result.out
    assert "หน้า/pages" in result.err  # progress lines


def test_link_context_classifies_vague_hub_links(audited) -> None:  # type: ignore[no-untyped-def]
    _, _, report, url = audited
    plan = category(report, "1.3")
    assert plan["status"] == "ok"
    assert any("%E0%B9%81%E0%B8%9C%E0%B8%99" in e["url"] for e in plan["evidence"]), plan
    procurement = category(report, "1.5")
    assert procurement["status"] == "ok"
    assert any(e["url"].startswith("https://drive.google.com/") and e["kind"] == "external"
               for e in procurement["evidence"])


def test_documents_are_sniffed_from_bytes(audited) -> None:  # type: ignore[no-untyped-def]
    _, store, report, url = audited
    manual = category(report, "1.6")
    assert manual["status"] == "ok", manual
    ev = next(e for e in manual["evidence"] if "download.php" in e["url"])
    assert ev["kind"] == "document"
    assert ev["date"] == "2026-08-01"


def test_wrong_charset_is_repaired_and_iframes_are_followed(audited) -> None:  # type: ignore[no-untyped-def]
    _, store, report, url = audited
    laws = category(report, "1.8")
    assert any(e["url"].endswith("legacy.html") for e in laws["evidence"]), laws
    service = category(report, "1.7")
    assert any(e["url"].endswith("hidden.html") for e in service["evidence"]), service


def test_robots_txt_and_scope_are_respected(audited) -> None:  # type: ignore[no-untyped-def]
    _, store, report, url = audited
    run_id = report["run"]["id"]
    fetched = {d["url"] for d in store.documents(run_id) if d["kind"] != "external"}
    assert not any("/admin/" in u for u in fetched)
    external = {d["url"] for d in store.documents(run_id, kind="external")}
    assert "https://drive.google.com/file/d/xyz/view" in external
    assert all(u.startswith(url) for u in fetched)


def test_broken_links_are_recorded_with_their_pages(audited) -> None:  # type: ignore[no-untyped-def]
    _, _, report, url = audited
    broken = {b["url"]: b for b in report["broken_links"]}
    gone = broken[url + "gone.html"]
    assert gone["status"] == 404
    assert gone["found_on"] == [url]
    assert category(report, "1.9")["status"] == "stale"


def test_visitor_counter_and_footer_are_not_content(audited) -> None:  # type: ignore[no-untyped-def]
    _, store, report, url = audited
    home = next(d for d in store.documents(report["run"]["id"]) if d["url"] == url)
    assert home["text_length"] > 0
    for c in report["categories"]:
        for e in c["evidence"]:
            assert e["date"] is None or e["date"] <= AS_OF


# -- failures and interruptions ------------------------------------------------
def test_unreachable_site_is_a_failed_run_with_one_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    db = tmp_path / "a.db"
    result = run_cli("audit", f"http://127.0.0.1:{port}/", "--db", str(db), "--as-of", AS_OF,
                     "--quiet")
    assert result.code == 1
    assert "Traceback" not in result.text
    error_lines = [line for line in result.err.splitlines() if line.startswith("ita-audit: error")]
    assert len(error_lines) == 1 and "connection refused" in error_lines[0]
    run = Store.open(db, create=False).latest_run()
    assert run["status"] == "failed"
    assert Store.open(db, create=False).verdicts(run["id"]) == []  # never a table of "missing"


def test_start_url_that_is_not_html_fails_clearly(tmp_path: Path, serve_dir) -> None:  # type: ignore[no-untyped-def]
    site = tmp_path / "s"
    site.mkdir()
    from docx import Document

    Document().save(site / "x.docx")
    server = serve_dir(site)
    result = run_cli("audit", server.url + "x.docx", "--db", str(tmp_path / "d.db"),
                     "--as-of", AS_OF, "--quiet")
    assert result.code == 1
    assert "not an HTML page" in result.err and "Traceback" not in result.text


def test_blocked_start_page_gives_incomplete_and_unknown(tmp_path: Path, serve_dir) -> None:  # type: ignore[no-untyped-def]
    site = tmp_path / "s"
    site.mkdir()
    (site / "index.html").write_text("<h1>forbidden</h1>", encoding="utf-8")
    (site / "_headers.yaml").write_text("/:\n  status: 403\n/index.html:\n  status: 403\n",
                                        encoding="utf-8")
    server = serve_dir(site)
    report = tmp_path / "r.json"
    result = run_cli("audit", server.url, "--db", str(tmp_path / "d.db"), "--as-of", AS_OF,
                     "--json", str(report), "--quiet")
    data = read_json(report)
    assert result.code == 0
    assert data["run"]["status"] == "incomplete"
    assert "403" in data["run"]["reason"]
    assert {c["status"] for c in data["categories"]} == {"unknown"}


def test_page_limit_makes_the_run_incomplete(tmp_path: Path, serve_dir) -> None:  # type: ignore[no-untyped-def]
    site = tmp_path / "s"
    site.mkdir()
    links = "".join(f"<a href='p{i}.html'>หน้า {i}</a>" for i in range(12))
    (site / "index.html").write_text(f"<h1>หน้าแรก</h1>{links}", encoding="utf-8")
    for i in range(12):
        (site / f"p{i}.html").write_text(f"<h1>หน้า {i}</h1>", encoding="utf-8")
    server = serve_dir(site)
    report = tmp_path / "r.json"
    run_cli("audit", server.url, "--db", str(tmp_path / "d.db"), "--as-of", AS_OF,
            "--json", str(report), "--max-pages", "5", "--delay", "0", "--quiet")
    data = read_json(report)
    assert data["run"]["status"] == "incomplete"
    assert "page limit 5" in data["run"]["reason"]
    assert data["stats"]["pages"] <= 5
    assert category(data, "1.6")["status"] == "unknown"


def news_site(root: Path, pages: int) -> Path:
    """A site whose home page links to ``pages`` short news pages."""
    site = root / "news-site"
    site.mkdir()
    links = "".join(f"<a href='p{i}.html'>ข่าว {i}</a>" for i in range(pages))
    (site / "index.html").write_text(f"<h1>ข่าวประชาสัมพันธ์</h1>{links}", encoding="utf-8")
    for i in range(pages):
        (site / f"p{i}.html").write_text(f"<h1>ข่าว {i}</h1><p>1 พ.ย. 2569</p>", encoding="utf-8")
    return site


def test_killed_crawl_leaves_incomplete_run_and_earlier_runs_intact(tmp_path: Path) -> None:
    import os
    import signal
    import sys
    import time

    from ita_audit.siteserver import serve

    db = tmp_path / "k.db"
    with serve(news_site(tmp_path, 150)) as server:
        first = run_cli("audit", server.url, "--db", str(db), "--as-of", AS_OF, "--delay", "0",
                        "--quiet")
        assert first.code == 0, first.text
        store = Store.open(db, create=False)
        earlier = store.latest_run()
        assert earlier["status"] == "complete"
        earlier_verdicts = store.verdicts(earlier["id"])
        proc = subprocess.Popen(
            [sys.executable, "-m", "ita_audit.cli", "audit", server.url, "--db", str(db),
             "--as-of", AS_OF, "--delay", "1", "--concurrency", "1", "--quiet"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(store.runs()) < 2:
            time.sleep(0.2)
        time.sleep(2)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    runs = store.runs()
    assert len(runs) == 2
    assert runs[-1]["status"] == "incomplete"
    assert runs[0] == earlier
    assert store.verdicts(earlier["id"]) == earlier_verdicts
    assert store.verdicts(runs[-1]["id"]) == []


def test_interrupted_crawl_is_stored_as_incomplete(tmp_path: Path) -> None:
    import signal
    import sys
    import time

    from ita_audit.siteserver import serve

    db = tmp_path / "i.db"
    with serve(news_site(tmp_path, 200)) as server:
        proc = subprocess.Popen(
            [sys.executable, "-m", "ita_audit.cli", "audit", server.url, "--db", str(db),
             "--as-of", AS_OF, "--delay", "0.5", "--concurrency", "1", "--quiet"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(6)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    assert "Traceback" not in err
    store = Store.open(db, create=False)
    run = store.latest_run()
    assert run["status"] == "incomplete"
    assert "interrupted" in run["reason"]
    statuses = {v["status"] for v in store.verdicts(run["id"])}
    assert "missing" not in statuses


def test_store_keeps_runs_ordered_and_dates(audited) -> None:  # type: ignore[no-untyped-def]
    _, store, report, _ = audited
    run = store.run(report["run"]["id"])
    assert run["as_of"] == dt.date(2026, 11, 20)
    assert run["finished_at"] is not None



def test_robots_disallow_all_and_the_owner_override(tmp_path: Path, serve_dir) -> None:  # type: ignore[no-untyped-def]
    site = tmp_path / "s"
    site.mkdir()
    (site / "index.html").write_text("<h1>ข่าวประชาสัมพันธ์</h1><p>1 พ.ย. 2569</p>"
                                     "<a href='news.html'>ข่าว</a>", encoding="utf-8")
    (site / "news.html").write_text("<h1>ข่าว</h1>", encoding="utf-8")
    (site / "robots.txt").write_text("User-agent: *\nDisallow: /\n", encoding="utf-8")
    server = serve_dir(site)
    polite = tmp_path / "polite.json"
    run_cli("audit", server.url, "--db", str(tmp_path / "a.db"), "--as-of", AS_OF,
            "--json", str(polite), "--quiet")
    data = read_json(polite)
    assert data["run"]["status"] == "incomplete"
    assert "robots.txt" in data["run"]["reason"]
    assert not [p for p, _ in server.served if p in ("/", "/index.html")]
    own = tmp_path / "own.json"
    run_cli("audit", server.url, "--db", str(tmp_path / "a.db"), "--as-of", AS_OF,
            "--json", str(own), "--quiet", "--ignore-robots")
    assert read_json(own)["run"]["status"] == "complete"


def test_user_agent_names_the_tool_and_a_contact(tmp_path: Path, serve_dir) -> None:  # type: ignore[no-untyped-def]
    site = tmp_path / "s"
    site.mkdir()
    (site / "index.html").write_text("<h1>หน้าแรก</h1>", encoding="utf-8")
    server = serve_dir(site)
    run_cli("audit", server.url, "--db", str(tmp_path / "a.db"), "--as-of", AS_OF, "--quiet")
    agents = {ua for _, ua in server.served}
    assert agents and all(ua.startswith("ita-audit/") and "+http" in ua for ua in agents)


def test_legacy_word_files_are_documents_but_not_broken_or_scans(audited) -> None:  # type: ignore[no-untyped-def]
    _, store, report, url = audited
    legacy = url + "files/old-manual.doc"
    docs = {d["url"]: d for d in store.documents(report["run"]["id"])}
    assert docs[legacy]["kind"] == "document"
    assert docs[legacy]["text_layer"] == "n/a"
    assert legacy not in {b["url"] for b in report["broken_links"]}
    assert legacy not in report["documents_without_text"]
    manual = category(report, "1.6")
    assert any(e["url"] == legacy for e in manual["evidence"])  # its link text still counts


def test_empty_start_page_is_incomplete_not_missing(tmp_path: Path, serve_dir) -> None:  # type: ignore[no-untyped-def]
    site = tmp_path / "s"
    site.mkdir()
    (site / "index.html").write_text("<html><body><img src='x.png'></body></html>",
                                     encoding="utf-8")
    server = serve_dir(site)
    out = tmp_path / "r.json"
    run_cli("audit", server.url, "--db", str(tmp_path / "a.db"), "--as-of", AS_OF,
            "--json", str(out), "--quiet")
    data = read_json(out)
    assert data["run"]["status"] == "incomplete"
    assert "no text" in data["run"]["reason"]
    assert "missing" not in {c["status"] for c in data["categories"]}


def test_start_page_redirecting_to_another_site_fails(tmp_path: Path, serve_dir) -> None:  # type: ignore[no-untyped-def]
    site = tmp_path / "s"
    site.mkdir()
    (site / "index.html").write_text("<h1>โครงสร้างองค์กร</h1>", encoding="utf-8")
    from ita_audit.siteserver import serve

    moved = tmp_path / "m"
    moved.mkdir()
    with serve(site, host="127.0.0.2") as other:  # another host on loopback
        (moved / "_headers.yaml").write_text(
            f"/:\n  status: 302\n  Location: {other.url}index.html\n", encoding="utf-8")
        server = serve_dir(moved)
        result = run_cli("audit", server.url, "--db", str(tmp_path / "a.db"), "--as-of", AS_OF,
                         "--quiet")
    assert result.code == 1
    assert "redirects to another site" in result.err


def test_start_page_without_links_says_why(tmp_path: Path, serve_dir) -> None:  # type: ignore[no-untyped-def]
    """A menu built by a script: the HTML has text but no link to follow. The run says so
    and stays incomplete, so nothing is called missing."""
    site = tmp_path / "js"
    site.mkdir()
    (site / "index.html").write_text(
        "<html><head><meta charset='utf-8'><title>สพป.ทดสอบ</title>"
        "<script src='app.js'></script></head><body><div id='menu'></div>"
        "<h1>สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบ</h1><p>ยินดีต้อนรับ</p>"
        "<script>document.getElementById('menu').innerHTML = '<a href=\"/ita.html\">ITA</a>'"
        "</script></body></html>", encoding="utf-8")
    server = serve_dir(site)
    out = tmp_path / "r.json"
    result = run_cli("audit", server.url, "--db", str(tmp_path / "a.db"), "--as-of", AS_OF,
                     "--json", str(out), "--quiet")
    data = read_json(out)
    assert data["run"]["status"] == "incomplete", result.text
    assert "no links in the HTML of the start page (2 scripts)" in data["run"]["reason"]
    assert "JavaScript" in data["run"]["reason"]
    assert {c["status"] for c in data["categories"] if c["id"] != "1.9"} == {"unknown"}
