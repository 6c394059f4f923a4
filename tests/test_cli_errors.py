"""Bad input: one clear line, a non-zero exit code, no traceback, nothing lost."""

from __future__ import annotations

import datetime as dt
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from crawler.collect import CrawlResult
from ita_audit.store import SCHEMA_VERSION, Store
from rules.verdicts import Verdict
from tests.conftest import file_permissions_apply, run_cli, slow_site, start_cli


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


# -- Bad operator input (numbers, paths, files, names, Ctrl+C) -------------------------------
def _db_runs(db: Path) -> list[dict]:  # type: ignore[type-arg]
    return Store.open(db, create=False).runs() if db.exists() else []


@pytest.mark.parametrize(("args", "option", "word"), [
    (["--max-mb", "nan"], "--max-mb", "finite"),
    (["--max-mb", "inf"], "--max-mb", "finite"),
    (["--max-mb", "99999"], "--max-mb", "at most"),
    (["--delay", "inf"], "--delay", "finite"),         # used to wait forever
    (["--delay", "nan"], "--delay", "finite"),
    (["--delay", "1e400"], "--delay", "finite"),
    (["--delay", "86400"], "--delay", "at most"),
    (["--timeout", "inf"], "--timeout", "not a whole number"),
    (["--timeout", "99999999999"], "--timeout", "at most"),
    (["--max-pages", "1e3"], "--max-pages", "not a whole number"),
    (["--max-pages", "99999999999999999999"], "--max-pages", "at most"),
    (["--max-depth", "100000"], "--max-depth", "at most"),
    (["--concurrency", "100000"], "--concurrency", "at most"),
    (["--concurrency", "-1"], "--concurrency", "positive"),
    (["--as-of", "0001-01-01"], "--as-of", "between"),
])
def test_numeric_limit_options_are_bounded(tmp_path: Path, args: list[str], option: str,
                                           word: str) -> None:
    result = run_cli("audit", "http://127.0.0.1:9/", "--db", str(tmp_path / "x.db"), *args,
                     timeout=30)
    assert_one_line_error(result, f"argument {option}:", word)
    assert not (tmp_path / "x.db").exists()   # refused before anything was opened


@pytest.mark.parametrize(("args", "option", "word"), [
    (["report", "--run", "9" * 20], "--run", "at most"),
    (["memo", "--run", "9" * 20, "--out", "m.docx"], "--run", "at most"),
    (["diff", "--to", "9" * 20], "--to", "at most"),
    (["diff", "--site", "x", "--from", "-3"], "--from", "positive"),
    (["prune", "--keep-days", "99999999999"], "--keep-days", "at most"),
    (["prune", "--detail-runs", "9" * 30], "--detail-runs", "at most"),
    (["prune", "--now", "0001-01-01"], "--now", "between"),
    (["dashboard", "--port", "99999"], "--port", "1–65535"),
    (["dashboard", "--port", "0"], "--port", "1–65535"),
    (["dashboard", "--port", "-1"], "--port", "1–65535"),
    (["demo", "--port", "70000", "--no-dashboard"], "--port", "1–65535"),
])
def test_huge_ids_days_and_ports_are_one_line(tmp_path: Path, args: list[str], option: str,
                                              word: str) -> None:
    db = tmp_path / "x.db"
    Store.open(db).close()
    result = run_cli(*args, "--db", str(db), cwd=tmp_path, timeout=30)
    assert_one_line_error(result, f"argument {option}:", word)


@pytest.mark.parametrize(("limits", "key", "word"), [
    ("{delay_s: .inf}", "delay_s", "finite"),
    ("{max_mb: .nan}", "max_mb", "finite"),
    ("{timeout_s: 99999999999}", "timeout_s", "at most"),
    ("{concurrency: 100000}", "concurrency", "at most"),
])
def test_sites_file_limits_are_bounded_like_the_options(tmp_path: Path, limits: str, key: str,
                                                        word: str) -> None:
    sites = tmp_path / "sites.yaml"
    sites.write_text(f"sites:\n  - url: http://127.0.0.1:9/\n    limits: {limits}\n",
                     encoding="utf-8")
    result = run_cli("audit", "--sites", str(sites), "--db", str(tmp_path / "x.db"))
    assert_one_line_error(result, f"{sites}:3:", f"'{key}'", word)
    assert not (tmp_path / "x.db").exists()


