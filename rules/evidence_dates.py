"""Which date stands for a piece of evidence.

A record can carry many dates: in its title, in the links pointing to it, in
its first lines, in its body, in meta tags and document metadata, in its URL,
in the sitemap, in the HTTP ``Last-Modified`` header.  The verdict needs one
honest date per piece of evidence, and must say where it came from.

Rules (documented in docs/rules.md):

* Dates written by people (title, link, lead, body) come first; machine dates
  (meta, document metadata, URL, sitemap) only when the text has none;
  ``Last-Modified`` last, and only for documents: CMS pages send the time of
  the request, which would make every page look fresh.
* Dates after the audit's as-of date are ignored (deadlines, plan horizons,
  typing errors); a period that started before as-of counts up to as-of.
* Multi-year ranges (plan horizons ``2566–2570``) count only for concepts
  marked ``period_counts`` (strategic plans, whose period is what matters).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from rules.dates import extract_dates
from rules.records import DatedValue, DocumentRecord
from rules.text import normalize_text

TEXT_SOURCES = ("title", "link", "lead", "text")
MACHINE_SOURCES = ("meta", "document_meta", "url", "sitemap")
BODY_DATE_LIMIT = 200_000


# A bare year right after these words names a law, not the document's date
# ("พ.ร.บ.การศึกษาแห่งชาติ พ.ศ. 2542"): an authority page citing old laws is not old.
LAW_CITATION = re.compile(
    r"(พ\.ร\.บ\.|พระราชบัญญัติ|พระราชกฤษฎีกา|กฎกระทรวง|ระเบียบ|ประมวล|รัฐธรรมนูญ|ข้อบังคับ)"
    r"[^\n]{0,80}$")


def _cites_a_law(normalized: str, start: int) -> bool:
    return bool(LAW_CITATION.search(normalized[max(0, start - 90):start]))


def text_dates(record: DocumentRecord) -> list[DatedValue]:
    """Dates written in the record's title, link texts, first lines and body."""
    found: list[DatedValue] = []

    def add(texts: Iterable[str], source: str) -> None:
        for text in texts:
            dates = extract_dates(text)
            normalized = normalize_text(text) if dates else ""
            for d in dates:
                if d.kind in ("year", "year_range") and _cites_a_law(normalized, d.span[0]):
                    continue
                found.append(DatedValue(d.date, d.end, source, d.text, d.kind))  # type: ignore[arg-type]

    add([record.title], "title")
    add([lc.label for lc in record.links_in] + [lc.row_text for lc in record.links_in], "link")
    add([record.lead], "lead")
    add([record.body_text[len(record.lead):BODY_DATE_LIMIT]], "text")
    return found


def all_dates(record: DocumentRecord) -> list[DatedValue]:
    dates = text_dates(record) + list(record.dates)
    if record.last_modified and record.kind == "document":
        dates.append(DatedValue(record.last_modified, record.last_modified, "last_modified",
                                record.last_modified.isoformat(), "day"))
    return dates


def usable_dates(
    dates: Iterable[DatedValue], as_of: dt.date, period_counts: bool = False
) -> list[DatedValue]:
    """Dates that may stand for the evidence, strongest source group only."""
    usable = [
        d for d in dates if d.start <= as_of and (period_counts or d.kind != "year_range")
    ]
    for group in (TEXT_SOURCES, MACHINE_SOURCES, ("last_modified",)):
        chosen = [d for d in usable if d.source in group]
        if chosen:
            return chosen
    return []


def effective_end(d: DatedValue, as_of: dt.date) -> dt.date:
    return min(d.end, as_of)


PRECISE_KINDS = ("day", "month")


def newest(dates: Iterable[DatedValue], as_of: dt.date) -> DatedValue | None:
    """The date whose period reaches latest (up to as-of); earlier source wins ties.

    A day or month, when there is one, beats a mere year or fiscal-year mention:
    a news item of 20 August that says "ปี 2569" is dated 20 August, not as-of.
    """
    dates = list(dates)
    precise = [d for d in dates if d.kind in PRECISE_KINDS]
    best: DatedValue | None = None
    for d in precise or dates:
        if best is None or effective_end(d, as_of) > effective_end(best, as_of):
            best = d
    return best
