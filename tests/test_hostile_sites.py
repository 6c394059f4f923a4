"""Hostile and broken sites: the crawl never leaves the site, never calls a failure
"missing", and its limits hold.

Every site is a real HTTP server on 127.0.0.1 (``tests/fixtures/hostile_server.py``)
next to a *canary* server on another port of the same host: whatever route the site
offers towards the canary (links, iframes, frames, image maps, sitemap entries,
robots.txt ``Sitemap:`` lines, sitemap-index children, 301/302/303/307/308
redirects, protocol-relative URLs, meta refresh, ``127.1`` / decimal / hex / octal
host forms), the canary must receive no request at all.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from ita_audit.store import Store
from tests.conftest import read_json, run_cli
from tests.fixtures.hostile_server import CONTENT, canary, escape_routes, html, redirect, serve

AS_OF = "2026-11-20"


def audit(url: str, tmp: Path, *extra: str, timeout: float = 120) -> tuple[Any, dict, Store]:
    db, out = tmp / "h.db", tmp / "h.json"
    result = run_cli("audit", url, "--db", str(db), "--json", str(out), "--as-of", AS_OF,
                     "--delay", "0", "--quiet", *extra, timeout=timeout)
    report = read_json(out) if out.exists() else {}
    return result, report, Store.open(db, create=False)


@pytest.fixture(scope="module")
def escape(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("escape")
    with canary() as bird:
        routes = escape_routes(bird.url)
        with serve(routes.get) as site:
            result, report, store = audit(site.url, tmp)
            time.sleep(0.3)
            yield result, report, store, site, bird


def test_the_canary_receives_no_request(escape) -> None:  # type: ignore[no-untyped-def]
    result, report, _, site, bird = escape
    assert result.code == 0, result.text
    assert bird.requests == [], bird.requests
    # and the site itself was crawled: its pages, its own sitemap, its robots.txt
    assert {"/", "/manual.html", "/after-bad.html", "/robots.txt"} <= set(site.requests)


def test_off_site_targets_are_external_links(escape) -> None:  # type: ignore[no-untyped-def]
    _, report, store, _, bird = escape
    external = {d["url"] for d in store.documents(report["run"]["id"], kind="external")}
    canary_paths = {u.split(str(bird.port), 1)[1] for u in external if f":{bird.port}" in u}
    # links, the iframe, the image map and the redirects' targets are all recorded
    assert {"/link", "/iframe", "/area", "/protocol-relative", "/r301", "/r302",
            "/r307"} <= canary_paths, canary_paths


def test_no_category_is_judged_on_the_canary(escape) -> None:  # type: ignore[no-untyped-def]
    _, report, _, _, bird = escape
    for category in report["categories"]:
        for e in category["evidence"]:
            assert f":{bird.port}/" not in e["url"] or e["kind"] == "external", e


def test_malformed_hrefs_are_broken_links_and_the_page_is_kept(escape) -> None:  # type: ignore[no-untyped-def]
    _, report, _, site, _ = escape
    assert report["run"]["status"] == "complete", report["run"]["reason"]
    malformed = [b for b in report["broken_links"] if b["error"] == "malformed URL"]
    assert {b["url"] for b in malformed} >= {"http://exa mple.go.th/x", "http://127.0.0.1:99999/",
                                             "http://[::1/"}
    assert all(b["found_on"] == [site.url + "broken-links.html"] for b in malformed)
    assert "/after-bad.html" in site.requests        # the links after them are followed


def test_a_start_url_redirecting_to_another_server_fails(tmp_path: Path) -> None:
    with canary() as bird, serve({"/": redirect(302, bird.url + "elsewhere")}.get) as site:
        result, report, _ = audit(site.url, tmp_path)
        assert bird.requests == []
    assert result.code == 1
    assert report["run"]["status"] == "failed"
    assert "redirects to another site" in report["run"]["reason"]


@pytest.mark.parametrize("status", [404, 500, 503])
def test_a_start_page_answering_an_error_is_a_failed_run(tmp_path: Path, status: int) -> None:
    routes = {"/": (status, {"Content-Type": "text/html"}, b"<h1>error</h1>")}
    with serve(routes.get) as site:
        result, report, _ = audit(site.url, tmp_path)
    assert result.code == 1, result.text
    assert report["run"]["status"] == "failed"
    assert f"HTTP {status}" in report["run"]["reason"]
    assert report["categories"] == []                 # no stale 1.9, no "missing"


def test_a_page_that_could_not_be_fetched_is_unknown_not_missing(tmp_path: Path) -> None:
    routes = {
        "/": html("<h1>สพป.ทดสอบ</h1><ul><li><a href='/plan.html'>แผนปฏิบัติการประจำปี</a></li>"
                  "<li><a href='/manual.html'>คู่มือการปฏิบัติงาน</a></li></ul>" + CONTENT),
        "/plan.html": (503, {"Content-Type": "text/html", "Retry-After": "120"}, b"busy"),
        "/manual.html": html("<h1>คู่มือการปฏิบัติงาน</h1>" + CONTENT),
    }
    with serve(routes.get) as site:
        _, report, _ = audit(site.url, tmp_path)
    status = {c["id"]: c["status"] for c in report["categories"]}
    plan = next(c for c in report["categories"] if c["id"] == "1.3")
    assert "partial" in report["run"]["reason"]
    assert "plan.html (HTTP 503)" in report["run"]["reason"]
    assert status["1.3"] == "unknown"                 # the plan's page could not be seen
    assert "plan.html (HTTP 503)" in plan["reason_en"] and "fetch_failed" in plan["flags"]
    assert status["1.6"] == "ok"                      # found evidence still settles 1.6
    assert status["1.5"] == "missing"                 # nothing failed could hold it


def test_a_failed_page_named_by_nothing_could_hold_any_category(tmp_path: Path) -> None:
    routes = {
        "/": html("<h1>สพป.ทดสอบ</h1><ul><li><a href='/page.php?id=7'>อ่านต่อ</a></li>"
                  "<li><a href='/manual.html'>คู่มือการปฏิบัติงาน</a></li></ul>" + CONTENT),
        "/manual.html": html("<h1>คู่มือการปฏิบัติงาน</h1>" + CONTENT),
        "/page.php?id=7": (502, {"Content-Type": "text/html"}, b"bad gateway"),
    }
    with serve(routes.get) as site:
        _, report, _ = audit(site.url, tmp_path)
    status = {c["id"]: c["status"] for c in report["categories"]}
    assert status["1.6"] == "ok"
    assert {status[c] for c in ("1.1", "1.2", "1.3", "1.4", "1.5", "1.7", "1.8")} == {"unknown"}


def test_sitemaps_count_against_the_page_limit(tmp_path: Path) -> None:
    origin: list[str] = []

    def routes(path: str) -> Any:
        base = origin[0].rstrip("/")
        index = ("<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/"
                 "sitemap/0.9'>" + "".join(f"<sitemap><loc>{base}/sm/{i}.xml</loc></sitemap>"
                                           for i in range(300)) + "</sitemapindex>")
        if path == "/":
            return html("<h1>หน้าแรก</h1><a href='/about.html'>เกี่ยวกับเรา</a>" + CONTENT)
        if path == "/robots.txt":
            return (200, {"Content-Type": "text/plain"}, f"Sitemap: {base}/index.xml\n".encode())
        if path in ("/index.xml", "/sitemap.xml"):
            return (200, {"Content-Type": "application/xml"}, index.encode())
        if path.startswith("/sm/"):
            n = path.split("/")[2].split(".")[0]
            body = ("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/"
                    "sitemap/0.9'>" + "".join(f"<url><loc>{base}/p/{n}/{j}.html</loc></url>"
                                              for j in range(50)) + "</urlset>")
            return (200, {"Content-Type": "application/xml"}, body.encode())
        return html("<h1>หน้า</h1>" + CONTENT)

    with serve(routes) as site:
        origin.append(site.url)
        _, report, _ = audit(site.url, tmp_path, "--max-pages", "20")
    assert len(site.requests) <= 20 + 2, len(site.requests)   # + robots.txt and a retry margin
    assert sum(p.startswith("/sm/") for p in site.requests) >= 1
    assert report["run"]["status"] == "incomplete"
    assert "page limit 20" in report["run"]["reason"]


@pytest.mark.parametrize("megabytes", [
    pytest.param(3, id="3MB"),
    pytest.param(25, id="25MB", marks=pytest.mark.slow),
])
def test_a_huge_text_node_does_not_hide_the_links_after_it(tmp_path: Path, megabytes: int) -> None:
    big_text = ("<p>" + "ข้อความ" * (megabytes * 140_000) + "</p>"
                "<a href='/after-text.html'>ต่อไป</a>")
    data_image = ("<img src='data:image/png;base64," + "iVBORw0KGgo" * (megabytes * 40_000)
                  + "'><a href='/after-image.html'>ต่อไป</a>")
    routes = {"/": html("<h1>หน้าแรก</h1><a href='/text.html'>ข้อความยาว</a>"
                        "<a href='/image.html'>ภาพ</a>" + CONTENT),
              "/text.html": html(big_text), "/image.html": html(data_image),
              "/after-text.html": html("<h1>ต่อ</h1>" + CONTENT),
              "/after-image.html": html("<h1>ต่อ</h1>" + CONTENT)}
    with serve(routes.get) as site:
        _, report, _ = audit(site.url, tmp_path, "--max-mb", "80", timeout=90)
    assert "/after-text.html" in site.requests       # the link after the text node
    assert "/after-image.html" in site.requests      # and after the inline data: image
    assert report["run"]["status"] == "complete", report["run"]["reason"]


def test_link_context_is_linear_in_the_links_of_one_cell() -> None:
    """12,000 links in one table cell (it once blocked a crawl 110 s past its time limit)."""
    from crawler.page import parse_html

    cell = "<table><tr><td>" + "".join(f"<a href='/c/{i}.html'>{i}</a>" for i in range(12000))
    started = time.monotonic()
    page = parse_html(cell + "</td></tr></table>", "http://127.0.0.1/")
    assert len(page.links) == 12000
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("limit", [
    pytest.param(3, id="3s"),
    pytest.param(10, id="10s", marks=pytest.mark.slow),
])
def test_twelve_thousand_links_in_one_cell_keep_the_time_limit(tmp_path: Path, limit: int) -> None:
    cell = "<table><tr><td>" + "".join(f"<a href='/c/{i}.html'>{i}</a>" for i in range(12000)) \
        + "</td></tr></table>"

    def routes(path: str) -> Any:
        if path == "/":
            return html("<h1>หน้าแรก</h1><a href='/cell.html'>ตาราง</a>" + CONTENT)
        if path == "/cell.html":
            return html(cell)
        time.sleep(0.2)                               # a slow site: the time limit must cut it
        return html("<h1>หน้า</h1>" + CONTENT)

    with serve(routes) as site:
        started = time.monotonic()
        _, report, _ = audit(site.url, tmp_path, "--timeout", str(limit), "--concurrency", "4",
                             timeout=90)
        elapsed = time.monotonic() - started
    assert "/cell.html" in site.requests
    assert elapsed < limit + 15, elapsed              # the limit holds (+ start-up, judging)
    assert report["run"]["status"] == "incomplete"
    assert "time limit" in report["run"]["reason"]


def test_a_start_url_redirected_within_the_site_stays_the_start_page(tmp_path: Path) -> None:
    """``/`` answers 302 to ``/page/``, whose menu links ``/page/`` again: it is still the
    home page, judged by its boxes (the director's box among them)."""
    home = html("<nav><a href='/page/'>หน้าแรก</a> <a href='/page/about.html'>เกี่ยวกับ</a></nav>"
                "<h2>ผู้อำนวยการ</h2><p>นายสมชาย ใจดี</p><p>สาธารณสุขอำเภอตัวอย่าง</p>" + CONTENT)
    routes = {"/": redirect(302, "/page/"), "/page/": home,
              "/page/about.html": html("<nav><a href='/page/'>หน้าแรก</a></nav><h1>เกี่ยวกับ</h1>"
                                       + CONTENT)}
    with serve(routes.get) as site:
        _, report, _ = audit(site.url, tmp_path)
        assert site.requests.count("/page/") == 1
    executives = next(c for c in report["categories"] if c["id"] == "1.1")
    assert executives["status"] == "ok"
    assert any("นายสมชาย ใจดี" in m for e in executives["evidence"] for m in e["matched"])


@pytest.mark.parametrize("allow, sent", [(False, False), (True, True)])
def test_private_addresses_the_start_url_did_not_name_are_refused(allow: bool, sent: bool) -> None:
    """Defence in depth behind the host check: even a host admitted to the scope (an alias)
    is refused when it is a private address other than the start URL's own."""
    from types import SimpleNamespace

    from scrapy import Request

    from crawler.middlewares import OffSiteRequest, ScopeMiddleware
    from crawler.scope import Scope

    scope = Scope.for_site("https://www.example-esa.go.th/")
    scope.hosts.add("10.0.0.5")
    noted: list[str] = []
    spider = SimpleNamespace(scope=scope, note_off_site=lambda r: noted.append(r.url))
    middleware = ScopeMiddleware(allow_private=allow)
    assert middleware.process_request(Request("https://www.example-esa.go.th/a"), spider) is None
    if sent:
        assert middleware.process_request(Request("https://10.0.0.5/admin"), spider) is None
    else:
        with pytest.raises(OffSiteRequest):
            middleware.process_request(Request("https://10.0.0.5/admin"), spider)
        assert noted == ["https://10.0.0.5/admin"]
