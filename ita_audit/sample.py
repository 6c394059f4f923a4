"""The bundled sample site (a fictional สพป. office) used by ``ita-audit demo`` and the tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

SAMPLE_DIR = Path(__file__).with_name("sample_site")


def sample_site_root() -> Path:
    return SAMPLE_DIR / "site"


def sample_expectations() -> dict[str, Any]:
    return yaml.safe_load((SAMPLE_DIR / "expected.yaml").read_text(encoding="utf-8"))


def sample_reference_date() -> dt.date:
    """The date the sample site's content was written for (its audits use it as as-of)."""
    value = sample_expectations()["reference_date"]
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
