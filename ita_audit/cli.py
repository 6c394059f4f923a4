"""The ``ita-audit`` command line.

Every user error (bad URL, unreadable rule file, unwritable database …) ends
in one line ``ita-audit: error: …`` and a non-zero exit code, never a
traceback; set ``ITA_AUDIT_DEBUG=1`` to see tracebacks of internal errors.
"""

from __future__ import annotations

import sys

try:   # Ctrl+C while the libraries load (Scrapy takes a while): one line, not a traceback
    import argparse
    import contextlib
    import datetime as dt
    import os
    from collections.abc import Callable, Sequence
    from pathlib import Path
    from typing import Any, NoReturn

    from rules.offline import ensure_pythainlp_offline

    ensure_pythainlp_offline()

    from ita_audit.inputs import UserError, check_url
    from ita_audit.limits import (
        CRAWL_LIMITS,
        PORT_MAX,
        PORT_MIN,
        RUN_ID_MAX,
        date_error,
        parse_number,
    )
    from ita_audit.store import Store, StoreError
    from rules.yamlsource import SourceError
except KeyboardInterrupt:
    print("ita-audit: error: interrupted", file=sys.stderr)
    sys.exit(130)

DEFAULT_DB = "ita-audit.db"
EXIT_USAGE = 2
EXIT_FAILED = 1


