"""Site: one run of one site: every category with its evidence, statistics, problems."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard import cache
from dashboard.context import Ctx
from dashboard.exporting import file_stem
from dashboard.fmt import (
    code_span,
    date_source_text,
    fmt_date,
    fmt_datetime,
    kind_text,
    md_escape,
    run_state,
    run_status_text,
    safe_url,
    status_md,
    status_text,
)
from dashboard.queries import RunDetail
from dashboard.widgets import downloads, pick_run, pick_site, run_message, show_table, status_styled

LINK_TEXT = r"https?://(.*)"  # shown without the scheme; a click opens a new tab
TITLE_WIDTH = 240
STAT_KEYS = ("pages", "documents", "external_links", "broken_links", "errors")


def _flags(ctx: Ctx, flags: list[str]) -> str:
    names = {"undated": ctx.t("flag_undated"), "unconfirmed": ctx.t("flag_unconfirmed")}
    return ", ".join(names.get(f, f) for f in flags)


def _title(title: str, url: str) -> str:
    """The crawled title; a URL that is not http(s) is not a link, so it is shown here."""
    return title if safe_url(url) else f"{title} ({url})".strip()


def categories_frame(ctx: Ctx, detail: RunDetail) -> pd.DataFrame:
    counts: dict[str, int] = {}
    for e in detail.evidence:
        counts[e["category"]] = counts.get(e["category"], 0) + 1
    rows = [{
        ctx.t("col_category"): v["category"],
        ctx.t("col_title"): v["title_en"] if ctx.lang == "en" else v["title_th"],
        ctx.t("col_status"): status_text(v["status"], ctx.lang),
        ctx.t("col_latest"): fmt_date(v["latest_date"], ctx.lang),
        ctx.t("col_date_source"): date_source_text(v["date_source"], ctx.lang),
        ctx.t("col_reason"): v["reason_en"] if ctx.lang == "en" else v["reason_th"],
        ctx.t("col_evidence_n"): counts.get(v["category"], 0),
        ctx.t("col_flags"): _flags(ctx, v["flags"]),
    } for v in detail.verdicts]
    columns = [ctx.t(k) for k in ("col_category", "col_title", "col_status", "col_latest",
                                  "col_date_source", "col_reason", "col_evidence_n",
                                  "col_flags")]
    return pd.DataFrame(rows, columns=columns)


def evidence_frame(ctx: Ctx, items: list[dict[str, Any]]) -> pd.DataFrame:
    """Crawled text stays plain cell text; only http(s) URLs become (new-tab) links."""
    rows = [{
        ctx.t("col_ev_title"): _title(e["title"] or e["link_text"], e["url"]),
        ctx.t("col_link"): safe_url(e["url"]),
        ctx.t("col_kind"): kind_text(e["kind"], ctx.lang),
        ctx.t("col_date"): fmt_date(e["date"], ctx.lang),
        ctx.t("col_date_source"): date_source_text(e["date_source"], ctx.lang),
        ctx.t("col_date_text"): e["date_text"],
        ctx.t("col_matched"): ", ".join(e["matched"]),
        ctx.t("col_link_text"): e["link_text"],
    } for e in items]
    columns = [ctx.t(k) for k in ("col_ev_title", "col_link", "col_kind", "col_date", "col_date_source", "col_date_text",
                                   "col_matched", "col_link_text")]
    return pd.DataFrame(rows, columns=columns)


def broken_frame(ctx: Ctx, broken: list[dict[str, Any]]) -> pd.DataFrame:
    rows = [{
        "URL": b["url"], ctx.t("col_http"): b["status"], ctx.t("col_error"): b["error"],
        ctx.t("col_found_on"): " ".join(b["found_on"]),
    } for b in broken]
    columns = ["URL", ctx.t("col_http"), ctx.t("col_error"), ctx.t("col_found_on")]
    return pd.DataFrame(rows, columns=columns)


def claimed_block(ctx: Ctx, claimed: list[dict[str, Any]]) -> None:
    st.subheader(ctx.t("claimed_items"))
    if claimed:
        st.caption(ctx.t("claimed_help"))
        show_table(claimed_frame(ctx, claimed), hide_index=True)
    else:
        st.caption(ctx.t("no_claimed"))


def claimed_frame(ctx: Ctx, claimed: list[dict[str, Any]]) -> pd.DataFrame:
    """Items that name a category but hold nothing; crawled text stays text."""
    rows = [{
        ctx.t("col_category"): c["category"],
        ctx.t("col_named_by"): c["label"],
        ctx.t("col_link"): safe_url(c["url"]) if c["url"] else "#",
        ctx.t("col_found_on"): safe_url(c["found_on"]) if c["found_on"] else "",
        ctx.t("col_why_not"): c["why_en"] if ctx.lang == "en" else c["why_th"],
    } for c in claimed]
    columns = [ctx.t(k) for k in ("col_category", "col_named_by", "col_link", "col_found_on",
                                  "col_why_not")]
    return pd.DataFrame(rows, columns=columns)


def no_text_frame(ctx: Ctx, docs: list[dict[str, Any]]) -> pd.DataFrame:
    rows = [{
        ctx.t("col_link"): safe_url(d["url"]),
        ctx.t("col_ev_title"): _title(d["title"], d["url"]),
        ctx.t("col_text_layer"): ctx.t(f"text_layer_{d['text_layer']}"),
        ctx.t("col_size"): round(d["size_bytes"] / 1024, 1),
    } for d in docs]
    columns = [ctx.t("col_ev_title"), ctx.t("col_link"), ctx.t("col_text_layer"),
               ctx.t("col_size")]
    return pd.DataFrame(rows, columns=columns)


def link_config(ctx: Ctx) -> dict[str, Any]:
    """A fixed-width title, then the link (first two columns of the evidence tables)."""
    return {
        ctx.t("col_ev_title"): st.column_config.TextColumn(ctx.t("col_ev_title"),
                                                           width=TITLE_WIDTH),
        ctx.t("col_link"): st.column_config.LinkColumn(ctx.t("col_link"), display_text=LINK_TEXT,
                                                       width="large"),
    }


def run_header(ctx: Ctx, run: dict[str, Any]) -> None:
    state = run_state(run["status"], run["finished_at"])
    name = f"{md_escape(run['site_name'])} · " if run["site_name"] else ""
    st.markdown(f"**{ctx.t('site_url')}:** {name}{code_span(run['site_url'])}  \n"
                f"**{ctx.t('ruleset')}:** {code_span(run['ruleset'])} · "
                f"**{ctx.t('as_of')}:** {fmt_date(run['as_of'], ctx.lang)} · "
                f"**{ctx.t('col_run_status')}:** {md_escape(run_status_text(state, ctx.lang))}  \n"
                f"**{ctx.t('started')}:** {fmt_datetime(run['started_at'], ctx.lang)} · "
                f"**{ctx.t('finished')}:** {fmt_datetime(run['finished_at'], ctx.lang) or '—'}"
                f" · **{ctx.t('trigger')}:** {code_span(run['trigger'])}")
    run_message(ctx, run)


def stats_block(ctx: Ctx, detail: RunDetail) -> None:
    st.subheader(ctx.t("run_stats"))
    cols = st.columns(len(STAT_KEYS))
    for col, key in zip(cols, STAT_KEYS, strict=True):
        col.metric(ctx.t(key), int(detail.run.get(key) or 0))
    extra = {k: v for k, v in detail.stats.items() if k not in STAT_KEYS}
    if extra:
        with st.expander(ctx.t("more_stats")):
            show_table(pd.DataFrame({"": list(extra), " ": [str(v) for v in extra.values()]}),
                         hide_index=True)


def category_blocks(ctx: Ctx, detail: RunDetail) -> None:
    by_cat: dict[str, list[dict[str, Any]]] = {}
    for e in detail.evidence:
        by_cat.setdefault(e["category"], []).append(e)
    for v in detail.verdicts:
        title = v["title_en"] if ctx.lang == "en" else v["title_th"]
        label = f"{status_md(v['status'], ctx.lang)} **{md_escape(v['category'])}** " \
                f"{md_escape(title)}"
        with st.expander(label, expanded=v["status"] != "ok"):
            when = fmt_date(v["latest_date"], ctx.lang)
            source = date_source_text(v["date_source"], ctx.lang)
            st.markdown(f"**{ctx.t('col_latest')}:** {when or '—'}"
                        + (f" ({md_escape(source)})" if source else ""))
            st.text(v["reason_en"] if ctx.lang == "en" else v["reason_th"])
            items = by_cat.get(v["category"], [])
            if items:
                show_table(evidence_frame(ctx, items), hide_index=True,
                             column_config=link_config(ctx))
            else:
                st.caption(ctx.t("no_evidence"))


def render(ctx: Ctx) -> None:
    st.header(ctx.t("view_site"))
    left, right = st.columns([3, 2])
    with left:
        site_id = pick_site(ctx, "site_pick_site")
    if site_id is None:
        return
    with right:
        run_id = pick_run(ctx, site_id, "run_pick_site")
    detail = cache.run_detail(ctx.db, ctx.key, run_id) if run_id else None
    if detail is None:
        return
    run_header(ctx, detail.run)
    if detail.verdicts:
        st.subheader(ctx.t("category_results"))
        table = categories_frame(ctx, detail)
        show_table(status_styled(table, ctx.t("col_status"),
                                   [v["status"] for v in detail.verdicts]), hide_index=True)
        downloads(ctx, table, file_stem("ita-audit-site", site_id, "run", run_id), "site")
        category_blocks(ctx, detail)
    stats_block(ctx, detail)
    st.subheader(ctx.t("broken_links"))
    if detail.broken:
        show_table(broken_frame(ctx, detail.broken), hide_index=True)
    else:
        st.caption(ctx.t("no_broken"))
    claimed_block(ctx, detail.claimed)
    st.subheader(ctx.t("no_text_docs"))
    if detail.no_text:
        show_table(no_text_frame(ctx, detail.no_text), hide_index=True,
                     column_config=link_config(ctx))
    else:
        st.caption(ctx.t("no_no_text"))
