"""Dashboard wording: Thai first, English on request.

Every visible string of the dashboard's own is here, as ``KEY: (thai, english)``.
Crawled text never passes through this module.
"""

from __future__ import annotations

LANGS = ("th", "en")

TEXT: dict[str, tuple[str, str]] = {
    "app_title": ("ผลการตรวจเว็บไซต์ตามเกณฑ์การเปิดเผยข้อมูล (ITA/OIT)",
                  "Website disclosure audit (ITA/OIT)"),
    "language": ("ภาษา / Language", "ภาษา / Language"),
    "view": ("เมนู", "View"),
    "view_overview": ("ภาพรวม", "Overview"),
    "view_site": ("รายเว็บไซต์", "Site"),
    "view_worklist": ("งานที่ต้องทำ", "Worklist"),
    "view_history": ("ประวัติการตรวจ", "History"),
    "view_export": ("ส่งออก", "Export"),
    "ruleset": ("ชุดเกณฑ์", "Rule set"),
    "database": ("ฐานข้อมูล", "Database"),
    "site": ("เว็บไซต์", "Site"),
    "run": ("รอบการตรวจ", "Run"),
    # database problems
    "no_db": ("ไม่ได้ระบุฐานข้อมูล: เริ่มแดชบอร์ดด้วยคำสั่ง `ita-audit dashboard --db ไฟล์.db`",
              "No database given: start the dashboard with `ita-audit dashboard --db FILE.db`"),
    "db_missing": ("ไม่พบไฟล์ฐานข้อมูล", "Database file not found"),
    "db_empty": ("ฐานข้อมูลว่าง ยังไม่มีผลการตรวจ: ตรวจเว็บไซต์ก่อนด้วยคำสั่ง "
                 "`ita-audit audit URL --db ไฟล์.db`",
                 "The database is empty, there are no audits yet: audit a site first with "
                 "`ita-audit audit URL --db FILE.db`"),
    "db_schema": ("ฐานข้อมูลนี้มีโครงสร้าง (schema) คนละรุ่นกับโปรแกรม หรือไม่ใช่ฐานข้อมูลของ "
                  "ita-audit จึงแสดงผลไม่ได้",
                  "This database has a different schema version, or is not an ita-audit "
                  "database, so it cannot be shown"),
    "db_busy": ("ฐานข้อมูลกำลังถูกเขียนอยู่ (กำลังตรวจเว็บไซต์) ลองโหลดหน้าใหม่อีกครั้งในอีกสักครู่",
                "The database is busy (an audit is writing to it); reload the page in a moment"),
    "db_error": ("เปิดฐานข้อมูลไม่ได้", "Cannot open the database"),
    "view_error": ("แสดงส่วนนี้ไม่ได้เนื่องจากข้อผิดพลาดภายใน (รายละเอียดอยู่ในบันทึกของเซิร์ฟเวอร์)",
                   "This part cannot be shown because of an internal error (details are in the "
                   "server log)"),
    "no_runs_ruleset": ("ยังไม่มีผลการตรวจตามชุดเกณฑ์นี้", "No audits with this rule set yet"),
    # overview
    "overview_help": ("ผลล่าสุดของแต่ละเว็บไซต์ตามชุดเกณฑ์ที่เลือก (รอบล่าสุดที่ตรวจเสร็จ)",
                      "Latest result of every site for the chosen rule set (its newest "
                      "finished run)"),
    "sites": ("จำนวนเว็บไซต์", "Sites"),
    "avg_coverage": ("ความครบถ้วนเฉลี่ย", "Average coverage"),
    "coverage": ("ความครบถ้วน (%)", "Coverage (%)"),
    "coverage_help": ("ร้อยละของหมวดที่ครบถ้วน/เป็นปัจจุบัน", "Share of categories that are ok"),
    "filter_status": ("แสดงเฉพาะเว็บไซต์ที่มีหมวดสถานะ", "Only sites with a category that is"),
    "filter_text": ("ค้นหาเว็บไซต์ (ชื่อหรือ URL)", "Search sites (name or URL)"),
    "no_match": ("ไม่มีเว็บไซต์ตรงกับตัวกรอง", "No site matches the filters"),
    "shown_of": ("แสดง {shown} จาก {total} เว็บไซต์", "Showing {shown} of {total} sites"),
    "categories": ("หมวดข้อมูล", "Categories"),
    "legend": ("สัญลักษณ์", "Legend"),
    "not_judged": ("— ไม่ได้ตรวจ", "— not judged"),
    "col_site": ("เว็บไซต์", "Site"),
    "col_url": ("URL", "URL"),
    "col_as_of": ("วันที่ตรวจ (พ.ศ.)", "Audit date (BE)"),
    "col_run_status": ("สถานะการตรวจ", "Run status"),
    "col_note": ("หมายเหตุ", "Note"),
    "note_newer_failed": ("รอบใหม่กว่า #{run} ล้มเหลว", "newer run #{run} failed"),
    "note_newer_running": ("รอบใหม่กว่า #{run} ยังไม่เสร็จ", "newer run #{run} not finished"),
    "note_only_failed": ("ยังไม่มีรอบที่ตรวจสำเร็จ", "no successful run yet"),
    "all_statuses": ("ทุกสถานะ", "any status"),
    "overview_incomplete": ("ผลของ {n} เว็บไซต์มาจากการตรวจที่ไม่สมบูรณ์: หมวดที่ไม่พบแสดงเป็น "
                            "“สรุปไม่ได้” ไม่ใช่ “ไม่พบข้อมูล”",
                            "{n} site(s) come from an incomplete run: categories not found are "
                            "“unknown”, not “missing”"),
    "overview_failed": ("การตรวจล่าสุดของ {n} เว็บไซต์ล้มเหลวหรือยังไม่เสร็จ (ดูคอลัมน์หมายเหตุ)",
                        "The latest run of {n} site(s) failed or has not finished (see the Note "
                        "column)"),
    "click_row": ("คลิกแถวเพื่อเปิดหน้ารายเว็บไซต์", "Click a row to open the site's page"),
    # runs
    "run_running": ("ยังไม่เสร็จ (กำลังตรวจ หรือหยุดกลางคัน)",
                    "not finished (running, or interrupted)"),
    "run_msg_failed": ("การตรวจรอบนี้ล้มเหลว จึงไม่มีผลรายหมวด เหตุผล:",
                       "This run failed, so there are no category results. Reason:"),
    "run_msg_incomplete": ("การตรวจรอบนี้ไม่สมบูรณ์: หมวดที่ไม่พบข้อมูลแสดงเป็น “สรุปไม่ได้” "
                           "ไม่ใช่ “ไม่พบข้อมูล” เหตุผล:",
                           "This run is incomplete: categories not found are “unknown”, not "
                           "“missing”. Reason:"),
    "run_msg_running": ("การตรวจรอบนี้ยังไม่เสร็จ (กำลังตรวจอยู่ หรือถูกหยุดกลางคัน) "
                        "ผลจะปรากฏเมื่อการตรวจเสร็จ",
                        "This run has not finished (it is running, or was interrupted); its "
                        "results appear when it finishes"),
    "run_label": ("#{id} · {date} · {ruleset} · {status}", "#{id} · {date} · {ruleset} · {status}"),
    # site view
    "site_url": ("ที่อยู่เว็บไซต์", "Site address"),
    "as_of": ("ณ วันที่ตรวจ", "As of"),
    "started": ("เริ่มตรวจ", "Started"),
    "finished": ("ตรวจเสร็จ", "Finished"),
    "trigger": ("เรียกโดย", "Trigger"),
    "pages": ("หน้าเว็บ", "Pages"),
    "documents": ("เอกสาร", "Documents"),
    "external_links": ("ลิงก์ภายนอก", "External links"),
    "broken_links": ("ลิงก์เสีย", "Broken links"),
    "errors": ("ข้อผิดพลาด", "Errors"),
    "run_stats": ("สถิติการตรวจ", "Run statistics"),
    "category_results": ("ผลรายหมวด", "Results per category"),
    "col_category": ("หมวด", "Category"),
    "col_title": ("ชื่อหมวด", "Title"),
    "col_status": ("สถานะ", "Status"),
    "col_latest": ("ข้อมูลล่าสุด (พ.ศ.)", "Newest date (BE)"),
    "col_date_source": ("แหล่งวันที่", "Date source"),
    "col_reason": ("เหตุผล", "Reason"),
    "col_evidence_n": ("หลักฐาน", "Evidence"),
    "col_flags": ("ข้อสังเกต", "Flags"),
    "no_evidence": ("ไม่มีหลักฐาน", "No evidence"),
    "col_ev_title": ("ชื่อเรื่อง (จากเว็บไซต์)", "Title (from the site)"),
    "col_link_text": ("ข้อความลิงก์", "Link text"),
    "col_link": ("ลิงก์ (เปิดแท็บใหม่)", "Link (opens a new tab)"),
    "col_kind": ("ประเภท", "Kind"),
    "col_date": ("วันที่ (พ.ศ.)", "Date (BE)"),
    "col_date_text": ("ข้อความวันที่", "Date as written"),
    "col_matched": ("คำที่พบ", "Matched keywords"),
    "col_http": ("สถานะ HTTP", "HTTP status"),
    "col_error": ("ข้อผิดพลาด", "Error"),
    "col_found_on": ("พบในหน้า", "Found on"),
    "col_text_layer": ("ชั้นข้อความ", "Text layer"),
    "col_size": ("ขนาด (KB)", "Size (KB)"),
    "no_broken": ("ไม่พบลิงก์เสีย", "No broken links"),
    "claimed_items": ("อ้างถึงแต่ยังไม่มีเนื้อหา (ต้องเติมข้อมูล)", "Claimed but empty (to fill in)"),
    "claimed_help": ("เมนู ลิงก์ หรือหัวข้อเหล่านี้บอกว่ามีข้อมูลหมวดนั้น แต่หน้าว่าง เป็นข้อความตัวอย่าง "
                     "ลิงก์เสีย หรือไม่มีปลายทาง จึงไม่นับเป็นหลักฐาน",
                     "These menu entries, links or headings promise an item of the category, but the "
                     "page is empty, filler, broken or leads nowhere, so they are not evidence"),
    "no_claimed": ("ไม่พบรายการที่อ้างถึงแต่ไม่มีเนื้อหา", "No claimed-only items"),
    "col_named_by": ("ชื่อที่อ้างถึง", "Named as"),
    "col_why_not": ("เหตุที่ไม่นับ", "Why it is not evidence"),
    "no_text_docs": ("เอกสารที่ไม่มีชั้นข้อความ (สแกน)", "Documents without a text layer (scans)"),
    "no_no_text": ("ไม่พบเอกสารที่ไม่มีชั้นข้อความ", "No documents without a text layer"),
    "text_layer_no": ("ไม่มีข้อความ (ภาพสแกน)", "none (scanned image)"),
    "text_layer_broken": ("ข้อความเสีย (รหัสอักษรผิด)", "garbled (wrong encoding)"),
    "flag_undated": ("ไม่มีวันที่", "undated"),
    "flag_unconfirmed": ("เกณฑ์ยังไม่ยืนยัน", "unconfirmed rule"),
    "more_stats": ("สถิติอื่น ๆ", "Other figures"),
    # worklist
    "worklist_help": ("เรียงหมวดที่ไม่พบข้อมูลและไม่เป็นปัจจุบันก่อน ตามระยะเวลาที่ค้างนานที่สุด",
                      "Missing and stale categories first, most overdue first"),
    "todo": ("หมวดที่ต้องแก้ไข", "Categories to fix"),
    "nothing_todo": ("ทุกหมวดครบถ้วน/เป็นปัจจุบัน ไม่มีงานค้าง",
                     "Every category is ok: nothing to do"),
    "col_overdue": ("ค้างมา (วัน)", "Days since newest"),
    "col_action": ("สิ่งที่ต้องทำ", "What to do"),
    "action_missing": ("เผยแพร่ข้อมูลหมวดนี้บนเว็บไซต์", "Publish this category on the site"),
    "action_stale": ("ปรับปรุงข้อมูลให้เป็นปัจจุบัน", "Publish an up-to-date item"),
    "action_unknown": ("ตรวจสอบด้วยตนเอง (การตรวจไม่สมบูรณ์)",
                       "Check by hand (the crawl was incomplete)"),
    "never": ("ไม่เคยพบ", "never found"),
    "changes": ("การเปลี่ยนแปลงจากรอบก่อน", "Changes since the previous run"),
    "no_previous": ("ยังไม่มีรอบก่อนหน้าให้เปรียบเทียบ", "No previous run to compare with"),
    "compared_with": ("เทียบรอบ #{to} กับรอบก่อนหน้า #{frm}",
                      "Run #{to} compared with the previous run #{frm}"),
    "newly_stale": ("ไม่เป็นปัจจุบันใหม่", "Newly stale"),
    "newly_missing": ("ไม่พบใหม่", "Newly missing"),
    "fixed": ("แก้ไขแล้ว", "Fixed"),
    "other_changes": ("การเปลี่ยนแปลงอื่น", "Other changes"),
    "none": ("ไม่มี", "none"),
    "broken_new": ("ลิงก์เสียใหม่", "New broken links"),
    "broken_fixed": ("ลิงก์เสียที่แก้แล้ว", "Fixed broken links"),
    "evidence_added": ("หลักฐานที่เพิ่มขึ้น", "Evidence added"),
    "evidence_removed": ("หลักฐานที่หายไป", "Evidence removed"),
    "no_changes": ("ไม่มีการเปลี่ยนแปลง", "No changes"),
    "diff_incomplete": ("รอบที่ใหม่กว่าไม่สมบูรณ์: ไม่นับหมวดที่ไม่พบใหม่ หลักฐานที่หายไป "
                        "และลิงก์เสียที่แก้แล้ว",
                        "The later run is not complete: newly missing categories, removed "
                        "evidence and fixed broken links are not claimed"),
    "diff_other_site": ("สองรอบนี้เป็นคนละเว็บไซต์หรือคนละชุดเกณฑ์",
                        "These runs are of different sites or rule sets"),
    # history
    "coverage_chart": ("ความครบถ้วนตามช่วงเวลา", "Coverage over time"),
    "chart_sites": ("เว็บไซต์ในกราฟ", "Sites in the chart"),
    "no_history": ("ยังไม่มีรอบที่ตรวจเสร็จตามชุดเกณฑ์นี้", "No finished run with this rule set"),
    "runs_list": ("รายการรอบการตรวจ", "Runs"),
    "compare": ("เปรียบเทียบสองรอบ", "Compare two runs"),
    "compare_from": ("รอบก่อน", "Earlier run"),
    "compare_to": ("รอบหลัง", "Later run"),
    "need_two_runs": ("ต้องมีอย่างน้อยสองรอบจึงจะเปรียบเทียบได้",
                      "Two runs are needed for a comparison"),
    "col_run": ("รอบ", "Run"),
    "col_ruleset": ("ชุดเกณฑ์", "Rule set"),
    "col_started": ("เริ่ม", "Started"),
    "col_n_ok": ("ผ่าน", "ok"),
    # export
    "export_help": ("ดาวน์โหลดตารางของแต่ละหน้า และรายงานของรอบการตรวจ",
                    "Download the tables of each view and the report of a run"),
    "export_matrix": ("ตารางภาพรวม (ชุดเกณฑ์ {ruleset})", "Overview matrix (rule set {ruleset})"),
    "export_run": ("รายงานของรอบการตรวจ", "Report of a run"),
    "download_csv": ("ดาวน์โหลด CSV", "Download CSV"),
    "download_memo": ("ร่างบันทึกขออนุญาตเผยแพร่ข้อมูล (DOCX)",
                      "Draft publication-request memos (DOCX)"),
    "download_xlsx": ("ดาวน์โหลด XLSX", "Download XLSX"),
    "download_json": ("ดาวน์โหลดรายงาน JSON", "Download JSON report"),
    "download_report_csv": ("ดาวน์โหลดรายงาน CSV", "Download report CSV"),
    "download_report_xlsx": ("ดาวน์โหลดรายงาน XLSX", "Download report XLSX"),
}


def t(key: str, lang: str = "th", **values: object) -> str:
    th, en = TEXT[key]
    text = en if lang == "en" else th
    return text.format(**values) if values else text
