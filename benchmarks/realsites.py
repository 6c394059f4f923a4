"""Accuracy on the real-site development set: ``python -m benchmarks.realsites``.

Replays the six recorded agency websites of ``../shared/realsites`` on
127.0.0.1, audits each with the seed rule set as of the recording day and
prints, per site and in total, the labelled categories judged right, the
present categories found and the claimed-only pages cited as evidence.
``--json FILE`` also writes the figures; ``--details`` lists what was cited.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import realsites  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.realsites")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--details", action="store_true", help="list evidence and claimed items")
    args = parser.parse_args(argv)
    if not realsites.available():
        print(f"realsites: {realsites.REALSITES} not found (it sits beside the checkout)",
              file=sys.stderr)
        return 2
    scores = []
    details = {}
    for site, origin, result, verdicts in realsites.audit_all():
        dicts = realsites.verdict_dicts(verdicts)
        score = realsites.score_site(site, origin, dicts, result.status)
        scores.append(score)
        details[site.name] = {
            "run": result.status, "reason": result.reason, "pages": result.pages,
            "documents": result.documents, "statuses": score.statuses, "wrong": score.wrong,
            "claimed_cited": score.claimed_cited,
            "evidence": {d["category"]: [realsites._local(e["url"], origin)
                                         for e in d["evidence"]] for d in dicts},
            "claimed": {d["category"]: [realsites._local(e["url"], origin)
                                        for e in d["claimed"]] for d in dicts},
        }
    print(realsites.table(scores))
    if args.details:
        for name, d in details.items():
            print(f"\n## {name}: {d['run']} {d['reason']} ({d['pages']} pages, "
                  f"{d['documents']} documents)")
            for cat in realsites.CATEGORIES:
                print(f"  {cat} {d['statuses'][cat]:<8} evidence={d['evidence'].get(cat, [])[:6]}"
                      f" claimed={d['claimed'].get(cat, [])[:4]}")
            if d["claimed_cited"]:
                print(f"  claimed-only cited: {d['claimed_cited']}")
    if args.json:
        args.json.write_text(json.dumps({
            "right": sum(s.right for s in scores), "labelled": sum(s.labelled for s in scores),
            "present_found": sum(s.present_found for s in scores),
            "present": sum(s.present for s in scores),
            "claimed_cited": sum(len(s.claimed_cited) for s in scores),
            "sites": details,
        }, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
