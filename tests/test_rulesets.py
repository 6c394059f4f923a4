"""The bundled rule sets, and the loader's messages for broken rule files.

The first half checks the data: every bundled rule set loads, the seed has
exactly its categories, each OIT year has consecutive O-codes, mappings and
concepts are valid, unconfirmed items say why.  The second half writes broken
copies of seed.yaml (and of concepts.yaml and scoring.yaml) into ``tmp_path``
and checks that the loader answers with one line, ``PATH:LINE: message``,
where LINE is the line of the offending key, worked out from the text the test
wrote (a marker comment on that line, or the key's own text), never a number
typed in by hand.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from rules.classify import Classifier
from rules.records import DocumentRecord, LinkContext
from rules.ruleset import (
    CONCEPTS_FILE,
    FIELDS,
    FRESHNESS_POLICIES,
    RULESET_DIR,
    SCORING_FILE,
    RuleSet,
    available_rulesets,
    load_ruleset,
)
from rules.yamlsource import SourceError

SEED_TEXT = (RULESET_DIR / "seed.yaml").read_text(encoding="utf-8")
CONCEPTS_TEXT = (RULESET_DIR / CONCEPTS_FILE).read_text(encoding="utf-8")
SCORING_TEXT = (RULESET_DIR / SCORING_FILE).read_text(encoding="utf-8")
SEED_IDS = [f"1.{i}" for i in range(1, 9)]
# Bundled OIT rule sets: expected item count, and whether items beyond it are
# allowed (2568: the research could not rule out an O27; any extra must be unconfirmed).
OIT_SETS = {"oit-2567": (43, False), "oit-2568": (26, True), "oit-2569": (26, False)}
MARK = "# <- here"


# --------------------------------------------------------------------------- bundled data


def test_bundled_rule_sets_are_listed():
    assert {"seed", *OIT_SETS} <= set(available_rulesets())
    assert "concepts" not in available_rulesets()
    assert "scoring" not in available_rulesets()


@pytest.mark.parametrize("name", available_rulesets())
def test_every_bundled_rule_set_loads(name: str):
    rs = load_ruleset(name)
    assert rs.id == name
    assert rs.categories
    assert rs.title_th.strip() and rs.title_en.strip()
    assert Path(rs.path) == RULESET_DIR / f"{name}.yaml"


def test_seed_has_categories_1_1_to_1_8_and_quality_1_9():
    rs = load_ruleset("seed")
    assert rs.kind == "seed"
    assert [c.id for c in rs.categories] == SEED_IDS
    assert rs.quality is not None and rs.quality.id == "1.9"
    assert rs.category_ids == [*SEED_IDS, "1.9"]


@pytest.mark.parametrize("name", sorted(OIT_SETS))
def test_oit_sets_have_consecutive_codes(name: str):
    expected, extra_allowed = OIT_SETS[name]
    rs = load_ruleset(name)
    assert rs.kind == "oit"
    assert rs.fiscal_year == int(name.removeprefix("oit-"))
    ids = [c.id for c in rs.categories]
    assert ids == [f"O{i}" for i in range(1, len(ids) + 1)]
    if extra_allowed:
        assert len(ids) >= expected
        extra = rs.categories[expected:]
        assert all(not c.confirmed for c in extra), "items beyond the known list must be unconfirmed"
    else:
        assert len(ids) == expected


@pytest.mark.parametrize("name", sorted(OIT_SETS))
def test_oit_seed_mappings_are_1_1_to_1_8_and_cover_every_seed_category(name: str):
    rs = load_ruleset(name)
    seeds = {c.seed for c in rs.categories if c.seed is not None}
    assert seeds <= set(SEED_IDS)
    # Every seed category keeps at least one OIT item, so seed reports can be
    # rebuilt from an OIT audit.
    assert seeds == set(SEED_IDS)


@pytest.mark.parametrize("name", sorted(OIT_SETS))
def test_oit_sets_share_the_seed_scoring(name: str):
    assert load_ruleset(name).scoring == load_ruleset("seed").scoring


@pytest.mark.parametrize("name", sorted(OIT_SETS))
def test_oit_freshness_policies(name: str):
    rs = load_ruleset(name)
    for c in rs.categories:
        assert c.freshness.policy in FRESHNESS_POLICIES
        assert c.freshness.policy != "max_age", f"{name} {c.id}: OIT items use fiscal-year windows"
        if c.freshness.policy == "monthly":
            assert c.freshness.grace_days == 30, f"{name} {c.id}"
    # Every year has at least one item of each kind of window except monthly (2568 has none).
    policies = {c.freshness.policy for c in rs.categories}
    assert {"none", "fiscal_year", "previous_fiscal_year"} <= policies


@pytest.mark.parametrize("name", available_rulesets())
def test_categories_reference_existing_non_decoy_concepts(name: str):
    rs = load_ruleset(name)
    for c in rs.categories:
        assert c.concepts, f"{name} {c.id}: no concepts"
        assert len(set(c.concepts)) == len(c.concepts), f"{name} {c.id}: concept listed twice"
        for concept in c.concepts:
            assert concept in rs.concepts, f"{name} {c.id}: unknown concept {concept}"
            assert not rs.concepts[concept].decoy, f"{name} {c.id}: decoy concept {concept}"


@pytest.mark.parametrize("name", available_rulesets())
def test_unconfirmed_items_carry_a_note(name: str):
    rs = load_ruleset(name)
    for c in rs.categories:
        if not c.confirmed:
            assert c.note.strip(), f"{name} {c.id}: unconfirmed without a note"


def test_unconfirmed_items_are_the_ones_the_research_marks():
    unconfirmed = {
        name: [c.id for c in load_ruleset(name).categories if not c.confirmed] for name in OIT_SETS
    }
    # [I] in ita_indicators.md §2.1/§2.2 and open question 1; O10/O39–O41 from open question 2.
    assert {"O10", "O39", "O40", "O41"} <= set(unconfirmed["oit-2567"])
    assert {"O2", "O5", "O6", "O7"} <= set(unconfirmed["oit-2568"])
    assert unconfirmed["oit-2569"] == ["O2", "O6", "O7"]


def _title_record(title: str) -> DocumentRecord:
    return DocumentRecord(
        url="https://www.example-office.go.th/ita/item",
        links_in=[LinkContext("https://www.example-office.go.th/ita", anchor_text=title)],
    )


@pytest.mark.parametrize("name", sorted(OIT_SETS))
def test_every_oit_item_is_found_by_its_own_title(name: str):
    """A link carrying an item's official wording is evidence for that item:
    the concepts chosen for the item fit its wording."""
    rs: RuleSet = load_ruleset(name)
    classifier = Classifier(rs)
    missed = [
        c.id for c in rs.categories
        if c.id not in classifier.classify(_title_record(c.title_th)).categories
    ]
    assert missed == []


# --------------------------------------------------------------------------- helpers for broken files


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    """A directory with the real concepts and scoring files, for rule sets written by the tests."""
    for name in (CONCEPTS_FILE, SCORING_FILE):
        shutil.copy(RULESET_DIR / name, tmp_path / name)
    return tmp_path


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def replace_in_category(text: str, category_id: str, old: str, new: str) -> str:
    """Replace ``old`` inside one category's block (between its ``- id:`` and the next)."""
    start = text.index(f'  - id: "{category_id}"')
    end = text.find("  - id: ", start + 1)
    end = len(text) if end < 0 else end
    pos = text.index(old, start)
    assert pos < end, f"{old!r} is not in category {category_id}"
    return text[:pos] + new + text[pos + len(old):]


