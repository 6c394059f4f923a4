"""Serve the HTTP responses recorded in a WARC file on 127.0.0.1.

The real-site development set (``../shared/realsites``) holds agency websites
recorded with ``wget --warc-file``.  This server answers every request with
the recorded response of the same path and query (status, headers, body);
unknown paths get a plain 404.  Pages recorded from a local server carry
absolute links to the recording origin (``http://127.0.0.1:8101/``,
``http://localhost/project/banana/``); those origins are rewritten to the
replay's own origin in text bodies and ``Location`` headers, so a crawler
pointed at the replay stays on it.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from warcio.archiveiterator import ArchiveIterator

from ita_audit.siteserver import RunningServer

HOP_BY_HOP = {
    "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
    "trailers", "transfer-encoding", "upgrade", "content-length", "content-encoding",
}
TEXT_TYPES = ("text/", "application/xhtml", "application/javascript", "application/json",
              "application/xml")


@dataclass(frozen=True)
class Recorded:
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes


def _key(path: str, query: str) -> str:
    key = unquote(path or "/")
    return key + ("?" + unquote(query) if query else "")


def load_warc(path: Path) -> tuple[dict[str, Recorded], set[str]]:
    """Responses by path+query (first one wins, revisits resolved), and the recorded origins."""
    records: dict[str, Recorded] = {}
    by_digest: dict[str, bytes] = {}
    revisits: list[tuple[str, Recorded, str | None]] = []
    origins: set[str] = set()
    with path.open("rb") as fh:
        for rec in ArchiveIterator(fh):
            if rec.rec_type not in ("response", "revisit") or rec.http_headers is None:
                continue
            uri = rec.rec_headers.get_header("WARC-Target-URI")
            if not uri:
                continue
            parts = urlsplit(uri)
            origins.add(f"{parts.scheme.lower()}://{parts.netloc.lower()}")
            code = rec.http_headers.get_statuscode() or "200"
            reason = rec.http_headers.statusline[len(code):].strip() or "OK"
            headers = list(rec.http_headers.headers)
            digest = rec.rec_headers.get_header("WARC-Payload-Digest")
            key = _key(parts.path, parts.query)
            if rec.rec_type == "revisit":
                revisits.append((key, Recorded(int(code), reason, headers, b""), digest))
                continue
            body = rec.content_stream().read()
            if digest:
                by_digest.setdefault(digest, body)
            records.setdefault(key, Recorded(int(code), reason, headers, body))
    for key, rec, digest in revisits:
        body = by_digest.get(digest or "")
        if body is not None:
            records.setdefault(key, Recorded(rec.status, rec.reason, rec.headers, body))
    return records, origins


def _origin_pattern(origins: set[str]) -> re.Pattern[str] | None:
    alternatives = []
    for origin in origins:
        alternatives.append(re.escape(origin))
        if origin.startswith("http://") and origin.count(":") == 1:
            alternatives.append(re.escape(origin + ":80"))
    if not alternatives:
        return None
    alternatives.sort(key=len, reverse=True)
    return re.compile("(?:{})(?=[/?#\"'\\s<>)]|$)".format("|".join(alternatives)), re.IGNORECASE)


def _handler(records: dict[str, Recorded], pattern: re.Pattern[str] | None,
             log: list[str]) -> type[BaseHTTPRequestHandler]:
    class ReplayHandler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

        def do_GET(self) -> None:  # noqa: N802
            self._serve(True)

        def do_HEAD(self) -> None:  # noqa: N802
            self._serve(False)

        def _serve(self, send_body: bool) -> None:
            log.append(self.path)
            parts = urlsplit(self.path)
            hit = records.get(_key(parts.path, parts.query))
            if hit is None:
                body = b"<html><body><h1>404 Not Found</h1></body></html>"
                self.send_response_only(404, "Not Found")
                self.send_header("Content-Type", "text/html; charset=UTF-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if send_body:
                    self.wfile.write(body)
                return
            here = "http://" + (self.headers.get("Host") or "127.0.0.1")
            ctype = next((v.lower() for h, v in hit.headers if h.lower() == "content-type"), "")
            body = hit.body
            if pattern is not None and ctype.startswith(TEXT_TYPES):
                body = pattern.sub(here, body.decode("latin-1")).encode("latin-1")
            self.send_response_only(hit.status, hit.reason)
            for name, value in hit.headers:
                if name.lower() in HOP_BY_HOP:
                    continue
                if pattern is not None and name.lower() in ("location", "content-location"):
                    value = pattern.sub(here, value)
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body:
                self.wfile.write(body)

    return ReplayHandler


def serve_warc(path: Path, host: str = "127.0.0.1", port: int = 0) -> RunningServer:
    """Replay ``path`` in a background thread; ``.url`` is the replay's origin with ``/``."""
    records, origins = load_warc(path)
    log: list[str] = []
    server = ThreadingHTTPServer((host, port), _handler(records, _origin_pattern(origins), log))
    server.daemon_threads = True
    server.request_log = log  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    h, p = server.server_address[:2]
    return RunningServer(url=f"http://{h}:{p}/", server=server, thread=thread)
