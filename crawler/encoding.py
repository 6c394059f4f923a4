"""Decode Thai HTML even when the server names the wrong charset.

Scrapy (w3lib) trusts the HTTP header over the page's meta tag.  Thai
government servers often send ``charset=iso-8859-1`` or ``utf-8`` for
windows-874 / TIS-620 pages, which turns every Thai letter into mojibake.
When the decoded text has no Thai letters, or many replacement characters,
the page is decoded again with its declared (meta) charset and with cp874,
and the candidate with the most Thai letters and fewest errors wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from w3lib.encoding import html_body_declared_encoding, resolve_encoding

REPLACEMENT = "\ufffd"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    repaired: bool  # True when the server's charset was wrong and another one was used


_THAI = re.compile("[\u0e01-\u0e5b]")
_HIGH_BYTE = re.compile(rb"[\xa1-\xff]")


_MOJIBAKE = re.compile("เ[ธน]")   # UTF-8 Thai (E0 B8 xx / E0 B9 xx) read as cp874


def _quality(text: str) -> tuple[int, int]:
    """More Thai letters and fewer errors is better; UTF-8 read as cp874 gives many
    Thai letters, all in ``เธ…``/``เน…`` pairs, so those pairs count against it."""
    thai = len(_THAI.findall(text)) - 4 * len(_MOJIBAKE.findall(text))
    return thai, -text.count(REPLACEMENT)


def _looks_wrong(text: str, body: bytes) -> bool:
    high_bytes = len(_HIGH_BYTE.findall(body[:20000]))
    if high_bytes < 20:
        return False  # (almost) pure ASCII: nothing to repair
    thai, bad = _quality(text[:20000])
    # a UTF-8 page with a few stray bytes keeps its charset: decoding all of it as
    # cp874 would turn every Thai letter into mojibake
    return thai == 0 or -bad > max(10, thai // 20)


def decode_html(body: bytes, response_text: str, response_encoding: str) -> Decoded:
    """Return the best decoding of ``body`` given what Scrapy decoded."""
    if not _looks_wrong(response_text, body):
        return Decoded(response_text, response_encoding, False)
    candidates = []
    declared = html_body_declared_encoding(body)
    for name in (declared, "cp874", "utf-8"):
        enc = resolve_encoding(name) if name else None
        if not enc or enc == resolve_encoding(response_encoding):
            continue
        text = body.decode(enc, errors="replace")
        candidates.append((_quality(text), enc, text))
    if not candidates:
        return Decoded(response_text, response_encoding, False)
    (quality, enc, text) = max(candidates, key=lambda c: c[0])
    if quality <= _quality(response_text):
        return Decoded(response_text, response_encoding, False)
    return Decoded(text, enc, True)