def _output_case(tmp_path: Path, case: str) -> Path:
    if case == "missing folder":
        return tmp_path / "no" / "such" / "out.file"
    if case == "a folder":
        (tmp_path / "out.d").mkdir()
        return tmp_path / "out.d"
    if case == "under a file":
        (tmp_path / "plain").write_text("x", encoding="utf-8")
        return tmp_path / "plain" / "out.file"
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    return folder / "out.file"


OUTPUT_CASES = [("missing folder", "does not exist"), ("a folder", "is a folder"),
                ("under a file", "not a folder"), ("read-only folder", "cannot write")]


@pytest.mark.parametrize(("case", "word"), OUTPUT_CASES)
def test_unwritable_json_is_refused_before_the_crawl(tmp_path: Path, case: str,
                                                     word: str) -> None:
    if case == "read-only folder" and not file_permissions_apply(tmp_path):
        pytest.skip("file permissions cannot be enforced here")
    out = _output_case(tmp_path, case)
    db = tmp_path / "x.db"
    result = run_cli("audit", "http://127.0.0.1:9/", "--db", str(db), "--json", str(out),
                     "--quiet", obey_permissions=True)
    assert_one_line_error(result, str(out), word)
    assert not db.exists()          # refused before the store was opened and any crawl


@pytest.mark.parametrize(("case", "word"), OUTPUT_CASES)
@pytest.mark.parametrize("command", ["report", "memo"])
def test_unwritable_out_is_refused_before_any_work(tmp_path: Path, command: str, case: str,
                                                   word: str) -> None:
    if case == "read-only folder" and not file_permissions_apply(tmp_path):
        pytest.skip("file permissions cannot be enforced here")
    out = _output_case(tmp_path, case)
    # no database at all: the output is checked first, so its error is the one shown
    result = run_cli(command, "--db", str(tmp_path / "none.db"), "--out", str(out),
                     obey_permissions=True)
    assert_one_line_error(result, str(out), word)


