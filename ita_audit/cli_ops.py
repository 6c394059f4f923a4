"""Operations commands: ``audit --sites``, ``schedule``, ``diff`` and ``prune``.

:func:`register` adds the subcommands to the ``ita-audit`` parser; errors are
raised as :class:`~ita_audit.audit.UserError` (or ``SourceError`` /
``StoreError``) and printed by :func:`ita_audit.cli.main` as one line.
See ``docs/operations.md``.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ita_audit.config import DEFAULT_CONFIG, Config, load_config
from ita_audit.inputs import UserError
from ita_audit.store import Store

if TYPE_CHECKING:
    from ita_audit.audit import SiteOutcome

EXIT_FAILED = 1


def _err(message: str) -> None:
    print(f"ita-audit: error: {message}", file=sys.stderr)


def _say(message: str) -> None:
    print(message, flush=True)


def _datetime(value: str) -> dt.datetime:
    """ISO date or date-time; without a zone it is the machine's local time."""
    from ita_audit.limits import date_error

    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date-time (YYYY-MM-DDTHH:MM[+07:00]): {value!r}") from None
    problem = date_error(parsed.year)
    if problem:
        raise argparse.ArgumentTypeError(f"{problem}: {value!r}")
    return parsed if parsed.tzinfo else parsed.astimezone()


def _config_path(value: str | None) -> Path | None:
    """An explicit --config, else ``ita-audit.yaml`` in the working folder if present."""
    if value:
        return Path(value).expanduser()
    default = Path(DEFAULT_CONFIG)
    return default if default.exists() else None


# -- audit --sites -------------------------------------------------------------
def cli_limit_overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The ``audit`` command's limit options that were given, as CrawlLimits fields."""
    out: dict[str, Any] = {}
    for name in ("max_pages", "max_depth", "timeout_s", "concurrency"):
        if getattr(args, name, None) is not None:
            out[name] = getattr(args, name)
    if getattr(args, "max_mb", None):
        out["max_bytes"] = int(args.max_mb * 1024 * 1024)
    if getattr(args, "delay", None) is not None:
        out["delay_s"] = args.delay
    if getattr(args, "ignore_robots", False):
        out["obey_robots"] = False
    return out


def audit_sites(store: Store, sites: Any, as_of: dt.date, cli_limits: dict[str, Any],
                progress: Any = None, trigger: str = "manual",
                started_at: dt.datetime | None = None) -> list[SiteOutcome]:
    """Audit every site of a sites file in this process, each with its own rule set
    and limits; one run per site."""
    from crawler.settings import CrawlLimits
    from ita_audit.audit import run_audit

    return run_audit(store, None, sites.jobs(cli_limits), as_of, CrawlLimits(), progress,
                     trigger=trigger, started_at=started_at)


def print_sites_summary(outcomes: list[SiteOutcome]) -> None:
    from ita_audit.labels import run_status_label

    counts = {s: sum(1 for o in outcomes if o.result.status == s)
              for s in ("complete", "incomplete", "failed")}
    print()
    print(f"สรุปทุกเว็บไซต์ / All sites: {len(outcomes)} — "
          + " · ".join(f"{run_status_label(s)}/{s} {n}" for s, n in counts.items()))
    for status in ("failed", "incomplete"):
        for o in outcomes:
            if o.result.status == status:
                label = f"{o.job.name} ({o.job.url})" if o.job.name else o.job.url
                print(f"  {run_status_label(status)}/{status}: {label}, run #{o.run_id}: "
                      f"{o.result.reason}")


def cmd_audit_sites(args: argparse.Namespace) -> int:
    """``ita-audit audit --sites FILE``: every site of the file in one process."""
    from ita_audit import cli
    from ita_audit.sites import load_sites

    if args.urls:
        raise UserError("give site URLs or --sites FILE, not both")
    sites = load_sites(args.sites, args.ruleset)
    config = load_config(_config_path(args.config))
    if args.json:
        cli._check_writable(Path(args.json))
    store = cli.open_store(args.db)
    as_of = args.as_of or dt.date.today()
    outcomes = audit_sites(store, sites, as_of, cli_limit_overrides(args),
                           progress=None if args.quiet else cli._print_progress)
    cli.print_summary(outcomes)
    print_sites_summary(outcomes)
    if args.json:   # as `audit URL …`: one object for one site, else an array
        from ita_audit.report import build_report, write_json

        reports = [build_report(store, o.run_id) for o in outcomes]
        if len(reports) == 1:
            write_json(reports[0], Path(args.json))
        else:
            Path(args.json).write_text(json.dumps(reports, ensure_ascii=False, indent=2),
                                       encoding="utf-8")
        print(f"\nรายงาน / report: {args.json}")
    mail_problems = notify(store, outcomes, sites, config) if args.notify else 0
    failed = [o for o in outcomes if o.result.status == "failed"]
    for o in failed:
        _err(f"{o.job.url}: {o.result.reason}")
    return EXIT_FAILED if failed or mail_problems else 0