def line_no(text: str, needle: str) -> int:
    """The 1-based number of the one line of ``text`` that contains ``needle``."""
    hits = [i for i, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(hits) == 1, f"{needle!r} is on lines {hits}"
    return hits[0]


def category_line(text: str, category_id: str) -> int:
    """The line of a category's ``- id:`` entry (the line of its ``id`` key)."""
    return line_no(text, f'- id: "{category_id}"')


def top_line(text: str) -> int:
    """The first key of the file: where the rule set's own mapping starts."""
    return next(i for i, line in enumerate(text.splitlines(), start=1)
                if line and not line.startswith(("#", " ")))


def load_error(path: Path) -> SourceError:
    with pytest.raises(SourceError) as info:
        load_ruleset(str(path))
    return info.value


def assert_located(err: SourceError, path: Path, line: int, *words: str) -> None:
    message = str(err)
    assert "\n" not in message, message
    match = re.fullmatch(r"(?P<path>.+?):(?P<line>\d+): (?P<message>\S.*)", message)
    assert match, f"not PATH:LINE: message: {message!r}"
    assert match["path"] == str(path), message
    assert int(match["line"]) == line, message
    assert (err.path, err.line) == (str(path), line)
    for word in words:
        assert word in match["message"], f"{word!r} not in {message!r}"


def write(directory: Path, text: str, name: str = "broken.yaml") -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def _oit_text() -> str:
    return (RULESET_DIR / "oit-2569.yaml").read_text(encoding="utf-8")


def test_helpers_read_the_seed_as_written():
    assert top_line(SEED_TEXT) == line_no(SEED_TEXT, "id: seed")
    assert category_line(SEED_TEXT, "1.8") < line_no(SEED_TEXT, "concepts: [news, laws]")
    # The seed has no scoring block of its own: it uses the shared scoring file.
    assert not re.search(r"^scoring:", SEED_TEXT, re.MULTILINE)
    assert re.search(r"^scoring:", SCORING_TEXT, re.MULTILINE)


def test_replace_in_category_stays_inside_the_block():
    text = replace_in_category(_oit_text(), "O4", '    seed: "1.8"\n', '    seed: "1.7"\n')
    assert text.count('seed: "1.7"') == _oit_text().count('seed: "1.7"') + 1
    with pytest.raises(AssertionError):
        replace_in_category(_oit_text(), "O4", "    confirmed: false\n", "")


def test_an_unbroken_copy_loads(rules_dir: Path):
    rs = load_ruleset(str(write(rules_dir, SEED_TEXT, "copy.yaml")))
    assert [c.id for c in rs.categories] == SEED_IDS
    assert rs.scoring == load_ruleset("seed").scoring


# --------------------------------------------------------------------------- YAML-level errors


def test_yaml_syntax_error(rules_dir: Path):
    text = replace_once(
        SEED_TEXT, "title_en: Public disclosure on the office website",
        f"title_en: Public disclosure: on the office website  {MARK}",
    )
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, MARK), "invalid YAML", "mapping values")


