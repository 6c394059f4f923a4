"""Crawled text in spreadsheets: never let it become a formula.

A page title such as ``=HYPERLINK("http://evil/","คลิก")`` written into a CSV
or XLSX cell would run as a formula when an officer opens the file in Excel
(CSV/formula injection).  Text that starts with a formula character is
prefixed with an apostrophe, as OWASP recommends, and XLSX cells holding
text are typed as strings.  Control characters, which Excel files cannot hold
(openpyxl refuses them), are dropped first (:func:`ita_audit.labels.printable`).
"""

from __future__ import annotations

from typing import Any

from ita_audit.labels import printable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: Any) -> Any:
    """``value`` unchanged, unless it is text that a spreadsheet would evaluate (or
    text with control characters, which are dropped)."""
    value = printable(value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def mark_text_cells(worksheet: Any) -> None:
    """Type every text cell of an openpyxl worksheet as a string, never a formula."""
    for row in worksheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.data_type == "f":
                cell.value = safe_text(cell.value)
                cell.data_type = "s"
