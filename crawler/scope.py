"""What the crawler may fetch: the audited site's hosts, and no crawler traps.

A site is its host with and without ``www.``, on its port (http and https on
the default ports).  Anything else is an external link: recorded with its
context, never fetched.  Numeric host forms are normalised before they are
compared, so ``http://127.1:8080/`` is ``127.0.0.1`` on port 8080.  A trap
is the same path reached with endlessly varying query strings (calendars,
session ids, sort orders), a path that repeats its own segments, or a URL of
absurd length; the guard cuts them and remembers what it cut.
"""

from __future__ import annotations

import ipaddress
import posixpath
import re
import socket
import urllib.parse
from collections import defaultdict
from dataclasses import dataclass, field

# File types never worth downloading for an audit (media, archives, executables).
SKIP_EXTENSIONS = {
    ".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".svg", ".ico", ".tif", ".tiff",
    ".mp3", ".mp4", ".avi", ".mov", ".wmv", ".flv", ".webm", ".wav", ".ogg", ".m4a",
    ".zip", ".rar", ".7z", ".gz", ".tar", ".exe", ".msi", ".apk", ".dmg", ".iso",
    ".css", ".js", ".json", ".woff", ".woff2", ".ttf", ".eot", ".ppt", ".pptx", ".swf",
}
DOCUMENT_EXTENSIONS = {".pdf", ".doc", ".docx", ".xls", ".xlsx"}
_NUMERIC_HOST = re.compile(r"^(?:0x[0-9a-f]+|[0-9]+)(?:\.(?:0x[0-9a-f]+|[0-9]+)){0,3}$")


DEFAULT_PORTS = {"http": 80, "https": 443}


def normalize_host(host: str) -> str:
    """The host as a comparable name: lower case, no trailing dot, IDN as ASCII, and any
    numeric IPv4 form (``127.1``, ``2130706433``, ``0x7f.0.0.1``, ``0177.0.0.1``) as the
    dotted quad a resolver would connect to."""
    host = (host or "").strip().lower().rstrip(".")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    if _NUMERIC_HOST.match(host):
        try:
            return socket.inet_ntoa(socket.inet_aton(host))
        except OSError:
            return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def is_private_host(host: str) -> bool:
    """A loopback, private, link-local or otherwise non-public address (or ``localhost``)."""
    name = normalize_host(host)
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    return not address.is_global


def site_hosts(start_url: str) -> set[str]:
    host = normalize_host(urllib.parse.urlsplit(start_url).hostname or "")
    bare = host[4:] if host.startswith("www.") else host
    return {bare, f"www.{bare}"}


def extension(url: str) -> str:
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
    return posixpath.splitext(path)[1].lower()


def _origin(url: str) -> tuple[str, str, int] | None:
    """(scheme, normalised host, port) of an http(s) URL; None when it has none."""
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    return scheme, normalize_host(parts.hostname), port or DEFAULT_PORTS[scheme]


@dataclass
class Scope:
    """The audited site: its host with and without ``www.``, on its scheme and port.

    On the default ports http and https of the same host are the same site; a site
    on another port (``http://127.0.0.1:8101/``) is that port only.  Every request
    the crawler sends is checked here first (``crawler.middlewares.ScopeMiddleware``).
    """

    hosts: set[str]
    origins: set[tuple[str, int]] = field(default_factory=set)   # (scheme, port)
    named: frozenset[str] = frozenset()    # the hosts the start URL itself names

    @classmethod
    def for_site(cls, start_url: str) -> Scope:
        origin = _origin(start_url)
        named = frozenset(site_hosts(start_url))
        if origin is None:
            return cls(set(named), set(), named)
        scheme, _host, port = origin
        if port == DEFAULT_PORTS[scheme]:
            origins = {("http", 80), ("https", 443)}
        else:
            origins = {(scheme, port)}
        return cls(set(named), origins, named)

    def is_internal(self, url: str) -> bool:
        origin = _origin(url)
        if origin is None:
            return False
        scheme, host, port = origin
        return host in self.hosts and (not self.origins or (scheme, port) in self.origins)


@dataclass
class TrapGuard:
    """Cuts URL families that grow without end; counts what it cut."""

    max_query_variants: int = 25
    max_url_length: int = 500
    max_repeated_segments: int = 3
    variants: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    cut: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def allow(self, url: str) -> bool:
        parts = urllib.parse.urlsplit(url)
        key = f"{parts.hostname}{parts.path}"
        if len(url) > self.max_url_length:
            self.cut[key] += 1
            return False
        segments = [s for s in parts.path.split("/") if s]
        if segments and max(segments.count(s) for s in segments) > self.max_repeated_segments:
            self.cut[key] += 1
            return False
        if parts.query:
            seen = self.variants[key]
            if parts.query not in seen and len(seen) >= self.max_query_variants:
                self.cut[key] += 1
                return False
            seen.add(parts.query)
        return True

    def report(self) -> list[dict[str, object]]:
        return [{"path": k, "cut": v} for k, v in sorted(self.cut.items())]
