"""Tests for crawler.documents on the real agency documents (no mocks).

The 35 labelled files live in ``shared/realdata/documents`` next to the
project checkout; the tests that need them are skipped with a message when
that folder is absent.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import time
import zipfile
from pathlib import Path

import pytest
import yaml

import crawler.documents as documents
from crawler.documents import ExtractedDocument, extract_document, sniff_kind
from rules.text import compact_text, normalize_text

REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata"
DOCS = REALDATA / "documents"
MANIFEST = DOCS / "MANIFEST.yaml"

needs_realdata = pytest.mark.skipif(
    not MANIFEST.is_file(), reason=f"real-data documents not found at {DOCS}"
)

# Files whose text_layer verdict is known to differ from the MANIFEST label,
# with the reason.  Currently none: all 35 labels are reached.  Any file not
# listed here must match its label exactly.
KNOWN_MISJUDGED: dict[str, str] = {}

EXT_KIND = {".pdf": "pdf", ".docx": "docx", ".xlsx": "xlsx"}

# Phrases the MANIFEST quotes from the text layers (date_text /
# extraction_notes), as written there: normalisation must make them match.
QUOTED_PHRASES = {
    "phichai-moph-structure-gazette2560.pdf": [
        "ให้ไว้ ณ วันที่ ๘ มิถุนายน พ.ศ. ๒๕๖๐", "กําหนด", "สํานักงาน",
    ],
    "phichai-national-strategy2561.pdf": ["ประกาศ ณ วันที่ ๘ ตุลาคม พุทธศักราช ๒๕๖๑"],
    "phichai-moph-ethics-rules2564.pdf": [
        "วัน/เดือน/ปี : 19 ตุลาคม 2564", "เจ\uf70bาหน\uf70bาที่",
    ],
    "phichai-memo-recruitment2568.pdf": ["วันที่ ๑๕ กรกฎาคม ๒๕๖๘", "ผู\uf70b\u200bอํานวย"],
    "ktltc-recruit-media-staff2568.pdf": ["ประกาศ ณ วันที่ 14 มีนาคม พ.ศ. 2568"],
    "ktltc-manual-infocenter.pdf": ["ณ วันที่ 4 มีนาคม 2568"],
    "ktltc-integrity-project2568.pdf": ["วัน/เดือน/ปี........ 22 พฤศจิกายน 2567"],
    "ktltc-project-report-form2569.docx": ["ประจำปีงบประมาณ พ.ศ. 2569"],
    "ktltc-late-registration-memo.docx": ["ภาคเรียนที่ 1 ปีการศึกษา 2567", "กันยายน ๒๕๖7"],
    "sawang-dla-letter2567.docx": ["ภายในวันที่ ๒๘ มิถุนายน ๒๕๖๗"],
    "ktltc-asset-inventory2568.xlsx": ["ประจำปี 2568 ณ วันที่ 30 กันยายน 2568"],
}


def _manifest() -> list[dict]:
    if not MANIFEST.is_file():
        return []
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))["documents"]


ENTRIES = _manifest()
LABELS = {e["file"]: e["text_layer"] for e in ENTRIES}


@pytest.fixture(scope="module")
def extracted() -> dict[str, ExtractedDocument]:
    """Every real document extracted once with the default caps."""
    if not ENTRIES:
        pytest.skip(f"real-data documents not found at {DOCS}")
    return {e["file"]: extract_document((DOCS / e["file"]).read_bytes()) for e in ENTRIES}


def _pdf_bytes(name: str = "ktltc-complaint-manual.pdf") -> bytes:
    return (DOCS / name).read_bytes()


# --------------------------------------------------------------------------
# sniff_kind
# --------------------------------------------------------------------------


@needs_realdata
@pytest.mark.parametrize("name", sorted(LABELS) or ["-"])
def test_sniff_real_files(name: str) -> None:
    body = (DOCS / name).read_bytes()
    expected = EXT_KIND[Path(name).suffix]
    assert sniff_kind(body) == expected
    # The bytes win over lying headers and URLs.
    assert sniff_kind(body, "text/html; charset=utf-8", "https://x.go.th/index.html") == expected
    assert sniff_kind(body, "application/octet-stream", "https://x.go.th/download.php?id=7") == expected


@needs_realdata
def test_sniff_lying_content_types() -> None:
    pdf = _pdf_bytes()
    docx_body = (DOCS / "sawang-dla-letter2567.docx").read_bytes()
    xlsx_body = (DOCS / "ktltc-asset-inventory2568.xlsx").read_bytes()
    assert sniff_kind(pdf, "application/vnd.ms-excel", "https://x.go.th/a.xls") == "pdf"
    assert sniff_kind(docx_body, "application/pdf", "https://x.go.th/a.pdf") == "docx"
    assert sniff_kind(xlsx_body, "application/msword", "https://x.go.th/a.doc") == "xlsx"
    # A PDF behind a PHP notice or a BOM and blank lines.
    notice = b"<br />\n<b>Warning</b>: session_start(): headers already sent<br />\n"
    assert sniff_kind(notice + pdf, "text/html") == "pdf"
    assert sniff_kind(b"\xef\xbb\xbf\r\n" + pdf) == "pdf"
    # A truncated docx is still recognised from its local file headers.
    assert sniff_kind(docx_body[:3000]) == "docx"


def test_sniff_html_and_headers() -> None:
    page = "<!DOCTYPE html>\n<html lang='th'><head><title>ข่าวประชาสัมพันธ์</title></head></html>"
    body = page.encode("utf-8")
    # An HTML error page served for a PDF link.
    assert sniff_kind(body, "application/pdf", "https://x.go.th/files/report.pdf") == "html"
    assert sniff_kind(b"\xef\xbb\xbf  \n<html><body>x</body></html>") == "html"
    assert sniff_kind(b"<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>") == "html"
    assert sniff_kind(b"<p>not found</p>", "application/octet-stream") == "html"
    # Bytes say nothing: Content-Type, then URL.
    assert sniff_kind(b"", "application/pdf; qs=0.9") == "pdf"
    assert sniff_kind(b"", "", "https://x.go.th/doc/%E0%B8%9B.DOCX?v=2") == "docx"
    assert sniff_kind(b"", "application/octet-stream", "https://x.go.th/dl.php?file=plan.xlsx") == "xlsx"
    assert sniff_kind(b"plain words", "text/plain", "https://x.go.th/dl.php?id=1") == "unknown"
    assert sniff_kind(b"") == "unknown"


def test_sniff_zip_and_ole2() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("ppt/presentation.xml", "<p/>")
    assert sniff_kind(buf.getvalue(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document") == "unknown"
    # No real legacy Office file is in the data set: an OLE2 header plus the
    # UTF-16 directory entry names that tell Word from Excel.
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    assert sniff_kind(ole + "WordDocument".encode("utf-16-le"), "application/octet-stream") == "doc"
    assert sniff_kind(ole + "Workbook".encode("utf-16-le"), "", "https://x.go.th/a.php") == "xls"


# --------------------------------------------------------------------------
# text_layer verdicts against the hand labels
# --------------------------------------------------------------------------


@needs_realdata
def test_text_layer_matches_manifest(extracted: dict[str, ExtractedDocument]) -> None:
    wrong = {
        name: (LABELS[name], doc.text_layer)
        for name, doc in extracted.items()
        if doc.text_layer != LABELS[name] and name not in KNOWN_MISJUDGED
    }
    assert not wrong, f"text_layer (label, verdict) differs: {wrong}"
    correct = sum(doc.text_layer == LABELS[name] for name, doc in extracted.items())
    assert correct >= len(extracted) - len(KNOWN_MISJUDGED)
    assert len(extracted) == 35
    assert sorted(LABELS.values()).count("broken") == 3


@needs_realdata
def test_kinds_pages_and_no_errors(extracted: dict[str, ExtractedDocument]) -> None:
    for entry in ENTRIES:
        doc = extracted[entry["file"]]
        assert doc.kind == EXT_KIND[Path(entry["file"]).suffix]
        assert doc.error is None, (entry["file"], doc.error)
        if doc.kind == "pdf":
            assert doc.pages == entry["pages"], entry["file"]
        if entry["text_layer"] == "yes":
            assert len(doc.text) > 500, entry["file"]
            assert doc.title, entry["file"]
        if entry["text_layer"] == "no":
            assert len(doc.text) < 50, entry["file"]


@needs_realdata
def test_without_poppler_pypdf_gives_the_same_verdicts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pypdf fallback (no pdftotext on PATH) on one file of each kind of trouble."""
    monkeypatch.setattr(documents, "_PDFTOTEXT", None)
    for name in (
        "phichai-moph-ethics-rules2564.pdf",   # Thai PUA marks + a Latin-junk page
        "phichai-moph-structure-gazette2560.pdf",  # decomposed sara am
        "ktltc-gazette-vqf2567-garbled.pdf",   # custom font encoding
        "ktltc-ebidding-winner2567-scan-badocr.pdf",  # Latin OCR layer
        "ktltc-ovec-fees-scan.pdf",            # image only
    ):
        doc = extract_document((DOCS / name).read_bytes())
        assert doc.text_layer == LABELS[name], name
        assert doc.error is None
        assert not any(0xF700 <= ord(c) <= 0xF71A for c in doc.text)


