"""Our HTML parser against a real browser, on broken pages like those of Thai offices.

Every page in ``tests/fixtures/broken_html/`` is loaded, byte for byte, into
Debian's Chromium (JavaScript disabled: we compare static HTML) by
``tests/browser_truth.py``; the same bytes go through the crawler's own path
(Scrapy's ``HtmlResponse`` -> ``crawler.encoding.decode_html`` ->
``crawler.page.parse_html``).  Then:

* **links agree exactly**: ``[l.url for l in page.links if not l.is_frame]``
  against ``[a.href for a in document.links]``, both passed through
  ``browser_truth.normalise_link`` -- non-http(s) schemes dropped, fragment
  dropped, ``w3lib.url.canonicalize_url(url, keep_fragments=False)``, default
  port removed, same-document references (the page's own URL) dropped; a
  ``#top`` under a ``<base>`` pointing elsewhere is not one, the browser
  resolves it to the base document -- and compared as ORDERED lists,
  duplicates included.  Order is document (tree)
  order, which is what an HTML5 tree builder produces: foster-parented content
  (text and links typed between table rows) comes before its table, and the
  adoption agency algorithm may duplicate a misnested ``<a>`` (both are in
  the fixtures).  There is no principled reason for our order to differ from
  the browser's, so order is NOT relaxed.  ``document.links`` includes
  ``<area href>``, includes links inside ``<noscript>`` (scripting is disabled,
  so its content is parsed as markup) and hidden elements, excludes
  ``<template>`` contents.
* **text agrees on >= 95 % of its words**: ``page.visible_text`` (the whole
  visible text of the page, the ``document.body.innerText`` equivalent)
  against Chromium's ``document.body.innerText``; both are segmented into
  words with pythainlp's newmm tokenizer, whitespace and punctuation tokens
  dropped, and scored ``|A ∩ B| / max(|A|, |B|)`` on multisets.  innerText
  excludes ``display:none`` / ``hidden`` elements, closed ``<details>``
  contents, ``<title>``, ``<textarea>``, ``<script>``/``<style>`` and
  ``<template>``; it includes ``<noscript>`` contents (scripting disabled)
  and ``<select>`` options.  A frameset page's ``document.body`` is the
  ``<frameset>``: its text is ``''``.

``python tests/measure_parsers.py`` measures candidate parsers on the same pages.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest

from tests.browser_truth import (
    CHROMIUM,
    FIXTURES,
    BrowserSession,
    BrowserView,
    content_type_for,
    crawler_input,
    load_fixtures,
    load_headers,
    normalise_links,
    text_agreement,
)

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

MIN_TEXT_AGREEMENT = 0.95
PAGES = load_fixtures()
HEADERS = load_headers()


@dataclass
class Comparison:
    name: str
    ours: list[str]
    browser: list[str]
    text_score: float | None      # None when our side could not produce a text
    error: str = ""

    @property
    def links_agree(self) -> bool:
        return not self.error and self.ours == self.browser


@pytest.fixture(scope="module")
def browser_views() -> dict[str, BrowserView]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing (apt-get install chromium fonts-thai-tlwg)")
    with BrowserSession() as session:
        return session.view(PAGES, HEADERS)


@pytest.fixture(scope="module")
def comparisons(browser_views: dict[str, BrowserView]) -> list[Comparison]:
    from crawler.page import parse_html

    out = []
    for name, data in PAGES.items():
        ct = content_type_for(name, data, HEADERS)
        inp = crawler_input(name, data, ct)
        view = browser_views[name]
        browser_links = normalise_links(view.links, inp.url)
        try:
            page = parse_html(inp.text, inp.url, inp.encoding)
        except Exception as exc:  # noqa: BLE001 - a crash is a failure of that page
            out.append(Comparison(name, [], browser_links, None, f"parse_html: {exc!r}"))
            continue
        ours_links = normalise_links([link.url for link in page.links if not link.is_frame],
                                     inp.url)
        visible = getattr(page, "visible_text", None)
        if visible is None:
            out.append(Comparison(name, ours_links, browser_links, None,
                                  "ParsedPage has no visible_text (parser rewrite not landed)"))
            continue
        out.append(Comparison(name, ours_links, browser_links,
                              text_agreement(visible, view.text)))
    return out


def _table(rows: list[Comparison]) -> str:
    lines = [f"{'page':<48} {'ours':>5} {'chrome':>6} {'links':>6} {'text':>6}"]
    for c in rows:
        text = "  n/a" if c.text_score is None else f"{c.text_score:6.3f}"
        flag = "ok" if c.links_agree else "DIFF"
        lines.append(f"{c.name:<48} {len(c.ours):>5} {len(c.browser):>6} {flag:>6} {text:>6}")
    return "\n".join(lines)


def _first_difference(c: Comparison) -> str:
    if c.error and not c.ours:
        return f"  {c.name}: {c.error}"
    for i, (a, b) in enumerate(zip(c.ours, c.browser, strict=False)):
        if a != b:
            return f"  {c.name} #{i}: ours {a}\n  {' ' * len(c.name)}    chrome {b}"
    i = min(len(c.ours), len(c.browser))
    extra = c.ours[i:] or c.browser[i:]
    side = "ours" if c.ours[i:] else "chrome"
    return f"  {c.name} #{i}: only {side} has {extra[:3]}{' ...' if len(extra) > 3 else ''}"


def test_fixture_set_is_big_enough() -> None:
    assert len(PAGES) >= 20, f"only {len(PAGES)} fixture pages in {FIXTURES}"
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    for name, data in PAGES.items():
        assert 1024 <= len(data) <= 15 * 1024, f"{name}: {len(data)} bytes (want 1-15 KB)"
        assert name in readme, f"{name} is not described in {FIXTURES / 'README.md'}"
    for name in HEADERS:
        assert name in PAGES, f"_headers.yaml names {name}, which is not a fixture"


def test_browser_harness_behaves_as_documented(browser_views: dict[str, BrowserView]) -> None:
    """The truth itself: what the comparison relies on about Chromium."""
    base = "http://127.0.0.1:8999/dir/"
    noscript = browser_views["links_in_noscript.html"]
    # page.evaluate works with JavaScript disabled, and noscript content is markup
    assert base + "ita/index.php" in noscript.links
    assert "กรุณาเปิดใช้งาน JavaScript" in noscript.text
    template = browser_views["template_content.html"]
    assert not any("ics.php" in u or "row-template" in u for u in template.links)
    frameset = browser_views["frameset_frames_noframes.html"]
    assert frameset.body_tag == "frameset" and frameset.links == [] and frameset.text == ""
    assert base + "main.php?page=home" in frameset.frames
    assert browser_views["charset_windows874_meta.html"].charset == "windows-874"
    assert browser_views["charset_utf8_bom_meta_tis620.html"].charset == "UTF-8"
    twice = browser_views["base_href_in_body_and_twice.html"]
    assert twice.base_uri == "http://127.0.0.1:8999/ita2568/"      # the first <base> wins
    hidden = browser_views["hidden_and_display_none.html"]
    assert base + "draft.php" in hidden.links and "ฉบับร่าง" not in hidden.text


def test_links_match_browser(comparisons: list[Comparison]) -> None:
    bad = [c for c in comparisons if not c.links_agree]
    assert not bad, (
        f"links differ from Chromium on {len(bad)}/{len(comparisons)} pages\n"
        + _table(comparisons) + "\n\nfirst differences:\n"
        + "\n".join(_first_difference(c) for c in bad))


def test_visible_text_matches_browser(comparisons: list[Comparison]) -> None:
    bad = [c for c in comparisons
           if c.text_score is None or c.text_score < MIN_TEXT_AGREEMENT]
    errors = sorted({c.error for c in bad if c.error})
    assert not bad, (
        f"visible text agrees on < {MIN_TEXT_AGREEMENT:.0%} of words on "
        f"{len(bad)}/{len(comparisons)} pages\n" + _table(comparisons)
        + ("\n\n" + "\n".join(errors) if errors else ""))