def _date(value: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None
    problem = date_error(day.year)
    if problem:
        raise argparse.ArgumentTypeError(f"{problem}: {value!r}")
    return day


def number_type(kind: type, minimum: float | None, maximum: float | None,
                name: str = "number") -> Callable[[str], Any]:
    """An argparse ``type``: a finite ``kind`` within the bounds (``nan``, ``inf``, a
    twenty-digit id are refused with one line naming the option)."""
    def parse(value: str) -> Any:
        try:
            return parse_number(value, kind, minimum, maximum)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    parse.__name__ = name
    return parse


def limit_type(key: str, minimum: float | None = None) -> Callable[[str], Any]:
    """The type of the ``audit`` option for the sites files' ``limits: KEY``: the
    same bounds (ita_audit/limits.py); ``minimum`` may be stricter."""
    _, kind, low, high = CRAWL_LIMITS[key]
    return number_type(kind, low if minimum is None else minimum, high, key)


def _port(value: str) -> int:
    try:
        return int(parse_number(value, int, PORT_MIN, PORT_MAX))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a port number ({PORT_MIN}–{PORT_MAX}): {value[:30]!r}") from None


run_id_type = number_type(int, 1, RUN_ID_MAX, "run id")


def _err(message: str) -> None:
    print(f"ita-audit: error: {message}", file=sys.stderr)


def _limits_from_args(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from crawler.settings import CrawlLimits

    limits = CrawlLimits()
    for name in ("max_pages", "max_depth", "timeout_s", "concurrency"):
        value = getattr(args, name, None)
        if value is not None:
            setattr(limits, name, value)
    if getattr(args, "max_mb", None) is not None:
        limits.max_bytes = max(1024, int(args.max_mb * 1024 * 1024))
    if getattr(args, "delay", None) is not None:
        limits.delay_s = args.delay
        limits.autothrottle = args.delay > 0
    if getattr(args, "ignore_robots", False):
        limits.obey_robots = False
    return limits


def _print_progress(snapshots) -> None:  # type: ignore[no-untyped-def]
    for p in snapshots:
        state = "เสร็จ/done" if p.done else "กำลังตรวจ/crawling"
        print(f"[{p.elapsed_s:5.0f}s] {state} · หน้า/pages {p.pages} · เอกสาร/documents "
              f"{p.documents} · ข้อผิดพลาด/errors {p.errors} · {p.url}", file=sys.stderr)


def print_summary(outcomes) -> None:  # type: ignore[no-untyped-def]
    from ita_audit.labels import run_status_label, status_label, thai_date

    for o in outcomes:
        r = o.result
        print()
        print(f"เว็บไซต์ / Site: {o.job.url}  (run #{o.run_id})")
        print(f"สถานะการตรวจ / Run: {run_status_label(r.status)} ({r.status})"
              + (f" — {r.reason}" if r.reason else ""))
        print(f"หน้า/pages {r.stats.get('pages', 0)} · เอกสาร/documents "
              f"{r.stats.get('documents', 0)} · ลิงก์ภายนอก/external "
              f"{r.stats.get('external_links', 0)} · ลิงก์เสีย/broken "
              f"{r.stats.get('broken_links', 0)}")
        if not o.verdicts:
            continue
        print(f"{'หมวด':<6}{'สถานะ / Status':<28}{'ล่าสุด (พ.ศ.)':<16}{'หลักฐาน':>8}  เหตุผล")
        for v in o.verdicts:
            print(f"{v.category:<6}{status_label(v.status) + ' / ' + v.status:<28}"
                  f"{thai_date(v.latest_date):<16}{len(v.evidence):>8}  {v.reason_th}")


def open_store(db: str, create: bool = True) -> Store:
    return Store.open(db, create=create)


# -- commands ------------------------------------------------------------
def cmd_audit(args: argparse.Namespace) -> int:
    from ita_audit.audit import SiteJob, run_audit
    from ita_audit.report import build_report, write_json
    from rules.ruleset import load_ruleset

    if args.sites:
        from ita_audit.cli_ops import cmd_audit_sites

        return cmd_audit_sites(args)
    from ita_audit.cli_ops import _config_path
    from ita_audit.config import load_config

    if args.notify:
        raise UserError("--notify needs --sites (the sites file names each webmaster)")
    urls = [check_url(u) for u in args.urls]
    if not urls:
        raise UserError("give at least one URL")
    load_config(_config_path(args.config))   # a broken configuration is refused first
    ruleset = load_ruleset(args.ruleset)
    if args.json:
        _check_writable(Path(args.json))
    store = open_store(args.db)
    as_of = args.as_of or dt.date.today()
    limits = _limits_from_args(args)
    outcomes = run_audit(store, ruleset, [SiteJob(u) for u in urls], as_of, limits,
                         progress=None if args.quiet else _print_progress)
    print_summary(outcomes)
    if args.json:
        reports = [build_report(store, o.run_id) for o in outcomes]
        out = Path(args.json)
        import json

        if len(reports) == 1:
            write_json(reports[0], out)
        else:
            out.write_text(json.dumps(reports, ensure_ascii=False, indent=2), encoding="utf-8")
        print(f"\nรายงาน / report: {out}")
    failed = [o for o in outcomes if o.result.status == "failed"]
    for o in failed:
        _err(f"{o.job.url}: {o.result.reason}")
    return EXIT_FAILED if failed else 0


def _check_writable(path: Path) -> None:
    """Refuse an output path before any work is done, not after a long crawl.

    The file is really opened for writing (and removed again when it did not
    exist), so a read-only folder or file, a full or read-only file system are
    found whatever the permission bits say."""
    folder = path.parent
    if path.is_dir():
        raise UserError(f"{path}: is a folder, not a file")
    if not folder.exists():
        raise UserError(f"{path}: folder {folder} does not exist")
    if not folder.is_dir():
        raise UserError(f"{path}: {folder} is not a folder")
    if path.exists() and not path.is_file():   # /dev/null, a pipe: opening may block
        if not os.access(path, os.W_OK):
            raise UserError(f"{path}: not writable")
        return
    existed = path.exists()
    try:
        with path.open("ab"):
            pass
    except OSError as exc:
        raise UserError(f"{path}: cannot write this file ({exc.strerror or exc})") from None
    if not existed:
        with contextlib.suppress(OSError):
            path.unlink()


def cmd_report(args: argparse.Namespace) -> int:
    from ita_audit.report import build_report, csv_text, write_csv, write_json, write_xlsx

    if args.out:
        _check_writable(Path(args.out))
    store = open_store(args.db, create=False)
    if args.run:
        run = store.run(args.run)
        if run is None:
            raise UserError(f"{args.db}: no run #{args.run}")
    else:
        site = check_url(args.site) if args.site else None
        run = store.latest_run(site)
        if run is None:
            raise UserError(f"{args.db}: no runs" + (f" for {site}" if site else ""))
    report = build_report(store, run["id"])
    if args.out:
        out = Path(args.out)
        {"json": write_json, "csv": write_csv, "xlsx": write_xlsx}[args.format](report, out)
        print(f"รายงาน / report: {out}")
    elif args.format == "json":
        import json

        print(json.dumps(report, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        sys.stdout.write(csv_text(report))
    else:
        raise UserError("--format xlsx needs --out FILE")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from ita_audit.audit import SiteJob, run_audit
    from ita_audit.report import build_report, write_json
    from ita_audit.sample import sample_reference_date, sample_site_root
    from ita_audit.siteserver import serve
    from rules.ruleset import load_ruleset

    store = open_store(args.db)
    ruleset = load_ruleset(args.ruleset)
    reports_dir = Path(args.reports)
    try:
        reports_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"--reports {reports_dir}: cannot create the folder "
                        f"({exc.strerror or exc})") from None
    _check_writable(reports_dir / "sample-run.json")   # before the crawl, not after
    as_of = args.as_of or sample_reference_date()
    with serve(sample_site_root()) as server:
        print(f"ตัวอย่างเว็บไซต์ / sample site: {server.url} (ณ วันที่ / as of {as_of})")
        from crawler.settings import CrawlLimits

        limits = CrawlLimits(delay_s=0.0, autothrottle=False, concurrency=8)
        outcomes = run_audit(store, ruleset, [SiteJob(server.url, "ตัวอย่าง สพป.")], as_of,
                             limits, progress=_print_progress)
    print_summary(outcomes)
    out = reports_dir / f"sample-run-{outcomes[0].run_id}.json"
    write_json(build_report(store, outcomes[0].run_id), out)
    print(f"\nรายงาน / report: {out}\nฐานข้อมูล / database: {args.db}")
    if args.no_dashboard:
        return 0
    from ita_audit.dashboard_server import run_dashboard

    return run_dashboard(args.db, port=args.port)


def cmd_memo(args: argparse.Namespace) -> int:
    from ita_audit.memo import memo_docx

    out = Path(args.out)
    _check_writable(out)
    store = open_store(args.db, create=False)
    site = check_url(args.site) if args.site else None
    run = store.run(args.run) if args.run else store.latest_run(site, complete_only=True)
    if run is None:
        raise UserError(f"{args.db}: no such run" if args.run else f"{args.db}: no complete run"
                        + (f" for {site}" if site else ""))
    if run["status"] == "failed":
        raise UserError(f"run #{run['id']} failed ({run['reason']}): nothing was judged, "
                        "no memo")
    data, count = memo_docx(store, run["id"])
    if not count:
        print(f"ไม่มีหมวดที่ต้องเผยแพร่เพิ่ม / no gaps in run #{run['id']}: no memo written")
        return 0
    out.write_bytes(data)
    print(f"บันทึกขออนุญาตเผยแพร่ข้อมูล {count} ฉบับ / {count} memo(s): {out}")
    return 0


def cmd_dashboard(args: argparse.Namespace) -> int:
    from ita_audit.dashboard_server import run_dashboard

    Store.open(args.db, create=False).close()  # a clear error for a missing or foreign file
    return run_dashboard(args.db, port=args.port)


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    store = Store.open(args.db, create=False, upgrade=True)
    print(f"{args.db}: schema is current")
    store.close()
    return 0


def cmd_rulesets(args: argparse.Namespace) -> int:
    from rules.ruleset import available_rulesets, load_ruleset

    for name in available_rulesets():
        rs = load_ruleset(name)
        print(f"{name:<10} {len(rs.categories):>3} หมวด/items  {rs.title_th}")
    return 0


class OneLineParser(argparse.ArgumentParser):
    """Usage mistakes end in one line, like every other error of the tool."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"ita-audit: error: {message} (see: {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="ita-audit",
        description="ตรวจเว็บไซต์หน่วยงานตามเกณฑ์การเปิดเผยข้อมูล ITA/OIT "
                    "(audit Thai public-office websites against ITA/OIT disclosure rules)",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)

    def add_db(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", default=DEFAULT_DB,
                       help=f"SQLite file or database URL (default: {DEFAULT_DB})")

    audit = sub.add_parser("audit", help="crawl and judge one or more sites")
    audit.add_argument("urls", nargs="*", metavar="URL")
    audit.add_argument("--as-of", type=_date, help="audit date YYYY-MM-DD (default: today)")
    audit.add_argument("--ruleset", default="seed", help="seed, oit-2569, … or a YAML path")
    add_db(audit)
    audit.add_argument("--json", metavar="PATH", help="write the JSON report here")
    audit.add_argument("--max-pages", type=limit_type("max_pages"))
    audit.add_argument("--max-depth", type=limit_type("max_depth", minimum=1))
    audit.add_argument("--max-mb", type=limit_type("max_mb"),
                       help="largest response in MB (default 20)")
    audit.add_argument("--timeout", dest="timeout_s", type=limit_type("timeout_s"),
                       help="seconds per site")
    audit.add_argument("--concurrency", type=limit_type("concurrency"))
    audit.add_argument("--delay", type=limit_type("delay_s"),
                       help="seconds between requests (0 disables AutoThrottle)")
    audit.add_argument("--ignore-robots", action="store_true",
                       help="ignore robots.txt (only for auditing your own site)")
    audit.add_argument("--quiet", action="store_true", help="no progress lines")
    audit.add_argument("--sites", metavar="FILE", help="audit every site of this sites file "
                                                       "(docs/operations.md)")
    audit.add_argument("--config", metavar="FILE", help="configuration (default: ita-audit.yaml "
                                                        "in this folder, if present)")
    audit.add_argument("--notify", action="store_true",
                       help="with --sites: e-mail each webmaster the digest afterwards")
    audit.set_defaults(func=cmd_audit)

    report = sub.add_parser("report", help="write the report of a stored run")
    add_db(report)
    report.add_argument("--site", help="site URL (default: any)")
    report.add_argument("--run", type=run_id_type, help="run id (default: the latest)")
    report.add_argument("--format", choices=("json", "csv", "xlsx"), default="json")
    report.add_argument("--out", help="output file (default: standard output)")
    report.set_defaults(func=cmd_report)

    demo = sub.add_parser("demo", help="audit the bundled sample site and open the dashboard")
    add_db(demo)
    demo.add_argument("--ruleset", default="seed")
    demo.add_argument("--as-of", type=_date, help="default: the sample site's reference date")
    demo.add_argument("--reports", default="reports", help="folder for the JSON report")
    demo.add_argument("--port", type=_port, default=8501)
    demo.add_argument("--no-dashboard", action="store_true")
    demo.set_defaults(func=cmd_demo)

    memo = sub.add_parser("memo", help="the seed's publication-request memo for each gap (DOCX)")
    add_db(memo)
    memo.add_argument("--site", help="site URL (default: any)")
    memo.add_argument("--run", type=run_id_type,
                      help="run id (default: the latest complete run)")
    memo.add_argument("--out", required=True, help="output .docx file")
    memo.set_defaults(func=cmd_memo)

    dashboard = sub.add_parser("dashboard", help="start the dashboard on 127.0.0.1")
    add_db(dashboard)
    dashboard.add_argument("--port", type=_port, default=8501)
    dashboard.set_defaults(func=cmd_dashboard)

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    upgrade = db_sub.add_parser("upgrade", help="upgrade an older database schema")
    add_db(upgrade)
    upgrade.set_defaults(func=cmd_db_upgrade)

    rulesets = sub.add_parser("rulesets", help="list the bundled rule sets")
    rulesets.set_defaults(func=cmd_rulesets)

    from ita_audit import cli_ops

    cli_ops.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        return int(args.func(args) or 0)
    except (UserError, SourceError, StoreError) as exc:
        _err(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt as exc:   # ita_audit.interrupt.Interrupted says what was kept
        _err(str(exc) or "interrupted")
        return 130
    except Exception as exc:  # noqa: BLE001 - one line for the user, traceback on request
        if os.environ.get("ITA_AUDIT_DEBUG"):
            raise
        _err(f"internal error: {type(exc).__name__}: {exc} (set ITA_AUDIT_DEBUG=1 for details)")
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
