"""Rule sets as data: loading and validating ``rules/rulesets/*.yaml``.

A rule set lists the categories an office website must publish (the seed's
1.1–1.8, or one year's OIT items O1–On).  Categories do not carry keywords
themselves: they name *concepts* from ``concepts.yaml`` (structure,
executives, procurement announcements …), so the Thai wording lives in one
place and every rule set, old or new, classifies with the same vocabulary.
The format is described in ``docs/rules.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rules.yamlsource import Fields, SourceError, line_of, load_yaml

RULESET_DIR = Path(__file__).with_name("rulesets")
CONCEPTS_FILE = "concepts.yaml"
SCORING_FILE = "scoring.yaml"
CONTENT_FILE = "content.yaml"
FRESHNESS_POLICIES = (
    "max_age",               # newest dated evidence at most `days` before as-of
    "fiscal_year",           # evidence dated within the rule set's fiscal year
    "previous_fiscal_year",  # evidence covering the fiscal year before it
    "semiannual",            # covers Oct–Mar of the fiscal year (due after 31 Mar)
    "monthly",               # one item per elapsed month of the fiscal year
    "none",                  # must exist; dates do not matter
)
FIELDS = ("link", "context", "section", "title", "heading", "lead", "url", "body")
# Bounds of the numbers a rule set holds: beyond them a value is a typo (or nan/.inf),
# and refused when the file is loaded, never found out after a crawl.
MAX_DAYS = 3660            # a freshness window of ten years; longer is policy "none"
MAX_GRACE_DAYS = 366
MAX_WEIGHT = 100.0         # field weights, threshold and body cap
MAX_COUNT = 100_000        # quality allowances, letters, pages, characters


@dataclass(frozen=True)
class Concept:
    id: str
    title_th: str
    keywords: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    decoy: bool = False          # claims its span; counts for no category
    period_counts: bool = False  # multi-year periods (plan horizons) count as dates
    external_hosts: tuple[str, ...] = ()  # links to these hosts count for the concept
    weak: tuple[str, ...] = ()   # generic words: never evidence by themselves
    # a weak word names an item when the record is a dated item with content of its
    # own (a news post under "ข่าว"): the item's form says what the word alone cannot
    dated_item: bool = False
    # a block detector that finds items of this concept inside pages ("people": a
    # person's name next to an executive position)
    block: str = ""
    # phrases of the item's own content (the fields of its form): `MIN_MARKERS` distinct
    # ones in a page's or document's own text make it an item of the concept
    markers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Freshness:
    policy: str
    days: int = 365
    grace_days: int = 0

    def describe_th(self) -> str:
        return {
            "max_age": f"ต้องมีหลักฐานลงวันที่ไม่เกิน {self.days} วันก่อนวันที่ตรวจ",
            "fiscal_year": "ต้องเป็นข้อมูลของปีงบประมาณที่ประเมิน",
            "previous_fiscal_year": "ต้องครอบคลุมปีงบประมาณก่อนหน้า",
            "semiannual": "ต้องมีรายงานรอบ 6 เดือน (ต.ค.–มี.ค.)",
            "monthly": "ต้องมีข้อมูลทุกเดือนที่ผ่านมาของปีงบประมาณ",
            "none": "ต้องมีข้อมูลเผยแพร่ (ไม่กำหนดช่วงวันที่)",
        }[self.policy]


@dataclass(frozen=True)
class Category:
    id: str
    title_th: str
    title_en: str
    concepts: tuple[str, ...]
    freshness: Freshness
    seed: str | None = None       # seed category an OIT item maps to ("1.1" … "1.8"), or None
    confirmed: bool = True        # False: wording/code not confirmed by the research
    note: str = ""
    # Items sharing concepts (a plan and its report) are told apart by the record's
    # own label: it must name one of `require` and none of `forbid`.
    require: tuple[str, ...] = ()
    forbid: tuple[str, ...] = ()


@dataclass(frozen=True)
class QualityRule:
    """Category 1.9: accurate, complete, current — computed from the others."""

    id: str
    title_th: str
    title_en: str
    max_stale: int = 0
    max_broken_links: int = 0
    max_no_text_layer: int = 0


@dataclass(frozen=True)
class Scoring:
    weights: dict[str, float]
    threshold: float
    body_cap: float
    anywhere_min_chars: int  # keywords at least this long match inside words too
    tie_ratio: float         # other categories kept when score >= best * tie_ratio
    weak_factor: float = 0.5     # weight of a weak keyword inside a longer text
    vague_links: tuple[str, ...] = ()  # link texts that say nothing ("คลิก", "download")


@dataclass(frozen=True)
class ContentRules:
    """What counts as a page's own content (``content.yaml``)."""

    template_min_pages: int = 3
    template_share: float = 0.3
    template_link_share: float = 0.6
    min_letters: int = 40
    prose_block: int = 60
    min_item_letters: int = 4
    min_thai_share: float = 0.05
    placeholder_phrases: tuple[str, ...] = ()
    more_links: tuple[str, ...] = ()
    teaser_ends: tuple[str, ...] = ()
    filler_words: tuple[str, ...] = ()
    structure_words: tuple[str, ...] = ()
    honorifics: tuple[str, ...] = ()
    positions: tuple[str, ...] = ()
    people_max_block_chars: int = 140


