"""The same store code on PostgreSQL (the distributed engine's database).

Runs when ``ITA_AUDIT_TEST_POSTGRES`` holds a database URL such as
``postgresql+psycopg://ita:ita@127.0.0.1/ita_test`` (CI installs and starts a
local PostgreSQL and sets it); the database is emptied first.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
import sqlalchemy as sa

from crawler.collect import BrokenLink, CrawlResult
from ita_audit.report import build_report
from ita_audit.store import SCHEMA_VERSION, Store, metadata
from rules.records import DatedValue, DocumentRecord, LinkContext
from rules.ruleset import load_ruleset
from rules.verdicts import CrawlOutcome, judge
from tests.conftest import OWN_TEXT

URL = os.environ.get("ITA_AUDIT_TEST_POSTGRES", "")
pytestmark = pytest.mark.skipif(not URL, reason="set ITA_AUDIT_TEST_POSTGRES to a PostgreSQL URL")
SITE = "https://www.example-esa.go.th/"


@pytest.fixture
def store() -> Store:
    """A fresh store on the one test database; tests running in parallel (two workers)
    take turns through an advisory lock held for the whole test."""
    engine = sa.create_engine(URL)
    guard = engine.connect()
    guard.execute(sa.text("SELECT pg_advisory_lock(7414)"))
    with engine.begin() as conn:
        metadata.drop_all(conn)
    opened = Store.open(URL)
    try:
        yield opened
    finally:
        opened.close()
        guard.execute(sa.text("SELECT pg_advisory_unlock(7414)"))
        guard.close()
        engine.dispose()


def test_a_run_round_trips_on_postgres(store: Store) -> None:
    as_of = dt.date(2026, 11, 20)
    record = DocumentRecord(
        url=SITE + "files/แผน.pdf", kind="document", title="แผนปฏิบัติการประจำปี",
        body_text="แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๙\n" + OWN_TEXT, text_layer="yes",
        dates=[DatedValue(dt.date(2026, 1, 5), dt.date(2026, 1, 5), "document_meta", "created")],
        links_in=[LinkContext(SITE, anchor_text="ดาวน์โหลด", row_text="O6 แผนปฏิบัติการ")],
    )
    run_id = store.begin_run(SITE, as_of, "seed", "สพป.ทดสอบ")
    assert store.run(run_id)["status"] == "incomplete"
    result = CrawlResult(SITE, "complete", "", [record],
                         [BrokenLink(SITE + "x.pdf", 404, "HTTP 404", [SITE])],
                         {"pages": 0, "documents": 1, "external_links": 0, "broken_links": 1,
                          "errors": 0}, dt.datetime.now(dt.UTC), dt.datetime.now(dt.UTC))
    verdicts = judge(load_ruleset("seed"), [record], as_of, CrawlOutcome(broken_links=1))
    store.finish_run(run_id, result, verdicts)
    run = store.run(run_id)
    assert run["status"] == "complete" and run["as_of"] == as_of
    report = build_report(store, run_id)
    plan = next(c for c in report["categories"] if c["id"] == "1.3")
    assert plan["status"] == "ok"
    assert plan["evidence"][0]["url"] == SITE + "files/แผน.pdf"
    assert report["broken_links"][0]["found_on"] == [SITE]
    assert store.documents(run_id)[0]["title"] == "แผนปฏิบัติการประจำปี"


def test_schema_version_is_recorded_on_postgres(store: Store) -> None:
    with store.engine.connect() as conn:
        version = conn.execute(sa.text("SELECT value FROM meta WHERE key = 'schema_version'"))
        assert int(version.scalar_one()) == SCHEMA_VERSION
