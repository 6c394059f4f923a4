#!/usr/bin/env python3
"""Build the bundled sample site: a fictional Thai primary ESA office website.

    .venv/bin/python ita_audit/sample_site/build_sample_site.py

Everything under ``site/`` (HTML pages, PDFs, DOCX, XLSX, images, sitemap,
robots.txt, ``_headers.yaml``) and ``expected.yaml`` is generated from the data
in this file.  The office, its people, schools, vendors and places are
invented.  The site is written "as seen on 2026-11-20" (FY 2570 has just
started; FY 2569 ran 1 Oct 2025 – 30 Sep 2026).

Needs: Debian ``chromium`` (PDFs are printed from HTML in TLWG Thai fonts),
``pdftoppm`` (poppler-utils, for the scanned PDF and the chart image),
pypdf, python-docx, openpyxl and Pillow.  No network is used.

See README.md next to this file for the deliberate traps.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SITE = HERE / "site"
REFERENCE_DATE = dt.date(2026, 11, 20)

# --------------------------------------------------------------------------- Thai helpers

TH_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
MONTHS = ["", "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
          "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
ABBR = ["", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.",
        "พ.ย.", "ธ.ค."]


def th(value: object) -> str:
    """ASCII digits -> Thai digits."""
    return str(value).translate(TH_DIGITS)


def thd(iso: str, style: str = "full", thai_digits: bool = True) -> str:
    """Write an ISO date the way Thai offices do, in one of several styles."""
    d = dt.date.fromisoformat(iso)
    be = d.year + 543
    text = {
        "full": f"{d.day} {MONTHS[d.month]} {be}",
        "full_ps": f"{d.day} {MONTHS[d.month]} พ.ศ. {be}",
        "abbr": f"{d.day} {ABBR[d.month]} {be}",
        "abbr2": f"{d.day} {ABBR[d.month]} {be % 100}",
        "nodot": f"{d.day} {ABBR[d.month].replace('.', '')} {be}",
        "slash": f"{d.day}/{d.month}/{be}",
        "month": f"{MONTHS[d.month]} {be}",
        "month_abbr": f"{ABBR[d.month]} {be}",
    }[style]
    return th(text) if thai_digits else text


def gid(seed: str, n: int) -> str:
    """A stable, random-looking id for fake Google/YouTube/Facebook URLs."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    out, counter = [], 0
    while len(out) < n:
        digest = hashlib.sha256(f"{seed}:{counter}".encode()).digest()
        out.extend(alphabet[b % 64] for b in digest)
        counter += 1
    return "".join(out[:n])


def gdrive_file(seed: str) -> str:
    return f"https://drive.google.com/file/d/1{gid(seed, 32)}/view?usp=sharing"


def gdrive_folder(seed: str) -> str:
    return f"https://drive.google.com/drive/folders/1{gid(seed, 32)}?usp=sharing"


def gdoc(seed: str) -> str:
    return f"https://docs.google.com/document/d/1{gid(seed, 43)}/edit?usp=sharing"


def gsheet(seed: str) -> str:
    return f"https://docs.google.com/spreadsheets/d/1{gid(seed, 43)}/edit?usp=sharing"


def gform(seed: str) -> str:
    return f"https://docs.google.com/forms/d/e/1FAIpQLS{gid(seed, 48)}/viewform"


FACEBOOK = "https://www.facebook.com/bangphra1.pr"


def fbpost(seed: str) -> str:
    return f"{FACEBOOK}/posts/pfbid0{gid(seed, 44)}"


def youtube(seed: str) -> str:
    return f"https://www.youtube.com/watch?v={gid(seed, 11)}"


def egp(pid: str) -> str:
    return ("https://process3.gprocurement.go.th/egp2procmainWeb/jsp/procsearch.sch?"
            f"pid={pid}&servlet=gojsp&proc_id=ShowHTMLFile&processFlows=Procure")


EGP_SEARCH = ("https://process3.gprocurement.go.th/egp2procmainWeb/jsp/procsearch.sch?"
              "servlet=gojsp&proc_id=ShowHTMLFile&processFlows=Procure&deptId=2400101")

# --------------------------------------------------------------------------- the office

OFFICE = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาบางพระ เขต ๑"
SHORT = "สพป.บางพระ เขต ๑"
OFFICE_EN = "Bangphra Primary Educational Service Area Office 1"
ADDRESS = ("เลขที่ ๙๙ หมู่ที่ ๔ ถนนสุขประชา ตำบลหนองน้ำใส อำเภอเมืองบางพระ "
           "จังหวัดบางพระ ๒๔๑๕๐")
PHONE = "๐ ๓๘๙๙ ๑๒๓๔"
FAX = "๐ ๓๘๙๙ ๑๒๓๕"
EMAIL = "saraban@bangphra1.go.th"
DIRECTOR = "นายสมเกียรติ ใจซื่อตรง"
DIRECTOR_TITLE = f"ผู้อำนวยการ{OFFICE}"

SHORT_GROUP = {"supervision": "กลุ่มนิเทศฯ", "ict": "กลุ่มส่งเสริมการศึกษาทางไกลฯ"}

GROUPS = [  # slug, name, head, extension, duties
    ("admin", "กลุ่มอำนวยการ", "นางสาวพรทิพย์ ใจดี", "๑๐๑", [
        "งานสารบรรณและงานธุรการของสำนักงาน",
        "งานอาคารสถานที่และยานพาหนะ",
        "งานประชาสัมพันธ์และเผยแพร่ข้อมูลข่าวสาร",
        "งานประสานงานราชการทั่วไปกับหน่วยงานภายนอก",
    ]),
    ("plan", "กลุ่มนโยบายและแผน", "นายวิทยา แสงทอง", "๑๑๑", [
        "วิเคราะห์และจัดทำนโยบาย แผนพัฒนาการศึกษาของเขตพื้นที่การศึกษา",
        "จัดทำแผนปฏิบัติการประจำปีและแผนการใช้จ่ายงบประมาณของสำนักงาน",
        "จัดสรรงบประมาณให้สถานศึกษาในสังกัด",
        "จัดทำข้อมูลสารสนเทศทางการศึกษาและสถิตินักเรียน",
    ]),
    ("finance", "กลุ่มบริหารงานการเงินและสินทรัพย์", "นางอรุณี ทรัพย์มาก", "๑๒๑", [
        "งานการเงิน การเบิกจ่าย และการบัญชี",
        "งานจัดซื้อจัดจ้างและการบริหารพัสดุของสำนักงาน",
        "งานทะเบียนสินทรัพย์และการตรวจสอบพัสดุประจำปี",
    ]),
    ("teacherdev", "กลุ่มพัฒนาครูและบุคลากรทางการศึกษา", "นายกิตติศักดิ์ พัฒนากิจ", "๑๓๑", [
        "ส่งเสริมการพัฒนาครูตามระบบคูปองและหลักสูตรที่ได้รับการรับรอง",
        "ยกย่องเชิดชูเกียรติครูและบุคลากรทางการศึกษา",
        "งานวินัยเชิงสร้างสรรค์และการเสริมสร้างจรรยาบรรณวิชาชีพ",
    ]),
    ("promotion", "กลุ่มส่งเสริมการจัดการศึกษา", "นางสาวจันทร์เพ็ญ ชื่นบาน", "๑๔๑", [
        "งานรับนักเรียนและการจัดการศึกษาภาคบังคับ",
        "งานกิจการนักเรียน ลูกเสือ เนตรนารี และยุวกาชาด",
        "งานโครงการอาหารกลางวันและอาหารเสริม (นม)",
        "ระบบดูแลช่วยเหลือนักเรียนและการป้องกันยาเสพติดในสถานศึกษา",
    ]),
    ("supervision", "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา", "นางรัชนี เรียนรู้ดี", "๑๕๑", [
        "นิเทศการจัดการเรียนรู้ของสถานศึกษาในสังกัด",
        "ส่งเสริมการพัฒนาหลักสูตรสถานศึกษาและการวัดผลประเมินผลผู้เรียน",
        "ประสานการทดสอบระดับชาติ (RT, NT, O-NET)",
        "ส่งเสริมระบบประกันคุณภาพภายในของสถานศึกษา",
    ]),
    ("ict", "กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร",
     "นายภูมิพัฒน์ คงสวัสดิ์", "๑๖๑", [
         "ดูแลระบบเครือข่ายและเว็บไซต์ของสำนักงาน",
         "ส่งเสริมการใช้เทคโนโลยีดิจิทัลเพื่อการเรียนรู้ (DLTV/DLIT)",
         "ดูแลระบบบริการออนไลน์ของสำนักงาน",
     ]),
    ("legal", "กลุ่มกฎหมายและคดี", "นายเอกชัย ธรรมนิติ", "๑๗๑", [
        "งานวินัยและการดำเนินการทางวินัย",
        "งานอุทธรณ์และร้องทุกข์ งานคดีปกครองและคดีแพ่ง",
        "งานส่งเสริมคุณธรรมและการป้องกันการทุจริตในหน่วยงาน",
    ]),
    ("audit", "หน่วยตรวจสอบภายใน", "นางสาวนภัสสร ตรงเวลา", "๑๘๑", [
        "ตรวจสอบการเงิน การบัญชี และการพัสดุของสำนักงานและสถานศึกษา",
        "ให้คำปรึกษาด้านการควบคุมภายในแก่หน่วยรับตรวจ",
    ]),
]

# --------------------------------------------------------------------------- page model


@dataclass
class Page:
    path: str                      # site-relative, e.g. "about/structure.html"
    title: str
    body: str
    crumbs: tuple[str, ...] = ()
    sitemap: bool = True
    lastmod: str | None = None     # ISO date for sitemap.xml
    layout: str = "main"           # main | bare | legacy874
    h1: str | None = None


PAGES: dict[str, Page] = {}


def page(path: str, title: str, body: str, *, crumbs: tuple[str, ...] = (),
         sitemap: bool = True, lastmod: str | None = None, layout: str = "main",
         h1: str | None = None) -> None:
    if path in PAGES:
        raise ValueError(f"page {path} defined twice")
    PAGES[path] = Page(path, title, body, crumbs, sitemap, lastmod, layout, h1)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


# --------------------------------------------------------------------------- layout

MENU = [
    ("หน้าแรก", "~/index.html", []),
    ("เกี่ยวกับเรา", "~/about/vision.html", [
        ("ประวัติความเป็นมา", "~/about/ประวัติความเป็นมา.html"),
        ("วิสัยทัศน์ พันธกิจ", "~/about/vision.html"),
        ("โครงสร้างองค์กร", "~/about/structure.html"),
        ("ผู้บริหาร", "~/about/executives.html"),
        ("หน้าที่และอำนาจ", "~/about/authority.html"),
        ("สารจากผู้อำนวยการ", "~/about/director-message.html"),
        ("ทำเนียบผู้บริหาร", "~/about/former-directors.html"),
        ("นโยบายและจุดเน้น", "~/about/policy.html"),
        ("สถานศึกษาในสังกัด", "~/about/schools.html"),
    ]),
    ("ข่าวประชาสัมพันธ์", "~/news/index.html", [
        ("ข่าวประชาสัมพันธ์", "~/news/index.html"),
        ("ข่าวรับสมัครงาน", "~/news/jobs.html"),
        ("ภาพกิจกรรม", "~/gallery/index.html"),
    ]),
    ("จัดซื้อจัดจ้าง", "~/procurement/index.html", [
        ("ข่าวจัดซื้อจัดจ้าง", "~/procurement/index.html"),
        ("แผนการจัดซื้อจัดจ้าง", "~/procurement/plan.html"),
        ("สรุปผลการจัดซื้อจัดจ้างรายเดือน (สขร.๑)", "~/procurement/monthly.html"),
    ]),
    ("บริการประชาชน", "~/service/index.html", [
        ("มาตรฐานและขั้นตอนการให้บริการ", "~/service/index.html"),
        ("สถิติการให้บริการ", "~/service/statistics.html"),
        ("ผลสำรวจความพึงพอใจ", "~/service/satisfaction.html"),
        ("E-Service", "~/eservice.html"),
    ]),
    ("ITA", "~/ita/index.html", [
        ("ITA ปีงบประมาณ ๒๕๖๙", "~/ita/index.html"),
        ("ITA ปีงบประมาณ ๒๕๖๘", "~/ita/2568.html"),
        ("แจ้งเรื่องร้องเรียนการทุจริต", "~/complaint.html"),
    ]),
    ("กฎหมาย/ระเบียบ", "~/law/law_list.html", [
        ("กฎหมายที่เกี่ยวข้อง", "~/law/law_list.html"),
        ("หนังสือสั่งการ", "~/law/circulars.html"),
    ]),
    ("งานวิชาการ", "~/academic/calendar.html", [
        ("ปฏิทินการศึกษา", "~/academic/calendar.html"),
        ("โครงสร้างหลักสูตร", "~/academic/curriculum.html"),
    ]),
    ("บุคลากร", "~/hr/index.html", []),
    ("ติดต่อเรา", "~/contact.html", []),
]


def render_menu() -> str:
    items = []
    for label, href, sub in MENU:
        if sub:
            subs = "".join(f'<li><a href="{h}">{esc(t)}</a></li>' for t, h in sub)
            items.append(f'<li class="dropdown"><a href="{href}">{esc(label)} ▾</a>'
                         f'<ul class="submenu">{subs}</ul></li>')
        else:
            items.append(f'<li><a href="{href}">{esc(label)}</a></li>')
    return "\n      ".join(items)


SIDEBAR = """
    <div class="widget director-card">
      <img src="~/assets/img/exec-director.jpg" alt="นายสมเกียรติ ใจซื่อตรง" width="120" height="150">
      <p><strong>นายสมเกียรติ ใจซื่อตรง</strong><br>ผู้อำนวยการ สพป.บางพระ เขต ๑</p>
    </div>
    <div class="widget banners">
      <a href="~/ita/index.html"><img src="~/assets/img/banner-ita.png" alt="ITA การประเมินคุณธรรมและความโปร่งใส ปีงบประมาณ ๒๕๖๙" width="220" height="70"></a>
      <a href="~/complaint.html"><img src="~/assets/img/banner-complaint.png" alt="แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ" width="220" height="70"></a>
      <a href="~/news/2569/news-1028.html"><img src="~/assets/img/banner-nogift.png" alt="No Gift Policy งดให้ งดรับ ของขวัญ" width="220" height="70"></a>
      <a href="~/eservice.html"><img src="~/assets/img/banner-eservice.png" alt="E-Service บริการออนไลน์" width="220" height="70"></a>
    </div>
    <div class="widget">
      <h3>ระบบสารสนเทศ</h3>
      <ul class="links">
        <li><a href="https://bangphra1.eoffice.go.th/" target="_blank" rel="noopener">ระบบสารบรรณอิเล็กทรอนิกส์ (e-Office)</a></li>
        <li><a href="https://amss.bangphra1.go.th/" target="_blank" rel="noopener">AMSS++</a></li>
        <li><a href="https://data.bopp-obec.info/emis/" target="_blank" rel="noopener">DMC ระบบจัดเก็บข้อมูลนักเรียนรายบุคคล</a></li>
        <li><a href="https://www.gprocurement.go.th/" target="_blank" rel="noopener">ระบบการจัดซื้อจัดจ้างภาครัฐ (e-GP)</a></li>
        <li><a href="https://www.obec.go.th/" target="_blank" rel="noopener">สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน</a></li>
      </ul>
    </div>
    <div class="widget">
      <h3>ติดตามเรา</h3>
      <p class="social"><a href="https://www.facebook.com/bangphra1.pr" target="_blank" rel="noopener"><img src="~/assets/img/icon-facebook.png" alt="Facebook" width="24" height="24"></a>
      <a href="https://www.youtube.com/@bangphra1channel" target="_blank" rel="noopener"><img src="~/assets/img/icon-youtube.png" alt="YouTube" width="24" height="24"></a>
      <a href="https://line.me/R/ti/p/@bangphra1" target="_blank" rel="noopener"><img src="~/assets/img/icon-line.png" alt="LINE" width="24" height="24"></a></p>
    </div>
"""

FOOTER = f"""
    <div class="footer-cols">
      <div>
        <h4>{OFFICE}</h4>
        <p>{ADDRESS}<br>
        โทรศัพท์ {PHONE} &nbsp; โทรสาร {FAX}<br>
        อีเมล <a href="mailto:{EMAIL}">{EMAIL}</a><br>
        เวลาราชการ วันจันทร์–วันศุกร์ ๐๘.๓๐–๑๖.๓๐ น.</p>
      </div>
      <div class="counter">
        <h4>สถิติการเข้าชม</h4>
        <p>วันนี้ ๒๑๔ ครั้ง<br>เดือนนี้ ๕,๘๐๒ ครั้ง<br>ทั้งหมด ๑,๒๘๔,๐๑๙ ครั้ง</p>
      </div>
      <div>
        <h4>ลิงก์</h4>
        <p><a href="~/sitemap.html">แผนผังเว็บไซต์</a><br>
        <a href="~/privacy.html">นโยบายคุ้มครองข้อมูลส่วนบุคคล</a><br>
        <a href="~/qa.html">กระดานถาม-ตอบ</a><br>
        <a href="~/admin/login.html">สำหรับเจ้าหน้าที่ (ผู้ดูแลระบบ)</a></p>
      </div>
    </div>
    <p class="copyright">Copyright © 2026 {SHORT} · All rights reserved.
    ออกแบบและดูแลระบบโดย กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร</p>
    <div class="cookie-note">เว็บไซต์นี้ใช้คุกกี้เพื่อพัฒนาประสบการณ์การใช้งาน
      <a href="~/privacy.html">อ่านเพิ่มเติม</a></div>
"""

MAIN_TEMPLATE = """<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | {short}</title>
<meta name="description" content="{office}">
<link rel="stylesheet" href="~/assets/css/style.css">
<link rel="icon" href="~/assets/img/favicon.png">
</head>
<body>
<div id="topbar"><span id="today-th"></span>
  <span class="tools">ขนาดตัวอักษร <a href="#" data-size="-1">ก-</a> <a href="#" data-size="0">ก</a> <a href="#" data-size="1">ก+</a>
  | <a href="~/sitemap.html">แผนผังเว็บไซต์</a> | <a href="~/contact.html">ติดต่อเรา</a></span></div>
<header id="header">
  <a href="~/index.html" class="brand"><img src="~/assets/img/logo.png" alt="ตราสัญลักษณ์ {short}" width="84" height="84"></a>
  <div class="brand-text"><span class="name-th">{office}</span><span class="name-en">{office_en}</span></div>
</header>
<nav id="mainmenu" class="navbar">
  <ul class="menu">
      {menu}
  </ul>
</nav>
<div class="container">
  <aside class="sidebar">{sidebar}
  </aside>
  <main id="content" class="content">
    <div class="breadcrumb">{crumbs}</div>
    <article class="entry">
    <h1 class="entry-title">{h1}</h1>
{body}
    </article>
  </main>
</div>
<footer id="footer">{footer}
</footer>
<script src="~/assets/js/main.js"></script>
</body>
</html>
"""

BARE_TEMPLATE = """<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="stylesheet" href="~/assets/css/embed.css">
</head>
<body class="embed">
{body}
</body>
</html>
"""

LEGACY_TEMPLATE = """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-874">
<title>{title} :: {short}</title>
<style type="text/css">
body {{ font-family: Tahoma, "MS Sans Serif"; font-size: 10pt; background: #eef3f8; margin: 0 }}
td {{ font-family: Tahoma; font-size: 10pt }}
.head {{ background: #1c4f86; color: #ffffff; font-weight: bold }}
a:link {{ color: #003399 }}
</style>
</head>
<body>
<table width="900" border="0" align="center" cellpadding="0" cellspacing="0" bgcolor="#FFFFFF">
<tr><td colspan="2" bgcolor="#1c4f86" height="80"><font color="#FFFFFF" size="4"><b>&nbsp;{office}</b></font><br>
<font color="#cfe0f5">&nbsp; เว็บไซต์เดิม (ระบบเก่า) &ndash; ข้อมูลกฎหมายและระเบียบ</font></td></tr>
<tr><td width="180" valign="top" bgcolor="#dde8f3">
<br>&nbsp;<a href="../index.html">&laquo; กลับหน้าหลักเว็บไซต์ใหม่</a><br><br>
&nbsp;<a href="circulars.html">หนังสือสั่งการ</a><br>
&nbsp;<a href="../ita/index.html">ITA</a><br>
&nbsp;<a href="../contact.html">ติดต่อเรา</a><br><br>
</td>
<td valign="top" style="padding:12px">
{body}
</td></tr>
<tr><td colspan="2" bgcolor="#1c4f86" align="center"><font color="#FFFFFF" size="1">{office} {address}<br>
Copyright (c) {short} &nbsp; ผู้ชมเว็บไซต์ : 0482193</font></td></tr>
</table>
</body>
</html>
"""


def rel_prefix(path: str) -> str:
    return "../" * path.count("/")


def resolve_links(text: str, path: str) -> str:
    return text.replace('="~/', '="' + rel_prefix(path))


def crumbs_html(p: Page) -> str:
    parts = ['<a href="~/index.html">หน้าแรก</a>']
    parts += [esc(c) for c in p.crumbs]
    parts.append(f"<span>{esc(p.h1 or p.title)}</span>")
    return " » ".join(parts)


def render_page(p: Page) -> bytes:
    if p.layout == "bare":
        out = BARE_TEMPLATE.format(title=esc(p.title), body=p.body)
    elif p.layout == "legacy874":
        out = LEGACY_TEMPLATE.format(title=p.title, short=SHORT, office=OFFICE, address=ADDRESS,
                                     body=p.body)
        return resolve_links(out, p.path).encode("cp874")  # strict: fails on non-cp874 chars
    else:
        out = MAIN_TEMPLATE.format(
            title=esc(p.title), short=SHORT, office=OFFICE, office_en=OFFICE_EN,
            menu=render_menu(), sidebar=SIDEBAR, crumbs=crumbs_html(p),
            h1=esc(p.h1 or p.title), body=p.body, footer=FOOTER,
        )
    return resolve_links(out, p.path).encode("utf-8")


# --------------------------------------------------------------------------- documents (PDF via chromium)


@dataclass
class Doc:
    path: str            # site-relative output path
    title: str           # <title> -> PDF /Title
    body: str            # HTML body
    date: str            # ISO date for the PDF /CreationDate and /ModDate
    author: str = "สพป.บางพระ เขต ๑"
    font: str = "Laksaman"
    size: str = "15pt"
    landscape: bool = False
    post: str = ""       # "" | "scan" | "truncate"


