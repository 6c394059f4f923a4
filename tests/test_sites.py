"""Many sites: the sites file, its errors, and one ``audit --sites`` run of ten sites."""

from __future__ import annotations

import shutil
import socket
import textwrap
from pathlib import Path

import pytest

from crawler.settings import CrawlLimits
from ita_audit import cli
from ita_audit.sites import load_sites
from ita_audit.store import Store
from rules.yamlsource import SourceError
from tests.conftest import ROOT, run_cli

AS_OF = "2026-11-20"
PAGE = ("<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>"
        "<p>ข้อมูล ณ วันที่ 2 ก.พ. 2569</p></body></html>")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def make_site(root: Path, n: int) -> Path:
    """A tiny office site; its robots.txt hides /private/."""
    write(root / "index.html",
          f"<html><head><meta charset='utf-8'><title>สพป.ทดสอบ {n}</title></head><body>"
          "<a href='structure.html'>โครงสร้างองค์กร</a> <a href='news.html'>ข่าวประชาสัมพันธ์</a> "
          "<a href='private/plan.html'>แผนปฏิบัติการประจำปี</a></body></html>")
    write(root / "structure.html", PAGE.format(title="โครงสร้างการบริหารงาน"))
    write(root / "news.html", PAGE.format(title="ข่าวประชาสัมพันธ์"))
    write(root / "private" / "plan.html", PAGE.format(title="แผนปฏิบัติการประจำปี 2569"))
    write(root / "robots.txt", "User-agent: *\nDisallow: /private/\n")
    return root


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- the file ---------------------------------------------------------------------------
def test_sites_file_layers_limits_and_rule_sets(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    bundled = ROOT / "rules" / "rulesets"
    for name in ("concepts.yaml", "scoring.yaml"):
        shutil.copy(bundled / name, rules / name)
    (rules / "mine.yaml").write_text((bundled / "seed.yaml").read_text(encoding="utf-8")
                                     .replace("id: seed", "id: mine"), encoding="utf-8")
    path = write(tmp_path / "sites.yaml", """\
        defaults:
          ruleset: oit-2569
          limits: {delay_s: 1.5, max_pages: 300}
        sites:
          - name: สพป.หนึ่ง
            url: https://one.example.go.th
            webmaster: web@one.example.go.th
          - url: https://two.example.go.th/
            ruleset: seed
            webmaster: [a@two.example.go.th, b@two.example.go.th]
            ignore_robots: true
            limits: {delay_s: 0, max_mb: 5, concurrency: 1}
          - url: https://three.example.go.th/
            ruleset: rules/mine.yaml
        """)
    sites = load_sites(path)
    one, two, three = sites.sites
    assert one.url == "https://one.example.go.th/" and one.name == "สพป.หนึ่ง"
    assert one.ruleset.id == "oit-2569" and two.ruleset.id == "seed"
    assert three.ruleset.id == "mine"            # path relative to the sites file
    assert two.webmasters == ["a@two.example.go.th", "b@two.example.go.th"]
    assert three.webmasters == []
    j1, j2, j3 = sites.jobs({"max_pages": 50, "timeout_s": 99})   # the command's options
    assert (j1.limits.delay_s, j1.limits.max_pages, j1.limits.timeout_s) == (1.5, 50, 99)
    assert j1.limits.obey_robots and j1.limits.autothrottle
    assert j2.limits.delay_s == 0 and not j2.limits.autothrottle   # as `--delay 0`
    assert j2.limits.max_bytes == 5 * 1024 * 1024 and j2.limits.concurrency == 1
    assert not j2.limits.obey_robots and j2.limits.max_pages == 50
    assert j3.limits.concurrency == CrawlLimits().concurrency
    assert j1.ruleset is one.ruleset


@pytest.mark.parametrize(("text", "line", "words"), [
    ("sites:\n  - url: https://a.go.th/\n    colour: red\n", 3, ["unknown key 'colour'"]),
    ("sites:\n  - name: x\n", 2, ["missing required key 'url'"]),
    ("sites:\n  - url: www.a.go.th\n", 2, ["site 1", "http"]),
    ("sites:\n  - url: https://a.go.th/\n  - url: https://a.go.th\n", 3, ["listed twice",
                                                                           "line 2"]),
    ("sites:\n  - url: https://a.go.th/\n    ruleset: oit-2550\n", 3, ["unknown rule set"]),
    ("sites:\n  - url: https://a.go.th/\n    ruleset: nope/r.yaml\n", 3, ["not found"]),
    ("sites:\n  - url: https://a.go.th/\n    webmaster: not-an-address\n", 3,
     ["not an e-mail address"]),
    ("sites:\n  - url: https://a.go.th/\n\n    limits:\n      max_pages: 0\n", 5,
     ["'max_pages' must be at least 1"]),
    ("sites:\n  - url: https://a.go.th/\n    limits: {delay: 2}\n", 3, ["unknown key 'delay'"]),
    ("sites:\n  - url: https://a.go.th/\n    ignore_robots: yes please\n", 3,
     ["'ignore_robots' must be bool"]),
    ("defaults:\n  limits: {timeout_s: fast}\nsites:\n  - url: https://a.go.th/\n", 2,
     ["'timeout_s' must be int"]),
    ("sites: []\n", 1, ["empty"]),
    ("sites:\n  - url: [\n", 3, ["invalid YAML"]),
])
def test_sites_file_errors_name_file_and_line(tmp_path: Path, text: str, line: int,
                                              words: list[str]) -> None:
    path = tmp_path / "sites.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load_sites(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert "\n" not in message
    for word in words:
        assert word in message


def test_sites_error_is_one_line_exit_2_in_process(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "sites.yaml", "sites:\n  - url: https://a.go.th/\n    limits: 3\n")
    code = cli.main(["audit", "--sites", str(path), "--db", str(tmp_path / "x.db")])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err == f"ita-audit: error: {path}:3: site 1: limits must be a mapping, got int 3"
    assert not (tmp_path / "x.db").exists()
    code = cli.main(["audit", "https://a.go.th/", "--sites", str(path)])
    assert code == 2 and "not both" in capsys.readouterr().err


# -- ten sites in one process ---------------------------------------------------------------
@pytest.fixture(scope="module")
def ten_sites(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from ita_audit.siteserver import serve

    root = tmp_path_factory.mktemp("ten")
    servers = [serve(make_site(root / f"site{n}", n)) for n in range(9)]
    dead = f"http://127.0.0.1:{closed_port()}/"
    entries = []
    for n, server in enumerate(servers):
        extra = ""
        if n >= 5:
            extra += "    ruleset: oit-2569\n"
        if n == 0:
            extra += "    ignore_robots: true\n"
        if n == 1:
            extra += "    limits: {concurrency: 1, max_depth: 3}\n"
        entries.append(f"  - name: สพป.ทดสอบ {n}\n    url: {server.url}\n"
                       f"    webmaster: web{n}@example.go.th\n{extra}")
    entries.insert(4, f"  - name: เว็บที่ปิดอยู่\n    url: {dead}\n")
    sites = write(root / "sites.yaml", "defaults:\n  limits: {delay_s: 0}\nsites:\n"
                  + "".join(entries))
    db = root / "ten.db"
    try:
        result = run_cli("audit", "--sites", str(sites), "--db", str(db), "--as-of", AS_OF,
                         "--quiet", "--json", str(root / "reports.json"))
    finally:
        for server in servers:
            server.close()
    return result, Store.open(db, create=False), servers, dead


def test_ten_sites_nine_complete_one_failed(ten_sites) -> None:  # type: ignore[no-untyped-def]
    result, store, servers, dead = ten_sites
    assert result.code == 1, result.text            # a failed site: exit code 1
    assert "Traceback" not in result.text
    runs = store.runs()
    assert len(runs) == 10                          # one run per site
    by_url = {r["site_url"]: r for r in runs}
    for server in servers:
        assert by_url[server.url]["status"] == "complete", by_url[server.url]
    failed = by_url[dead]
    assert failed["status"] == "failed" and "connection refused" in failed["reason"]
    assert {r["trigger"] for r in runs} == {"manual"}
    # the summary says which site failed and why; the error line too
    assert "All sites: 10" in result.out and "failed 1" in result.out
    assert f"เว็บที่ปิดอยู่ ({dead})" in result.out and "connection refused" in result.out
    assert f"ita-audit: error: {dead}: " in result.err


def test_each_site_keeps_its_rule_set_and_robots(ten_sites) -> None:  # type: ignore[no-untyped-def]
    _, store, servers, _ = ten_sites
    by_url = {r["site_url"]: r for r in store.runs()}
    assert [by_url[s.url]["ruleset"] for s in servers] == ["seed"] * 5 + ["oit-2569"] * 4
    assert {v["category"] for v in store.verdicts(by_url[servers[6].url]["id"])} >= {"O1"}
    assert {v["category"] for v in store.verdicts(by_url[servers[2].url]["id"])} >= {"1.1"}
    crawled = {s.url: {d["url"] for d in store.documents(by_url[s.url]["id"])} for s in servers}
    private = "private/plan.html"
    assert servers[0].url + private in crawled[servers[0].url]   # ignore_robots: true
    assert servers[2].url + private not in crawled[servers[2].url]


def test_sites_file_sets_the_sitemap_cap_and_the_private_target_switch(tmp_path: Path) -> None:
    path = write(tmp_path / "sites.yaml", """\
        sites:
          - url: http://intranet.example.go.th/
            limits: {max_sitemaps: 3, allow_private_targets: true}
          - url: https://www.example.go.th/
        """)
    first, second = [s.job(CrawlLimits()).limits for s in load_sites(path).sites]
    assert first is not None and second is not None
    assert (first.max_sitemaps, first.allow_private_targets) == (3, True)
    assert (second.max_sitemaps, second.allow_private_targets) == (20, False)   # the defaults