# -- digests -----------------------------------------------------------------------
def notify(store: Store, outcomes: list[SiteOutcome], sites: Any, config: Config) -> int:
    """Send each webmaster's digest; returns the number of problems (printed)."""
    from ita_audit.alerts import AlertError, digests, message, send

    webmasters = {s.url: s.webmasters for s in sites.sites if s.webmasters}
    if not webmasters:
        _say("อีเมล / e-mail: no webmaster addresses in the sites file; no digests")
        return 0
    if config.smtp is None:
        where = (f"no smtp settings in {config.path}" if config.path else
                 f"no configuration file (--config, or {DEFAULT_CONFIG} here)")
        print(f"ita-audit: warning: {where}; webmaster digests not sent", file=sys.stderr)
        return 0
    mails, quiet = digests(store, [o.run_id for o in outcomes], webmasters,
                           config.dashboard_url, config.alerts)
    for address in quiet:
        _say(f"อีเมล / e-mail: {address}: ไม่มีการเปลี่ยนแปลง / no changes, no digest")
    try:
        result = send(config.smtp, [message(d, config.smtp) for d in mails])
    except AlertError as exc:
        _err(f"digests not sent: {exc}")
        return len(mails)
    for address in result.sent:
        _say(f"อีเมล / e-mail: ส่งสรุปถึง / digest sent to {address}")
    for address, why in result.failed:
        _err(f"digest to {address} not sent: {why}")
    return len(result.failed)


# -- schedule ------------------------------------------------------------------------
def _target(args: argparse.Namespace, spec: Any) -> Any:
    from ita_audit.schedule import Target, absolute_db, check_name

    sites = Path(args.sites).expanduser().resolve()
    config = _config_path(args.config)
    return Target(spec=spec, sites=sites, db=absolute_db(args.db),
                  config=config.resolve() if config else None, name=check_name(args.name),
                  env_file=Path(args.env_file).expanduser().resolve()
                  if getattr(args, "env_file", None) else None,
                  log=Path(args.log).expanduser().resolve() if getattr(args, "log", None)
                  else None)


def _spec(args: argparse.Namespace) -> Any:
    from ita_audit.schedule import WeeklySpec

    if not args.weekly:
        raise UserError("say how often: --weekly (the only schedule for now)")
    return WeeklySpec.parse(args.day, args.time)


def cmd_schedule_install(args: argparse.Namespace) -> int:
    from ita_audit.schedule import install, local_now
    from ita_audit.sites import load_sites
    from ita_audit.store import check_keeps

    check_keeps(args.db)                     # a weekly audit into :memory: keeps nothing
    target = _target(args, _spec(args))
    load_sites(target.sites)                 # refuse to schedule a broken file
    load_config(target.config)
    if "://" not in target.db and not Path(target.db).parent.is_dir():
        raise UserError(f"{target.db}: folder {Path(target.db).parent} does not exist")
    if target.env_file:
        if not target.env_file.is_file():
            raise UserError(f"--env-file {target.env_file}: file not found")
        if target.env_file.stat().st_mode & 0o077:
            print(f"ita-audit: warning: {target.env_file} is readable by other users; "
                  f"chmod 600 it", file=sys.stderr)
    if target.log is None:
        folder = Path(target.db).parent if "://" not in target.db else Path.cwd()
        target = dataclasses.replace(target, log=folder / "ita-audit-schedule.log")
    return install(target, args.backend, args.now or local_now(), args.dry_run, _say)


def cmd_schedule_remove(args: argparse.Namespace) -> int:
    from ita_audit.schedule import check_name, remove

    return remove(check_name(args.name), args.backend, args.dry_run, _say)


def cmd_schedule_run(args: argparse.Namespace) -> int:
    from ita_audit.sites import load_sites

    spec = _spec(args)
    target = _target(args, spec)
    sites = load_sites(target.sites)
    config = load_config(target.config)
    if not args.once:
        return _foreground(target, sites)
    return run_scheduled_once(args, target, sites, config)


