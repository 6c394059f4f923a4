"""งานที่ต้องทำ / Webmaster worklist: what to fix, most overdue first, and what changed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import cache
from dashboard.context import Ctx
from dashboard.exporting import file_stem, memo_bytes
from dashboard.fmt import as_date, fmt_date, md_escape, status_md, status_text
from dashboard.views.site import broken_frame, claimed_block
from dashboard.widgets import downloads, pick_run, pick_site, run_message, show_table, status_styled
from ita_audit.changes import CategoryChange, RunDiff

TODO = ("missing", "stale", "unknown")


def overdue_days(verdict: dict[str, Any], as_of: dt.date | None) -> int | None:
    latest = as_date(verdict["latest_date"])
    if latest is None or as_of is None:
        return None
    return (as_of - latest).days


def order_key(verdict: dict[str, Any], as_of: dt.date | None) -> tuple[int, int]:
    """Missing (never published) first, then stale by age (oldest first), then unknown."""
    status = verdict["status"]
    if status == "missing":
        return (0, 0)
    if status == "stale":
        days = overdue_days(verdict, as_of)
        return (1, -days) if days is not None else (2, 0)
    return (3, 0)


def todo_items(verdicts: list[dict[str, Any]], as_of: Any) -> list[dict[str, Any]]:
    day = as_date(as_of)
    items = [v for v in verdicts if v["status"] in TODO]
    return sorted(items, key=lambda v: (order_key(v, day), v["position"]))


def todo_frame(ctx: Ctx, items: list[dict[str, Any]], as_of: Any) -> pd.DataFrame:
    day = as_date(as_of)
    rows = []
    for v in items:
        days = overdue_days(v, day)
        rows.append({
            ctx.t("col_category"): v["category"],
            ctx.t("col_title"): v["title_en"] if ctx.lang == "en" else v["title_th"],
            ctx.t("col_status"): status_text(v["status"], ctx.lang),
            ctx.t("col_latest"): fmt_date(v["latest_date"], ctx.lang)
            or (ctx.t("never") if v["status"] == "missing" else "—"),
            ctx.t("col_overdue"): f"{days:,}" if days is not None else "",
            ctx.t("col_action"): ctx.t(f"action_{v['status']}"),
            ctx.t("col_reason"): v["reason_en"] if ctx.lang == "en" else v["reason_th"],
        })
    columns = [ctx.t(k) for k in ("col_category", "col_title", "col_status", "col_latest",
                                  "col_overdue", "col_action", "col_reason")]
    return pd.DataFrame(rows, columns=columns)


def _change_lines(ctx: Ctx, changes: list[CategoryChange]) -> str:
    if not changes:
        return f"- {ctx.t('none')}"
    lines = []
    for c in changes:
        title = c.title_en if ctx.lang == "en" else c.title_th
        before = status_md(c.before, ctx.lang) if c.before else "—"
        after = status_md(c.after, ctx.lang) if c.after else "—"
        lines.append(f"- **{md_escape(c.category)}** {md_escape(title)}: {before} → {after}")
    return "\n".join(lines)


def changes_block(ctx: Ctx, diff: RunDiff) -> None:
    st.caption(ctx.t("compared_with", to=diff.to_run, frm=diff.from_run))
    if not diff.later_complete:
        st.warning(ctx.t("diff_incomplete"))
    if not (diff.same_site and diff.same_ruleset):
        st.warning(ctx.t("diff_other_site"))
    if not diff.changed:
        st.success(ctx.t("no_changes"))
    cols = st.columns(3)
    for col, key, items in zip(cols, ("newly_stale", "newly_missing", "fixed"),
                               (diff.newly_stale, diff.newly_missing, diff.fixed), strict=True):
        with col:
            st.markdown(f"**{ctx.t(key)} ({len(items)})**")
            st.markdown(_change_lines(ctx, items))
    if diff.other:
        st.markdown(f"**{ctx.t('other_changes')} ({len(diff.other)})**")
        st.markdown(_change_lines(ctx, diff.other))
    urls = ([(ctx.t("broken_new"), u) for u in diff.broken_new]
            + [(ctx.t("broken_fixed"), u) for u in diff.broken_fixed])
    urls += [(f"{ctx.t('evidence_added')} {e.category}", u)
             for e in diff.evidence for u in e.added]
    urls += [(f"{ctx.t('evidence_removed')} {e.category}", u)
             for e in diff.evidence for u in e.removed]
    if urls:
        show_table(pd.DataFrame(urls, columns=[ctx.t("col_note"), "URL"]), hide_index=True)


def default_run(ctx: Ctx, site_id: int) -> int | None:
    runs = cache.site_runs(ctx.db, ctx.key, site_id)
    judged = runs[runs["n_verdicts"] > 0]
    return int(judged["id"].iloc[0]) if not judged.empty else None


def render(ctx: Ctx) -> None:
    st.header(ctx.t("view_worklist"))
    st.caption(ctx.t("worklist_help"))
    left, right = st.columns([3, 2])
    with left:
        site_id = pick_site(ctx, "site_pick_worklist")
    if site_id is None:
        return
    with right:
        run_id = pick_run(ctx, site_id, "run_pick_worklist", default=default_run(ctx, site_id))
    detail = cache.run_detail(ctx.db, ctx.key, run_id) if run_id else None
    if detail is None:
        return
    run_message(ctx, detail.run)
    if not detail.verdicts:   # failed, or not finished: nothing to judge yet
        return
    st.subheader(ctx.t("todo"))
    items = todo_items(detail.verdicts, detail.run["as_of"])
    if detail.verdicts and not items:
        st.success(ctx.t("nothing_todo"))
    elif items:
        table = todo_frame(ctx, items, detail.run["as_of"])
        show_table(status_styled(table, ctx.t("col_status"), [v["status"] for v in items]),
                     hide_index=True)
        downloads(ctx, table, file_stem("ita-audit-worklist", site_id, "run", run_id),
                  "worklist")
        if any(v["status"] in ("missing", "stale") for v in items):
            st.download_button(
                ctx.t("download_memo"), data=memo_bytes(ctx.db, run_id),
                file_name=file_stem("ita-audit-memos", site_id, "run", run_id) + ".docx",
                mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                key="worklist_memo")
    claimed_block(ctx, detail.claimed)
    st.subheader(ctx.t("broken_links"))
    if detail.broken:
        show_table(broken_frame(ctx, detail.broken), hide_index=True)
    else:
        st.caption(ctx.t("no_broken"))
    st.subheader(ctx.t("changes"))
    previous = cache.previous(ctx.db, ctx.key, run_id)
    if previous is None:
        st.info(ctx.t("no_previous"))
        return
    changes_block(ctx, cache.diff(ctx.db, ctx.key, previous, run_id))
