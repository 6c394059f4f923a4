"""Weekly scheduled audits: when one is due, the OS schedule entry, the foreground scheduler.

Three ways to run the weekly audit, all ending in the same command
``ita-audit schedule run --once …`` (lock, due check, audit with
``trigger="schedule"``, digests):

* **cron** (chosen when a ``crontab`` command exists): one marked line in the
  user's crontab that fires *every hour* at the chosen minute.  A plain weekly
  cron line would silently skip a week whenever the machine is off at that
  moment (cron never catches up), so the hourly tick asks the store instead:
  the audit runs only when the newest weekly slot has passed without a
  finished scheduled run (:func:`due_run`).  Missing three weeks still means
  one catch-up run, not three.
* **systemd user timer** (when there is no ``crontab``): ``OnCalendar`` weekly
  with ``Persistent=true`` (systemd catches a missed week up once after boot);
  the same due check guards it.
* **foreground** ``ita-audit schedule run``: APScheduler's cron trigger with
  ``coalesce=True`` and a long ``misfire_grace_time`` (a slot missed while the
  process was suspended runs once on resume), plus the same store check at
  start-up for weeks missed while it was not running.  Every audit runs in a
  child process, because a crawl needs a fresh Twisted reactor.

All times are the machine's local time, as cron's are.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from ita_audit.inputs import UserError
from ita_audit.store import Store, runs, sites

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES_SYSTEMD = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEK = dt.timedelta(days=7)
MISFIRE_GRACE_S = 6 * 24 * 3600   # a slot missed by less than 6 days still runs (once)
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
CRONTAB_ENV = "ITA_AUDIT_CRONTAB"      # the crontab program (tests inject a fake one)
SYSTEMCTL_ENV = "ITA_AUDIT_SYSTEMCTL"  # the systemctl program


@dataclass(frozen=True)
class WeeklySpec:
    day: str = "mon"
    hour: int = 2
    minute: int = 0

    @classmethod
    def parse(cls, day: str, time: str) -> WeeklySpec:
        day = day.strip().lower()[:3]
        if day not in DAYS:
            raise UserError(f"--day must be one of {', '.join(DAYS)}, got {day!r}")
        match = re.fullmatch(r"(\d{1,2}):(\d{2})", time.strip())
        if not match or int(match[1]) > 23 or int(match[2]) > 59:
            raise UserError(f"--time must be HH:MM (00:00–23:59), got {time!r}")
        return cls(day, int(match[1]), int(match[2]))

    @property
    def time(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"

    def describe(self) -> str:
        return f"weekly on {self.day} at {self.time}"

    def latest_slot(self, now: dt.datetime) -> dt.datetime:
        """The newest weekly slot at or before ``now`` (same time zone as ``now``)."""
        back = (now.weekday() - DAYS.index(self.day)) % 7
        slot = (now - dt.timedelta(days=back)).replace(hour=self.hour, minute=self.minute,
                                                       second=0, microsecond=0)
        return slot - WEEK if slot > now else slot

    def next_slot(self, now: dt.datetime) -> dt.datetime:
        return self.latest_slot(now) + WEEK


def aware(value: dt.datetime) -> dt.datetime:
    """Stored times are UTC without a zone on SQLite; local input may lack one too."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def due_run(last_run: dt.datetime | None, now: dt.datetime, spec: WeeklySpec,
            not_before: dt.datetime | None = None) -> dt.datetime | None:
    """The weekly slot to run now, or None.

    ``last_run``: start of the newest finished scheduled run (None: never).
    ``not_before``: when the schedule was installed; with no run yet, the first
    audit is the first slot after it (None: run now).  However many slots were
    missed, the answer is one slot: a missed week is caught up once.
    """
    slot = spec.latest_slot(now)
    baseline = last_run if last_run is not None else not_before
    if baseline is not None and aware(baseline) >= slot:
        return None
    return slot


def missed_slots(last_run: dt.datetime | None, now: dt.datetime, spec: WeeklySpec) -> int:
    """How many weekly slots passed since ``last_run`` (for the catch-up message)."""
    if last_run is None:
        return 0
    slot, count = spec.latest_slot(now), 0
    while slot > aware(last_run) and count < 1000:
        count += 1
        slot -= WEEK
    return count


