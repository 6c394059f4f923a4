"""Six real agency websites, replayed from WARC files on 127.0.0.1 and audited end to end.

``../shared/realsites`` (beside the checkout; CI has it) holds the recordings and
hand-read labels.  The audit runs in a subprocess (one Twisted reactor per
process) through ``python -m benchmarks.realsites``, the same command README
documents, and must keep the development set's figures: every labelled
category right, every present category found, no claimed-only page cited.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests import realsites
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not realsites.available(),
                                reason=f"{realsites.REALSITES} not found beside the checkout")


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("realsites") / "figures.json"
    proc = subprocess.run([sys.executable, "-m", "benchmarks.realsites", "--json", str(out)],
                          capture_output=True, text=True, timeout=240, cwd=ROOT)
    print(proc.stdout)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(out.read_text(encoding="utf-8"))


def test_every_site_is_crawled_completely(figures: dict) -> None:
    for name, site in figures["sites"].items():
        assert site["run"] == "complete", (name, site["reason"])
        assert site["pages"] >= 10, name


def test_labelled_categories_are_right(figures: dict) -> None:
    wrong = {name: s["wrong"] for name, s in figures["sites"].items() if s["wrong"]}
    assert figures["labelled"] == 41
    assert figures["right"] >= 40, wrong


def test_present_categories_are_found(figures: dict) -> None:
    assert figures["present"] == 7
    assert figures["present_found"] == figures["present"]


def test_no_claimed_only_page_is_cited(figures: dict) -> None:
    cited = {name: s["claimed_cited"] for name, s in figures["sites"].items()
             if s["claimed_cited"]}
    assert figures["claimed_cited"] == 0, cited


def test_claimed_items_are_reported(figures: dict) -> None:
    """The names without targets are the webmaster's to-do list, per category."""
    panare = figures["sites"]["panare_hospital"]["claimed"]
    assert any("middle_price.php" in url for url in panare["1.5"])   # rows 'aaa' -> journal PDF
    thc = figures["sites"]["thunghuachang_hospital"]["claimed"]
    assert any("news.php" in url for url in thc["1.8"])              # posts titled 'test'


def test_replay_serves_the_recording() -> None:
    from tests.warc_replay import serve_warc

    site = next(s for s in realsites.load_labels() if s.name == "phichai_hospital")
    server = serve_warc(site.warc)
    try:
        import urllib.request

        with urllib.request.urlopen(server.url) as resp:   # noqa: S310 - 127.0.0.1 only
            body = resp.read().decode("utf-8")
        assert "โรงพยาบาลพิชัย" in body
        assert "127.0.0.1:8101" not in body                # recorded origin rewritten
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(server.url + "no/such/page")   # noqa: S310
        assert missing.value.code == 404
    finally:
        server.close()


def test_labels_parse_claimed_paths() -> None:
    patterns = realsites._patterns("/public_relations/file_download/*.pdf (404)")
    assert patterns == ["/public_relations/file_download/*.pdf"]
    assert realsites.is_claimed("http://x/pdf_ita/a.pdf", "http://x", ["/pdf_ita/*.pdf"])
    assert not realsites.is_claimed("http://x/other.pdf", "http://x", ["/pdf_ita/*.pdf"])
    assert realsites._patterns("(no link)") == []
