"""Shared test helpers: fixture websites on 127.0.0.1 and the real command line."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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


def _cli_env() -> dict[str, str]:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    env.pop("ITA_AUDIT_DEBUG", None)
    return env


# Linux capabilities that let root ignore file permissions; prctl(PR_CAPBSET_DROP)
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, PR_CAPBSET_DROP = 1, 2, 24


def _obey_file_permissions() -> None:
    """preexec_fn: as root, give up the capabilities that bypass file permissions, so a
    read-only file or folder is read-only for the child too (as for any other user)."""
    if os.geteuid() != 0:
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def file_permissions_apply(folder: Path) -> bool:
    """Whether a child started with ``run_cli(..., obey_permissions=True)`` is refused
    a read-only folder (False e.g. for root without CAP_SETPCAP: skip such tests)."""
    probe = folder / "permission-probe"
    probe.mkdir()
    probe.chmod(0o555)
    try:
        proc = subprocess.run([sys.executable, "-c", f"open({str(probe / 'x')!r}, 'w')"],
                              capture_output=True, preexec_fn=_obey_file_permissions)
    except (OSError, subprocess.SubprocessError):
        return False
    finally:
        probe.chmod(0o755)
    return proc.returncode != 0


def run_cli(*args: str, timeout: float = 180, cwd: Path | None = None,
            obey_permissions: bool = False) -> CliResult:
    """Run ``ita-audit`` in a subprocess (each crawl needs its own Twisted reactor).

    ``obey_permissions``: even as root, the command cannot write read-only files."""
    proc = subprocess.run(
        [sys.executable, "-m", "ita_audit.cli", *args], capture_output=True, text=True,
        timeout=timeout, cwd=cwd or ROOT, env=_cli_env(),
        preexec_fn=_obey_file_permissions if obey_permissions else None,
    )
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


def start_cli(*args: str, cwd: Path | None = None) -> subprocess.Popen[str]:
    """``ita-audit`` in the background (e.g. to interrupt it); read it with communicate()."""
    return subprocess.Popen([sys.executable, "-m", "ita_audit.cli", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=cwd or ROOT, env=_cli_env())


@contextlib.contextmanager
def slow_site(delay_s: float = 1.0, links: int = 40) -> Iterator[str]:
    """A site on 127.0.0.1 that takes ``delay_s`` to answer each request; every page
    links to ``links`` more.  Yields its URL."""
    class Slow(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

        def do_GET(self) -> None:  # noqa: N802
            time.sleep(delay_s)
            body = ("<html><body><h1>ข่าว</h1>" + "".join(
                f'<a href="/p{i}.html">หน้า {i}</a>' for i in range(links))
                + "</body></html>").encode()
            try:
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:   # the crawler went away (interrupted)
                pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


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
