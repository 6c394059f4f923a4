"""The ita-audit dashboard (Streamlit): layout, navigation and error handling.

Started by ``ita-audit dashboard --db FILE`` (see ``ita_audit.dashboard_server``)
as ``streamlit run dashboard/app.py -- --db FILE``; the database may also be
given in the environment variable ``ITA_AUDIT_DB``.  It only reads the
database.  Problems with the database (missing, empty, another schema
version, busy) become one clear message in the page, never a traceback; so
does an internal error in a view (its traceback goes to the server log, or to
the page when ``ITA_AUDIT_DEBUG`` is set, as the tests do).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `streamlit run dashboard/app.py` puts only dashboard/ on the path
    sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
import streamlit as st  # noqa: E402

from dashboard import cache, queries  # noqa: E402
from dashboard.context import VIEW_STATE, Ctx, view_key  # noqa: E402
from dashboard.fmt import code_span  # noqa: E402
from dashboard.i18n import t  # noqa: E402
from dashboard.views import VIEWS  # noqa: E402
from ita_audit.store import StoreError  # noqa: E402

DB_ENV = "ITA_AUDIT_DB"
LANG_NAMES = {"th": "ไทย", "en": "English"}
log = logging.getLogger("ita_audit.dashboard")


def database_arg(argv: list[str] | None = None) -> str | None:
    """``--db PATH`` after ``streamlit run app.py --``, else ``$ITA_AUDIT_DB``."""
    argv = sys.argv if argv is None else argv
    if argv and Path(argv[0]).name == "app.py" and "--db" in argv[1:]:
        index = argv.index("--db")
        if index + 1 < len(argv):
            return argv[index + 1]
    return os.environ.get(DB_ENV) or None


def store_problem(lang: str, db: str, exc: Exception) -> None:
    """One clear message for a database that cannot be shown."""
    text = str(exc)
    detail = code_span(text)
    if isinstance(exc, StoreError) and text.endswith("empty database"):
        st.info(t("db_empty", lang))
    elif isinstance(exc, StoreError) and text.endswith("database not found"):
        st.error(f"{t('db_missing', lang)}: {code_span(db)}")
    elif isinstance(exc, sa.exc.OperationalError) and "locked" in text:
        st.warning(t("db_busy", lang))
    elif isinstance(exc, StoreError | sa.exc.DatabaseError):
        st.error(f"{t('db_schema', lang)}  \n{detail}")
    else:
        st.error(f"{t('db_error', lang)}  \n{detail}")


def sidebar() -> str:
    """The language switch (Thai first; ``?lang=en`` opens the page in English)."""
    first = st.query_params.get("lang", "th")
    start = {} if "lang" in st.session_state else {
        "index": list(LANG_NAMES).index(first if first in LANG_NAMES else "th")}
    with st.sidebar:
        lang = st.radio(t("language"), list(LANG_NAMES), format_func=LANG_NAMES.__getitem__,
                        horizontal=True, key="lang", **start)
    st.query_params["lang"] = lang
    return lang


def navigation(lang: str, rulesets: list[str]) -> tuple[str, str]:
    """The view (sidebar radio) and the rule set; ``?view=…&site=…`` opens a view directly.

    The chosen view lives in ``session_state.view_id``; the radio is keyed per
    language (``view_th`` / ``view_en``) so switching the language re-creates it
    on the same choice (a radio whose label changes is otherwise shown with
    nothing selected).
    """
    params = st.query_params
    if VIEW_STATE not in st.session_state:
        st.session_state[VIEW_STATE] = params.get("view") if params.get("view") in VIEWS \
            else next(iter(VIEWS))
    if "site_id" not in st.session_state and str(params.get("site", "")).isdigit():
        st.session_state["site_id"] = int(params["site"])
    names = list(VIEWS)
    key = view_key(lang)
    # a fresh radio starts on the current view; a live one keeps (or was given) its value
    start = {} if key in st.session_state else {"index": names.index(st.session_state[VIEW_STATE])}
    with st.sidebar:
        view = st.radio(t("view", lang), names, key=key,
                        format_func=lambda v: t(f"view_{v}", lang), **start)
        ruleset = st.selectbox(t("ruleset", lang), rulesets, key="ruleset")
    st.session_state[VIEW_STATE] = view
    st.query_params["view"] = view
    return view, ruleset


def main() -> None:
    st.set_page_config(page_title="ita-audit", page_icon="🏛️", layout="wide")
    lang = sidebar()
    st.title(t("app_title", lang))
    db = database_arg()
    if not db:
        st.error(t("no_db", lang))
        return
    try:
        key = cache.fingerprint(db)
        empty = queries.no_runs(cache.open_store(db))
        rulesets = [] if empty else cache.rulesets(db, key)
    except (StoreError, sa.exc.SQLAlchemyError, OSError) as exc:
        log.warning("dashboard: database %s: %s", db, exc)
        store_problem(lang, db, exc)
        return
    if empty:
        st.info(t("db_empty", lang))
        return
    view, ruleset = navigation(lang, rulesets)
    with st.sidebar:
        st.caption(f"{t('database', lang)}: {code_span(db)}")
    ctx = Ctx(db=db, key=key, lang=lang, ruleset=ruleset, rulesets=tuple(rulesets))
    try:
        VIEWS[view](ctx)
    except (StoreError, sa.exc.SQLAlchemyError) as exc:
        log.warning("dashboard: database %s: %s", db, exc)
        store_problem(lang, db, exc)
    except Exception:  # noqa: BLE001 - a message in the page, the traceback in the log
        if os.environ.get("ITA_AUDIT_DEBUG"):
            raise
        log.exception("dashboard: view %s failed", view)
        st.error(t("view_error", lang))


main()