# --------------------------------------------------------------------------
# Thai repair
# --------------------------------------------------------------------------


@needs_realdata
def test_thai_repair_in_text_layer_pdfs(extracted: dict[str, ExtractedDocument]) -> None:
    checked = 0
    for name, doc in extracted.items():
        if doc.kind != "pdf" or LABELS[name] != "yes":
            continue
        checked += 1
        pua = [hex(ord(c)) for c in doc.text if 0xF700 <= ord(c) <= 0xF71A]
        assert not pua, (name, pua[:5])
        assert "\u0e4d\u0e32" not in doc.text, name
        assert "\u200b" not in doc.text, name
        assert doc.text == "\n".join(normalize_text(line) for line in doc.text.split("\n"))
    assert checked == 22


@needs_realdata
@pytest.mark.parametrize("name", sorted(QUOTED_PHRASES))
def test_manifest_phrases_found(extracted: dict[str, ExtractedDocument], name: str) -> None:
    text = extracted[name].text
    for phrase in QUOTED_PHRASES[name]:
        assert normalize_text(phrase) in text, (name, phrase)
        assert compact_text(phrase) in compact_text(text)


@needs_realdata
def test_mark_order_kept(extracted: dict[str, ExtractedDocument]) -> None:
    # pdftotext's reading-order mode gives 'กลุม่ งาน' here; -raw / pypdf do not.
    text = extracted["ktltc-manual-infocenter.pdf"].text
    assert "กลุ่มงาน" in text
    assert "กลุม่" not in text


