"""Evidence is an item, not a mention: template removal, placeholders, hub rows, home-page
boxes, generic words, one file claimed as many items.

Each site here is a handful of HTML pages put through the crawler's own parser
(``crawler.page.parse_html``) and collector (``crawler.collect.Collector``), as
the spider does, and judged with the seed rule set.  The crawl itself is tested
against real servers elsewhere (test_crawler, test_realsites); these tests pin
the judgement, one mechanism each.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from crawler.collect import Collector
from crawler.page import parse_html
from rules.records import Block, DocumentRecord, LinkContext
from rules.ruleset import load_ruleset
from rules.verdicts import CrawlOutcome, Verdict, judge

AS_OF = dt.date(2026, 11, 20)
SITE = "https://www.example-esa.go.th/"
MENU = """<nav class="menu"><ul><li><a href="/">หน้าแรก</a></li>
<li><a href="/about.html">เกี่ยวกับเรา</a></li><li><a href="/news.html">ข่าว</a></li>
<li><a href="/contact.html">ติดต่อเรา</a></li></ul></nav>"""
# not marked as a footer: only its repetition over the site's pages says it is template
FOOTER = """<div class="copy">สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต 1 ดำเนินการตาม
แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2569 และมาตรฐานการให้บริการ โทร 038-000-000</div>"""
MARKED_FOOTER = "<footer>สพป.ตัวอย่าง เขต 1 โทร 038-000-000</footer>"
PARAGRAPH = ("<p>สำนักงานได้จัดทำเอกสารฉบับนี้เพื่อใช้เป็นแนวทางในการดำเนินงานของบุคลากร "
             "และเผยแพร่ให้ประชาชนได้รับทราบอย่างทั่วถึง โดยจะทบทวนและปรับปรุงทุกปี</p>")


def page(title: str, body: str, menu: bool = True, footer: str = MARKED_FOOTER) -> str:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"{MENU if menu else ''}<main>{body}</main>{footer}</body></html>")


def crawl(pages: dict[str, str], documents: dict[str, str] | None = None,
          missing: tuple[str, ...] = (), start: str = "") -> list[DocumentRecord]:
    """What the spider would collect from these pages (paths under SITE)."""
    collector = Collector(SITE)
    for path, html in pages.items():
        url = SITE + path.lstrip("/")
        parsed = parse_html(html, url)
        collector.add_item({"type": "record", "record": DocumentRecord(
            url=url, kind="page", title=parsed.title, headings=parsed.headings,
            body_text=parsed.main_text, http_status=200,
            content_hash=hashlib.sha256(html.encode()).hexdigest(),
            blocks=[Block(b.text, b.kind, b.nav, b.links, b.media) for b in parsed.blocks],
            is_start=path == start)})
        for link in parsed.links:
            context = LinkContext(url, link.anchor_text, link.title_attr, link.img_alt,
                                  link.row_text, link.heading, link.preceding, link.above,
                                  link.nav)
            if link.dead:
                collector.add_item({"type": "dead", "source": url, "context": context})
            else:
                collector.add_item({"type": "link", "source": url, "target": link.url,
                                    "context": context,
                                    "external": not link.url.startswith(SITE)})
    for path, text in (documents or {}).items():
        collector.add_item({"type": "record", "record": DocumentRecord(
            url=SITE + path, kind="document", body_text=text, text_layer="yes" if text else "no",
            http_status=200, size_bytes=1000 + len(text),
            content_hash=hashlib.sha256(text.encode() or path.encode()).hexdigest())})
    for path in missing:
        collector.add_item({"type": "broken", "url": SITE + path, "status": 404,
                            "error": "HTTP 404"})
    return collector.result().records


@pytest.fixture(scope="module")
def seed():  # type: ignore[no-untyped-def]
    return load_ruleset("seed")


def verdicts(seed, records: list[DocumentRecord]) -> dict[str, Verdict]:  # type: ignore[no-untyped-def]
    return {v.category: v for v in judge(seed, records, AS_OF, CrawlOutcome(pages=len(records)))}


def urls(verdict: Verdict) -> list[str]:
    return [e.url.removeprefix(SITE) for e in verdict.evidence]


def claimed(verdict: Verdict) -> dict[str, str]:
    return {c.url.removeprefix(SITE) or f"#{c.label}": c.why_en for c in verdict.claimed}


# -- the site template ------------------------------------------------------------
def test_the_template_is_removed_before_a_page_is_judged(seed) -> None:  # type: ignore[no-untyped-def]
    """A footer naming the action plan and service standards on every page makes none of
    them evidence; the page that is about the plan is."""
    site = {f"p{i}.html": page(f"กิจกรรมที่ {i}", f"<h1>กิจกรรมที่ {i}</h1>"
                               f"<p>นักเรียนร่วมกิจกรรมวันสำคัญครั้งที่ {i} ณ หอประชุมโรงเรียน "
                               f"มีผู้เข้าร่วมจำนวนมากและได้รับความร่วมมือจากผู้ปกครองเป็นอย่างดี</p>",
                               footer=FOOTER)
            for i in range(1, 6)}
    site["plan.html"] = page("แผนปฏิบัติการประจำปี", "<h1>แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2569</h1>"
                             + PARAGRAPH, footer=FOOTER)
    v = verdicts(seed, crawl(site))
    assert urls(v["1.3"]) == ["plan.html"]
    assert v["1.7"].status == "missing" and not v["1.7"].evidence


def test_menu_labels_still_name_their_pages(seed) -> None:  # type: ignore[no-untyped-def]
    menu = MENU.replace("</ul>", '<li><a href="/structure.html">โครงสร้างองค์กร</a></li></ul>')
    site = {f"p{i}.html": f"<html><body>{menu}<p>หน้า {i} ของเว็บไซต์</p></body></html>"
            for i in range(1, 5)}
    site["structure.html"] = (f"<html><body>{menu}<h1>หน่วยงานของเรา</h1>"
                              f"<p>แผนภาพแสดงกลุ่มงานทั้งหกกลุ่มและหน่วยตรวจสอบภายในของสำนักงาน "
                              f"พร้อมผู้รับผิดชอบแต่ละกลุ่มงาน</p></body></html>")
    v = verdicts(seed, crawl(site))
    assert "structure.html" in urls(v["1.1"])
    assert not [u for u in urls(v["1.1"]) if u.startswith("p")]


# -- placeholders -------------------------------------------------------------------
@pytest.mark.parametrize("body, why", [
    ("<h1>คู่มือการปฏิบัติงาน</h1><p>อยู่ระหว่างดำเนินการ</p>", "only says"),
    ("<h1>คู่มือการปฏิบัติงาน</h1>", "only a title"),
    ("<h1>คู่มือการปฏิบัติงาน</h1><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, "
     "sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>", "lorem ipsum"),
    ("<h1>คู่มือการปฏิบัติงาน</h1><table><tr><td>1</td><td><a href='m1.pdf'>aaa</a></td>"
     "<td>2026-06-22</td></tr><tr><td>2</td><td><a href='m2.pdf'>test</a></td></tr></table>",
     "test or sample"),
    ("<h1>คู่มือการปฏิบัติงาน</h1><ul><li><a href='gone1.html'>คู่มือการเงิน</a></li>"
     "<li><a href='gone2.html'>คู่มือพัสดุ</a></li></ul>", "missing pages or nowhere"),
])
def test_placeholders_are_claimed_only(seed, body: str, why: str) -> None:  # type: ignore[no-untyped-def]
    site = {"index.html": page("หน้าแรก", '<h1>ยินดีต้อนรับ</h1><ul><li><a href="/manual.html">'
                                          'คู่มือการปฏิบัติงาน</a></li></ul>'),
            "manual.html": page("คู่มือการปฏิบัติงาน", body)}
    v = verdicts(seed, crawl(site, documents={"m1.pdf": "", "m2.pdf": ""},
                             missing=("gone1.html", "gone2.html")))["1.6"]
    assert v.status == "missing" and not v.evidence
    assert why in claimed(v)["manual.html"]
    assert "claimed_only" in v.flags and "คู่มือการปฏิบัติงาน" in v.reason_th


@pytest.mark.parametrize("body", [
    # Google Sites ITA pages: a title over an embedded Drive file
    '<h1>โครงสร้างองค์กร</h1><iframe src="https://drive.google.com/file/d/abc/preview"></iframe>',
    # a title over the organisation chart, a picture
    '<h1>โครงสร้างองค์กร</h1><p><img src="/images/org-chart-2569.jpg" alt="แผนภูมิ"></p>',
])
def test_an_embedded_document_or_a_picture_is_content(seed, body: str) -> None:  # type: ignore[no-untyped-def]
    site = {"index.html": page("หน้าแรก", '<ul><li><a href="/org.html">โครงสร้างองค์กร</a></li></ul>'),
            "org.html": page("โครงสร้างองค์กร", body)}
    assert "org.html" in urls(verdicts(seed, crawl(site))["1.1"])


def test_an_under_construction_picture_is_no_content(seed) -> None:  # type: ignore[no-untyped-def]
    site = {"index.html": page("หน้าแรก", '<ul><li><a href="/org.html">โครงสร้างองค์กร</a></li></ul>'),
            "org.html": page("โครงสร้างองค์กร", '<h1>โครงสร้างองค์กร</h1>'
                                               '<img src="/img/under-construction.gif">')}
    v = verdicts(seed, crawl(site))["1.1"]
    assert not v.evidence and "org.html" in claimed(v)


def test_a_page_with_content_is_evidence(seed) -> None:  # type: ignore[no-untyped-def]
    site = {"manual.html": page("คู่มือการปฏิบัติงาน", "<h1>คู่มือการปฏิบัติงาน กลุ่มบริหารการเงิน</h1>"
                                + PARAGRAPH)}
    assert urls(verdicts(seed, crawl(site))["1.6"]) == ["manual.html"]


# -- ITA hub rows --------------------------------------------------------------------
HUB = page("ITA 2569", """<h1>การเปิดเผยข้อมูลสาธารณะ ITA 2569</h1><table>
<tr><td>O10</td><td>แผนปฏิบัติการประจำปี พ.ศ. 2569</td><td><a href="files/plan.pdf">คลิก</a></td></tr>
<tr><td>O12</td><td>แผนการจัดซื้อจัดจ้าง ประจำปี 2569</td><td><a href="#">คลิก</a></td></tr>
<tr><td>O14</td><td>คู่มือการปฏิบัติงาน</td><td><a href="files/manual.pdf">คลิก</a></td></tr>
<tr><td>O16</td><td>คู่มือการให้บริการประชาชน</td><td><a href="service.html">คลิก</a></td></tr>
</table>""")


def test_hub_rows_label_their_links_and_the_hub_is_no_item(seed) -> None:  # type: ignore[no-untyped-def]
    site = {"ita.html": HUB, "service.html": page("บริการ", "<h1>บริการ</h1><p>อยู่ระหว่างปรับปรุง</p>")}
    records = crawl(site, documents={"files/plan.pdf": "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๙ "
                                     "สำนักงานเขตพื้นที่การศึกษา โครงการและงบประมาณ"},
                    missing=("files/manual.pdf",))
    v = verdicts(seed, records)
    assert urls(v["1.3"]) == ["files/plan.pdf"]                 # the row names the target
    assert "ita.html" not in [u for cat in v.values() for u in urls(cat)]
    assert v["1.5"].status == "missing"
    assert "leads nowhere" in claimed(v["1.5"])["#คลิก"]        # O12 links to "#"
    assert "broken" in claimed(v["1.6"])["files/manual.pdf"]    # O14 answers 404
    assert "only says" in claimed(v["1.7"])["service.html"]     # O16 is a placeholder


def test_vague_links_take_the_item_name_before_them(seed) -> None:  # type: ignore[no-untyped-def]
    """A hub written as a bold item line, a "- name" line and a bare "คลิกดูรายละเอียด" link."""
    hub = page("ITA", """<div class="accordion-body"><b>MOIT 1 คู่มือการปฏิบัติงาน</b><br><br>
