"""Start the Streamlit dashboard on 127.0.0.1 for one database.

``run_dashboard`` is what ``ita-audit dashboard`` and ``ita-audit demo`` call:
it runs ``streamlit run dashboard/app.py`` headless, without usage
statistics and without opening a browser, prints the URL and waits until
Ctrl+C.  ``start_dashboard`` starts the same server in the background (for
tests) and returns the process; stop it with ``stop_dashboard``.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import IO, Any

from ita_audit.store import database_url

APP = Path(__file__).resolve().parents[1] / "dashboard" / "app.py"
DB_ENV = "ITA_AUDIT_DB"
EXIT_PORT_IN_USE = 2


def _db_location(db: str | Path) -> str:
    """An absolute path for a SQLite file (Streamlit runs from another folder), else the URL."""
    url = database_url(db)
    if url.startswith("sqlite:///") and "://" not in str(db):
        return str(Path(url.removeprefix("sqlite:///")).resolve())
    return str(db)


def streamlit_command(db: str | Path, port: int = 8501, host: str = "127.0.0.1") -> list[str]:
    return [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.address", host, "--server.port", str(port),
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none", "--server.runOnSave", "false",
        "--client.showErrorDetails", "none", "--client.toolbarMode", "viewer",
        "--theme.base", "light",
        "--", "--db", _db_location(db),
    ]


def _environment(db: str | Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        DB_ENV: _db_location(db),
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
        "STREAMLIT_SERVER_HEADLESS": "true",
        "PYTHAINLP_OFFLINE": "1",
    })
    return env


def url_of(port: int, host: str = "127.0.0.1") -> str:
    return f"http://{host}:{port}/"


def port_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def start_dashboard(db: str | Path, port: int = 8501, host: str = "127.0.0.1",
                    log: IO[Any] | Path | None = None) -> subprocess.Popen[bytes]:
    """Start the dashboard in the background; returns the Streamlit process.

    ``log``: a file (or path) for Streamlit's output; by default it is discarded.
    """
    if isinstance(log, Path):
        with log.open("ab") as handle:  # the child keeps its own copy of the descriptor
            return start_dashboard(db, port, host, handle)
    output = log if log is not None else subprocess.DEVNULL
    return subprocess.Popen(streamlit_command(db, port, host), env=_environment(db),
                            stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT)


def wait_ready(port: int, host: str = "127.0.0.1", timeout: float = 30.0,
               process: subprocess.Popen[bytes] | None = None) -> bool:
    """True once ``/_stcore/health`` answers ``ok`` (False on timeout or early exit)."""
    deadline = time.monotonic() + timeout
    health = f"{url_of(port, host)}_stcore/health"
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(health, timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200 and response.read().strip() == b"ok":
                    return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


def stop_dashboard(process: subprocess.Popen[bytes], timeout: float = 10.0) -> int:
    """Terminate the server (then kill it if it does not stop); returns its exit code."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=timeout)
    return int(process.returncode or 0)


def run_dashboard(db: str, port: int = 8501, host: str = "127.0.0.1") -> int:
    """Serve the dashboard until Ctrl+C (or SIGTERM); returns an exit code."""
    if not port_free(port, host):
        print(f"ita-audit: error: port {port} on {host} is in use; choose another with --port",
              file=sys.stderr)
        return EXIT_PORT_IN_USE
    process = subprocess.Popen(streamlit_command(db, port, host), env=_environment(db),
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    previous = signal.getsignal(signal.SIGTERM)

    def on_term(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)
    try:
        if wait_ready(port, host, timeout=60, process=process):
            print(f"แดชบอร์ด / dashboard: {url_of(port, host)}  (กด Ctrl+C เพื่อหยุด / "
                  "Ctrl+C to stop)", flush=True)
        code = process.wait()
        if code != 0:
            print(f"ita-audit: error: the dashboard stopped (exit code {code})",
                  file=sys.stderr)
        return code
    except KeyboardInterrupt:
        stop_dashboard(process)
        print("\nหยุดแดชบอร์ดแล้ว / dashboard stopped", file=sys.stderr)
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