# --------------------------------------------------------------------------
# Titles, metadata dates, XLSX values, caps
# --------------------------------------------------------------------------


@needs_realdata
def test_titles(extracted: dict[str, ExtractedDocument]) -> None:
    assert extracted["ktltc-complaint-manual.pdf"].title == (
        "คู่มือปฏิบัติงานเกี่ยวกับเรื่องร้องเรียน/ร้องทุกข์"
    )
    assert extracted["ktltc-project-report-form2569.docx"].title == "แบบรายงานผลการดำเนินงานโครงการ"
    # Meaningless metadata titles are ignored: a template name, a file name,
    # a hash, PowerPoint's default title.
    assert extracted["cmpho-policy2564.pdf"].title != "Blue and White Illustrative Technology Startup Business Plan"
    assert extracted["phichai-moph-coi-procurement2560-scan.pdf"].title == ""
    assert extracted["phichai-memo-recruitment2568.pdf"].title.startswith("บันทึกข้อความ เรื่อง ")
    assert "PowerPoint" not in extracted["phichai-org-chart.pdf"].title
    assert extracted["phichai-moph-structure-gazette2560.pdf"].title != "4"
    assert extracted["ktltc-recruit-media-staff2568.pdf"].title.startswith(
        "ประกาศวิทยาลัยเทคนิคกันทรลักษ์ เรื่อง"
    )
    # Junk text gives no title.
    assert extracted["ktltc-gazette-vqf2567-garbled.pdf"].title == ""


@needs_realdata
def test_meta_dates(extracted: dict[str, ExtractedDocument]) -> None:
    assert extracted["ktltc-project-report-form2569.docx"].meta_dates == [
        ("created", dt.date(2022, 8, 22)), ("modified", dt.date(2025, 10, 11)),
    ]
    assert extracted["ktltc-manual-finance-damaged.pdf"].meta_dates == [
        ("created", dt.date(2025, 3, 6)),
    ]
    assert extracted["ktltc-mof-regulation2551-scan.pdf"].meta_dates == [
        ("created", dt.date(2008, 5, 22)), ("modified", dt.date(2009, 3, 17)),
    ]
    # '/ModDate ()' is ignored, not an error.
    assert extracted["ktltc-internal-control-cert2567-scan.pdf"].meta_dates == []
    xlsx_dates = dict(extracted["ktltc-asset-inventory2568.xlsx"].meta_dates)
    assert xlsx_dates["created"] == dt.date(2017, 11, 14)


def test_metadata_date_sanity() -> None:
    parse = documents._parse_pdf_date
    assert parse("D:20250306142923") == dt.date(2025, 3, 6)
    assert parse("D:2024") == dt.date(2024, 1, 1)
    assert parse("D:19800101") is None          # before 1990
    assert parse("D:29991231") is None          # far future
    assert parse("D:25680115093000+07'00'") == dt.date(2025, 1, 15)  # Buddhist era
    assert parse("D:20251341") is None          # no 13th month
    assert parse("") is None and parse("yesterday") is None


