"""Measure candidate HTML parsers against Chromium on tests/fixtures/broken_html.

Not a test (no ``test_`` prefix): run it by hand when choosing or changing the parser::

    .venv/bin/pip install html5lib selectolax==1.0.2     # measurement only
    .venv/bin/python tests/measure_parsers.py [-v] [--repeat 50]

Every fixture goes through the crawler's own decoding (Scrapy ``HtmlResponse``
+ ``crawler.encoding.decode_html``, as in ``test_html_vs_browser.py``); the
decoded text is given to each candidate:

(a) ``lxml.html.document_fromstring`` (libxml2's HTML 4 parser: the parser
    before the rewrite),
(b) ``html5lib`` with the lxml treebuilder (pure-Python HTML5 tree builder;
    it predates the 2025 "customizable <select>" parser change),
(c) ``selectolax.lexbor.LexborHTMLParser`` (Lexbor, C, HTML5),

and, for reference, ``crawler.page.parse_html`` as it is in the work tree.

The same extraction runs on each tree, so only the tree differs: links are
``a[href]`` / ``area[href]`` in tree order, outside ``<template>`` contents,
resolved against the document base (the first ``<base href>`` in tree order,
itself resolved against the page URL) the way the URL Standard does it
(surrounding C0/space stripped, tab/newline removed, ``\\`` read as ``/``,
query percent-encoded in the document's encoding); text is an innerText
approximation: ``script``/``style``/``template``/``head``/``title``/
``textarea``/``iframe``/``noembed``/``noframes`` and ``hidden`` or
``display:none`` / ``visibility:hidden`` elements skipped, closed
``<details>`` reduced to their ``<summary>``, block elements and ``<br>``
become newlines, ``<td>``/``<th>`` tabs.  ``<noscript>`` content is KEPT (not
skipped): with scripting disabled Chromium renders it, and the truth here is
Chromium with JavaScript disabled.  A ``<frameset>`` document has no text.

Links and text are compared with ``tests.browser_truth.normalise_links`` and
``text_agreement``, exactly as the test does.  Parse time is the tree building
alone, over all fixtures ``--repeat`` times, per MB of fixture bytes.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

import warnings  # noqa: E402

warnings.filterwarnings("ignore", category=DeprecationWarning)

from tests.browser_truth import (  # noqa: E402
    CHROMIUM,
    BrowserView,
    CrawlerInput,
    browser_view,
    content_type_for,
    crawler_input,
    load_fixtures,
    load_headers,
    normalise_links,
    text_agreement,
)

# ---------------------------------------------------------------------------
# A tiny common tree: (tag, attrs, children) / str, built from each parser's tree

Node = Any   # El | str


@dataclass
class El:
    tag: str
    attrs: dict[str, str]
    children: list[Node]


def from_lxml(el: Any) -> El | None:
    """lxml element (from lxml.html or html5lib's lxml treebuilder) -> El."""
    tag = el.tag
    if not isinstance(tag, str):          # comment, PI, entity
        return None
    if "}" in tag:
        tag = tag.split("}", 1)[1]
    kids: list[Node] = []
    if el.text:
        kids.append(el.text)
    for child in el:
        sub = from_lxml(child)
        if sub is not None:
            kids.append(sub)
        if child.tail:
            kids.append(child.tail)
    attrs = {}
    for k, v in el.attrib.items():
        k = str(k)
        attrs[k.split("}", 1)[1] if "}" in k else k] = v
    return El(tag.lower(), attrs, kids)


def from_lexbor(node: Any) -> El:
    kids: list[Node] = []
    child = node.child
    while child is not None:
        tag = child.tag
        if tag == "-text":
            kids.append(child.text_content or "")
        elif tag and not tag.startswith(("_", "-", "!")):
            kids.append(from_lexbor(child))
        child = child.next
    attrs = {k: (v or "") for k, v in (node.attributes or {}).items()}
    return El((node.tag or "").lower(), attrs, kids)


def walk(el: El, skip_template: bool = True) -> Iterator[El]:
    yield el
    for child in el.children:
        if isinstance(child, El) and not (skip_template and child.tag == "template"):
            yield from walk(child, skip_template)


# ---------------------------------------------------------------------------
# Links, resolved the way browsers do

_C0_SPACE = "".join(chr(i) for i in range(0x21))
_TAB_NL = re.compile("[\t\n\r]")


def resolve(base: str, href: str, encoding: str) -> str:
    href = _TAB_NL.sub("", href.strip(_C0_SPACE))
    scheme = urllib.parse.urlsplit(href).scheme.lower() if ":" in href else ""
    if scheme in ("", "http", "https"):
        href = href.replace("\\", "/")
    try:
        joined = urllib.parse.urljoin(base, href)
    except ValueError:
        return href
    if not joined.lower().startswith(("http://", "https://")):
        return joined
    enc = encoding if encoding.lower().replace("-", "").replace("_", "") not in (
        "utf16", "utf16le", "utf16be") else "utf-8"
    try:
        return _remove_dot_segments_above_root(safe_url(joined, enc))
    except (UnicodeError, ValueError):
        return joined


def safe_url(url: str, encoding: str) -> str:
    from w3lib.url import safe_url_string

    return safe_url_string(url, encoding=encoding)


def _remove_dot_segments_above_root(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    path = re.sub(r"^(/\.\.)+(?=/|$)", "", parts.path) or "/"
    return urllib.parse.urlunsplit(parts._replace(path=path))


def document_links(root: El, page_url: str, encoding: str) -> list[str]:
    base = page_url
    for el in walk(root):
        if el.tag == "base" and "href" in el.attrs:
            base = resolve(page_url, el.attrs["href"], encoding)
            break
    return [resolve(base, el.attrs["href"], encoding)
            for el in walk(root) if el.tag in ("a", "area") and "href" in el.attrs]


# ---------------------------------------------------------------------------
# innerText approximation

SKIP_TEXT = {"script", "style", "template", "head", "title", "textarea", "iframe", "noembed",
             "noframes", "input", "meta", "link", "img", "area", "object", "embed",
             "svg", "math", "video", "audio", "canvas"}
BLOCK = {"address", "article", "aside", "blockquote", "center", "dd", "details", "dialog",
         "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
         "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "legend", "li", "listing",
         "main", "menu", "nav", "ol", "optgroup", "option", "p", "plaintext", "pre",
         "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "caption", "ul",
         "xmp", "body", "html", "frameset"}
CELL = {"td", "th"}
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b",
                           re.IGNORECASE)
_SPACES = re.compile(r"[ \t\n\r\f]+")


def _hidden(el: El) -> bool:
    return "hidden" in el.attrs or bool(_HIDDEN_STYLE.search(el.attrs.get("style", "")))


def inner_text(root: El) -> str:
    body = next((c for c in root.children if isinstance(c, El) and c.tag in ("body", "frameset")),
                None)
    if body is None:
        body = next((e for e in walk(root) if e.tag in ("body", "frameset")), None)
    if body is None or body.tag == "frameset":
        return ""
    out: list[str] = []

    def emit(el: El) -> None:
        if el.tag in SKIP_TEXT or _hidden(el):
            return
        block = el.tag in BLOCK
        if block:
            out.append("\n")
        if el.tag == "br":
            out.append("\n")
            return
        children = el.children
        if el.tag == "details" and "open" not in el.attrs:
            children = [c for c in children if isinstance(c, El) and c.tag == "summary"][:1]
        for child in children:
            if isinstance(child, str):
                out.append(_SPACES.sub(" ", child))
            else:
                emit(child)
        if el.tag in CELL:
            out.append("\t")
        if block:
            out.append("\n")

    emit(body)
    lines = [line.strip(" ") for line in "".join(out).split("\n")]
    return "\n".join(line for line in lines if line.strip())


# ---------------------------------------------------------------------------
# The candidates

def parse_lxml(text: str) -> Any:
    import lxml.html

    return lxml.html.document_fromstring(text or "<html></html>")


def parse_html5lib(text: str) -> Any:
    import html5lib

    return html5lib.parse(text, treebuilder="lxml", namespaceHTMLElements=False)


def parse_lexbor(text: str) -> Any:
    from selectolax.lexbor import LexborHTMLParser

    return LexborHTMLParser(text)


def tree_lxml(doc: Any) -> El:
    return from_lxml(doc)  # type: ignore[return-value]


def tree_html5lib(doc: Any) -> El:
    return from_lxml(doc.getroot())  # type: ignore[return-value]


def tree_lexbor(doc: Any) -> El:
    return from_lexbor(doc.root)


CANDIDATES: dict[str, tuple[Callable[[str], Any], Callable[[Any], El]]] = {
    "(a) lxml.html": (parse_lxml, tree_lxml),
    "(b) html5lib+lxml": (parse_html5lib, tree_html5lib),
    "(c) selectolax lexbor": (parse_lexbor, tree_lexbor),
}


@dataclass
class Result:
    links_ok: bool
    text: float
    detail: str = ""


def compare(ours_links: list[str], text: str | None, page_url: str, view: BrowserView) -> Result:
    mine = normalise_links(ours_links, page_url)
    theirs = normalise_links(view.links, page_url)
    detail = ""
    if mine != theirs:
        i = next((k for k, (a, b) in enumerate(zip(mine, theirs, strict=False)) if a != b),
                 min(len(mine), len(theirs)))
        detail = (f"links {len(mine)} vs chrome {len(theirs)}; first diff #{i}: "
                  f"ours {mine[i] if i < len(mine) else '-'} | "
                  f"chrome {theirs[i] if i < len(theirs) else '-'}")
    score = text_agreement(text, view.text) if text is not None else float("nan")
    return Result(mine == theirs, score, detail)


def current_crawler(inp: CrawlerInput) -> tuple[list[str], str | None]:
    from crawler.page import parse_html

    page = parse_html(inp.text, inp.url)
    return [lk.url for lk in page.links if not lk.is_frame], getattr(page, "visible_text", None)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=50, help="timing repetitions (default 50)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print per-page differences")
    args = ap.parse_args()
    if not CHROMIUM.exists():
        print("needs /usr/bin/chromium", file=sys.stderr)
        return 2

    pages = load_fixtures()
    headers = load_headers()
    inputs = {n: crawler_input(n, d, content_type_for(n, d, headers)) for n, d in pages.items()}
    t0 = time.perf_counter()
    views = browser_view(pages, headers)
    print(f"{len(pages)} fixtures, {sum(map(len, pages.values())) / 1024:.1f} KB; "
          f"Chromium {time.perf_counter() - t0:.1f} s\n")

    results: dict[str, dict[str, Result]] = {}
    for label, (parse, to_tree) in CANDIDATES.items():
        results[label] = {}
        for name, inp in inputs.items():
            try:
                root = to_tree(parse(inp.text))
                links = document_links(root, inp.url, inp.encoding)
                text = inner_text(root)
                results[label][name] = compare(links, text, inp.url, views[name])
            except Exception as exc:  # noqa: BLE001
                results[label][name] = Result(False, 0.0, f"crash: {exc!r}")
    ref = "crawler.page (work tree)"
    results[ref] = {}
    for name, inp in inputs.items():
        try:
            links, text = current_crawler(inp)
            results[ref][name] = compare(links, text, inp.url, views[name])
        except Exception as exc:  # noqa: BLE001
            results[ref][name] = Result(False, 0.0, f"crash: {exc!r}")

    # timing: tree building only
    mb = sum(len(d) for d in pages.values()) * args.repeat / 1e6
    timing: dict[str, float] = {}
    texts = [inp.text for inp in inputs.values()]
    for label, (parse, _) in CANDIDATES.items():
        t0 = time.perf_counter()
        for _ in range(args.repeat):
            for text in texts:
                parse(text)
        timing[label] = (time.perf_counter() - t0) / mb

    names = list(pages)
    print("per page: links exact (L/-) and text agreement")
    header = f"{'page':<47}" + "".join(f"{lbl[:22]:>24}" for lbl in results)
    print(header)
    for name in names:
        row = f"{name[:46]:<47}"
        for label in results:
            r = results[label][name]
            text = "  n/a" if r.text != r.text else f"{r.text:5.3f}"
            row += f"{('L' if r.links_ok else '-') + ' ' + text:>24}"
        print(row)

    print(f"\n{'parser':<26}{'links exact':>13}{'text mean':>11}{'text min':>10}"
          f"{'pages >=0.95':>14}{'parse s/MB':>12}")
    for label, per in results.items():
        ok = sum(r.links_ok for r in per.values())
        scores = [r.text for r in per.values() if r.text == r.text]
        mean = f"{statistics.mean(scores):.3f}" if scores else "n/a"
        low = f"{min(scores):.3f}" if scores else "n/a"
        good = sum(s >= 0.95 for s in scores)
        t = f"{timing[label]:.3f}" if label in timing else "-"
        print(f"{label:<26}{ok:>7}/{len(per):<5}{mean:>11}{low:>10}{good:>9}/{len(per):<4}{t:>12}")
    print(f"\nparse time: tree building only, {len(pages)} pages x {args.repeat} "
          f"= {mb:.2f} MB of fixture bytes")

    if args.verbose:
        for label, per in results.items():
            print(f"\n== {label}")
            for name in names:
                r = per[name]
                if not r.links_ok or (r.text == r.text and r.text < 0.95):
                    print(f"  {name}: text {r.text:.3f}  {r.detail}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
