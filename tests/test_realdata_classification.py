"""Classification of real documents published by Thai agencies (shared/realdata).

Each document is judged on its own text only (title and first lines), with no
link pointing to it: the hardest case, since on a website the link text and
the hub-table row usually carry the meaning.  Labels were read by hand
(MANIFEST.yaml); a second label named in ``category_note`` also counts.
"""

from __future__ import annotations

import re

import pytest
import yaml

from crawler.documents import extract_document, sniff_kind
from rules.classify import Classifier
from rules.records import DocumentRecord
from rules.ruleset import load_ruleset
from tests.conftest import SHARED

REALDATA = SHARED / "realdata" / "documents"
MIN_ACCURACY = 0.55  # documents alone; the link context is what usually carries the meaning


def labelled_documents() -> list[dict]:
    manifest = REALDATA / "MANIFEST.yaml"
    if not manifest.exists():
        pytest.skip(f"real documents not found at {REALDATA}")
    docs = yaml.safe_load(manifest.read_text(encoding="utf-8"))["documents"]
    return [d for d in docs if d["text_layer"] == "yes"]


def acceptable(doc: dict) -> set[str]:
    labels = {str(doc["category"])}
    labels |= set(re.findall(r"\b1\.[1-8]\b", doc.get("category_note") or ""))
    return labels


def test_real_documents_alone() -> None:
    classifier = Classifier(load_ruleset("seed"))
    right, lines = 0, []
    docs = labelled_documents()
    for doc in docs:
        body = (REALDATA / doc["file"]).read_bytes()
        extracted = extract_document(body, sniff_kind(body[:4096], "", doc["file"]))
        # a neutral URL: the file names of this data set were written by its curator
        record = DocumentRecord(url=f"https://www.example.go.th/files/{len(lines)}.bin",
                                kind="document", title=extracted.title,
                                body_text=extracted.text, text_layer=extracted.text_layer)
        result = classifier.classify(record)
        predicted = result.categories[0] if result.categories else "none"
        ok = predicted in acceptable(doc)
        right += ok
        lines.append(f"{'ok ' if ok else 'XX '}{doc['category']!s:5} got {predicted:5} {doc['file']}")
    print("\n".join(lines))
    accuracy = right / len(docs)
    print(f"accuracy {accuracy:.2f} on {len(docs)} documents with a text layer")
    assert accuracy >= MIN_ACCURACY


def test_no_real_document_is_claimed_by_a_category_it_plainly_is_not() -> None:
    """Recruitment notices and blank memos are never procurement or structure evidence."""
    classifier = Classifier(load_ruleset("seed"))
    for doc in labelled_documents():
        if "recruit" not in doc["file"] and "memo" not in doc["file"]:
            continue
        body = (REALDATA / doc["file"]).read_bytes()
        extracted = extract_document(body, sniff_kind(body[:4096], "", doc["file"]))
        record = DocumentRecord(url="https://www.example.go.th/files/x.bin", kind="document",
                                title=extracted.title, body_text=extracted.text)
        assert not {"1.1", "1.5"} & set(classifier.classify(record).categories), doc["file"]
