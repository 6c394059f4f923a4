"""What a real browser builds from given bytes: Debian's Chromium via Playwright.

``browser_view(pages)`` loads each page's exact bytes at
``http://127.0.0.1:8999/dir/<name>`` (served from ``page.route``, no socket
is opened; every other request -- images, CSS, frames, iframes -- is
aborted), with JavaScript DISABLED for the pages, and returns per page:

* ``links``: ``[a.href for a in document.links]`` in document (tree) order:
  ``<a href>`` and ``<area href>`` elements, already resolved by the browser
  against the document base URL (the first ``<base href>`` in tree order);
  links inside ``<noscript>`` are included (with scripting disabled the
  parser builds real elements from noscript content), links inside
  ``<template>`` contents are not (they live in a separate document fragment).
* ``text``: ``document.body.innerText`` (``''`` when there is no body).  For a
  frameset document ``document.body`` is the ``<frameset>`` element, whose
  ``innerText`` is empty (frames have no text); we return it as is, ``''``.

``page.evaluate`` runs in Playwright's utility world through the DevTools
protocol, so it works even with ``java_script_enabled=False`` (that flag only
stops the page's own scripts); ``tests/test_html_vs_browser.py`` checks this
with a page whose ``<noscript>`` link must appear.

One browser is kept for all pages of one call; ``BrowserSession`` keeps one
for several calls (the pytest module fixture uses it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
ORIGIN = "http://127.0.0.1:8999"
BASE_DIR = f"{ORIGIN}/dir/"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "broken_html"
HEADERS_FILE = "_headers.yaml"

CT_UTF8 = "text/html; charset=utf-8"
CT_BARE = "text/html"

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*[A-Za-z0-9_\-:]+""", re.IGNORECASE)

_JS_VIEW = """() => ({
    links: Array.from(document.links, a => a.href),
    text: document.body ? document.body.innerText : '',
    bodyTag: document.body ? document.body.tagName.toLowerCase() : '',
    charset: document.characterSet,
    baseURI: document.baseURI,
})"""


@dataclass
class BrowserView:
    links: list[str]
    text: str
    body_tag: str = ""       # "body", "frameset" or "" (no body)
    charset: str = ""        # document.characterSet: which decoding the browser used
    base_uri: str = ""       # document.baseURI: the base links were resolved against
    frames: list[str] = field(default_factory=list)   # <frame>/<iframe> src, resolved


def declares_charset(data: bytes) -> bool:
    """True when the first 1024 bytes carry a ``<meta charset>`` / http-equiv charset
    (the HTML5 prescan window)."""
    return bool(_META_CHARSET.search(data[:1024]))


def load_headers(directory: Path = FIXTURES) -> dict[str, str]:
    """Per-file Content-Type overrides from ``<directory>/_headers.yaml``
    (``file name: content type``); missing file -> no overrides."""
    path = directory / HEADERS_FILE
    if not path.exists():
        return {}
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(k): str(v) for k, v in data.items()}


def content_type_for(name: str, data: bytes, overrides: dict[str, str] | None = None) -> str:
    """The Content-Type a fixture is served with.

    1. an explicit entry in ``_headers.yaml`` (or the ``overrides`` dict) wins;
    2. else ``text/html`` WITHOUT charset when the bytes declare their charset
       in a meta tag (so the page's own declaration decides, as on servers that
       send no charset);
    3. else ``text/html; charset=utf-8``.
    """
    if overrides and name in overrides:
        return overrides[name]
    return CT_BARE if declares_charset(data) else CT_UTF8


def load_fixtures(directory: Path = FIXTURES) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.glob("*.html"))}


class BrowserSession:
    """One Chromium for many pages; use as a context manager."""

    def __init__(self) -> None:
        self._pw: Any = None
        self._browser: Any = None

    def __enter__(self) -> BrowserSession:
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        try:
            self._browser = self._pw.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        except Exception:
            self._pw.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if self._browser is not None:
                self._browser.close()
        finally:
            if self._pw is not None:
                self._pw.stop()

    def view(self, pages: dict[str, bytes],
             content_type: dict[str, str] | None = None) -> dict[str, BrowserView]:
        context = self._browser.new_context(java_script_enabled=False)
        out: dict[str, BrowserView] = {}
        try:
            page = context.new_page()
            current: dict[str, Any] = {}

            def handler(route: Any) -> None:
                req = route.request
                # only the top-level document itself; frames, images, CSS... are refused
                if (req.url.split("#", 1)[0] == current.get("url")
                        and req.resource_type == "document" and req.frame == page.main_frame):
                    route.fulfill(status=200, body=current["body"],
                                  headers={"Content-Type": current["ct"]})
                else:
                    route.abort()

            page.route("**/*", handler)
            for name, data in pages.items():
                url = BASE_DIR + name
                ct = content_type_for(name, data, content_type)
                current.update(url=url, body=data, ct=ct)
                page.goto(url, wait_until="domcontentloaded")
                raw = page.evaluate(_JS_VIEW)
                frames = page.eval_on_selector_all(
                    "frame[src], iframe[src]", "els => els.map(e => e.src)")
                out[name] = BrowserView(links=list(raw["links"]), text=raw["text"] or "",
                                        body_tag=raw["bodyTag"], charset=raw["charset"],
                                        base_uri=raw["baseURI"], frames=list(frames))
                page.goto("about:blank")
        finally:
            context.close()
        return out


