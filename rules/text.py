"""Thai text normalisation and tokenisation, used everywhere in the project.

One normalisation (:func:`normalize_text`) is applied to every piece of text
before it is matched or searched for dates: page titles, link texts, PDF
text layers, rule-set keywords.  Tokenisation uses pythainlp's ``newmm``
engine with a custom dictionary of domain terms, so that a short keyword
only matches on word boundaries.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from rules.offline import ensure_pythainlp_offline

ensure_pythainlp_offline()

from pythainlp.corpus import thai_words  # noqa: E402
from pythainlp.tokenize import Tokenizer  # noqa: E402
from pythainlp.util import normalize as _thai_normalize  # noqa: E402
from pythainlp.util import thai_digit_to_arabic_digit  # noqa: E402

# Private-use code points emitted by PDF text layers of shaped Thai fonts
# (Microsoft/Adobe "Thai PUA" glyph variants: lowered or left-shifted marks,
# letters without descender).  Each maps back to its plain character.
PUA_THAI = {
    0xF700: "\u0e10", 0xF701: "\u0e34", 0xF702: "\u0e35", 0xF703: "\u0e36",
    0xF704: "\u0e37", 0xF705: "\u0e48", 0xF706: "\u0e49", 0xF707: "\u0e4a",
    0xF708: "\u0e4b", 0xF709: "\u0e4c", 0xF70A: "\u0e48", 0xF70B: "\u0e49",
    0xF70C: "\u0e4a", 0xF70D: "\u0e4b", 0xF70E: "\u0e4c", 0xF70F: "\u0e0d",
    0xF710: "\u0e31", 0xF711: "\u0e4d", 0xF712: "\u0e47", 0xF713: "\u0e48",
    0xF714: "\u0e49", 0xF715: "\u0e4a", 0xF716: "\u0e4b", 0xF717: "\u0e4c",
    0xF718: "\u0e38", 0xF719: "\u0e39", 0xF71A: "\u0e3a",
}
# Zero-width and invisible characters that break matching.
_INVISIBLE = dict.fromkeys([0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD], None)
_TRANSLATE = {**PUA_THAI, **_INVISIBLE, 0x2013: "-", 0x2014: "-", 0x2212: "-"}
_WHITESPACE = re.compile(r"\s+")
_THAI_CHAR = r"\u0e00-\u0e7f"
# A space between two Thai characters: inserted by justified PDF lines and
# webmasters alike; removed in the compact form used for matching.
_THAI_GAP = re.compile(rf"(?<=[{_THAI_CHAR}]) (?=[{_THAI_CHAR}])")

TERMS_FILE = Path(__file__).with_name("terms.txt")
# Misspellings so common on Thai office websites that they are corrected
# before matching (ฎ for ฏ in ปฏิบัติ; a spurious ค์ in เจตจำนง).
COMMON_MISSPELLINGS = {"ปฎิบัติ": "ปฏิบัติ", "เจตจำนงค์": "เจตจำนง", "ปฏิบัติการ์": "ปฏิบัติการ"}
_MISSPELLING = re.compile("|".join(map(re.escape, COMMON_MISSPELLINGS)))


def normalize_text(text: str | None) -> str:
    """See :func:`_normalize`; short texts (link labels, menus, titles) are cached,
    because the same labels come back on every page of a site."""
    if not text:
        return ""
    if len(text) <= 1000:
        return _normalize_short(text)
    return _normalize_long(text)


@functools.lru_cache(maxsize=65536)
def _normalize_short(text: str) -> str:
    return _normalize(text)


@functools.lru_cache(maxsize=8)
def _normalize_long(text: str) -> str:
    # a body is normalised for the classifier and again for the date search
    return _normalize(text)


def _normalize(text: str) -> str:
    """Return ``text`` in the project's one canonical form.

    NFC, PDF private-use tone marks mapped back, zero-width characters
    removed, ``pythainlp.util.normalize`` (``เเ`` → ``แ``, decomposed sara am,
    duplicated marks), Thai digits to ASCII, dashes unified, whitespace
    (including no-break spaces) folded to one space.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATE)
    text = text.replace("\u0e40\u0e40", "\u0e41")
    text = _thai_normalize(text)
    text = thai_digit_to_arabic_digit(text)
    text = _MISSPELLING.sub(lambda m: COMMON_MISSPELLINGS[m.group(0)], text)
    return _WHITESPACE.sub(" ", text).strip()


def compact_text(text: str) -> str:
    """Normalised text with spaces between Thai characters removed, lower-cased.

    Thai writes no spaces between words, so a space between two Thai letters is
    layout noise (justified PDF lines, ``ข่าว ประชาสัมพันธ์``); removing it makes
    matching robust to inserted or dropped spaces.  Spaces next to Latin text
    are kept so ``e service`` and ``e-service`` stay words.
    """
    return _THAI_GAP.sub("", normalize_text(text)).lower()


def thai_ratio(text: str) -> float:
    """Share of letters in ``text`` that are Thai (0.0 when there are none)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0e00" <= c <= "\u0e7f") / len(letters)


def load_terms(path: Path = TERMS_FILE) -> list[str]:
    """Domain terms (one per line, ``#`` comments) added to the tokenizer."""
    terms = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            terms.append(compact_text(line))
    return terms


@functools.lru_cache(maxsize=8)
def _tokenizer(extra_terms: frozenset[str]) -> Tokenizer:
    words = set(thai_words()) | set(load_terms()) | set(extra_terms)
    return Tokenizer(custom_dict=words, engine="newmm", keep_whitespace=False)


def tokenizer(extra_terms: Iterable[str] = ()) -> Tokenizer:
    """A cached newmm tokenizer whose dictionary includes ``extra_terms``."""
    if not isinstance(extra_terms, frozenset):
        extra_terms = frozenset(t for t in extra_terms if t)
    return _tokenizer(extra_terms)


def tokenize(text: str, extra_terms: Iterable[str] = ()) -> list[str]:
    """Tokens of the compact form of ``text`` (see :func:`compact_text`)."""
    compact = compact_text(text)
    if not compact:
        return []
    return tokenizer(extra_terms).word_tokenize(compact)


def token_boundaries(compact: str, extra_terms: Iterable[str] = ()) -> set[int]:
    """Character offsets in ``compact`` where a token starts or ends."""
    bounds = {0, len(compact)}
    if not compact:
        return bounds
    pos = 0
    for tok in tokenizer(extra_terms).word_tokenize(compact):
        start = compact.find(tok, pos)
        if start < 0:  # the tokenizer dropped or changed something
            continue
        bounds.add(start)
        pos = start + len(tok)
        bounds.add(pos)
    # Spaces and punctuation are always boundaries.
    for m in re.finditer(r"[\s.,:;/()\[\]\"'|!?_\-–+]", compact):
        bounds.add(m.start())
        bounds.add(m.end())
    return bounds
