"""A real browser on the real dashboard: audit a small site with the CLI, serve the
dashboard with ``start_dashboard``, drive Debian's Chromium with Playwright."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from dashboard.views.site import TITLE_WIDTH
from ita_audit.dashboard_server import free_port, start_dashboard, stop_dashboard, wait_ready
from tests.conftest import run_cli

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
AS_OF = "2026-06-15"
XSS = "<script>alert(1)</script>"

PAGES = {
    "index.html": ("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบ", """
        <h1>สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบ</h1>
        <ul>
          <li><a href="structure.html">โครงสร้างองค์กร และผู้บริหาร</a></li>
          <li><a href="news.html">ข่าวประชาสัมพันธ์</a></li>
          <li><a href="procurement.html">ประกาศผลการจัดซื้อจัดจ้าง</a></li>
          <li><a href="xss.html">ข่าวกิจกรรม</a></li>
          <li><a href="gone.html">เอกสารที่ถูกลบ</a></li>
        </ul>"""),
    "structure.html": ("โครงสร้างองค์กร", """
        <h1>โครงสร้างองค์กร และทำเนียบผู้บริหาร</h1>
        <p>ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา รองผู้อำนวยการ ข้อมูล ณ วันที่ 1 มิถุนายน 2569</p>"""),
    "news.html": ("ข่าวประชาสัมพันธ์", """
        <h1>ข่าวประชาสัมพันธ์</h1>
        <p>ประชาสัมพันธ์การประชุมผู้บริหารสถานศึกษา วันที่ 10 มิถุนายน 2569 เพื่อชี้แจงแนวทาง
        การจัดการเรียนการสอนในภาคเรียนที่ 1</p>"""),
    "procurement.html": ("ประกาศผลการจัดซื้อจัดจ้าง", """
        <h1>ประกาศผู้ชนะการเสนอราคา จัดซื้อจัดจ้าง</h1>
        <p>ประกาศ ณ วันที่ 5 มกราคม 2566 ผลการจัดซื้อจัดจ้าง ซื้อวัสดุสำนักงาน</p>"""),
    # a crawled title with a script tag: it must show as text and never run
    "xss.html": ("&lt;script&gt;alert(1)&lt;/script&gt; ข่าวกิจกรรม", """
        <h1>&lt;script&gt;alert(1)&lt;/script&gt; ข่าวกิจกรรม</h1>
        <p>ข่าวประชาสัมพันธ์ กิจกรรมวันที่ 12 มิถุนายน 2569 นักเรียนและครูร่วมกิจกรรมปลูกต้นไม้
        เฉลิมพระเกียรติ ณ บริเวณโรงเรียน</p>"""),
}


def write_site(root: Path) -> Path:
    root.mkdir()
    for name, (title, body) in PAGES.items():
        (root / name).write_text(
            f'<!doctype html><html lang="th"><head><meta charset="utf-8"><title>{title}</title>'
            f"</head><body>{body}</body></html>", encoding="utf-8")
    return root


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.timeout(120)
def test_dashboard_in_chromium(tmp_path: Path, serve_dir) -> None:  # type: ignore[no-untyped-def]
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing (apt-get install chromium fonts-thai-tlwg)")
    from playwright.sync_api import expect, sync_playwright

    server = serve_dir(write_site(tmp_path / "site"))
    db = tmp_path / "browser.db"
    audit = run_cli("audit", server.url, "--db", str(db), "--as-of", AS_OF, "--delay", "0",
                    "--quiet")
    assert audit.code == 0, audit.text

    port = free_port()
    log = tmp_path / "streamlit.log"
    process = start_dashboard(db, port, log=log)
    try:
        assert wait_ready(port, timeout=30, process=process), log.read_text()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport={"width": 1500, "height": 1100})
                dialogs: list[str] = []
                page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
                page.goto(f"http://127.0.0.1:{port}/")
                grid = page.locator('[data-testid="stDataFrame"]').first
                grid.wait_for(timeout=30_000)
                expect(page.get_by_role("heading", name="ภาพรวม")).to_be_visible()
                # Thai category names (legend) and statuses (symbol + word) are visible
                expect(page.get_by_text("ข้อมูลพื้นฐานเกี่ยวกับโครงสร้าง ภารกิจ และผู้บริหาร")
                       ).to_be_visible()
                expect(page.get_by_text("ข่าวประชาสัมพันธ์ กฎ ระเบียบ").first).to_be_visible()
                expect(page.get_by_text("✔ ครบถ้วน/เป็นปัจจุบัน").first).to_be_visible()
                expect(page.get_by_text("✖ ไม่พบข้อมูล").first).to_be_visible()
                # the matrix grid (canvas) keeps an accessible copy of its cells
                cells = grid.locator("table").inner_text()
                assert "127.0.0.1" in cells and "ครบถ้วน/เป็นปัจจุบัน" in cells
                page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)

                # open the site's page: click its row in the matrix
                box = grid.bounding_box()
                assert box is not None
                row = (box["x"] + 15, box["y"] + 35 + 17)   # row 1 (after the header)
                page.mouse.move(*row)
                page.wait_for_timeout(300)
                page.mouse.click(*row)
                expect(page.get_by_role("heading", name="รายเว็บไซต์")).to_be_visible(
                    timeout=20_000)
                expect(page.get_by_role("radio", name="รายเว็บไซต์")).to_be_checked()
                assert "view=site" in page.url
                expect(page.get_by_text("ผลรายหมวด")).to_be_visible()
                expect(page.locator('[data-testid="stExpander"]').filter(
                    has_text="ข้อมูลพื้นฐานเกี่ยวกับโครงสร้าง").first).to_be_visible()
                expect(page.get_by_text("สถิติการตรวจ")).to_be_visible()
                # the news category's evidence lists the crawled title, as text
                news = page.locator('[data-testid="stExpander"]').filter(has_text="1.8").first
                news.locator("summary").click()
                grid = news.locator('[data-testid="stDataFrame"]')
                expect(grid.locator("table")).to_contain_text(XSS, timeout=10_000)
                page.wait_for_timeout(500)
                shot = tmp_path / "site.png"
                page.screenshot(path=str(shot), full_page=True)
                # an evidence link opens in a new tab (first row, link column after the
                # fixed-width title column)
                box = grid.bounding_box()
                assert box is not None
                x, y = box["x"] + TITLE_WIDTH + 40, box["y"] + 35 + 17
                page.mouse.move(x, y)            # the grid shows links as links on hover
                page.wait_for_timeout(300)
                with page.context.expect_page(timeout=10_000) as opened:
                    page.mouse.click(x, y)
                tab = opened.value
                tab.wait_for_load_state()
                assert tab.url.startswith(server.url) and tab.url.endswith(".html")
                assert page.url.startswith(f"http://127.0.0.1:{port}/")
                assert not dialogs, f"crawled text ran as script: {dialogs}"
            finally:
                browser.close()
    finally:
        stop_dashboard(process)
    assert process.poll() is not None
    width, height = png_size(shot)
    assert width >= 1000 and height >= 800 and shot.stat().st_size > 20_000
    assert png_size(tmp_path / "overview.png")[0] >= 1000