@dataclass
class RuleSet:
    id: str
    title_th: str
    title_en: str
    kind: str                     # "seed" | "oit"
    fiscal_year: int | None       # BE; required for OIT rule sets
    categories: list[Category]
    concepts: dict[str, Concept]
    scoring: Scoring
    quality: QualityRule | None = None
    path: str = ""
    notes: list[str] = field(default_factory=list)
    content: ContentRules = field(default_factory=ContentRules)

    def category(self, category_id: str) -> Category:
        for c in self.categories:
            if c.id == category_id:
                return c
        raise KeyError(category_id)

    @property
    def category_ids(self) -> list[str]:
        ids = [c.id for c in self.categories]
        return ids + ([self.quality.id] if self.quality else [])


def available_rulesets(directory: Path = RULESET_DIR) -> list[str]:
    return sorted(p.stem for p in directory.glob("*.yaml")
                  if p.name not in (CONCEPTS_FILE, SCORING_FILE, CONTENT_FILE))


def resolve_ruleset_path(name_or_path: str) -> Path:
    """``seed`` → the bundled file; anything with a slash or ``.yaml`` is a path."""
    if "/" in name_or_path or name_or_path.endswith((".yaml", ".yml")):
        return Path(name_or_path)
    path = RULESET_DIR / f"{name_or_path}.yaml"
    if not path.exists():
        raise SourceError(
            name_or_path, None,
            f"unknown rule set (available: {', '.join(available_rulesets())})",
        )
    return path


def load_ruleset(name_or_path: str) -> RuleSet:
    """Load and validate a rule set; raises :class:`SourceError` (``FILE:LINE: …``)."""
    path = resolve_ruleset_path(name_or_path)
    top = _top(path, "rule set", "id, kind, categories …")
    top.check_keys({"id", "title_th", "title_en", "kind", "fiscal_year", "concepts_file",
                    "scoring", "default_freshness", "categories", "quality", "notes"})
    concepts_path = path.parent / top.get("concepts_file", str, CONCEPTS_FILE)
    concepts = load_concepts(concepts_path)
    kind = top.get("kind", str)
    if kind not in ("seed", "oit"):
        raise top.error(f"rule set: 'kind' must be 'seed' or 'oit', got {kind!r}", key="kind")
    fiscal_year = top.get("fiscal_year", int, None)
    if kind == "oit" and fiscal_year is None:
        raise top.error("rule set: an OIT rule set needs 'fiscal_year' (BE, e.g. 2569)")
    if fiscal_year is not None and not 2500 <= fiscal_year <= 2700:
        raise top.error(f"rule set: 'fiscal_year' must be a Buddhist-Era year, got {fiscal_year}",
                        key="fiscal_year")
    default_freshness = (_freshness(top.child("default_freshness", "default_freshness"))
                         if "default_freshness" in top.data else Freshness("none"))
    if "scoring" in top.data:
        top.get("scoring", dict)
        scoring = _scoring(top.child("scoring", "scoring"))
    else:
        scoring = load_scoring(path.parent / SCORING_FILE)
    raw_categories = top.get("categories", list)
    if not raw_categories:
        raise top.error("rule set: 'categories' is empty", key="categories")
    categories: list[Category] = []
    seen: set[str] = set()
    for raw in raw_categories:
        cat = _category(Fields(path, raw, "category", top.key_line("categories")), concepts,
                        default_freshness, kind, fiscal_year)
        if cat.id in seen:
            raise SourceError(path, line_of(raw), f"category {cat.id!r} is listed twice")
        seen.add(cat.id)
        categories.append(cat)
    quality = None
    if "quality" in top.data:
        q = top.child("quality", "quality")
        q.check_keys({"id", "title_th", "title_en", "max_stale", "max_broken_links",
                      "max_no_text_layer"})
        quality = QualityRule(
            id=str(q.get("id", str)), title_th=q.get("title_th", str),
            title_en=q.get("title_en", str),
            max_stale=q.number("max_stale", int, 0, minimum=0, maximum=MAX_COUNT),
            max_broken_links=q.number("max_broken_links", int, 0, minimum=0,
                                      maximum=MAX_COUNT),
            max_no_text_layer=q.number("max_no_text_layer", int, 0, minimum=0,
                                       maximum=MAX_COUNT),
        )
        if quality.id in seen:
            raise q.error(f"quality: id {quality.id!r} is also a category id", key="id")
    return RuleSet(
        id=top.get("id", str), title_th=top.get("title_th", str),
        title_en=top.get("title_en", str), kind=kind, fiscal_year=fiscal_year,
        categories=categories, concepts=concepts, scoring=scoring, quality=quality,
        path=str(path), notes=top.strings("notes", []),
        content=load_content(RULESET_DIR / CONTENT_FILE),
    )