def run_scheduled_once(args: argparse.Namespace, target: Any, sites: Any,
                       config: Config) -> int:
    """One scheduled audit: lock, due check, audit (``trigger="schedule"``), digests."""
    from ita_audit import cli
    from ita_audit.lock import LockHeldError, acquire
    from ita_audit.schedule import (
        due_run,
        last_scheduled_run,
        local_now,
        lock_path,
        missed_slots,
    )

    now = args.now or local_now()
    stamp = now.isoformat(timespec="seconds")
    path = Path(args.lock) if args.lock else lock_path(target.db, target.name)
    try:
        lock = acquire(path, now)
    except LockHeldError as exc:
        print(f"ita-audit: {exc}; this run is skipped", file=sys.stderr)
        return 0
    except OSError as exc:
        raise UserError(f"{path}: cannot create the lock file ({exc.strerror})") from None
    with lock:
        if lock.stale_pid:
            print(f"ita-audit: took over a stale lock {path} left by PID {lock.stale_pid} "
                  "(that process is gone)", file=sys.stderr)
        store = cli.open_store(target.db)
        urls = [s.url for s in sites.sites]
        last = last_scheduled_run(store, urls)
        if not args.force:
            slot = due_run(last, now, target.spec, args.installed)
            if slot is None:
                seen = (last.astimezone(now.tzinfo).isoformat(timespec="minutes") if last
                        else "none yet")
                _say(f"{stamp} ita-audit schedule: not due (last scheduled audit: {seen}; "
                     f"next slot {target.spec.next_slot(now).isoformat(timespec='minutes')})")
                return 0
            missed = missed_slots(last, now, target.spec)
            if missed > 1:
                _say(f"{stamp} ita-audit schedule: {missed} weekly audits were missed "
                     f"(machine off?); catching up once")
        _say(f"{stamp} ita-audit schedule: auditing {len(urls)} site(s) from {target.sites}")
        as_of = args.as_of or now.date()
        outcomes = audit_sites(store, sites, as_of, {}, progress=None, trigger="schedule",
                               started_at=args.now.astimezone(dt.UTC) if args.now else None)
        cli.print_summary(outcomes)
        print_sites_summary(outcomes)
        mail_problems = notify(store, outcomes, sites, config)
        failed = [o for o in outcomes if o.result.status == "failed"]
        for o in failed:
            _err(f"{o.job.url}: {o.result.reason}")
        return EXIT_FAILED if failed or mail_problems else 0


def _foreground(target: Any, sites: Any) -> int:
    """``schedule run`` without ``--once``: APScheduler in this process; each audit runs
    as ``schedule run --once`` in a child process."""
    from ita_audit import cli
    from ita_audit.schedule import (
        build_scheduler,
        due_run,
        last_scheduled_run,
        local_now,
        run_child,
    )

    store = cli.open_store(target.db)
    last = last_scheduled_run(store, [s.url for s in sites.sites])
    store.close()
    now = local_now()
    catch_up = last is not None and due_run(last, now, target.spec) is not None
    child = target.run_args()
    scheduler = build_scheduler(target.spec, lambda: run_child(child),
                                catch_up_at=now if catch_up else None)
    when = "now (a weekly audit was missed), then " if catch_up else ""
    _say(f"ita-audit schedule: {target.spec.describe()}, {len(sites.sites)} site(s); next "
         f"audit {when}{target.spec.next_slot(now).isoformat(timespec='minutes')}; "
         "Ctrl+C stops")
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        scheduler.shutdown(wait=False)
        _say("ita-audit schedule: stopped")
    return 0


# -- diff ------------------------------------------------------------------------------
def _finished_runs(store: Store, site: str) -> list[dict[str, Any]]:
    from ita_audit.inputs import check_url

    candidates = [site]
    try:
        candidates.append(check_url(site))
    except UserError:
        pass
    for url in candidates:
        rows = store.runs(url)
        if rows:
            return rows
    rows = [r for r in store.runs() if r["site_name"] == site]
    if not rows:
        raise UserError(f"{store.location}: no runs of site {site!r}")
    return rows


def _run_line(run: dict[str, Any]) -> str:
    from ita_audit.labels import run_status_label, thai_date

    return (f"#{run['id']} ({thai_date(run['as_of'])} / {str(run['as_of'])[:10]}, "
            f"{run_status_label(run['status'])}/{run['status']}, {run['ruleset']})")


