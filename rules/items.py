"""Items inside pages: the sections of a page and the people named in its boxes.

A category is published when the site holds an *item* of it, and an item is
not always a page of its own: the home page is a set of boxes (the director
with name and position, a news list with dated entries, the vision and
mission), and an "about" page holds the mission, the structure and the
executives one under the other.  This module cuts a page's own blocks into
sections (a heading and what follows it, up to the next heading) and finds
*people blocks* (a person's name next to an executive position) so each can be
judged as an item, cited with the page's URL and the block's text.

It also tells an ITA/OIT *hub* page: a list of many items (O-codes, MOIT
numbers) whose rows label the links in them.  A hub is not evidence itself;
the targets of its rows are.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rules.records import Block, DocumentRecord
from rules.ruleset import ContentRules
from rules.text import normalize_text

ITEM_CODE = re.compile(r"(?<![a-z])(?:o|moit|eb|iit|eit)\s?\.?\s?\d{1,2}(?!\d)", re.IGNORECASE)
HUB_MIN_CODES = 3       # distinct item codes that make a page a hub
MAX_SECTION_BLOCKS = 80


def item_codes(blocks: list[Block]) -> set[str]:
    codes = set()
    for b in blocks:
        for m in ITEM_CODE.finditer(b.text[:300]):
            codes.add(re.sub(r"[\s.]", "", m.group(0)).lower())
    return codes


def is_hub(view: DocumentRecord) -> bool:
    """A page listing ITA/OIT items by code (O1 … O40, MOIT 1 …, EB 1 …)."""
    return len(item_codes(view.blocks)) >= HUB_MIN_CODES


def sections(view: DocumentRecord) -> list[DocumentRecord]:
    """The page's own blocks cut at headings; each section as a record of its own.

    A section record has the page's URL, the heading as its title, the blocks
    under it as its body, and ``part`` set to the heading (what is cited).
    """
    out: list[DocumentRecord] = []
    current: list[Block] = []
    heading: Block | None = None

    def close() -> None:
        if heading is not None and current:
            body = current[:MAX_SECTION_BLOCKS]
            out.append(replace(
                view, title=heading.text, headings=[], blocks=[heading, *body],
                body_text="\n".join(b.text for b in body), links_in=[], dates=[],
                part=heading.text, is_start=False))

    for block in view.blocks:
        if block.kind == "heading":
            close()
            heading, current = block, []
        elif heading is not None:
            current.append(block)
    close()
    return out


class PeopleFinder:
    """A person's name (honorific + name + surname) beside an executive position."""

    def __init__(self, rules: ContentRules) -> None:
        honorifics = sorted({normalize_text(h) for h in rules.honorifics}, key=len, reverse=True)
        positions = sorted({normalize_text(p) for p in rules.positions}, key=len, reverse=True)
        self.max_chars = rules.people_max_block_chars
        self.name = re.compile(
            r"(?:{})\s?[\u0e01-\u0e4e]{{2,}}\s+[\u0e01-\u0e4e]{{2,}}".format("|".join(re.escape(h) for h in honorifics))) if honorifics else None
        self.position = re.compile("|".join(re.escape(p) for p in positions)) if positions else None

    def find(self, blocks: list[Block]) -> list[str]:
        """Texts of the blocks (a block and its neighbour) that name a person and a position."""
        if self.name is None or self.position is None:
            return []
        found = []
        texts = [normalize_text(b.text) for b in blocks]
        for i, text in enumerate(texts):
            if len(text) > self.max_chars or not self.name.search(text):
                continue
            if self.position.search(text):
                found.append(text)
                continue
            for j in (i + 1, i - 1):
                if 0 <= j < len(texts) and len(texts[j]) + len(text) <= self.max_chars \
                        and self.position.search(texts[j]):
                    found.append(f"{text} {texts[j]}" if j > i else f"{texts[j]} {text}")
                    break
        return found

    def records(self, page: DocumentRecord, blocks: list[Block]) -> list[DocumentRecord]:
        """One record per people block of the page (the page's URL, the block as title)."""
        out = []
        for text in self.find(blocks)[:3]:
            out.append(replace(page, title=text, headings=[], blocks=[], body_text=text,
                               links_in=[], dates=[], part=text, is_start=False))
        return out