def _top(path: Path, what: str, keys: str) -> Fields:
    """The file's top mapping.  A file that is not one is refused without quoting it:
    a path may lead to any file at all (``concepts_file: /etc/passwd``)."""
    data = load_yaml(path)
    if not isinstance(data, dict):
        got = "nothing" if data is None else type(data).__name__
        raise SourceError(path, None, f"{what} must be a mapping ({keys}), got {got}")
    return Fields(path, data, what)


def load_content(path: Path) -> ContentRules:
    """The shared content rules: template share, placeholders, people's names."""
    top = _top(path, "content file", "content")
    top.check_keys({"content"})
    top.get("content", dict)
    c = top.child("content", "content")
    c.check_keys({"template", "placeholder", "people"})
    t = c.child("template", "content.template")
    t.check_keys({"min_pages", "share", "link_share"})
    p = c.child("placeholder", "content.placeholder")
    p.check_keys({"min_letters", "prose_block", "min_item_letters", "phrases", "filler_words",
                  "structure_words", "min_thai_share", "more_links", "teaser_ends"})
    people = c.child("people", "content.people")
    people.check_keys({"honorifics", "positions", "max_block_chars"})
    share = t.number("share", float, 0.5, above=0, maximum=1, low="must be in (0, 1]")
    return ContentRules(
        template_min_pages=t.number("min_pages", int, 3, minimum=1, maximum=MAX_COUNT),
        template_share=share,
        template_link_share=t.number("link_share", float, 0.6, above=0, maximum=1,
                                     low="must be in (0, 1]"),
        min_letters=p.number("min_letters", int, 40, minimum=0, maximum=MAX_COUNT),
        prose_block=p.number("prose_block", int, 60, minimum=1, maximum=MAX_COUNT),
        min_item_letters=p.number("min_item_letters", int, 4, minimum=0, maximum=MAX_COUNT),
        min_thai_share=p.number("min_thai_share", float, 0.05, minimum=0, maximum=1),
        placeholder_phrases=tuple(p.strings("phrases", [])),
        more_links=tuple(p.strings("more_links", [])),
        teaser_ends=tuple(p.strings("teaser_ends", [])),
        filler_words=tuple(p.strings("filler_words", [])),
        structure_words=tuple(p.strings("structure_words", [])),
        honorifics=tuple(people.strings("honorifics", [])),
        positions=tuple(people.strings("positions", [])),
        people_max_block_chars=people.number("max_block_chars", int, 140, minimum=1,
                                             maximum=MAX_COUNT),
    )


def load_scoring(path: Path) -> Scoring:
    """The shared scoring file: one mapping under ``scoring:``."""
    top = _top(path, "scoring file", "scoring")
    top.check_keys({"scoring"})
    top.get("scoring", dict)
    return _scoring(top.child("scoring", "scoring"))


def load_concepts(path: Path) -> dict[str, Concept]:
    top = _top(path, "concepts file", "concepts")
    top.check_keys({"concepts"})
    top.get("concepts", dict)
    raw = top.child("concepts", "concepts")
    concepts: dict[str, Concept] = {}
    for cid in raw.keys():
        f = raw.child(cid, f"concept {cid!r}")
        f.check_keys({"title_th", "keywords", "weak", "exclude", "decoy", "period_counts",
                      "external_hosts", "note", "dated_item", "block", "markers"})
        keywords = f.strings("keywords", [])
        weak = f.strings("weak", [])
        if not keywords and not weak:
            raise raw.error(f"concept {cid!r}: needs 'keywords' or 'weak' words", key=cid)
        concepts[cid] = Concept(
            id=cid, title_th=f.get("title_th", str, cid), keywords=tuple(keywords),
            exclude=tuple(f.strings("exclude", [])), decoy=f.get("decoy", bool, False),
            period_counts=f.get("period_counts", bool, False),
            external_hosts=tuple(f.strings("external_hosts", [])), weak=tuple(weak),
            dated_item=f.get("dated_item", bool, False), block=f.get("block", str, ""),
            markers=tuple(f.strings("markers", [])),
        )
        if concepts[cid].block not in ("", "people"):
            raise f.error(f"concept {cid!r}: unknown block detector {concepts[cid].block!r} "
                          "(known: people)", key="block")
    return concepts


