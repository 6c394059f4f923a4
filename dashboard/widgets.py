"""Pieces shared by the views: site and run pickers, run messages, downloads."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard import cache, exporting
from dashboard.context import Ctx
from dashboard.fmt import code_span, fmt_date, run_state, run_status_text, site_label

SITE_STATE = "site_id"


def choose(ctx: Ctx, label: str, options: list[Any], key: str, labels: dict[Any, str],
           current: Any = None, default: Any = None) -> Any:
    """A selectbox that keeps its choice when the language changes.

    The widget key includes the language (a keyed widget whose option labels
    change would otherwise keep showing the old labels); the choice itself is
    kept in ``session_state["chosen_" + key]`` unless ``current`` is given.
    """
    state = f"chosen_{key}"
    if current is None:
        current = st.session_state.get(state)
    widget = f"{key}_{ctx.lang}"
    start = current if current in options else default if default in options else options[0]
    extra = {} if widget in st.session_state else {"index": options.index(start)}
    value = st.selectbox(label, options, format_func=labels.__getitem__, key=widget, **extra)
    st.session_state[state] = value
    return value


def pick_site(ctx: Ctx, key: str) -> int | None:
    """A site selectbox; the choice is shared by all views (``session_state.site_id``)."""
    frame = cache.sites(ctx.db, ctx.key)
    if frame.empty:
        return None
    ids = [int(i) for i in frame["id"]]
    labels = {int(r.id): site_label(r.name, r.url) for r in frame.itertuples()}
    choice = choose(ctx, ctx.t("site"), ids, key, labels, st.session_state.get(SITE_STATE))
    st.session_state[SITE_STATE] = choice
    st.query_params["site"] = str(choice)
    return int(choice)


def run_option(ctx: Ctx, row: Any) -> str:
    state = run_state(row.status, row.finished_at)
    return ctx.t("run_label", id=row.id, date=fmt_date(row.as_of, ctx.lang),
                 ruleset=row.ruleset, status=run_status_text(state, ctx.lang))


def pick_run(ctx: Ctx, site_id: int, key: str, label: str | None = None,
             default: int | None = None) -> int | None:
    """A run selectbox for one site, newest first (default: ``default`` or the newest)."""
    runs = cache.site_runs(ctx.db, ctx.key, site_id)
    if runs.empty:
        return None
    ids = [int(i) for i in runs["id"]]
    labels = {int(r.id): run_option(ctx, r) for r in runs.itertuples()}
    return int(choose(ctx, label or ctx.t("run"), ids, f"{key}_{site_id}", labels,
                      default=default))


def run_message(ctx: Ctx, run: dict[str, Any]) -> None:
    """Say clearly when a run failed, is incomplete or has not finished."""
    state = run_state(run["status"], run["finished_at"])
    reason = code_span(run.get("reason") or "")
    if state == "failed":
        st.error(f"{run_status_text(state, ctx.lang)} — {ctx.t('run_msg_failed')} {reason}")
    elif state == "running":
        st.warning(f"{run_status_text(state, ctx.lang)} — {ctx.t('run_msg_running')}")
    elif state == "incomplete":
        st.warning(f"{run_status_text(state, ctx.lang)} — {ctx.t('run_msg_incomplete')} "
                   f"{reason}")


def downloads(ctx: Ctx, frame: pd.DataFrame, stem: str, key: str) -> None:
    """CSV and XLSX buttons for a table as shown."""
    left, right, _ = st.columns([1, 1, 4])
    left.download_button(ctx.t("download_csv"), data=exporting.csv_bytes(frame),
                         file_name=f"{stem}.csv", mime="text/csv", key=f"csv_{key}",
                         on_click="ignore", icon=":material/download:")
    right.download_button(
        ctx.t("download_xlsx"), data=lambda: exporting.xlsx_bytes(frame, stem),
        file_name=f"{stem}.xlsx", key=f"xlsx_{key}", on_click="ignore",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:")


def show_table(data: Any, **kwargs: Any) -> Any:
    """``st.dataframe`` for tables holding crawled text: the table's own toolbar offers a
    CSV download, so formula-looking cells are neutralised before they are shown."""
    if isinstance(data, pd.DataFrame):
        data = exporting.safe_frame(data)
    return st.dataframe(data, **kwargs)


def status_styled(frame: pd.DataFrame, column: str, statuses: list[str | None]) -> Any:
    """``frame`` with its status column coloured (the cells keep their symbol and word);
    crawled text in it is neutralised for the table's own CSV download."""
    from dashboard.fmt import status_css

    frame = exporting.safe_frame(frame)
    css = pd.DataFrame("", index=frame.index, columns=frame.columns)
    css[column] = [status_css(s) for s in statuses]
    return frame.style.apply(lambda _: css, axis=None)
