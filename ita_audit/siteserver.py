"""A small static web server on 127.0.0.1 for the bundled sample site and test fixtures.

It serves a folder as a website.  A site may carry a ``_headers.yaml`` file in
its root that overrides response headers or status per path, so fixtures can
reproduce what real Thai government servers do (a wrong charset header, a PDF
served as ``application/octet-stream`` under a ``.php`` name, a 404 page)::

    /legacy/news.html:
      Content-Type: text/html; charset=windows-874
    /download.php?id=7:
      file: files/plan.pdf          # serve another file under this path
      Content-Type: application/octet-stream
    /gone.html:
      status: 404

Query strings are part of the lookup key when the key contains ``?``.
"""

from __future__ import annotations

import mimetypes
import threading
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

HEADERS_FILE = "_headers.yaml"


@dataclass
class RunningServer:
    url: str
    server: ThreadingHTTPServer
    thread: threading.Thread

    @property
    def served(self) -> list[tuple[str, str]]:
        """(path, User-Agent) of every request served so far."""
        return list(getattr(self.server, "request_log", []))

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def load_overrides(root: Path) -> dict[str, dict[str, Any]]:
    path = root / HEADERS_FILE
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(k): dict(v or {}) for k, v in data.items()}


def make_handler(root: Path) -> type[BaseHTTPRequestHandler]:
    root = root.resolve()
    overrides = load_overrides(root)

    class SiteHandler(BaseHTTPRequestHandler):
        server_version = "ita-audit-fixture/1"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass  # keep test output quiet

        def do_HEAD(self) -> None:  # noqa: N802
            self._serve(send_body=False)

        def do_GET(self) -> None:  # noqa: N802
            self._serve(send_body=True)

        def _serve(self, send_body: bool) -> None:
            raw_path = self.path
            log = getattr(self.server, "request_log", None)
            if log is not None:
                log.append((raw_path, self.headers.get("User-Agent", "")))
            parsed = urllib.parse.urlsplit(raw_path)
            path = urllib.parse.unquote(parsed.path)
            key_with_query = path + ("?" + parsed.query if parsed.query else "")
            rule = overrides.get(key_with_query) or overrides.get(path) or {}
            status = int(rule.get("status", 200))
            target = rule.get("file") or path.lstrip("/")
            if target.endswith("/") or target == "":
                target += "index.html"
            file_path = (root / target).resolve()
            if root not in file_path.parents and file_path != root:
                self._send(403, b"forbidden", "text/plain", send_body)
                return
            if file_path.is_dir():
                file_path = file_path / "index.html"
            if status >= 300 and status < 400:
                self.send_response(status)
                self.send_header("Location", str(rule.get("Location", "/")))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if not file_path.is_file():
                status = 404 if status == 200 else status
                body = "<html><body><h1>404 ไม่พบหน้า</h1></body></html>".encode()
                self._send(status, body, "text/html; charset=utf-8", send_body)
                return
            body = file_path.read_bytes()
            ctype = mimetypes.guess_type(file_path.name)[0] or "application/octet-stream"
            if ctype == "text/html":
                ctype = "text/html; charset=utf-8"
            extra = {k: str(v) for k, v in rule.items() if k not in {"status", "file", "Location"}}
            ctype = extra.pop("Content-Type", ctype)
            self._send(status, body, ctype, send_body, extra)

        def _send(
            self, status: int, body: bytes, ctype: str, send_body: bool,
            extra: dict[str, str] | None = None,
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            self.end_headers()
            if send_body:
                self.wfile.write(body)

    return SiteHandler


def serve(root: Path, host: str = "127.0.0.1", port: int = 0) -> RunningServer:
    """Serve ``root`` in a background thread; returns the base URL (with trailing slash)."""
    server = ThreadingHTTPServer((host, port), make_handler(Path(root)))
    server.daemon_threads = True
    server.request_log = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    h, p = server.server_address[:2]
    return RunningServer(url=f"http://{h}:{p}/", server=server, thread=thread)