def _freshness(f: Fields) -> Freshness:
    f.check_keys({"policy", "days", "grace_days"})
    policy = f.get("policy", str)
    if policy not in FRESHNESS_POLICIES:
        raise f.error(
            f"freshness: unknown policy {policy!r} (one of: {', '.join(FRESHNESS_POLICIES)})",
            key="policy",
        )
    days = f.number("days", int, 365, minimum=1, maximum=MAX_DAYS, low="must be positive")
    grace = f.number("grace_days", int, 0, minimum=0, maximum=MAX_GRACE_DAYS)
    return Freshness(policy=policy, days=days, grace_days=grace)


def _scoring(f: Fields) -> Scoring:
    f.check_keys({"weights", "threshold", "body_cap", "anywhere_min_chars", "tie_ratio",
                  "weak_factor", "vague_links"})
    f.get("weights", dict)
    w = f.child("weights", "scoring.weights")
    w.check_keys(set(FIELDS))
    weights = {name: w.number(name, float, minimum=0, maximum=MAX_WEIGHT) for name in FIELDS}
    threshold = f.number("threshold", float, above=0, maximum=MAX_WEIGHT,
                         low="must be positive")
    return Scoring(
        weights=weights, threshold=threshold,
        body_cap=f.number("body_cap", float, minimum=0, maximum=MAX_WEIGHT),
        anywhere_min_chars=f.number("anywhere_min_chars", int, 7, minimum=1, maximum=1_000),
        tie_ratio=f.number("tie_ratio", float, 1.0, above=0, maximum=1,
                           low="must be in (0, 1]"),
        weak_factor=f.number("weak_factor", float, 0.5, minimum=0, maximum=1),
        vague_links=tuple(f.strings("vague_links", [])),
    )


def _category(
    f: Fields, concepts: dict[str, Concept], default: Freshness,
    kind: str, fiscal_year: int | None,
) -> Category:
    f.check_keys({"id", "title_th", "title_en", "concepts", "freshness", "seed", "confirmed",
                  "note", "require", "forbid"})
    cid = f.get("id", str)
    f.what = f"category {cid!r}"
    names = f.strings("concepts")
    if not names:
        raise f.error(f"category {cid!r}: 'concepts' is empty: it could never have evidence",
                      key="concepts")
    for name in names:
        if name not in concepts:
            raise f.error(f"category {cid!r}: unknown concept {name!r}", key="concepts")
        if concepts[name].decoy:
            raise f.error(f"category {cid!r}: concept {name!r} is a decoy", key="concepts")
    freshness = (_freshness(f.child("freshness", f"category {cid!r}: freshness"))
                 if "freshness" in f.data else default)
    if freshness.policy not in ("max_age", "none") and fiscal_year is None:
        raise f.error(f"category {cid!r}: policy {freshness.policy!r} needs the rule set's "
                      "'fiscal_year'", key="freshness")
    seed = f.get("seed", str, None)
    if seed is not None and kind == "seed":
        raise f.error(f"category {cid!r}: 'seed' is only for OIT rule sets", key="seed")
    if kind == "oit" and seed is not None and seed not in {f"1.{i}" for i in range(1, 9)}:
        raise f.error(f"category {cid!r}: 'seed' must be one of 1.1 … 1.8, got {seed!r}",
                      key="seed")
    if f.get("confirmed", bool, True) is False and not f.get("note", str, ""):
        raise f.error(f"category {cid!r}: an unconfirmed item needs a 'note' saying why",
                      key="confirmed")
    return Category(
        id=cid, title_th=f.get("title_th", str), title_en=f.get("title_en", str),
        concepts=tuple(names), freshness=freshness, seed=seed,
        confirmed=f.get("confirmed", bool, True), note=f.get("note", str, ""),
        require=tuple(f.strings("require", [])), forbid=tuple(f.strings("forbid", [])),
    )
