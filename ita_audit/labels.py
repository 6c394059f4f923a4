"""Thai-first labels shared by the CLI summary, the reports and the dashboard."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rules.dates import format_thai_date

# Status: symbol (never colour alone), Thai label, English label, colour.  Plain
# symbols, not emoji: they render with the Thai and Latin fonts an office has.
STATUS = {
    "ok": ("✔", "ครบถ้วน/เป็นปัจจุบัน", "ok", "#1b7f3b"),
    "stale": ("⚠", "ไม่เป็นปัจจุบัน", "stale", "#b26a00"),
    "missing": ("✖", "ไม่พบข้อมูล", "missing", "#b3261e"),
    "unknown": ("?", "สรุปไม่ได้", "unknown", "#5f6368"),
}
RUN_STATUS = {
    "complete": ("สมบูรณ์", "complete"),
    "incomplete": ("ไม่สมบูรณ์", "incomplete"),
    "failed": ("ล้มเหลว", "failed"),
}


# Characters that break the files and screens text goes to: C0 controls except tab and
# line breaks (NUL, BEL, ESC …; python-docx and openpyxl refuse them, XML cannot hold
# them), DEL and the C1 controls (terminal escapes), lone surrogates (not encodable)
# and the XML non-characters U+FFFE / U+FFFF.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def printable(value: Any) -> Any:
    """Text as every output can hold it: control characters dropped (a vertical tab
    or form feed becomes a space); anything that is not a string is returned as is.

    The one place for it: the memo (DOCX), the XLSX/CSV reports and the dashboard's
    tables and downloads all write text through this."""
    if not isinstance(value, str) or not _UNPRINTABLE.search(value):
        return value
    return _UNPRINTABLE.sub(lambda m: " " if m.group() in "\x0b\x0c" else "", value)


def status_symbol(status: str) -> str:
    return STATUS.get(status, ("?", status, status, "#000"))[0]


def status_th(status: str) -> str:
    return STATUS.get(status, ("?", status, status, "#000"))[1]


def status_label(status: str, lang: str = "th") -> str:
    symbol, th, en, _ = STATUS.get(status, ("?", status, status, "#000"))
    return f"{symbol} {th if lang == 'th' else en}"


def run_status_label(status: str, lang: str = "th") -> str:
    th, en = RUN_STATUS.get(status, (status, status))
    return th if lang == "th" else en


def thai_date(value: dt.date | str | None, style: str = "short") -> str:
    """A date as Thai offices write it (พ.ศ.), or an empty string."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    if isinstance(value, dt.datetime):
        value = value.date()
    return format_thai_date(value, style=style)
