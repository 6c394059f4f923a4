"""The dashboard's views; each module has ``render(ctx)``."""

from __future__ import annotations

from collections.abc import Callable

from dashboard.context import Ctx
from dashboard.views import export, history, overview, site, worklist

VIEWS: dict[str, Callable[[Ctx], None]] = {
    "overview": overview.render,
    "site": site.render,
    "worklist": worklist.render,
    "history": history.render,
    "export": export.render,
}