DOCS: list[Doc] = []


def doc(path: str, title: str, body: str, date: str, **kw: object) -> str:
    DOCS.append(Doc(path, title, body, date, **kw))  # type: ignore[arg-type]
    return path


DOC_CSS = """
@page { size: A4 %(orient)s; margin: 1.8cm 2cm 1.8cm 2.5cm; }
body { font-family: '%(font)s', 'Garuda', sans-serif; font-size: %(size)s; line-height: 1.45; color: #000; }
h1 { font-size: 1.4em; text-align: center; margin: 0 0 .2em; }
h2 { font-size: 1.15em; margin: .8em 0 .3em; }
.c { text-align: center; }
.r { text-align: right; }
.cover { text-align: center; padding-top: 5cm; }
.cover .big { font-size: 1.8em; font-weight: bold; line-height: 1.35; }
.cover .office { font-size: 1.25em; margin-top: 2cm; }
.cover .logo { width: 3cm; height: 3cm; border: 3px double #333; border-radius: 50%%; margin: 0 auto 1cm; }
table { border-collapse: collapse; width: 100%%; margin: .4em 0; }
td, th { border: 1px solid #000; padding: 2px 6px; vertical-align: top; }
th { background: #e8e8e8; }
td.n, th.n { text-align: right; white-space: nowrap; }
.sign { margin-left: 45%%; text-align: center; margin-top: 1.6em; }
.pb { page-break-before: always; }
.small { font-size: .85em; }
.line { text-align: center; letter-spacing: .2em; }
"""


def doc_source(d: Doc) -> str:
    css = DOC_CSS % {"orient": "landscape" if d.landscape else "", "font": d.font, "size": d.size}
    return (f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8">'
            f"<title>{esc(d.title)}</title><style>{css}</style></head>"
            f"<body>{d.body}</body></html>")


def pdf_date(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"D:{d:%Y%m%d}093000+07'00'"


def run_chromium(src: Path, out: Path, profile: Path) -> None:
    cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
           f"--user-data-dir={profile}", f"--print-to-pdf={out}", src.as_uri()]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=120)
    if not out.exists() or out.stat().st_size < 1000:
        raise RuntimeError(f"chromium did not write {out}")


def build_docs(tmp: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    def one(i_d: tuple[int, Doc]) -> None:
        i, d = i_d
        src = tmp / f"doc{i}.html"
        src.write_text(doc_source(d), encoding="utf-8")
        raw = tmp / f"doc{i}.pdf"
        run_chromium(src, raw, tmp / f"profile{i % 4}")
        out = SITE / d.path
        out.parent.mkdir(parents=True, exist_ok=True)
        if d.post == "scan":
            make_scan(raw, out, d, tmp / f"scan{i}")
            return
        writer = PdfWriter(clone_from=PdfReader(raw))
        writer.add_metadata({
            "/Title": d.title, "/Author": d.author,
            "/Creator": "Microsoft® Word สำหรับ Microsoft 365",
            "/Producer": "Skia/PDF m156",
            "/CreationDate": pdf_date(d.date), "/ModDate": pdf_date(d.date),
        })
        buf = io.BytesIO()
        writer.write(buf)
        data = buf.getvalue()
        if d.post == "truncate":
            data = data[: int(len(data) * 0.42)]  # an upload that was cut off
        out.write_bytes(data)

    # chromium profiles are not safe to share between concurrent runs: group by profile
    jobs = list(enumerate(DOCS))
    lanes = [[j for j in jobs if j[0] % 4 == k] for k in range(4)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda lane: [one(j) for j in lane], lanes))


def make_scan(raw_pdf: Path, out: Path, d: Doc, stem: Path) -> None:
    """Print -> rasterise -> 'scan' (grey, slightly rotated, speckled) -> image-only PDF."""
    from PIL import Image, ImageFilter

    subprocess.run(["pdftoppm", "-r", "100", "-gray", "-singlefile", "-png", str(raw_pdf),
                    str(stem)], check=True)
    im = Image.open(f"{stem}.png").convert("L")
    im = im.rotate(0.6, resample=Image.Resampling.BICUBIC, fillcolor=255)
    im = im.point(lambda v: int(v * 0.86 + 22))
    rng = random.Random(2570)
    px = im.load()
    w, h = im.size
    for _ in range(2500):
        x, y = rng.randrange(w), rng.randrange(h)
        px[x, y] = rng.randrange(90, 200)
    im = im.filter(ImageFilter.GaussianBlur(0.5))
    ts = time.strptime(d.date + " 10:15:00", "%Y-%m-%d %H:%M:%S")
    im.save(out, "PDF", resolution=100, quality=55, title="SCAN0047",
            creator="RICOH MP 4055", producer="RICOH MP 4055", creationDate=ts, modDate=ts)


def fix_zip(path: Path, iso: str) -> None:
    """Rewrite an OOXML zip with fixed timestamps and core-property dates (reproducible)."""
    d = dt.date.fromisoformat(iso)
    stamp = f"{d:%Y-%m-%d}T02:30:00Z"
    src = zipfile.ZipFile(path)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)",
                              rf"\g<1>{stamp}\g<2>", text)
                text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rf"\g<1>{stamp}\g<2>", text)
                data = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=(d.year, d.month, d.day, 9, 30, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, data)
    src.close()
    path.write_bytes(buf.getvalue())


# =========================================================================== DOCUMENTS


def sign(name: str = DIRECTOR, title: str = DIRECTOR_TITLE, pre: str = "") -> str:
    pre_html = f"{pre}<br><br><br>" if pre else "<br><br>"
    return f'<div class="sign">{pre_html}({name})<br>{title}</div>'


def announcement(subject: str, paras: list[str], date_line: str, extra: str = "") -> str:
    body = "".join(f"<p>&emsp;&emsp;{p}</p>" for p in paras)
    return (f'<div class="c"><b>ประกาศ{OFFICE}</b><br>เรื่อง {subject}</div>'
            f'<p class="line">-------------------------</p>{body}{extra}'
            f'<p class="c">{date_line}</p>{sign()}')


def table(head: list[str], rows: list[list[str]], num_cols: tuple[int, ...] = ()) -> str:
    th_ = "".join(f'<th{" class=n" if i in num_cols else ""}>{h}</th>' for i, h in enumerate(head))
    trs = "".join(
        "<tr>" + "".join(f'<td{" class=n" if i in num_cols else ""}>{c}</td>'
                         for i, c in enumerate(r)) + "</tr>"
        for r in rows)
    return f"<table><thead><tr>{th_}</tr></thead><tbody>{trs}</tbody></table>"


def cover(title_lines: list[str], under: list[str]) -> str:
    big = "<br>".join(title_lines)
    small = "<br>".join(under)
    return (f'<div class="cover"><div class="logo"></div><div class="big">{big}</div>'
            f'<div class="office">{small}</div></div>')


