"""Shared test helpers: fixture websites on 127.0.0.1 and the real command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from ita_audit.siteserver import RunningServer, serve

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# A paragraph of an item's own (no keyword, no date).  Since pages and documents are
# judged on their own content, a test item needs some, or it is a placeholder.
OWN_TEXT = ("เอกสารนี้จัดทำขึ้นเพื่อให้บุคลากรและประชาชนทั่วไปได้รับทราบข้อมูลอย่างถูกต้องและทั่วถึงกัน "
            "ตามที่สำนักงานได้ดำเนินการมาอย่างต่อเนื่องทุกปี")


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def run_cli(*args: str, timeout: float = 180, cwd: Path | None = None) -> CliResult:
    """Run ``ita-audit`` in a subprocess (each crawl needs its own Twisted reactor)."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    env.pop("ITA_AUDIT_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "ita_audit.cli", *args], capture_output=True, text=True,
        timeout=timeout, cwd=cwd or ROOT, env=env,
    )
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def serve_dir() -> Iterator[Any]:
    servers: list[RunningServer] = []

    def start(root: Path) -> RunningServer:
        server = serve(root)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


def store_judged_run(store: Any, site: str, records: list[Any], as_of: Any, name: str = "",
                     broken: list[Any] | None = None, stats: dict[str, int] | None = None) -> int:
    """Store a complete run of ``records`` judged with the seed rule set (no crawl)."""
    import datetime as dt

    from crawler.collect import CrawlResult
    from rules.ruleset import load_ruleset
    from rules.verdicts import CrawlOutcome, judge

    broken = broken or []
    run_id = store.begin_run(site, as_of, "seed", name)
    now = dt.datetime.now(dt.UTC)
    result = CrawlResult(site, "complete", "", records, broken, stats or {}, now, now)
    verdicts = judge(load_ruleset("seed"), records, as_of,
                     CrawlOutcome(broken_links=len(broken)))
    store.finish_run(run_id, result, verdicts)
    return run_id