def test_yaml_unclosed_flow_sequence(rules_dir: Path):
    text = replace_once(SEED_TEXT, "concepts: [work_manual]", f"concepts: [work_manual  {MARK}")
    path = write(rules_dir, text)
    err = load_error(path)
    # PyYAML notices the missing "]" at the next token: the following line.
    assert_located(err, path, line_no(text, MARK) + 1, "invalid YAML")


def test_duplicate_yaml_key(rules_dir: Path):
    text = replace_once(SEED_TEXT, "kind: seed\n", f"kind: seed\nkind: oit  {MARK}\n")
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, MARK), "duplicate key 'kind'")


def test_empty_file_has_no_line(rules_dir: Path):
    path = write(rules_dir, "")
    err = load_error(path)
    assert str(err).startswith(f"{path}: ") and "\n" not in str(err)
    assert err.line is None
    assert "must be a mapping" in str(err)


def test_missing_file(rules_dir: Path):
    path = rules_dir / "absent.yaml"
    err = load_error(path)
    assert str(err) == f"{path}: file not found"


def test_unknown_bundled_name_lists_the_available_sets():
    with pytest.raises(SourceError) as info:
        load_ruleset("oit-1999")
    message = str(info.value)
    assert message.startswith("oit-1999: unknown rule set")
    for name in ("seed", *OIT_SETS):
        assert name in message
    assert "scoring" not in message.split("available:")[1]


# --------------------------------------------------------------------------- rule-set errors


def test_unknown_top_level_key(rules_dir: Path):
    text = replace_once(SEED_TEXT, "id: seed\n", "colour: blue\nid: seed\n")
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, "colour:"),
                   "rule set", "unknown key 'colour'", "allowed:")


def test_unknown_key_at_the_end_of_the_file_is_located_at_its_line(rules_dir: Path):
    text = SEED_TEXT + "colour: blue\n"
    path = write(rules_dir, text)
    assert line_no(text, "colour:") > top_line(text)
    assert_located(load_error(path), path, line_no(text, "colour:"), "unknown key 'colour'")