def last_scheduled_run(store: Store, site_urls: Iterable[str] | None = None
                       ) -> dt.datetime | None:
    """Start time (UTC) of the newest *finished* scheduled run of these sites.

    Runs still in progress do not count: a scheduled audit cut short by a
    shutdown is retried at the next tick (the lock stops a second one while it
    is really running)."""
    query = (sa.select(sa.func.max(runs.c.started_at)).select_from(runs.join(sites))
             .where(runs.c.trigger == "schedule", runs.c.finished_at.is_not(None)))
    urls = list(site_urls) if site_urls is not None else None
    if urls is not None:
        query = query.where(sites.c.url.in_(urls))
    with store.engine.connect() as conn:
        value = conn.execute(query).scalar()
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return aware(value) if value is not None else None


# -- the command every schedule runs ------------------------------------
@dataclass(frozen=True)
class Target:
    """What a schedule audits and where it keeps things (absolute paths)."""

    spec: WeeklySpec
    sites: Path
    db: str
    config: Path | None
    name: str = "default"
    env_file: Path | None = None
    log: Path | None = None

    def run_args(self, installed: dt.datetime | None = None) -> list[str]:
        args = ["schedule", "run", "--once", "--weekly", "--day", self.spec.day,
                "--time", self.spec.time, "--sites", str(self.sites), "--db", self.db]
        if self.config:
            args += ["--config", str(self.config)]
        if self.name != "default":
            args += ["--name", self.name]
        if installed is not None:
            args += ["--installed", installed.isoformat(timespec="seconds")]
        return args


def python_command() -> list[str]:
    return [sys.executable, "-m", "ita_audit.cli"]


def check_name(name: str) -> str:
    if not NAME_RE.match(name):
        raise UserError(f"--name must be lower-case letters, digits and '-', got {name!r}")
    return name


def absolute_db(db: str) -> str:
    return db if "://" in db else str(Path(db).expanduser().resolve())


def lock_path(db: str, name: str = "default") -> Path:
    suffix = "" if name == "default" else f"-{name}"
    if "://" in db:
        base = Path(os.environ.get("XDG_RUNTIME_DIR") or "/tmp")
        return base / f"ita-audit-schedule{suffix}.lock"
    return Path(absolute_db(db) + f".schedule{suffix}.lock")


# -- cron ------------------------------------------------------------------
def cron_marker(name: str) -> str:
    return f"# ita-audit-schedule:{name}"


def _cron_escape(text: str) -> str:
    return text.replace("%", r"\%")   # cron turns a bare % into a newline


def cron_lines(target: Target, installed: dt.datetime) -> list[str]:
    """The two lines the crontab gets: a comment and the hourly check."""
    marker = cron_marker(target.name)
    command = shlex.join(python_command() + target.run_args(installed))
    if target.env_file:
        command = f"set -a; . {shlex.quote(str(target.env_file))}; set +a; {command}"
    if target.log:
        command += f" >> {shlex.quote(str(target.log))} 2>&1"
    comment = (f"# ita-audit: audit {target.sites.name} {target.spec.describe()}; checked "
               f"hourly at :{target.spec.minute:02d}, a missed week runs once "
               f"(`ita-audit schedule remove` deletes this) {marker}")
    return [comment, f"{target.spec.minute} * * * * {_cron_escape(command)} {marker}"]


def crontab_program() -> str | None:
    return os.environ.get(CRONTAB_ENV) or shutil.which("crontab")


def read_crontab(program: str) -> str:
    proc = subprocess.run([program, "-l"], capture_output=True, text=True, timeout=30)
    if proc.returncode != 0:
        if "no crontab" in proc.stderr.lower():
            return ""
        raise UserError(f"crontab -l failed: {(proc.stderr or proc.stdout).strip()[:200]}")
    return proc.stdout


def write_crontab(program: str, text: str) -> None:
    proc = subprocess.run([program, "-"], input=text, capture_output=True, text=True,
                          timeout=30)
    if proc.returncode != 0:
        raise UserError(f"crontab - failed: {(proc.stderr or proc.stdout).strip()[:200]}")


