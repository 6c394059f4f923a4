"""Tables as downloadable files: CSV (UTF-8 with BOM, for Excel on Thai Windows) and XLSX."""

from __future__ import annotations

import io
import re

import pandas as pd

from ita_audit.labels import printable
from ita_audit.spreadsheet import mark_text_cells, safe_text


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with crawled text that a spreadsheet would evaluate (``=HYPERLINK(…)``,
    ``@SUM``) made inert: shown in a table, its toolbar's own CSV download is safe too."""
    return frame.map(safe_text)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    safe = frame.map(safe_text)
    safe.columns = [printable(c) for c in safe.columns]
    return safe.to_csv(index=False).encode("utf-8-sig")


def sheet_name(name: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", " ", name)[:31] or "Sheet1"


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "ita-audit") -> bytes:
    from openpyxl.styles import Alignment, Font

    buffer = io.BytesIO()
    frame = frame.map(printable)   # openpyxl refuses control characters (a BEL in a name)
    frame.columns = [printable(c) for c in frame.columns]
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        name = sheet_name(printable(sheet))
        frame.to_excel(writer, index=False, sheet_name=name)
        ws = writer.sheets[name]
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for column in ws.columns:
            values = [str(c.value) for c in column if c.value is not None]
            width = min(max((len(v) for v in values), default=8) + 2, 60)
            ws.column_dimensions[column[0].column_letter].width = width
        ws.freeze_panes = "A2"
        mark_text_cells(ws)
    return buffer.getvalue()


def file_stem(*parts: object) -> str:
    text = "-".join(str(p) for p in parts if p not in (None, ""))
    return re.sub(r"[^0-9A-Za-z._-]+", "_", text).strip("_") or "ita-audit"


def memo_bytes(db: str, run_id: int) -> bytes:
    """The seed's publication-request memos for the run's gaps (ita_audit.memo)."""
    from ita_audit.memo import memo_docx
    from ita_audit.store import Store

    store = Store.open(db, create=False)
    try:
        return memo_docx(store, run_id)[0]
    finally:
        store.close()