def cmd_diff(args: argparse.Namespace) -> int:
    from ita_audit import cli
    from ita_audit.alerts import diff_lines
    from ita_audit.changes import DiffError, compare_runs, previous_run

    if not args.site and not args.to:
        raise UserError("give --site URL (or --to RUN)")
    store = cli.open_store(args.db, create=False)
    try:
        if args.to:
            to_run = store.run(args.to)
            if to_run is None:
                raise UserError(f"{args.db}: no run #{args.to}")
        if args.site:
            site_runs = _finished_runs(store, args.site)
            ids = {r["id"] for r in site_runs}
            for which, run_id in (("--to", args.to), ("--from", args.from_run)):
                if run_id and run_id not in ids:
                    raise UserError(f"{which} run #{run_id} is not a run of {args.site}")
            if not args.to:
                usable = [r for r in site_runs
                          if r["finished_at"] is not None and r["status"] != "failed"]
                if not usable:
                    raise UserError(f"{args.site}: no finished run to compare")
                to_run = usable[-1]
        to_id = int(to_run["id"])
        from_id = args.from_run or previous_run(store, to_id)
        if not from_id:
            raise UserError(f"run #{to_id} is the first run of {to_run['site_url']} with rule "
                            f"set {to_run['ruleset']}; nothing to compare (give --from RUN)")
        diff = compare_runs(store, from_id, to_id)
    except DiffError as exc:
        raise UserError(str(exc)) from None
    if args.json:
        print(json.dumps(diff.to_dict(), ensure_ascii=False, indent=2))
        return 0
    from_run = store.run(from_id)
    assert from_run is not None
    label = (f"{to_run['site_name']} ({to_run['site_url']})" if to_run["site_name"]
             else to_run["site_url"])
    print(f"เว็บไซต์ / Site: {label}")
    print(f"เทียบรอบ / Runs: {_run_line(from_run)} → {_run_line(to_run)}")
    for lang in (("th", "en") if args.lang == "both" else (args.lang,)):
        print()
        print("ภาษาไทย" if lang == "th" else "English")
        for line in diff_lines(diff, lang, full=True):
            print(line)
    return 0


# -- prune ----------------------------------------------------------------------------------
def cmd_prune(args: argparse.Namespace) -> int:
    from ita_audit.config import RetentionPolicy
    from ita_audit.retention import apply_prune, plan_prune

    config = load_config(_config_path(args.config))
    policy = RetentionPolicy(
        keep_days=args.keep_days if args.keep_days else config.retention.keep_days,
        detail_runs=args.detail_runs if args.detail_runs else config.retention.detail_runs)
    store = Store.open(args.db, create=False, write=not args.dry_run)
    now = args.now or dt.datetime.now(dt.UTC)
    plan = plan_prune(store, policy, now)
    source = f" ({config.path})" if config.path else ""
    keep = f"{policy.keep_days} days" if policy.keep_days else "forever"
    detail = (f"newest {policy.detail_runs} runs per site" if policy.detail_runs
              else "every run")
    print(f"นโยบาย / policy{source}: เก็บรอบการตรวจ / keep runs {keep}; รายละเอียดหน้าเว็บ / "
          f"page detail for {detail}; รอบสมบูรณ์ล่าสุดของทุกเว็บไซต์เก็บเสมอ / the newest "
          "complete run of every site is always kept")
    if plan.empty:
        print("ไม่มีอะไรต้องลบ / nothing to prune")
        return 0
    verb = "would" if args.dry_run else "will"
    for site in plan.sites:
        parts = []
        if site.delete_runs:
            parts.append(f"{verb} delete {len(site.delete_runs)} run(s) "
                         f"({', '.join(f'#{r}' for r in sorted(site.delete_runs))})")
        if site.strip_detail:
            parts.append(f"{verb} drop page detail of {len(site.strip_detail)} run(s) "
                         f"({', '.join(f'#{r}' for r in sorted(site.strip_detail))})")
        kept = f"; keeps #{site.protected}" if site.protected else ""
        print(f"  {site.url}: {'; '.join(parts)}{kept}")
    rows = plan.rows()
    summary = ", ".join(f"{table} {count}" for table, count in sorted(rows.items()) if count)
    if args.dry_run:
        print(f"ทดลอง ไม่ได้ลบ / dry run, nothing deleted — rows: {summary}")
        return 0
    apply_prune(store, plan)
    print(f"ลบแล้ว / deleted rows: {summary}")
    return 0


