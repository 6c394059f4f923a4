"""Crawl throughput on 127.0.0.1, beside a plain-HTTP baseline measured in the same run.

A generated site of N Thai pages (each linking onward, some PDFs from the
bundled sample site) is served locally.  ita-audit crawls, parses,
classifies and stores it; the baseline fetches the very same URLs one after
another with urllib and does nothing else.  Figures: pages/s, MB/s, peak
memory of the audit process.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from ita_audit.siteserver import serve

PAGES = 400
FILLER = ("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาได้ดำเนินการตามแผนปฏิบัติการประจำปีงบประมาณ "
          "พ.ศ. ๒๕๖๙ ประกาศ ณ วันที่ ๑๕ ตุลาคม ๒๕๖๙ ") * 40


def build_site(root: Path) -> list[str]:
    paths = []
    sample_docs = sorted((Path(__file__).resolve().parents[1] / "ita_audit" / "sample_site"
                          / "site").rglob("*.pdf"))[:10]
    for i, doc in enumerate(sample_docs):
        shutil.copy(doc, root / f"doc{i}.pdf")
        paths.append(f"doc{i}.pdf")
    for i in range(PAGES):
        links = "".join(f"<li><a href='p{(i * 7 + k) % PAGES}.html'>ข่าว {k}</a></li>"
                        for k in range(1, 6))
        doc_link = f"<a href='doc{i % len(sample_docs)}.pdf'>ดาวน์โหลด</a>" if sample_docs else ""
        (root / f"p{i}.html").write_text(
            f"<html><head><title>หน้า {i}</title></head><body><h1>ข่าวประชาสัมพันธ์ {i}</h1>"
            f"<p>{FILLER}</p><ul>{links}</ul>{doc_link}</body></html>", encoding="utf-8")
        paths.append(f"p{i}.html")
    (root / "index.html").write_text(
        "<html><body><h1>หน้าแรก</h1>" + "".join(f"<a href='p{i}.html'>{i}</a>"
                                                  for i in range(0, PAGES, 20)) + "</body></html>",
        encoding="utf-8")
    paths.append("index.html")
    return paths


def baseline(url: str, paths: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    total = 0
    for path in paths:
        with urllib.request.urlopen(url + path) as response:  # noqa: S310 - 127.0.0.1 only
            total += len(response.read())
    return time.perf_counter() - start, total


def main() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        root.mkdir()
        paths = build_site(root)
        with serve(root) as server:
            base_s, base_bytes = baseline(server.url, paths)
            start = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "ita_audit.cli", "audit", server.url, "--db",
                 str(Path(tmp) / "b.db"), "--as-of", "2026-11-20", "--delay", "0",
                 "--concurrency", "16", "--max-pages", str(PAGES + 100), "--quiet"],
                capture_output=True, text=True, timeout=600)
            ours_s = time.perf_counter() - start
        if proc.returncode != 0:
            print(proc.stderr[-2000:])
            raise SystemExit("crawl benchmark failed")
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    n = len(paths)
    mb = base_bytes / 1e6
    print(f"crawl: {n} URLs ({PAGES} Thai pages + PDFs), {mb:.1f} MB on 127.0.0.1")
    print(f"  ita-audit audit (crawl+parse+PDF text+classify+store): {ours_s:6.2f} s "
          f"{n / ours_s:7.1f} pages/s {mb / ours_s:6.2f} MB/s  peak memory {peak_mb:.0f} MB")
    print(f"  baseline urllib sequential fetch only                 : {base_s:6.2f} s "
          f"{n / base_s:7.1f} pages/s {mb / base_s:6.2f} MB/s")
    return {"seconds": ours_s, "baseline_seconds": base_s}


if __name__ == "__main__":
    main()
