"""Self-checks for the fixture sites in tests/fixtures (alt_office and the trap server).

They only prove the fixtures behave as designed (pages load, headers lie as
intended, traps trap); the crawler and classifier are tested elsewhere.
"""

from __future__ import annotations

import html
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import deque
from pathlib import Path

import pytest
import yaml

from ita_audit.siteserver import serve
from tests.fixtures.trap_server import (
    BIG_PDF_BYTES,
    HUGE_HTML_BYTES,
    REDIRECT_CHAIN_END,
    REDIRECT_CODES,
    UNRESOLVABLE_URL,
    serve_trap_site,
)

ALT = Path(__file__).parent / "fixtures" / "sites" / "alt_office"
ALT_SITE = ALT / "site"
EXPECTED = yaml.safe_load((ALT / "expected.yaml").read_text(encoding="utf-8"))
CATEGORIES = [f"1.{i}" for i in range(1, 9)]
THAI = re.compile(r"[\u0e01-\u0e5b]")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003
        return None


# Loopback only: no proxies from the environment, never follow redirects silently.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())


def fetch(url: str, timeout: float = 5.0, limit: int | None = None):
    """(status, headers, body) for any status code; reads at most ``limit`` bytes."""
    assert urllib.parse.urlsplit(url).hostname == "127.0.0.1", url
    try:
        resp = OPENER.open(url, timeout=timeout)
    except urllib.error.HTTPError as err:
        resp = err
    with resp:
        body = resp.read(limit) if limit else resp.read()
        return resp.status if hasattr(resp, "status") else resp.code, resp.headers, body


def quoted(path: str) -> str:
    return urllib.parse.quote(path, safe="/?=&%:#")


@pytest.fixture(scope="module")
def alt():
    with serve(ALT_SITE) as server:
        yield server.url.rstrip("/")


@pytest.fixture(scope="module")
def trap():
    with serve_trap_site() as server:
        yield server


# =========================================================================== alt_office
def test_expected_yaml_shape():
    assert EXPECTED["reference_date"] == "2026-11-20"
    assert EXPECTED["site_name_th"].startswith("สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา")
    statuses = {c: EXPECTED[c]["status"] for c in CATEGORIES}
    assert statuses["1.5"] == "stale" and statuses["1.7"] == "missing"
    assert all(s == "ok" for c, s in statuses.items() if c not in ("1.5", "1.7"))
    assert EXPECTED["1.7"]["evidence_paths"] == []
    for c in CATEGORIES:
        assert set(EXPECTED[c]) == {"status", "evidence_paths", "not_evidence_paths"}
        assert not set(EXPECTED[c]["evidence_paths"]) & set(EXPECTED[c]["not_evidence_paths"])
    assert EXPECTED["page_count_min"] >= 30


def test_site_is_small_and_has_documents():
    files = [f for f in ALT_SITE.rglob("*") if f.is_file()]
    assert sum(f.stat().st_size for f in files) < 2 * 1024 * 1024
    assert len([f for f in files if f.suffix.lower() == ".pdf"]) >= 5
    assert any(f.suffix == ".docx" for f in files) and any(f.suffix == ".xlsx" for f in files)


