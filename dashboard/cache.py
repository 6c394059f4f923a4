"""Cached access to the store for the Streamlit app.

Every cached function takes the database location and a *key*
(:func:`dashboard.queries.fingerprint`: max run id, finished-run count …) so a
new or finished run invalidates the cache at once, while reruns of the page
(a filter, a language switch) never touch the database again.
"""

from __future__ import annotations

import os
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import queries
from ita_audit.changes import RunDiff, compare_runs, previous_run
from ita_audit.store import Store, database_url

Key = tuple[Any, ...]


def _identity(db: str) -> tuple[Any, ...]:
    """Changes when the database file is replaced (so a new engine is opened)."""
    url = database_url(db)
    if not url.startswith("sqlite:///"):
        return (url,)
    try:
        info = os.stat(url.removeprefix("sqlite:///"))
    except OSError:
        return (url, None)
    return (url, info.st_dev, info.st_ino)


@st.cache_resource(show_spinner=False, max_entries=8)
def _open(db: str, identity: tuple[Any, ...]) -> Store:
    del identity  # part of the cache key only
    return Store.open(db, create=False)


def open_store(db: str) -> Store:
    """The store (opened once per database file); raises ``StoreError``."""
    return _open(db, _identity(db))


def fingerprint(db: str) -> Key:
    return queries.fingerprint(open_store(db))


@st.cache_data(show_spinner=False, max_entries=32)
def rulesets(db: str, key: Key) -> list[str]:
    return queries.rulesets(open_store(db))


@st.cache_data(show_spinner=False, max_entries=32)
def sites(db: str, key: Key) -> pd.DataFrame:
    return queries.sites(open_store(db))


@st.cache_data(show_spinner=False, max_entries=32)
def overview(db: str, key: Key, ruleset: str) -> queries.Overview:
    return queries.overview(open_store(db), ruleset)


@st.cache_data(show_spinner=False, max_entries=64)
def site_runs(db: str, key: Key, site_id: int) -> pd.DataFrame:
    return queries.site_runs(open_store(db), site_id)


@st.cache_data(show_spinner=False, max_entries=64)
def run_detail(db: str, key: Key, run_id: int) -> queries.RunDetail | None:
    return queries.run_detail(open_store(db), run_id)


@st.cache_data(show_spinner=False, max_entries=32)
def coverage_history(db: str, key: Key, ruleset: str, site_ids: tuple[int, ...],
                     n_categories: int) -> pd.DataFrame:
    return queries.coverage_history(open_store(db), ruleset, list(site_ids), n_categories)


@st.cache_data(show_spinner=False, max_entries=64)
def previous(db: str, key: Key, run_id: int) -> int | None:
    return previous_run(open_store(db), run_id)


@st.cache_data(show_spinner=False, max_entries=64)
def diff(db: str, key: Key, from_run: int, to_run: int) -> RunDiff:
    return compare_runs(open_store(db), from_run, to_run)