@dataclass
class CrawlerInput:
    url: str
    text: str          # what crawler.page.parse_html is given
    encoding: str      # the encoding the crawler decoded the bytes with
    repaired: bool     # crawler.encoding.decode_html overrode Scrapy's choice


def crawler_input(name: str, data: bytes, content_type: str) -> CrawlerInput:
    """Decode a fixture exactly as the crawler does: Scrapy's ``HtmlResponse``
    (HTTP charset, BOM, meta, then auto-detection) and ``decode_html``."""
    from scrapy.http import HtmlResponse

    from crawler.encoding import decode_html

    resp = HtmlResponse(url=BASE_DIR + name, body=data, headers={"Content-Type": content_type})
    decoded = decode_html(resp.body, resp.text, resp.encoding)
    return CrawlerInput(resp.url, decoded.text, decoded.encoding, decoded.repaired)


# --------------------------------------------------------------------------
# Fair comparison, applied identically to the browser's side and to ours.

_DEFAULT_PORT = {"http": ":80", "https": ":443"}


def normalise_link(url: str, page_url: str | None = None) -> str | None:
    """One link in comparable form, or ``None`` when it is not a crawlable link.

    * leading/trailing whitespace stripped;
    * non-http(s) schemes dropped (``javascript:``, ``mailto:``, ``tel:``, ``data:``...);
    * ``#fragment`` dropped, then percent-encoding, query-argument order, host
      case and IDNA canonicalised with ``w3lib.url.canonicalize_url(url,
      keep_fragments=False)`` (so ``%E0%B8%81`` == ``ก``, ``%60`` == backtick,
      ``?b=1&a=2`` == ``?a=2&b=1``, ``?a`` == ``?a=``);
    * an explicit default port (``:80`` for http, ``:443`` for https) removed,
      as the URL Standard does;
    * a same-document reference -- after the above, equal to ``page_url``
      itself (``href="#top"``, ``href=""``, ``href="?"``) -- dropped: it names
      no other resource, and the crawler deliberately skips ``#`` links.  Under
      a ``<base href>`` that points elsewhere, ``#top`` resolves to the base
      document, not to this page, and is kept (that is where a browser goes).

    Nothing else: backslashes, tabs/newlines inside hrefs, ``../`` above the
    root, the query's character encoding (a windows-874 page's query is
    percent-encoded in windows-874 by browsers) are NOT smoothed over, because
    they change which resource a crawler would fetch.
    """
    from urllib.parse import urlsplit, urlunsplit

    from w3lib.url import canonicalize_url

    url = (url or "").strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme not in ("http", "https"):
        return None
    try:
        canon = canonicalize_url(url, keep_fragments=False)
        parts = urlsplit(canon)
    except ValueError:
        return None
    netloc = parts.netloc
    port = _DEFAULT_PORT.get(parts.scheme)
    if port and netloc.endswith(port):
        netloc = netloc[: -len(port)]
    canon = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
    if page_url is not None and canon == normalise_link(page_url):
        return None
    return canon


def normalise_links(urls: list[str], page_url: str) -> list[str]:
    """``normalise_link`` over a list, keeping document order and duplicates."""
    out = []
    for url in urls:
        norm = normalise_link(url, page_url)
        if norm is not None:
            out.append(norm)
    return out


_WS_RE = re.compile(r"\s+")


def _is_word(token: str) -> bool:
    import unicodedata

    # a token made only of whitespace, punctuation, symbols or control/format chars
    # ("|", "·", "»", "(", "--", "©") is not a word
    return any(unicodedata.category(ch)[0] not in "PSZC" for ch in token)


def text_words(text: str) -> list[str]:
    """The words of a text: Thai segmented with pythainlp's newmm (offline),
    whitespace and punctuation-only tokens dropped."""
    import os

    os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
    from pythainlp.tokenize import word_tokenize

    text = _WS_RE.sub(" ", text or "").strip()
    if not text:
        return []
    return [t for t in word_tokenize(text, engine="newmm", keep_whitespace=False) if _is_word(t)]


def text_agreement(ours: str, browser: str) -> float:
    """Multiset word overlap ``|A ∩ B| / max(|A|, |B|)``; 1.0 when both are empty."""
    from collections import Counter

    a, b = Counter(text_words(ours)), Counter(text_words(browser))
    total = max(sum(a.values()), sum(b.values()))
    if total == 0:
        return 1.0
    return sum((a & b).values()) / total


def browser_view(pages: dict[str, bytes],
                 content_type: dict[str, str] | None = None) -> dict[str, BrowserView]:
    """Chromium's links and body innerText for each page (one browser for all)."""
    with BrowserSession() as session:
        return session.view(pages, content_type)


if __name__ == "__main__":  # quick look: python -m tests.browser_truth [files...]
    import sys

    files = [Path(a) for a in sys.argv[1:]] or sorted(FIXTURES.glob("*.html"))
    hdrs = load_headers()
    views = browser_view({f.name: f.read_bytes() for f in files}, hdrs)
    for name, v in views.items():
        print(f"== {name}  body=<{v.body_tag}> charset={v.charset} base={v.base_uri}")
        for link in v.links:
            print("   ", link)
        print("   text:", v.text[:300].replace("\n", " | "))