def test_unknown_key_in_a_category(rules_dir: Path):
    text = replace_once(SEED_TEXT, "    concepts: [procurement]\n",
                        "    concepts: [procurement]\n    colour: green\n")
    path = write(rules_dir, text)
    assert line_no(text, "colour:") != category_line(text, "1.5")
    assert_located(load_error(path), path, line_no(text, "colour:"),
                   "category", "unknown key 'colour'")


def test_missing_categories(rules_dir: Path):
    # No key to point at: the message names the missing key, the line is the rule set's.
    start, quality = SEED_TEXT.index("categories:\n"), SEED_TEXT.index("quality:\n")
    text = SEED_TEXT[:start] + SEED_TEXT[quality:]
    assert "categories:" not in text
    path = write(rules_dir, text)
    assert_located(load_error(path), path, top_line(text),
                   "missing required key 'categories'")


def test_unknown_concept(rules_dir: Path):
    text = replace_once(SEED_TEXT, "concepts: [news, laws]", "concepts: [news, lawz, qa, social_network, privacy_policy]")
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, "concepts: [news, lawz, qa, social_network, privacy_policy]"),
                   "category '1.8'", "unknown concept 'lawz'")


def test_decoy_concept(rules_dir: Path):
    text = replace_once(SEED_TEXT, "concepts: [news, laws]", "concepts: [news, visitor_counter]")
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, "concepts: [news, visitor_counter]"),
                   "category '1.8'", "'visitor_counter' is a decoy")


def test_unknown_freshness_policy_in_a_category(rules_dir: Path):
    text = replace_once(SEED_TEXT, "    concepts: [work_manual]\n",
                        "    concepts: [work_manual]\n    freshness: {policy: weekly}\n")
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, "policy: weekly"),
                   "unknown policy 'weekly'", "fiscal_year")


def test_freshness_error_points_at_the_key_not_the_mapping(rules_dir: Path):
    text = replace_once(SEED_TEXT, "    concepts: [work_manual]\n",
                        "    concepts: [work_manual]\n    freshness:\n"
                        "      days: 30\n      policy: weekly\n")
    path = write(rules_dir, text)
    assert line_no(text, "policy: weekly") > line_no(text, "days: 30")
    assert_located(load_error(path), path, line_no(text, "policy: weekly"),
                   "unknown policy 'weekly'")


def test_unknown_default_freshness_policy(rules_dir: Path):
    text = replace_once(SEED_TEXT, "default_freshness: {policy: max_age, days: 365}",
                        "default_freshness: {policy: yearly, days: 365}")
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, "policy: yearly"),
                   "unknown policy 'yearly'")


def test_non_positive_days(rules_dir: Path):
    text = replace_once(SEED_TEXT, "default_freshness: {policy: max_age, days: 365}",
                        "default_freshness:\n  policy: max_age\n  days: 0\n")
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, "days: 0"),
                   "'days' must be positive", "0")


def test_negative_grace_days(rules_dir: Path):
    text = replace_in_category(_oit_text(), "O4", "    freshness: {policy: fiscal_year}\n",
                               "    freshness:\n      policy: monthly\n      grace_days: -5\n")
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, "grace_days: -5"),
                   "'grace_days' must not be negative", "-5")


def test_zero_grace_days_is_allowed(rules_dir: Path):
    text = replace_in_category(_oit_text(), "O4", "    freshness: {policy: fiscal_year}\n",
                               "    freshness: {policy: monthly, grace_days: 0}\n")
    rs = load_ruleset(str(write(rules_dir, text)))
    assert rs.category("O4").freshness.grace_days == 0


def test_fiscal_year_policy_without_fiscal_year(rules_dir: Path):
    text = replace_once(SEED_TEXT, "    concepts: [work_manual]\n",
                        "    concepts: [work_manual]\n    freshness: {policy: fiscal_year}\n")
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, "freshness: {policy: fiscal_year}"),
                   "category '1.6'", "'fiscal_year'")


