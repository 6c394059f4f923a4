"""What every view gets: the database, its cache key, the language and the rule set."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dashboard.i18n import t

VIEW_STATE = "view_id"   # session_state key of the chosen view


def view_key(lang: str) -> str:
    """The sidebar view radio's widget key (one per language)."""
    return f"view_{lang}"


@dataclass(frozen=True)
class Ctx:
    db: str
    key: tuple[Any, ...]
    lang: str
    ruleset: str
    rulesets: tuple[str, ...] = ()

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)
