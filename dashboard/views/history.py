"""History: coverage over time, the list of runs, and a comparison of two runs."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import cache
from dashboard.context import Ctx
from dashboard.exporting import file_stem
from dashboard.fmt import fmt_date, fmt_datetime, run_state, run_status_text, site_label
from dashboard.views.worklist import changes_block
from dashboard.widgets import SITE_STATE, downloads, pick_run, pick_site, show_table

MAX_DEFAULT_SITES = 8
TH_MONTHS = "['ม.ค.','ก.พ.','มี.ค.','เม.ย.','พ.ค.','มิ.ย.','ก.ค.','ส.ค.','ก.ย.','ต.ค.','พ.ย.','ธ.ค.']"
EN_MONTHS = "['Jan','Feb','Mar','Apr','May','Jun','Jul','Aug','Sep','Oct','Nov','Dec']"


def be_axis_labels(lang: str) -> str:
    """A Vega expression: time-axis labels with Thai (or English) months and a พ.ศ. year."""
    months = EN_MONTHS if lang == "en" else TH_MONTHS
    return f"{months}[month(datum.value)] + ' ' + (year(datum.value) + 543)"


def coverage_chart(ctx: Ctx, frame: pd.DataFrame) -> alt.Chart:
    data = frame.assign(
        site=[site_label(n, u) for n, u in zip(frame["name"], frame["url"], strict=True)],
        date=pd.to_datetime(frame["as_of"]),
        date_be=[fmt_date(d, ctx.lang) for d in frame["as_of"]],
        run=[run_status_text(s, ctx.lang) for s in frame["status"]],
    )[["site", "date", "date_be", "coverage", "run", "run_id"]]
    return alt.Chart(data).mark_line(point=True).encode(
        x=alt.X("date:T", title=ctx.t("col_as_of"),
                axis=alt.Axis(labelExpr=be_axis_labels(ctx.lang))),
        y=alt.Y("coverage:Q", title=ctx.t("coverage"), scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("site:N", title=ctx.t("site"), legend=alt.Legend(orient="bottom",
                                                                          columns=2)),
        tooltip=[alt.Tooltip("site:N", title=ctx.t("site")),
                 alt.Tooltip("date_be:N", title=ctx.t("col_as_of")),
                 alt.Tooltip("coverage:Q", title=ctx.t("coverage")),
                 alt.Tooltip("run:N", title=ctx.t("col_run_status")),
                 alt.Tooltip("run_id:Q", title=ctx.t("col_run"))],
    )


def runs_frame(ctx: Ctx, runs: pd.DataFrame) -> pd.DataFrame:
    rows = [{
        ctx.t("col_run"): int(r.id),
        ctx.t("col_as_of"): fmt_date(r.as_of, ctx.lang),
        ctx.t("col_ruleset"): r.ruleset,
        ctx.t("col_run_status"): run_status_text(run_state(r.status, r.finished_at), ctx.lang),
        ctx.t("col_reason"): r.reason,
        ctx.t("col_n_ok"): f"{int(r.n_ok)}/{int(r.n_verdicts)}" if r.n_verdicts else "—",
        ctx.t("pages"): int(r.pages), ctx.t("documents"): int(r.documents),
        ctx.t("broken_links"): int(r.broken_links),
        ctx.t("trigger"): r.trigger, ctx.t("col_started"): fmt_datetime(r.started_at, ctx.lang),
    } for r in runs.itertuples()]
    return pd.DataFrame(rows)


def chart_block(ctx: Ctx) -> None:
    st.subheader(ctx.t("coverage_chart"))
    data = cache.overview(ctx.db, ctx.key, ctx.ruleset)
    if data.sites.empty:
        st.info(ctx.t("no_history"))
        return
    ids = [int(i) for i in data.sites["site_id"]]
    labels = {int(r.site_id): site_label(r.name, r.url) for r in data.sites.itertuples()}
    current = st.session_state.get(SITE_STATE)
    default = [current] if current in ids else ids[:1]
    if len(ids) <= MAX_DEFAULT_SITES:
        default = ids
    chosen = st.multiselect(ctx.t("chart_sites"), ids, default=default,
                            format_func=labels.__getitem__, key=f"chart_sites_{ctx.ruleset}")
    frame = cache.coverage_history(ctx.db, ctx.key, ctx.ruleset, tuple(sorted(chosen)),
                                   len(data.categories))
    if frame.empty:
        st.info(ctx.t("no_history"))
        return
    st.altair_chart(coverage_chart(ctx, frame))


def compare_block(ctx: Ctx, site_id: int, runs: pd.DataFrame) -> None:
    st.subheader(ctx.t("compare"))
    if len(runs) < 2:
        st.info(ctx.t("need_two_runs"))
        return
    newest = int(runs["id"].iloc[0])
    left, right = st.columns(2)
    with left:
        earlier = pick_run(ctx, site_id, "cmp_from", ctx.t("compare_from"),
                           default=cache.previous(ctx.db, ctx.key, newest)
                           or int(runs["id"].iloc[1]))
    with right:
        later = pick_run(ctx, site_id, "cmp_to", ctx.t("compare_to"), default=newest)
    if earlier is None or later is None or earlier == later:
        return
    first, second = sorted((earlier, later))
    changes_block(ctx, cache.diff(ctx.db, ctx.key, first, second))


def render(ctx: Ctx) -> None:
    st.header(ctx.t("view_history"))
    chart_block(ctx)
    st.subheader(ctx.t("runs_list"))
    site_id = pick_site(ctx, "site_pick_history")
    if site_id is None:
        return
    runs = cache.site_runs(ctx.db, ctx.key, site_id)
    table = runs_frame(ctx, runs)
    show_table(table, hide_index=True)
    downloads(ctx, table, file_stem("ita-audit-runs", site_id), "history")
    compare_block(ctx, site_id, runs)
