"""The bounds of every number an operator gives: command options, sites files, config.

One table, so ``audit --delay`` and a sites file's ``delay_s`` refuse the same
values.  Numbers are finite (``nan`` and ``inf`` are refused) and within a
range that still means something: ``--delay inf`` would wait forever, a run id
of twenty digits or ``prune --keep-days 99999999999`` would overflow the
database or the calendar.  :func:`check_number` gives the one-line message;
the callers add where the value came from (the option, or ``FILE:LINE``).
"""

from __future__ import annotations

import math
from typing import Any

DAY_S = 24 * 3600

# sites-file key -> (CrawlLimits field, type, minimum, maximum); bool has no range
CRAWL_LIMITS: dict[str, tuple[str, type, float, float]] = {
    "max_pages": ("max_pages", int, 1, 1_000_000),
    "max_depth": ("max_depth", int, 0, 1_000),
    "max_mb": ("max_bytes", float, 0.001, 4_096),          # MB per response
    "timeout_s": ("timeout_s", int, 1, 7 * DAY_S),         # the whole crawl of a site
    "request_timeout_s": ("request_timeout_s", int, 1, 3_600),
    "concurrency": ("concurrency", int, 1, 100),
    "delay_s": ("delay_s", float, 0, 3_600),               # between requests to a site
    "autothrottle": ("autothrottle", bool, 0, 0),
    "max_redirects": ("max_redirects", int, 0, 100),
    "max_sitemaps": ("max_sitemaps", int, 0, 1_000),
    "max_archive_pages": ("max_archive_pages", int, 1, 1_000),
    # private, loopback and link-local hosts the start URL did not name (local testing only)
    "allow_private_targets": ("allow_private_targets", bool, 0, 0),
}
# ids are INTEGER columns: 64 bits in SQLite, 32 in PostgreSQL
RUN_ID_MAX = 2**31 - 1
PORT_MIN, PORT_MAX = 1, 65_535
KEEP_DAYS_MAX = 100 * 366          # retention: a century
DETAIL_RUNS_MAX = 1_000_000
SMTP_TIMEOUT_MAX = 3_600
# dates given to commands (--as-of, --now): the Buddhist-Era years rule sets accept
# (2500–2699); outside them date arithmetic overflows, after the crawl
YEAR_MIN, YEAR_MAX = 2500 - 543, 2699 - 543


def date_error(year: int) -> str | None:
    if YEAR_MIN <= year <= YEAR_MAX:
        return None
    return (f"must be between {YEAR_MIN}-01-01 and {YEAR_MAX}-12-31 "
            f"(พ.ศ. {YEAR_MIN + 543}–{YEAR_MAX + 543})")


def show(number: float) -> str:
    """A bound as a message shows it: ``3600``, ``0.001``, ``2147483647``."""
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def range_error(value: Any, kind: type, minimum: float | None,
                maximum: float | None) -> str | None:
    """What is wrong with ``value`` (already of type ``kind``), or None.

    The message completes "'KEY' …" or "argument --OPTION: …"."""
    if isinstance(value, float) and not math.isfinite(value):
        return "must be a finite number"
    if minimum is not None and value < minimum:
        if minimum == 0:
            return "must not be negative"
        if kind is int and minimum == 1:
            return "must be positive"
        return f"must be at least {show(minimum)}"
    if maximum is not None and value > maximum:
        return f"must be at most {show(maximum)}"
    return None


def parse_number(text: str, kind: type, minimum: float | None = None,
                 maximum: float | None = None) -> Any:
    """A command-line number; raises ValueError with a one-line message."""
    shown = text if len(text) <= 30 else text[:27] + "..."
    try:
        value = kind(text)
    except (ValueError, OverflowError):
        what = "a whole number" if kind is int else "a number"
        raise ValueError(f"not {what}: {shown!r}") from None
    problem = range_error(value, kind, minimum, maximum)
    if problem:
        raise ValueError(f"{problem}: {shown!r}")
    return value