def _rule_set_copy(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    from rules.ruleset import CONCEPTS_FILE, RULESET_DIR, SCORING_FILE

    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    for name in (CONCEPTS_FILE, SCORING_FILE):
        (folder / name).write_text((RULESET_DIR / name).read_text(encoding="utf-8"),
                                   encoding="utf-8")
    text = (RULESET_DIR / "seed.yaml").read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    path = folder / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    marker = new.splitlines()[-1]
    return path, next(i for i, line in enumerate(text.splitlines(), 1) if marker in line)


@pytest.mark.parametrize(("old", "new", "words"), [
    ("{policy: max_age, days: 365}", "\n  policy: max_age\n  days: -30",
     ["'days' must be positive"]),
    ("{policy: max_age, days: 365}", "\n  policy: max_age\n  days: 1000000000000",
     ["'days' must be at most"]),
    ("{policy: max_age, days: 365}", "\n  policy: max_age\n  grace_days: 99999999",
     ["'grace_days' must be at most"]),
    ("{policy: max_age, days: 365}", "\n  policy: max_age\n  grace_days: -1",
     ["'grace_days' must not be negative"]),
    ("  max_stale: 0 ", "  max_stale: -1 ", ["'max_stale' must not be negative"]),
    ("  max_broken_links: 0 ", "  max_broken_links: 1e999 ", ["'max_broken_links' must be int"]),
    ("categories:\n", "scoring:\n  weights: {link: -3, context: 3, section: 2, title: 3, "
     "heading: 1, lead: 2, url: 1, body: 0.5}\n  body_cap: 1.5\n  threshold: 3\n"
     "categories:\n", ["'link' must not be negative"]),
    ("categories:\n", "scoring:\n  weights: {link: 3, context: 3, section: 2, title: 3, "
     "heading: 1, lead: 2, url: 1, body: 0.5}\n  body_cap: 1.5\n  threshold: .nan\n"
     "categories:\n", ["'threshold' must be a finite number"]),
    ("categories:\n", "scoring:\n  weights: {link: 3, context: 3, section: 2, title: 3, "
     "heading: 1, lead: 2, url: .inf, body: 0.5}\n  body_cap: 1.5\n  threshold: 3\n"
     "categories:\n", ["'url' must be a finite number"]),
    ("categories:\n", "scoring:\n  weights: {link: 3, context: 3, section: 2, title: 3, "
     "heading: 1, lead: 2, url: 1, body: 0.5}\n  body_cap: 1.5\n  threshold: 3\n"
     "  tie_ratio: 7\ncategories:\n", ["'tie_ratio' must be at most 1"]),
], ids=["days-negative", "days-huge", "grace-huge", "grace-negative", "max-stale-negative",
        "max-broken-float", "weight-negative", "threshold-nan", "weight-inf", "tie-ratio"])
def test_rule_set_with_absurd_numbers_is_refused_on_load(tmp_path: Path, old: str, new: str,
                                                         words: list[str]) -> None:
    path, line = _rule_set_copy(tmp_path, old, new)
    db = tmp_path / "x.db"
    result = run_cli("audit", "http://127.0.0.1:9/", "--ruleset", str(path), "--db", str(db))
    assert_one_line_error(result, *words)
    error = next(x for x in result.err.splitlines() if x.startswith("ita-audit: error:"))
    where = error.removeprefix("ita-audit: error: ").split(": ", 1)[0]
    assert where.startswith(f"{path}:"), error           # FILE:LINE, as every loader error
    assert abs(int(where.rsplit(":", 1)[1]) - line) <= 3, (error, line)
    assert not db.exists()                                # before the crawl, not after


@pytest.mark.parametrize("command", [
    ["audit", "http://127.0.0.1:9/"],
    ["audit", "--sites", "{sites}"],
    ["schedule", "install", "--weekly", "--sites", "{sites}", "--dry-run"],
    ["schedule", "run", "--once", "--sites", "{sites}"],
    ["prune"],
], ids=["audit", "audit-sites", "schedule-install", "schedule-run", "prune"])
@pytest.mark.parametrize("problem", ["missing", "invalid", "wrong type"])
def test_bad_config_is_one_line_for_every_command(tmp_path: Path, command: list[str],
                                                  problem: str) -> None:
    sites = tmp_path / "sites.yaml"
    sites.write_text("sites:\n  - url: http://127.0.0.1:9/\n", encoding="utf-8")
    config = tmp_path / "ita-audit-config.yaml"
    if problem == "invalid":
        config.write_text("smtp: [\n", encoding="utf-8")
    elif problem == "wrong type":
        config.write_text("retention:\n  keep_days: 99999999999\n", encoding="utf-8")
    db = tmp_path / "x.db"
    if command == ["prune"]:
        Store.open(db).close()
    args = [a.replace("{sites}", str(sites)) for a in command]
    result = run_cli(*args, "--db", str(db), "--config", str(config), timeout=60)
    word = {"missing": "file not found", "invalid": "invalid YAML",
            "wrong type": "'keep_days' must be at most"}[problem]
    assert_one_line_error(result, config.name, word)
    if command[0] == "audit":
        assert not db.exists()          # audit honours --config: refused before crawling


def test_audit_validates_the_default_config_in_its_folder(tmp_path: Path) -> None:
    (tmp_path / "ita-audit.yaml").write_text("smtp:\n  host: mail\n  port: 99999\n",
                                             encoding="utf-8")
    result = run_cli("audit", "http://127.0.0.1:9/", "--db", "x.db", cwd=tmp_path)
    assert_one_line_error(result, "ita-audit.yaml:3:", "'port'")
    assert not (tmp_path / "x.db").exists()


def _earlier_run(db: Path) -> tuple[int, dict]:  # type: ignore[type-arg]
    store = Store.open(db)
    run_id = store.begin_run("http://old.example/", dt.date(2026, 1, 1), "seed")
    now = dt.datetime.now(dt.UTC)
    store.finish_run(run_id, CrawlResult("http://old.example/", "complete", "", [], [],
                                         {"pages": 3}, now, now),
                     [Verdict("1.1", "t", "t", "missing", None, None, "r", "r")])
    run = store.run(run_id)
    store.close()
    return run_id, run


@pytest.mark.parametrize("case", ["file", "folder"])
def test_read_only_database_is_refused_before_crawling(tmp_path: Path, case: str) -> None:
    if not file_permissions_apply(tmp_path):
        pytest.skip("file permissions cannot be enforced here")
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "a.db"
    run_id, earlier = _earlier_run(db)
    try:
        if case == "file":
            db.chmod(0o444)
            target = db
        else:   # a new database in a read-only folder (and an existing one in it)
            folder.chmod(0o555)
            target = folder / "new.db"
        result = run_cli("audit", "http://127.0.0.1:9/", "--db", str(target), "--quiet",
                         obey_permissions=True)
        assert_one_line_error(result, str(target))
        assert "read-only" in result.err or "Permission denied" in result.err, result.err
        if case == "folder":
            again = run_cli("audit", "http://127.0.0.1:9/", "--db", str(db), "--quiet",
                            obey_permissions=True)
            assert_one_line_error(again, "read-only")
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)
    assert [r["id"] for r in _db_runs(db)] == [run_id]      # no run begun, none "in progress"
    assert Store.open(db, create=False).run(run_id) == earlier