def test_scalar_freshness_is_located_at_its_key(rules_dir: Path):
    text = replace_once(SEED_TEXT, "    concepts: [news, laws]\n",
                        "    concepts: [news, laws]\n    freshness: max_age\n")
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, "freshness: max_age"),
                   "category '1.8': freshness must be a mapping", "'max_age'")


def _seed_with_scalar_quality() -> str:
    return SEED_TEXT[:SEED_TEXT.index("quality:\n")] + 'quality: "1.9"\n'


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        (replace_once(SEED_TEXT, "default_freshness: {policy: max_age, days: 365}",
                      "default_freshness: max_age"),
         "default_freshness:", ("default_freshness must be a mapping", "'max_age'")),
        (_seed_with_scalar_quality(), "quality:", ("quality must be a mapping", "'1.9'")),
        (replace_once(SEED_TEXT, "categories:\n", "scoring: shared\ncategories:\n"),
         "scoring:", ("'scoring' must be dict", "'shared'")),
    ],
    ids=["default_freshness", "quality", "scoring"],
)
def test_scalar_where_a_mapping_belongs_is_located_at_its_key(rules_dir: Path, text, key, words):
    path = write(rules_dir, text)
    assert line_no(text, key) != top_line(text)
    assert_located(load_error(path), path, line_no(text, key), *words)


def test_scalar_category_is_located_at_the_categories_key(rules_dir: Path):
    # A list item has no key of its own: the loader points at ``categories:``.
    text = replace_once(SEED_TEXT, "categories:\n", 'categories:\n  - "1.0"\n')
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, "categories:"),
                   "category must be a mapping", "'1.0'")


def test_duplicate_category_id(rules_dir: Path):
    text = replace_once(SEED_TEXT, '  - id: "1.8"', f'  - id: "1.7"  {MARK}')
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, MARK), "category '1.7' is listed twice")


def test_quality_id_that_is_also_a_category_id(rules_dir: Path):
    # ``id`` last in the quality block, so its line differs from the block's first line.
    text = replace_once(SEED_TEXT, '  id: "1.9"\n', "")
    text = text.rstrip("\n") + f'\n  id: "1.8"  {MARK}\n'
    path = write(rules_dir, text)
    assert line_no(text, MARK) > line_no(text, "quality:") + 1
    assert_located(load_error(path), path, line_no(text, MARK),
                   "quality", "'1.8' is also a category id")


def test_seed_key_in_a_seed_rule_set(rules_dir: Path):
    text = replace_once(SEED_TEXT, "    concepts: [news, laws]\n",
                        '    concepts: [news, laws]\n    seed: "1.8"\n')
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, 'seed: "1.8"'),
                   "category '1.8'", "'seed' is only for OIT rule sets")


@pytest.mark.parametrize("note", ["", '    note: ""\n'], ids=["no-note", "empty-note"])
def test_unconfirmed_item_without_a_note(rules_dir: Path, note: str):
    old = "    confirmed: false\n    note: Not renamed by RTRDA; the 2568 wording is kept by inference [I].\n"
    text = replace_in_category(_oit_text(), "O2", old, f"    confirmed: false  {MARK}\n{note}")
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, MARK),
                   "category 'O2'", "unconfirmed item needs a 'note'")


