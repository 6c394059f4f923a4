"""Tests for rules.dates: the hand-written case table, the period helpers,
formatting, offsets, speed, and the labels of real agency documents."""

from __future__ import annotations

import datetime
import functools
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from rules.dates import (
    KINDS,
    FoundDate,
    academic_year_range,
    extract_dates,
    extract_dates_normalized,
    fiscal_year_of,
    fiscal_year_range,
    format_thai_date,
)
from rules.text import normalize_text

D = datetime.date
CASES_FILE = Path(__file__).with_name("data") / "date_cases.yaml"
SHARED = Path(__file__).resolve().parents[2] / "shared"
REALDATA = SHARED / "realdata" / "documents"


def _as_date(value: Any) -> datetime.date:
    return value if isinstance(value, datetime.date) else D.fromisoformat(str(value))


def _load_cases() -> list[dict[str, Any]]:
    data = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    return data["cases"]


CASES = _load_cases()


def _case_id(case: dict[str, Any]) -> str:
    text = case["text"].replace("\n", " ")
    return text[:40]


# ---------------------------------------------------------------------------
# The case table
# ---------------------------------------------------------------------------

def test_case_table_size() -> None:
    negatives = [c for c in CASES if not c["expect"]]
    assert len(CASES) >= 170
    assert len(negatives) >= 40
    for case in CASES:
        for exp in case["expect"]:
            assert exp["kind"] in KINDS, case


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    found = extract_dates(case["text"])
    got = [(f.date, f.kind) for f in found]
    want = [(_as_date(e["date"]), e["kind"]) for e in case["expect"]]
    assert got == want, [(f.text, f.date.isoformat(), f.kind) for f in found]
    for f, exp in zip(found, case["expect"], strict=True):
        if "end" in exp:
            assert f.end == _as_date(exp["end"]), f


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_spans_match_text(case: dict[str, Any]) -> None:
    norm = normalize_text(case["text"])
    found = extract_dates(case["text"])
    previous_end = 0
    for f in found:
        start, end = f.span
        assert norm[start:end] == f.text
        assert start >= previous_end, "overlapping or out of order"
        previous_end = end
        assert f.date <= f.end
        assert f.era in ("BE", "CE")
        assert f.kind in KINDS
    assert extract_dates_normalized(norm) == found


# ---------------------------------------------------------------------------
# Periods and formatting
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("day", "fy"),
    [
        (D(2025, 10, 1), 2569),
        (D(2025, 9, 30), 2568),
        (D(2024, 10, 1), 2568),
        (D(2025, 1, 1), 2568),
        (D(2024, 12, 31), 2568),
        (D(2018, 5, 15), 2561),
        (D(2000, 2, 29), 2543),
    ],
)
def test_fiscal_year_of(day: datetime.date, fy: int) -> None:
    assert fiscal_year_of(day) == fy


def test_fiscal_year_range() -> None:
    assert fiscal_year_range(2569) == (D(2025, 10, 1), D(2026, 9, 30))
    assert fiscal_year_range(2568) == (D(2024, 10, 1), D(2025, 9, 30))
    assert fiscal_year_range(2561) == (D(2017, 10, 1), D(2018, 9, 30))


def test_fiscal_year_round_trip() -> None:
    day = D(2023, 1, 1)
    while day < D(2026, 1, 1):
        first, last = fiscal_year_range(fiscal_year_of(day))
        assert first <= day <= last
        assert (last - first).days in (364, 365)
        day += datetime.timedelta(days=7)


def test_academic_year_range() -> None:
    assert academic_year_range(2567) == (D(2024, 5, 16), D(2025, 3, 31))


def test_fiscal_year_found_matches_helper() -> None:
    (found,) = extract_dates("ปีงบประมาณ พ.ศ. ๒๕๖๙")
    assert (found.date, found.end) == fiscal_year_range(2569)
    assert found.kind == "fiscal_year"
    assert found.era == "BE"


def test_format_thai_date() -> None:
    assert format_thai_date(D(2018, 5, 15)) == "15 พ.ค. 2561"
    assert format_thai_date(D(2018, 5, 15), "long") == "15 พฤษภาคม 2561"
    assert format_thai_date(D(2018, 5, 15), thai_digits=True) == "๑๕ พ.ค. ๒๕๖๑"
    assert format_thai_date(D(2024, 7, 5), "long", thai_digits=True) == "๕ กรกฎาคม ๒๕๖๗"
    assert format_thai_date(D(2024, 7, 5)) == "5 ก.ค. 2567"
    with pytest.raises(ValueError):
        format_thai_date(D(2024, 7, 5), "iso")