def test_home_page_loads(alt):
    status, headers, body = fetch(alt + "/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    text = body.decode("utf-8")
    assert "สพม.นครเวียงทอง" in text and "breadcrumb" in text and "tagcloud" in text
    for host in ("drive.google.com", "facebook.com", "line.me"):
        assert host in text
    status, _, robots = fetch(alt + "/robots.txt")
    assert status == 200 and b"Disallow: /wp-admin/" in robots


def test_tis620_page_with_lying_header(alt):
    status, headers, body = fetch(alt + "/old/manual_work.htm")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=iso-8859-1"
    assert b"charset=tis-620" in body
    assert not THAI.search(body.decode("iso-8859-1"))  # what a header-trusting client sees
    text = body.decode("tis-620")
    assert "คู่มือการปฏิบัติงาน" in text and "o8" in text


def test_query_urls_and_download_manager(alt):
    status, headers, body = fetch(alt + "/?page_id=45")
    assert status == 200 and "กลุ่มนโยบายและแผน" in body.decode()
    status, headers, body = fetch(alt + "/?wpdmdl=512")
    assert status == 200 and body.startswith(b"%PDF")
    assert headers["Content-Type"] == "application/octet-stream"
    assert "attachment" in headers["Content-Disposition"]
    status, _, body = fetch(alt + quoted(EXPECTED["1.2"]["evidence_paths"][-1]))  # Joomla-era URL
    assert status == 200 and "Joomla" in body.decode()


def test_expected_paths_load_and_broken_links_fail(alt):
    for c in CATEGORIES:
        for path in EXPECTED[c]["evidence_paths"] + EXPECTED[c]["not_evidence_paths"]:
            if path.startswith("/"):
                assert fetch(alt + quoted(path))[0] == 200, path
    codes = sorted(fetch(alt + quoted(p))[0] for p in EXPECTED["broken_links"])
    assert codes == [404, 404, 500]


def _page_text(body: bytes, ctype: str) -> str:
    m = re.search(rb'charset=["\']?([\w-]+)', body[:600])
    return body.decode(m.group(1).decode() if m else "utf-8")


def test_mini_crawl_reaches_every_page_and_expected_path(alt):
    """Breadth-first over <a href>: every listed path is linked, only listed links are broken."""
    queue, seen, html_pages, broken = deque(["/"]), {"/"}, 0, set()
    while queue:
        path = queue.popleft()
        status, headers, body = fetch(alt + quoted(path))
        if status >= 400:
            broken.add(path)
            continue
        if not headers["Content-Type"].startswith("text/html"):
            continue
        html_pages += 1
        for raw in re.findall(r'href="([^"]*)"', _page_text(body, headers["Content-Type"])):
            url = urllib.parse.urljoin(alt + path, html.unescape(raw))
            parts = urllib.parse.urlsplit(url)
            if url.startswith(alt) and parts.scheme == "http":
                target = urllib.parse.unquote(parts.path) + (f"?{parts.query}" if parts.query else "")
                if target not in seen and not target.startswith("/wp-admin/") and not target.endswith(".css"):
                    seen.add(target)
                    queue.append(target)
    assert html_pages >= EXPECTED["page_count_min"]
    assert broken == set(EXPECTED["broken_links"])
    internal = {p for c in CATEGORIES for p in EXPECTED[c]["evidence_paths"] + EXPECTED[c]["not_evidence_paths"]
                if p.startswith("/")} | set(EXPECTED["no_text_layer"])
    assert internal <= seen, internal - seen


def test_no_service_wording_anywhere():
    """1.7 must be honestly missing: no service-manual / statistics / satisfaction / E-Service words."""
    banned = ["บริการ", "e-service", "eservice", "e–service", "ความพึงพอใจ", "คู่มือประชาชน",
              "อำนวยความสะดวก", "ออนไลน์", "e-office", "e-slip"]
    for f in ALT_SITE.rglob("*.htm*"):
        raw = f.read_bytes()
        text = re.sub(r"\s+", "", raw.decode("tis-620" if f.suffix == ".htm" else "utf-8")).lower()
        assert not [b for b in banned if b in text], f


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_pdfs_have_thai_text_except_the_scan(alt, tmp_path):
    pdfs = sorted(p for p in ALT_SITE.rglob("*") if p.suffix.lower() == ".pdf")
    scans = {urllib.parse.unquote(p) for p in EXPECTED["no_text_layer"]}
    assert len(pdfs) >= 6
    for pdf in pdfs:
        url_path = "/" + pdf.relative_to(ALT_SITE).as_posix()
        if "download-manager-files" in url_path:
            url_path = "/?wpdmdl=512"
        status, _, body = fetch(alt + quoted(url_path))
        assert status == 200 and body.startswith(b"%PDF"), url_path
        local = tmp_path / "doc.pdf"
        local.write_bytes(body)
        out = subprocess.run(["pdftotext", "-layout", str(local), "-"], capture_output=True,
                             text=True, timeout=20).stdout
        if url_path in scans:
            assert not THAI.search(out), url_path
        else:
            assert len(THAI.findall(out)) > 100, url_path
            assert "นครเวียงทอง" in re.sub(r"\s+", "", out) or "สขร" in out, url_path


def test_office_documents_are_thai():
    from docx import Document
    from openpyxl import load_workbook

    docx = next(ALT_SITE.rglob("*.docx"))
    assert "ป้องกันการทุจริต" in " ".join(p.text for p in Document(docx).paragraphs)
    wb = load_workbook(next(ALT_SITE.rglob("*.xlsx")), read_only=True, data_only=True)
    cells = [str(c) for row in wb.active.iter_rows(values_only=True) for c in row if c]
    assert any("เบิกจ่ายงบประมาณ" in c for c in cells)


# =========================================================================== trap server
def test_trap_home_links_everything(trap):
    status, headers, body = fetch(trap.url)
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    text = body.decode("utf-8")
    for target in ("/calendar.php?month=", "/events?session=", "/list?sort=a&amp;page=1", "/r/1", "/loop/a",
                   "/error500.html", "/big.pdf", "/huge-page.html", "/broken.pdf", "/private/secret.html",
                   "/slow.html", "/ratelimited.html", "/weird-links.html", "/wrong-charset-utf8.html",
                   "/wrong-charset-latin1.html", UNRESOLVABLE_URL):
        assert target in text, target
    assert "สำนักงาน" in text


def test_trap_robots_and_sitemap(trap):
    status, headers, body = fetch(trap.url + "robots.txt")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    text = body.decode()
    assert "Disallow: /private/" in text
    assert f"Sitemap: {trap.url}sitemap.xml" in text
    status, _, body = fetch(trap.url + "sitemap.xml")
    assert status == 200 and b"/private/from-sitemap.html" in body and b"/sitemap-only.html" in body


def test_trap_infinite_spaces(trap):
    _, _, body = fetch(trap.url + "calendar.php?month=5")
    text = body.decode()
    assert "month=6" in text and "month=4" in text
    first = set(re.findall(r"session=([0-9a-f]+)", text))
    second = set(re.findall(r"session=([0-9a-f]+)", fetch(trap.url + "calendar.php?month=5")[2].decode()))
    assert first and second and not first & second  # a fresh session token on every render
    _, _, body = fetch(trap.url + "list?sort=a&page=7")
    assert "page=8" in body.decode()
    assert fetch(trap.url + "calendar.php?month=-4000")[0] == 200  # no floor


def test_trap_redirects(trap):
    status, headers, _ = fetch(trap.url + "r/1")
    assert status == 301 and headers["Location"] == "/r/2"
    codes = []
    path = "/r/1"
    for _ in range(REDIRECT_CHAIN_END + 2):
        status, headers, _ = fetch(trap.url.rstrip("/") + path)
        if status not in REDIRECT_CODES:
            break
        codes.append(status)
        path = headers["Location"]
    assert path == f"/r/{REDIRECT_CHAIN_END}" and status == 200
    assert len(codes) == REDIRECT_CHAIN_END - 1 and set(codes) == set(REDIRECT_CODES)
    assert fetch(trap.url + "loop/a")[1]["Location"] == "/loop/b"
    status, headers, _ = fetch(trap.url + "loop/b")
    assert status == 302 and headers["Location"] == "/loop/a"


def test_trap_errors(trap):
    for path in ("missing-page.html", "docs/missing.pdf", "ita/o99.html", "r/31"):
        status, _, body = fetch(trap.url + path)
        assert status == 404 and "404" in body.decode()
    assert fetch(trap.url + "error500.html")[0] == 500
    with pytest.raises(OSError):
        socket.getaddrinfo(urllib.parse.urlsplit(UNRESOLVABLE_URL).hostname, 80)


def test_trap_rate_limit_then_ok(trap):
    status, headers, _ = fetch(trap.url + "ratelimited.html")
    assert status == 429 and headers["Retry-After"] == "1"
    assert fetch(trap.url + "ratelimited.html")[0] == 200


def test_trap_slow_page_times_out(trap):
    start = time.monotonic()
    with pytest.raises((TimeoutError, urllib.error.URLError)):
        fetch(trap.url + "slow.html", timeout=0.4)
    assert time.monotonic() - start < 2


def test_trap_big_files_are_streamed_and_abortable(trap):
    status, headers, head = fetch(trap.url + "big.pdf", limit=4096)
    assert status == 200 and head.startswith(b"%PDF") and len(head) == 4096
    assert int(headers["Content-Length"]) == BIG_PDF_BYTES
    (transfer,) = trap.transfers.wait_finished("/big.pdf")
    assert transfer.aborted and not transfer.completed and transfer.sent < BIG_PDF_BYTES

    status, headers, head = fetch(trap.url + "huge-page.html", limit=8192)
    assert status == 200 and int(headers["Content-Length"]) == HUGE_HTML_BYTES
    assert "รายงาน" in head.decode("utf-8", "ignore")
    (transfer,) = trap.transfers.wait_finished("/huge-page.html")
    assert transfer.aborted and transfer.sent < HUGE_HTML_BYTES

    status, headers, head = fetch(trap.url + "big-nolength.pdf", limit=1024)
    assert status == 200 and "Content-Length" not in headers and head.startswith(b"%PDF")
    req = urllib.request.Request(trap.url + "big.pdf", method="HEAD")
    with OPENER.open(req, timeout=5) as resp:
        assert int(resp.headers["Content-Length"]) == BIG_PDF_BYTES and resp.read() == b""


def test_trap_broken_pdf(trap):
    status, headers, body = fetch(trap.url + "broken.pdf")
    assert status == 200 and headers["Content-Type"] == "application/pdf"
    assert body.startswith(b"%PDF") and b"%%EOF" not in body and len(body) < 10_000


def test_trap_wrong_charsets(trap):
    status, headers, body = fetch(trap.url + "wrong-charset-utf8.html")
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert b"windows-874" in body
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    assert "“ประกาศเจตจำนงสุจริต”" in body.decode("cp874")
    status, headers, body = fetch(trap.url + "wrong-charset-latin1.html")
    assert headers["Content-Type"] == "text/html; charset=iso-8859-1"
    assert b"charset" not in body and "สำนักงานเขตพื้นที่การศึกษา" in body.decode("cp874")


def test_trap_weird_links_and_request_log(trap):
    _, _, body = fetch(trap.url + "weird-links.html")
    text = body.decode()
    for scheme in ('href="javascript:', 'href="mailto:', 'href="tel:', 'href="data:', 'href=""'):
        assert scheme in text
    outside_script = re.sub(r"<script.*?</script>", "", text, flags=re.S)
    assert 'href="/js-only.html"' not in outside_script  # only in onclick, javascript: and <script>
    assert fetch(trap.url + "private/secret.html")[0] == 200  # exists; robots.txt is the only guard
    fetch(trap.url + "sitemap-only.html")
    fetch(trap.url + "sitemap-only.html?x=1")
    log = trap.request_log.snapshot()
    assert "/weird-links.html" in log and "/private/secret.html" in log
    assert trap.request_log.counts()["/sitemap-only.html"] >= 1
    assert trap.request_log.under("/sitemap-only.html") and "/private/secret.html" in trap.request_log.under("/private/")
    assert "/js-only.html" not in trap.request_log.paths()
