"""Thai normalisation, tokenisation and keyword matching on word boundaries."""

from __future__ import annotations

import pytest

from rules.matcher import KeywordMatcher
from rules.text import compact_text, normalize_text, thai_ratio, tokenize


@pytest.mark.parametrize(("raw", "expected"), [
    ("แพร\uf70aข\uf70bอมูล", "แพร่ข้อมูล"),           # PDF private-use tone marks
    ("สํานักงาน", "สำนักงาน"),                       # decomposed sara am
    ("เเผนงาน", "แผนงาน"),                          # two sara e typed for sara ae
    ("พ.ศ. ๒๕๖๙", "พ.ศ. 2569"),                     # Thai digits
    ("ข่าว\u200bสาร", "ข่าวสาร"),                     # zero-width space
    ("a\u00a0 \n b", "a b"),                         # no-break space and newlines folded
    ("E–Service", "E-Service"),                      # en dash in official titles
    ("คู่มือปฎิบัติงาน", "คู่มือปฏิบัติงาน"),             # common ฎ/ฏ misspelling
    ("", ""),
])
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_compact_text_drops_spaces_between_thai_letters_only() -> None:
    assert compact_text("ข่าว ประชา สัมพันธ์") == "ข่าวประชาสัมพันธ์"
    assert compact_text("E Service ออนไลน์") == "e service ออนไลน์"


def test_tokenize_keeps_domain_terms_whole() -> None:
    tokens = tokenize("ผอ.สพป.ชลบุรี เขต ๒ ประกาศ สขร.1 เดือน ต.ค.")
    assert "สพป." in tokens
    assert "สขร.1" in tokens
    assert "2" in tokens  # Thai digit normalised


def test_thai_ratio() -> None:
    assert thai_ratio("ข่าวสาร") == 1.0
    assert thai_ratio("abc") == 0.0
    assert 0.4 < thai_ratio("ข่าว news") < 0.6


def matcher(*keywords: str, decoys: tuple[str, ...] = ()) -> KeywordMatcher:
    pairs = [("c" + str(i), k, False) for i, k in enumerate(keywords)]
    pairs += [("decoy" + str(i), k, False) for i, k in enumerate(decoys)]
    return KeywordMatcher(pairs, anywhere_concepts=[c for c, _, _ in pairs if "decoy" in c])


def test_short_keyword_needs_word_boundaries() -> None:
    m = matcher("ข่าว")
    assert [x.keyword for x in m.find("ข่าว ประจำปี")] == ["ข่าว"]
    # "ข่าว" must not match inside the unrelated word "ข้าวสาร"-like compounds
    assert matcher("สาร").find("ข่าวสารประชาสัมพันธ์") == []
    assert matcher("งาน").find("สำนักงานเขต") == []


def test_a_decoy_claims_its_span() -> None:
    # "แผนที่" (map) is a decoy: the plan keyword "แผน" loses the span
    m = matcher("แผน", decoys=("แผนที่",))
    assert [x.keyword for x in m.find("แผนที่ตั้งสำนักงาน")] == ["แผนที่"]
    assert [x.keyword for x in m.find("แผน ประจำปี")] == ["แผน"]


def test_longer_match_of_another_concept_wins_the_span() -> None:
    m = matcher("ข่าว", "ข่าวจัดซื้อจัดจ้าง")
    found = m.find("ข่าวจัดซื้อจัดจ้าง ประจำเดือน")
    assert [x.keyword for x in found] == ["ข่าวจัดซื้อจัดจ้าง"]


def test_matching_survives_inserted_spaces_and_thai_digits() -> None:
    m = matcher("แผนปฏิบัติการประจำปี")
    assert m.find("แผน ปฏิบัติ การประจำปี ๒๕๖๙")
    assert m.find("แผนปฏิบัติการ ประจำปี")


def test_english_keywords_are_case_insensitive() -> None:
    m = matcher("e-service")
    assert m.find("ระบบ E-SERVICE ของสำนักงาน")
    assert m.find("ระบบ E–Service")
