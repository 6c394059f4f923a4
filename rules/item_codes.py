"""ITA/OIT item codes on hub pages, read against the year's list.

A hub row "O12 | … | คลิก" names the national OIT item O12 of the year the hub is
for ("ITA 2568" above the table).  The same number means different items in
different years (O12 is procurement in 2568, the HR plan elsewhere), so a code
is read only when the year is known: written near the link, or the audited
OIT rule set's own year.  The item of that year's list (``oit-25xx.yaml``) then
names the category: itself for the same OIT list, its seed category (1.1–1.8)
for the seed rule set, and the current year's items with the same seed and a
shared concept for another year's list.  Codes of other dialects (MOIT of the
health ministry, EB of the older lists) have no bundled list and are not read.
"""

from __future__ import annotations

import functools
import re

from rules.records import LinkContext
from rules.ruleset import RULESET_DIR, Category, RuleSet, load_ruleset

O_CODE = re.compile(r"(?<![a-z0-9ก-๙])o\s?[-.]?\s?(\d{1,2})(?![\d])", re.IGNORECASE)
YEAR = re.compile(r"(?<!\d)(25[5-9]\d)(?!\d)")


@functools.lru_cache(maxsize=8)
def year_list(year: int) -> dict[str, Category] | None:
    """The bundled OIT list of a fiscal year, by item code; None when there is none."""
    path = RULESET_DIR / f"oit-{year}.yaml"
    if not path.exists():
        return None
    return {c.id.upper(): c for c in load_ruleset(str(path)).categories}


class CodeReader:
    def __init__(self, ruleset: RuleSet) -> None:
        self.ruleset = ruleset

    def categories(self, link: LinkContext) -> tuple[list[str], str]:
        """The rule set's categories the link's row code names, and the code as read."""
        row = link.row_text or link.preceding
        m = O_CODE.search(row[:60]) or O_CODE.search(link.label[:30])
        if m is None:
            return [], ""
        years = [int(y) for y in YEAR.findall(" ".join((row, link.heading, link.above)))]
        year = years[0] if years else (self.ruleset.fiscal_year if self.ruleset.kind == "oit"
                                       else None)
        if year is None:
            return [], ""
        items = year_list(year)
        code = f"O{int(m.group(1))}"
        item = items.get(code) if items else None
        if item is None:
            return [], ""
        read = f"{code} (ITA {year})"
        if self.ruleset.kind == "seed":
            return ([item.seed] if item.seed else []), read
        if year == self.ruleset.fiscal_year:
            ids = {c.id for c in self.ruleset.categories}
            return ([item.id] if item.id in ids else []), read
        return [c.id for c in self.ruleset.categories
                if c.seed == item.seed and set(c.concepts) & set(item.concepts)], read