@needs_realdata
def test_xlsx_serials_not_turned_into_dates(extracted: dict[str, ExtractedDocument]) -> None:
    doc = extracted["ktltc-asset-inventory2568.xlsx"]
    lines = doc.text.split("\n")
    assert lines[0] == "งานพัสดุ"  # the sheet name
    assert "24616" in doc.text and "243864" in doc.text and "2539" in doc.text
    assert "1967-05-24" not in doc.text and "2567-09-03" not in doc.text
    assert "1939" not in doc.text


@needs_realdata
def test_docx_text_boxes_once(extracted: dict[str, ExtractedDocument]) -> None:
    text = extracted["sawang-dla-letter2567.docx"].text
    assert text.count("ที่ มท 0808.3/ว") == 1
    assert "เรื่อง ขอความอนุเคราะห์ตอบแบบสำรวจข้อมูล" in text


@needs_realdata
def test_page_and_char_caps() -> None:
    body = (DOCS / "phichai-national-strategy2561.pdf").read_bytes()
    small = extract_document(body, max_pages=3)
    full = extract_document(body)
    assert small.pages == full.pages == 70
    assert 0 < len(small.text) < len(full.text) / 5
    capped = extract_document(body, max_chars=1000)
    assert 0 < len(capped.text) <= 1000
    start = time.monotonic()
    quick = extract_document(body, timeout_s=0.01)  # no exception, bounded time
    assert time.monotonic() - start < 5
    assert isinstance(quick, ExtractedDocument)


# --------------------------------------------------------------------------
# Broken input
# --------------------------------------------------------------------------


@needs_realdata
@pytest.mark.parametrize("fraction", [0.05, 0.3, 0.9])
def test_truncated_pdf(fraction: float) -> None:
    body = _pdf_bytes()
    doc = extract_document(body[: int(len(body) * fraction)])
    assert doc.kind == "pdf"
    assert doc.error
    assert "\n" not in doc.error
    if not doc.text:
        assert doc.text_layer == "no"


@needs_realdata
def test_truncated_docx_and_xlsx() -> None:
    for name, kind in (("sawang-dla-letter2567.docx", "docx"), ("ktltc-asset-inventory2568.xlsx", "xlsx")):
        body = (DOCS / name).read_bytes()
        doc = extract_document(body[: len(body) // 2])
        assert doc.kind == kind
        assert doc.error and doc.text == ""


def test_random_bytes() -> None:
    body = random.Random(1234).randbytes(50_000)
    doc = extract_document(body)
    assert doc.kind == "unknown" and doc.error
    for kind in ("pdf", "docx", "xlsx", "doc", "xls", "html", "unknown"):
        doc = extract_document(body, kind)  # type: ignore[arg-type]
        assert doc.kind == kind
        assert doc.error, kind
        assert doc.text_layer == "no"


def test_fake_pdf_header() -> None:
    doc = extract_document(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ngarbage")
    assert doc.kind == "pdf" and doc.error and doc.text == ""


def test_empty_body() -> None:
    doc = extract_document(b"")
    assert doc.error == "empty body" and doc.text == "" and doc.text_layer == "no"
    assert extract_document(b"", "pdf").error == "empty body"


def test_zip_that_is_not_docx() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "hello")
        zf.writestr("word.txt", "not a word part")
    body = buf.getvalue()
    doc = extract_document(body)
    assert doc.kind == "unknown" and doc.error
    for kind in ("docx", "xlsx"):
        doc = extract_document(body, kind)  # type: ignore[arg-type]
        assert doc.kind == kind and doc.error and doc.text == ""


def test_zip_with_word_part_but_broken_package() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document>not closed")
    doc = extract_document(buf.getvalue())
    assert doc.kind == "docx" and doc.error


@needs_realdata
def test_encrypted_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PdfReader, PdfWriter

    source = (DOCS / "ktltc-manual-registration.pdf").read_bytes()

    def encrypted(user_password: str) -> bytes:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(source)))
        writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-128")
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    locked, owner_only = encrypted("secret"), encrypted("")
    for poppler in (documents._PDFTOTEXT, None):
        monkeypatch.setattr(documents, "_PDFTOTEXT", poppler)
        doc = extract_document(locked)
        assert doc.kind == "pdf" and doc.text == "" and doc.text_layer == "no"
        assert doc.error == "encrypted PDF (password required)"
        # An owner password alone does not stop reading.
        doc = extract_document(owner_only)
        assert doc.error is None and doc.text_layer == "yes" and doc.pages == 9


