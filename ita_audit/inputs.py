"""What the user gives: site URLs, and the one-line error for bad input.

Kept free of Scrapy and of the store, so that the command line can check its
arguments and print an error (or ``--help``) without loading the crawler.
"""

from __future__ import annotations

import urllib.parse


class UserError(Exception):
    """Bad input from the user; the message is one line."""


def check_url(url: str) -> str:
    """Validate a site URL; returns it normalised or raises :class:`UserError`."""
    text = url.strip()
    try:
        parts = urllib.parse.urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise UserError(f"invalid URL {url!r}: {exc}") from None
    if parts.scheme not in ("http", "https"):
        raise UserError(f"invalid URL {url!r}: it must start with http:// or https://")
    if not parts.hostname or " " in parts.netloc:
        raise UserError(f"invalid URL {url!r}: no host name")
    # one site, one key: scheme and host are case-insensitive
    netloc = parts.hostname.lower() + (f":{port}" if port is not None else "")
    if parts.username or parts.password:
        raise UserError(f"invalid URL {url!r}: user names and passwords do not belong in it")
    return urllib.parse.urlunsplit(
        (parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))
