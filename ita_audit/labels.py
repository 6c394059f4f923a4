"""Thai-first labels shared by the CLI summary, the reports and the dashboard."""

from __future__ import annotations

import datetime as dt

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