def test_html_is_not_a_document() -> None:
    doc = extract_document(b"<!doctype html><html><body>\xe0\xb8\x82\xe0\xb9\x88\xe0\xb8\xb2\xe0\xb8\xa7</body></html>")
    assert doc.kind == "html" and doc.error and doc.text == ""


def test_legacy_formats_unsupported() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le")
    doc = extract_document(ole)
    assert doc.kind == "doc" and doc.error == "unsupported legacy format" and doc.text == ""
    assert extract_document(ole, "xls").error == "unsupported legacy format"
    # A password-protected docx is an OLE2 container too: the headers name it.
    locked = ole[:512] + "EncryptedPackage".encode("utf-16-le")
    docx_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert sniff_kind(locked, docx_type) == "docx"
    assert extract_document(locked, "docx").error == "encrypted Office file (password required)"


def test_text_layer_heuristic_on_plain_strings() -> None:
    assess = documents.assess_text_layer
    thai = "ประกาศสำนักงานเขตพื้นที่การศึกษา เรื่อง การเปิดเผยข้อมูลสาธารณะ ประจำปีงบประมาณ 2568"
    english = "The office shall publish the annual procurement plan and the results of the audit for the year."
    assert assess([thai] * 3) == "yes"
    assert assess([english] * 3) == "yes"
    assert assess(["", "", "12"]) == "no"
    assert assess([thai, "", "", "", "", "", "", "", "", ""]) == "no"
    assert assess(["1>@01>1/0@1@>@1 N1APอ 1อคB/B>อ@?/0@1@OหN@> .0. `cde " * 5]) == "broken"
    assert assess(["furafiorfiqfi rnrotzusulr ynroiy tfrnr uavnr lnrt vr.a.uauo " * 5]) == "broken"


BOMB_CHILD = """
import resource, sys
from crawler.documents import assess_text_layer, extract_document
assess_text_layer(["ทดสอบภาษาไทย " * 50])       # load the Thai dictionary first
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
for path in sys.argv[1:]:
    kind = path.rsplit(".", 1)[1]
    with open(path, "rb") as fh:
        doc = extract_document(fh.read(), kind)
    assert doc.error, path                     # every bomb is cut and says so
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print((peak - base) // 1024)                   # MB above the baseline
"""


def _zip(path: Path, parts: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
    return path


def test_decompression_bombs_cost_bounded_memory(tmp_path: Path) -> None:
    """Four 1 MB-class Office files that unpack to 200 MB of XML each: the extraction streams
    and caps what it reads, so memory stays bounded (measured in a fresh process)."""
    import subprocess
    import sys

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    para = "<w:p><w:r><w:t>ข้อความทดสอบ " + "ก" * 200 + "</w:t></w:r></w:p>"
    body = para * (200 * 1024 * 1024 // len(para.encode()))
    docx_xml = f'<?xml version="1.0"?><w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'
    one_node = (f'<?xml version="1.0"?><w:document xmlns:w="{w}"><w:body><w:p><w:r><w:t>'
                + "ก" * (80 * 1024 * 1024) + "</w:t></w:r></w:p></w:body></w:document>")
    shared = ('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml'
              '/2006/main">' + "<si><t>ก</t></si>" * 5_000_000 + "</sst>")
    files = [
        _zip(tmp_path / "many.docx", {"[Content_Types].xml": "<Types/>",
                                      "word/document.xml": docx_xml}),
        _zip(tmp_path / "node.docx", {"[Content_Types].xml": "<Types/>",
                                      "word/document.xml": one_node}),
        _zip(tmp_path / "many2.docx", {"[Content_Types].xml": "<Types/>",
                                       "word/document.xml": docx_xml,
                                       "word/header1.xml": docx_xml.replace("document", "hdr")}),
        _zip(tmp_path / "strings.xlsx", {"[Content_Types].xml": "<Types/>",
                                         "xl/workbook.xml": "<workbook/>",
                                         "xl/sharedStrings.xml": shared}),
    ]
    del docx_xml, one_node, shared, body
    assert all(f.stat().st_size < 2 * 1024 * 1024 for f in files)
    proc = subprocess.run([sys.executable, "-c", BOMB_CHILD, *map(str, files)],
                          capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[1])
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert int(proc.stdout.strip()) < 150, proc.stdout     # MB; was gigabytes
