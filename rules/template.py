"""The site template: text blocks that repeat on many pages of one site.

Menus, headers, footers, side boxes and the home page's teaser boxes shown
again on every page say nothing about the page they sit on; a page is judged
on what is left, its own content.  The template is measured per site: a block
(normalised text) is template when it appears on at least ``max(min_pages,
share × pages)`` of the crawled pages, identical pages counted once.  Menus
still name the pages they link to (their labels stay link context).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from rules.records import Block, DocumentRecord
from rules.ruleset import ContentRules
from rules.text import compact_text


def block_key(text: str) -> str:
    return compact_text(text)


def _key(block: Block) -> str:
    """What makes two blocks the same: the text, or an image's / embed's source."""
    return f"media:{block.media}" if block.media else block_key(block.text)


@dataclass(frozen=True)
class SiteTemplate:
    blocks: frozenset[str]
    titles: frozenset[str]      # page titles shared by many pages (the site's name)
    pages: int

    def is_template(self, block: Block) -> bool:
        return block.nav or _key(block) in self.blocks

    def own_blocks(self, record: DocumentRecord) -> list[Block]:
        return [b for b in record.blocks if not self.is_template(b)]


def site_template(records: Iterable[DocumentRecord], rules: ContentRules) -> SiteTemplate:
    pages: dict[str, DocumentRecord] = {}
    for r in records:
        if r.kind == "page" and r.blocks:
            pages.setdefault(r.content_hash or r.url, r)
    counts: Counter[str] = Counter()
    linked: set[str] = set()
    titles: Counter[str] = Counter()
    for r in pages.values():
        keys = {_key(b) for b in r.blocks if b.text or b.media}
        counts.update(keys)
        linked.update(_key(b) for b in r.blocks if b.links)
        if r.title:
            titles[block_key(r.title)] += 1
    floor = max(rules.template_min_pages, math.ceil(rules.template_share * len(pages)))
    link_floor = max(rules.template_min_pages,
                     math.ceil(rules.template_link_share * len(pages)))
    return SiteTemplate(
        blocks=frozenset(k for k, n in counts.items()
                         if k and n >= (link_floor if k in linked else floor)),
        titles=frozenset(k for k, n in titles.items() if n >= floor and k),
        pages=len(pages),
    )


def own_view(record: DocumentRecord, template: SiteTemplate) -> DocumentRecord:
    """The page as judged: its own blocks as body, without a title shared by many pages.

    The lead (first lines) then starts with the page's own content, not with a
    menu; the title is dropped when it is the site's name on every page.
    """
    if record.kind != "page" or not record.blocks:
        return record
    own = [b for b in template.own_blocks(record)]
    title = record.title
    headings = [h for h in record.headings if block_key(h) not in template.titles]
    if block_key(title) in template.titles:
        title = next((h for h in headings if h), "")
    title_key = block_key(title)
    body_blocks = [b for b in own if block_key(b.text) != title_key] if title_key else own
    return replace(record, title=title, headings=headings,
                   body_text="\n".join(b.text for b in body_blocks if b.text), blocks=own)
