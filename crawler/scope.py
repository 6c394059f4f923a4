"""What the crawler may fetch: the audited site's hosts, and no crawler traps.

A site is its host with and without ``www.``, over http and https.  Anything
else is an external link: recorded with its context, never fetched.  A trap
is the same path reached with endlessly varying query strings (calendars,
session ids, sort orders), a path that repeats its own segments, or a URL of
absurd length; the guard cuts them and remembers what it cut.
"""

from __future__ import annotations

import posixpath
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


def site_hosts(start_url: str) -> set[str]:
    host = (urllib.parse.urlsplit(start_url).hostname or "").lower()
    bare = host[4:] if host.startswith("www.") else host
    return {bare, f"www.{bare}"}


def extension(url: str) -> str:
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
    return posixpath.splitext(path)[1].lower()


@dataclass
class Scope:
    hosts: set[str]

    @classmethod
    def for_site(cls, start_url: str) -> Scope:
        return cls(site_hosts(start_url))

    def is_internal(self, url: str) -> bool:
        parts = urllib.parse.urlsplit(url)
        return parts.scheme in ("http", "https") and (parts.hostname or "").lower() in self.hosts


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