@pytest.mark.parametrize("db", [":memory:", "sqlite://", "sqlite:///:memory:",
                                "sqlite:///file::memory:?cache=shared"])
@pytest.mark.parametrize("command", ["audit", "report", "schedule"])
def test_in_memory_database_is_refused(tmp_path: Path, db: str, command: str) -> None:
    (tmp_path / "sites.yaml").write_text("sites:\n  - url: http://127.0.0.1:9/\n",
                                         encoding="utf-8")
    args = {"audit": ["audit", "http://127.0.0.1:9/"], "report": ["report"],
            "schedule": ["schedule", "install", "--weekly", "--dry-run"]}[command]
    result = run_cli(*args, "--db", db, cwd=tmp_path)
    assert_one_line_error(result, "keeps nothing")
    assert [p.name for p in tmp_path.iterdir()] == ["sites.yaml"]   # no file ":memory:"


CONTROL = "\x00\x07\x1b[31m\x0b\x1f\x7f"


def _assert_printable(text: str) -> None:
    bad = [c for c in text if (ord(c) < 32 and c not in "\t\n\r") or 0x7f <= ord(c) <= 0x9f]
    assert not bad, repr(text)


def _read_docx(path: Path) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def _read_xlsx(path: Path) -> str:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    return "\n".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows()
                     for c in row if c.value is not None)