def test_unconfirmed_item_with_a_note_loads(rules_dir: Path):
    text = replace_once(SEED_TEXT, "    concepts: [news, laws]\n",
                        "    concepts: [news, laws]\n    confirmed: false\n    note: not sure yet\n")
    rs = load_ruleset(str(write(rules_dir, text)))
    assert (rs.category("1.8").confirmed, rs.category("1.8").note) == (False, "not sure yet")


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        # a category id written as a number
        ('  - id: "1.8"', f"  - id: 1.8  {MARK}", ("'id' must be str", "1.8")),
        # freshness days must be an int
        ("default_freshness: {policy: max_age, days: 365}",
         f"default_freshness: {{policy: max_age, days: a year}}  {MARK}",
         ("'days' must be int", "'a year'")),
    ],
    ids=["id-number", "days-string"],
)
def test_wrong_types_on_the_first_key_of_a_mapping(rules_dir: Path, old, new, words):
    text = replace_once(SEED_TEXT, old, new)
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, MARK), *words)


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("    concepts: [news, laws]\n", f"    concepts: news  {MARK}\n",
         ("'concepts' must be list", "'news'")),
        ("    concepts: [news, laws]\n", f"    concepts: [news, 7]  {MARK}\n",
         ("'concepts' must be a list of non-empty strings", "7")),
        ("    concepts: [news, laws]\n", f"    concepts: [news, laws]\n    confirmed: maybe  {MARK}\n",
         ("'confirmed' must be bool", "'maybe'")),
        ("    title_en: News, laws, rules and regulations\n", f"    title_en: [News, laws]  {MARK}\n",
         ("'title_en' must be str",)),
    ],
    ids=["concepts-string", "concepts-number", "confirmed-string", "title-list"],
)
def test_wrong_types_in_a_category(rules_dir: Path, old, new, words):
    text = replace_once(SEED_TEXT, old, new)
    path = write(rules_dir, text)
    assert line_no(text, MARK) != category_line(text, "1.8")
    assert_located(load_error(path), path, line_no(text, MARK), "category '1.8'", *words)


def test_categories_must_be_a_list(rules_dir: Path):
    start, quality = SEED_TEXT.index("categories:\n"), SEED_TEXT.index("quality:\n")
    text = SEED_TEXT[:start] + "categories: {id: '1.1'}\n\n" + SEED_TEXT[quality:]
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, "categories:"),
                   "'categories' must be list")


def test_oit_rule_set_without_fiscal_year(rules_dir: Path):
    # A missing key has no line of its own: the rule set's first line.
    text = replace_once(_oit_text(), "fiscal_year: 2569\n", "")
    path = write(rules_dir, text)
    assert_located(load_error(path), path, top_line(text),
                   "OIT rule set needs 'fiscal_year'")


def test_seed_rule_set_turned_oit_needs_fiscal_year(rules_dir: Path):
    text = replace_once(SEED_TEXT, "kind: seed\n", "kind: oit\n")
    path = write(rules_dir, text)
    assert_located(load_error(path), path, top_line(text), "needs 'fiscal_year'")


@pytest.mark.parametrize("year", ["true", '"2569"'])
def test_fiscal_year_must_be_an_int(rules_dir: Path, year: str):
    text = replace_once(_oit_text(), "fiscal_year: 2569\n", f"fiscal_year: {year}\n")
    path = write(rules_dir, text)
    err = load_error(path)
    assert_located(err, path, line_no(text, "fiscal_year:"), "'fiscal_year' must be int")
    assert "Buddhist-Era" not in str(err)


def test_oit_seed_mapping_outside_1_1_to_1_8(rules_dir: Path):
    text = replace_in_category(_oit_text(), "O4", '    seed: "1.8"\n', '    seed: "1.9"\n')
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, 'seed: "1.9"'),
                   "category 'O4'", "'seed' must be one of 1.1", "'1.9'")


# --------------------------------------------------------------------------- scoring


def test_shared_scoring_file_is_used_when_the_rule_set_has_none(rules_dir: Path):
    write(rules_dir, replace_once(SCORING_TEXT, "  threshold: 3.0\n", "  threshold: 4.0\n"),
          SCORING_FILE)
    rs = load_ruleset(str(write(rules_dir, SEED_TEXT, "copy.yaml")))
    assert rs.scoring.threshold == 4.0
    assert set(rs.scoring.weights) == set(FIELDS)


def test_scoring_block_in_the_rule_set_overrides_the_shared_file(rules_dir: Path):
    (rules_dir / SCORING_FILE).unlink()  # not read at all
    own = replace_once(SCORING_TEXT, "  threshold: 3.0\n", "  threshold: 5.0\n")
    rs = load_ruleset(str(write(rules_dir, SEED_TEXT + "\n" + own, "copy.yaml")))
    assert rs.scoring.threshold == 5.0
    assert rs.scoring.weights == load_ruleset("seed").scoring.weights