@pytest.mark.parametrize("style", ["short", "long"])
@pytest.mark.parametrize("thai_digits", [False, True])
def test_format_then_extract_round_trip(style: str, thai_digits: bool) -> None:
    for month in range(1, 13):
        day = D(2024, month, 28 if month == 2 else 30)
        text = format_thai_date(day, style, thai_digits)
        found = extract_dates(f"ประกาศ ณ วันที่ {text}")
        assert [(f.date, f.kind, f.era) for f in found] == [(day, "day", "BE")], text


# ---------------------------------------------------------------------------
# Offsets, edge inputs, speed
# ---------------------------------------------------------------------------

def test_span_refers_to_normalised_text() -> None:
    raw = "ประกาศ\u200b ณ  วันที่ ๑๕   พฤษภาคม\nพ.ศ. ๒๕๖๑"
    norm = normalize_text(raw)
    (found,) = extract_dates(raw)
    assert found == FoundDate(
        date=D(2018, 5, 15), end=D(2018, 5, 15), text="15 พฤษภาคม พ.ศ. 2561",
        kind="day", span=(norm.index("15"), len(norm)), era="BE",
    )


def test_month_and_year_periods() -> None:
    month, year, span = extract_dates("สขร. เดือน กุมภาพันธ์ 2567 และปี พ.ศ. 2568 และ พ.ศ. 2566-2570")
    assert (month.date, month.end) == (D(2024, 2, 1), D(2024, 2, 29))
    assert (year.date, year.end) == (D(2025, 1, 1), D(2025, 12, 31))
    assert (span.date, span.end, span.kind) == (D(2023, 1, 1), D(2027, 12, 31), "year_range")


def test_day_range_spans() -> None:
    first, last = extract_dates("18 - 20 มีนาคม 2568")
    assert (first.text, first.span) == ("18", (0, 2))
    assert last.text == "20 มีนาคม 2568"


def test_empty_inputs() -> None:
    assert extract_dates("") == []
    assert extract_dates("ไม่มีตัวเลขเลย") == []
    assert extract_dates_normalized("") == []


def test_megabyte_scan_is_fast() -> None:
    paragraph = (
        "ประกาศสำนักงานเขตพื้นที่การศึกษาประถมศึกษาชลบุรี เขต ๒ เรื่อง มาตรการเผยแพร่ข้อมูลต่อสาธารณะ "
        "ประกาศ ณ วันที่ ๑๕ พฤษภาคม พ.ศ. ๒๕๖๑ รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568 "
        "จำนวน 2,568 บาท โทร 0-3827-1234 ที่ ศธ 04052/2561 วันที่ ......... เดือน ......... "
        "พ.ศ. ......... แผนพัฒนาการศึกษา พ.ศ. 2566-2570 ข่าววันที่ 1 มี.ค. 64 "
        "สขร.เดือน ตุลาคม 2567 มาตรา 7 O12 Posted on October 15, 2024 "
        "เจ้าหน้าที่ผู้รับผิดชอบได้ดำเนินการตรวจสอบเอกสารและรายงานต่อผู้บังคับบัญชาตามลำดับขั้นตอน\n"
    )
    per_paragraph = len(extract_dates(paragraph))
    assert per_paragraph == 6
    repeats = 1_000_000 // len(paragraph.encode("utf-8")) + 1
    text = paragraph * repeats          # a bit over 1 MB of UTF-8
    started = time.perf_counter()
    norm = normalize_text(text)
    normalised = time.perf_counter()
    found = extract_dates_normalized(norm)
    finished = time.perf_counter()
    assert len(found) == per_paragraph * repeats
    # The search itself takes about 0.2 s here and normalisation (pythainlp's
    # normalize, in rules.text) about 0.3 s; the bounds leave room for a
    # busy machine.
    search = finished - normalised
    assert search < 1.0, f"searching 1 MB took {search:.2f} s"
    assert finished - started < 2.0, f"1 MB took {finished - started:.2f} s with normalisation"


