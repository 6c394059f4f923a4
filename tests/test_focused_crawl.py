"""A crawl that reaches the evidence first, and honest completeness on a deep news archive.

A WordPress-style office site on 127.0.0.1 with 1,200 news posts: a numbered
news pagination (120 pages), monthly date archives, a menu, an ITA hub whose
rows link the items.  Under a page budget far smaller than the site, the menu,
the hub and the items its rows name are fetched first, each archive is read to
its newest few pages, and a limit that cut only archive pages leaves the audit
complete (with a note); one that cut menu or hub links makes it incomplete.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from crawler.priority import Prioritizer, archive_family, is_pager_label
from tests.conftest import read_json, run_cli
from tests.fixtures.hostile_server import CONTENT, html, serve

AS_OF = "2026-11-20"
POSTS = 1200
PER_PAGE = 10
HUB_ITEMS = {
    "o1": ("O1", "โครงสร้างหน่วยงาน"), "o10": ("O10", "แผนปฏิบัติการประจำปี พ.ศ. 2569"),
    "o12": ("O12", "ประกาศผู้ชนะการเสนอราคา ประจำเดือนตุลาคม 2569"),
    "o20": ("O20", "คู่มือการปฏิบัติงาน กลุ่มบริหารงานบุคคล"),
    "o22": ("O22", "คู่มือการให้บริการประชาชน"),
}
MENU = ("<nav class='menu'><ul><li><a href='/'>หน้าแรก</a></li>"
        "<li><a href='/about/'>เกี่ยวกับเรา</a></li><li><a href='/ita/'>ITA 2569</a></li>"
        "<li><a href='/news/'>ข่าว</a></li></ul></nav>")
ARCHIVE = "<aside><h3>คลังข่าว</h3><ul>" + "".join(
    f"<li><a href='/2026/{m:02d}/'>{m}/2026</a></li>" for m in range(1, 13)) + "</ul></aside>"


def own(name: str) -> str:
    """A paragraph of the page's own (the shared CONTENT paragraph is the site template)."""
    return (f"<p>เรื่อง {name} สำนักงานได้ดำเนินการตามขั้นตอนและเผยแพร่รายละเอียดให้ประชาชน"
            f"ได้รับทราบโดยทั่วกัน ({name})</p>")


def post_date(n: int) -> str:
    return f"{1 + n % 28} พฤศจิกายน 2569" if n >= POSTS - 30 else f"{1 + n % 28} มกราคม 2566"


def listing(page: int) -> str:
    first = POSTS - (page - 1) * PER_PAGE
    items = "".join(f"<li><a href='/post/{n}/'>ประชุมคณะกรรมการสถานศึกษา ครั้งที่ {n}</a>"
                    f" {post_date(n)}</li>" for n in range(first, first - PER_PAGE, -1))
    pages = POSTS // PER_PAGE
    pager = " ".join(f"<a href='/news/page/{p}/'>{p}</a>" for p in range(2, min(pages, 6)))
    pager += f" … <a href='/news/page/{pages}/'>{pages}</a>"
    if page < pages:
        pager += f" <a href='/news/page/{page + 1}/'>ถัดไป »</a>"
    return html(MENU + f"<main><h1>ข่าวประชาสัมพันธ์</h1><ul>{items}</ul>"
                f"<div class='pagination'>{pager}</div></main>" + ARCHIVE)


def routes(path: str) -> Any:
    if path == "/":
        return html(MENU + "<main><h1>สพม.ทดสอบ</h1>" + CONTENT
                    + "<h2>ข่าวประชาสัมพันธ์</h2><ul>" + "".join(
                        f"<li><a href='/post/{n}/'>ประชุมคณะกรรมการ ครั้งที่ {n}</a> {post_date(n)}"
                        f"</li>" for n in range(POSTS, POSTS - 5, -1)) + "</ul></main>" + ARCHIVE)
    if path == "/about/":
        return html(MENU + "<main><h1>เกี่ยวกับเรา</h1>" + own("ประวัติสำนักงาน") + "</main>"
                    + ARCHIVE)
    if path == "/ita/":
        rows = "".join(f"<tr><td>{code}</td><td>{name}</td><td><a href='/ita/{slug}.html'>คลิก</a>"
                       f"</td></tr>" for slug, (code, name) in HUB_ITEMS.items())
        return html(MENU + f"<main><h1>ITA 2569</h1><table>{rows}</table></main>" + ARCHIVE)
    m = re.fullmatch(r"/ita/(\w+)\.html", path)
    if m and m.group(1) in HUB_ITEMS:
        code, name = HUB_ITEMS[m.group(1)]
        return html(MENU + f"<main><h1>{name}</h1>" + own(name)
                    + "<p>ประกาศ ณ วันที่ 1 ตุลาคม 2569</p></main>" + ARCHIVE)
    if path == "/news/":
        return listing(1)
    m = re.fullmatch(r"/news/page/(\d+)/", path)
    if m:
        return listing(int(m.group(1)))
    m = re.fullmatch(r"/post/(\d+)/", path)
    if m:
        n = int(m.group(1))
        return html(MENU + f"<main><h1>ประชุมคณะกรรมการสถานศึกษา ครั้งที่ {n}</h1>"
                    f"<p>วันที่ {post_date(n)}</p>" + own(f"การประชุมครั้งที่ {n}") + "</main>"
                    + ARCHIVE)
    m = re.fullmatch(r"/2026/(\d\d)/", path)
    if m:
        return listing(2)
    return None