def test_control_characters_in_names_do_not_break_memo_or_xlsx(tmp_path: Path) -> None:
    """A name from an older database (or a rule-set title) holding NUL, BEL, ESC, VT:
    the memo and the spreadsheet are written, without the control characters."""
    db = tmp_path / "c.db"
    store = Store.open(db)
    run_id = store.begin_run("http://office.example/", dt.date(2026, 11, 20), "seed",
                             f"สพป.{CONTROL}ชลบุรี")
    now = dt.datetime.now(dt.UTC)
    store.finish_run(run_id, CrawlResult("http://office.example/", "complete", "", [], [],
                                         {}, now, now),
                     [Verdict("1.1", f"โครงสร้าง{CONTROL}", "Structure\x07", "missing", None,
                              None, f"ไม่พบ{CONTROL}", "not found\x1b")])
    store.close()
    memo = run_cli("memo", "--db", str(db), "--out", str(tmp_path / "m.docx"))
    assert memo.code == 0 and "Traceback" not in memo.text, memo.text
    text = _read_docx(tmp_path / "m.docx")
    _assert_printable(text)
    assert "สพป.[31m ชลบุรี" in text and "โครงสร้าง" in text
    xlsx = run_cli("report", "--db", str(db), "--format", "xlsx", "--out",
                   str(tmp_path / "r.xlsx"))
    assert xlsx.code == 0 and "Traceback" not in xlsx.text, xlsx.text
    cells = _read_xlsx(tmp_path / "r.xlsx")
    _assert_printable(cells)
    assert "สพป.[31m ชลบุรี" in cells and "not found" in cells
    csv = run_cli("report", "--db", str(db), "--format", "csv")
    assert csv.code == 0
    _assert_printable(csv.out)


def test_control_characters_from_a_sites_file_and_a_rule_set(tmp_path: Path,
                                                            serve_dir) -> None:  # type: ignore[no-untyped-def]
    """The real path: a sites file's name and a rule set's title with escapes for
    control characters, a real audit of a local site, then memo and XLSX."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html><body><h1>หน้าแรก</h1><p>ยินดีต้อนรับ</p>"
                                     "<a href='a.html'>เกี่ยวกับเรา</a> <a href='b.html'>ติดต่อ</a>"
                                     "</body></html>", encoding="utf-8")
    for name in ("a.html", "b.html"):
        (site / name).write_text("<html><body><h1>หน้า</h1><a href='index.html'>หน้าแรก</a>"
                                 "</body></html>", encoding="utf-8")
    server = serve_dir(site)
    rules, _ = _rule_set_copy(
        tmp_path, "    title_th: ข้อมูลพื้นฐานเกี่ยวกับโครงสร้าง ภารกิจ และผู้บริหาร\n",
        '    title_th: "ข้อมูลพื้นฐาน\\a\\e[1mโครงสร้าง\\0"\n')
    (tmp_path / "rules" / "mine.yaml").write_text(
        (tmp_path / "rules" / "mine.yaml").read_text(encoding="utf-8").replace(
            'title_th: มาตรการ', 'title_th: "ชุด\\a\\x1bเกณฑ์" # มาตรการ', 1), encoding="utf-8")
    sites = tmp_path / "sites.yaml"
    sites.write_text(f'sites:\n  - name: "สพป.\\0\\a\\e[31m\\vชลบุรี"\n    url: {server.url}\n'
                     "    ruleset: rules/mine.yaml\n    limits: {delay_s: 0}\n",
                     encoding="utf-8")
    db = tmp_path / "s.db"
    audit = run_cli("audit", "--sites", str(sites), "--db", str(db), "--as-of", "2026-11-20",
                    "--quiet")
    assert audit.code == 0, audit.text
    run = Store.open(db, create=False).latest_run()
    _assert_printable(run["site_name"])           # cleaned where it entered
    for args in (["memo", "--out", str(tmp_path / "m.docx")],
                 ["report", "--format", "xlsx", "--out", str(tmp_path / "r.xlsx")]):
        result = run_cli(*args, "--db", str(db))
        assert result.code == 0 and "Traceback" not in result.text, result.text
    memo = _read_docx(tmp_path / "m.docx")
    _assert_printable(memo)
    assert "ข้อมูลพื้นฐาน[1mโครงสร้าง" in memo
    _assert_printable(_read_xlsx(tmp_path / "r.xlsx"))


def test_dashboard_worklist_downloads_survive_control_characters() -> None:
    """The worklist's XLSX/CSV downloads and its table (dashboard/exporting.py)."""
    import io

    import pandas as pd
    from openpyxl import load_workbook

    from dashboard.exporting import csv_bytes, safe_frame, xlsx_bytes

    frame = pd.DataFrame({f"หมวด{CONTROL}": ["1.1"], "ชื่อ": [f"โครงสร้าง{CONTROL}"],
                          "n": [3]})
    data = xlsx_bytes(frame, f"worklist{CONTROL}")
    cells = [c.value for ws in load_workbook(io.BytesIO(data)).worksheets
             for row in ws.iter_rows() for c in row]
    _assert_printable("".join(str(c) for c in cells))
    _assert_printable(csv_bytes(frame).decode("utf-8-sig"))
    _assert_printable("".join(safe_frame(frame).astype(str).values.ravel()))   # the table