# ---------------------------------------------------------------------------
# Real documents (shared/realdata/documents, labelled by hand in MANIFEST.yaml)
# ---------------------------------------------------------------------------
#
# Checked: every file with text_layer 'yes' (PDF through `pdftotext -layout`,
# DOCX through python-docx, XLSX string cells through openpyxl) and each of
# its two labels, newest_visible_date and issue_date, that is not null.
# A label counts as found when a FoundDate of the matching precision names
# it: a day for precision 'day', a month for 'month', and for 'year' a year
# with that Gregorian number or a fiscal year ending in it (the MANIFEST
# records ปีงบประมาณ 2568 as 2025).
#
# Not checked, by design:
# - text_layer 'no' (6 scans: nothing to read without OCR) and 'broken'
#   (3 files whose text layer is Latin OCR junk or a garbled font encoding,
#   e.g. ktltc-gazette-vqf2567-garbled.pdf, whose dates exist only on the
#   rendered page);
# - null labels (undated documents);
# - labels listed in UNREACHABLE below, whose date is not in the text layer.
UNREACHABLE = {
    ("phichai-moph-ethics-rules2564.pdf", "issue_date"):
        "the signing date 'ประกาศ ณ วันที่ ๑๔ ตุลาคม พ.ศ. ๒๕๖๔' is handwritten on page 6, "
        "a scan whose OCR layer is Latin junk",
}


def _realdata_params() -> list[Any]:
    manifest = REALDATA / "MANIFEST.yaml"
    if not manifest.is_file():
        return [pytest.param(None, None, None, None,
                             marks=pytest.mark.skip(reason=f"real documents not found at {REALDATA}"))]
    entries = yaml.safe_load(manifest.read_text(encoding="utf-8"))["documents"]
    params = []
    for entry in entries:
        if entry.get("text_layer") != "yes":
            continue
        for field, precision_field in (("newest_visible_date", "date_precision"),
                                       ("issue_date", "issue_precision")):
            if entry.get(field) is None:
                continue
            marks = []
            reason = UNREACHABLE.get((entry["file"], field))
            if reason:
                marks.append(pytest.mark.skip(reason=reason))
            params.append(pytest.param(
                entry["file"], field, _as_date(entry[field]), entry[precision_field],
                id=f"{entry['file']}:{field}", marks=marks,
            ))
    return params


@functools.cache
def _document_text(name: str) -> str:
    path = REALDATA / name
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        if shutil.which("pdftotext") is None:
            pytest.skip("pdftotext (poppler-utils) is not installed")
        result = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"],
            capture_output=True, check=False, timeout=60,
        )
        return result.stdout.decode("utf-8", errors="replace")
    if suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        parts = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                parts.extend(cell.text for cell in row.cells)
        return "\n".join(parts)
    if suffix == ".xlsx":
        # Only the cells typed as text: the date-typed cells of this sheet are
        # Excel serials made from Buddhist years (see the MANIFEST), which the
        # spreadsheet reader has to handle, not the Thai text search.
        import openpyxl

        workbook = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
        parts = []
        for sheet in workbook.worksheets:
            parts.append(sheet.title)
            for row in sheet.iter_rows(values_only=True):
                parts.extend(v for v in row if isinstance(v, str))
        workbook.close()
        return "\n".join(parts)
    pytest.skip(f"no text extractor for {suffix}")
    return ""


@functools.cache
def _document_dates(name: str) -> tuple[FoundDate, ...]:
    return tuple(extract_dates(_document_text(name)))


def _names_label(found: FoundDate, label: datetime.date, precision: str) -> bool:
    if precision == "day":
        return found.kind == "day" and found.date == label
    if precision == "month":
        return found.kind == "month" and found.date == label
    if precision == "year":
        return (found.kind == "year" and found.date.year == label.year) or (
            found.kind == "fiscal_year" and found.end.year == label.year
        )
    raise AssertionError(f"unknown precision {precision!r}")


@pytest.mark.parametrize(("name", "field", "label", "precision"), _realdata_params())
def test_real_document_label_is_found(name: str, field: str, label: datetime.date,
                                      precision: str) -> None:
    found = _document_dates(name)
    assert any(_names_label(f, label, precision) for f in found), (
        f"{name} {field}={label} ({precision}) not among "
        f"{sorted({(f.date.isoformat(), f.kind) for f in found})}"
    )
