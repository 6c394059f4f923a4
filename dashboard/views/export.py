"""Export: the overview matrix (CSV, XLSX) and a run's report (JSON, CSV, XLSX)."""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from dashboard import cache
from dashboard.context import Ctx
from dashboard.exporting import file_stem
from dashboard.views.overview import matrix_frame
from dashboard.widgets import downloads, pick_run, pick_site, run_message
from ita_audit.store import Store

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _report(db: str, run_id: int) -> dict[str, Any]:
    """Built on click, in Streamlit's download thread: no Streamlit calls here."""
    from ita_audit.report import build_report

    store = Store.open(db, create=False)
    try:
        return build_report(store, run_id)
    finally:
        store.close()


def render(ctx: Ctx) -> None:
    st.header(ctx.t("view_export"))
    st.caption(ctx.t("export_help"))
    st.subheader(ctx.t("export_matrix", ruleset=ctx.ruleset))
    data = cache.overview(ctx.db, ctx.key, ctx.ruleset)
    if data.sites.empty:
        st.info(ctx.t("no_runs_ruleset"))
    else:
        downloads(ctx, matrix_frame(ctx, data, data.sites),
                  file_stem("ita-audit-overview", ctx.ruleset), "export_matrix")

    st.subheader(ctx.t("export_run"))
    left, right = st.columns([3, 2])
    with left:
        site_id = pick_site(ctx, "site_pick_export")
    if site_id is None:
        return
    with right:
        run_id = pick_run(ctx, site_id, "run_pick_export")
    if run_id is None:
        return
    detail = cache.run_detail(ctx.db, ctx.key, run_id)
    if detail is not None:
        run_message(ctx, detail.run)
    db = ctx.db
    stem = file_stem("ita-audit-report", site_id, "run", run_id)

    def report_json() -> bytes:
        return json.dumps(_report(db, run_id), ensure_ascii=False,
                          indent=2).encode("utf-8")

    def report_csv() -> bytes:
        from ita_audit.report import csv_text

        return csv_text(_report(db, run_id)).encode("utf-8-sig")

    def report_xlsx() -> bytes:
        from ita_audit.report import xlsx_bytes

        return xlsx_bytes(_report(db, run_id))

    cols = st.columns(3)
    cols[0].download_button(ctx.t("download_json"), data=report_json, file_name=f"{stem}.json",
                            mime="application/json", key="report_json", on_click="ignore",
                            icon=":material/data_object:")
    cols[1].download_button(ctx.t("download_report_csv"), data=report_csv,
                            file_name=f"{stem}.csv", mime="text/csv", key="report_csv",
                            on_click="ignore", icon=":material/download:")
    cols[2].download_button(ctx.t("download_report_xlsx"), data=report_xlsx,
                            file_name=f"{stem}.xlsx", mime=XLSX, key="report_xlsx",
                            on_click="ignore", icon=":material/download:")
