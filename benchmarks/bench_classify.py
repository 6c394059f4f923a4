"""Classification speed: 1 MB of Thai text, beside a naive substring baseline.

The text is 500 records of about 2 KB each (what a crawl of an office website
produces), built deterministically from real-looking Thai sentences and the
pythainlp word list.  The issue's budget: 1 MB in at most 2 s on one core.
"""

from __future__ import annotations

import random
import resource
import time

from rules.classify import Classifier
from rules.offline import ensure_pythainlp_offline
from rules.records import DocumentRecord, LinkContext
from rules.ruleset import load_ruleset
from rules.text import compact_text

ensure_pythainlp_offline()
from pythainlp.corpus import thai_words  # noqa: E402

SENTENCES = [
    "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาได้จัดประชุมผู้บริหารสถานศึกษา ประจำเดือนพฤศจิกายน ๒๕๖๙",
    "ประกาศ เรื่อง ผู้ชนะการเสนอราคา ซื้อวัสดุคอมพิวเตอร์ โดยวิธีเฉพาะเจาะจง",
    "รายงานผลการดำเนินงานตามแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๘ รอบ ๖ เดือน",
    "คู่มือการปฏิบัติงาน กลุ่มบริหารงานการเงินและสินทรัพย์ ฉบับปรับปรุง ๒๕๖๙",
    "โรงเรียนในสังกัดเข้าร่วมกิจกรรมวันเด็กแห่งชาติ ณ หอประชุมจังหวัด",
]
TARGET_BYTES = 1_000_000
RECORD_BYTES = 2_000


def build_records(seed: int = 7) -> list[DocumentRecord]:
    rng = random.Random(seed)
    words = sorted(thai_words())
    records: list[DocumentRecord] = []
    total = 0
    while total < TARGET_BYTES:
        parts: list[str] = []
        size = 0
        while size < RECORD_BYTES:
            piece = rng.choice(SENTENCES) if rng.random() < 0.3 else " ".join(
                rng.choice(words) for _ in range(8))
            parts.append(piece)
            size += len(piece.encode())
        body = " ".join(parts)
        total += len(body.encode())
        records.append(DocumentRecord(
            url=f"https://bench.example/{len(records)}", title=rng.choice(SENTENCES)[:40],
            body_text=body, links_in=[LinkContext("https://bench.example/",
                                                  anchor_text=rng.choice(SENTENCES)[:30])],
        ))
    return records


def main() -> dict[str, float]:
    ruleset = load_ruleset("seed")
    records = build_records()
    megabytes = sum(len(r.body_text.encode()) for r in records) / 1e6
    classifier = Classifier(ruleset)
    classifier.classify(records[0])  # warm the tokenizer
    start = time.perf_counter()
    decided = sum(1 for r in records if classifier.classify(r).categories)
    ours = time.perf_counter() - start

    keywords = [compact_text(k) for c in ruleset.concepts.values() for k in c.keywords]
    start = time.perf_counter()
    naive_hits = 0
    for r in records:
        text = compact_text(r.title + " " + r.body_text)
        naive_hits += sum(1 for k in keywords if k in text)
    baseline = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"classification: {megabytes:.2f} MB in {len(records)} records")
    print(f"  ita-audit classifier : {ours:6.2f} s  {megabytes / ours:6.2f} MB/s "
          f"({decided} records decided)  budget 2.00 s: {'OK' if ours <= 2.0 * megabytes else 'OVER'}")
    print(f"  baseline substring   : {baseline:6.2f} s  {megabytes / baseline:6.2f} MB/s "
          f"(no boundaries, no spans, no weights)")
    print(f"  peak memory          : {peak_mb:6.1f} MB")
    return {"seconds": ours, "megabytes": megabytes, "baseline_seconds": baseline}


if __name__ == "__main__":
    main()
