"""ภาพรวม / Overview: every site × every category of the chosen rule set."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import cache, exporting
from dashboard.context import VIEW_STATE, Ctx, view_key
from dashboard.exporting import file_stem
from dashboard.fmt import (
    STATUS_ORDER,
    fmt_date,
    md_escape,
    run_state,
    run_status_text,
    safe_url,
    status_css,
    status_md,
    status_text,
)
from dashboard.queries import Overview
from dashboard.widgets import SITE_STATE, downloads, show_table

MATRIX_KEY = "matrix"
MATRIX_SITES = "matrix_sites"
FILTER = "chosen_filter_status"


def _note(ctx: Ctx, row: pd.Series) -> str:
    if not row["has_verdicts"]:
        return ctx.t("note_only_failed")
    if row["latest_id"] != row["run_id"]:
        key = "note_newer_running" if row["latest_state"] == "running" else "note_newer_failed"
        return ctx.t(key, run=row["latest_id"])
    return ""


def filter_sites(data: Overview, statuses: list[str], text: str) -> pd.DataFrame:
    frame = data.sites
    if statuses:
        has = data.statuses.isin(statuses).any(axis=1)
        frame = frame[frame["site_id"].map(has).fillna(False).astype(bool)]
    if text.strip():
        needle = text.strip().casefold()
        hay = (frame["name"].fillna("") + " " + frame["url"]).str.casefold()
        frame = frame[hay.str.contains(needle, regex=False)]
    return frame


def matrix_frame(ctx: Ctx, data: Overview, sites: pd.DataFrame) -> pd.DataFrame:
    """The matrix as shown and exported: one row per site, one column per category."""
    rows = []
    for _, row in sites.iterrows():
        state = run_state(row["run_status"], row["finished_at"])
        cells = data.statuses.loc[row["site_id"]]
        rows.append({
            ctx.t("col_site"): row["name"] or row["url"],
            ctx.t("col_url"): safe_url(row["url"]),
            ctx.t("col_as_of"): fmt_date(row["as_of"], ctx.lang),
            ctx.t("col_run_status"): run_status_text(state, ctx.lang),
            ctx.t("coverage"): row["coverage"],
            **{c.id: status_text(cells[c.id], ctx.lang) for c in data.categories},
            ctx.t("col_note"): _note(ctx, row),
        })
    columns = [ctx.t(k) for k in ("col_site", "col_url", "col_as_of", "col_run_status",
                                  "coverage")]
    columns += [c.id for c in data.categories] + [ctx.t("col_note")]
    return pd.DataFrame(rows, columns=columns)


def _styles(data: Overview, sites: pd.DataFrame, shown: pd.DataFrame) -> pd.DataFrame:
    css = pd.DataFrame("", index=shown.index, columns=shown.columns)
    statuses = data.statuses.loc[sites["site_id"].tolist()]
    for c in data.categories:
        css[c.id] = [status_css(s) for s in statuses[c.id]]
    return css


def _open_site() -> None:
    """Row click in the matrix: open that site's page (runs before the script)."""
    event = st.session_state.get(MATRIX_KEY)
    rows = event.selection.rows if event is not None else []
    order = st.session_state.get(MATRIX_SITES, [])
    if rows and rows[0] < len(order):
        st.session_state[SITE_STATE] = order[rows[0]]
        st.session_state[VIEW_STATE] = "site"
        st.session_state[view_key(st.session_state.get("lang", "th"))] = "site"


def _summary(ctx: Ctx, data: Overview, sites: pd.DataFrame) -> None:
    counts = {s: int(data.statuses.loc[sites["site_id"].tolist()].isin([s]).sum().sum())
              for s in STATUS_ORDER}
    cols = st.columns(2 + len(STATUS_ORDER))
    cols[0].metric(ctx.t("sites"), len(sites))
    coverage = sites["coverage"].dropna()
    cols[1].metric(ctx.t("avg_coverage"), f"{coverage.mean():.0f}%" if len(coverage) else "—")
    for col, status in zip(cols[2:], STATUS_ORDER, strict=True):
        col.metric(status_text(status, ctx.lang), counts[status])


def _run_problems(ctx: Ctx, sites: pd.DataFrame) -> None:
    """Say so when results come from incomplete runs, or the latest attempt failed."""
    incomplete = int((sites["has_verdicts"] & (sites["run_status"] == "incomplete")).sum())
    troubled = int(((sites["latest_id"] != sites["run_id"]) | ~sites["has_verdicts"]).sum())
    if incomplete:
        st.warning(ctx.t("overview_incomplete", n=incomplete))
    if troubled:
        st.warning(ctx.t("overview_failed", n=troubled))


def _legend(ctx: Ctx, data: Overview) -> None:
    with st.expander(ctx.t("categories"), expanded=True):
        lines = [f"**{md_escape(c.id)}** {md_escape(c.title(ctx.lang))}"
                 for c in data.categories]
        half = (len(lines) + 1) // 2
        left, right = st.columns(2)
        left.markdown("  \n".join(lines[:half]))
        right.markdown("  \n".join(lines[half:]))
        st.markdown(f"{ctx.t('legend')}: "
                    + " ".join(status_md(s, ctx.lang) for s in STATUS_ORDER)
                    + f" {md_escape(ctx.t('not_judged'))}")


def render(ctx: Ctx) -> None:
    st.header(ctx.t("view_overview"))
    st.caption(ctx.t("overview_help"))
    data = cache.overview(ctx.db, ctx.key, ctx.ruleset)
    if data.sites.empty:
        st.info(ctx.t("no_runs_ruleset"))
        return
    left, right = st.columns([2, 1])
    widget = f"filter_status_{ctx.lang}"   # per language: option labels are translated
    start = {} if widget in st.session_state else {"default": st.session_state.get(FILTER, [])}
    statuses = left.multiselect(ctx.t("filter_status"), list(STATUS_ORDER),
                                format_func=lambda s: status_text(s, ctx.lang), key=widget,
                                placeholder=ctx.t("all_statuses"), **start)
    st.session_state[FILTER] = statuses
    text = right.text_input(ctx.t("filter_text"), key="filter_text")
    sites = filter_sites(data, statuses, text)
    _summary(ctx, data, sites)
    _run_problems(ctx, sites)
    if sites.empty:
        st.info(ctx.t("no_match"))
        return
    shown = exporting.safe_frame(matrix_frame(ctx, data, sites))
    st.session_state[MATRIX_SITES] = [int(i) for i in sites["site_id"]]
    styled = shown.style.apply(lambda _: _styles(data, sites, shown), axis=None)
    config = {
        ctx.t("col_url"): st.column_config.LinkColumn(ctx.t("col_url"),
                                                      display_text=r"https?://([^/]+)"),
        ctx.t("coverage"): st.column_config.ProgressColumn(
            ctx.t("coverage"), help=ctx.t("coverage_help"), min_value=0, max_value=100,
            format="%.0f%%", width="small"),
        ctx.t("col_site"): st.column_config.TextColumn(ctx.t("col_site"), pinned=True),
        **{c.id: st.column_config.TextColumn(c.id, help=md_escape(c.title(ctx.lang)))
           for c in data.categories},
    }
    st.caption(ctx.t("shown_of", shown=len(sites), total=len(data.sites)) + " · "
               + ctx.t("click_row"))
    show_table(styled, column_config=config, hide_index=True, key=MATRIX_KEY,
                 on_select=_open_site, selection_mode="single-row",
                 height=min(35 * (len(shown) + 1) + 3, 720))
    _legend(ctx, data)
    downloads(ctx, shown, file_stem("ita-audit-overview", ctx.ruleset), "overview")