def define_documents() -> None:
    # ------------------------------------------------------------------ 1.3 (all old: FY 2566-2567)
    projects_2567 = [
        ["๑", "โครงการยกระดับผลสัมฤทธิ์ทางการเรียนระดับชั้น ป.๓ และ ป.๖", "๔๕๐,๐๐๐",
         "ต.ค. ๖๖ – ก.ย. ๖๗", "กลุ่มนิเทศฯ"],
        ["๒", "โครงการพัฒนาการอ่านออกเขียนได้ของนักเรียนชั้น ป.๑", "๑๘๐,๐๐๐",
         "พ.ย. ๖๖ – มี.ค. ๖๗", "กลุ่มนิเทศฯ"],
        ["๓", "โครงการโรงเรียนคุณภาพประจำตำบล", "๖๒๐,๐๐๐", "ธ.ค. ๖๖ – ส.ค. ๖๗",
         "กลุ่มส่งเสริมการจัดการศึกษา"],
        ["๔", "โครงการพัฒนาครูด้านการจัดการเรียนรู้เชิงรุก (Active Learning)", "๓๒๐,๐๐๐",
         "ม.ค. – มิ.ย. ๖๗", "กลุ่มพัฒนาครูฯ"],
        ["๕", "โครงการพัฒนาระบบเครือข่ายอินเทอร์เน็ตสำนักงาน", "๒๕๐,๐๐๐", "ต.ค. ๖๖ – ก.พ. ๖๗",
         "กลุ่มส่งเสริมการศึกษาทางไกลฯ"],
        ["๖", "โครงการบริหารจัดการสำนักงานเขตพื้นที่การศึกษา", "๑,๒๐๐,๐๐๐", "ต.ค. ๖๖ – ก.ย. ๖๗",
         "กลุ่มอำนวยการ"],
    ]
    doc("files/plan/action-plan-2567.pdf", "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๗",
        cover(["แผนปฏิบัติการ", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗"],
              [OFFICE, "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", "กระทรวงศึกษาธิการ",
               "เอกสารกลุ่มนโยบายและแผน ลำดับที่ ๑/๒๕๖๗"])
        + '<div class="pb"></div><h2 class="c">คำนำ</h2>'
        "<p>&emsp;&emsp;แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๗ ของ" + OFFICE
        + " จัดทำขึ้นเพื่อใช้เป็นกรอบในการดำเนินงานและการใช้จ่ายงบประมาณของสำนักงาน"
        "ให้บรรลุเป้าหมาย สอดคล้องกับนโยบายของกระทรวงศึกษาธิการและสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน "
        "ประกอบด้วยโครงการ ๖ โครงการ งบประมาณรวม ๓,๐๒๐,๐๐๐ บาท</p>"
        "<p>&emsp;&emsp;คณะกรรมการการศึกษาขั้นพื้นฐานเขตพื้นที่การศึกษาได้ให้ความเห็นชอบแผนฉบับนี้"
        "ในการประชุมครั้งที่ ๖/๒๕๖๖ เมื่อวันที่ ๓๐ พฤศจิกายน ๒๕๖๖</p>"
        '<p class="r">กลุ่มนโยบายและแผน<br>พฤศจิกายน ๒๕๖๖</p>'
        '<div class="pb"></div><h2>สรุปโครงการและงบประมาณ ปีงบประมาณ พ.ศ. ๒๕๖๗</h2>'
        + table(["ที่", "โครงการ", "งบประมาณ (บาท)", "ระยะเวลา", "ผู้รับผิดชอบ"], projects_2567,
                (2,))
        + "<p>รวมงบประมาณทั้งสิ้น ๓,๐๒๐,๐๐๐ บาท (สามล้านสองหมื่นบาทถ้วน)</p>",
        "2023-11-30", author="กลุ่มนโยบายและแผน", font="Laksaman", size="16pt")

    doc("files/plan/action-plan-2566.pdf", "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๖",
        cover(["แผนปฏิบัติการ", "ประจำปีงบประมาณ ๒๕๖๖"], [OFFICE, "กลุ่มนโยบายและแผน"])
        + '<div class="pb"></div><h2>ส่วนที่ ๑ บทนำ</h2>'
        "<p>&emsp;&emsp;" + OFFICE + " ได้จัดทำแผนปฏิบัติการประจำปีงบประมาณ ๒๕๖๖ "
        "โดยการมีส่วนร่วมของผู้บริหาร ข้าราชการ และผู้มีส่วนได้ส่วนเสีย "
        "ให้ความเห็นชอบเมื่อวันที่ ๑๕ ธันวาคม ๒๕๖๕</p>"
        + table(["ที่", "โครงการ", "งบประมาณ (บาท)"], [
            ["๑", "โครงการยกระดับคุณภาพการศึกษาปฐมวัย", "๒๑๐,๐๐๐"],
            ["๒", "โครงการส่งเสริมการอ่านเพื่อพัฒนาการคิด", "๑๕๐,๐๐๐"],
            ["๓", "โครงการพัฒนาประสิทธิภาพการบริหารจัดการสำนักงาน", "๙๘๐,๐๐๐"],
        ], (2,)),
        "2022-12-15", author="กลุ่มนโยบายและแผน", font="Norasi")

    doc("files/plan/report-6m-2567.pdf",
        "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ รอบ ๖ เดือน ปีงบประมาณ ๒๕๖๗",
        "<h1>รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ</h1>"
        '<p class="c"><b>ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ รอบ ๖ เดือน</b><br>'
        "(๑ ตุลาคม ๒๕๖๖ – ๓๑ มีนาคม ๒๕๖๗)<br>" + OFFICE + "</p>"
        "<p>&emsp;&emsp;กลุ่มนโยบายและแผนได้ติดตามความก้าวหน้าของโครงการตามแผนปฏิบัติการ"
        "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ จำนวน ๖ โครงการ สรุปได้ดังนี้</p>"
        + table(["โครงการ", "งบประมาณที่ได้รับ", "เบิกจ่ายแล้ว", "ร้อยละ", "สถานะ"], [
            ["ยกระดับผลสัมฤทธิ์ทางการเรียน ป.๓ และ ป.๖", "๔๕๐,๐๐๐", "๒๑๘,๕๐๐", "๔๘.๕๖", "ดำเนินการ"],
            ["พัฒนาการอ่านออกเขียนได้ ป.๑", "๑๘๐,๐๐๐", "๑๔๖,๒๐๐", "๘๑.๒๒", "ดำเนินการ"],
            ["โรงเรียนคุณภาพประจำตำบล", "๖๒๐,๐๐๐", "๑๙๐,๐๐๐", "๓๐.๖๕", "ดำเนินการ"],
            ["พัฒนาครู Active Learning", "๓๒๐,๐๐๐", "๘๐,๐๐๐", "๒๕.๐๐", "ดำเนินการ"],
            ["พัฒนาระบบเครือข่ายสำนักงาน", "๒๕๐,๐๐๐", "๒๔๘,๙๐๐", "๙๙.๕๖", "เสร็จสิ้น"],
            ["บริหารจัดการสำนักงาน", "๑,๒๐๐,๐๐๐", "๕๘๗,๓๔๐", "๔๘.๙๕", "ดำเนินการ"],
        ], (1, 2, 3))
        + "<p>ภาพรวมเบิกจ่ายงบประมาณ ๑,๔๗๐,๙๔๐ บาท คิดเป็นร้อยละ ๔๘.๗๑ ของงบประมาณที่ได้รับ</p>"
        "<h2>ปัญหาและอุปสรรค</h2><p>&emsp;&emsp;การโอนจัดสรรงบประมาณบางรายการล่าช้า "
        "ทำให้การดำเนินโครงการในไตรมาสที่ ๑ เลื่อนออกไป</p>"
        '<p class="r">รายงาน ณ วันที่ 22/4/2567</p>'
        + sign("นายวิทยา แสงทอง", "ผู้อำนวยการกลุ่มนโยบายและแผน", "ผู้รายงาน"),
        "2024-04-22", author="กลุ่มนโยบายและแผน", font="Garuda", size="12.5pt")

    doc("files/plan/annual-report-2566.pdf", "รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. ๒๕๖๖",
        cover(["รายงานผลการดำเนินงาน", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖"],
              [OFFICE, "ธันวาคม ๒๕๖๖"])
        + '<div class="pb"></div><h2>บทสรุปสำหรับผู้บริหาร</h2>'
        "<p>&emsp;&emsp;ในปีงบประมาณ พ.ศ. ๒๕๖๖ (๑ ตุลาคม ๒๕๖๕ – ๓๐ กันยายน ๒๕๖๖) "
        + OFFICE + " ได้ดำเนินโครงการตามแผนปฏิบัติการจำนวน ๓ โครงการ "
        "ได้รับจัดสรรงบประมาณ ๑,๓๔๐,๐๐๐ บาท เบิกจ่ายจริง ๑,๒๘๘,๖๕๐ บาท คิดเป็นร้อยละ ๙๖.๑๗</p>"
        + table(["ตัวชี้วัด", "ค่าเป้าหมาย", "ผลการดำเนินงาน", "บรรลุ"], [
            ["ร้อยละของนักเรียนชั้น ป.๑ อ่านออกเขียนได้", "๘๕", "๘๘.๔๒", "✓"],
            ["ร้อยละของสถานศึกษาที่ผ่านการประกันคุณภาพภายใน", "๙๐", "๙๒.๓๗", "✓"],
            ["ร้อยละการเบิกจ่ายงบประมาณ", "๙๖", "๙๖.๑๗", "✓"],
        ], (1, 2))
        + "<h2>ข้อเสนอแนะ</h2><p>&emsp;&emsp;ควรเร่งรัดการจัดทำแผนให้แล้วเสร็จก่อนเริ่มปีงบประมาณ</p>",
        "2023-12-20", author="กลุ่มนโยบายและแผน", font="Loma", size="12.5pt")

    # ------------------------------------------------------------------ 1.2
    doc("files/plan/strategic-plan-2566-2570.pdf",
        "แผนพัฒนาการศึกษา ระยะ ๕ ปี (พ.ศ. ๒๕๖๖–๒๕๗๐) ฉบับทบทวน พ.ศ. ๒๕๖๙",
        cover(["แผนพัฒนาการศึกษา ระยะ ๕ ปี", "(พ.ศ. ๒๕๖๖ – ๒๕๗๐)", "ฉบับทบทวน พ.ศ. ๒๕๖๙"],
              [OFFICE, "มิถุนายน ๒๕๖๙"])
        + '<div class="pb"></div><h2>วิสัยทัศน์</h2>'
        "<p>&emsp;&emsp;“" + SHORT + " เป็นองค์กรแห่งคุณภาพ บริหารจัดการด้วยหลักธรรมาภิบาล "
        "ผู้เรียนมีคุณภาพตามมาตรฐาน มีทักษะในศตวรรษที่ ๒๑ บนพื้นฐานความเป็นไทย”</p>"
        "<h2>พันธกิจ</h2><ol><li>ส่งเสริม สนับสนุนการจัดการศึกษาขั้นพื้นฐานให้ทั่วถึงและมีคุณภาพ</li>"
        "<li>พัฒนาครูและบุคลากรทางการศึกษาให้มีสมรรถนะตามมาตรฐานวิชาชีพ</li>"
        "<li>บริหารจัดการอย่างมีประสิทธิภาพ โปร่งใส ตรวจสอบได้</li></ol>"
        "<h2>กลยุทธ์</h2>"
        + table(["กลยุทธ์", "เป้าประสงค์", "ตัวชี้วัด (ปี ๒๕๗๐)"], [
            ["๑ จัดการศึกษาเพื่อความมั่นคง", "ผู้เรียนปลอดภัยจากภัยคุกคามทุกรูปแบบ",
             "สถานศึกษาร้อยละ ๑๐๐ มีระบบดูแลช่วยเหลือนักเรียน"],
            ["๒ พัฒนาคุณภาพผู้เรียน", "ผู้เรียนมีผลสัมฤทธิ์สูงขึ้น", "คะแนน O-NET เพิ่มขึ้นร้อยละ ๓"],
            ["๓ พัฒนาครูและบุคลากร", "ครูจัดการเรียนรู้เชิงรุก", "ครูร้อยละ ๙๐ ผ่านการพัฒนา"],
            ["๔ สร้างโอกาสทางการศึกษา", "เด็กวัยเรียนเข้าเรียนครบ", "อัตราการออกกลางคันไม่เกินร้อยละ ๐.๒"],
            ["๕ บริหารจัดการด้วยธรรมาภิบาล", "สำนักงานโปร่งใส", "ผลการประเมิน ITA ระดับ AA"],
        ])
        + "<h2>การขับเคลื่อนแผนสู่การปฏิบัติ</h2><p>&emsp;&emsp;คณะกรรมการการศึกษาขั้นพื้นฐาน"
        "เขตพื้นที่การศึกษาให้ความเห็นชอบการทบทวนแผนฉบับนี้ เมื่อวันที่ ๒๖ มิถุนายน ๒๕๖๙</p>",
        "2026-06-26", author="กลุ่มนโยบายและแผน", font="Norasi", size="14pt")

    doc("files/ita2569/ประกาศเจตจำนงสุจริต 2570.pdf",
        "ประกาศเจตจำนงสุจริตในการบริหารงาน ประจำปีงบประมาณ พ.ศ. ๒๕๗๐",
        announcement(
            "เจตจำนงสุจริตในการบริหารงาน ประจำปีงบประมาณ พ.ศ. ๒๕๗๐",
            ["ข้าพเจ้า " + DIRECTOR + " ผู้อำนวยการ" + OFFICE + " ขอประกาศเจตจำนงว่า"
             " จะบริหารงานด้วยความซื่อสัตย์สุจริต ยึดมั่นในหลักธรรมาภิบาล โปร่งใส ตรวจสอบได้"
             " และพร้อมรับผิดชอบต่อสังคม",
             "ข้าพเจ้าและผู้บริหารทุกระดับจะเปิดเผยข้อมูลข่าวสารของสำนักงานอย่างตรงไปตรงมา"
             " ไม่ใช้ตำแหน่งหน้าที่แสวงหาประโยชน์โดยมิชอบ และจะสนับสนุนให้บุคลากรทุกคน"
             " ปฏิบัติหน้าที่ด้วยความเป็นธรรม ไม่เลือกปฏิบัติ",
             "จึงประกาศให้ทราบโดยทั่วกัน"],
            "ประกาศ ณ วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๙"),
        "2026-10-01", font="Laksaman", size="16pt")

    doc("files/ita2569/no-gift-2570-scan.pdf",
        "ประกาศเจตนารมณ์ No Gift Policy ปีงบประมาณ พ.ศ. ๒๕๗๐",
        announcement(
            "เจตนารมณ์การไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)"
            " ประจำปีงบประมาณ พ.ศ. ๒๕๗๐",
            ["เพื่อเสริมสร้างวัฒนธรรมองค์กรที่โปร่งใส " + OFFICE + " จึงประกาศเจตนารมณ์ว่า"
             " ผู้บริหารและบุคลากรทุกคนจะไม่รับ ไม่ให้ ของขวัญ ของกำนัล หรือประโยชน์อื่นใด"
             " จากการปฏิบัติหน้าที่ ทั้งในเทศกาลและโอกาสอื่นใด",
             "หากมีความจำเป็นต้องรับเพื่อรักษาไมตรี ให้ปฏิบัติตามหลักเกณฑ์การรับทรัพย์สิน"
             "หรือประโยชน์อื่นใดโดยธรรมจรรยาของเจ้าพนักงานของรัฐ และรายงานผู้บังคับบัญชาทราบ",
             "จึงประกาศให้ทราบโดยทั่วกัน"],
            "ประกาศ ณ วันที่ ๓ ตุลาคม พ.ศ. ๒๕๖๙"),
        "2026-10-03", font="Laksaman", size="16pt", post="scan")

    # ------------------------------------------------------------------ 1.4
    doc("files/ita2569/anti-corruption-plan-2570.pdf",
        "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๗๐",
        cover(["แผนปฏิบัติการป้องกันการทุจริต", "ประจำปีงบประมาณ พ.ศ. ๒๕๗๐"],
              [OFFICE, "ตุลาคม ๒๕๖๙"])
        + '<div class="pb"></div><h2>ส่วนที่ ๑ หลักการและเหตุผล</h2>'
        "<p>&emsp;&emsp;" + OFFICE + " ได้จัดทำแผนปฏิบัติการป้องกันการทุจริตฉบับนี้"
        " ให้สอดคล้องกับยุทธศาสตร์ชาติว่าด้วยการป้องกันและปราบปรามการทุจริต"
        " และมาตรการของสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน</p>"
        "<h2>ส่วนที่ ๒ โครงการ/กิจกรรม</h2>"
        + table(["ที่", "โครงการ/กิจกรรม", "งบประมาณ", "ระยะเวลา", "ผู้รับผิดชอบ"], [
            ["๑", "ประกาศเจตจำนงสุจริตและนโยบาย No Gift Policy", "-", "ต.ค. ๖๙", "กลุ่มอำนวยการ"],
            ["๒", "อบรมหลักสูตรต้านทุจริตศึกษาสำหรับครู", "๔๕,๐๐๐", "พ.ย. ๖๙ – ม.ค. ๗๐",
             "กลุ่มนิเทศฯ"],
            ["๓", "ประเมินความเสี่ยงการทุจริตและผลประโยชน์ทับซ้อน", "-", "ต.ค. ๖๙",
             "กลุ่มกฎหมายและคดี"],
            ["๔", "เปิดเผยข้อมูลสาธารณะตามเกณฑ์ ITA", "-", "ต.ค. ๖๙ – ก.ย. ๗๐",
             "กลุ่มส่งเสริมการศึกษาทางไกลฯ"],
            ["๕", "กิจกรรมเสริมสร้างวัฒนธรรมองค์กร “สพป.บางพระ ๑ โปร่งใส”", "๒๐,๐๐๐",
             "ธ.ค. ๖๙", "กลุ่มอำนวยการ"],
        ], (2,))
        + '<p class="r">อนุมัติแผน ณ วันที่ ๒ ต.ค. ๖๙</p>' + sign(),
        "2026-10-02", author="กลุ่มกฎหมายและคดี", font="Garuda", size="12.5pt")

    doc("files/ita2569/risk-assessment-2570.pdf",
        "การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. ๒๕๗๐",
        "<h1>การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ</h1>"
        '<p class="c"><b>ประจำปีงบประมาณ พ.ศ. ๒๕๗๐</b><br>' + OFFICE + "<br>"
        "(รวมความเสี่ยงด้านผลประโยชน์ทับซ้อนและการให้หรือรับสินบน)</p>"
        + table(["ที่", "กระบวนงาน", "เหตุการณ์ความเสี่ยง", "โอกาส", "ผลกระทบ", "ระดับ",
                 "มาตรการควบคุม"], [
            ["๑", "การจัดซื้อจัดจ้าง", "กำหนดคุณลักษณะเอื้อประโยชน์ผู้ขายรายใดรายหนึ่ง",
             "๓", "๔", "สูง", "ตรวจทานร่างขอบเขตของงานโดยคณะกรรมการ เผยแพร่รับฟังความคิดเห็น"],
            ["๒", "การบรรจุแต่งตั้งและย้ายครู", "เรียกรับผลประโยชน์เพื่อพิจารณาย้าย",
             "๒", "๕", "สูง", "เปิดเผยหลักเกณฑ์และผลการพิจารณา"],
            ["๓", "การใช้รถราชการ", "ใช้ทรัพย์สินของราชการเพื่อประโยชน์ส่วนตน",
             "๒", "๒", "ปานกลาง", "บันทึกการใช้รถและตรวจสอบรายเดือน"],
            ["๔", "การอนุมัติเบิกจ่ายค่าเดินทาง", "เบิกจ่ายเกินสิทธิ", "๒", "๓", "ปานกลาง",
             "ตรวจสอบเอกสารสองชั้น"],
        ])
        + "<p>คณะทำงานประเมินความเสี่ยงได้พิจารณาเมื่อวันที่ ๑๕–๑๖ ตุลาคม ๒๕๖๙</p>"
        '<p class="r">ประกาศ ณ วันที่ ๒๐ ตุลาคม ๒๕๖๙</p>' + sign(),
        "2026-10-20", author="กลุ่มกฎหมายและคดี", font="Norasi", size="12pt", landscape=True)

    doc("files/ita2569/complaint-guideline-2569.pdf",
        "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        "<h1>แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</h1>"
        '<p class="c">' + OFFICE + "<br>ฉบับปรับปรุง มกราคม ๒๕๖๙</p>"
        "<h2>๑. หน่วยงานรับผิดชอบ</h2><p>&emsp;&emsp;ศูนย์รับเรื่องร้องเรียน กลุ่มกฎหมายและคดี "
        "โทรศัพท์ " + PHONE + " ต่อ ๑๗๑</p>"
        "<h2>๒. ช่องทางการร้องเรียน</h2><ol><li>ยื่นด้วยตนเองที่ศูนย์รับเรื่องร้องเรียน</li>"
        "<li>ทางไปรษณีย์ ถึงผู้อำนวยการ" + OFFICE + "</li><li>โทรศัพท์ " + PHONE + "</li>"
        "<li>เว็บไซต์ของสำนักงาน เมนู แจ้งเรื่องร้องเรียนการทุจริต</li><li>อีเมล " + EMAIL + "</li></ol>"
        "<h2>๓. การจัดการเรื่องร้องเรียน</h2>"
        + table(["ลำดับ", "การดำเนินการ", "ระยะเวลา"], [
            ["๑", "รับเรื่องและลงทะเบียนในระบบ", "ภายใน ๑ วันทำการ"],
            ["๒", "ตรวจสอบข้อเท็จจริงเบื้องต้นและเสนอผู้อำนวยการ", "ภายใน ๓ วันทำการ"],
            ["๓", "แจ้งผู้ร้องเรียนทราบการรับเรื่อง", "ภายใน ๕ วันทำการ"],
            ["๔", "ดำเนินการตามอำนาจหน้าที่และรายงานผล", "ภายใน ๓๐ วัน"],
            ["๕", "แจ้งผลการดำเนินการให้ผู้ร้องเรียนทราบ", "ภายใน ๑๕ วันนับแต่ได้ข้อยุติ"],
        ])
        + "<h2>๔. การคุ้มครองผู้ร้องเรียน</h2><p>&emsp;&emsp;ข้อมูลของผู้ร้องเรียนถือเป็นความลับทางราชการ</p>",
        "2026-01-15", author="กลุ่มกฎหมายและคดี", font="Loma", size="12.5pt")

    doc("files/ita2569/anti-corruption-report-2569.pdf",
        "รายงานผลการดำเนินการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
        "<h1>รายงานผลการดำเนินการป้องกันการทุจริต</h1>"
        '<p class="c"><b>ประจำปีงบประมาณ พ.ศ. ๒๕๖๙</b><br>' + OFFICE + "</p>"
        + table(["ที่", "โครงการ/กิจกรรม", "ผล", "งบประมาณที่ใช้"], [
            ["๑", "ประกาศเจตจำนงสุจริต ปีงบประมาณ ๒๕๖๙", "ดำเนินการแล้ว ๑ ต.ค. ๖๘", "-"],
            ["๒", "อบรมหลักสูตรต้านทุจริตศึกษา", "ครูเข้าร่วม ๒๑๔ คน", "๔๒,๘๐๐"],
            ["๓", "ประเมินความเสี่ยงการทุจริต", "ดำเนินการแล้ว ๔ กระบวนงาน", "-"],
            ["๔", "เสริมสร้างวัฒนธรรมองค์กร", "บุคลากรเข้าร่วมร้อยละ ๙๔", "๑๘,๕๐๐"],
        ], (3,))
        + "<h2>ปัญหาอุปสรรค</h2><p>&emsp;&emsp;ภารกิจของบุคลากรมีจำนวนมาก ทำให้กิจกรรมบางส่วนต้องเลื่อนเวลา</p>"
        '<p class="r">รายงาน ณ วันที่ ๑๖ ต.ค. ๒๕๖๙</p>'
        + sign("นายเอกชัย ธรรมนิติ", "ผู้อำนวยการกลุ่มกฎหมายและคดี", "ผู้รายงาน"),
        "2026-10-16", author="กลุ่มกฎหมายและคดี", font="Garuda", size="12.5pt")

    # ------------------------------------------------------------------ 1.5
    doc("files/procurement/procurement-plan-2570.pdf",
        "ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๗๐",
        '<div class="c"><b>ประกาศ' + OFFICE + "</b><br>เรื่อง เผยแพร่แผนการจัดซื้อจัดจ้าง"
        " ประจำปีงบประมาณ พ.ศ. ๒๕๗๐</div><p class=\"line\">-------------------------</p>"
        "<p>&emsp;&emsp;ตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐ มาตรา ๑๑"
        " " + OFFICE + " ขอเผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๗๐ ดังนี้</p>"
        + table(["ที่", "รายการ", "วงเงิน (บาท)", "วิธีการ", "ช่วงเวลาที่คาดว่าจะประกาศ"], [
            ["๑", "จ้างปรับปรุงอาคารสำนักงาน (หลังคาและระบบระบายน้ำ)", "๑,๘๕๐,๐๐๐",
             "e-bidding", "พฤศจิกายน ๒๕๖๙"],
            ["๒", "ซื้อเครื่องคอมพิวเตอร์สำหรับงานประมวลผล จำนวน ๑๕ เครื่อง", "๔๓๕,๐๐๐",
             "e-bidding", "ธันวาคม ๒๕๖๙"],
            ["๓", "จ้างเหมาบริการรักษาความปลอดภัย", "๒๘๘,๐๐๐", "เฉพาะเจาะจง", "ตุลาคม ๒๕๖๙"],
            ["๔", "จ้างเหมาบริการทำความสะอาด", "๒๔๐,๐๐๐", "เฉพาะเจาะจง", "ตุลาคม ๒๕๖๙"],
        ], (2,))
        + '<p class="c">ประกาศ ณ วันที่ ๒๘ ตุลาคม พ.ศ. ๒๕๖๙</p>' + sign(),
        "2026-10-28", author="กลุ่มบริหารงานการเงินและสินทรัพย์", font="Laksaman", size="14pt",
        landscape=True)

    skr_rows = {
        "07": [["๑", "ซื้อวัสดุสำนักงาน", "๑๘,๕๐๐", "๑๘,๕๐๐", "เฉพาะเจาะจง",
                "ร้านบางพระเครื่องเขียน / ๑๘,๒๐๐", "ร้านบางพระเครื่องเขียน / ๑๘,๒๐๐",
                "ราคาต่ำสุด", "PO ๔๑/๒๕๖๙ ลว. ๘ ก.ค. ๒๕๖๙"],
               ["๒", "จ้างซ่อมแซมเครื่องปรับอากาศ", "๙,๘๐๐", "๙,๘๐๐", "เฉพาะเจาะจง",
                "หจก.ท่าทรายการช่าง / ๙,๖๐๐", "หจก.ท่าทรายการช่าง / ๙,๖๐๐",
                "ราคาต่ำสุด", "PO ๔๒/๒๕๖๙ ลว. ๑๕ ก.ค. ๒๕๖๙"]],
        "08": [["๑", "ซื้อหมึกพิมพ์", "๒๔,๐๐๐", "๒๔,๐๐๐", "เฉพาะเจาะจง",
                "บริษัท สยามไอทีซัพพลาย จำกัด / ๒๓,๕๕๐", "บริษัท สยามไอทีซัพพลาย จำกัด / ๒๓,๕๕๐",
                "ราคาต่ำสุด", "PO ๔๕/๒๕๖๙ ลว. ๖ ส.ค. ๒๕๖๙"],
               ["๒", "จ้างจัดทำป้ายประชาสัมพันธ์", "๗,๕๐๐", "๗,๕๐๐", "เฉพาะเจาะจง",
                "ร้านเขาแก้วอิงค์เจ็ท / ๗,๒๐๐", "ร้านเขาแก้วอิงค์เจ็ท / ๗,๒๐๐",
                "ราคาต่ำสุด", "PO ๔๖/๒๕๖๙ ลว. ๒๐ ส.ค. ๒๕๖๙"]],
        "09": [["๑", "จ้างเหมาบริการทำความสะอาด (ปีงบประมาณ ๒๕๗๐)", "๒๔๐,๐๐๐", "๒๔๐,๐๐๐",
                "เฉพาะเจาะจง", "หจก.วังตะเคียนคลีนนิ่ง / ๒๓๘,๘๐๐", "หจก.วังตะเคียนคลีนนิ่ง / ๒๓๘,๘๐๐",
                "ราคาต่ำสุด", "สัญญา ๑๒/๒๕๖๙ ลว. ๒๙ ก.ย. ๒๕๖๙"],
               ["๒", "ซื้อน้ำมันเชื้อเพลิง", "๑๕,๐๐๐", "๑๕,๐๐๐", "เฉพาะเจาะจง",
                "หจก.บางพระปิโตรเลียม / ๑๕,๐๐๐", "หจก.บางพระปิโตรเลียม / ๑๕,๐๐๐",
                "เป็นผู้ประกอบการในพื้นที่", "PO ๕๐/๒๕๖๙ ลว. ๓ ก.ย. ๒๕๖๙"]],
        "10": [["๑", "จ้างเหมาบริการรักษาความปลอดภัย", "๒๘๘,๐๐๐", "๒๘๘,๐๐๐", "เฉพาะเจาะจง",
                "บริษัท บางพระการ์ด จำกัด / ๒๘๖,๐๐๐", "บริษัท บางพระการ์ด จำกัด / ๒๘๖,๐๐๐",
                "ราคาต่ำสุด", "สัญญา ๑/๒๕๗๐ ลว. ๑ ต.ค. ๒๕๖๙"],
               ["๒", "ซื้อวัสดุคอมพิวเตอร์", "๓๒,๔๐๐", "๓๒,๔๐๐", "เฉพาะเจาะจง",
                "บริษัท สยามไอทีซัพพลาย จำกัด / ๓๑,๙๘๐", "บริษัท สยามไอทีซัพพลาย จำกัด / ๓๑,๙๘๐",
                "ราคาต่ำสุด", "PO ๓/๒๕๗๐ ลว. ๒๗ ต.ค. ๒๕๖๙"]],
        "06": [["๑", "ซื้อวัสดุงานบ้านงานครัว", "๖,๒๐๐", "๖,๒๐๐", "เฉพาะเจาะจง",
                "ร้านหนองน้ำใสพาณิชย์ / ๖,๒๐๐", "ร้านหนองน้ำใสพาณิชย์ / ๖,๒๐๐",
                "ราคาเหมาะสม", "PO ๓๗/๒๕๖๙ ลว. ๑๑ มิ.ย. ๒๕๖๙"]],
    }
    skr_heads = {  # month heading written differently each month, as clerks do
        "07": ("ประจำเดือน กรกฎาคม ๒๕๖๙", "2026-08-05"),
        "08": ("เดือน ส.ค. 69", "2026-09-04"),
        "09": ("ประจำเดือนกันยายน พ.ศ. ๒๕๖๙", "2026-10-06"),
        "10": ("เดือน ต.ค.๒๕๖๙", "2026-11-06"),
        "06": ("ประจำเดือน มิถุนายน ๒๕๖๙", "2026-07-06"),
    }
    for mm, rows in skr_rows.items():
        head, date = skr_heads[mm]
        doc(f"files/procurement/skr1-2569-{mm}.pdf",
            f"แบบ สขร.๑ สรุปผลการดำเนินการจัดซื้อจัดจ้าง {head}",
            '<p class="r">แบบ สขร.๑</p>'
            f"<h1>สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน</h1>"
            f'<p class="c"><b>{head}</b><br>{OFFICE}<br>วันที่ {thd(date, "full")}</p>'
            + table(["ลำดับ", "งานที่จัดซื้อหรือจัดจ้าง", "วงเงิน", "ราคากลาง", "วิธีซื้อหรือจ้าง",
                     "รายชื่อผู้เสนอราคาและราคาที่เสนอ", "ผู้ได้รับการคัดเลือกและราคาที่ตกลง",
                     "เหตุผลที่คัดเลือก", "เลขที่และวันที่ของสัญญา"], rows, (2, 3)),
            date, author="งานพัสดุ กลุ่มบริหารงานการเงินและสินทรัพย์", font="Garuda",
            size="10.5pt", landscape=True, post="truncate" if mm == "06" else "")

    doc("files/store/rpt-27.pdf",
        "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
        cover(["รายงานผลการจัดซื้อจัดจ้าง", "หรือการจัดหาพัสดุ", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙"],
              [OFFICE, "กลุ่มบริหารงานการเงินและสินทรัพย์", "๑๕ ตุลาคม ๒๕๖๙"])
        + '<div class="pb"></div><h2>๑. สรุปผลการจัดซื้อจัดจ้างจำแนกตามวิธี</h2>'
        + table(["วิธีการ", "จำนวนโครงการ", "วงเงินรวม (บาท)", "ร้อยละ"], [
            ["ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)", "๒", "๒,๑๔๕,๐๐๐", "๕๒.๔๘"],
            ["วิธีคัดเลือก", "๑", "๔๘๐,๐๐๐", "๑๑.๗๔"],
            ["วิธีเฉพาะเจาะจง", "๘๗", "๑,๔๖๒,๓๕๐", "๓๕.๗๘"],
            ["รวม", "๙๐", "๔,๐๘๗,๓๕๐", "๑๐๐.๐๐"],
        ], (1, 2, 3))
        + "<h2>๒. การวิเคราะห์ผล</h2><p>&emsp;&emsp;การจัดซื้อจัดจ้างส่วนใหญ่ดำเนินการด้วยวิธีเฉพาะเจาะจง"
        "เนื่องจากเป็นรายการวงเงินต่ำ ทั้งนี้ได้เผยแพร่ผลทุกรายการในแบบ สขร.๑ รายเดือน</p>"
        "<h2>๓. ปัญหา อุปสรรค และแนวทางปรับปรุง</h2><p>&emsp;&emsp;ผู้ประกอบการในพื้นที่มีจำนวนน้อย"
        " ควรประชาสัมพันธ์ประกาศเชิญชวนให้กว้างขวางขึ้น</p>",
        "2026-10-15", author="กลุ่มบริหารงานการเงินและสินทรัพย์", font="Norasi", size="14pt")

    # ------------------------------------------------------------------ 1.7
    services = [
        ("การขอหนังสือรับรองการเป็นข้าราชการครู/ผ่านงาน", "แบบคำขอ สำเนาบัตรประจำตัว", "๑ วันทำการ"),
        ("การขอใบแทนหลักฐานการศึกษา (โรงเรียนที่ยุบรวม)", "แบบคำขอ รูปถ่าย ๑ นิ้ว ๒ รูป", "๓ วันทำการ"),
        ("การขอคัดสำเนาเอกสารทางราชการ", "แบบคำขอข้อมูลข่าวสาร", "๗ วันทำการ"),
        ("การขออนุญาตจัดการศึกษาขั้นพื้นฐานโดยครอบครัว", "คำขอ แผนการจัดการศึกษา", "๓๐ วัน"),
    ]
    rows = "".join(
        f"<h2>{th(i + 1)}. {name}</h2><p>เอกสารประกอบ: {docs}<br>"
        f"ระยะเวลาการให้บริการ: {t}<br>ขั้นตอนการให้บริการ: ยื่นคำขอที่ศูนย์บริการประชาชน"
        f" → เจ้าหน้าที่ตรวจสอบเอกสาร → เสนอผู้มีอำนาจลงนาม → แจ้งผู้รับบริการรับเอกสาร</p>"
        for i, (name, docs, t) in enumerate(services))
    doc("files/service/service-manual-2569.pdf",
        "คู่มือการให้บริการประชาชน สพป.บางพระ เขต ๑ (ฉบับปรับปรุง มีนาคม ๒๕๖๙)",
        cover(["คู่มือการให้บริการประชาชน", "(คู่มือสำหรับผู้รับบริการและผู้มาติดต่อ)"],
              [OFFICE, "ฉบับปรับปรุง มีนาคม ๒๕๖๙"])
        + '<div class="pb"></div><h2>ศูนย์บริการประชาชน</h2><p>ที่ตั้ง: ชั้น ๑ อาคารสำนักงาน '
        + ADDRESS + "<br>เวลาให้บริการ: วันจันทร์–วันศุกร์ ๐๘.๓๐–๑๖.๓๐ น. (ไม่พักเที่ยง)</p>"
        + rows
        + "<h2>ช่องทางการให้บริการออนไลน์</h2><p>ผู้รับบริการสามารถยื่นคำขอผ่าน E-Service"
        " บนเว็บไซต์ของสำนักงาน</p>",
        "2026-03-16", author="กลุ่มอำนวยการ", font="Loma", size="13pt")

    doc("files/service/satisfaction-2569.pdf",
        "รายงานผลการสำรวจความพึงพอใจของผู้รับบริการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
        "<h1>รายงานผลการสำรวจความพึงพอใจของผู้รับบริการ</h1>"
        '<p class="c"><b>ประจำปีงบประมาณ พ.ศ. ๒๕๖๙</b><br>' + OFFICE
        + "<br>วันที่รายงาน 10/10/2569</p>"
        "<p>&emsp;&emsp;ผู้ตอบแบบสำรวจทั้งสิ้น ๖๑๒ คน ระหว่างเดือนตุลาคม ๒๕๖๘ ถึงกันยายน ๒๕๖๙</p>"
        + table(["ประเด็น", "ค่าเฉลี่ย", "ระดับ"], [
            ["ด้านกระบวนการ/ขั้นตอนการให้บริการ", "๔.๔๒", "มาก"],
            ["ด้านเจ้าหน้าที่ผู้ให้บริการ", "๔.๖๑", "มากที่สุด"],
            ["ด้านสิ่งอำนวยความสะดวก", "๔.๑๘", "มาก"],
            ["ด้านคุณภาพการให้บริการ", "๔.๕๐", "มากที่สุด"],
            ["ภาพรวม", "๔.๔๓", "มาก"],
        ], (1,)),
        "2026-10-10", author="กลุ่มอำนวยการ", font="Kinnari", size="14pt")

    # ------------------------------------------------------------------ 1.1
    boxes = "".join(
        f'<div style="display:inline-block;width:17%;margin:4px;border:1.5px solid #234;'
        f'padding:4px;vertical-align:top;min-height:2.6cm;font-size:10.5pt">'
        f"<b>{SHORT_GROUP.get(slug, name)}</b><br>{head}</div>"
        for slug, name, head, _, _ in GROUPS)
    doc("files/about/structure-chart-2569.pdf",
        "แผนภูมิโครงสร้างการบริหารงาน สพป.บางพระ เขต ๑",
        "<h1>แผนภูมิโครงสร้างการบริหารงาน</h1>"
        f'<p class="c">{OFFICE}<br>ข้อมูล ณ วันที่ ๑ ตุลาคม ๒๕๖๙</p>'
        '<div class="c"><div style="display:inline-block;border:2px solid #000;padding:6px 18px">'
        f"<b>ผู้อำนวยการ{SHORT}</b><br>{DIRECTOR}</div></div>"
        '<div class="c" style="margin:6px 0">│</div>'
        '<div class="c"><div style="display:inline-block;border:1.5px solid #000;padding:4px 12px;'
        'margin:0 10px">รองผู้อำนวยการ<br>นางวราภรณ์ ศรีสุขใส</div>'
        '<div style="display:inline-block;border:1.5px solid #000;padding:4px 12px;margin:0 10px">'
        "รองผู้อำนวยการ<br>นายธนพล รุ่งเรืองวิทย์</div>"
        '<div style="display:inline-block;border:1.5px dashed #000;padding:4px 12px;margin:0 10px">'
        "รองผู้อำนวยการ<br>(ตำแหน่งว่าง)</div></div>"
        '<div class="c" style="margin:6px 0">│</div>'
        f'<div class="c">{boxes}</div>'
        '<p class="small">คณะกรรมการการศึกษาขั้นพื้นฐานเขตพื้นที่การศึกษา (กพท.) · '
        "อ.ก.ค.ศ. เขตพื้นที่การศึกษา · คณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา (ก.ต.ป.น.)</p>",
        "2026-10-01", author="กลุ่มอำนวยการ", font="Garuda", size="11pt", landscape=True)

    # ------------------------------------------------------------------ 1.8
    doc("files/news/newsletter-2569-10.pdf",
        "จดหมายข่าว สพป.บางพระ เขต ๑ ฉบับเดือนตุลาคม ๒๕๖๙",
        '<h1>จดหมายข่าว “บางพระหนึ่งสัมพันธ์”</h1>'
        '<p class="c">ปีที่ ๕ ฉบับที่ ๑ ประจำเดือนตุลาคม ๒๕๖๙<br>' + OFFICE + "</p>"
        "<h2>ประกาศเจตจำนงสุจริต ปีงบประมาณ ๒๕๗๐</h2><p>&emsp;&emsp;๑ ตุลาคม ๒๕๖๙ ผู้อำนวยการ"
        + SHORT + " ประกาศเจตจำนงสุจริตในการบริหารงาน ต่อหน้าข้าราชการและผู้บริหารสถานศึกษา</p>"
        "<h2>วันนวมินทรมหาราช</h2><p>&emsp;&emsp;๑๓ ตุลาคม ๒๕๖๙ บุคลากรร่วมพิธีวางพวงมาลา ณ ศาลากลางจังหวัดบางพระ</p>"
        "<h2>ต้อนรับคณะศึกษาดูงาน</h2><p>&emsp;&emsp;๒๑ ตุลาคม ๒๕๖๙ ให้การต้อนรับคณะศึกษาดูงานจาก"
        " สพป.เขาแก้ว เขต ๒ ในประเด็นการเปิดเผยข้อมูลสาธารณะ</p>"
        "<h2>ขอแสดงความยินดี</h2><p>&emsp;&emsp;โรงเรียนบ้านหนองน้ำใส ได้รับรางวัลโรงเรียนปลอดขยะระดับประเทศ</p>",
        "2026-10-31", author="กลุ่มอำนวยการ (งานประชาสัมพันธ์)", font="Kinnari", size="14pt")


def build_docx() -> str:
    """1.4 evidence in Word format: the 6-month anti-corruption monitoring report."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    path = "files/ita2569/anti-corruption-6m-2569.docx"
    d = Document()
    style = d.styles["Normal"]
    style.font.name = "TH SarabunPSK"
    style.font.size = Pt(16)
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run("รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต\n"
                    "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ รอบ ๖ เดือน")
    run.bold = True
    p = d.add_paragraph(f"(๑ ตุลาคม ๒๕๖๘ – ๓๑ มีนาคม ๒๕๖๙)\n{OFFICE}")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph(
        "ตามที่สำนักงานได้จัดทำแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ "
        "กลุ่มกฎหมายและคดีขอรายงานความก้าวหน้าการดำเนินการในรอบ ๖ เดือนแรก ดังนี้")
    t = d.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    for cell, text in zip(t.rows[0].cells, ["ที่", "โครงการ/กิจกรรม", "ความก้าวหน้า", "หมายเหตุ"], strict=True):
        cell.text = text
    for row in [("๑", "ประกาศเจตจำนงสุจริต ปีงบประมาณ ๒๕๖๙", "ดำเนินการแล้ว", "๑ ต.ค. ๖๘"),
                ("๒", "อบรมหลักสูตรต้านทุจริตศึกษา", "ร้อยละ ๖๐", "รุ่นที่ ๑–๒"),
                ("๓", "ประเมินความเสี่ยงการทุจริต", "ดำเนินการแล้ว", "-"),
                ("๔", "กิจกรรมเสริมสร้างวัฒนธรรมองค์กร", "ร้อยละ ๕๐", "-")]:
        cells = t.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    d.add_paragraph("")
    p = d.add_paragraph("รายงาน ณ วันที่ ๒๙ เมษายน ๒๕๖๙\n\n(นายเอกชัย ธรรมนิติ)\n"
                        "ผู้อำนวยการกลุ่มกฎหมายและคดี")
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    cp = d.core_properties
    cp.title = "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต รอบ ๖ เดือน ปีงบประมาณ ๒๕๖๙"
    cp.author = "กลุ่มกฎหมายและคดี"
    cp.last_modified_by = "กลุ่มกฎหมายและคดี"
    cp.created = dt.datetime(2026, 4, 29, 9, 30)
    cp.modified = dt.datetime(2026, 4, 29, 9, 30)
    cp.revision = 3
    out = SITE / path
    out.parent.mkdir(parents=True, exist_ok=True)
    d.save(out)
    fix_zip(out, "2026-04-29")
    return path


def build_xlsx() -> str:
    """1.7 evidence in Excel format: monthly service statistics FY 2569."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    path = "files/service/service-statistics-2569.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "สถิติการให้บริการ ปีงบ 69"
    ws["A1"] = "ข้อมูลสถิติการให้บริการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = OFFICE
    ws["A3"] = "ข้อมูล ณ วันที่ 30 กันยายน 2569"
    months = ["ต.ค. 68", "พ.ย. 68", "ธ.ค. 68", "ม.ค. 69", "ก.พ. 69", "มี.ค. 69", "เม.ย. 69",
              "พ.ค. 69", "มิ.ย. 69", "ก.ค. 69", "ส.ค. 69", "ก.ย. 69"]
    ws.append([])
    ws.append(["งานบริการ"] + months + ["รวม"])
    data = {
        "หนังสือรับรองการเป็นข้าราชการ/ผ่านงาน": [31, 28, 22, 40, 35, 38, 19, 45, 33, 29, 27, 30],
        "ใบแทนหลักฐานการศึกษา": [6, 4, 5, 7, 3, 9, 12, 8, 5, 4, 6, 3],
        "คัดสำเนาเอกสารทางราชการ": [3, 2, 1, 4, 2, 3, 1, 2, 5, 2, 1, 2],
        "บริการผ่าน E-Service (คำขอออนไลน์)": [52, 61, 47, 70, 66, 73, 58, 81, 77, 69, 72, 64],
    }
    for name, vals in data.items():
        ws.append([name] + vals + [sum(vals)])  # values, not formulas (no cached results)
    total = [sum(col) for col in zip(*data.values(), strict=True)]
    ws.append(["รวมทั้งสิ้น"] + total + [sum(total)])
    ws.column_dimensions["A"].width = 40
    for cell in ws[5]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    ws2 = wb.create_sheet("หมายเหตุ")
    ws2["A1"] = "จัดทำโดย กลุ่มอำนวยการ ศูนย์บริการประชาชน"
    ws2["A2"] = "ปรับปรุงล่าสุด 3 ต.ค. 2569"
    wb.properties.creator = "กลุ่มอำนวยการ"
    wb.properties.title = "สถิติการให้บริการ ปีงบประมาณ 2569"
    out = SITE / path
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    fix_zip(out, "2026-10-03")
    return path


# =========================================================================== IMAGES & ASSETS


def build_images(tmp: Path) -> None:
    from PIL import Image, ImageDraw, ImageFont

    img = SITE / "assets" / "img"
    img.mkdir(parents=True, exist_ok=True)
    font_path = "/usr/share/fonts/truetype/tlwg/Garuda-Bold.ttf"

    def font(size: int):
        try:
            return ImageFont.truetype(font_path, size)
        except OSError:
            return ImageFont.load_default()

    # logo: a navy/gold seal
    im = Image.new("RGBA", (168, 168), (0, 0, 0, 0))
    dr = ImageDraw.Draw(im)
    dr.ellipse((4, 4, 164, 164), fill=(20, 52, 110), outline=(212, 175, 55), width=8)
    dr.ellipse((34, 34, 134, 134), outline=(212, 175, 55), width=4)
    dr.polygon([(84, 46), (112, 118), (84, 100), (56, 118)], fill=(212, 175, 55))
    im.resize((84, 84), Image.Resampling.LANCZOS).save(img / "logo.png", optimize=True)
    im.resize((32, 32), Image.Resampling.LANCZOS).save(img / "favicon.png", optimize=True)

    # banners (text drawn with a TLWG font; raqm shapes Thai marks)
    banners = {
        "banner-ita.png": ((22, 86, 160), "ITA 2569", "คุณธรรมและความโปร่งใส"),
        "banner-complaint.png": ((170, 36, 36), "แจ้งเรื่องร้องเรียน", "การทุจริตและประพฤติมิชอบ"),
        "banner-nogift.png": ((28, 120, 80), "No Gift Policy", "งดให้ งดรับ ของขวัญ"),
        "banner-eservice.png": ((110, 60, 150), "E-Service", "บริการออนไลน์"),
    }
    for name, (color, line1, line2) in banners.items():
        im = Image.new("RGB", (220, 70), color)
        dr = ImageDraw.Draw(im)
        dr.rectangle((0, 0, 219, 69), outline=(255, 255, 255), width=2)
        dr.text((12, 6), line1, font=font(22), fill=(255, 255, 255))
        dr.text((12, 38), line2, font=font(15), fill=(255, 240, 200))
        im.save(img / name, optimize=True)

    # icons
    icons = {
        "icon-pdf.png": ((200, 30, 30), "PDF"), "icon-doc.png": ((30, 80, 180), "DOC"),
        "icon-xls.png": ((30, 130, 60), "XLS"), "icon-drive.png": ((250, 180, 0), "G"),
        "icon-link.png": ((90, 90, 90), "→"), "icon-facebook.png": ((59, 89, 152), "f"),
        "icon-youtube.png": ((220, 0, 0), "▶"), "icon-line.png": ((0, 185, 0), "L"),
        "icon-new.png": ((230, 40, 40), "NEW"),
    }
    for name, (color, label) in icons.items():
        w = 36 if label == "NEW" else 24
        im = Image.new("RGB", (w, 24), color)
        dr = ImageDraw.Draw(im)
        if label == "→":
            dr.polygon([(5, 10), (13, 10), (13, 5), (20, 12), (13, 19), (13, 14), (5, 14)],
                       fill=(255, 255, 255))
        elif label == "▶":
            dr.polygon([(8, 6), (18, 12), (8, 18)], fill=(255, 255, 255))
        else:
            dr.text((3, 4), label, font=font(11 if len(label) > 1 else 14), fill=(255, 255, 255))
        im.save(img / name, optimize=True)

    # portraits (fictional people, drawn silhouettes)
    people = ["director", "deputy1", "deputy2", "vacant"]
    shades = [(70, 90, 140), (140, 80, 110), (60, 120, 110), (170, 170, 170)]
    for who, shade in zip(people, shades, strict=True):
        im = Image.new("RGB", (240, 300), (228, 234, 242))
        dr = ImageDraw.Draw(im)
        if who == "vacant":
            dr.text((70, 135), "ว่าง", font=font(40), fill=(120, 120, 120))
        else:
            dr.ellipse((80, 50, 160, 140), fill=(222, 190, 160))
            dr.rectangle((78, 40, 162, 75), fill=(40, 30, 30))
            dr.pieslice((30, 150, 210, 380), 180, 360, fill=shade)
            dr.polygon([(120, 160), (105, 200), (135, 200)], fill=(240, 240, 240))
        im.save(img / f"exec-{who}.jpg", quality=70)

    # gallery photos: simple generated "scenes"
    gal = SITE / "gallery" / "img"
    gal.mkdir(parents=True, exist_ok=True)
    rng = random.Random(69)
    for i in range(1, 9):
        im = Image.new("RGB", (480, 320), (rng.randrange(120, 200), rng.randrange(150, 210), 235))
        dr = ImageDraw.Draw(im)
        dr.rectangle((0, 220, 480, 320), fill=(rng.randrange(60, 120), 140, 70))
        dr.rectangle((140, 110, 340, 230), fill=(235, 225, 200), outline=(120, 90, 60), width=3)
        dr.polygon([(130, 112), (240, 50), (350, 112)], fill=(170, 60, 40))
        for _ in range(9):
            x = rng.randrange(20, 440)
            dr.ellipse((x, 236, x + 18, 254), fill=(220, 180, 150))
            dr.rectangle((x - 2, 254, x + 20, 300), fill=(rng.randrange(255), 60, 120))
        im.save(gal / f"photo-{i}.jpg", quality=60)

    # organisation chart image for the structure page, from the chart PDF
    chart_pdf = SITE / "files/about/structure-chart-2569.pdf"
    stem = tmp / "chart"
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", str(chart_pdf), str(stem)],
                   check=True)
    im = Image.open(f"{stem}.png").convert("RGB")
    im = im.quantize(colors=32).convert("RGB")
    (SITE / "about" / "img").mkdir(parents=True, exist_ok=True)
    im.save(SITE / "about" / "img" / "structure-2569.png", optimize=True)


CSS = """
:root { --navy: #163a6e; --gold: #d4af37; --bg: #f3f5f9; }
* { box-sizing: border-box; }
body { margin: 0; font-family: 'Sarabun', 'Garuda', 'Loma', Tahoma, sans-serif; font-size: 16px;
       color: #222; background: var(--bg); line-height: 1.6; }
a { color: #0b4fa3; }
#topbar { background: #0e2a52; color: #cfd8e6; font-size: 13px; padding: 4px 18px;
          display: flex; justify-content: space-between; }
#topbar a { color: #fff; text-decoration: none; }
#header { background: linear-gradient(90deg, var(--navy), #2a5ea8); color: #fff;
          display: flex; align-items: center; gap: 16px; padding: 12px 24px; }
#header .brand-text { display: flex; flex-direction: column; }
#header .name-th { font-size: 24px; font-weight: bold; }
#header .name-en { font-size: 14px; color: var(--gold); }
.navbar { background: #fff; border-bottom: 3px solid var(--gold); }
.navbar ul.menu { list-style: none; margin: 0; padding: 0 16px; display: flex; flex-wrap: wrap; }
.navbar li { position: relative; }
.navbar li a { display: block; padding: 10px 14px; color: var(--navy); text-decoration: none;
               font-weight: bold; }
.navbar li:hover > a { background: var(--navy); color: #fff; }
.navbar .submenu { display: none; position: absolute; top: 100%; left: 0; background: #fff;
                   min-width: 260px; list-style: none; padding: 0; margin: 0; z-index: 10;
                   box-shadow: 0 4px 10px rgba(0,0,0,.15); }
.navbar .submenu a { font-weight: normal; }
.navbar li:hover .submenu { display: block; }
.container { display: flex; gap: 20px; max-width: 1200px; margin: 20px auto; padding: 0 12px; }
.sidebar { flex: 0 0 240px; }
.content { flex: 1; background: #fff; padding: 18px 26px; border-radius: 6px;
           box-shadow: 0 1px 4px rgba(0,0,0,.08); min-width: 0; }
.widget { background: #fff; margin-bottom: 16px; padding: 10px; border-radius: 6px; }
.widget h3 { margin: 0 0 6px; font-size: 16px; color: var(--navy);
             border-bottom: 2px solid var(--gold); }
.widget ul.links { padding-left: 18px; margin: 0; font-size: 14px; }
.director-card { text-align: center; }
.banners a { display: block; margin-bottom: 6px; }
.breadcrumb { font-size: 13px; color: #777; margin-bottom: 8px; }
.entry-title { color: var(--navy); font-size: 26px; margin-top: 0; }
.meta { color: #777; font-size: 14px; }
table.data { border-collapse: collapse; width: 100%; margin: 10px 0; font-size: 15px; }
table.data th, table.data td { border: 1px solid #cdd5e0; padding: 6px 8px; vertical-align: top; }
table.data th { background: #e8eef7; }
table.data tr.section td { background: #163a6e; color: #fff; font-weight: bold; }
table.data tr.sub td { background: #f2f5fa; font-weight: bold; }
.ocode { font-weight: bold; color: #a0261b; }
.news-list { list-style: none; padding: 0; }
.news-list li { border-bottom: 1px dashed #ccd; padding: 8px 0; display: flex; gap: 12px; }
.news-list img { width: 120px; height: 80px; object-fit: cover; }
.news-date { color: #888; font-size: 13px; }
.exec-grid { display: flex; flex-wrap: wrap; gap: 18px; }
.exec { width: 220px; text-align: center; background: #f7f9fc; padding: 10px; border-radius: 6px; }
.gallery { display: flex; flex-wrap: wrap; gap: 10px; }
.gallery figure { margin: 0; width: 230px; }
.gallery img { width: 230px; height: 153px; object-fit: cover; }
.note { background: #fff8e1; border-left: 4px solid var(--gold); padding: 8px 12px; }
.pending { color: #b36b00; font-style: italic; }
#footer { background: #0e2a52; color: #d9e2f0; padding: 18px 24px 8px; font-size: 14px; }
#footer a { color: #fff; }
.footer-cols { display: flex; gap: 40px; flex-wrap: wrap; }
.footer-cols h4 { color: var(--gold); margin: 0 0 6px; }
.copyright { border-top: 1px solid #2c4c7c; margin-top: 12px; padding-top: 8px; font-size: 12px; }
.cookie-note { font-size: 12px; color: #9fb2cf; }
"""

EMBED_CSS = """
body.embed { margin: 0; font-family: 'Sarabun', 'Garuda', Tahoma, sans-serif; font-size: 14px; }
body.embed table { border-collapse: collapse; width: 100%; }
body.embed td, body.embed th { border: 1px solid #ccd; padding: 4px 6px; }
body.embed th { background: #e8eef7; }
"""

JS = """// Thai date in the top bar and font-size buttons (the crawler never runs this)
(function () {
  var el = document.getElementById('today-th');
  if (el) {
    el.textContent = new Date().toLocaleDateString('th-TH',
      { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
  }
  document.querySelectorAll('[data-size]').forEach(function (a) {
    a.addEventListener('click', function (ev) {
      ev.preventDefault();
      var s = parseInt(a.getAttribute('data-size'), 10);
      document.body.style.fontSize = (16 + 2 * s) + 'px';
    });
  });
})();
"""


def build_assets() -> None:
    (SITE / "assets" / "css").mkdir(parents=True, exist_ok=True)
    (SITE / "assets" / "js").mkdir(parents=True, exist_ok=True)
    (SITE / "assets" / "css" / "style.css").write_text(CSS.lstrip(), encoding="utf-8")
    (SITE / "assets" / "css" / "embed.css").write_text(EMBED_CSS.lstrip(), encoding="utf-8")
    (SITE / "assets" / "js" / "main.js").write_text(JS, encoding="utf-8")


# =========================================================================== PAGES


def icon_link(href: str, icon: str, alt: str) -> str:
    ext = ' target="_blank" rel="noopener"' if href.startswith("http") else ""
    return (f'<a href="{href}"{ext}><img src="~/assets/img/{icon}" alt="{alt}" '
            f'width="24" height="24"></a>')


def ext_link(href: str, text: str) -> str:
    return f'<a href="{href}" target="_blank" rel="noopener">{text}</a>'


@dataclass
class News:
    path: str
    date: str
    style: str
    thai: bool
    title: str
    paras: list[str]
    photos: tuple[int, ...] = (1, 2)
    extra: str = ""
    author: str = "กลุ่มอำนวยการ (งานประชาสัมพันธ์)"
    views: int = 100
    kind: str = "news"          # news | job


NEWS: list[News] = [
    News("news/2569/news-1118.html", "2026-11-18", "full", True,
         "สพป.บางพระ เขต ๑ ประชุมผู้บริหารสถานศึกษา ครั้งที่ ๑๑/๒๕๖๙",
         [f"วันพุธที่ ๑๘ พฤศจิกายน ๒๕๖๙ {DIRECTOR} ผู้อำนวยการ{SHORT} เป็นประธานการประชุม"
          "ผู้บริหารสถานศึกษาในสังกัด ครั้งที่ ๑๑/๒๕๖๙ ณ หอประชุมเฉลิมพระเกียรติ "
          "เพื่อชี้แจงนโยบายและจุดเน้นของสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน ปีงบประมาณ พ.ศ. ๒๕๗๐",
          "ในการประชุมครั้งนี้ได้มอบหมายให้สถานศึกษาเตรียมความพร้อมการประเมินความสามารถด้านการอ่าน (RT)"
          " และการดูแลความปลอดภัยของนักเรียนในช่วงฤดูหนาว"],
         (1, 2), views=87),
    News("news/2569/news-1116.html", "2026-11-16", "abbr", True,
         "ผอ.สพป.บางพระ เขต ๑ ลงพื้นที่ติดตามการเปิดภาคเรียนที่ ๒/๒๕๖๙",
         [f"เมื่อวันที่ ๑๖ พฤศจิกายน ๒๕๖๙ {DIRECTOR} ผู้อำนวยการ{SHORT} พร้อมด้วยศึกษานิเทศก์"
          " ลงพื้นที่เยี่ยมโรงเรียนบ้านท่าทราย โรงเรียนวัดเขาแก้ว และโรงเรียนบ้านวังตะเคียน"
          " เพื่อให้กำลังใจครูและนักเรียนในวันเปิดภาคเรียนที่ ๒ ปีการศึกษา ๒๕๖๙",
          "พร้อมกันนี้ได้สอบถามการจัดซื้อหนังสือเรียนและอุปกรณ์การเรียนตามโครงการสนับสนุนค่าใช้จ่าย"
          "ในการจัดการศึกษาตั้งแต่ระดับอนุบาลจนจบการศึกษาขั้นพื้นฐาน ซึ่งโรงเรียนได้ดำเนินการตามระเบียบ"
          "กระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐ และนักเรียน"
          "ได้รับหนังสือเรียนครบทุกคนก่อนเปิดภาคเรียน",
          "ผู้อำนวยการได้ฝากให้โรงเรียนดูแลความสะอาดของโรงอาหารและน้ำดื่มสำหรับนักเรียน"],
         (3, 4), views=142),
    News("news/2569/news-1112.html", "2026-11-12", "slash", False,
         "พิธีมอบเกียรติบัตรครูดีเด่น ประจำปี ๒๕๖๙",
         ["สพป.บางพระ เขต ๑ จัดพิธีมอบเกียรติบัตรแก่ครูและบุคลากรทางการศึกษาที่ได้รับการคัดเลือก"
          "เป็นครูดีเด่น ประจำปี ๒๕๖๙ จำนวน ๒๔ ราย เพื่อยกย่องเชิดชูเกียรติและเป็นขวัญกำลังใจ",
          "ผู้ได้รับรางวัลจะได้รับการเสนอชื่อเข้ารับการคัดเลือกในระดับจังหวัดต่อไป"],
         (5,), views=76),
    News("news/2569/กีฬานักเรียน 2569.html", "2026-11-08", "abbr", False,
         "การแข่งขันกีฬานักเรียน สพป.บางพระ เขต ๑ ประจำปี ๒๕๖๙",
         ["ระหว่างวันที่ ๖–๘ พฤศจิกายน ๒๕๖๙ สพป.บางพระ เขต ๑ ร่วมกับสหวิทยาเขตทั้ง ๔ อำเภอ"
          " จัดการแข่งขันกีฬานักเรียน ณ สนามกีฬากลางจังหวัดบางพระ มีนักเรียนเข้าร่วมกว่า ๑,๒๐๐ คน",
          "ผลการแข่งขัน สหวิทยาเขตเมืองบางพระได้รับถ้วยรางวัลคะแนนรวมอันดับที่ ๑"],
         (6, 7, 8), views=231),
    News("news/2569/news-1105.html", "2026-11-05", "abbr2", True,
         "อบรมเชิงปฏิบัติการหลักสูตรต้านทุจริตศึกษา (Anti-Corruption Education) ปีงบประมาณ ๒๕๗๐",
         ["กลุ่มนิเทศฯ ร่วมกับกลุ่มกฎหมายและคดี จัดอบรมครูแกนนำ"
          "การใช้หลักสูตรต้านทุจริตศึกษา จำนวน ๑๑๘ คน จากโรงเรียนในสังกัดทุกแห่ง",
          "การอบรมเป็นกิจกรรมตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๗๐"
          " มุ่งปลูกฝังการแยกแยะประโยชน์ส่วนตนและประโยชน์ส่วนรวมให้กับนักเรียน"],
         (2,), views=95),
    News("news/2569/news-1028.html", "2026-10-28", "nodot", False,
         "สพป.บางพระ เขต ๑ ประกาศเจตนารมณ์ No Gift Policy ประจำปีงบประมาณ พ.ศ. ๒๕๗๐",
         [f"{DIRECTOR} ผู้อำนวยการ{SHORT} พร้อมด้วยรองผู้อำนวยการและบุคลากรทุกคน"
          " ร่วมประกาศเจตนารมณ์การไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)"
          " เพื่อสร้างวัฒนธรรมองค์กรที่โปร่งใส",
          "ทั้งนี้ ขอความร่วมมือผู้มาติดต่อราชการงดมอบของขวัญแก่บุคลากรในทุกเทศกาล"],
         (1,),
         extra='<p>เอกสารประกาศ (ฉบับลงนาม): <a href="~/files/ita2569/no-gift-2570-scan.pdf">'
               "ประกาศเจตนารมณ์ No Gift Policy ปีงบประมาณ ๒๕๗๐ (PDF)</a></p>",
         views=118),
    News("news/2569/news-1021.html", "2026-10-21", "abbr", True,
         "ต้อนรับคณะศึกษาดูงานจาก สพป.เขาแก้ว เขต ๒",
         ["สพป.บางพระ เขต ๑ ให้การต้อนรับคณะผู้บริหารและบุคลากรจาก สพป.เขาแก้ว เขต ๒"
          " ที่มาศึกษาดูงานการเปิดเผยข้อมูลสาธารณะและการให้บริการผ่านช่องทางออนไลน์"],
         (4,), views=64),
    News("news/2569/news-1013.html", "2026-10-13", "full", True,
         "พิธีวางพวงมาลา เนื่องในวันนวมินทรมหาราช ๑๓ ตุลาคม ๒๕๖๙",
         ["ผู้บริหารและบุคลากร สพป.บางพระ เขต ๑ ร่วมพิธีวางพวงมาลาและถวายบังคม"
          " ณ ศาลากลางจังหวัดบางพระ เพื่อน้อมรำลึกในพระมหากรุณาธิคุณ"],
         (5,), views=59),
    News("news/2569/news-1001.html", "2026-10-01", "full", False,
         "ผอ.สพป.บางพระ เขต ๑ ประกาศเจตจำนงสุจริตในการบริหารงาน ปีงบประมาณ ๒๕๗๐",
         [f"วันที่ 1 ตุลาคม 2569 {DIRECTOR} ผู้อำนวยการ{SHORT} ประกาศเจตจำนงสุจริตในการบริหารงาน"
          " ประจำปีงบประมาณ พ.ศ. ๒๕๗๐ ต่อหน้าข้าราชการ ลูกจ้าง และผู้บริหารสถานศึกษา"
          " ณ ห้องประชุมบางพระ ๑"],
         (3,),
         extra='<p>ดาวน์โหลด: <a href="~/files/ita2569/ประกาศเจตจำนงสุจริต 2570.pdf">'
               "ประกาศเจตจำนงสุจริตในการบริหารงาน ประจำปีงบประมาณ พ.ศ. ๒๕๗๐</a></p>",
         views=203),
    News("news/2569/news-0925.html", "2026-09-25", "abbr", True,
         "งานมุทิตาจิตผู้เกษียณอายุราชการ ประจำปี ๒๕๖๙",
         ["สพป.บางพระ เขต ๑ จัดงานมุทิตาจิตแด่ผู้เกษียณอายุราชการ จำนวน ๓๗ ท่าน"
          " ณ หอประชุมเฉลิมพระเกียรติ"],
         (6,), views=188),
    News("news/2569/news-0910.html", "2026-09-10", "abbr2", False,
         "เชิญร่วมแสดงความคิดเห็นต่อการจัดการศึกษาของ สพป.บางพระ เขต ๑",
         ["สพป.บางพระ เขต ๑ เปิดโอกาสให้ผู้ปกครอง ชุมชน และผู้มีส่วนได้ส่วนเสีย ร่วมแสดงความคิดเห็น"
          "ต่อการจัดการศึกษา ผ่านแบบรับฟังความคิดเห็นออนไลน์ ตั้งแต่วันนี้ถึง ๓๐ กันยายน ๒๕๖๙"],
         (),
         extra=f'<p>{ext_link(gform("opinion-2569"), "แบบรับฟังความคิดเห็น (Google Form)")}</p>',
         views=54),
    News("news/2569/news-0820.html", "2026-08-20", "full", True,
         "ผลการแข่งขันศิลปหัตถกรรมนักเรียน ระดับเขตพื้นที่การศึกษา ครั้งที่ ๗๓",
         ["สพป.บางพระ เขต ๑ ประกาศผลการแข่งขันศิลปหัตถกรรมนักเรียน ระดับเขตพื้นที่การศึกษา"
          " ครั้งที่ ๗๓ ปีการศึกษา ๒๕๖๙ ผู้ได้รับเหรียญทองอันดับ ๑–๓ เป็นตัวแทนระดับภาค"],
         (7,), views=402),
    # job postings: recruitment, not PR news
    News("news/2569/job-teacher-1110.html", "2026-11-10", "full_ps", True,
         "ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นลูกจ้างชั่วคราว ตำแหน่งครูอัตราจ้าง",
         [f"ด้วย{OFFICE} ประสงค์จะรับสมัครบุคคลเพื่อเลือกสรรเป็นลูกจ้างชั่วคราว ตำแหน่งครูอัตราจ้าง"
          " วิชาเอกคณิตศาสตร์ ๒ อัตรา และวิชาเอกภาษาอังกฤษ ๑ อัตรา อัตราค่าจ้างเดือนละ ๑๕,๐๐๐ บาท",
          "รับสมัครระหว่างวันที่ ๑๖–๒๐ พฤศจิกายน ๒๕๖๙ ณ กลุ่มบริหารงานบุคคล ในวันและเวลาราชการ",
          "คุณสมบัติ: มีใบอนุญาตประกอบวิชาชีพครู สัญชาติไทย อายุไม่ต่ำกว่า ๑๘ ปี"],
         (), author="กลุ่มบริหารงานบุคคล", views=1240, kind="job"),
    News("news/2569/job-clerk-0915.html", "2026-09-15", "abbr", True,
         "รับสมัครเจ้าหน้าที่ธุรการโรงเรียน (ลูกจ้างชั่วคราว)",
         ["รับสมัครบุคคลเพื่อเลือกสรรเป็นลูกจ้างชั่วคราว ตำแหน่งเจ้าหน้าที่ธุรการโรงเรียน ๕ อัตรา"
          " รับสมัครวันที่ ๒๑–๒๕ กันยายน ๒๕๖๙"],
         (), author="กลุ่มบริหารงานบุคคล", views=980, kind="job"),
    # older items (FY 2568) on page 2
    News("news/2568/news-0620.html", "2025-06-20", "full", True,
         "สพป.บางพระ เขต ๑ จัดกิจกรรมวันต่อต้านยาเสพติดโลก",
         ["สพป.บางพระ เขต ๑ ร่วมกับโรงเรียนในสังกัด จัดกิจกรรมรณรงค์เนื่องในวันต่อต้านยาเสพติดโลก"
          " ๒๖ มิถุนายน ๒๕๖๘"],
         (8,), views=311),
    News("news/2568/news-0305.html", "2025-03-05", "abbr", True,
         "ประชุมชี้แจงการรับนักเรียน ปีการศึกษา ๒๕๖๘",
         ["สพป.บางพระ เขต ๑ ประชุมชี้แจงหลักเกณฑ์และวิธีการรับนักเรียน ปีการศึกษา ๒๕๖๘"
          " แก่ผู้บริหารสถานศึกษาในสังกัด"],
         (2,), views=276),
]


def news_pages() -> None:
    for n in NEWS:
        date_text = thd(n.date, n.style, n.thai)
        photos = "".join(
            f'<figure><img src="~/gallery/img/photo-{i}.jpg" alt="ภาพกิจกรรม {esc(n.title)}">'
            "</figure>" for i in n.photos)
        paras = "".join(f"<p>{p}</p>" for p in n.paras)
        share = urllib.parse.quote("https://www.bangphra1.go.th/" + n.path, safe="")
        body = (f'    <p class="meta">วันที่ {date_text} | โดย {n.author} | อ่าน {th(n.views)} ครั้ง</p>\n'
                f"    {paras}\n    {n.extra}\n"
                f'    <div class="gallery">{photos}</div>\n'
                f'    <p class="share"><a href="https://www.facebook.com/sharer/sharer.php?u={share}"'
                ' target="_blank" rel="noopener">แชร์ Facebook</a></p>\n'
                '    <p><a href="~/news/index.html">« กลับหน้ารวมข่าว</a></p>')
        crumbs = ("ข่าวรับสมัครงาน",) if n.kind == "job" else ("ข่าวประชาสัมพันธ์",)
        page(n.path, n.title, body, crumbs=crumbs, lastmod=n.date)

    def item(n: News) -> str:
        thumb = (f'<img src="~/gallery/img/photo-{n.photos[0]}.jpg" alt="">' if n.photos else "")
        return (f'<li>{thumb}<div><a href="~/{n.path}">{esc(n.title)}</a><br>'
                f'<span class="news-date">{thd(n.date, "abbr", True)}</span></div></li>')

    current = [n for n in NEWS if n.kind == "news" and n.date >= "2026-01-01"]
    older = [n for n in NEWS if n.kind == "news" and n.date < "2026-01-01"]
    page("news/index.html", "ข่าวประชาสัมพันธ์",
         '    <ul class="news-list">' + "".join(item(n) for n in current) + "</ul>\n"
         '    <p>หน้า 1 | <a href="page2.html">2</a> | <a href="page2.html">ถัดไป »</a></p>\n'
         f'    <p>ติดตามข่าวสารเพิ่มเติมทาง {ext_link(FACEBOOK, "Facebook เพจประชาสัมพันธ์ สพป.บางพระ เขต ๑")}'
         ' และ <a href="~/files/news/newsletter-2569-10.pdf">จดหมายข่าว ฉบับเดือนตุลาคม ๒๕๖๙</a></p>',
         lastmod="2026-11-18")
    page("news/page2.html", "ข่าวประชาสัมพันธ์ (หน้า ๒)",
         '    <ul class="news-list">' + "".join(item(n) for n in older)
         + '<li><div><a href="~/news/2568/news-0712.html">สพป.บางพระ เขต ๑ ร่วมกิจกรรมจิตอาสา'
         ' เนื่องในวันเฉลิมพระชนมพรรษา</a><br><span class="news-date">๑๒ ก.ค. ๒๕๖๘</span></div></li>'
         "</ul>\n"
         '    <p><a href="index.html">« ก่อนหน้า</a> | <a href="index.html">1</a> | หน้า 2</p>',
         crumbs=("ข่าวประชาสัมพันธ์",), lastmod="2025-07-12")
    jobs = [n for n in NEWS if n.kind == "job"]
    page("news/jobs.html", "ข่าวรับสมัครงาน",
         '    <ul class="news-list">' + "".join(item(n) for n in jobs) + "</ul>",
         lastmod="2026-11-10")


EXECUTIVES = [
    ("director", DIRECTOR, f"ผู้อำนวยการ{OFFICE}", "๐๘ ๑๒๓๔ ๕๖๗๘", "somkiat.j@bangphra1.go.th"),
    ("deputy1", "นางวราภรณ์ ศรีสุขใส", f"รองผู้อำนวยการ{OFFICE}", "๐๘ ๙๘๗๖ ๕๔๓๒",
     "waraporn.s@bangphra1.go.th"),
    ("deputy2", "นายธนพล รุ่งเรืองวิทย์", f"รองผู้อำนวยการ{OFFICE}", "๐๘ ๖๕๔๓ ๒๑๐๙",
     "thanaphon.r@bangphra1.go.th"),
    ("vacant", "ตำแหน่งว่าง", f"รองผู้อำนวยการ{OFFICE}", "-", "-"),
]


def home_page() -> None:
    latest = [n for n in NEWS if n.kind == "news"][:6]
    news = "".join(
        f'<li><img src="~/gallery/img/photo-{(n.photos or (1,))[0]}.jpg" alt="">'
        f'<div><a href="~/{n.path}">{esc(n.title)}</a><br>'
        f'<span class="news-date">{thd(n.date, "abbr", True)}</span></div></li>' for n in latest)
    body = f"""    <div class="note">ยินดีต้อนรับสู่เว็บไซต์{OFFICE} · สถานศึกษาในสังกัด ๑๑๘ แห่ง ใน ๔ อำเภอ</div>
    <h2>ข่าวประชาสัมพันธ์ล่าสุด</h2>
    <ul class="news-list">{news}</ul>
    <p><a href="~/news/index.html">ดูข่าวทั้งหมด »</a></p>
    <h2>ข่าวจัดซื้อจัดจ้าง</h2>
    <ul>
      <li><a href="~/procurement/announce-2569-11-13.html">ประกาศผู้ชนะการเสนอราคา ซื้อวัสดุคอมพิวเตอร์ โดยวิธีเฉพาะเจาะจง</a> <img src="~/assets/img/icon-new.png" alt="ใหม่" width="36" height="24"> <span class="news-date">๑๓ พ.ย. ๒๕๖๙</span></li>
      <li><a href="~/procurement/announce-2569-10-30.html">ประกาศเชิญชวน ประกวดราคาจ้างปรับปรุงอาคารสำนักงาน ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)</a> <span class="news-date">๓๐ ต.ค. ๒๕๖๙</span></li>
      <li><a href="~/procurement/announce-2569-10-20.html">ประกาศราคากลาง โครงการจ้างปรับปรุงอาคารสำนักงาน</a> <span class="news-date">๒๐ ต.ค. ๒๕๖๙</span></li>
    </ul>
    <p><a href="~/procurement/index.html">ข่าวจัดซื้อจัดจ้างทั้งหมด »</a></p>
    <h2>วีดิทัศน์แนะนำสำนักงาน</h2>
    <iframe width="560" height="315" src="https://www.youtube.com/embed/{gid('intro-video', 11)}" title="วีดิทัศน์แนะนำ สพป.บางพระ เขต ๑" allowfullscreen></iframe>
    <h2>ลิงก์หน่วยงาน</h2>
    <ul>
      <li>{ext_link("https://www.moe.go.th/", "กระทรวงศึกษาธิการ")}</li>
      <li>{ext_link("https://www.obec.go.th/", "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน")}</li>
      <li>{ext_link("https://www.nacc.go.th/", "สำนักงาน ป.ป.ช.")}</li>
    </ul>"""
    page("index.html", "หน้าแรก", body, lastmod="2026-11-18", h1=f"ยินดีต้อนรับ · {SHORT}")


def about_pages() -> None:
    page("about/ประวัติความเป็นมา.html", "ประวัติความเป็นมา", f"""    <p>{OFFICE} จัดตั้งขึ้นตามพระราชบัญญัติระเบียบบริหารราชการกระทรวงศึกษาธิการ พ.ศ. ๒๕๔๖
    โดยรวมสำนักงานการประถมศึกษาจังหวัดและสำนักงานการประถมศึกษาอำเภอเดิมเข้าด้วยกัน
    เริ่มปฏิบัติงานในฐานะสำนักงานเขตพื้นที่การศึกษาเมื่อวันที่ ๗ กรกฎาคม ๒๕๔๖
    และเปลี่ยนชื่อเป็นสำนักงานเขตพื้นที่การศึกษาประถมศึกษาในปี พ.ศ. ๒๕๕๓</p>
    <p>ปัจจุบันรับผิดชอบการจัดการศึกษาขั้นพื้นฐานในอำเภอเมืองบางพระ อำเภอท่าทราย อำเภอเขาแก้ว
    และอำเภอวังตะเคียน มีสถานศึกษาในสังกัด ๑๑๘ แห่ง</p>""",
         crumbs=("เกี่ยวกับเรา",), lastmod="2024-02-01")

    page("about/vision.html", "วิสัยทัศน์ พันธกิจ เป้าประสงค์", f"""    <h2>วิสัยทัศน์ (Vision)</h2>
    <p>“{SHORT} เป็นองค์กรแห่งคุณภาพ บริหารจัดการด้วยหลักธรรมาภิบาล ผู้เรียนมีคุณภาพตามมาตรฐาน
    มีทักษะในศตวรรษที่ ๒๑ บนพื้นฐานความเป็นไทย”</p>
    <h2>พันธกิจ</h2>
    <ol><li>ส่งเสริม สนับสนุนการจัดการศึกษาขั้นพื้นฐานให้ทั่วถึงและมีคุณภาพ</li>
    <li>พัฒนาครูและบุคลากรทางการศึกษาให้มีสมรรถนะตามมาตรฐานวิชาชีพ</li>
    <li>บริหารจัดการอย่างมีประสิทธิภาพ โปร่งใส ตรวจสอบได้</li></ol>
    <h2>ค่านิยมองค์กร</h2><p>“บางพระหนึ่ง ทำงานเป็นทีม ยิ้มแย้มบริการ”</p>
    <p class="meta">ที่มา: <a href="~/files/plan/strategic-plan-2566-2570.pdf">แผนพัฒนาการศึกษา ระยะ ๕ ปี
    (พ.ศ. ๒๕๖๖–๒๕๗๐) ฉบับทบทวน พ.ศ. ๒๕๖๙</a></p>""",
         crumbs=("เกี่ยวกับเรา",), lastmod="2026-07-01")

    group_links = "".join(
        f'<li><a href="~/group/{slug}.html">{name}</a> – {head}</li>'
        for slug, name, head, _, _ in GROUPS if slug != "hr")
    page("about/structure.html", "โครงสร้างองค์กร", f"""    <p class="meta">ข้อมูล ณ วันที่ ๑ ตุลาคม ๒๕๖๙</p>
    <p><img src="img/structure-2569.png" alt="แผนภูมิโครงสร้างการบริหารงาน {SHORT}" style="max-width:100%"></p>
    <p><img src="~/assets/img/icon-pdf.png" alt="" width="24" height="24">
    <a href="~/files/about/structure-chart-2569.pdf">ดาวน์โหลดแผนภูมิโครงสร้างการบริหารงาน (PDF)</a></p>
    <h2>การแบ่งส่วนราชการภายใน</h2>
    <p>ตามกฎกระทรวงแบ่งส่วนราชการ {OFFICE} แบ่งส่วนราชการภายในดังนี้</p>
    <ul>{group_links}
    <li><a href="~/hr/index.html">กลุ่มบริหารงานบุคคล</a> – นางสุภาพร มั่นคง</li></ul>""",
         crumbs=("เกี่ยวกับเรา",), lastmod="2026-10-01")

    cards = "".join(
        f'<div class="exec"><img src="~/assets/img/exec-{slug}.jpg" alt="{name}" width="160" height="200">'
        f"<p><strong>{name}</strong><br>{title}<br>โทร. {phone}<br>อีเมล {mail}</p></div>"
        for slug, name, title, phone, mail in EXECUTIVES)
    page("about/executives.html", "ข้อมูลผู้บริหาร", f"""    <p class="meta">ข้อมูล ณ วันที่ ๑๖ ตุลาคม ๒๕๖๙</p>
    <div class="exec-grid">{cards}</div>
    <p>ผู้อำนวยการกลุ่มและหน่วย: ดู<a href="structure.html">โครงสร้างองค์กร</a></p>""",
         crumbs=("เกี่ยวกับเรา",), lastmod="2026-10-16", h1="ผู้บริหารสำนักงานเขตพื้นที่การศึกษา")

    duties = [
        "จัดทำนโยบาย แผนพัฒนา และมาตรฐานการศึกษาของเขตพื้นที่การศึกษาให้สอดคล้องกับนโยบาย"
        " มาตรฐานการศึกษา แผนการศึกษา แผนพัฒนาการศึกษาขั้นพื้นฐาน และความต้องการของท้องถิ่น",
        "วิเคราะห์การจัดตั้งงบประมาณเงินอุดหนุนทั่วไปของสถานศึกษา และแจ้งการจัดสรรงบประมาณ"
        "ที่ได้รับให้หน่วยงานข้างต้นรับทราบ รวมทั้งกำกับ ตรวจสอบ และติดตามการใช้จ่ายงบประมาณของหน่วยงานดังกล่าว",
        "ประสาน ส่งเสริม สนับสนุน และพัฒนาหลักสูตรร่วมกับสถานศึกษาในเขตพื้นที่การศึกษา",
        "กำกับ ดูแล ติดตาม และประเมินผลสถานศึกษาขั้นพื้นฐานในเขตพื้นที่การศึกษา",
        "ศึกษา วิเคราะห์ วิจัย และรวบรวมข้อมูลสารสนเทศด้านการศึกษาในเขตพื้นที่การศึกษา",
        "ประสานการระดมทรัพยากรด้านต่าง ๆ รวมทั้งทรัพยากรบุคคล เพื่อส่งเสริมสนับสนุนการจัดและพัฒนาการศึกษา",
        "จัดระบบการประกันคุณภาพการศึกษาและประเมินผลสถานศึกษาในเขตพื้นที่การศึกษา",
        "ประสาน ส่งเสริม สนับสนุนการจัดการศึกษาของสถานศึกษาเอกชน องค์กรปกครองส่วนท้องถิ่น"
        " รวมทั้งบุคคล องค์กรชุมชน องค์กรเอกชน องค์กรวิชาชีพ สถาบันศาสนา สถานประกอบการ",
        "ดำเนินการและประสาน ส่งเสริม สนับสนุนการวิจัยและพัฒนาการศึกษาในเขตพื้นที่การศึกษา",
        "ประสานการปฏิบัติราชการทั่วไปกับองค์กรหรือหน่วยงานต่าง ๆ ทั้งภาครัฐ ภาคเอกชน"
        " และองค์กรปกครองส่วนท้องถิ่นในฐานะสำนักงานเขตพื้นที่การศึกษา",
        "ปฏิบัติหน้าที่อื่นเกี่ยวกับกิจการภายในเขตพื้นที่การศึกษาที่มิได้ระบุให้เป็นหน้าที่ของหน่วยงานใดโดยเฉพาะ"
        " หรือปฏิบัติงานอื่นตามที่ได้รับมอบหมาย",
    ]
    lis = "".join(f"<li>{d}</li>" for d in duties)
    page("about/authority.html", "หน้าที่และอำนาจ", f"""    <p>{OFFICE} มีหน้าที่และอำนาจตามพระราชบัญญัติระเบียบบริหารราชการกระทรวงศึกษาธิการ
    พ.ศ. ๒๕๔๖ มาตรา ๓๗ และกฎกระทรวงว่าด้วยการแบ่งส่วนราชการ ดังต่อไปนี้</p>
    <ol>{lis}</ol>""", crumbs=("เกี่ยวกับเรา",), lastmod="2025-02-10")

    page("about/director-message.html", "สารจากผู้อำนวยการ", f"""    <p><img src="~/assets/img/exec-director.jpg" alt="{DIRECTOR}" width="160" height="200" style="float:right;margin-left:12px"></p>
    <p>เรียน เพื่อนครู บุคลากรทางการศึกษา ผู้ปกครอง และผู้มีส่วนได้ส่วนเสียทุกท่าน</p>
    <p>ในโอกาสเริ่มต้นปีงบประมาณใหม่ ผมขอขอบคุณทุกท่านที่ร่วมกันดูแลการศึกษาของลูกหลานชาวบางพระ
    ผมเชื่อมั่นว่าการทำงานเป็นทีม ความซื่อสัตย์ และการเปิดใจรับฟังกัน จะทำให้โรงเรียนของเรา
    เป็นที่พึ่งของชุมชนได้อย่างแท้จริง ขอให้ทุกท่านมีพลังกายและพลังใจในการทำงานต่อไป</p>
    <p style="text-align:right">({DIRECTOR})<br>ผู้อำนวยการ{OFFICE}<br>ตุลาคม ๒๕๖๙</p>""",
         crumbs=("เกี่ยวกับเรา",), lastmod="2026-10-05")

    former = [("นายประเสริฐ มั่นคงดี", "๒๕๔๖ – ๒๕๕๒"), ("นายบุญส่ง ทองคำ", "๒๕๕๒ – ๒๕๕๘"),
              ("นางสุนทรี แก้วประเสริฐ", "๒๕๕๘ – ๒๕๖๓"), ("นายอำนาจ ศรีบางพระ", "๒๕๖๓ – ๒๕๖๗"),
              (DIRECTOR, "๒๕๖๗ – ปัจจุบัน")]
    rows = "".join(f"<tr><td>{th(i + 1)}</td><td>{n}</td><td>{y}</td></tr>"
                   for i, (n, y) in enumerate(former))
    page("about/former-directors.html", "ทำเนียบผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา",
         '    <table class="data"><tr><th>ลำดับ</th><th>ชื่อ–สกุล</th><th>ปีที่ดำรงตำแหน่ง</th></tr>'
         f"{rows}</table>", crumbs=("เกี่ยวกับเรา",), lastmod="2024-11-01")

    page("about/policy.html", "นโยบายและจุดเน้น ปีงบประมาณ พ.ศ. ๒๕๗๐", f"""    <p class="meta">ประกาศ ณ วันที่ ๒๕ ตุลาคม ๒๕๖๙</p>
    <p>{OFFICE} กำหนดนโยบายและจุดเน้นในการบริหารจัดการศึกษา ประจำปีงบประมาณ พ.ศ. ๒๕๗๐
    ให้สอดคล้องกับนโยบายของกระทรวงศึกษาธิการและสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน ดังนี้</p>
    <ol><li>ความปลอดภัยของผู้เรียน ครู และสถานศึกษา</li>
    <li>ยกระดับการอ่านออกเขียนได้และคณิตศาสตร์พื้นฐาน</li>
    <li>ลดภาระครูและบุคลากรทางการศึกษา</li>
    <li>บริหารจัดการด้วยความโปร่งใส เปิดเผยข้อมูลต่อสาธารณะ</li></ol>
    <p>ดูเพิ่มเติม: <a href="~/files/plan/strategic-plan-2566-2570.pdf">แผนพัฒนาการศึกษา ระยะ ๕ ปี (พ.ศ. ๒๕๖๖–๒๕๗๐)</a></p>""",
         crumbs=("เกี่ยวกับเรา",), lastmod="2026-10-25")

    districts = [("อำเภอเมืองบางพระ", 34, ["โรงเรียนอนุบาลบางพระ", "โรงเรียนบ้านหนองน้ำใส"]),
                 ("อำเภอท่าทราย", 29, ["โรงเรียนบ้านท่าทราย", "โรงเรียนวัดคลองใหญ่"]),
                 ("อำเภอเขาแก้ว", 31, ["โรงเรียนวัดเขาแก้ว", "โรงเรียนบ้านห้วยหิน"]),
                 ("อำเภอวังตะเคียน", 24, ["โรงเรียนบ้านวังตะเคียน", "โรงเรียนบ้านโคกสูง"])]
    rows = "".join(f"<tr><td>{d}</td><td>{th(n)}</td><td>{', '.join(ex)} ฯลฯ</td></tr>"
                   for d, n, ex in districts)
    page("about/schools.html", "สถานศึกษาในสังกัด",
         '    <table class="data"><tr><th>อำเภอ</th><th>จำนวนโรงเรียน</th><th>ตัวอย่าง</th></tr>'
         f"{rows}<tr><td><b>รวม</b></td><td><b>๑๑๘</b></td><td></td></tr></table>",
         crumbs=("เกี่ยวกับเรา",), lastmod="2025-06-10")


def group_pages() -> None:
    staff_names = ["นางสาวกานดา", "นายชาตรี", "นางดวงใจ", "นายณัฐวุฒิ", "นางสาวปิยะนุช", "นายสุรเชษฐ์"]
    for i, (slug, name, head, ext, duties) in enumerate(GROUPS):
        lis = "".join(f"<li>{d}</li>" for d in duties)
        staff = "".join(f"<tr><td>{staff_names[(i + k) % 6]} {['ใจงาม', 'พากเพียร', 'สุขสม'][k]}</td>"
                        f"<td>{['นักจัดการงานทั่วไป', 'เจ้าพนักงานธุรการ', 'ลูกจ้างชั่วคราว'][k]}</td></tr>"
                        for k in range(3))
        extra = ""
        if slug == "plan":
            extra = ('<h2>เอกสารของกลุ่ม</h2><ul><li><a href="~/plan/index.html">'
                     "แผนปฏิบัติการประจำปีและรายงานผลการดำเนินงาน</a></li>"
                     '<li><a href="~/files/plan/strategic-plan-2566-2570.pdf">แผนพัฒนาการศึกษา ระยะ ๕ ปี</a></li></ul>')
        elif slug == "finance":
            extra = ('<h2>งานพัสดุ</h2><ul><li><a href="~/procurement/index.html">ข่าวจัดซื้อจัดจ้าง</a></li>'
                     '<li><a href="~/group/asset-check-2569.html">รายงานผลการตรวจสอบพัสดุประจำปี ๒๕๖๙</a></li></ul>')
        elif slug == "audit":
            extra = ("<h2>การควบคุมภายใน</h2>"
                     "<p>รายงานการประเมินผลการควบคุมภายใน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ (แบบ ปค.๔ และ ปค.๕)"
                     " และรายงานการบริหารความเสี่ยงองค์กร จัดส่งสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน"
                     " เมื่อวันที่ ๒๗ ตุลาคม ๒๕๖๙</p>"
                     f'<p>{ext_link(gdrive_file("internal-control-2569"), "ดาวน์โหลดรายงานการควบคุมภายใน ปีงบประมาณ ๒๕๖๙")}</p>')
        elif slug == "legal":
            extra = ('<h2>ลิงก์</h2><ul><li><a href="~/complaint.html">แจ้งเรื่องร้องเรียนการทุจริต</a></li>'
                     '<li><a href="~/ita/ethics.html">ประมวลจริยธรรม</a></li></ul>')
        lastmod = "2024-06-10" if slug != "audit" else "2026-10-27"
        page(f"group/{slug}.html", name, f"""    <p>ผู้อำนวยการกลุ่ม: <strong>{head}</strong> · โทรศัพท์ {PHONE} ต่อ {ext}</p>
    <h2>ขอบข่ายภารกิจ</h2>
    <ul>{lis}</ul>
    <h2>บุคลากร</h2>
    <table class="data"><tr><th>ชื่อ–สกุล</th><th>ตำแหน่ง</th></tr>{staff}</table>
    {extra}""", crumbs=("เกี่ยวกับเรา", "โครงสร้างองค์กร"), lastmod=lastmod)

    page("group/asset-check-2569.html", "รายงานผลการตรวจสอบพัสดุประจำปี ๒๕๖๙",
         f"""    <p class="meta">วันที่ ๑๕ ต.ค. ๒๕๖๙ | กลุ่มบริหารงานการเงินและสินทรัพย์</p>
    <p>คณะกรรมการตรวจสอบพัสดุประจำปีได้ตรวจนับวัสดุและครุภัณฑ์คงเหลือ ณ วันที่ ๓๐ กันยายน ๒๕๖๙
    พบว่าครุภัณฑ์อยู่ในสภาพใช้งานได้ ๖๑๒ รายการ ชำรุดรอจำหน่าย ๒๘ รายการ และได้ปรับปรุงทะเบียนครุภัณฑ์เรียบร้อยแล้ว</p>
    <p>{ext_link(gdrive_file("asset-check-2569"), "บัญชีวัสดุและทะเบียนครุภัณฑ์คงเหลือ (PDF)")}</p>""",
         crumbs=("กลุ่มบริหารงานการเงินและสินทรัพย์",), lastmod="2026-10-15")


def plan_page() -> None:
    page("plan/index.html", "แผนปฏิบัติการประจำปีและรายงานผลการดำเนินงาน", """    <p>กลุ่มนโยบายและแผน เผยแพร่แผนปฏิบัติการประจำปีและรายงานผลการดำเนินงานของสำนักงาน</p>
    <table class="data">
      <tr><th>วันที่เผยแพร่</th><th>เอกสาร</th><th>ไฟล์</th></tr>
      <tr><td>๒๒ เม.ย. ๒๕๖๗</td><td>รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ รอบ ๖ เดือน ปีงบประมาณ ๒๕๖๗</td>
          <td><a href="~/files/plan/report-6m-2567.pdf"><img src="~/assets/img/icon-pdf.png" alt="ดาวน์โหลด PDF" width="24" height="24"></a></td></tr>
      <tr><td>๒๐ ธ.ค. ๒๕๖๖</td><td>รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. ๒๕๖๖</td>
          <td><a href="~/files/plan/annual-report-2566.pdf">ดาวน์โหลด</a></td></tr>
      <tr><td>๓๐ พ.ย. ๒๕๖๖</td><td>แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๗</td>
          <td><a href="~/files/plan/action-plan-2567.pdf">ดาวน์โหลด</a></td></tr>
      <tr><td>๑๕ ธ.ค. ๒๕๖๕</td><td>แผนปฏิบัติการประจำปีงบประมาณ ๒๕๖๖</td>
          <td><a href="~/files/plan/action-plan-2566.pdf">ดาวน์โหลด</a></td></tr>
    </table>
    <p class="meta">ปรับปรุงข้อมูลล่าสุด ๒๒ เมษายน ๒๕๖๗</p>""",
         crumbs=("กลุ่มนโยบายและแผน",), lastmod="2024-04-22")


ANNOUNCEMENTS = [
    ("procurement/announce-2569-11-13.html", "2026-11-13",
     "ประกาศผู้ชนะการเสนอราคา ซื้อวัสดุคอมพิวเตอร์ โดยวิธีเฉพาะเจาะจง",
     "ตามที่ " + OFFICE + " ได้มีโครงการซื้อวัสดุคอมพิวเตอร์ จำนวน ๑๒ รายการ โดยวิธีเฉพาะเจาะจง นั้น"
     " ผู้ได้รับการคัดเลือก ได้แก่ บริษัท สยามไอทีซัพพลาย จำกัด โดยเสนอราคาเป็นเงินทั้งสิ้น ๓๑,๙๘๐ บาท"
     " (สามหมื่นหนึ่งพันเก้าร้อยแปดสิบบาทถ้วน) ซึ่งเป็นราคารวมภาษีมูลค่าเพิ่มแล้ว", "69119012345"),
    ("procurement/announce-2569-10-30.html", "2026-10-30",
     "ประกาศเชิญชวน ประกวดราคาจ้างปรับปรุงอาคารสำนักงาน ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
     OFFICE + " มีความประสงค์จะประกวดราคาจ้างปรับปรุงอาคารสำนักงาน (หลังคาและระบบระบายน้ำ)"
     " ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding) ราคากลางของงานจ้างในการประกวดราคาครั้งนี้"
     " เป็นเงินทั้งสิ้น ๑,๘๕๐,๐๐๐ บาท กำหนดยื่นข้อเสนอในวันที่ ๑๓ พฤศจิกายน ๒๕๖๙"
     " ผู้สนใจดูรายละเอียดได้ที่เว็บไซต์ www.gprocurement.go.th", "69109087654"),
    ("procurement/announce-2569-10-20.html", "2026-10-20",
     "ประกาศราคากลาง โครงการจ้างปรับปรุงอาคารสำนักงาน",
     "ตารางแสดงวงเงินงบประมาณที่ได้รับจัดสรรและราคากลางในงานจ้างก่อสร้าง"
     " โครงการจ้างปรับปรุงอาคารสำนักงาน วงเงินงบประมาณ ๑,๙๐๐,๐๐๐ บาท ราคากลาง ๑,๘๕๐,๐๐๐ บาท"
     " คำนวณราคากลาง ณ วันที่ ๑๘ ตุลาคม ๒๕๖๙", "69109087654"),
    ("procurement/announce-2569-09-29.html", "2026-09-29",
     "ประกาศผู้ชนะการเสนอราคา จ้างเหมาบริการทำความสะอาด ประจำปีงบประมาณ พ.ศ. ๒๕๗๐",
     "ผู้ได้รับการคัดเลือก ได้แก่ ห้างหุ้นส่วนจำกัด วังตะเคียนคลีนนิ่ง เสนอราคาเป็นเงินทั้งสิ้น"
     " ๒๓๘,๘๐๐ บาท โดยวิธีเฉพาะเจาะจง", "69099011122"),
]


def procurement_pages() -> None:
    for path, date, title, text, pid in ANNOUNCEMENTS:
        page(path, title, f"""    <p class="meta">ประกาศเมื่อ {thd(date, "slash", False)} | งานพัสดุ กลุ่มบริหารงานการเงินและสินทรัพย์</p>
    <p>{text}</p>
    <p>ประกาศ ณ วันที่ {thd(date, "full_ps")}</p>
    <p>{ext_link(egp(pid), "ดูรายละเอียดในระบบการจัดซื้อจัดจ้างภาครัฐ (e-GP)")}</p>
    <p><a href="index.html">« ข่าวจัดซื้อจัดจ้างทั้งหมด</a></p>""",
             crumbs=("จัดซื้อจัดจ้าง",), lastmod=date)

    rows = "".join(
        f'<tr><td>{thd(d, "abbr")}</td><td><a href="~/{p}">{t}</a></td></tr>'
        for p, d, t, _, _ in ANNOUNCEMENTS)
    page("procurement/index.html", "ข่าวจัดซื้อจัดจ้าง", f"""    <table class="data">
      <tr><th>วันที่</th><th>เรื่อง</th></tr>
      {rows}
      <tr><td>๒๘ ต.ค. ๒๕๖๙</td><td><a href="plan.html">ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๗๐</a></td></tr>
      <tr><td>๑๕ ต.ค. ๒๕๖๙</td><td><a href="~/download.php?id=27">รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปีงบประมาณ พ.ศ. ๒๕๖๙</a></td></tr>
      <tr><td>๖ พ.ย. ๒๕๖๙</td><td><a href="monthly.html">สรุปผลการจัดซื้อจัดจ้างรายเดือน (สขร.๑) เดือนตุลาคม ๒๕๖๙</a></td></tr>
    </table>
    <h2>ประกาศจากระบบการจัดซื้อจัดจ้างภาครัฐ (e-GP)</h2>
    <iframe src="egp-feed.html" width="100%" height="260" title="ประกาศจัดซื้อจัดจ้างจากระบบ e-GP"></iframe>
    <p>{ext_link(EGP_SEARCH, "ค้นหาประกาศทั้งหมดของหน่วยงานในระบบ e-GP")}</p>""",
         crumbs=("จัดซื้อจัดจ้าง",), lastmod="2026-11-13")

    feed = "".join(
        f'<tr><td>{thd(d, "slash", False)}</td><td><a href="{egp(pid)}" target="_blank">{t}</a></td></tr>'
        for _, d, t, _, pid in ANNOUNCEMENTS)
    page("procurement/egp-feed.html", "ประกาศจัดซื้อจัดจ้าง (e-GP)",
         f"<table><tr><th>วันที่ประกาศ</th><th>ประกาศจากระบบ e-GP – {SHORT}</th></tr>{feed}</table>",
         layout="bare", sitemap=False)

    page("procurement/plan.html", "แผนการจัดซื้อจัดจ้าง", f"""    <p>ตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐ มาตรา ๑๑
    หน่วยงานของรัฐต้องประกาศเผยแพร่แผนการจัดซื้อจัดจ้างประจำปี</p>
    <ul>
      <li><img src="~/assets/img/icon-pdf.png" alt="" width="24" height="24"> <a href="~/files/procurement/procurement-plan-2570.pdf">ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๗๐</a> (ประกาศ ๒๘ ต.ค. ๒๕๖๙)</li>
      <li>{ext_link(gdrive_file("procurement-plan-2569"), "ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๙")}</li>
    </ul>""", crumbs=("จัดซื้อจัดจ้าง",), lastmod="2026-10-28")

    page("procurement/monthly.html", "สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.๑)", f"""    <h2>ปีงบประมาณ พ.ศ. ๒๕๗๐</h2>
    <ul><li><a href="~/files/procurement/skr1-2569-10.pdf">1.สขร.1 เดือน ตุลาคม 2569</a></li></ul>
    <h2>ปีงบประมาณ พ.ศ. ๒๕๖๙</h2>
    <ul>
      <li><a href="~/files/procurement/skr1-2569-09.pdf">12.สขร.1 เดือน กันยายน 2569</a></li>
      <li><a href="~/files/procurement/skr1-2569-08.pdf">11.สขร.1 เดือน สิงหาคม 2569</a></li>
      <li><a href="~/files/procurement/skr1-2569-07.pdf">10.สขร.1 เดือน กรกฎาคม 2569</a></li>
      <li><a href="~/files/procurement/skr1-2569-06.pdf">9.สขร.1 เดือน มิถุนายน 2569</a></li>
      <li>{ext_link(gdrive_folder("skr1-2569-q1-q3"), "1–8. สขร.1 เดือน ต.ค. 2568 – พ.ค. 2569 (Google Drive)")}</li>
    </ul>""", crumbs=("จัดซื้อจัดจ้าง",), lastmod="2026-11-06")


def service_pages() -> None:
    page("service/index.html", "มาตรฐานและขั้นตอนการให้บริการ", f"""    <p class="meta">ปรับปรุงข้อมูล ๒ เม.ย. ๒๕๖๙</p>
    <p>ศูนย์บริการประชาชน {SHORT} ให้บริการวันจันทร์–วันศุกร์ เวลา ๐๘.๓๐–๑๖.๓๐ น. ไม่พักเที่ยง</p>
    <table class="data">
      <tr><th>งานบริการ</th><th>ระยะเวลาการให้บริการ</th></tr>
      <tr><td>หนังสือรับรองการเป็นข้าราชการครู/ผ่านงาน</td><td>๑ วันทำการ</td></tr>
      <tr><td>ใบแทนหลักฐานการศึกษา (โรงเรียนที่ยุบรวม)</td><td>๓ วันทำการ</td></tr>
      <tr><td>คัดสำเนาเอกสารทางราชการ</td><td>๗ วันทำการ</td></tr>
      <tr><td>ขออนุญาตจัดการศึกษาโดยครอบครัว</td><td>๓๐ วัน</td></tr>
    </table>
    <p><img src="~/assets/img/icon-pdf.png" alt="" width="24" height="24">
    <a href="~/files/service/service-manual-2569.pdf">คู่มือการให้บริการประชาชน (ฉบับปรับปรุง มีนาคม ๒๕๖๙)</a></p>
    <p>ยื่นคำขอออนไลน์ได้ที่ <a href="~/eservice.html">E-Service</a></p>""",
         crumbs=("บริการประชาชน",), lastmod="2026-04-02")

    page("service/statistics.html", "ข้อมูลสถิติการให้บริการ", """    <p>สถิติผู้รับบริการของศูนย์บริการประชาชนและระบบ E-Service จำแนกรายเดือน</p>
    <iframe src="statistics-table.html" width="100%" height="320" title="ตารางสถิติการให้บริการ"></iframe>
    <p><img src="~/assets/img/icon-xls.png" alt="" width="24" height="24">
    <a href="~/files/service/service-statistics-2569.xlsx">ดาวน์โหลดข้อมูลสถิติการให้บริการ ปีงบประมาณ ๒๕๖๙ (Excel)</a></p>""",
         crumbs=("บริการประชาชน",), lastmod="2026-10-03")

    months = ["ต.ค. ๖๘", "พ.ย. ๖๘", "ธ.ค. ๖๘", "ม.ค. ๖๙", "ก.พ. ๖๙", "มี.ค. ๖๙", "เม.ย. ๖๙",
              "พ.ค. ๖๙", "มิ.ย. ๖๙", "ก.ค. ๖๙", "ส.ค. ๖๙", "ก.ย. ๖๙"]
    walkin = [40, 34, 28, 51, 40, 50, 32, 55, 43, 35, 34, 35]
    online = [52, 61, 47, 70, 66, 73, 58, 81, 77, 69, 72, 64]
    rows = "".join(f"<tr><td>{m}</td><td>{th(a)}</td><td>{th(b)}</td><td>{th(a + b)}</td></tr>"
                   for m, a, b in zip(months, walkin, online, strict=True))
    page("service/statistics-table.html", "สถิติการให้บริการ ปีงบประมาณ ๒๕๖๙",
         "<h3>ข้อมูลสถิติการให้บริการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙</h3>"
         "<table><tr><th>เดือน</th><th>ผู้มาใช้บริการ ณ ศูนย์บริการ</th><th>คำขอผ่าน E-Service</th>"
         f"<th>รวม</th></tr>{rows}</table><p>ข้อมูล ณ วันที่ ๓๐ กันยายน ๒๕๖๙</p>",
         layout="bare", sitemap=False)

    page("service/satisfaction.html", "ผลสำรวจความพึงพอใจของผู้รับบริการ", """    <p>ผลการสำรวจความพึงพอใจของผู้รับบริการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ ภาพรวมอยู่ในระดับมาก (ค่าเฉลี่ย ๔.๔๓)</p>
    <p><a href="~/files/service/satisfaction-2569.pdf">รายงานผลการสำรวจความพึงพอใจของผู้รับบริการ ปีงบประมาณ ๒๕๖๙ (PDF)</a></p>""",
         crumbs=("บริการประชาชน",), lastmod="2026-10-10")


def root_pages() -> None:
    page("eservice.html", "E-Service ระบบการให้บริการผ่านช่องทางออนไลน์", f"""    <p class="meta">ปรับปรุงข้อมูล ๕ ต.ค. ๒๕๖๙</p>
    <table class="data">
      <tr><th>ระบบบริการออนไลน์</th><th>ผู้ใช้บริการ</th><th>ลิงก์</th></tr>
      <tr><td>ยื่นคำขอหนังสือรับรองออนไลน์</td><td>ข้าราชการครูและบุคลากร</td><td>{ext_link(gform("eservice-cert"), "เข้าสู่ระบบ")}</td></tr>
      <tr><td>ระบบสลิปเงินเดือนออนไลน์ (e-Slip)</td><td>ข้าราชการ ลูกจ้าง ผู้รับบำนาญ</td><td>{ext_link("https://slip.bangphra1.go.th/", "เข้าสู่ระบบ")}</td></tr>
      <tr><td>ระบบสารบรรณอิเล็กทรอนิกส์ (e-Office)</td><td>โรงเรียนในสังกัด</td><td>{ext_link("https://bangphra1.eoffice.go.th/", "เข้าสู่ระบบ")}</td></tr>
      <tr><td>ระบบจองห้องประชุมออนไลน์</td><td>บุคลากรและโรงเรียน</td><td>{ext_link(gsheet("room-booking"), "จองห้อง")}</td></tr>
    </table>
    <p>สถิติการใช้บริการ: <a href="~/service/statistics.html">ข้อมูลสถิติการให้บริการ</a></p>""",
         lastmod="2026-10-05")

    page("complaint.html", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", f"""    <p>ท่านสามารถแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบของเจ้าหน้าที่ {SHORT} ได้หลายช่องทาง
    ข้อมูลของผู้ร้องเรียนจะถูกเก็บเป็นความลับ</p>
    <form action="#" method="post" class="complaint-form">
      <p><label>ชื่อ–สกุล (ไม่บังคับ) <input type="text" name="name"></label></p>
      <p><label>หมายเลขโทรศัพท์ <input type="text" name="phone"></label></p>
      <p><label>เรื่องที่ร้องเรียน <textarea name="detail" rows="5" cols="50"></textarea></label></p>
      <p><button type="submit">ส่งเรื่องร้องเรียน</button></p>
    </form>
    <ul>
      <li>แบบฟอร์มออนไลน์: {ext_link(gform("complaint-form"), "แจ้งเรื่องร้องเรียนผ่าน Google Form")}</li>
      <li>โทรศัพท์ {PHONE} ต่อ ๑๗๑ (ศูนย์รับเรื่องร้องเรียน กลุ่มกฎหมายและคดี)</li>
      <li>สำนักงาน ป.ป.ช.: {ext_link("https://www.nacc.go.th/", "www.nacc.go.th")} · สายด่วน ป.ป.ท. ๑๒๐๖</li>
    </ul>
    <p><a href="~/files/ita2569/complaint-guideline-2569.pdf">แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ (PDF)</a> ·
    <a href="~/ita/complaint-stats.html">สถิติเรื่องร้องเรียน</a></p>""",
         lastmod="2026-01-15", h1="แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ")

    page("contact.html", "ติดต่อเรา", f"""    <p class="meta">ปรับปรุงข้อมูลเมื่อ ๑ ต.ค. ๒๕๖๙</p>
    <h2>ข้อมูลการติดต่อ</h2>
    <p><strong>{OFFICE}</strong><br>{ADDRESS}<br>
    โทรศัพท์ {PHONE} · โทรสาร {FAX}<br>อีเมล {EMAIL} · สารบรรณอิเล็กทรอนิกส์ saraban@bangphra1.go.th<br>
    Facebook: {ext_link(FACEBOOK, "ประชาสัมพันธ์ สพป.บางพระ เขต ๑")} · LINE: @bangphra1</p>
    <h2>หมายเลขภายใน</h2>
    <table class="data"><tr><th>กลุ่ม/หน่วย</th><th>ต่อ</th></tr>
    {"".join(f"<tr><td>{SHORT_GROUP.get(g, n)}</td><td>{e}</td></tr>" for g, n, _, e, _ in GROUPS)}
    <tr><td>กลุ่มบริหารงานบุคคล</td><td>๑๙๑</td></tr></table>
    <h2>แผนที่ตั้ง</h2>
    <iframe src="https://www.google.com/maps/embed?pb=!1m18!1m12!1m3!1d{gid('map', 12)}" width="100%" height="300" title="แผนที่ตั้งสำนักงาน"></iframe>
    <p>สอบถามข้อมูลเพิ่มเติม: <a href="qa.html">กระดานถาม-ตอบ</a></p>""",
         lastmod="2026-10-01", h1="ติดต่อเรา / ข้อมูลการติดต่อ")

    qa = [("การขอหนังสือรับรองเงินเดือนใช้เวลากี่วันคะ", "ผู้ปกครองนักเรียน", "2026-11-17",
           "๑ วันทำการครับ สามารถยื่นคำขอผ่าน E-Service ได้ — ศูนย์บริการประชาชน"),
          ("โรงเรียนที่ยุบรวมไปแล้ว ขอใบแทน ป.๖ ได้ที่ไหน", "ศิษย์เก่า", "2026-11-02",
           "ติดต่อกลุ่มส่งเสริมการจัดการศึกษา ชั้น ๒ นำบัตรประชาชนและรูปถ่ายมาด้วย"),
          ("ประกาศผลสอบครูอัตราจ้างวันไหนครับ", "ผู้สมัคร", "2026-11-19",
           "ตามประกาศรับสมัคร จะประกาศรายชื่อผู้มีสิทธิ์สอบในวันที่ ๒๓ พ.ย. ๒๕๖๙")]
    rows = "".join(f"<div class=\"qa\"><p><b>ถาม:</b> {q}<br><span class=\"news-date\">โดย {who} · "
                   f"{thd(d, 'slash', False)}</span></p><p><b>ตอบ:</b> {a}</p></div>"
                   for q, who, d, a in qa)
    page("qa.html", "กระดานถาม-ตอบ (Q&A)", f"""    {rows}
    <form action="#" method="post"><p><label>ตั้งคำถามใหม่ <textarea name="q" rows="3" cols="50"></textarea></label></p>
    <p><button type="submit">ส่งคำถาม</button></p></form>""", lastmod="2026-11-19")

    page("privacy.html", "นโยบายคุ้มครองข้อมูลส่วนบุคคล", f"""    <p>{OFFICE} ให้ความสำคัญกับการคุ้มครองข้อมูลส่วนบุคคลตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. ๒๕๖๒
    เว็บไซต์นี้เก็บข้อมูลเท่าที่จำเป็น และใช้คุกกี้เพื่อการนับสถิติผู้เข้าชมเท่านั้น</p>
    <p>ประกาศ ณ วันที่ ๑ มิถุนายน ๒๕๖๕</p>""", lastmod="2022-06-01")

    page("sitemap.html", "แผนผังเว็บไซต์", "    <ul>" + "".join(
        f'<li><a href="{h}">{esc(t)}</a>' + ("<ul>" + "".join(
            f'<li><a href="{sh}">{esc(st)}</a></li>' for st, sh in sub) + "</ul>" if sub else "")
        + "</li>" for t, h, sub in MENU)
        + '<li><a href="~/plan/index.html">แผนปฏิบัติการประจำปีและรายงานผลการดำเนินงาน</a></li>'
        + '<li><a href="~/qa.html">กระดานถาม-ตอบ</a></li>'
        + '<li><a href="~/privacy.html">นโยบายคุ้มครองข้อมูลส่วนบุคคล</a></li></ul>',
        sitemap=False)

    page("admin/login.html", "เข้าสู่ระบบผู้ดูแลเว็บไซต์", """    <form action="#" method="post">
      <p><label>ชื่อผู้ใช้ <input type="text" name="user"></label></p>
      <p><label>รหัสผ่าน <input type="password" name="pass"></label></p>
      <p><button type="submit">เข้าสู่ระบบ</button></p>
    </form>""", sitemap=False)


ETHICS_DRIVE = gdrive_file("ethics-code")
ITA_EGP = EGP_SEARCH


def ita_row(code: str, name: str, links: str, note: str = "") -> str:
    return (f'<tr><td><span class="ocode">{code}</span> {name}</td><td class="links">{links}</td>'
            f"<td>{note}</td></tr>")


def ita_pages() -> None:
    pdf_icon = "icon-pdf.png"
    rows = [
        '<tr class="section"><td colspan="3">ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล</td></tr>',
        '<tr class="sub"><td colspan="3">๙.๑ ข้อมูลพื้นฐาน</td></tr>',
        ita_row("O1", "โครงสร้าง หน้าที่และอำนาจ",
                '<a href="~/about/structure.html">คลิก</a> · '
                + icon_link("~/about/authority.html", "icon-link.png", "คลิกดูรายละเอียด")),
        ita_row("O2", "ข้อมูลผู้บริหาร", '<a href="~/about/executives.html">คลิก</a>'),
        ita_row("O3", "ข้อมูลการติดต่อและช่องทางการสอบถาม",
                '<a href="~/contact.html">คลิก</a> · <a href="~/qa.html">ถาม-ตอบ</a>'),
        ita_row("O4", "ข่าวประชาสัมพันธ์",
                '<a href="~/news/index.html">คลิก</a> · '
                + icon_link(FACEBOOK, "icon-facebook.png", "Facebook")),
        '<tr class="sub"><td colspan="3">๙.๒ การบริหารงานและการใช้จ่ายงบประมาณ</td></tr>',
        ita_row("O5", "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน",
                icon_link("~/files/plan/strategic-plan-2566-2570.pdf", pdf_icon, "ดาวน์โหลด")),
        ita_row("O6", "แผนปฏิบัติการและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี",
                '<a href="~/plan/index.html">รายละเอียด</a>'),
        ita_row("O7", "รายงานผลการดำเนินงานประจำปี",
                '<a href="~/files/plan/annual-report-2566.pdf">ดาวน์โหลด</a>'),
        ita_row("O8", "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่", "-",
                '<span class="pending">อยู่ระหว่างจัดทำ</span>'),
        ita_row("O9", "คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ",
                '<a href="~/files/service/service-manual-2569.pdf">ดาวน์โหลด</a> · '
                '<a href="~/service/index.html">รายละเอียด</a>'),
        ita_row("O10", "ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service)",
                '<a href="~/eservice.html">คลิก</a> · '
                + icon_link("~/files/service/service-statistics-2569.xlsx", "icon-xls.png",
                            "สถิติการใช้บริการ (Excel)")),
        '<tr class="sub"><td colspan="3">๙.๓ การจัดซื้อจัดจ้าง</td></tr>',
        ita_row("O11", "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
                '<a href="~/procurement/monthly.html">รายละเอียด</a> · '
                + ext_link(gdrive_folder("skr1-2569-q1-q3"), "ไตรมาส ๑–๓")),
        ita_row("O12", "รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุของหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
                icon_link(gdrive_file("procurement-report-2568"), "icon-drive.png", "Google Drive")
                + ' · <a href="~/download.php?id=27">ปีงบประมาณ ๒๕๖๙</a>',
                "เพิ่มรายงานปี ๒๕๖๙ แล้ว"),
        '<tr class="sub"><td colspan="3">๙.๔ การบริหารและพัฒนาทรัพยากรบุคคล</td></tr>',
        ita_row("O13", "หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
                ext_link(gdoc("hr-plan-2569"), "คลิก")),
        ita_row("O14", "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
                icon_link(gdrive_file("hr-report-2568"), "icon-drive.png", "Google Drive")
                + ' · <a href="~/hr/index.html">คลิก</a>'),
        '<tr class="sub"><td colspan="3">๙.๕ การส่งเสริมความโปร่งใส</td></tr>',
        ita_row("O15", "ประมวลจริยธรรม/การขับเคลื่อนจริยธรรม",
                '<a href="~/ita/ethics.html">คลิก</a> · '
                + icon_link(ETHICS_DRIVE, "icon-drive.png", "Google Drive")),
        ita_row("O16", "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
                icon_link("~/files/ita2569/complaint-guideline-2569.pdf", pdf_icon, "ไฟล์ PDF")),
        ita_row("O17", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
                '<a href="~/complaint.html">คลิก</a>'),
        ita_row("O18", "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
                '<a href="~/ita/complaint-stats.html">รายละเอียด</a>'),
        ita_row("O19", "ผลการเปิดโอกาสให้มีส่วนร่วมในการดำเนินงาน ปีงบประมาณ พ.ศ. ๒๕๖๙",
                '<a href="~/ita/participation.html">คลิก</a> · '
                + icon_link(youtube("participation-2569"), "icon-youtube.png", "YouTube")),
        '<tr class="section"><td colspan="3">ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต</td></tr>',
        '<tr class="sub"><td colspan="3">๑๐.๑ การดำเนินการเพื่อป้องกันการทุจริตในประเด็นสินบน</td></tr>',
        ita_row("O20", "การขับเคลื่อนนโยบาย NO GIFT POLICY จากการปฏิบัติหน้าที่และการเสริมสร้างความรู้"
                "เกี่ยวกับหลักเกณฑ์การรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยาของเจ้าพนักงานของรัฐ",
                '<a href="~/files/ita2569/no-gift-2570-scan.pdf">ดาวน์โหลด</a> · '
                + icon_link(fbpost("nogift-2570"), "icon-facebook.png", "Facebook")),
        ita_row("O21", "การประเมินความเสี่ยงการทุจริตในหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
                icon_link(gdrive_file("risk-2569"), "icon-drive.png", "Google Drive")
                + ' · <a href="~/files/ita2569/risk-assessment-2570.pdf">ปีงบประมาณ ๒๕๗๐</a>'),
        ita_row("O22", "รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริตของหน่วยงาน"
                " ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
                icon_link(gdrive_file("risk-report-2568"), "icon-drive.png", "Google Drive")),
        '<tr class="sub"><td colspan="3">๑๐.๒ การส่งเสริมคุณธรรมและความโปร่งใส</td></tr>',
        ita_row("O23", "แผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ พ.ศ. ๒๕๖๙",
                icon_link(gdrive_file("anticorruption-plan-2569"), "icon-drive.png", "Google Drive")
                + ' · <a href="~/files/ita2569/anti-corruption-plan-2570.pdf">ปีงบประมาณ ๒๕๗๐</a>'),
        ita_row("O24", "รายงานผลการดำเนินการป้องกันการทุจริต ปีงบประมาณ พ.ศ. ๒๕๖๙",
                icon_link("~/files/ita2569/anti-corruption-report-2569.pdf", pdf_icon, "ดาวน์โหลด")
                + ' · <a href="~/files/ita2569/anti-corruption-6m-2569.docx">ดาวน์โหลด</a>',
                "รายงานประจำปี และรายงานรอบ ๖ เดือน (Word)"),
        ita_row("O25", "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร",
                '<a href="~/ita/integrity-measures.html">คลิก</a>'),
        ita_row("O26", "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
                " ปีงบประมาณ พ.ศ. ๒๕๖๘",
                '<a href="~/ita/integrity-measures.html#report">รายละเอียด</a>'),
    ]
    page("ita/index.html", "การประเมินคุณธรรมและความโปร่งใส (ITA) ปีงบประมาณ พ.ศ. ๒๕๖๙",
         f"""    <p>การเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment: OIT) ของ {OFFICE}</p>
    <p class="note">ข้อมูลสำหรับการประเมิน ITA ปีงบประมาณ พ.ศ. ๒๕๗๐ อยู่ระหว่างปรับปรุง
    รายการที่มีเอกสารปีงบประมาณ ๒๕๗๐ แล้วได้เพิ่มลิงก์ไว้ในตารางนี้ · ปรับปรุงล่าสุด ๓๐ ต.ค. ๒๕๖๙</p>
    <table class="data ita">
      <tr><th>ข้อ / รายการข้อมูล</th><th>ลิงก์ / ไฟล์</th><th>หมายเหตุ</th></tr>
      {chr(10).join('      ' + r for r in rows)}
    </table>
    <h2>เอกสารเพิ่มเติม</h2>
    <ul>
      <li><a href="~/files/ita2569/ประกาศเจตจำนงสุจริต 2570.pdf">ประกาศเจตจำนงสุจริตในการบริหารงาน ประจำปีงบประมาณ พ.ศ. ๒๕๗๐</a></li>
      <li>{ext_link(ITA_EGP, "ประกาศจัดซื้อจัดจ้างของหน่วยงานในระบบ e-GP")}</li>
      <li><a href="2568.html">ITA ปีงบประมาณ พ.ศ. ๒๕๖๘ (ข้อมูลย้อนหลัง)</a></li>
    </ul>""", crumbs=("ITA",), lastmod="2026-10-30")

    old_rows = [
        ita_row("O1", "โครงสร้างและอำนาจหน้าที่", '<a href="~/about/structure.html">คลิก</a>'),
        ita_row("O2", "ข้อมูลผู้บริหาร", '<a href="~/about/executives.html">คลิก</a>'),
        ita_row("O3", "ข้อมูลการติดต่อ", '<a href="~/contact.html">คลิก</a>'),
        ita_row("O4", "ข่าวประชาสัมพันธ์", '<a href="~/news/page2.html">คลิก</a>'),
        ita_row("O5", "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน",
                ext_link(gdrive_file("strategic-2566-original"), "ดาวน์โหลด")),
        ita_row("O6", "แผนปฏิบัติการและความก้าวหน้าในการดำเนินงานประจำปี",
                '<a href="~/plan/index.html">คลิก</a>'),
        ita_row("O7", "รายงานผลการดำเนินงานประจำปี",
                '<a href="~/files/plan/annual-report-2566.pdf">ดาวน์โหลด</a>'),
        ita_row("O8", "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่", "-",
                '<span class="pending">อยู่ระหว่างจัดทำ</span>'),
        ita_row("O12", "รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้า",
                ext_link(gsheet("procurement-list-2568"), "คลิก")),
        ita_row("O13", "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี พ.ศ. ๒๕๖๗",
                '<a href="~/download.php?id=13">ดาวน์โหลด</a>'),
        ita_row("O17", "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
                ext_link(gdrive_file("complaint-guideline-2568"), "คลิก")),
        ita_row("O25", "แผนปฏิบัติการป้องกันการทุจริต",
                ext_link(gdrive_file("anticorruption-plan-2568"), "คลิก")),
    ]
    page("ita/2568.html", "การประเมินคุณธรรมและความโปร่งใส (ITA) ปีงบประมาณ พ.ศ. ๒๕๖๘",
         f"""    <p class="meta">ข้อมูลย้อนหลัง ปีงบประมาณ ๒๕๖๘ (ต.ค. ๒๕๖๗ – ก.ย. ๒๕๖๘)</p>
    <table class="data ita"><tr><th>ข้อ / รายการข้อมูล</th><th>ลิงก์</th><th>หมายเหตุ</th></tr>
    {"".join(old_rows)}</table>
    <p><a href="index.html">« ITA ปีงบประมาณ ๒๕๖๙</a></p>""", crumbs=("ITA",), lastmod="2025-06-30")

    page("ita/complaint-stats.html",
         "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", """    <p class="meta">ข้อมูล ณ วันที่ ๓๑ ตุลาคม ๒๕๖๙</p>
    <table class="data"><tr><th>ช่วงเวลา</th><th>เรื่องที่ได้รับ</th><th>ดำเนินการแล้วเสร็จ</th><th>อยู่ระหว่างดำเนินการ</th></tr>
    <tr><td>ไตรมาสที่ ๑ (ต.ค.–ธ.ค. ๒๕๖๘)</td><td>๑</td><td>๑</td><td>๐</td></tr>
    <tr><td>ไตรมาสที่ ๒ (ม.ค.–มี.ค. ๒๕๖๙)</td><td>๐</td><td>๐</td><td>๐</td></tr>
    <tr><td>ไตรมาสที่ ๓ (เม.ย.–มิ.ย. ๒๕๖๙)</td><td>๒</td><td>๒</td><td>๐</td></tr>
    <tr><td>ไตรมาสที่ ๔ (ก.ค.–ก.ย. ๒๕๖๙)</td><td>๑</td><td>๐</td><td>๑</td></tr>
    <tr><td><b>รวมปีงบประมาณ ๒๕๖๙</b></td><td><b>๔</b></td><td><b>๓</b></td><td><b>๑</b></td></tr></table>
    <p>ปีงบประมาณ ๒๕๗๐ (ตุลาคม ๒๕๖๙): ไม่มีเรื่องร้องเรียน</p>""",
         crumbs=("ITA",), lastmod="2026-10-31")

    page("ita/participation.html", "การเปิดโอกาสให้เกิดการมีส่วนร่วม", f"""    <p>{SHORT} เปิดโอกาสให้ผู้มีส่วนได้ส่วนเสียมีส่วนร่วมในการดำเนินงาน ปีงบประมาณ พ.ศ. ๒๕๖๙ ดังนี้</p>
    <ul><li>เวทีรับฟังความคิดเห็นผู้ปกครองและชุมชน ๔ อำเภอ (ก.ค. ๒๕๖๙) –
    {ext_link(youtube("participation-2569"), "บันทึกวีดิทัศน์ (YouTube)")}</li>
    <li><a href="~/news/2569/news-0910.html">แบบรับฟังความคิดเห็นออนไลน์ (๑๐–๓๐ ก.ย. ๒๕๖๙)</a></li></ul>""",
         crumbs=("ITA",), lastmod="2026-09-30")

    page("ita/integrity-measures.html", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", f"""    <h2>การนำผลการประเมิน ITA ปี ๒๕๖๘ ไปสู่การพัฒนาองค์กร</h2>
    <p>ผลการประเมิน ITA ปีงบประมาณ ๒๕๖๘ ได้ ๘๗.๒๔ คะแนน (ระดับ A) ประเด็นที่ต้องพัฒนา ได้แก่
    การเปิดเผยข้อมูลให้เป็นปัจจุบัน สำนักงานจึงกำหนดมาตรการ ดังนี้</p>
    <ol><li>มอบหมายผู้รับผิดชอบการเผยแพร่ข้อมูลรายการละ ๑ คน</li>
    <li>ตรวจสอบความเป็นปัจจุบันของข้อมูลบนเว็บไซต์ทุกไตรมาส</li></ol>
    <h2 id="report">รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส</h2>
    <p>ดำเนินการตามมาตรการครบทุกข้อ รายงานผู้อำนวยการเมื่อวันที่ ๒๘ ก.ย. ๒๕๖๙ –
    {ext_link(gdrive_file("integrity-report-2569"), "รายงานฉบับเต็ม")}</p>""",
         crumbs=("ITA",), lastmod="2026-09-28")

    page("ita/ethics.html", "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม", f"""    <ul>
      <li>{ext_link(ETHICS_DRIVE, "ประมวลจริยธรรมข้าราชการพลเรือน และข้อกำหนดจริยธรรมของสำนักงาน")}</li>
      <li>{ext_link(gdrive_file("dos-donts"), "Do's &amp; Don'ts สำหรับบุคลากร สพป.บางพระ เขต ๑")}</li>
    </ul>
    <p>กิจกรรมขับเคลื่อนจริยธรรม ปีงบประมาณ ๒๕๖๙: อบรมบุคลากรเรื่องการขัดกันแห่งผลประโยชน์ เมื่อวันที่ ๑๒ ส.ค. ๒๕๖๙</p>""",
         crumbs=("ITA",), lastmod="2026-08-12")


LAWS = [
    ("พระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. ๒๕๔๒ และที่แก้ไขเพิ่มเติม", "https://www.krisdika.go.th/law?lawId=2542A0001"),
    ("พระราชบัญญัติระเบียบบริหารราชการกระทรวงศึกษาธิการ พ.ศ. ๒๕๔๖", "https://www.krisdika.go.th/law?lawId=2546A0051"),
    ("พระราชบัญญัติระเบียบข้าราชการครูและบุคลากรทางการศึกษา พ.ศ. ๒๕๔๗", "https://www.krisdika.go.th/law?lawId=2547A0046"),
    ("พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐", "https://www.krisdika.go.th/law?lawId=2540A0016"),
    ("พระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐", "https://www.krisdika.go.th/law?lawId=2560A0024"),
    ("พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. ๒๕๖๒", "https://www.krisdika.go.th/law?lawId=2562A0069"),
    ("พระราชบัญญัติมาตรฐานทางจริยธรรม พ.ศ. ๒๕๖๒", "https://www.krisdika.go.th/law?lawId=2562A0040"),
]


def law_pages() -> None:
    rows = "".join(f'<tr><td>{th(i + 1)}.</td><td><a href="{u}" target="_blank">{t}</a></td></tr>'
                   for i, (t, u) in enumerate(LAWS))
    # served as windows-874 (see _headers.yaml); cp874-only punctuation on purpose: “ ” – …
    page("law/law_list.html", "กฎหมายที่เกี่ยวข้อง", f"""<font size="3" color="#1c4f86"><b>“กฎหมายที่เกี่ยวข้อง”</b></font>
<br><font color="#666666">ปรับปรุงข้อมูลล่าสุด : ๑๒ ก.ย. ๒๕๖๙ &ndash; กลุ่มกฎหมายและคดี</font><br><br>
<table width="100%" border="1" cellspacing="0" cellpadding="4" bordercolor="#9bb3cc">
<tr class="head"><td width="40">ที่</td><td>กฎหมาย ระเบียบ และข้อบังคับ</td></tr>
{rows}
<tr><td>8.</td><td><a href="https://ratchakitcha.soc.go.th/" target="_blank">ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐</a></td></tr>
</table>
<p>ดูหนังสือสั่งการเพิ่มเติมได้ที่ <a href="circulars.html">หนังสือสั่งการ…</a></p>""",
         crumbs=("กฎหมาย/ระเบียบ",), layout="legacy874", lastmod="2026-09-12")

    circ = [("2026-11-09", "ศธ ๐๔๐๐๒/ว ๓๒๑๐", "แนวทางการดูแลความปลอดภัยของนักเรียนช่วงเทศกาลลอยกระทง"),
            ("2026-10-22", "ศธ ๐๔๐๐๙/ว ๒๙๘๘", "การดำเนินงานตามระเบียบกระทรวงศึกษาธิการว่าด้วยการลงโทษนักเรียน"),
            ("2026-10-02", "ศธ ๐๒๐๖.๓/ว ๑๗", "หลักเกณฑ์การลดภาระงานที่ไม่จำเป็นของครู")]
    rows = "".join(f"<tr><td>{thd(d, 'abbr', True)}</td><td>{n}</td><td>{t}</td></tr>" for d, n, t in circ)
    page("law/circulars.html", "หนังสือสั่งการและหนังสือเวียน",
         '    <table class="data"><tr><th>ลงวันที่</th><th>เลขที่หนังสือ</th><th>เรื่อง</th></tr>'
         f"{rows}</table>", crumbs=("กฎหมาย/ระเบียบ",), lastmod="2026-11-09")


def misc_pages() -> None:
    page("academic/curriculum.html", "โครงสร้างหลักสูตรแกนกลางการศึกษาขั้นพื้นฐาน", """    <p>โครงสร้างหลักสูตรแกนกลางการศึกษาขั้นพื้นฐาน พุทธศักราช ๒๕๕๑ (ฉบับปรับปรุง พ.ศ. ๒๕๖๐)
    – โครงสร้างเวลาเรียนระดับประถมศึกษา ที่โรงเรียนในสังกัดใช้ในปีการศึกษา ๒๕๖๙</p>
    <table class="data"><tr><th>กลุ่มสาระการเรียนรู้</th><th>ป.๑–๓ (ชม./ปี)</th><th>ป.๔–๖ (ชม./ปี)</th></tr>
    <tr><td>ภาษาไทย</td><td>๒๐๐</td><td>๑๖๐</td></tr>
    <tr><td>คณิตศาสตร์</td><td>๒๐๐</td><td>๑๖๐</td></tr>
    <tr><td>วิทยาศาสตร์และเทคโนโลยี</td><td>๘๐</td><td>๑๒๐</td></tr>
    <tr><td>สังคมศึกษา ศาสนาและวัฒนธรรม</td><td>๑๒๐</td><td>๑๒๐</td></tr>
    <tr><td>ภาษาต่างประเทศ</td><td>๒๐๐</td><td>๘๐</td></tr>
    <tr><td>กิจกรรมพัฒนาผู้เรียน</td><td>๑๒๐</td><td>๑๒๐</td></tr></table>""",
         crumbs=("งานวิชาการ",), lastmod="2026-05-10", h1="โครงสร้างหลักสูตร")

    cal = [("2026-05-16", "เปิดภาคเรียนที่ ๑ ปีการศึกษา ๒๕๖๙"),
           ("2026-10-10", "ปิดภาคเรียนที่ ๑"),
           ("2026-11-02", "เปิดภาคเรียนที่ ๒ ปีการศึกษา ๒๕๖๙"),
           ("2026-11-18", "ประชุมผู้บริหารสถานศึกษา ครั้งที่ ๑๑/๒๕๖๙"),
           ("2027-01-16", "วันครู"),
           ("2027-02-07", "สอบ O-NET ชั้น ป.๖"),
           ("2027-03-31", "ปิดภาคเรียนที่ ๒")]
    rows = "".join(f"<tr><td>{thd(d, 'abbr', True)}</td><td>{t}</td></tr>" for d, t in cal)
    page("academic/calendar.html", "ปฏิทินการศึกษา ปีการศึกษา ๒๕๖๙",
         f'    <table class="data"><tr><th>วันที่</th><th>กิจกรรม</th></tr>{rows}</table>',
         crumbs=("งานวิชาการ",), lastmod="2026-05-01")

    albums = [("gallery/album-2569-11.html", "ภาพกิจกรรม เดือนพฤศจิกายน ๒๕๖๙", (1, 3, 5, 6, 7, 8),
               "คณะผู้บริหาร สพป.บางพระ เขต ๑ ร่วมกิจกรรม"),
              ("gallery/album-2569-10.html", "ภาพกิจกรรม เดือนตุลาคม ๒๕๖๙", (2, 4, 5),
               "ผู้บริหารและบุคลากรร่วมพิธี")]
    for path, title, photos, cap in albums:
        figs = "".join(f'<figure><img src="img/photo-{i}.jpg" alt="{cap} ภาพที่ {th(k + 1)}">'
                       f"<figcaption>{cap}</figcaption></figure>" for k, i in enumerate(photos))
        page(path, title, f'    <div class="gallery">{figs}</div>', crumbs=("ภาพกิจกรรม",))
    page("gallery/index.html", "ภาพกิจกรรม", "    <ul>" + "".join(
        f'<li><a href="{p.split("/")[1]}">{t}</a></li>' for p, t, _, _ in albums) + "</ul>")

    page("hr/index.html", "กลุ่มบริหารงานบุคคล", f"""    <p>ผู้อำนวยการกลุ่ม: นางสุภาพร มั่นคง · โทรศัพท์ {PHONE} ต่อ ๑๙๑</p>
    <h2>เอกสารและประกาศ</h2>
    <ul>
      <li>{ext_link(gdrive_file("hr-dev-plan-2570"), "แผนพัฒนาบุคลากร ประจำปีงบประมาณ พ.ศ. ๒๕๗๐")}</li>
      <li>{ext_link(gdrive_file("manpower-2568-2570"), "แผนอัตรากำลัง ๓ ปี (พ.ศ. ๒๕๖๘–๒๕๗๐)")}</li>
      <li>{ext_link(gdrive_file("hr-report-2569"), "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ ๒๕๖๙")}</li>
      <li>{ext_link(gdrive_file("kks-transfer"), "หลักเกณฑ์และวิธีการย้ายข้าราชการครูฯ (ก.ค.ศ. ว ๙/๒๕๖๔)")}</li>
      <li><a href="~/news/jobs.html">ข่าวรับสมัครงาน</a></li>
    </ul>
    <p class="meta">ปรับปรุงข้อมูล ๓๐ ต.ค. ๒๕๖๙</p>""", lastmod="2026-10-30")


# =========================================================================== site files

INTENDED_BROKEN = {"news/2568/news-0712.html", "download.php?id=13"}
TRUNCATED = "files/procurement/skr1-2569-06.pdf"
SCANNED = "files/ita2569/no-gift-2570-scan.pdf"

HEADERS_YAML = """# Per-path overrides for ita_audit/siteserver.py (generated by build_sample_site.py).
# The old laws page is a legacy cp874 file, declared as windows-874 like old Thai servers do.
/law/law_list.html:
  Content-Type: text/html; charset=windows-874
# A document-management script that streams PDFs as octet-stream under a .php name.
/download.php?id=27:
  file: files/store/rpt-27.pdf
  Content-Type: application/octet-stream
  Content-Disposition: attachment; filename="rpt-27.pdf"
# A document that was deleted from the document system; still linked from the 2568 ITA page.
/download.php?id=13:
  status: 404
"""

ROBOTS = """User-agent: *
Disallow: /admin/

# The sitemap URL is root-relative because the bundled site is served on a random local port.
Sitemap: /sitemap.xml
"""


def url_path(path: str) -> str:
    return "/" + urllib.parse.quote(path)


def write_site_files() -> None:
    entries = []
    for p in PAGES.values():
        if not p.sitemap:
            continue
        lastmod = f"<lastmod>{p.lastmod}</lastmod>" if p.lastmod else ""
        entries.append(f"  <url><loc>{url_path(p.path)}</loc>{lastmod}</url>")
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           "<!-- loc values are root-relative: the bundled site runs on a random local port -->\n"
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
           + "\n".join(entries) + "\n</urlset>\n")
    (SITE / "sitemap.xml").write_text(xml, encoding="utf-8")
    (SITE / "robots.txt").write_text(ROBOTS, encoding="utf-8")
    (SITE / "_headers.yaml").write_text(HEADERS_YAML, encoding="utf-8")


LINK_RE = re.compile(r'(?:href|src)="([^"]+)"')


def check_links() -> list[str]:
    """Every local link must resolve, except the deliberately broken ones."""
    problems = []
    for p in PAGES.values():
        raw = (SITE / p.path).read_bytes()
        text = raw.decode("cp874" if p.layout == "legacy874" else "utf-8")
        base = "/" + p.path
        for href in LINK_RE.findall(text):
            if href.startswith(("http://", "https://", "mailto:", "#")):
                continue
            target = urllib.parse.urljoin(base, html.unescape(href))
            parts = urllib.parse.urlsplit(target)
            key = parts.path.lstrip("/") + (f"?{parts.query}" if parts.query else "")
            if key in INTENDED_BROKEN or key == "download.php?id=27":
                continue
            if not (SITE / urllib.parse.unquote(parts.path.lstrip("/"))).is_file():
                problems.append(f"{p.path}: {href}")
    return problems


# =========================================================================== expected.yaml

EXPECTED = {
    "1.1": dict(status="ok",
                evidence=["/about/structure.html", "/about/executives.html", "/about/authority.html"],
                not_evidence=["/about/director-message.html", "/academic/curriculum.html",
                              "/academic/calendar.html", "/gallery/album-2569-11.html",
                              "/hr/index.html"]),
    "1.2": dict(status="ok",
                evidence=["/files/plan/strategic-plan-2566-2570.pdf",
                          "/files/ita2569/ประกาศเจตจำนงสุจริต 2570.pdf", "/about/policy.html"],
                not_evidence=["/hr/index.html", "/files/procurement/procurement-plan-2570.pdf",
                              "/privacy.html"]),
    "1.3": dict(status="stale",
                evidence=["/plan/index.html", "/files/plan/action-plan-2567.pdf",
                          "/files/plan/report-6m-2567.pdf", "/files/plan/annual-report-2566.pdf"],
                not_evidence=["/files/ita2569/anti-corruption-plan-2570.pdf",
                              "/files/ita2569/anti-corruption-6m-2569.docx",
                              "/files/ita2569/anti-corruption-report-2569.pdf",
                              "/files/procurement/procurement-plan-2570.pdf",
                              "/download.php?id=27", "/hr/index.html", "/about/structure.html",
                              "/about/authority.html", "/group/supervision.html",
                              "/news/2569/news-1116.html", "/academic/calendar.html"]),
    "1.4": dict(status="ok",
                evidence=["/files/ita2569/anti-corruption-plan-2570.pdf",
                          "/files/ita2569/risk-assessment-2570.pdf",
                          "/ita/complaint-stats.html", ETHICS_DRIVE],
                not_evidence=["/group/audit.html"]),
    "1.5": dict(status="ok",
                evidence=["/procurement/index.html", "/download.php?id=27",
                          "/files/procurement/procurement-plan-2570.pdf",
                          "/files/procurement/skr1-2569-10.pdf"],
                not_evidence=["/news/2569/news-1116.html", "/group/asset-check-2569.html"]),
    "1.6": dict(status="missing", evidence=[],
                not_evidence=["/files/service/service-manual-2569.pdf", "/service/index.html",
                              "/files/ita2569/complaint-guideline-2569.pdf", "/ita/index.html"]),
    "1.7": dict(status="ok",
                evidence=["/service/index.html", "/files/service/service-manual-2569.pdf",
                          "/files/service/service-statistics-2569.xlsx", "/eservice.html"],
                not_evidence=["/ita/complaint-stats.html"]),
    "1.8": dict(status="ok",
                evidence=["/news/index.html", "/news/2569/news-1118.html",
                          "/news/2569/news-1116.html", "/law/law_list.html"],
                not_evidence=["/procurement/index.html", "/news/2569/job-teacher-1110.html",
                              "/news/jobs.html"]),
}


def yq(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_expected(page_count: int) -> None:
    lines = [
        "# Expected audit result for the bundled sample site (generated by build_sample_site.py).",
        "#",
        "# Paths are URL paths from the site root, percent-DECODED (compare with",
        "# urllib.parse.unquote(urlsplit(url).path), plus '?query' when there is one).",
        "# External URLs are written in full; the crawler records them and never fetches them.",
        "# evidence_paths: MUST be among the category's evidence (not the whole list).",
        "# not_evidence_paths: decoys that must NOT be evidence for that category.",
        "# Rule set: seed categories 1.1-1.8; freshness: max_age 365 days before reference_date.",
        "#",
        "# Also in the site (not keys here): iframe-only pages /procurement/egp-feed.html and",
        "# /service/statistics-table.html; /law/law_list.html is windows-874; /download.php?id=27",
        "# is a PDF served as application/octet-stream; /admin/ is disallowed by robots.txt.",
        "reference_date: 2026-11-20",
        f"site_name_th: {yq(OFFICE)}",
        "# categories of the seed rule set, keyed by id (quoted so YAML keeps them strings)",
    ]
    for cid, e in EXPECTED.items():
        lines.append(f'"{cid}":')
        lines.append(f"  status: {e['status']}")
        if e["evidence"]:
            lines.append("  evidence_paths:")
            lines += [f"    - {yq(p)}" for p in e["evidence"]]
        else:
            lines.append("  evidence_paths: []")
        lines.append("  not_evidence_paths:")
        lines += [f"    - {yq(p)}" for p in e["not_evidence"]]
    lines.append("broken_links:")
    lines += [f"  - {yq('/' + p)}" for p in sorted(INTENDED_BROKEN)]
    lines.append(f"  - {yq('/' + TRUNCATED)}")
    lines.append("no_text_layer:")
    lines.append(f"  - {yq('/' + SCANNED)}")
    lines.append(f"page_count_min: {page_count}")
    (HERE / "expected.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


# =========================================================================== main


def main() -> int:
    for tool in ("chromium", "pdftoppm"):
        if shutil.which(tool) is None:
            print(f"error: {tool} is required", file=sys.stderr)
            return 1
    if SITE.exists():
        shutil.rmtree(SITE)
    SITE.mkdir(parents=True)

    define_documents()
    news_pages()
    home_page()
    about_pages()
    group_pages()
    plan_page()
    procurement_pages()
    service_pages()
    root_pages()
    ita_pages()
    law_pages()
    misc_pages()

    with tempfile.TemporaryDirectory(prefix="ita-sample-") as tmpdir:
        tmp = Path(tmpdir)
        build_docs(tmp)
        build_docx()
        build_xlsx()
        build_assets()
        build_images(tmp)

    for p in PAGES.values():
        out = SITE / p.path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(render_page(p))
    write_site_files()

    problems = check_links()
    if problems:
        print("broken local links:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    # pages a crawler reaches through <a> links (not iframe-only, not robots-disallowed)
    crawlable = [p for p in PAGES.values() if p.layout != "bare" and not p.path.startswith("admin/")]
    write_expected(page_count=60)
    size = sum(f.stat().st_size for f in SITE.rglob("*") if f.is_file())
    print(f"built {len(PAGES)} HTML pages ({len(crawlable)} reachable by links), "
          f"{len(DOCS)} PDFs + 1 DOCX + 1 XLSX, {size / 1e6:.2f} MB in {SITE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
