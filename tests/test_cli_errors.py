"""Bad input: one clear line, a non-zero exit code, no traceback, nothing lost."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from crawler.collect import CrawlResult
from ita_audit.store import SCHEMA_VERSION, Store
from rules.verdicts import Verdict
from tests.conftest import run_cli


def assert_one_line_error(result, *words: str, code: int = 2) -> None:  # type: ignore[no-untyped-def]
    assert result.code == code, result.text
    assert "Traceback" not in result.text
    lines = [line for line in result.err.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("ita-audit: error:")]
    assert len(errors) == 1, result.err
    for word in words:
        assert word in errors[0], errors[0]


@pytest.mark.parametrize(("url", "word"), [
    ("www.example.go.th", "http"),
    ("ftp://example.go.th/", "http"),
    ("http://", "no host"),
    ("http://exa mple.go.th/", "no host"),
    ("http://example.go.th:99999/", "invalid URL"),
])
def test_invalid_urls(tmp_path: Path, url: str, word: str) -> None:
    result = run_cli("audit", url, "--db", str(tmp_path / "x.db"), "--as-of", "2026-11-20")
    assert_one_line_error(result, word)
    assert not (tmp_path / "x.db").exists()  # nothing created for bad input


def test_dns_failure_is_a_failed_run(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    result = run_cli("audit", "http://no-such-office.invalid/", "--db", str(db),
                     "--as-of", "2026-11-20", "--quiet", "--timeout", "60")
    assert_one_line_error(result, "no-such-office.invalid", code=1)
    assert Store.open(db, create=False).latest_run()["status"] == "failed"


def test_malformed_rule_file(tmp_path: Path) -> None:
    rules = tmp_path / "mine.yaml"
    rules.write_text("id: mine\nkind: seed\ncategories: [\n", encoding="utf-8")
    result = run_cli("audit", "http://127.0.0.1:9/", "--ruleset", str(rules),
                     "--db", str(tmp_path / "x.db"))
    assert_one_line_error(result, f"{rules}:", "invalid YAML")


def test_unknown_rule_set_name(tmp_path: Path) -> None:
    result = run_cli("audit", "http://127.0.0.1:9/", "--ruleset", "oit-2550",
                     "--db", str(tmp_path / "x.db"))
    assert_one_line_error(result, "unknown rule set", "seed")


def test_unwritable_database_path(tmp_path: Path) -> None:
    result = run_cli("audit", "http://127.0.0.1:9/", "--db", str(tmp_path / "no" / "dir.db"))
    assert_one_line_error(result, "does not exist")


def test_bad_as_of_date(tmp_path: Path) -> None:
    result = run_cli("audit", "http://127.0.0.1:9/", "--as-of", "20/11/2569")
    assert result.code == 2 and "not a date" in result.err and "Traceback" not in result.err


def test_foreign_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER, name TEXT)")
        conn.execute("INSERT INTO customers VALUES (1, 'x')")
    before = db.read_bytes()
    result = run_cli("audit", "http://127.0.0.1:9/", "--db", str(db))
    assert_one_line_error(result, "not an ita-audit database")
    assert db.read_bytes() == before


def test_not_a_database_at_all(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("just some text, not SQLite", encoding="utf-8")
    result = run_cli("report", "--db", str(db))
    assert_one_line_error(result, "not a usable ita-audit database")


def make_v1_database(path: Path) -> int:
    """A database as version 1 of the schema left it, holding one finished run."""
    store = Store.open(path)
    run_id = store.begin_run("http://old.example/", dt.date(2025, 1, 1), "seed")
    result = CrawlResult("http://old.example/", "complete", "", [], [], {"pages": 3},
                         dt.datetime.now(dt.UTC), dt.datetime.now(dt.UTC))
    store.finish_run(run_id, result, [Verdict("1.1", "t", "t", "missing", None, None, "r", "r")])
    store.close()
    with sqlite3.connect(path) as conn:
        conn.execute("DROP INDEX ix_runs_site_started")
        conn.execute("ALTER TABLE runs DROP COLUMN trigger")
        conn.execute("DROP TABLE claimed")   # v3
        conn.execute("UPDATE meta SET value='1' WHERE key='schema_version'")
    return run_id


def test_older_schema_needs_upgrade_then_keeps_its_runs(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    run_id = make_v1_database(db)
    result = run_cli("audit", "http://127.0.0.1:9/", "--db", str(db))
    assert_one_line_error(result, "schema version 1", "db upgrade")
    upgraded = run_cli("db", "upgrade", "--db", str(db))
    assert upgraded.code == 0, upgraded.text
    store = Store.open(db, create=False)
    run = store.run(run_id)
    assert run["pages"] == 3 and run["trigger"] == "manual"
    assert [v["status"] for v in store.verdicts(run_id)] == ["missing"]
    assert store.claimed(run_id) == []          # the v3 table exists after the upgrade
    with sqlite3.connect(db) as conn:
        version = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
    assert int(version) == SCHEMA_VERSION


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    Store.open(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    result = run_cli("report", "--db", str(db))
    assert_one_line_error(result, "newer than this ita-audit supports")


def test_report_without_runs(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    Store.open(db).close()
    result = run_cli("report", "--db", str(db))
    assert_one_line_error(result, "no runs")


def test_store_is_in_wal_mode(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    Store.open(db).close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize(("args", "word"), [
    (["--max-mb", "-1"], "at least 0.001"),
    (["--max-mb", "0"], "at least 0.001"),
    (["--delay", "-5"], "must not be negative"),
    (["--as-of", "2026-13-01"], "not a date"),
    (["--max-pages", "0"], "must be positive"),
])
def test_bad_options_are_one_line(tmp_path: Path, args: list[str], word: str) -> None:
    result = run_cli("audit", "http://127.0.0.1:9/", "--db", str(tmp_path / "x.db"), *args)
    assert_one_line_error(result, word)
    assert "usage:" not in result.err


def test_output_folder_is_refused_before_crawling(tmp_path: Path) -> None:
    result = run_cli("audit", "http://127.0.0.1:9/", "--db", str(tmp_path / "x.db"),
                     "--json", str(tmp_path))
    assert_one_line_error(result, "is a folder")
    assert not (tmp_path / "x.db").exists()


def test_database_passwords_never_appear(tmp_path: Path) -> None:
    result = run_cli("report", "--db", "postgresql://auditor:s3cret-pw@127.0.0.1:1/none")
    assert result.code != 0 and "Traceback" not in result.text
    assert "s3cret-pw" not in result.text
    result = run_cli("report", "--db", "mysql://auditor:s3cret-pw@127.0.0.1/x")
    assert_one_line_error(result, "unsupported database")
    assert "s3cret-pw" not in result.text


def test_site_urls_are_one_key_whatever_their_case() -> None:
    from ita_audit.audit import check_url

    assert check_url(" HTTP://WWW.Example-ESA.GO.TH ") == "http://www.example-esa.go.th/"
    assert check_url("https://a.go.th:8443/ita?x=1") == "https://a.go.th:8443/ita?x=1"


def test_memo_of_a_failed_run_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    run_cli("audit", "http://127.0.0.1:9/", "--db", str(db), "--quiet")
    result = run_cli("memo", "--db", str(db), "--run", "1", "--out", str(tmp_path / "m.docx"))
    assert_one_line_error(result, "failed")
