"""Weekly schedule: when an audit is due, the lock, cron/systemd entries, APScheduler.

No test waits for real weeks and none touches the real crontab or systemd:
due times are computed from fixed date-times, the crontab and systemctl
programs are fakes (``ITA_AUDIT_CRONTAB`` / ``ITA_AUDIT_SYSTEMCTL``) working
on files in ``tmp_path``.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from crawler.collect import CrawlResult
from ita_audit.audit import UserError
from ita_audit.lock import LockHeldError, acquire, read_owner
from ita_audit.schedule import (
    MISFIRE_GRACE_S,
    WeeklySpec,
    build_scheduler,
    due_run,
    last_scheduled_run,
    missed_slots,
)
from ita_audit.store import Store, runs
from tests.conftest import ROOT, run_cli

BKK = dt.timezone(dt.timedelta(hours=7))
MON_2AM = WeeklySpec("mon", 2, 0)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=BKK)


# -- due times ------------------------------------------------------------------------
def test_latest_and_next_slot() -> None:
    # 2026-11-23 is a Monday
    assert MON_2AM.latest_slot(at("2026-11-23T02:00")) == at("2026-11-23T02:00")
    assert MON_2AM.latest_slot(at("2026-11-23T01:59")) == at("2026-11-16T02:00")
    assert MON_2AM.latest_slot(at("2026-11-25T14:30")) == at("2026-11-23T02:00")
    assert MON_2AM.next_slot(at("2026-11-25T14:30")) == at("2026-11-30T02:00")
    fri = WeeklySpec.parse("Friday", "7:05")
    assert (fri.day, fri.time) == ("fri", "07:05")
    assert fri.latest_slot(at("2026-11-25T00:00")) == at("2026-11-20T07:05")


@pytest.mark.parametrize(("day", "time"), [("funday", "02:00"), ("mon", "24:00"),
                                           ("mon", "2pm"), ("mon", "02:60")])
def test_bad_day_or_time(day: str, time: str) -> None:
    with pytest.raises(UserError):
        WeeklySpec.parse(day, time)


def test_due_run_once_per_weekly_slot() -> None:
    last = at("2026-11-16T02:00:40")                      # last Monday's run
    assert due_run(last, at("2026-11-22T23:00"), MON_2AM) is None   # before this Monday
    assert due_run(last, at("2026-11-23T02:00"), MON_2AM) == at("2026-11-23T02:00")
    # once it ran (hourly cron ticks later the same week), nothing more is due
    ran = at("2026-11-23T02:00:05")
    for hour in range(1, 24 * 7 - 3):
        assert due_run(ran, at("2026-11-23T02:00") + dt.timedelta(hours=hour), MON_2AM) is None
    assert due_run(ran, at("2026-11-30T02:00"), MON_2AM) == at("2026-11-30T02:00")


def test_missed_weeks_are_caught_up_once() -> None:
    last = at("2026-11-02T02:00:10")       # the machine was off for three Mondays
    now = at("2026-11-25T09:00")           # switched on on a Wednesday
    assert missed_slots(last, now, MON_2AM) == 3
    assert due_run(last, now, MON_2AM) == at("2026-11-23T02:00")   # one run, the latest slot
    caught_up = at("2026-11-25T09:00:30")
    assert due_run(caught_up, at("2026-11-25T10:00"), MON_2AM) is None
    assert missed_slots(caught_up, at("2026-11-25T10:00"), MON_2AM) == 0


def test_first_run_waits_for_the_first_slot_after_install() -> None:
    installed = at("2026-11-25T14:03")
    assert due_run(None, at("2026-11-25T15:00"), MON_2AM, not_before=installed) is None
    assert due_run(None, at("2026-11-29T23:00"), MON_2AM, not_before=installed) is None
    assert due_run(None, at("2026-11-30T02:00"), MON_2AM, not_before=installed) == \
        at("2026-11-30T02:00")
    assert due_run(None, at("2026-11-25T15:00"), MON_2AM) == at("2026-11-23T02:00")


def test_utc_times_from_the_store_compare_with_local_time() -> None:
    stored = dt.datetime(2026, 11, 22, 19, 0, 5)   # naive UTC from SQLite = 02:00:05 in BKK
    assert due_run(stored, at("2026-11-23T03:00"), MON_2AM) is None
    assert due_run(stored - dt.timedelta(minutes=1), at("2026-11-23T03:00"), MON_2AM)


def scheduled_run(store: Store, url: str, trigger: str = "schedule", finish: bool = True,
                  status: str = "complete") -> int:
    run_id = store.begin_run(url, dt.date(2026, 11, 20), "seed", "", trigger)
    if finish:
        now = dt.datetime.now(dt.UTC)
        store.finish_run(run_id, CrawlResult(url, status, "", [], [], {}, now, now), [])
    return run_id


def test_last_scheduled_run_ignores_manual_and_unfinished_runs(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    assert last_scheduled_run(store) is None
    scheduled_run(store, "https://a.go.th/", trigger="manual")
    scheduled_run(store, "https://a.go.th/", finish=False)       # killed mid-crawl
    assert last_scheduled_run(store, ["https://a.go.th/"]) is None
    scheduled_run(store, "https://b.go.th/")
    assert last_scheduled_run(store, ["https://a.go.th/"]) is None
    found = last_scheduled_run(store, ["https://a.go.th/", "https://b.go.th/"])
    assert found is not None and found.tzinfo is not None
    assert abs(found - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)


# -- APScheduler ---------------------------------------------------------------------------
def test_foreground_scheduler_configuration() -> None:
    from apscheduler.schedulers.background import BackgroundScheduler

    scheduler = BackgroundScheduler(timezone=BKK)
    build_scheduler(MON_2AM, lambda: None, scheduler=scheduler, timezone=BKK)
    (job,) = scheduler.get_jobs()
    assert job.coalesce is True and job.max_instances == 1
    assert job.misfire_grace_time == MISFIRE_GRACE_S
    assert job.trigger.get_next_fire_time(None, at("2026-11-25T14:30")) == at("2026-11-30T02:00")
    assert job.trigger.get_next_fire_time(None, at("2026-11-30T02:00")) == at("2026-11-30T02:00")


def test_missed_fire_times_run_once_not_many() -> None:
    """A scheduler whose job is three weeks overdue (suspended machine, or a catch-up
    found in the store) runs it once: coalesce + misfire grace, no real waiting."""
    from apscheduler.schedulers.background import BackgroundScheduler

    now = dt.datetime.now(BKK)
    hour_ago = now - dt.timedelta(hours=1)
    spec = WeeklySpec(("mon", "tue", "wed", "thu", "fri", "sat", "sun")[hour_ago.weekday()],
                      hour_ago.hour, hour_ago.minute)
    calls: list[float] = []
    ran = threading.Event()

    def job() -> None:
        calls.append(time.monotonic())
        ran.set()

    scheduler = BackgroundScheduler(timezone=BKK)
    build_scheduler(spec, job, scheduler=scheduler, timezone=BKK,
                    catch_up_at=now - dt.timedelta(weeks=3))
    scheduler.start()
    try:
        assert ran.wait(10)
        time.sleep(0.5)
        assert len(calls) == 1
        (scheduled,) = scheduler.get_jobs()
        assert scheduled.next_run_time > now          # next: the coming week
    finally:
        scheduler.shutdown(wait=False)


# -- lock ------------------------------------------------------------------------------------
def test_lock_excludes_a_second_holder_and_cleans_up(tmp_path: Path) -> None:
    path = tmp_path / "audit.lock"
    with acquire(path) as lock:
        assert lock.stale_pid is None
        assert read_owner(path)[0] == os.getpid()
        with pytest.raises(LockHeldError) as info:
            acquire(path)
        assert info.value.pid == os.getpid()
        assert f"PID {os.getpid()}" in str(info.value)
    assert not path.exists()
    acquire(path).release()


def test_lock_of_a_killed_process_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "audit.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from ita_audit.lock import acquire; "
         f"lock = acquire({str(path)!r}); print('locked', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockHeldError) as info:
            acquire(path)
        assert info.value.pid == holder.pid
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
    finally:
        holder.kill()
    assert path.exists() and read_owner(path)[0] == holder.pid     # left behind
    with acquire(path) as lock:
        assert lock.stale_pid == holder.pid
        assert read_owner(path)[0] == os.getpid()


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def sites_file(tmp_path: Path, url: str = "http://127.0.0.1:9/") -> Path:
    path = tmp_path / "sites.yaml"
    path.write_text(f"sites:\n  - url: {url}\n", encoding="utf-8")
    return path


def test_scheduled_audit_skips_while_another_holds_the_lock(tmp_path: Path) -> None:
    db = tmp_path / "audit.db"
    Store.open(db).close()
    sites = sites_file(tmp_path)
    with acquire(Path(f"{db}.schedule.lock")):
        result = run_cli("schedule", "run", "--once", "--sites", str(sites), "--db", str(db),
                         cwd=tmp_path)
    assert result.code == 0, result.text
    assert "Traceback" not in result.text
    assert f"another scheduled audit is running (PID {os.getpid()}" in result.err
    assert "skipped" in result.err
    assert Store.open(db, create=False).runs() == []


def test_scheduled_audit_takes_over_a_stale_lock(tmp_path: Path) -> None:
    db = tmp_path / "audit.db"
    store = Store.open(db)
    scheduled_run(store, "http://127.0.0.1:9/")            # a scheduled run just finished
    lock = Path(f"{db}.schedule.lock")
    pid = dead_pid()
    lock.write_text(f"{pid} 2026-11-23T02:00:00+07:00\n", encoding="utf-8")
    yesterday = dt.datetime.now().astimezone() - dt.timedelta(days=1)
    day = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[yesterday.weekday()]
    result = run_cli("schedule", "run", "--once", "--sites", str(sites_file(tmp_path)),
                     "--db", str(db), "--day", day, "--time", yesterday.strftime("%H:%M"),
                     cwd=tmp_path)
    assert result.code == 0, result.text
    assert f"took over a stale lock {lock} left by PID {pid}" in result.err
    assert "not due" in result.out                        # this week's audit already ran
    assert not lock.exists()
    assert len(store.runs()) == 1


# -- installing ------------------------------------------------------------------------------
FAKE_CRONTAB = """#!/bin/sh
echo "$@" >> "$FAKE_CRONTAB_FILE.calls"
if [ "$1" = "-l" ]; then
  if [ -f "$FAKE_CRONTAB_FILE" ]; then cat "$FAKE_CRONTAB_FILE"; exit 0; fi
  echo "no crontab for tester" >&2; exit 1
