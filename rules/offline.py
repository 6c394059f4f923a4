"""Keep pythainlp off the network.

pythainlp reads ``PYTHAINLP_OFFLINE`` and ``PYTHAINLP_DATA`` (its data dir) when it is
imported, so this must run before the first ``import pythainlp``; every module
of the project that uses pythainlp calls :func:`ensure_pythainlp_offline` first.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def cache_dir() -> Path:
    """The project's cache folder (``ITA_AUDIT_CACHE_DIR`` or ``.cache/`` in the project)."""
    configured = os.environ.get("ITA_AUDIT_CACHE_DIR")
    return Path(configured) if configured else PROJECT_ROOT / ".cache"


def ensure_pythainlp_offline() -> None:
    os.environ["PYTHAINLP_OFFLINE"] = "1"
    if "PYTHAINLP_DATA" not in os.environ:
        data_dir = cache_dir() / "pythainlp-data"
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            data_dir = Path(os.environ.get("TMPDIR", "/tmp")) / "ita-audit-pythainlp-data"
            data_dir.mkdir(parents=True, exist_ok=True)
        os.environ["PYTHAINLP_DATA"] = str(data_dir)