def test_missing_shared_scoring_file(rules_dir: Path):
    (rules_dir / SCORING_FILE).unlink()
    err = load_error(write(rules_dir, SEED_TEXT, "copy.yaml"))
    assert str(err) == f"{rules_dir / SCORING_FILE}: file not found"


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("    link: 3.0 ", f"    links: 3.0  {MARK} ", ("scoring.weights", "unknown key 'links'")),
        ("    link: 3.0 ", f"    link: heavy  {MARK} ", ("'link' must be float", "'heavy'")),
        ("    link: 3.0 ", f"    link: true  {MARK} ", ("'link' must be float", "True")),
        ("  threshold: 3.0\n", f"  threshold: high  {MARK}\n",
         ("'threshold' must be float", "'high'")),
        ("  threshold: 3.0\n", f"  threshold: 0  {MARK}\n", ("'threshold' must be positive",)),
        ("  tie_ratio: 0.999\n", f"  tie_ratio: 0.999\n  colour: red  {MARK}\n",
         ("scoring", "unknown key 'colour'")),
    ],
    ids=["weight-unknown", "weight-string", "weight-bool", "threshold-string", "threshold-zero",
         "unknown-key"],
)
def test_broken_shared_scoring_file(rules_dir: Path, old, new, words):
    scoring = replace_once(SCORING_TEXT, old, new)
    scoring_path = write(rules_dir, scoring, SCORING_FILE)
    path = write(rules_dir, SEED_TEXT, "copy.yaml")
    assert line_no(scoring, MARK) != line_no(scoring, "weights:")
    assert_located(load_error(path), scoring_path, line_no(scoring, MARK), *words)


def test_broken_scoring_block_in_the_rule_set_is_located_in_the_rule_set(rules_dir: Path):
    text = SEED_TEXT + "\n" + replace_once(SCORING_TEXT, "  threshold: 3.0\n", "  threshold: high\n")
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, "threshold: high"),
                   "'threshold' must be float", "'high'")


# --------------------------------------------------------------------------- broken concepts files


def _with_concepts_file(name: str) -> str:
    return replace_once(SEED_TEXT, "kind: seed\n", f"kind: seed\nconcepts_file: {name}\n")


def test_concepts_file_with_a_yaml_error(rules_dir: Path):
    concepts = replace_once(CONCEPTS_TEXT, "  contact:\n", f"  contact: is: broken  {MARK}\n")
    concepts_path = write(rules_dir, concepts, "broken-concepts.yaml")
    path = write(rules_dir, _with_concepts_file("broken-concepts.yaml"))
    assert_located(load_error(path), concepts_path, line_no(concepts, MARK), "invalid YAML")


def test_concepts_file_with_an_unknown_key(rules_dir: Path):
    concepts = replace_once(CONCEPTS_TEXT, "    title_th: ข้อมูลการติดต่อ\n",
                            f"    title_th: ข้อมูลการติดต่อ\n    colour: red  {MARK}\n")
    concepts_path = write(rules_dir, concepts, "broken-concepts.yaml")
    path = write(rules_dir, _with_concepts_file("broken-concepts.yaml"))
    assert line_no(concepts, MARK) > line_no(concepts, "  contact:") + 1
    assert_located(load_error(path), concepts_path, line_no(concepts, MARK),
                   "concept 'contact'", "unknown key 'colour'")


def test_concepts_file_with_an_empty_concept(rules_dir: Path):
    concepts = CONCEPTS_TEXT.rstrip("\n") + "\n  hollow:\n    keywords: []\n"
    concepts_path = write(rules_dir, concepts, "broken-concepts.yaml")
    path = write(rules_dir, _with_concepts_file("broken-concepts.yaml"))
    err = load_error(path)
    # Somewhere in the concept's own lines (the exact line: see the gap test below).
    assert_located(err, concepts_path, err.line or 0,
                   "concept 'hollow'", "needs 'keywords' or 'weak' words")
    assert line_no(concepts, "hollow:") <= err.line <= line_no(concepts, "keywords: []")


def test_concept_with_only_weak_words_loads(rules_dir: Path):
    concepts = CONCEPTS_TEXT.rstrip("\n") + "\n  only_weak:\n    weak: [ประกาศ, notice]\n"
    write(rules_dir, concepts, "weak-concepts.yaml")
    text = replace_once(_with_concepts_file("weak-concepts.yaml"),
                        "concepts: [news, laws]", "concepts: [news, laws, only_weak]")
    rs = load_ruleset(str(write(rules_dir, text)))
    assert rs.concepts["only_weak"].keywords == ()
    assert rs.concepts["only_weak"].weak == ("ประกาศ", "notice")
    assert rs.category("1.8").concepts == ("news", "laws", "only_weak")


