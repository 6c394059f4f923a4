"""A hostile site: calendar loops, redirect chains, huge files, broken PDFs, wrong charsets.

The crawl must finish within its bounds and record what it met.
"""

from __future__ import annotations

import time

import pytest

from ita_audit.store import Store
from tests.conftest import read_json, run_cli
from tests.fixtures.trap_server import serve_trap_site

MAX_PAGES = 150
MAX_MB = 5


@pytest.fixture(scope="module")
def trap(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("trap")
    db, out = tmp / "t.db", tmp / "t.json"
    with serve_trap_site() as server:
        started = time.monotonic()
        result = run_cli("audit", server.url, "--db", str(db), "--json", str(out),
                         "--as-of", "2026-11-20", "--delay", "0", "--concurrency", "8",
                         "--max-pages", str(MAX_PAGES), "--max-mb", str(MAX_MB),
                         "--timeout", "150", "--quiet", timeout=240)
        elapsed = time.monotonic() - started
        time.sleep(0.5)
        log = server.request_log.snapshot()
        transfers = server.transfers
        base = server.url
    report = read_json(out)
    return result, report, log, transfers, elapsed, base, Store.open(db, create=False)


def test_finishes_within_its_bounds(trap) -> None:  # type: ignore[no-untyped-def]
    result, report, log, _, elapsed, _, _ = trap
    assert result.code == 0, result.text
    assert elapsed < 150
    assert report["stats"]["pages"] + report["stats"]["documents"] <= MAX_PAGES
    assert "Traceback" not in result.text


def test_query_string_traps_are_cut(trap) -> None:  # type: ignore[no-untyped-def]
    _, report, log, _, _, _, store = trap
    for path in ("/calendar.php", "/events", "/list"):
        hits = [p for p in log if p.split("?")[0] == path]
        assert 1 <= len(hits) <= 30, (path, len(hits))
    stats = store.run(report["run"]["id"])["stats_json"]
    assert "trap" in stats


def test_robots_txt_is_obeyed(trap) -> None:  # type: ignore[no-untyped-def]
    _, _, log, _, _, _, _ = trap
    assert not [p for p in log if p.startswith("/private/")]
    assert "/robots.txt" in log
    assert "/sitemap-only.html" in log  # found through the sitemap named in robots.txt


def test_huge_responses_are_aborted(trap) -> None:  # type: ignore[no-untyped-def]
    _, report, log, transfers, _, _, _ = trap
    for path in ("/big.pdf", "/huge-page.html"):
        if path in log:
            assert transfers.max_sent(path) < 20 * 1024 * 1024, path


def test_errors_are_recorded_as_broken_links(trap) -> None:  # type: ignore[no-untyped-def]
    _, report, _, _, _, base, _ = trap
    broken = {b["url"].replace(base, "/"): b for b in report["broken_links"]}
    assert broken["/missing-page.html"]["status"] == 404
    assert broken["/missing-page.html"]["found_on"] == [base]
    assert broken["/error500.html"]["status"] == 500
    assert any(u.startswith("/loop/") for u in broken), sorted(broken)
    assert any(u.startswith("/r/") for u in broken), sorted(broken)
    assert "/ratelimited.html" not in broken  # Retry-After honoured, then 200


def test_broken_pdf_and_wrong_charsets(trap) -> None:  # type: ignore[no-untyped-def]
    _, report, _, _, _, base, store = trap
    docs = {d["url"].replace(base, "/"): d for d in store.documents(report["run"]["id"])}
    assert docs["/broken.pdf"]["text_layer"] in ("no", "broken")
    for path in ("/wrong-charset-utf8.html", "/wrong-charset-latin1.html"):
        title = docs[path]["title"]
        assert any("\u0e01" <= c <= "\u0e5b" for c in title), (path, title)


def test_unresolvable_host_is_external_and_never_fetched(trap) -> None:  # type: ignore[no-untyped-def]
    _, report, log, _, _, _, store = trap
    external = {d["url"] for d in store.documents(report["run"]["id"], kind="external")}
    assert "http://does-not-exist.invalid/ita.html" in external


def test_no_scripts_or_odd_schemes_are_followed(trap) -> None:  # type: ignore[no-untyped-def]
    _, _, log, _, _, _, _ = trap
    assert "/js-only.html" not in log
    assert not [p for p in log if "javascript" in p.lower() or p.startswith("/mailto")]