def without_entry(crontab: str, name: str) -> tuple[list[str], int]:
    """The crontab's lines without this schedule's marked lines, and how many were cut."""
    marker = cron_marker(name)
    kept = [line for line in crontab.splitlines() if not line.rstrip().endswith(marker)]
    return kept, len(crontab.splitlines()) - len(kept)


# -- systemd ----------------------------------------------------------------
def systemd_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "systemd" / "user"


def systemd_unit(name: str) -> str:
    return f"ita-audit-schedule-{name}"


def _systemd_quote(arg: str) -> str:
    arg = arg.replace("%", "%%")   # systemd specifiers
    if re.fullmatch(r"[A-Za-z0-9_./:=+@,-]+", arg):
        return arg
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'


def systemd_files(target: Target, installed: dt.datetime) -> dict[Path, str]:
    unit = systemd_unit(target.name)
    folder = systemd_dir()
    command = " ".join(_systemd_quote(a) for a in python_command() + target.run_args(installed))
    service = [
        "[Unit]",
        f"Description=ita-audit scheduled audit ({target.name}) — managed by "
        "`ita-audit schedule install/remove`",
        "",
        "[Service]",
        "Type=oneshot",
    ]
    if target.env_file:
        service.append(f"EnvironmentFile={_systemd_quote(str(target.env_file))}")
    service.append(f"ExecStart={command}")
    if target.log:
        service.append(f"StandardOutput=append:{target.log}")
        service.append(f"StandardError=append:{target.log}")
    timer = [
        "[Unit]",
        f"Description=ita-audit weekly audit ({target.name}): {target.spec.describe()}",
        "",
        "[Timer]",
        f"OnCalendar={DAY_NAMES_SYSTEMD[DAYS.index(target.spec.day)]} *-*-* "
        f"{target.spec.time}:00",
        "Persistent=true",
        "",
        "[Install]",
        "WantedBy=timers.target",
    ]
    return {folder / f"{unit}.service": "\n".join(service) + "\n",
            folder / f"{unit}.timer": "\n".join(timer) + "\n"}


def systemctl_program() -> str | None:
    return os.environ.get(SYSTEMCTL_ENV) or shutil.which("systemctl")


def systemctl(program: str, *args: str) -> str | None:
    """Run ``systemctl --user …``; the first line of its complaint, or None when it worked."""
    try:
        proc = subprocess.run([program, "--user", *args], capture_output=True, text=True,
                              timeout=60)
    except OSError as exc:
        return str(exc)
    if proc.returncode == 0:
        return None
    lines = (proc.stderr or proc.stdout or f"exit code {proc.returncode}").strip().splitlines()
    return lines[0] if lines else f"exit code {proc.returncode}"


def choose_backend(wanted: str) -> str:
    if wanted != "auto":
        return wanted
    if crontab_program():
        return "cron"
    if systemctl_program():
        return "systemd"
    raise UserError("neither crontab nor systemctl was found; run `ita-audit schedule run` "
                    "in the foreground instead")


# -- install / remove --------------------------------------------------------
def _note(text: str) -> None:
    sys.stdout.flush()
    print(text, file=sys.stderr, flush=True)


def install(target: Target, backend: str, installed: dt.datetime, dry_run: bool,
            echo: Callable[[str], None]) -> int:
    """Install (or replace) this schedule's entry.  ``dry_run`` prints exactly the text
    that would be written on standard output (commentary on standard error)."""
    backend = choose_backend(backend)
    if backend == "cron":
        program = crontab_program()
        if not program:
            raise UserError("no crontab command found (use --backend systemd)")
        lines = cron_lines(target, installed)
        if dry_run:
            _note(f"# dry run: would add to the crontab of {_user()} (via `{program} -`), "
                  "replacing any earlier ita-audit entry of this name; other lines kept:")
            for line in lines:
                print(line)
            return 0
        kept, replaced = without_entry(read_crontab(program), target.name)
        write_crontab(program, "\n".join(kept + lines) + "\n")
        echo(("replaced" if replaced else "installed") + f" the crontab entry "
             f"{cron_marker(target.name)!r}: {target.spec.describe()}, checked hourly")
        return 0
    program = systemctl_program()
    files = systemd_files(target, installed)
    unit = systemd_unit(target.name)
    if dry_run:
        for path, text in files.items():
            _note(f"# dry run: would write {path}:")
            print(text, end="")
        _note(f"# and run: systemctl --user daemon-reload; systemctl --user enable --now "
              f"{unit}.timer")
        return 0
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        echo(f"wrote {path}")
    problem = "systemctl not found" if not program else (
        systemctl(program, "daemon-reload") or systemctl(program, "enable", "--now",
                                                         f"{unit}.timer"))
    if problem:
        echo(f"ita-audit: the timer files are written but not enabled ({problem}); run: "
             f"systemctl --user daemon-reload && systemctl --user enable --now {unit}.timer")
        return 1
    echo(f"enabled {unit}.timer: {target.spec.describe()} (missed weeks run once after boot; "
         "`loginctl enable-linger` lets it run while you are logged out)")
    return 0


