"""Classify a document record into the categories of a rule set.

Each field of a record (the link texts pointing to it, the table row around
those links, its title, headings, first lines, URL and body) is searched for
the keywords of every concept.  A concept scores the field's weight once per
field it matches in; body matches score per distinct keyword up to
``body_cap``, so a news item that mentions procurement in passing never
becomes procurement evidence.  A category's score is the best score of its
concepts; the record is evidence for the best-scoring category (and for any
tie) when that score reaches the rule set's threshold.  Everything is
deterministic and data-driven: weights, threshold and vocabulary come from
the rule set's YAML.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field

from rules.item_codes import CodeReader
from rules.matcher import KeywordMatcher
from rules.records import LEAD_CHARS, DocumentRecord, LinkContext
from rules.ruleset import RuleSet
from rules.text import compact_text, tokenizer

BODY_LIMIT = 300_000  # characters of body text searched per record
LABEL_FIELDS = ("link", "title", "url")  # what names the record itself
NAMING_FIELDS = ("link", "context", "section", "title", "url")
PAGE_NAMES = (*NAMING_FIELDS, "heading")
ITEM_TITLE_LETTERS = 18   # a link label this long names one item, not a section
MIN_MARKERS = 2           # distinct form markers that make a page an item of a concept


@dataclass(frozen=True)
class Hit:
    concept: str
    field: str
    keyword: str
    strength: float = 1.0   # 1.0, or the weak factor for a generic word inside a longer text


@dataclass
class CategoryScore:
    category: str
    score: float
    concept: str                      # the concept that gave the score
    hits: list[Hit] = field(default_factory=list)

    @property
    def matched(self) -> list[str]:
        """``field:keyword`` strings, for reports."""
        seen: list[str] = []
        for h in self.hits:
            label = f"{h.field}:{h.keyword}"
            if label not in seen:
                seen.append(label)
        return seen


@dataclass
class Classification:
    url: str
    scores: dict[str, CategoryScore]  # every category with a non-zero score
    categories: list[str]             # the categories this record is evidence for

    def best(self) -> CategoryScore | None:
        return max(self.scores.values(), key=lambda s: s.score, default=None)


def _link_scope(lc: LinkContext) -> str:
    return f"{lc.label} {lc.row_text} {lc.heading}"


def _split(url: str) -> urllib.parse.SplitResult:
    """``urlsplit`` that never raises: a malformed link's URL is only text."""
    try:
        return urllib.parse.urlsplit(url)
    except ValueError:
        return urllib.parse.SplitResult("", "", url, "", "")


def _is_site_root(url: str) -> bool:
    parts = _split(url)
    path = parts.path.rstrip("/")
    return not parts.query and (not path or path.lower() in (
        "/index.php", "/index.html", "/index.htm", "/home", "/main"))


def _field_texts(record: DocumentRecord, is_vague: Callable[[str], bool] | None = None,
                 ) -> dict[str, list[tuple[str, str]]]:
    """(text, exclusion scope) per field.  The label, row and heading of one link
    are read together: an exclusion word in the row also rules out the label.

    A menu link names its target by its label only (the menu around it names
    other pages); a link that says nothing ("คลิก") takes its row from the text
    just before it and its section from the heading above it: on ITA hub pages
    that is the item's name and code.  An external image link is a banner to
    another site, not an item of this one.
    """
    links = record.links_in
    if record.kind == "external":
        links = [lc for lc in links if lc.anchor_text.strip() or lc.row_text.strip()]
    path = urllib.parse.unquote(_split(record.url).path)

    def alone(texts: list[str]) -> list[tuple[str, str]]:
        return [(t, t) for t in texts if t]

    def row(lc: LinkContext) -> str:
        if lc.nav:
            return ""
        if lc.row_text:
            return lc.row_text
        return lc.preceding if is_vague is not None and is_vague(lc.label) else ""

    def section(lc: LinkContext) -> str:
        if lc.nav:
            return ""
        if lc.heading:
            return lc.heading
        if is_vague is not None and is_vague(lc.label) and not lc.row_text:
            return lc.above
        return ""

    body = record.body_text[LEAD_CHARS:BODY_LIMIT] if len(record.body_text) > LEAD_CHARS else ""
    return {
        "link": [(lc.label, _link_scope(lc)) for lc in links if lc.label],
        "context": [(row(lc), _link_scope(lc) + " " + row(lc)) for lc in links if row(lc)],
        "section": [(section(lc), _link_scope(lc) + " " + section(lc)) for lc in links
                    if section(lc)],
        "title": alone([record.title]),
        "heading": alone(list(record.headings)),
        "lead": alone([record.lead]),
        # a section of a page is named by its heading, not by the page's URL
        "url": [] if record.part else
        alone([path.replace("/", " ").replace("_", " ").replace("-", " ")]),
        "body": alone([body]),
    }


