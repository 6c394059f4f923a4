"""Thai date search: find the dates, months, years and periods a text names.

Search strategy
---------------
The input is first put through :func:`rules.text.normalize_text` (NFC, PDF
private-use tone marks repaired, Thai digits to ASCII, zero-width characters
removed, whitespace folded to single spaces), so every pattern below works
on ASCII digits and single spaces only.  Offsets (``FoundDate.span``) refer
to that normalised string.

A handful of precompiled regular expressions then scan the whole text, each
for one shape of date:

* ``day``: ``15 พฤษภาคม 2561``, ``5 ก.ค. พ.ศ. 2567``, ``วันที่ 7 เดือน
  พฤศจิกายน พ.ศ. 2565``, ``3มกราคม2566``, ``17 เมษายน 67`` (a two-digit year
  is accepted only right after a Thai month and is read as 25xx BE), filled
  form lines with dot leaders (``วันที่....15....เดือน....มีนาคม....พ.ศ....2568``),
  day ranges (``18 - 20 มีนาคม 2568`` gives the 18th and the 20th as two
  ``day`` results, the first spanning only its day number), English
  ``15 October 2024`` / ``October 15, 2024``;
* ``day`` from numbers: ``5/7/2567``, ``5-7-2567``, ``5.7.2567`` (day first;
  BE when the year is 2400–2700, CE when it is 1800–2200) and ISO
  ``2024-10-01``;
* ``month``: ``กันยายน 2568``, ``ประจำเดือน ตุลาคม พ.ศ. 2567``; a two-digit
  year only after an abbreviated month or after the word ``เดือน``
  (``เดือน ก.ย. 68``), because ``มีนาคม 15 คน`` is not a date;
* ``month`` ranges: ``ต.ค. - ธ.ค. 67``, ``มกราคม ถึง มีนาคม 2568`` give both
  months (the first takes the year of the second, or the year before when
  its month is later: ``ธ.ค. - ม.ค. 68``); the same holds for day ranges
  across months (``28 ธ.ค. - 3 ม.ค. 2568``);
* ``fiscal_year``: ``ปีงบประมาณ พ.ศ. 2569``, ``ปีงบฯ 68``, ``งบประมาณ 2568``
  (a two-digit year only after ``ปีงบ...``);
* ``academic_year``: ``ปีการศึกษา 2567``;
* ``year``: a four-digit year with an explicit era marker (``พ.ศ.``, ``พศ``,
  ``พุทธศักราช``, ``ค.ศ.``, ``B.E.``, ``A.D.``) or the word ``ปี``
  (``ประจำปี 2568``).  A bare number such as ``2568`` is never a date;
* ``year_range``: ``พ.ศ. 2566-2570``, ``2566 – 2570`` (both BE years, no
  marker needed), ``ปีงบประมาณ 2566-2570`` (fiscal bounds).

Month names are matched loosely: full names tolerate a space between any two
letters (justified PDF lines: ``มี นาคม``), sara am in place of sara aa (a
common PDF font mapping fault), ``ฏ`` for ``ฎ`` (a common misspelling of
กรกฎาคม) and a dropped final thanthakhat (``กุมภาพันธ``); abbreviations are
accepted with or without dots (``ม.ค.``, ``ม.ค``, ``มค``, ``ม. ค.``) but must
not touch other Thai letters, so ``มีคน`` or ``ส.ค.ศ.`` are not months.
Weekday abbreviations (``อา. จ. อ. พ. พฤ. ศ. ส.``) are simply not month
names.  ``ก.พ.`` without a day and followed by an era marker (``ระเบียบ ก.พ.
พ.ศ. 2551``) is read as the Civil Service Commission, not February, unless
the word ``เดือน`` comes first.

Guards against numbers that are not dates: a day, month or year must not
be glued to other digits (``0-3827-1234``, ``04052/2561``, ``25678``); a
two-digit year followed by a decimal or a time (``10.30``) or by a unit
(``15 คน``, ``บาท``) is rejected, and so is a fiscal year or a bare BE range
followed by an amount (``งบประมาณ 2500 บาท``); the word ``เดือน`` may stand
between a day and its month only after ``วันที่`` (``รอบ 6 เดือน ตุลาคม 2567``
is a count of months).

Every match yields a candidate with its span; candidates are then chosen
longest first, dropping any that overlap one already chosen, and returned in
order of appearance.  A day match that names an impossible date
(``31 ก.พ. 2568``) still claims its span but yields nothing, so the month
inside it is not reported either.

Periods
-------
* A fiscal year ``ปีงบประมาณ N`` (BE) runs from 1 October N-544 to
  30 September N-543 (``2569`` → 2025-10-01 … 2026-09-30).
* An academic year ``ปีการศึกษา N`` (BE) is taken as 16 May N-543 to 31 March
  N-542 (``2567`` → 2024-05-16 … 2025-03-31): the basic-education calendar of
  the Office of the Basic Education Commission (first term from mid-May, second
  term ending in March).  Universities run on other calendars; the span is a
  convention for freshness checks, not any one school's timetable.
* A year is 1 January … 31 December; a month its first to last day; a year
  range the first day of the first year to the last day of the last year
  (fiscal or academic bounds when the range follows ปีงบประมาณ/ปีการศึกษา).

Not recognised (on purpose or not yet): a month and year written with a slash
(``11/2567``: indistinguishable from a docket number ``15/2567``), numeric
dates with a two-digit year (``5/7/67``) or spaces around the slashes, a bare
year without ``ปี`` or an era marker, the second year of a double date
(``2567/2024``), and era markers mangled by a font (``พศศศ``).
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import re
from dataclasses import dataclass

from rules.offline import ensure_pythainlp_offline
from rules.text import normalize_text

ensure_pythainlp_offline()

from pythainlp.util import thai_strftime  # noqa: E402

__all__ = [
    "KINDS",
    "FoundDate",
    "academic_year_range",
    "extract_dates",
    "extract_dates_normalized",
    "fiscal_year_of",
    "fiscal_year_range",
    "format_thai_date",
]

BE_OFFSET = 543
BE_MIN, BE_MAX = 2400, 2700      # plausible Buddhist-Era years
CE_MIN, CE_MAX = 1800, 2200      # plausible Gregorian years
MAX_RANGE_YEARS = 100            # a longer "year range" is not a period

KINDS = ("day", "month", "year", "fiscal_year", "academic_year", "year_range")


@dataclass(frozen=True)
class FoundDate:
    date: datetime.date      # start of the period (Gregorian)
    end: datetime.date       # end of the period named (same as date for a day)
    text: str                # the matched text, as it appears in the normalised input
    kind: str                # "day" | "month" | "year" | "fiscal_year" | "academic_year" | "year_range"
    span: tuple[int, int]    # offsets into normalize_text(input)
    era: str                 # "BE" or "CE" (which era the source text used)


# ---------------------------------------------------------------------------
# Periods and formatting
# ---------------------------------------------------------------------------

def fiscal_year_of(d: datetime.date) -> int:
    """The Thai fiscal year (BE) that ``d`` falls in: 2025-10-01 → 2569."""
    return d.year + BE_OFFSET + (1 if d.month >= 10 else 0)


def fiscal_year_range(fy_be: int) -> tuple[datetime.date, datetime.date]:
    """First and last day of fiscal year ``fy_be`` (BE): 2569 → 2025-10-01, 2026-09-30."""
    ce = fy_be - BE_OFFSET
    return datetime.date(ce - 1, 10, 1), datetime.date(ce, 9, 30)


def academic_year_range(ay_be: int) -> tuple[datetime.date, datetime.date]:
    """The span used for academic year ``ay_be`` (BE): 2567 → 2024-05-16, 2025-03-31."""
    ce = ay_be - BE_OFFSET
    return datetime.date(ce, 5, 16), datetime.date(ce + 1, 3, 31)


_STYLES = {"short": "%-d %b %Y", "long": "%-d %B %Y"}


def format_thai_date(d: datetime.date, style: str = "short", thai_digits: bool = False) -> str:
    """``d`` as Thai text with a BE year: "short" → ``15 พ.ค. 2561``, "long" → ``15 พฤษภาคม 2561``."""
    try:
        fmt = _STYLES[style]
    except KeyError:
        raise ValueError(f"unknown style {style!r}; expected one of {sorted(_STYLES)}") from None
    return thai_strftime(datetime.datetime(d.year, d.month, d.day), fmt, thaidigit=thai_digits)


# ---------------------------------------------------------------------------
# Regular expressions
# ---------------------------------------------------------------------------

_TH = "\u0e01-\u0e4e"   # Thai letters, vowels and marks (not Thai digits)

_FULL_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
# Abbreviations as (first part, second part): ม.ค. = ("ม", "ค").
_ABBR_MONTHS = (
    ("ม", "ค"), ("ก", "พ"), ("มี", "ค"), ("เม", "ย"), ("พ", "ค"), ("มิ", "ย"),
    ("ก", "ค"), ("ส", "ค"), ("ก", "ย"), ("ต", "ค"), ("พ", "ย"), ("ธ", "ค"),
)
_EN_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
)
_EN_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
            "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}


def _fuzzy(word: str) -> str:
    """Regex for a Thai word as PDF text layers render it.

    An optional space may sit between any two characters (justified lines),
    sara aa may come out as sara am, ฏ and ฎ are confused, and a final
    thanthakhat may be lost.
    """
    parts = []
    for ch in word:
        if ch in "าำ":
            parts.append("[าำ]")
        elif ch in "ฎฏ":
            parts.append("[ฎฏ]")
        else:
            parts.append(re.escape(ch))
    if word.endswith("\u0e4c"):
        return "[ ]?".join(parts[:-1]) + "\u0e4c?"
    return "[ ]?".join(parts)


def _month_key(raw: str) -> str:
    key = raw.replace(" ", "").replace(".", "").replace("ำ", "า").replace("ฏ", "ฎ")
    return key.rstrip("\u0e4c").lower()


_MONTH_NUMBER: dict[str, int] = {}
for _i, _name in enumerate(_FULL_MONTHS, start=1):
    _MONTH_NUMBER[_month_key(_name)] = _i
for _i, (_a, _b) in enumerate(_ABBR_MONTHS, start=1):
    _MONTH_NUMBER[_a + _b] = _i
for _i, _name in enumerate(_EN_MONTHS, start=1):
    _MONTH_NUMBER[_name] = _i
_MONTH_NUMBER.update(_EN_ABBR)
_ABBR_KEYS = frozenset(a + b for a, b in _ABBR_MONTHS)
_ENGLISH_KEYS = frozenset(_EN_MONTHS) | frozenset(_EN_ABBR)

# Abbreviated month: not glued to other Thai letters on either side (except
# right after the word เดือน or a form's dot leader), dots optional, a space
# allowed after a dot.
_ABBR_RE = (
    rf"(?:(?<=เดือน)|(?<=\.\.)|(?<![{_TH}.]))"
    + "(?:"
    + "|".join(
        sorted(
            {rf"{re.escape(a)}(?:\.[ ]?)?{re.escape(b)}" for a, b in _ABBR_MONTHS},
            key=len, reverse=True,
        )
    )
    + ")"
    # the final dot is optional, but no Thai letter may follow (ส.ค.ศ. is not August)
    + rf"(?:\.(?![{_TH}])|(?![.{_TH}]))"
)
_FULL_RE = "(?:" + "|".join(_fuzzy(m) for m in _FULL_MONTHS) + ")"
# English months in Title case or capitals, as literals: an IGNORECASE
# alternation is several times slower to scan with.
_EN_RE = (
    r"(?<![A-Za-z])(?:"
    + "|".join(
        sorted({v for n in (*_EN_MONTHS, *_EN_ABBR) for v in (n.title(), n.upper())},
               key=len, reverse=True)
    )
    + r")\.?(?![A-Za-z])"
)
_MONTH_RE = f"(?:{_FULL_RE}|{_ABBR_RE}|{_EN_RE})"

# Era markers.
_BE_RE = rf"(?:พ\.?[ ]?ศ\.?|{_fuzzy('พุทธศักราช')}|B\.[ ]?E\.?)"
_CE_RE = rf"(?:ค\.?[ ]?ศ\.?|{_fuzzy('คริสต์ศักราช')}|A\.[ ]?D\.?|C\.[ ]?E\.)"
_ERA = rf"(?:(?P<be>{_BE_RE})|(?P<ce>{_CE_RE}))"

# Separators: one space, or a filled-in form's dot leaders / underscores.
# Possessive quantifiers: a run of 80 dots is taken whole, never split in
# every possible way (which made a blank form take seconds to scan).
_SEP = r"(?:[ ]|\.{2,}+|…++|_{2,}+){0,6}+"
_SEP_Y = r"(?:[ ,]|\.{2,}+|…++|_{2,}+){0,6}+"
_DASH = r"[ ]?(?:-|ถึง(?:[ ]?วันที่)?|และ|&)[ ]?"

# A day number: not part of a longer number, a decimal, a time or a code.
_DAY_LB = r"(?<![\dA-Za-z])(?<!\d[.,:/])"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
# A year after a month: four digits or two; not part of a longer number,
# a decimal (``10.30``) or a blank ``25....``.
_YEAR = r"(?:\d{4}|\d{2}(?!\.\.))(?!\d)(?![.,:]\d)"
_YEAR4 = r"\d{4}(?!\d)(?![.,]\d)"

# Each pattern opens with a lookahead on its possible first characters: it
# lets the scanner skip most positions cheaply (about 3x faster on Thai text).
_DAY_PATTERN = re.compile(
    rf"(?=\d)(?:{_DAY_LB}(?P<d0>{_DAY})(?:{_SEP}(?P<m0>{_MONTH_RE}))?{_DASH}(?:วันที่[ ]?)?)?"
    rf"{_DAY_LB}(?P<d>{_DAY}){_SEP}(?P<dm>เดือน{_SEP})?(?P<m>{_MONTH_RE}){_SEP_Y}"
    rf"(?:ปี[ ]?)?{_ERA}?{_SEP}(?P<y>{_YEAR})"
)
_EN_MDY_PATTERN = re.compile(
    rf"(?=[JFMASOND])(?P<m>{_EN_RE})[ ]?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d),?[ ]?(?P<y>{_YEAR4})"
)
_MONTH_PATTERN = re.compile(
    rf"(?=[มกเพสตธJFMASOND])(?P<pre>เดือน{_SEP})?(?:(?P<m0>{_MONTH_RE}){_DASH}(?:เดือน[ ]?)?)?"
    rf"(?P<m>{_MONTH_RE}){_SEP_Y}(?:ปี[ ]?)?{_ERA}?{_SEP}(?P<y>{_YEAR})"
)
_NUMERIC_PATTERN = re.compile(
    r"(?=\d)(?<![\d/.\-A-Za-z])(?:"
    r"(?P<d>\d{1,2})(?P<s>[/.\-])(?P<m>\d{1,2})(?P=s)(?P<y>\d{4})"
    r"|(?P<iy>\d{4})(?P<s2>[/\-])(?P<im>\d{1,2})(?P=s2)(?P<id>\d{1,2})"
    r")(?!\d)(?![/.\-]\d)"
)
_RANGE_TAIL = rf"(?:{_DASH}(?:ปี[ ]?)?(?:{_BE_RE}|{_CE_RE})?[ ]?(?P<y2>\d{{4}}|\d{{2}})(?!\d)(?![.,:/\-]\d))?"
_YEAR_PATTERN = re.compile(
    rf"(?=[ปพคBAC])(?:(?P<pi>ปี)[ ]?{_ERA}?|{_ERA.replace('<be>', '<be2>').replace('<ce>', '<ce2>')})"
    rf"[ ]?(?P<y>{_YEAR4}){_RANGE_TAIL}"
)
_BARE_RANGE_PATTERN = re.compile(
    r"(?=\d)(?<![\d/.\-,A-Za-z])(?P<y>\d{4})[ ]?(?:-|ถึง)[ ]?(?P<y2>\d{4})(?!\d)(?![/.\-,]\d)"
)
_FY_PATTERN = re.compile(
    rf"(?=[ปงFf])(?:(?P<pi>ปี)[ ]?(?:{_fuzzy('งบประมาณ')}|งบ(?:[ ]?ฯ|\.)?)"
    rf"|{_fuzzy('งบประมาณ')}"
    rf"|(?<![A-Za-z])(?P<en>[Ff]iscal[ ][Yy]ear|FISCAL[ ]YEAR|FY))"
    rf"{_SEP}(?:{_BE_RE}|{_CE_RE})?[ ]?(?P<y>{_YEAR}){_RANGE_TAIL}"
)
_ACADEMIC_PATTERN = re.compile(
    rf"(?=[ปAa])(?:{_fuzzy('ปีการศึกษา')}|(?<![A-Za-z])(?:[Aa]cademic[ ][Yy]ear|ACADEMIC[ ]YEAR))"
    rf"{_SEP}(?:{_BE_RE}|{_CE_RE})?[ ]?(?P<y>{_YEAR}){_RANGE_TAIL}"
)
# "วันที่" (possibly spaced out or followed by dot leaders) right before a day:
# only then may the word เดือน separate the day from the month.
_AFTER_DAY_LABEL = re.compile(r"ที่[ ._…]*$")
# Units and words after a number that make it a quantity, not a year.
_QUANTITY_AFTER = re.compile(r"[ ]?(?:บาท|ล้าน|คน|ราย(?!งาน)|แห่ง|ครั้ง|ชั่วโมง|นาที|วัน(?!ที่)|%|ชิ้น|เล่ม|หน่วย|กิโล|เมตร)")


# ---------------------------------------------------------------------------
# Search
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    found: FoundDate | None   # None: an impossible date that still claims its span


def _month_of(raw: str | None) -> int | None:
    if raw is None:
        return None
    return _MONTH_NUMBER.get(_month_key(raw))


def _resolve_year(digits: str, be: bool, ce: bool, two_digit_ok: bool) -> tuple[int, str] | None:
    """Gregorian year and era of a written year, or None if it is not plausible."""
    value = int(digits)
    if len(digits) == 2:
        if not two_digit_ok or ce:
            return None
        return 2500 + value - BE_OFFSET, "BE"
    if be:
        return (value - BE_OFFSET, "BE") if BE_MIN <= value <= BE_MAX else None
    if ce:
        return (value, "CE") if CE_MIN <= value <= CE_MAX else None
    if BE_MIN <= value <= BE_MAX:
        return value - BE_OFFSET, "BE"
    if CE_MIN <= value <= CE_MAX:
        return value, "CE"
    return None


def _day_value(raw: str) -> int:
    return int(raw.rstrip("stndrh"))   # "1st", "22nd", "3rd", "15th"


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _is_quantity(text: str, pos: int) -> bool:
    return _QUANTITY_AFTER.match(text, pos) is not None


def _found(text: str, start: int, end: int, kind: str, first: datetime.date,
           last: datetime.date, era: str) -> _Candidate:
    return _Candidate(start, end, FoundDate(first, last, text[start:end], kind, (start, end), era))


def _day_candidates(text: str) -> list[_Candidate]:
    out: list[_Candidate] = []
    for m in _DAY_PATTERN.finditer(text):
        month = _month_of(m.group("m"))
        if month is None:
            continue
        if m.group("dm") and not _AFTER_DAY_LABEL.search(text, max(0, m.start("d") - 40), m.start("d")):
            continue   # "รอบ 6 เดือน ตุลาคม 2567": a count of months, not a day
        is_english = _month_key(m.group("m")) in _ENGLISH_KEYS
        ydigits = m.group("y")
        if len(ydigits) == 2 and _is_quantity(text, m.end("y")):
            continue
        resolved = _resolve_year(ydigits, bool(m.group("be")), bool(m.group("ce")),
                                 two_digit_ok=not is_english)
        if resolved is None:
            continue
        year, era = resolved
        start = m.start("d")
        day = _safe_date(year, month, _day_value(m.group("d")))
        if day is None:
            out.append(_Candidate(start, m.end(), None))
            continue
        out.append(_found(text, start, m.end(), "day", day, day, era))
        if m.group("d0") is None:
            continue
        month0 = _month_of(m.group("m0")) or month
        year0 = year - 1 if month0 > month else year
        day0 = _safe_date(year0, month0, _day_value(m.group("d0")))
        if day0 is not None and day0 <= day:
            end0 = m.end("m0") if m.group("m0") else m.end("d0")
            out.append(_found(text, m.start("d0"), end0, "day", day0, day0, era))
    for m in _EN_MDY_PATTERN.finditer(text):
        month = _month_of(m.group("m"))
        resolved = _resolve_year(m.group("y"), False, False, two_digit_ok=False)
        if month is None or resolved is None:
            continue
        day = _safe_date(resolved[0], month, int(m.group("d")))
        if day is None:
            out.append(_Candidate(m.start(), m.end(), None))
        else:
            out.append(_found(text, m.start(), m.end(), "day", day, day, resolved[1]))
    return out


def _month_candidates(text: str) -> list[_Candidate]:
    out: list[_Candidate] = []
    for m in _MONTH_PATTERN.finditer(text):
        month = _month_of(m.group("m"))
        if month is None:
            continue
        key = _month_key(m.group("m"))
        has_pre = m.group("pre") is not None
        if key == "กพ" and not has_pre and (m.group("be") or m.group("ce")):
            continue   # "ก.พ. พ.ศ. 2551": the Civil Service Commission, not February
        ydigits = m.group("y")
        two_ok = key not in _ENGLISH_KEYS and (key in _ABBR_KEYS or has_pre)
        if len(ydigits) == 2 and _is_quantity(text, m.end("y")):
            continue
        resolved = _resolve_year(ydigits, bool(m.group("be")), bool(m.group("ce")), two_ok)
        if resolved is None:
            continue
        year, era = resolved
        out.append(_found(text, m.start("m"), m.end(), "month",
                          datetime.date(year, month, 1), _month_end(year, month), era))
        month0 = _month_of(m.group("m0"))
        if month0 is not None:
            year0 = year - 1 if month0 > month else year
            out.append(_found(text, m.start("m0"), m.end("m0"), "month",
                              datetime.date(year0, month0, 1), _month_end(year0, month0), era))
    return out


def _numeric_candidates(text: str) -> list[_Candidate]:
    out: list[_Candidate] = []
    for m in _NUMERIC_PATTERN.finditer(text):
        if m.group("d") is not None:
            d, mo, y = m.group("d"), m.group("m"), m.group("y")
        else:
            d, mo, y = m.group("id"), m.group("im"), m.group("iy")
        resolved = _resolve_year(y, False, False, two_digit_ok=False)
        if resolved is None or not 1 <= int(mo) <= 12:
            continue
        day = _safe_date(resolved[0], int(mo), int(d))
        if day is None:
            out.append(_Candidate(m.start(), m.end(), None))
        else:
            out.append(_found(text, m.start(), m.end(), "day", day, day, resolved[1]))
    return out


def _second_year(first: int, digits: str | None) -> int | None:
    """The written end year of a range (``2566-70`` → 2570), or None if it is not one."""
    if digits is None:
        return None
    value = int(digits)
    if len(digits) == 2:
        value = first // 100 * 100 + value
    if first < value <= first + MAX_RANGE_YEARS:
        return value
    return None


def _period_candidates(text: str) -> list[_Candidate]:
    out: list[_Candidate] = []

    # Fiscal and academic years (BE numbering; a CE number is converted).
    for pattern, kind in ((_FY_PATTERN, "fiscal_year"), (_ACADEMIC_PATTERN, "academic_year")):
        bounds = fiscal_year_range if kind == "fiscal_year" else academic_year_range
        for m in pattern.finditer(text):
            ydigits = m.group("y")
            two_ok = kind == "academic_year" or m.groupdict().get("pi") is not None
            if (len(ydigits) == 2 or kind == "fiscal_year") and _is_quantity(text, m.end("y")):
                continue
            resolved = _resolve_year(ydigits, False, False, two_ok)
            if resolved is None:
                continue
            year_ce, era = resolved
            first, last = bounds(year_ce + BE_OFFSET)
            end = m.end("y")
            last_be = _second_year(int(ydigits) if len(ydigits) == 4 else year_ce + BE_OFFSET,
                                   m.group("y2"))
            if last_be is not None:
                if era == "CE":
                    last_be += BE_OFFSET
                if BE_MIN <= last_be <= BE_MAX:
                    last = bounds(last_be)[1]
                    end = m.end()
                    kind_out = "year_range"
                else:
                    kind_out = kind
            else:
                kind_out = kind
            out.append(_found(text, m.start(), end, kind_out, first, last, era))

    # Calendar years and year ranges with "ปี" or an era marker.
    for m in _YEAR_PATTERN.finditer(text):
        be = bool(m.group("be") or m.group("be2"))
        ce = bool(m.group("ce") or m.group("ce2"))
        resolved = _resolve_year(m.group("y"), be, ce, two_digit_ok=False)
        if resolved is None:
            continue
        year, era = resolved
        written = int(m.group("y"))
        end = m.end("y")
        kind = "year"
        last_year = year
        second = _second_year(written, m.group("y2"))
        if second is not None and _resolve_year(str(second), be, ce, False) is not None:
            last_year = year + (second - written)
            end = m.end()
            kind = "year_range"
        out.append(_found(text, m.start(), end, kind, datetime.date(year, 1, 1),
                          datetime.date(last_year, 12, 31), era))

    # Bare BE year ranges: "2566 – 2570" (both plausible BE years, no marker).
    for m in _BARE_RANGE_PATTERN.finditer(text):
        y1, y2 = int(m.group("y")), int(m.group("y2"))
        if not (BE_MIN <= y1 <= BE_MAX and BE_MIN <= y2 <= BE_MAX):
            continue
        if _second_year(y1, m.group("y2")) is None or _is_quantity(text, m.end()):
            continue
        out.append(_found(text, m.start(), m.end(), "year_range",
                          datetime.date(y1 - BE_OFFSET, 1, 1),
                          datetime.date(y2 - BE_OFFSET, 12, 31), "BE"))
    return out


def _select(candidates: list[_Candidate]) -> list[FoundDate]:
    """Longest candidates first; drop those overlapping a chosen one; order by position."""
    starts: list[int] = []          # chosen candidates, sorted by start (never overlapping)
    chosen: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        i = bisect.bisect_left(starts, cand.start)
        if i > 0 and chosen[i - 1].end > cand.start:
            continue
        if i < len(chosen) and chosen[i].start < cand.end:
            continue
        starts.insert(i, cand.start)
        chosen.insert(i, cand)
    return [c.found for c in chosen if c.found is not None]


def extract_dates(text: str) -> list[FoundDate]:
    """All dates and periods named in ``text``, in order of appearance.

    Spans and texts refer to ``normalize_text(text)``.
    """
    return extract_dates_normalized(normalize_text(text))


def extract_dates_normalized(norm: str) -> list[FoundDate]:
    """:func:`extract_dates` for text that is already ``normalize_text`` output.

    For callers that normalise a document once and search it several times;
    on any other text Thai digits and odd spaces are not understood.
    """
    if not norm or not any(ch.isdigit() for ch in norm):
        return []
    candidates = (
        _day_candidates(norm)
        + _numeric_candidates(norm)
        + _month_candidates(norm)
        + _period_candidates(norm)
    )
    return _select(candidates)
