"""The seed's publication-request memo (บันทึกข้อความ ขออนุญาตเผยแพร่ข้อมูล), one per gap.

The seed announcement (สพป.ชลบุรี เขต ๒, 2561) sets the procedure for putting
information on the office website: a memo asking the director's permission,
checked by the group head or legal officer, then handed to the webmaster.
For every category a run found ``stale`` or ``missing``, this module fills
that memo with the category, what the audit found and the date, leaving the
names and signatures blank for the office.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Pt

from ita_audit.labels import printable, thai_date
from ita_audit.store import Store

GAP_STATUSES = ("missing", "stale")
FONT = "TH Sarabun New"
BLANK = "................................"


def gaps(store: Store, run_id: int) -> list[dict[str, Any]]:
    """The run's categories that need publishing: missing first, then stale."""
    rank = {status: i for i, status in enumerate(GAP_STATUSES)}
    found = [v for v in store.verdicts(run_id) if v["status"] in GAP_STATUSES
             and not v["category"].endswith(".9")]
    return sorted(found, key=lambda v: (rank[v["status"]], v["category"]))


def memo_paragraphs(office: str, as_of: Any, gap: dict[str, Any]) -> list[str]:
    need = ("ยังไม่มีการเผยแพร่ข้อมูลนี้บนเว็บไซต์" if gap["status"] == "missing"
            else f"ข้อมูลที่เผยแพร่ไม่เป็นปัจจุบัน (ล่าสุด {thai_date(gap['latest_date'])})")
    return [
        "บันทึกข้อความ",
        f"ส่วนราชการ {office}",
        f"ที่ {BLANK}  วันที่ {thai_date(as_of, style='long')}",
        f"เรื่อง ขออนุญาตเผยแพร่ข้อมูลบนเว็บไซต์{office}",
        f"เรียน ผู้อำนวยการ{office}",
        f"ข้าพเจ้า {BLANK} ตำแหน่ง {BLANK} กลุ่ม {BLANK} ขออนุญาตเผยแพร่ข้อมูล เรื่อง "
        f"{gap['title_th']} (หมวด {gap['category']}) เนื่องจากผลการตรวจเว็บไซต์ ณ วันที่ "
        f"{thai_date(as_of, style='long')} พบว่า{need} — {gap['reason_th']}",
        "ตามรายละเอียดดังแนบ โดยจัดส่งข้อมูลที่ต้องการเผยแพร่ให้ผู้ที่มีหน้าที่เผยแพร่ข้อมูลฯ "
        "ในรูปแบบไฟล์อิเล็กทรอนิกส์ ทางช่องทาง ☐ e-mail ☐ ระบบ AMSS++ ☐ อื่น ๆ " + BLANK,
        "จึงเรียนมาเพื่อโปรดพิจารณาอนุญาต",
        f"ลงชื่อ {BLANK} ผู้ขออนุญาต",
        f"ลงชื่อ {BLANK} ผอ.กลุ่มฯ/นิติกร",
        "ผู้มีหน้าที่เผยแพร่ข้อมูล/ผู้ดูแลระบบ: ข้าพเจ้าขอรับรองว่าข้อมูลที่ได้รับ "
        "ผ่านการตรวจสอบความถูกต้องเรียบร้อยแล้ว",
        f"ลงชื่อ {BLANK} ผู้เผยแพร่ข้อมูล/ผู้ดูแลระบบ",
        f"ความเห็นของผู้อำนวยการ{office}: ☐ อนุญาต ☐ ไม่อนุญาต",
        f"ลงชื่อ {BLANK} วันที่ {BLANK}",
    ]


def memo_docx(store: Store, run_id: int) -> tuple[bytes, int]:
    """A DOCX with one memo per gap of the run, and the number of memos."""
    run = store.run(run_id)
    if run is None:
        raise KeyError(run_id)
    office = run["site_name"] or run["site_url"]
    document = Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(16)
    found = gaps(store, run_id)
    for index, gap in enumerate(found):
        # python-docx refuses control characters (a BEL or ESC in an office name from a
        # sites file, in a rule set's title): they are dropped, the memo is written
        paragraphs = [printable(p) for p in memo_paragraphs(office, run["as_of"], gap)]
        title = document.add_paragraph()
        title.add_run(paragraphs[0]).bold = True
        for text in paragraphs[1:]:
            document.add_paragraph(text)
        if index < len(found) - 1:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), len(found)