<p>- คู่มือการปฏิบัติงานกลุ่มงานบริหารทั่วไป</p><a class="nav-link" href="m.pdf">คลิกดูรายละเอียดเพิ่มเติม</a>
<br></div>""")
    v = verdicts(seed, crawl({"ita.html": hub}, documents={"m.pdf": ""}))
    assert urls(v["1.6"]) == ["m.pdf"]


def test_one_file_linked_as_many_items_is_evidence_of_none(seed) -> None:  # type: ignore[no-untyped-def]
    """Every row of the hub links the same scanned memo: it is not three items."""
    hub = page("ITA", """<table>
<tr><td>นโยบายและยุทธศาสตร์ของหน่วยงาน</td><td><a href="a.pdf">คลิก</a></td></tr>
<tr><td>รายงานผลการจัดซื้อจัดจ้าง</td><td><a href="b.pdf">คลิก</a></td></tr>
<tr><td>กฎหมายที่เกี่ยวข้อง</td><td><a href="c.pdf">คลิก</a></td></tr></table>""")
    records = crawl({"ita.html": hub}, documents={"a.pdf": "", "b.pdf": "", "c.pdf": ""})
    for r in records:
        if r.kind == "document":
            r.content_hash = "one-scanned-memo"        # three URLs, one file
    v = verdicts(seed, records)
    for cat in ("1.2", "1.5", "1.8"):
        assert v[cat].status == "missing", cat
        assert any("same file" in why for why in claimed(v[cat]).values()), cat


# -- the home page's boxes -----------------------------------------------------------
HOME = page("สพป.ตัวอย่าง", """<div class="director"><p>นายสมชาย ใจดี</p>
<p>ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต 1</p></div>
<h2>ข่าวประชาสัมพันธ์</h2><ul>
<li><a href="/n1.html">ประชุมผู้บริหารสถานศึกษา ครั้งที่ 5/2569</a> 10 พ.ย. 2569</li>
<li><a href="/n2.html">อบรมครูด้านการวัดและประเมินผล</a> 3 พ.ย. 2569</li></ul>
<h2>ประกาศจัดซื้อจัดจ้าง</h2><p>ยังไม่มีข้อมูล</p>""")
NEWS = ("<h1>{}</h1><p>สำนักงานจัดประชุมเพื่อชี้แจงแนวทางการดำเนินงานในภาคเรียนที่ 2 "
        "โดยมีผู้บริหารสถานศึกษาเข้าร่วมทุกโรงเรียน</p>")


def test_home_page_boxes_are_items(seed) -> None:  # type: ignore[no-untyped-def]
    site = {"": HOME, "n1.html": page("n1", NEWS.format("ประชุมผู้บริหารสถานศึกษา")),
            "n2.html": page("n2", NEWS.format("อบรมครูด้านการวัดและประเมินผล"))}
    v = verdicts(seed, crawl(site, start=""))
    director = [e for e in v["1.1"].evidence if e.url == SITE]
    assert director and "นายสมชาย ใจดี" in director[0].part      # cited with the box's text
    assert any(m.startswith("block:") for m in director[0].matched)
    news = [e for e in v["1.8"].evidence if e.url == SITE]
    assert news and news[0].part == "ข่าวประชาสัมพันธ์"
    assert v["1.8"].status == "ok" and v["1.8"].latest_date == dt.date(2026, 11, 10)
    assert v["1.5"].status == "missing"                          # "ยังไม่มีข้อมูล" under it
    assert "ประกาศจัดซื้อจัดจ้าง" in [c.label for c in v["1.5"].claimed]


def test_a_news_line_naming_a_director_elsewhere_is_not_the_executives_item(seed) -> None:  # type: ignore[no-untyped-def]
    site = {"": page("หน้าแรก", "<h1>ยินดีต้อนรับ</h1>" + PARAGRAPH),
            "n1.html": page("ข่าว", "<h1>ข่าวกิจกรรม</h1><p>นายสมชาย ใจดี ผู้อำนวยการโรงเรียนบ้านหนองบัว "
                                   "เป็นประธานเปิดงานกีฬาสีประจำปี พร้อมมอบรางวัลแก่นักเรียน</p>")}
    assert verdicts(seed, crawl(site, start=""))["1.1"].status == "missing"


# -- generic words -------------------------------------------------------------------
@pytest.mark.parametrize("label, category, evidence", [
    ("บริการ", "1.7", False),                    # a section, not the service manual
    ("คู่มือการให้บริการประชาชน", "1.7", True),
    ("นโยบาย", "1.2", False),
    ("นโยบายและจุดเน้นของสำนักงาน", "1.2", True),
    ("ข่าวสาร", "1.8", False),                    # undated, no list: not a news item
    ("คู่มือ", "1.6", False),
])
def test_generic_words_are_weak(seed, label: str, category: str, evidence: bool) -> None:  # type: ignore[no-untyped-def]
    site = {"index.html": page("หน้าแรก", f'<ul><li><a href="/item.html">{label}</a></li></ul>'),
            "item.html": page(label, f"<h1>{label}</h1>" + PARAGRAPH)}
    assert bool(verdicts(seed, crawl(site))[category].evidence) is evidence


def test_a_dated_post_under_a_generic_news_word_is_news(seed) -> None:  # type: ignore[no-untyped-def]
    site = {"index.html": page("หน้าแรก", '<ul><li><a href="/news/1.html">ข่าว</a></li></ul>'),
            "news/1.html": page("ข่าว", "<h1>ข่าว</h1><p>วันที่ 12 พฤศจิกายน 2569</p>" + PARAGRAPH)}
    v = verdicts(seed, crawl(site))["1.8"]
    assert urls(v) == ["news/1.html"] and v.latest_date == dt.date(2026, 11, 12)


def test_a_foreign_journal_article_behind_a_thai_label_is_not_the_item(seed) -> None:  # type: ignore[no-untyped-def]
    site = {"index.html": page("หน้าแรก", '<ul><li><a href="/rule.pdf">ระเบียบกระทรวงการคลัง</a></li></ul>')}
    article = ("Utilization of fennel biomass as a biosorbent for the removal of cadmium ions "
               "from aqueous phase: kinetics and equilibrium studies. Chemical Engineering Journal.")
    v = verdicts(seed, crawl(site, documents={"rule.pdf": article}))["1.8"]
    assert not v.evidence and "not in Thai" in claimed(v)["rule.pdf"]


def test_an_ita_box_on_the_home_page_does_not_hide_its_other_boxes(seed) -> None:  # type: ignore[no-untyped-def]
    ita_box = "<h2>ITA 2567</h2><ul>" + "".join(
        f"<li><a href='#'>MOIT{i} หน่วยงานมีการเผยแพร่ข้อมูล</a> 28 มี.ค. 2567</li>"
        for i in range(12, 18)) + "</ul>"
    site = {"": HOME.replace("<h2>ประกาศจัดซื้อจัดจ้าง</h2>", ita_box + "<h2>ประกาศจัดซื้อจัดจ้าง</h2>"),
            "n1.html": page("n1", NEWS.format("ประชุมผู้บริหารสถานศึกษา")),
            "n2.html": page("n2", NEWS.format("อบรมครูด้านการวัดและประเมินผล"))}
    v = verdicts(seed, crawl(site, start=""))
    assert v["1.8"].status == "ok" and v["1.1"].status == "ok"


def test_teasers_whose_read_more_is_plain_text_are_claimed(seed) -> None:  # type: ignore[no-untyped-def]
    box = ("<h2>จัดซื้อจัดจ้าง</h2><p>ประกวดราคาจ้างก่อสร้างอาคาร</p>"
           "<p>ประกวดราคาจ้างก่อสร้างอาคารเรียน 3 ชั้น 12 ห้องเรียน ... ... Download</p>"
           "<p>ประกาศสอบราคาจ้างก่อสร้างอาคาร</p><p>ประกาศสอบราคาจ้างก่อสร้างอาคารส้วม ... อ่านต่อ</p>")
    v = verdicts(seed, crawl({"": page("หน้าแรก", box)}, start=""))["1.5"]
    assert not v.evidence and "จัดซื้อจัดจ้าง" in [c.label for c in v.claimed]


def test_a_law_cited_in_a_page_does_not_make_it_the_laws_item(seed) -> None:  # type: ignore[no-untyped-def]
    body = ("<h1>ภารกิจขององค์กร</h1><p>ตามพระราชบัญญัติเทศบาล พ.ศ. 2496 มาตรา 50 ภายใต้บังคับแห่งกฎหมาย "
            "เทศบาลมีหน้าที่ต้องทำในเขตเทศบาล ดังต่อไปนี้ รักษาความสงบเรียบร้อยของประชาชน "
            "และระเบียบที่เกี่ยวข้อง</p>")
    site = {"index.html": page("หน้าแรก", '<ul><li><a href="/duty.html">ภารกิจ</a></li></ul>'),
            "duty.html": page("ภารกิจ", body)}
    assert verdicts(seed, crawl(site))["1.8"].status == "missing"


def test_a_citizen_procedure_is_a_service_item_whatever_its_menu_says(seed) -> None:  # type: ignore[no-untyped-def]
    body = ("<h2>การแจ้งเกิด</h2><p>ผู้แจ้งต้องแจ้งภายใน 15 วันนับแต่วันเกิด ณ สำนักทะเบียนท้องถิ่น</p>"
            "<h3>หลักฐานที่ต้องนำไปแสดง</h3><ul><li>บัตรประจำตัวประชาชนของผู้แจ้ง</li>"
            "<li>หนังสือรับรองการเกิดจากโรงพยาบาล</li></ul>"
            "<p>ค่าธรรมเนียม ไม่เสียค่าธรรมเนียม หากแจ้งเกินกำหนดปรับไม่เกิน 1,000 บาท</p>")
    site = {"index.html": page("หน้าแรก", '<ul><li><a href="/regis.html">งานทะเบียนราษฎร</a></li></ul>'),
            "regis.html": page("งานทะเบียนราษฎร", "<h1>งานทะเบียนราษฎร</h1>" + body)}
    assert "regis.html" in urls(verdicts(seed, crawl(site))["1.7"])


def test_bootstrap_sample_text_is_a_placeholder(seed) -> None:  # type: ignore[no-untyped-def]
    body = ('<h1>รายงานประจำปี</h1><figure><img src="https://placehold.co/1536x500">'
            "<figcaption>A caption for the above image.</figcaption></figure>")
    site = {"index.html": page("หน้าแรก", '<ul><li><a href="/report.html">รายงานประจำปี</a></li></ul>'),
            "report.html": page("รายงานประจำปี", body)}
    v = verdicts(seed, crawl(site))["1.3"]
    assert not v.evidence and "report.html" in claimed(v)


CODED_HUB = """<h1>การเปิดเผยข้อมูลสาธารณะ {year}</h1><table>
<tr><td>O12</td><td><a href="files/a.pdf">คลิก</a></td></tr>
<tr><td>O-NET</td><td><a href="files/b.pdf">คลิก</a></td></tr></table>"""
DOC = "เอกสารของสำนักงานเขตพื้นที่การศึกษา ปีงบประมาณ พ.ศ. ๒๕๖๘ จำนวนหลายหน้า"


@pytest.mark.parametrize("year, ruleset, category", [
    ("ITA 2568", "seed", "1.5"),        # O12 of 2568: procurement list and progress
    ("ITA 2567", "seed", "1.3"),        # O12 of 2567: the six-month monitoring report
    ("ITA 2568", "oit-2568", "O12"),
    ("", "oit-2568", "O12"),            # an OIT rule set reads codes in its own year
])
def test_hub_codes_are_read_against_the_years_list(year: str, ruleset: str,
                                                   category: str) -> None:
    rs = load_ruleset(ruleset)
    records = crawl({"ita.html": page("ITA", CODED_HUB.format(year=year))},
                    documents={"files/a.pdf": DOC, "files/b.pdf": DOC})
    v = {x.category: x for x in judge(rs, records, AS_OF, CrawlOutcome(pages=1))}
    assert urls(v[category]) == ["files/a.pdf"]
    assert any("O12" in m for m in v[category].evidence[0].matched)
    assert not [c for c, x in v.items() if "files/b.pdf" in urls(x)]   # O-NET is no code


def test_a_code_without_its_year_is_not_read_for_the_seed(seed) -> None:  # type: ignore[no-untyped-def]
    records = crawl({"ita.html": page("ITA", CODED_HUB.format(year=""))},
                    documents={"files/a.pdf": DOC, "files/b.pdf": DOC})
    assert verdicts(seed, records)["1.5"].status == "missing"   # O12 means other items in other years
