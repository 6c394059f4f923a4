"""Formatting for the dashboard: พ.ศ. dates, status labels and colours, safe text.

Safety rules (crawled text is untrusted: a page title may contain ``<script>``):

* crawled text goes only into ``st.dataframe`` cells, ``st.text`` or
  :func:`code_span` (never ``st.table``, whose cells are Markdown, and never
  ``unsafe_allow_html``);
* other dynamic text put into Markdown (site names, rule-set titles) goes
  through :func:`md_escape`;
* only ``http``/``https`` URLs become links (:func:`safe_url`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from dashboard.i18n import t
from ita_audit.labels import RUN_STATUS, STATUS, thai_date

THAILAND = dt.timezone(dt.timedelta(hours=7))
EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
STATUS_ORDER = ("ok", "stale", "missing", "unknown")
# Streamlit Markdown colour names and light cell backgrounds, beside labels.STATUS's colours.
STATUS_MD_COLOUR = {"ok": "green", "stale": "orange", "missing": "red", "unknown": "gray"}
STATUS_BG = {"ok": "#e6f4ea", "stale": "#fff1db", "missing": "#fde7e5", "unknown": "#eeeff1"}
# The status symbols of ita_audit.labels (plain symbols every browser can draw).
SYMBOL = {status: spec[0] for status, spec in STATUS.items()}
RUN_SYMBOL = {"complete": "✔", "incomplete": "⚠", "failed": "✖", "running": "⟳"}
DATE_SOURCE = {
    "title": ("ชื่อเรื่อง", "title"), "link": ("ข้อความลิงก์", "link text"),
    "lead": ("ส่วนต้นของเอกสาร", "opening lines"), "text": ("เนื้อหา", "body text"),
    "meta": ("เมทาดาทาของหน้าเว็บ", "page metadata"),
    "document_meta": ("คุณสมบัติของไฟล์", "file properties"), "url": ("ที่อยู่ URL", "URL"),
    "sitemap": ("แผนผังเว็บไซต์ (sitemap)", "sitemap"),
    "last_modified": ("วันที่แก้ไขไฟล์จากเซิร์ฟเวอร์", "server Last-Modified"),
}
KIND = {"page": ("หน้าเว็บ", "page"), "document": ("เอกสาร", "document"),
        "external": ("ลิงก์ภายนอก", "external link")}

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|:~$&\"'=^])")


def is_missing(value: Any) -> bool:
    """None, an empty string, NaN or NaT."""
    try:
        return value is None or value == "" or bool(value != value)
    except (TypeError, ValueError):
        return False


def as_date(value: Any) -> dt.date | None:
    if is_missing(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "date"):  # pandas Timestamp
        return value.date()
    return dt.date.fromisoformat(str(value)[:10])


def fmt_date(value: Any, lang: str = "th") -> str:
    """A date in พ.ศ.: ``15 ม.ค. 2569`` (Thai) or ``15 Jan 2569 BE`` (English)."""
    day = as_date(value)
    if day is None:
        return ""
    if lang == "en":
        return f"{day.day} {EN_MONTHS[day.month - 1]} {day.year + 543} BE"
    return thai_date(day)


def fmt_datetime(value: Any, lang: str = "th") -> str:
    """A stored UTC timestamp as Thai local time with a พ.ศ. date."""
    if is_missing(value):
        return ""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    local = value.astimezone(THAILAND)
    return f"{fmt_date(local.date(), lang)} {local:%H:%M}"


def status_text(status: str | None, lang: str = "th") -> str:
    """Symbol and word (never colour alone); ``—`` for a category not judged."""
    if not status:
        return "—"
    if status not in STATUS:
        return str(status)
    _, th, en, _ = STATUS[status]
    return f"{SYMBOL[status]} {en if lang == 'en' else th}"


def status_md(status: str, lang: str = "th") -> str:
    """A status as coloured Markdown, symbol included."""
    colour = STATUS_MD_COLOUR.get(status, "gray")
    return f":{colour}-background[{md_escape(status_text(status, lang))}]"


def status_css(status: str | None) -> str:
    if status not in STATUS:
        return ""
    return f"background-color: {STATUS_BG[status]}; color: {STATUS[status][3]}"


def run_state(status: str, finished_at: Any) -> str:
    """``running`` for an incomplete run without a finish time, else the stored status."""
    if status == "incomplete" and is_missing(finished_at):
        return "running"
    return status


def run_status_text(state: str, lang: str = "th") -> str:
    symbol = RUN_SYMBOL.get(state, "?")
    if state == "running":
        return f"{symbol} {t('run_running', lang)}"
    th, en = RUN_STATUS.get(state, (state, state))
    return f"{symbol} {en if lang == 'en' else th}"


def date_source_text(source: str | None, lang: str = "th") -> str:
    if not source:
        return ""
    th, en = DATE_SOURCE.get(source, (source, source))
    return en if lang == "en" else th


def kind_text(kind: str, lang: str = "th") -> str:
    th, en = KIND.get(kind, (kind, kind))
    return en if lang == "en" else th


def md_escape(text: Any) -> str:
    """Text that Markdown shows literally (no links, HTML, directives or emphasis)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def code_span(text: Any) -> str:
    """Text as an inline code span: shown literally, one line."""
    clean = " ".join(str(text).replace("`", "'").split())
    return f"`{clean}`" if clean else ""


def safe_url(url: Any) -> str | None:
    """The URL when it is http(s) (clickable), else None."""
    text = str(url or "").strip()
    return text if re.match(r"(?i)^https?://", text) else None


def site_label(name: str, url: str) -> str:
    """Plain text (for widget options and table cells)."""
    return f"{name} — {url}" if name else url
