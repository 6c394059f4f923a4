"""``ita-audit diff``: choosing the runs, the Thai/English text, JSON and errors.

The end-to-end case (a fixture site that changes between two real audits) is in
test_alerts.py, where the diff is checked against the e-mail digest."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from benchmarks.bench_dashboard import add_run
from ita_audit import cli
from ita_audit.changes import compare_runs
from ita_audit.store import Store

SITE = "https://esa.example.go.th/"
OTHER = "https://school.example.go.th/"
ALL_OK = {f"1.{i}": "ok" for i in range(1, 10)}
D1, D2, D3 = dt.date(2026, 11, 2), dt.date(2026, 11, 9), dt.date(2026, 11, 16)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "diff.db"
    store = Store.open(path)
    add_run(store, SITE, D1, ALL_OK, name="สพป.ทดสอบ", broken=[SITE + "old.pdf"])          # 1
    add_run(store, OTHER, D1, ALL_OK)                                                      # 2
    add_run(store, SITE, D2, dict(ALL_OK, **{"1.3": "stale", "1.6": "missing"}),           # 3
            evidence={"1.1": [SITE + "a.html", SITE + "b.html"]}, broken=[SITE + "new.pdf"])
    add_run(store, SITE, D3, {}, status="failed", reason="connection refused")             # 4
    store.close()
    return path


def diff(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["diff", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_default_compares_the_newest_finished_run_with_the_one_before(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = diff(capsys, "--site", SITE, "--db", str(db))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"เว็บไซต์ / Site: สพป.ทดสอบ ({SITE})"
    assert lines[1].startswith("เทียบรอบ / Runs: #1 (2 พ.ย. 2569 / 2026-11-02, สมบูรณ์/complete, "
                               "seed) → #3 (9 พ.ย. 2569")     # the failed run #4 is skipped
    thai, english = out.split("\nEnglish\n")
    assert "ไม่เป็นปัจจุบัน (ใหม่):\n  - 1.3 แผนปฏิบัติการประจำปี" in thai
    assert "ไม่พบข้อมูล (ใหม่):\n  - 1.6 มาตรฐานหรือคู่มือการปฏิบัติงานส่วนบุคคล" in thai
    assert "ลิงก์เสียใหม่:\n  - https://esa.example.go.th/new.pdf" in thai
    assert "ลิงก์เสียที่แก้แล้ว:\n  - https://esa.example.go.th/old.pdf" in thai
    assert "Newly stale:\n  - 1.3 Annual action plan" in english
    assert "Newly missing:\n  - 1.6 Staff work standards and manuals" in english
    assert (f"  - 1.1 Structure, mission and executives\n      + {SITE}a.html\n"
            f"      + {SITE}b.html\n      − {SITE}c1.1/item.html") in english
    assert "Fixed broken links:\n  - https://esa.example.go.th/old.pdf" in english


def test_explicit_runs_language_and_json(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = diff(capsys, "--site", SITE, "--from", "3", "--to", "4", "--db", str(db),
                        "--lang", "en")
    assert code == 0
    assert "ภาษาไทย" not in out and "English" in out
    assert "Other changes:\n  - 1.1 Structure, mission and executives: " in out  # not judged
    assert "this run is failed, so no category is called missing" in out
    code, out, _ = diff(capsys, "--to", "3", "--db", str(db), "--json")
    assert code == 0
    data = json.loads(out)
    store = Store.open(db, create=False)
    assert data == json.loads(json.dumps(compare_runs(store, 1, 3).to_dict()))
    assert [c["category"] for c in data["newly_stale"]] == ["1.3"]
    code, out, _ = diff(capsys, "--site", "สพป.ทดสอบ", "--db", str(db), "--lang", "th")
    assert code == 0 and "#1" in out and "English" not in out          # a site by its name


def test_same_runs_have_no_changes(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = diff(capsys, "--site", SITE, "--from", "3", "--to", "3", "--db", str(db))
    assert code == 0
    assert "ไม่มีการเปลี่ยนแปลง" in out and "No changes" in out


@pytest.mark.parametrize(("args", "words"), [
    (["--site", "https://nowhere.example.go.th/"], "no runs of site"),
    (["--site", OTHER], "first run of https://school.example.go.th/"),
    (["--site", SITE, "--to", "2"], "--to run #2 is not a run of"),
    (["--site", SITE, "--from", "2"], "--from run #2 is not a run of"),
    (["--to", "99"], "no run #99"),
    (["--to", "3", "--from", "99"], "no run #99"),
    ([], "give --site URL"),
])
def test_errors_are_one_line(db: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                             words: str) -> None:
    code, out, err = diff(capsys, *args, "--db", str(db))
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ita-audit: error: ") and words in lines[0]


def test_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = diff(capsys, "--site", SITE, "--db", str(tmp_path / "none.db"))
    assert code == 2 and "database not found" in err
    assert not (tmp_path / "none.db").exists()