fi
if [ "$1" = "-" ]; then cat > "$FAKE_CRONTAB_FILE"; exit 0; fi
exit 2
"""
FAKE_SYSTEMCTL = """#!/bin/sh
echo "$@" >> "$FAKE_SYSTEMCTL_CALLS"
"""


@pytest.fixture
def fake_cron(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    program = tmp_path / "bin" / "crontab"
    program.parent.mkdir()
    program.write_text(FAKE_CRONTAB, encoding="utf-8")
    program.chmod(0o755)
    table = tmp_path / "crontab.txt"
    monkeypatch.setenv("ITA_AUDIT_CRONTAB", str(program))
    monkeypatch.setenv("FAKE_CRONTAB_FILE", str(table))
    return table


def install_args(tmp_path: Path, *extra: str) -> list[str]:
    return ["schedule", "install", "--weekly", "--sites", str(sites_file(tmp_path)),
            "--db", str(tmp_path / "audit.db"), "--now", "2026-11-25T14:03:00+07:00", *extra]


def expected_cron_lines(tmp_path: Path, day: str, time: str, minute: int,
                        config: Path | None = None, env: Path | None = None) -> list[str]:
    marker = "# ita-audit-schedule:default"
    command = [sys.executable, "-m", "ita_audit.cli", "schedule", "run", "--once", "--weekly",
               "--day", day, "--time", time, "--sites", str(tmp_path / "sites.yaml"),
               "--db", str(tmp_path / "audit.db")]
    if config:
        command += ["--config", str(config)]
    command += ["--installed", "2026-11-25T14:03:00+07:00"]
    log = tmp_path / "ita-audit-schedule.log"
    prefix = f"set -a; . {env}; set +a; " if env else ""
    return [
        f"# ita-audit: audit sites.yaml weekly on {day} at {time}; checked hourly at "
        f":{minute:02d}, a missed week runs once (`ita-audit schedule remove` deletes this) "
        f"{marker}",
        f"{minute} * * * * {prefix}{shlex.join(command)} >> {log} 2>&1 {marker}",
    ]


def test_install_dry_run_prints_the_crontab_entry(tmp_path: Path, fake_cron: Path) -> None:
    result = run_cli(*install_args(tmp_path, "--dry-run"), cwd=tmp_path)
    assert result.code == 0, result.text
    assert result.out.splitlines() == expected_cron_lines(tmp_path, "mon", "02:00", 0)
    assert "dry run" in result.err
    assert not fake_cron.exists() and not Path(f"{fake_cron}.calls").exists()  # nothing run

    config = tmp_path / "ita-audit.yaml"       # found in the working folder
    config.write_text("dashboard_url: http://127.0.0.1:8501/\n", encoding="utf-8")
    env = tmp_path / "secrets.env"             # cron has no login environment
    env.write_text("ITA_AUDIT_SMTP_PASSWORD=not-in-the-crontab\n", encoding="utf-8")
    env.chmod(0o600)
    result = run_cli(*install_args(tmp_path, "--dry-run", "--day", "fri", "--time", "07:05",
                                   "--env-file", str(env)), cwd=tmp_path)
    assert result.code == 0, result.text
    assert result.out.splitlines() == expected_cron_lines(tmp_path, "fri", "07:05", 5, config,
                                                          env)
    assert "not-in-the-crontab" not in result.text and "warning" not in result.err
    env.chmod(0o644)
    result = run_cli(*install_args(tmp_path, "--dry-run", "--env-file", str(env)), cwd=tmp_path)
    assert f"warning: {env} is readable by other users" in result.err


def test_install_and_remove_touch_only_their_own_entry(tmp_path: Path, fake_cron: Path) -> None:
    others = ("MAILTO=admin@example.go.th\n5 4 * * * /usr/local/bin/backup\n"
              "0 3 * * 0 /opt/other # ita-audit-schedule:other\n")
    fake_cron.write_text(others, encoding="utf-8")
    for _ in range(2):                                  # installing twice replaces the entry
        result = run_cli(*install_args(tmp_path), cwd=tmp_path)
        assert result.code == 0, result.text
    assert "replaced" in result.out
    lines = fake_cron.read_text(encoding="utf-8").splitlines()
    assert lines == others.splitlines() + expected_cron_lines(tmp_path, "mon", "02:00", 0)

    result = run_cli("schedule", "remove", "--dry-run", cwd=tmp_path)
    assert result.code == 0 and "would remove 2 line(s)" in result.out
    assert len(fake_cron.read_text(encoding="utf-8").splitlines()) == 5
    result = run_cli("schedule", "remove", cwd=tmp_path)
    assert result.code == 0, result.text
    assert fake_cron.read_text(encoding="utf-8") == others   # the other entries, unchanged
    result = run_cli("schedule", "remove", cwd=tmp_path)
    assert result.code == 0 and "nothing to remove" in result.out


def test_install_refuses_a_broken_sites_file(tmp_path: Path, fake_cron: Path) -> None:
    args = install_args(tmp_path)
    sites = tmp_path / "sites.yaml"
    sites.write_text("sites:\n  - url: https://a.go.th/\n    lang: th\n", encoding="utf-8")
    result = run_cli(*args, cwd=tmp_path)
    assert result.code == 2
    assert result.err.strip().splitlines() == [(
        f"ita-audit: error: {sites}:3: site 1: unknown key 'lang' "
        "(allowed: ignore_robots, limits, name, ruleset, url, webmaster)")]
    assert "Traceback" not in result.text
    assert not fake_cron.exists()


def test_systemd_user_timer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    systemctl = tmp_path / "systemctl"
    systemctl.write_text(FAKE_SYSTEMCTL, encoding="utf-8")
    systemctl.chmod(0o755)
    calls = tmp_path / "systemctl.calls"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("ITA_AUDIT_SYSTEMCTL", str(systemctl))
    monkeypatch.setenv("FAKE_SYSTEMCTL_CALLS", str(calls))
    units = tmp_path / "config" / "systemd" / "user"
    result = run_cli(*install_args(tmp_path, "--backend", "systemd", "--dry-run", "--day",
                                   "sun", "--time", "23:30"), cwd=tmp_path)
    assert result.code == 0, result.text
    assert "[Timer]\nOnCalendar=Sun *-*-* 23:30:00\nPersistent=true\n" in result.out
    assert f"ExecStart={sys.executable} -m ita_audit.cli schedule run --once" in result.out
    assert not units.exists() and not calls.exists()

    result = run_cli(*install_args(tmp_path, "--backend", "systemd"), cwd=tmp_path)
    assert result.code == 0, result.text
    timer = units / "ita-audit-schedule-default.timer"
    assert "OnCalendar=Mon *-*-* 02:00:00" in timer.read_text(encoding="utf-8")
    assert (units / "ita-audit-schedule-default.service").exists()
    assert calls.read_text().splitlines() == [
        "--user daemon-reload", "--user enable --now ita-audit-schedule-default.timer"]
    result = run_cli("schedule", "remove", "--backend", "systemd", cwd=tmp_path)
    assert result.code == 0, result.text
    assert not any(units.iterdir())
    assert calls.read_text().splitlines()[2:] == [
        "--user disable --now ita-audit-schedule-default.timer", "--user daemon-reload"]


def test_foreground_scheduler_catches_up_a_missed_week(tmp_path: Path) -> None:
    """`schedule run` (no cron): a week missed while it was not running is found in the
    store and audited once at start, in a child process, with trigger "schedule"."""
    db = tmp_path / "audit.db"
    store = Store.open(db)
    with socket.socket() as s:        # a port nothing listens on: the audit fails fast
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}/"
    old = scheduled_run(store, url)
    with store.engine.begin() as conn:
        conn.execute(runs.update().where(runs.c.id == old).values(
            started_at=dt.datetime.now(dt.UTC) - dt.timedelta(weeks=3)))
    proc = subprocess.Popen(
        [sys.executable, "-m", "ita_audit.cli", "schedule", "run", "--sites",
         str(sites_file(tmp_path, url)), "--db", str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            done = [r for r in store.runs() if r["id"] != old and r["finished_at"]]
            if done:
                break
            time.sleep(0.2)
        time.sleep(0.5)
    finally:
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=30)
    assert "next audit now (a weekly audit was missed)" in out, out
    assert "catching up once" in out
    assert "Traceback" not in out
    new = [r for r in store.runs() if r["id"] != old]
    assert [(r["trigger"], r["status"]) for r in new] == [("schedule", "failed")]
    assert "stopped" in out and proc.returncode == 0