# -- parser ----------------------------------------------------------------------------------
def register(subparsers: Any) -> None:
    """Add ``schedule``, ``diff`` and ``prune`` to the ``ita-audit`` parser."""
    from ita_audit.cli import DEFAULT_DB, _date, number_type, run_id_type
    from ita_audit.limits import DETAIL_RUNS_MAX, KEEP_DAYS_MAX

    def add_db(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", default=DEFAULT_DB,
                       help=f"SQLite file or database URL (default: {DEFAULT_DB})")

    def add_config(p: argparse.ArgumentParser) -> None:
        p.add_argument("--config", help=f"configuration file (default: {DEFAULT_CONFIG} "
                                        "in this folder, if present)")

    def add_when(p: argparse.ArgumentParser) -> None:
        p.add_argument("--weekly", action="store_true",
                       help="run once a week (the only frequency for now)")
        p.add_argument("--day", default="mon", help="mon … sun (default: mon)")
        p.add_argument("--time", default="02:00", help="HH:MM, local time (default: 02:00)")
        p.add_argument("--sites", default="sites.yaml", help="sites file (default: sites.yaml)")
        p.add_argument("--name", default="default",
                       help="name of this schedule, to keep several apart (default: default)")
        add_db(p)
        add_config(p)

    schedule = subparsers.add_parser("schedule", help="weekly audits with e-mail digests")
    sched = schedule.add_subparsers(dest="schedule_command", required=True)

    install = sched.add_parser("install", help="install the weekly audit into cron (or a "
                                               "systemd user timer)")
    add_when(install)
    install.add_argument("--backend", choices=("auto", "cron", "systemd"), default="auto",
                         help="auto: cron when a crontab command exists, else systemd")
    install.add_argument("--env-file", help="file of VAR=value lines (e.g. "
                                            "ITA_AUDIT_SMTP_PASSWORD) loaded by the schedule")
    install.add_argument("--log", help="append the audits' output here (default: "
                                       "ita-audit-schedule.log beside the database)")
    install.add_argument("--dry-run", action="store_true", help="print what would be written")
    install.add_argument("--now", type=_datetime, help=argparse.SUPPRESS)
    install.set_defaults(func=cmd_schedule_install)

    remove = sched.add_parser("remove", help="remove the installed schedule (only its own "
                                             "entry)")
    remove.add_argument("--name", default="default")
    remove.add_argument("--backend", choices=("auto", "cron", "systemd"), default="auto")
    remove.add_argument("--dry-run", action="store_true")
    remove.set_defaults(func=cmd_schedule_remove)

    run = sched.add_parser("run", help="run the weekly schedule in the foreground (no cron "
                                       "needed), or one scheduled audit with --once")
    add_when(run)
    run.add_argument("--once", action="store_true",
                     help="one scheduled audit now if one is due (what cron runs), then exit")
    run.add_argument("--force", action="store_true", help="with --once: run even if not due")
    run.add_argument("--as-of", type=_date, help="audit date YYYY-MM-DD (default: today)")
    run.add_argument("--lock", help="lock file (default: beside the database)")
    run.add_argument("--installed", type=_datetime,
                     help="when the schedule was installed (the first audit is the first "
                          "slot after it)")
    run.add_argument("--now", type=_datetime,
                     help="pretend it is this date-time (testing; default: now)")
    run.set_defaults(func=cmd_schedule_run, weekly=True)

    diff = subparsers.add_parser("diff", help="what changed between two runs of a site")
    diff.add_argument("--site", help="site URL (or name)")
    diff.add_argument("--from", dest="from_run", type=run_id_type,
                      help="earlier run id (default: the run before --to)")
    diff.add_argument("--to", type=run_id_type, help="later run id (default: the newest run)")
    diff.add_argument("--lang", choices=("th", "en", "both"), default="both")
    diff.add_argument("--json", action="store_true", help="machine-readable output")
    add_db(diff)
    diff.set_defaults(func=cmd_diff)

    prune = subparsers.add_parser("prune", help="delete old runs and page detail per the "
                                                "retention policy")
    add_db(prune)
    add_config(prune)
    prune.add_argument("--keep-days", type=number_type(int, 1, KEEP_DAYS_MAX, "days"),
                       help="override retention.keep_days")
    prune.add_argument("--detail-runs", type=number_type(int, 1, DETAIL_RUNS_MAX, "count"),
                       help="override retention.detail_runs")
    prune.add_argument("--dry-run", action="store_true", help="show what would be deleted")
    prune.add_argument("--now", type=_datetime, help="pretend it is this date (default: now)")
    prune.set_defaults(func=cmd_prune)