class Classifier:
    def __init__(self, ruleset: RuleSet) -> None:
        self.ruleset = ruleset
        scoring = ruleset.scoring
        self.weights = scoring.weights
        self.matcher = KeywordMatcher(
            [(cid, kw, False) for cid, c in ruleset.concepts.items() for kw in c.keywords]
            + [(cid, kw, True) for cid, c in ruleset.concepts.items() for kw in c.weak],
            anywhere_min_chars=scoring.anywhere_min_chars,
            anywhere_concepts=[cid for cid, c in ruleset.concepts.items() if c.decoy],
        )
        self.vague = {_core(compact_text(v)) for v in scoring.vague_links}
        tokenizer(self.matcher.terms)  # build the dictionary trie once, up front
        self.excludes = {
            cid: [compact_text(x) for x in c.exclude] for cid, c in ruleset.concepts.items()
        }
        self.decoys = {cid for cid, c in ruleset.concepts.items() if c.decoy}
        self.dated_items = {cid for cid, c in ruleset.concepts.items() if c.dated_item}
        self.codes = CodeReader(ruleset)
        self.category_ids = {c.id for c in ruleset.categories}
        self.markers = {cid: [compact_text(m) for m in c.markers]
                        for cid, c in ruleset.concepts.items() if c.markers}
        self.concept_categories: dict[str, list[str]] = {}
        for cat in ruleset.categories:
            for cid in cat.concepts:
                self.concept_categories.setdefault(cid, []).append(cat.id)
        self.label_rules = {
            c.id: ([compact_text(w) for w in c.require], [compact_text(w) for w in c.forbid])
            for c in ruleset.categories if c.require or c.forbid
        }
        self.host_concepts = [
            (host, cid) for cid, c in ruleset.concepts.items() for host in c.external_hosts
        ]

    def _label_allows(self, category: str, fields: dict[str, list[tuple[str, str]]]) -> bool:
        """An item's `require`/`forbid` words, read in what names the record itself."""
        rule = self.label_rules.get(category)
        if rule is None:
            return True
        require, forbid = rule
        label = compact_text(" ".join(
            text for name in ("link", "context", "title", "lead", "url")
            for text, _ in fields[name]))
        if require and not any(w in label for w in require):
            return False
        return not any(w in label for w in forbid)

    def _marker_hits(self, record: DocumentRecord) -> dict[str, list[Hit]]:
        """Distinct form markers of each concept in the record's own text."""
        if not self.markers or record.kind not in ("page", "document"):
            return {}
        text = compact_text(record.body_text[:BODY_LIMIT])
        out: dict[str, list[Hit]] = {}
        for cid, markers in self.markers.items():
            found = [m for m in markers if m and m in text]
            if found:
                out[cid] = [Hit(cid, "marker", m) for m in found]
        return out

    def _titled_item(self, record: DocumentRecord) -> bool:
        """A link gives the record a title of its own (an entry of a news list), not a
        menu word: long enough to name one item."""
        return any(len(_core(compact_text(lc.label))) >= ITEM_TITLE_LETTERS
                   and not self.is_vague(lc.label) and not lc.nav for lc in record.links_in)

    def is_vague(self, label: str) -> bool:
        core = _core(compact_text(label))
        return not core or core in self.vague

    def concept_hits(
        self, record: DocumentRecord, fields: dict[str, list[tuple[str, str]]] | None = None
    ) -> dict[str, list[Hit]]:
        """Every concept's hits (decoys included) per field of the record."""
        hits: dict[str, list[Hit]] = {}
        weak_factor = self.ruleset.scoring.weak_factor
        for field_name, pairs in (fields or _field_texts(record, self.is_vague)).items():
            for text, scope in pairs:
                compact = compact_text(text)
                scope_compact = compact if scope == text else compact_text(scope)
                # the body is searched for long keywords only: tokenising whole
                # documents costs much, and a short word there counts little
                for m in self.matcher.find(compact, compacted=True,
                                           long_only=field_name == "body"):
                    if any(x and x in scope_compact for x in self.excludes[m.concept]):
                        continue
                    # a generic word (ข่าว, บริการ, นโยบาย) is weak wherever it stands:
                    # it never makes evidence by itself, even as a whole menu label
                    strength = weak_factor if m.weak else 1.0
                    if m.concept in self.decoys and not m.weak:
                        # a decoy ("ปฏิทิน") claims a label it dominates, not a long one
                        core = _core(compact)
                        keyword_core = len(_core(compact[m.start:m.end]))
                        heads = not _core(compact[:m.start])
                        if keyword_core < 0.6 * len(core) and not (
                                heads and (compact[m.end:m.end + 1] == ":"
                                           or len(core) <= 3 * keyword_core)):
                            strength = weak_factor
                    hits.setdefault(m.concept, []).append(
                        Hit(m.concept, field_name, m.keyword, strength)
                    )
        if record.kind == "external":
            if _is_site_root(record.url):
                # a link to another site's home page is a link, not an item of this one
                hits = {}
            host = (_split(record.url).hostname or "").lower()
            for suffix, cid in self.host_concepts:
                if host == suffix or host.endswith("." + suffix):
                    hits.setdefault(cid, []).append(Hit(cid, "link", host))
        return hits

    def concept_score(
        self, hits: list[Hit], weights: dict[str, float], fields: tuple[str, ...] = ()
    ) -> float:
        """Field weight × strength per field; distinct weak words in one field add up.

        A concept found only through generic words (no field at full strength)
        scores at most half the threshold: "สถิติ" in three places is still
        not service statistics.
        """
        strong: dict[str, float] = {}
        weak: dict[str, dict[str, float]] = {}
        for h in hits:
            if h.field in ("body", "marker", "block") or (fields and h.field not in fields):
                continue
            if h.strength >= 1.0:
                strong[h.field] = 1.0
            else:
                weak.setdefault(h.field, {})[h.keyword] = h.strength
        best = {f: min(1.0, sum(words.values())) for f, words in weak.items()}
        best.update(strong)
        score = sum(weights[f] * strength for f, strength in best.items())
        if best and max(best.values()) < 1.0:
            score = min(score, self.ruleset.scoring.threshold / 2)
        if fields and "body" not in fields:
            return score
        body_keywords = {h.keyword for h in hits if h.field == "body"}
        score += min(self.ruleset.scoring.body_cap, weights["body"] * len(body_keywords))
        return score

    def field_weights(self, record: DocumentRecord) -> dict[str, float]:
        """The rule set's weights; when every link to the record says nothing
        ("คลิก", "ดาวน์โหลด"), its file name speaks for the link."""
        weights = dict(self.weights)
        if record.links_in and all(self.is_vague(lc.label) for lc in record.links_in):
            weights["url"] = max(weights["url"], weights["link"])
        if not record.title and (record.kind == "document" or not record.blocks):
            # a document without a title: its first lines are its title (a crawled page's
            # first lines are its own text, where a news post may mention anything)
            weights["lead"] = max(weights["lead"], weights["title"])
        return weights

    def classify(self, record: DocumentRecord,
                 dated: Callable[[], bool] | None = None) -> Classification:
        """The categories ``record`` is evidence for.

        ``dated`` (called only when needed) says whether the record carries a
        date of its own: a generic word of a ``dated_item`` concept (ข่าว) then
        names a dated item (a news post) at full strength.
        """
        scores: dict[str, CategoryScore] = {}
        weights = self.field_weights(record)
        decoy_score = 0.0
        fields = _field_texts(record, self.is_vague)
        threshold = self.ruleset.scoring.threshold
        concept_hits = self.concept_hits(record, fields)
        for cid, hits in self._marker_hits(record).items():
            concept_hits.setdefault(cid, []).extend(hits)
        for cid, hits in concept_hits.items():
            if cid in self.decoys:
                # a decoy competes only on what names the record itself
                decoy_score = max(decoy_score, self.concept_score(hits, weights, LABEL_FIELDS))
                continue
            score = self.concept_score(hits, weights)
            if sum(h.field == "marker" for h in hits) >= MIN_MARKERS:
                score = max(score, threshold)   # its own text has the item's form
            if (record.kind == "page" and record.blocks and score >= threshold
                    and not any(h.field in PAGE_NAMES or h.field == "marker" for h in hits)):
                # a crawled page is named by its links, title, headings or URL; its own
                # text (a law it cites, a plan it mentions) supports but never decides
                score = min(score, threshold * 0.9)
            if (score < threshold and cid in self.dated_items and (
                    # an entry with a title of its own in a list headed "ข่าว"
                    (any(h.field in ("context", "section") for h in hits)
                     and self._titled_item(record))
                    # or a dated item named "ข่าว" by its link, title or URL
                    or (any(h.field in NAMING_FIELDS for h in hits)
                        and dated is not None and dated()))):
                score = threshold
            for cat in self.concept_categories.get(cid, []):
                current = scores.get(cat)
                if current is None or score > current.score:
                    scores[cat] = CategoryScore(cat, score, cid, hits)
        for lc in record.links_in:
            if lc.nav:
                continue
            # a hub row's item code, read against its year's list, names the item
            code_categories, read = self.codes.categories(lc)
            for cat in code_categories:
                category = self.ruleset.category(cat) if cat in self.category_ids else None
                if category is None:
                    continue
                current = scores.get(cat)
                hit = Hit(category.concepts[0], "context", read)
                if current is None:
                    scores[cat] = CategoryScore(cat, threshold, category.concepts[0], [hit])
                else:
                    current.score = max(current.score, threshold)
                    current.hits = [*current.hits, hit]
        best = max((s.score for s in scores.values()), default=0.0)
        chosen: list[str] = []
        if best >= threshold and decoy_score < best:
            floor = max(threshold, best * self.ruleset.scoring.tie_ratio)
            chosen = [c.id for c in self.ruleset.categories
                      if c.id in scores and scores[c.id].score >= floor]
            if self.label_rules:
                chosen = [c for c in chosen if self._label_allows(c, fields)]
            if len(chosen) > 1:
                # a tie goes to what the record's own label says over its surroundings
                label = {c: _label_strength(scores[c].hits) for c in chosen}
                top = max(label.values())
                chosen = [c for c in chosen if label[c] == top]
        return Classification(record.url, scores, chosen)


def _label_strength(hits: list[Hit]) -> int:
    return len({h.field for h in hits if h.field in ("link", "title", "lead", "url")
                and h.strength >= 1.0})


_NOT_CORE = re.compile(r"[\W\d_]+|\b(?:o|oit)\b")


def _core(compact: str) -> str:
    """The letters of a text, without digits, punctuation and O-codes."""
    return _NOT_CORE.sub("", compact)
