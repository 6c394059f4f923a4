"""Placeholders: pages and documents that name an item without holding it.

A menu entry promises "แผนปฏิบัติการ" and leads to a page with only that
title; a procurement table lists rows called "aaa"; a news section holds posts
titled "test"; a service page is a heading over lorem ipsum; a list of
announcements links to pages that answer 404.  Such a record is *claimed
only*: it says the category exists on the site, and the webmaster must fill
it, but it is never evidence.

The judgement reads the record's own content (the site template removed, see
:mod:`rules.template`) block by block:

- a paragraph of its own (``prose_block`` letters that are not filler) is content;
- a listing (two or more blocks with one or two links each) is content when one
  of its items has a real title and a link that leads somewhere;
- otherwise its text, without title, dates, numbers, table words, file names,
  "อยู่ระหว่างดำเนินการ" phrases and filler, must hold ``min_letters`` letters.

The word lists and thresholds are data (``content.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rules.dates import extract_dates
from rules.records import Block, DocumentRecord
from rules.ruleset import ContentRules
from rules.template import block_key
from rules.text import compact_text, normalize_text, tokenizer

_FILE_NAME = re.compile(r"\S+\.(?:pdf|docx?|xlsx?|pptx?|txt|zip|rar|jpe?g|png|gif|html?|php)\b",
                        re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_LETTER = re.compile(r"[a-z\u0e01-\u0e2e\u0e30-\u0e39\u0e40-\u0e4c]")
_REPEATED = re.compile(r"^(.)\1{2,}$|^(..)\2{1,}$")          # aaa, ababab
_TEST = re.compile(r"^(?:test|tes|ทดสอบ|demo|sample)[\w\-]*$", re.IGNORECASE)
_THAI_BAD_START = re.compile(r"^[\u0e30-\u0e3a\u0e45\u0e46\u0e47-\u0e4e]")  # ะ า ำ ิ … ๆ ่ ้
_LATIN = re.compile(r"^[a-z]+$")
_VOWELS = re.compile(r"[aeiouy]")
_LOREM = ("lorem", "ipsum")
# pictures that decorate rather than inform: icons, logos, bullets, "under construction"
_DECORATION = re.compile(
    r"icon|logo|banner|bullet|arrow|spacer|blank|pixel|loading|loader|construct|coming|soon"
    r"|button|btn|/bg|background|divider|line\.|new\.gif|hot\.gif|placehold|avatar"
    r"|no-?image|default|favicon|sprite|social|facebook|line-?icon|youtube|twitter|qr",
    re.IGNORECASE)
_EDGE_JUNK = re.compile(r"^[\W\d_]+|[\W\d_]+$")
READ_CHARS = 20_000      # of a document's text, enough to find its content
EMPTY_DOCUMENT_LETTERS = 5   # a document with fewer letters than this holds nothing


@dataclass(frozen=True)
class Substance:
    content: bool
    why_th: str = ""
    why_en: str = ""


CONTENT = Substance(True)


class ContentJudge:
    def __init__(self, rules: ContentRules) -> None:
        self.rules = rules
        self.phrases = sorted({normalize_text(p).lower() for p in rules.placeholder_phrases},
                              key=len, reverse=True)
        self.filler = {w.lower() for w in rules.filler_words}
        self.structure = {normalize_text(w).lower() for w in rules.structure_words}
        self.tokenizer = tokenizer(frozenset(self.structure | self.filler))
        self.more = re.compile("|".join(
            "(?:{})".format(".{0,25}".join(re.escape(compact_text(part)) for part in w.split("*")))
            for w in rules.more_links) or "(?!)")

        ends = "|".join(re.escape(normalize_text(w).lower()) for w in rules.teaser_ends)
        self.teaser = re.compile(rf"(?:{ends})[\W_]*$" if ends else "(?!)", re.IGNORECASE)

    def is_dead_teaser(self, block: Block) -> bool:
        """An entry ending in "Download" or "อ่านต่อ" as plain text: its link was never made."""
        return not block.links and bool(self.teaser.search(normalize_text(block.text)[-40:]))

    def is_more_link(self, text: str) -> bool:
        """A "see all news" or "back" link: it leads to a listing, it is no item itself."""
        core = _EDGE_JUNK.sub("", compact_text(text))
        return bool(core) and len(core) <= 40 and bool(self.more.fullmatch(core))

    # -- text ----------------------------------------------------------
    def _junk(self, token: str) -> bool:
        t = token.strip(".,:;!?()[]{}\"'“”‘’-–—_/\\|*#@+=<>~^`")
        if not t:
            return True
        if t in self.filler or t in self.structure or t.isdigit():
            return True
        if _REPEATED.match(t) or _TEST.match(t) or (len(t) >= 3 and len(set(t)) <= 2):
            return True      # aaa, sss, aaaaass, test12
        if _THAI_BAD_START.match(t):
            return True      # a Thai word cannot start with a following vowel or a tone mark
        if _LATIN.match(t) and (len(t) == 1 or (len(t) >= 4 and not _VOWELS.search(t))):
            return True      # "x", keyboard mash such as "mglv"
        return False

    def letters(self, text: str) -> tuple[int, str]:
        """Letters of real content in ``text``, and the placeholder phrase it holds (if any)."""
        norm = normalize_text(text[:READ_CHARS]).lower()
        if not norm:
            return 0, ""
        phrase = ""
        for p in self.phrases:
            if p and p in norm:
                phrase = phrase or p
                norm = norm.replace(p, " ")
        for d in sorted(extract_dates(norm), key=lambda d: d.span[0], reverse=True):
            norm = norm[:d.span[0]] + " " + norm[d.span[1]:]
        norm = _URL.sub(" ", _FILE_NAME.sub(" ", norm))
        count = 0
        for token in self.tokenizer.word_tokenize(norm):
            token = token.strip()
            if token and not self._junk(token):
                count += len(_LETTER.findall(token))
        return count, phrase

    def is_lorem(self, text: str) -> bool:
        low = text.lower()
        return all(w in low for w in _LOREM)

    # -- records -------------------------------------------------------
    def page(self, view: DocumentRecord, dead: Callable[[str], bool]) -> Substance:
        """Whether a page (its own view, template removed) holds content."""
        rules = self.rules
        named = {block_key(t) for t in [view.title, *view.headings] if t}
        blocks = [b for b in view.blocks if block_key(b.text) not in named]
        if not blocks and not view.blocks:
            # a page known only by its text (no blocks): judge the text
            count, phrase = self.letters(view.body_text)
            return CONTENT if count >= rules.min_letters else self._empty(phrase, view.body_text)
        if view.part and view.blocks and view.blocks[0].links and all(
                dead(u) for u in view.blocks[0].links):
            # a teaser whose title links to a missing page: the item itself is gone
            return Substance(False, "หัวข้อลิงก์ไปยังหน้าที่ไม่มีอยู่ (มีเพียงชื่อและคำโปรย)",
                             "its title links to a missing page (only a name and a teaser)")
        for b in blocks:
            if b.kind == "embed" and not any(dead(u) for u in b.links):
                return CONTENT     # a document shown in the page (a Drive or PDF viewer)
            if b.kind == "image" and not _DECORATION.search(f"{b.media} {b.text}"):
                return CONTENT     # an org chart, a scanned announcement shown as a picture
        blocks = [b for b in blocks if b.kind not in ("image", "embed")]
        teasers = [b for b in blocks if self.is_dead_teaser(b)]
        items: list[Block] = [b for b in blocks if 1 <= len(b.links) <= 2
                              and not self.is_more_link(b.text)] + teasers
        loose = [b for b in blocks if not b.links and b not in teasers]
        plain_letters = 0
        phrase = ""
        for b in loose:
            count, found = self.letters(b.text)
            phrase = phrase or found
            if count >= rules.prose_block:
                return CONTENT
            plain_letters += count
        live = 0
        for b in items:
            count, found = self.letters(b.text)
            phrase = phrase or found
            if count >= rules.min_item_letters and any(u and not dead(u) for u in b.links):
                live += 1
        if live:
            return CONTENT
        if items:
            # a listing is its items: labels and counters around them are not content
            if all(all(dead(u) for u in b.links) for b in items):
                return Substance(
                    False, f"รายการทั้ง {len(items)} รายการลิงก์ไปยังหน้าที่ไม่มีอยู่หรือไม่มีปลายทาง",
                    f"all {len(items)} items link to missing pages or nowhere")
            return Substance(
                False, f"รายการ {len(items)} รายการมีแต่ชื่อทดสอบหรือข้อความตัวอย่าง",
                f"its {len(items)} items are test or sample entries without real titles")
        if plain_letters >= rules.min_letters:
            return CONTENT
        return self._empty(phrase, " ".join(b.text for b in blocks), view.title)

    def document(self, record: DocumentRecord) -> Substance:
        """A document is judged by its links; only one with no text at all (or only a
        "nothing here yet" line) is a placeholder.  Scans are judged by their links."""
        if record.text_layer != "yes" and not (record.text_layer == "n/a" and record.body_text):
            if record.size_bytes == 0 and record.http_status == 200 and record.kind == "document":
                return Substance(False, "ไฟล์ว่างเปล่า (0 ไบต์)", "the file is empty (0 bytes)")
            return CONTENT
        count, phrase = self.letters(record.body_text)
        if count >= (self.rules.min_letters if phrase else EMPTY_DOCUMENT_LETTERS):
            return CONTENT
        return self._empty(phrase, record.body_text)

    def _empty(self, phrase: str, text: str, title: str = "") -> Substance:
        if phrase:
            return Substance(False, f"มีเพียงข้อความ “{phrase}” ยังไม่มีเนื้อหา",
                             f"it only says “{phrase}”; no content yet")
        if self.is_lorem(text):
            return Substance(False, "มีแต่ข้อความตัวอย่างของแม่แบบเว็บไซต์ (lorem ipsum)",
                             "only the template's sample text (lorem ipsum)")
        if text.strip():
            return Substance(False, "มีเพียงหัวเรื่องหรือข้อความทดสอบ ไม่มีเนื้อหา",
                             "only a title or test text, no content of its own")
        if title.strip():
            return Substance(False, "มีเพียงหัวเรื่อง ไม่มีเนื้อหา", "only a title, no content")
        return Substance(False, "หน้าว่าง ไม่มีเนื้อหา", "the page is empty")