def test_concept_keywords_of_the_wrong_type(rules_dir: Path):
    concepts = CONCEPTS_TEXT.rstrip("\n") + "\n  typo:\n    title_th: พิมพ์ผิด\n    keywords: [ok, 7]\n"
    concepts_path = write(rules_dir, concepts, "broken-concepts.yaml")
    path = write(rules_dir, _with_concepts_file("broken-concepts.yaml"))
    assert_located(load_error(path), concepts_path, line_no(concepts, "keywords: [ok, 7]"),
                   "concept 'typo'", "'keywords' must be a list of non-empty strings", "7")


def test_scalar_concept_is_located_at_its_key(rules_dir: Path):
    concepts = CONCEPTS_TEXT.rstrip("\n") + "\n  flat: just words\n"
    concepts_path = write(rules_dir, concepts, "broken-concepts.yaml")
    path = write(rules_dir, _with_concepts_file("broken-concepts.yaml"))
    assert_located(load_error(path), concepts_path, line_no(concepts, "flat: just words"),
                   "concept 'flat' must be a mapping", "'just words'")


def test_concepts_file_that_is_a_list(rules_dir: Path):
    concepts = "# concepts as a list by mistake\nconcepts:\n  - structure\n  - news\n"
    concepts_path = write(rules_dir, concepts, "broken-concepts.yaml")
    path = write(rules_dir, _with_concepts_file("broken-concepts.yaml"))
    assert_located(load_error(path), concepts_path, line_no(concepts, "concepts:"),
                   "'concepts' must be dict")


def test_concepts_file_without_a_concept_the_rule_set_needs(rules_dir: Path):
    concepts = replace_once(CONCEPTS_TEXT, "  work_manual:\n", "  staff_manual:\n")
    write(rules_dir, concepts, "renamed-concepts.yaml")
    text = _with_concepts_file("renamed-concepts.yaml")
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, "concepts: [work_manual]"),
                   "category '1.6'", "unknown concept 'work_manual'")


def test_missing_concepts_file(rules_dir: Path):
    path = write(rules_dir, _with_concepts_file("nowhere.yaml"))
    err = load_error(path)
    assert str(err) == f"{rules_dir / 'nowhere.yaml'}: file not found"


# --------------------------------------------------------------------------- errors at their key
# Value checks (not type checks) must also point at the offending key's line.


def test_gap_empty_categories_is_located_at_its_key(rules_dir: Path):
    start, quality = SEED_TEXT.index("categories:\n"), SEED_TEXT.index("quality:\n")
    text = SEED_TEXT[:start] + "categories: []\n\n" + SEED_TEXT[quality:]
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, "categories: []"),
                   "'categories' is empty")


def test_gap_unknown_kind_is_located_at_its_key(rules_dir: Path):
    text = replace_once(SEED_TEXT, "kind: seed\n", "kind: school\n")
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, "kind: school"),
                   "'kind' must be 'seed' or 'oit'")


@pytest.mark.parametrize("year", ["2026", "25690"])
def test_gap_fiscal_year_out_of_range_is_located_at_its_key(rules_dir: Path, year: str):
    text = replace_once(_oit_text(), "fiscal_year: 2569\n", f"fiscal_year: {year}\n")
    path = write(rules_dir, text)
    assert_located(load_error(path), path, line_no(text, "fiscal_year:"),
                   "'fiscal_year' must be a Buddhist-Era year", year)


def test_gap_concept_without_words_is_located_at_the_concept(rules_dir: Path):
    concepts = CONCEPTS_TEXT.rstrip("\n") + "\n  hollow:\n    title_th: กลวง\n"
    concepts_path = write(rules_dir, concepts, "broken-concepts.yaml")
    path = write(rules_dir, _with_concepts_file("broken-concepts.yaml"))
    assert_located(load_error(path), concepts_path, line_no(concepts, "hollow:"),
                   "concept 'hollow'", "needs 'keywords' or 'weak' words")