def remove(name: str, backend: str, dry_run: bool, echo: Callable[[str], None]) -> int:
    """Remove this schedule's own entries: the marked crontab lines and/or its unit files."""
    backends = ["cron", "systemd"] if backend == "auto" else [backend]
    removed = 0
    if "cron" in backends:
        program = crontab_program()
        if program:
            current = read_crontab(program)
            kept, count = without_entry(current, name)
            if count:
                removed += count
                if dry_run:
                    echo(f"# dry run: would remove {count} line(s) marked "
                         f"{cron_marker(name)!r} from the crontab")
                else:
                    write_crontab(program, "\n".join(kept) + ("\n" if kept else ""))
                    echo(f"removed {count} crontab line(s) marked {cron_marker(name)!r}")
        elif backend == "cron":
            raise UserError("no crontab command found")
    if "systemd" in backends:
        unit = systemd_unit(name)
        paths = [systemd_dir() / f"{unit}.{ext}" for ext in ("timer", "service")]
        present = [p for p in paths if p.exists()]
        if present:
            removed += len(present)
            if dry_run:
                echo(f"# dry run: would disable {unit}.timer and delete "
                     + ", ".join(str(p) for p in present))
            else:
                program = systemctl_program()
                if program:
                    systemctl(program, "disable", "--now", f"{unit}.timer")
                for p in present:
                    p.unlink()
                    echo(f"deleted {p}")
                if program:
                    systemctl(program, "daemon-reload")
    if not removed:
        echo(f"no ita-audit schedule named {name!r} is installed; nothing to remove")
    return 0


def _user() -> str:
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, KeyError):
        return os.environ.get("USER", "this user")


# -- foreground scheduler ------------------------------------------------------
def build_scheduler(spec: WeeklySpec, job: Callable[[], Any], scheduler: Any = None,
                    catch_up_at: dt.datetime | None = None, timezone: Any = None) -> Any:
    """An APScheduler scheduler with the weekly job (BlockingScheduler by default).

    ``coalesce=True``: several missed fire times run once.  ``misfire_grace_time``:
    a slot missed while the process was suspended still runs when it resumes.
    ``max_instances=1``: never two at once in this process (the lock file covers
    other processes).  ``catch_up_at``: run once at that time (a week missed
    while the scheduler was not running, found in the store)."""
    from apscheduler.triggers.cron import CronTrigger

    if scheduler is None:
        from apscheduler.schedulers.blocking import BlockingScheduler

        scheduler = BlockingScheduler(timezone=timezone) if timezone else BlockingScheduler()
    trigger = CronTrigger(day_of_week=spec.day, hour=spec.hour, minute=spec.minute,
                          timezone=timezone or scheduler.timezone)
    options: dict[str, Any] = {"id": "ita-audit-weekly", "name": "ita-audit weekly audit",
                               "coalesce": True, "misfire_grace_time": MISFIRE_GRACE_S,
                               "max_instances": 1, "replace_existing": True}
    if catch_up_at is not None:
        options["next_run_time"] = catch_up_at
    scheduler.add_job(job, trigger, **options)
    return scheduler


def run_child(args: Sequence[str]) -> int:
    """Run one scheduled audit in a child process (a crawl needs a fresh reactor)."""
    proc = subprocess.run(python_command() + list(args), check=False)
    return proc.returncode