@pytest.mark.parametrize("ruleset", ["/etc/passwd", "../outside.yaml", "link.yaml"],
                         ids=["absolute", "dot-dot", "symlink"])
def test_sites_rule_set_outside_its_folder_is_refused_unread(tmp_path: Path,
                                                            ruleset: str) -> None:
    secret = tmp_path / "outside.yaml"
    secret.write_text("root:x:0:0:SECRET-LINE:/root:/bin/bash\n", encoding="utf-8")
    folder = tmp_path / "sites"
    folder.mkdir()
    (folder / "link.yaml").symlink_to(secret)
    sites = folder / "sites.yaml"
    sites.write_text(f"sites:\n  - url: http://127.0.0.1:9/\n    ruleset: {ruleset}\n",
                     encoding="utf-8")
    result = run_cli("audit", "--sites", str(sites), "--db", str(tmp_path / "x.db"))
    assert_one_line_error(result, f"{sites}:3:", "outside the sites file's folder")
    assert "SECRET-LINE" not in result.text and "root:x" not in result.text
    assert not (tmp_path / "x.db").exists()


def test_not_a_rule_set_is_refused_without_quoting_it(tmp_path: Path) -> None:
    other = tmp_path / "notes.yaml"
    other.write_text("root:x:0:0:SECRET-LINE:/root:/bin/bash\n", encoding="utf-8")
    result = run_cli("audit", "http://127.0.0.1:9/", "--ruleset", str(other),
                     "--db", str(tmp_path / "x.db"))
    assert_one_line_error(result, str(other), "must be a mapping")
    assert "SECRET-LINE" not in result.text


def _interrupt(db: Path, url: str, after: float | None) -> tuple[subprocess.Popen[str], str, str]:
    proc = start_cli("audit", url, "--db", str(db), "--as-of", "2026-11-20", "--quiet",
                     "--ignore-robots", "--delay", "0")
    if after is None:    # as soon as the run exists: the crawl engine is starting
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and len(_db_runs(db)) < 2:
            time.sleep(0.02)
    else:
        time.sleep(after)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    return proc, out, err


@pytest.mark.parametrize("after", [1.5, None, 0.3], ids=["at-1.5s", "engine-start", "loading"])
def test_ctrl_c_during_audit_exits_130_without_traceback(tmp_path: Path,
                                                         after: float | None) -> None:
    db = tmp_path / "i.db"
    earlier_id, earlier = _earlier_run(db)
    with slow_site(delay_s=1.0) as url:
        proc, out, err = _interrupt(db, url, after)
    assert proc.returncode == 130, out + err
    assert "Traceback" not in out + err and "Unhandled error" not in err, err
    errors = [line for line in err.splitlines() if line.startswith("ita-audit: error:")]
    assert len(errors) == 1 and "interrupted" in errors[0], err
    runs = _db_runs(db)
    assert runs[0] == earlier                                   # earlier run intact
    later = runs[1:]
    if after != 0.3:      # the run had begun: it is left incomplete, saying why
        assert len(later) == 1, runs
    for run in later:
        assert run["status"] == "incomplete" and "interrupted" in run["reason"], run
        assert run["finished_at"] is None                       # never finished: retried
        assert f"#{run['id']}" in errors[0]
    store = Store.open(db, create=False)
    assert [v["status"] for v in store.verdicts(earlier_id)] == ["missing"]