@pytest.fixture(scope="module")
def focused(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("focused")
    with serve(routes) as site:
        out = tmp / "r.json"
        result = run_cli("audit", site.url, "--db", str(tmp / "a.db"), "--json", str(out),
                         "--as-of", AS_OF, "--delay", "0", "--max-pages", "60", "--quiet")
        yield result, read_json(out), list(site.requests)


def test_a_deep_archive_cut_by_the_budget_leaves_the_audit_complete(focused) -> None:  # type: ignore[no-untyped-def]
    result, report, requests = focused
    assert result.code == 0, result.text
    assert report["run"]["status"] == "complete", report["run"]["reason"]
    assert "older archive or pagination page(s) not visited" in report["run"]["reason"]
    fetched = [p for p in requests if p not in ("/robots.txt", "/sitemap.xml")]
    assert len(fetched) <= 60


def test_menu_hub_and_named_items_are_fetched_first(focused) -> None:  # type: ignore[no-untyped-def]
    _, _, requests = focused
    assert {"/", "/about/", "/ita/", "/news/"} <= set(requests)
    assert {f"/ita/{slug}.html" for slug in HUB_ITEMS} <= set(requests)
    # each listing read to its newest pages only: never page 120, never more than five
    pages = [int(p.split("/")[3]) for p in requests if p.startswith("/news/page/")]
    assert pages and max(pages) <= 5 and POSTS // PER_PAGE not in pages


def test_the_verdicts_see_the_evidence(focused) -> None:  # type: ignore[no-untyped-def]
    _, report, _ = focused
    status = {c["id"]: c["status"] for c in report["categories"]}
    assert {status[c] for c in ("1.1", "1.3", "1.5", "1.6", "1.7")} == {"ok"}
    assert status["1.8"] == "ok"            # the newest posts are current
    assert status["1.4"] == "missing"       # the audit is complete: absence can be said


def test_a_budget_that_cuts_menu_links_makes_the_run_incomplete(tmp_path: Path) -> None:
    with serve(routes) as site:
        out = tmp_path / "r.json"
        run_cli("audit", site.url, "--db", str(tmp_path / "a.db"), "--json", str(out),
                "--as-of", AS_OF, "--delay", "0", "--max-pages", "3", "--quiet")
    report = read_json(out)
    assert report["run"]["status"] == "incomplete"
    assert "page limit 3" in report["run"]["reason"]
    assert "missing" not in {c["status"] for c in report["categories"] if c["id"] != "1.9"}


@pytest.mark.parametrize("url, label, archive", [
    ("http://x.go.th/news/page/7/", "7", True),
    ("http://x.go.th/index.php?option=com_content&page=3", "3", True),
    ("http://x.go.th/2026/05/", "พฤษภาคม 2026", True),
    ("http://x.go.th/news/", "ถัดไป »", True),
    ("http://x.go.th/news/", "ข่าวประชาสัมพันธ์", False),
    ("http://x.go.th/ita/o12.html", "คลิก", False),
    ("http://x.go.th/post/2569/", "ประชุม", False),
])
def test_pagination_and_date_archives_are_told_apart(url: str, label: str, archive: bool) -> None:
    assert (archive_family(url) is not None or is_pager_label(label)) is archive


def test_links_naming_an_item_come_before_the_rest() -> None:
    rank = Prioritizer(["แผนปฏิบัติการประจำปี", "ประกาศผู้ชนะ"])
    named, _ = rank.priority("http://x/a", "แผนปฏิบัติการ ประจำปี 2569", "", False, 2, False)
    menu, _ = rank.priority("http://x/b", "เกี่ยวกับเรา", "", True, 1, False)
    other, _ = rank.priority("http://x/c", "ภาพกิจกรรม", "", False, 1, False)
    pager, is_archive = rank.priority("http://x/news/page/2/", "2", "", False, 1, False)
    assert named > menu > other > pager and is_archive
