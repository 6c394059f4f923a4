"""Webmaster digests after a scheduled audit, and the text of a run comparison.

What changed comes from :mod:`ita_audit.changes` (the same comparison as the
dashboard's "changes since the previous run"); this module only chooses what
a webmaster needs to hear, writes it Thai first and English second, and sends
it over SMTP with STARTTLS.

* One e-mail per webmaster address, covering all of that person's sites.
* Listed per site: newly stale and newly missing categories, fixed ones, new
  and fixed broken links, a link to the site in the dashboard; other changes
  are counted.  A category is "newly missing" only when the run that found it
  missing was complete (:func:`ita_audit.changes.compare_runs` enforces it),
  so an incomplete run never raises a "missing" alert; when the run before was
  incomplete, "newly missing" is judged against the last complete run.
* The first run of a site is compared with nothing: its stale and missing
  categories and broken links are all new.
* A failed run is reported once (not again while the site keeps failing).
* No e-mail when nothing worth telling changed, unless
  ``alerts.send_when_unchanged`` is true.
* The SMTP password comes from the environment and is never printed or logged.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any

from ita_audit.changes import CategoryChange, RunDiff, compare_runs, previous_run
from ita_audit.config import AlertsConfig, SmtpConfig
from ita_audit.labels import run_status_label, status_label, thai_date
from ita_audit.store import Store

STATUSES = ("ok", "stale", "missing", "unknown")
RULE = "-" * 64


class AlertError(Exception):
    """Mail could not be sent; the message is one line and never holds a secret."""


# -- what changed --------------------------------------------------------------
def first_run_diff(store: Store, run_id: int) -> RunDiff:
    """A run compared with nothing: every stale and missing category and every broken
    link is new ("missing" only from a complete run, as in :func:`compare_runs`)."""
    run = store.run(run_id)
    assert run is not None
    diff = RunDiff(from_run=0, to_run=run_id, from_status="none", to_status=run["status"],
                   same_site=True, same_ruleset=True)
    diff.notes.append(f"run #{run_id} is the first run of this site and rule set")
    for v in store.verdicts(run_id):
        change = CategoryChange(v["category"], v["title_th"], v["title_en"], None, v["status"],
                                None, v["latest_date"])
        if v["status"] == "stale":
            diff.newly_stale.append(change)
        elif v["status"] == "missing" and diff.later_complete:
            diff.newly_missing.append(change)
    diff.broken_new = sorted({b["url"] for b in store.broken(run_id)})
    return diff


def _missing_since_last_complete(store: Store, run_id: int, diff: RunDiff) -> None:
    """Absence is only claimed by complete runs, so when the run before this (complete)
    one was incomplete, "newly missing" is judged against the last complete run: an
    incomplete run in between neither hides a new gap nor repeats an old one."""
    if not diff.later_complete or diff.from_status in ("complete", "none"):
        return
    baseline = previous_run(store, run_id, complete_only=True)
    before = ({v["category"]: v["status"] for v in store.verdicts(baseline)}
              if baseline else {})
    changes = {c.category: c for c in diff.newly_missing + diff.other}
    newly, other = [], [c for c in diff.other if c.after != "missing"]
    for v in store.verdicts(run_id):
        if v["status"] != "missing" or before.get(v["category"]) == "missing":
            if v["category"] in changes and changes[v["category"]].after == "missing":
                other.append(changes[v["category"]])
            continue
        newly.append(changes.get(v["category"]) or CategoryChange(
            v["category"], v["title_th"], v["title_en"], before.get(v["category"]), "missing"))
    diff.newly_missing, diff.other = newly, other


def changes_for_run(store: Store, run_id: int) -> RunDiff:
    """The run compared with the run before it (as the dashboard does), or with nothing;
    "newly missing" is judged against the last complete run."""
    before = previous_run(store, run_id)
    if not before:
        return first_run_diff(store, run_id)
    diff = compare_runs(store, before, run_id)
    _missing_since_last_complete(store, run_id, diff)
    return diff


@dataclass
class SiteReport:
    site_id: int
    url: str
    name: str
    run_id: int
    status: str                 # complete | incomplete | failed
    reason: str
    as_of: Any
    totals: dict[str, int]
    diff: RunDiff | None        # None for a failed run
    repeat_failure: bool = False

    @property
    def label(self) -> str:
        return f"{self.name} ({self.url})" if self.name else self.url

    @property
    def worth_telling(self) -> bool:
        if self.status == "failed":
            return not self.repeat_failure
        d = self.diff
        return d is not None and bool(d.newly_stale or d.newly_missing or d.fixed or d.other
                                      or d.broken_new or d.broken_fixed)


def site_report(store: Store, run_id: int) -> SiteReport:
    run = store.run(run_id)
    if run is None:
        raise AlertError(f"no run #{run_id}")
    totals = dict.fromkeys(STATUSES, 0)
    for v in store.verdicts(run_id):
        totals[v["status"]] = totals.get(v["status"], 0) + 1
    report = SiteReport(site_id=run["site_id"], url=run["site_url"], name=run["site_name"],
                        run_id=run_id, status=run["status"], reason=run["reason"] or "",
                        as_of=run["as_of"], totals=totals, diff=None)
    if run["status"] == "failed":
        earlier = [r for r in store.runs(run["site_url"])
                   if r["id"] < run_id and r["finished_at"] is not None]
        report.repeat_failure = bool(earlier) and earlier[-1]["status"] == "failed"
    else:
        report.diff = changes_for_run(store, run_id)
    return report


# -- text ------------------------------------------------------------------------
TEXT = {
    "newly_stale": ("ไม่เป็นปัจจุบัน (ใหม่)", "Newly stale"),
    "newly_missing": ("ไม่พบข้อมูล (ใหม่)", "Newly missing"),
    "fixed": ("แก้ไขแล้ว", "Fixed"),
    "other": ("การเปลี่ยนแปลงอื่น", "Other changes"),
    "evidence": ("หลักฐานที่เพิ่ม (+) / หายไป (−)", "Evidence added (+) / removed (−)"),
    "broken_new": ("ลิงก์เสียใหม่", "New broken links"),
    "broken_fixed": ("ลิงก์เสียที่แก้แล้ว", "Fixed broken links"),
    "no_changes": ("ไม่มีการเปลี่ยนแปลง", "No changes"),
    "latest": ("ล่าสุดลงวันที่", "latest"),
    "not_judged": ("ไม่ได้ประเมิน", "not judged"),
    "different_sites": ("สองรอบนี้เป็นคนละเว็บไซต์", "the runs are of different sites"),
    "different_rulesets": ("สองรอบนี้ใช้เกณฑ์ต่างกัน", "the runs use different rule sets"),
    "incomplete": ("รอบการตรวจนี้{status} จึงไม่สรุปว่าหมวดใด “ไม่พบ” ไม่สรุปว่าหลักฐานหายไป "
                   "และไม่สรุปว่าลิงก์เสียได้รับการแก้ไข",
                   "this run is {status}, so no category is called missing, no evidence "
                   "removed and no broken link fixed"),
    "first": ("เป็นการตรวจครั้งแรก จึงแสดงทุกรายการที่พบ", "first run: everything found is listed"),
    "others_count": ("การเปลี่ยนแปลงอื่น {n} หมวด (ดูในแดชบอร์ด)",
                     "other status changes in {n} {categories} (see the dashboard)"),
    "evidence_count": ("หลักฐานเปลี่ยน {n} หมวด (ดูในแดชบอร์ด)",
                       "evidence changed in {n} {categories} (see the dashboard)"),
}


def _t(key: str, lang: str, **kw: Any) -> str:
    th, en = TEXT[key]
    if "n" in kw:
        kw["categories"] = "category" if kw["n"] == 1 else "categories"
    return (th if lang == "th" else en).format(**kw)


def _status(status: str | None, lang: str) -> str:
    return status_label(status, lang) if status else _t("not_judged", lang)


def _title(change: Any, lang: str) -> str:
    return f"{change.category} {change.title_th if lang == 'th' else change.title_en}"


def _date(value: Any, lang: str) -> str:
    if not value:
        return ""
    text = thai_date(value) if lang == "th" else str(value)[:10]
    return f" ({_t('latest', lang)} {text})"


def diff_lines(diff: RunDiff, lang: str, full: bool = True) -> list[str]:
    """A comparison as text lines in one language (``th`` or ``en``).

    ``full``: every change (the ``diff`` command); otherwise what a webmaster
    acts on, with other status changes and evidence counted (the digest)."""
    out: list[str] = []

    def section(key: str, items: list[str]) -> None:
        if items:
            out.append(_t(key, lang) + ":")
            out.extend(item if item.startswith(" ") else f"  - {item}" for item in items)

    if diff.from_status == "none":
        out.append(_t("first", lang))
    if not diff.same_site:
        out.append(_t("different_sites", lang))
    if not diff.same_ruleset:
        out.append(_t("different_rulesets", lang))
    if not diff.later_complete:
        status = run_status_label(diff.to_status) if lang == "th" else diff.to_status
        out.append(_t("incomplete", lang, status=status))
    section("newly_stale", [f"{_title(c, lang)}{_date(c.date_after, lang)}"
                            for c in diff.newly_stale])
    section("newly_missing", [_title(c, lang) for c in diff.newly_missing])
    section("fixed", [f"{_title(c, lang)}: {_status(c.before, lang)} → "
                      f"{_status(c.after, lang)}{_date(c.date_after, lang)}" for c in diff.fixed])
    if full:
        section("other", [f"{_title(c, lang)}: {_status(c.before, lang)} → "
                          f"{_status(c.after, lang)}" for c in diff.other])
        evidence = []
        for e in diff.evidence:
            evidence.append(f"{_title(e, lang)}")
            evidence += [f"      + {url}" for url in e.added]
            evidence += [f"      − {url}" for url in e.removed]
        section("evidence", evidence)
    section("broken_new", diff.broken_new)
    section("broken_fixed", diff.broken_fixed)
    if not full and diff.other:
        out.append(_t("others_count", lang, n=len(diff.other)))
    if not full and diff.evidence:
        out.append(_t("evidence_count", lang, n=len(diff.evidence)))
    if not (diff.status_changes or diff.broken_new or diff.broken_fixed
            or (full and diff.evidence)):
        out.append(_t("no_changes", lang))
    return out


def dashboard_link(base: str | None, site_id: int) -> str | None:
    if not base:
        return None
    parts = urllib.parse.urlsplit(base)
    query = urllib.parse.parse_qsl(parts.query) + [("view", "site"), ("site", str(site_id))]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def _totals(report: SiteReport, lang: str) -> str:
    return " · ".join(f"{status_label(s, lang)} {report.totals.get(s, 0)}" for s in STATUSES)


def _site_block(report: SiteReport, lang: str, dashboard_url: str | None) -> list[str]:
    th = lang == "th"
    date = thai_date(report.as_of) if th else str(report.as_of)[:10]
    lines = [f"== {report.label} ==",
             (f"รอบการตรวจ #{report.run_id} ณ วันที่ {date}: {run_status_label(report.status)}"
              if th else f"Run #{report.run_id} as of {date}: {report.status}")
             + (f" — {report.reason}" if report.reason and report.status != "complete" else "")]
    if report.status == "failed":
        lines.append("ตรวจเว็บไซต์ไม่สำเร็จ กรุณาตรวจสอบว่าเว็บไซต์เปิดใช้งานได้" if th else
                     "The site could not be audited; please check that it is reachable.")
    else:
        assert report.diff is not None
        if report.diff.from_status != "none":
            lines.append(f"เทียบกับรอบ #{report.diff.from_run}" if th else
                         f"Compared with run #{report.diff.from_run}")
        lines.append(("สถานะปัจจุบัน: " if th else "Now: ") + _totals(report, lang))
        lines += diff_lines(report.diff, lang, full=False)
    link = dashboard_link(dashboard_url, report.site_id)
    if link:
        lines.append(("ดูรายละเอียดในแดชบอร์ด: " if th else "Details in the dashboard: ") + link)
    return lines


@dataclass
class Digest:
    to: str
    reports: list[SiteReport]
    subject: str = ""
    body: str = ""
    changed: bool = False


def build_digest(to: str, reports: list[SiteReport], dashboard_url: str | None) -> Digest:
    """The Thai-then-English text of one webmaster's digest."""
    told = [r for r in reports if r.worth_telling]
    changed = bool(told)
    single = reports[0].name or reports[0].url if len(reports) == 1 else ""
    names = single or f"{len(reports)} เว็บไซต์"
    names_en = single or f"{len(reports)} sites"
    subject = (f"[ita-audit] ผลการตรวจเว็บไซต์ประจำสัปดาห์: {names} — "
               + ("มีการเปลี่ยนแปลง" if changed else "ไม่มีการเปลี่ยนแปลง")
               + f" / Weekly website audit: {names_en} — "
               + ("changes found" if changed else "no changes"))
    body = ["เรียน ผู้ดูแลเว็บไซต์", "",
            "ผลการตรวจเว็บไซต์ตามเกณฑ์การเปิดเผยข้อมูลต่อสาธารณะ (ITA/OIT) รอบล่าสุด "
            "เทียบกับรอบก่อนหน้า มีดังนี้", ""]
    for report in reports:
        body += _site_block(report, "th", dashboard_url) + [""]
    body += ["อีเมลฉบับนี้ส่งโดยอัตโนมัติจาก ita-audit หลังการตรวจตามกำหนดเวลา", "", RULE,
             "English", RULE, "", "Dear webmaster,", "",
             "The latest scheduled audit of your website against the public-disclosure rules "
             "(ITA/OIT), compared with the previous run:", ""]
    for report in reports:
        body += _site_block(report, "en", dashboard_url) + [""]
    body.append("This message was sent automatically by ita-audit after the scheduled audit.")
    digest = Digest(to=to, reports=reports, subject=subject, changed=changed)
    digest.body = "\n".join(body) + "\n"
    return digest


def digests(store: Store, run_ids: Iterable[int], webmasters: dict[str, list[str]],
            dashboard_url: str | None, alerts: AlertsConfig) -> tuple[list[Digest], list[str]]:
    """The digests to send after a scheduled audit, and the addresses that get none.

    ``webmasters`` maps a site URL to its webmaster addresses."""
    by_address: dict[str, list[SiteReport]] = {}
    for run_id in run_ids:
        report = site_report(store, run_id)
        for address in webmasters.get(report.url, []):
            by_address.setdefault(address, []).append(report)
    out, quiet = [], []
    for address, reports in by_address.items():
        digest = build_digest(address, reports, dashboard_url)
        if digest.changed or alerts.send_when_unchanged:
            out.append(digest)
        else:
            quiet.append(address)
    return out, quiet


# -- sending ---------------------------------------------------------------------
def message(digest: Digest, smtp: SmtpConfig) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = digest.subject
    msg["From"] = smtp.from_addr
    msg["To"] = digest.to
    msg["Date"] = formatdate(localtime=True)
    domain = smtp.from_addr.rsplit("@", 1)[-1].rstrip(">").strip() or None
    msg["Message-ID"] = make_msgid("ita-audit", domain=domain)
    msg["Auto-Submitted"] = "auto-generated"   # RFC 3834: no auto-replies, please
    msg.set_content(digest.body, charset="utf-8")
    return msg


@dataclass
class SendResult:
    sent: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def send(smtp: SmtpConfig, mails: list[EmailMessage]) -> SendResult:
    """Send over one connection (STARTTLS before any login); per-recipient failures
    are collected, a connection or login failure raises :class:`AlertError`."""
    result = SendResult()
    if not mails:
        return result
    password = smtp.password()
    if smtp.username and not password:
        raise AlertError(f"smtp: username {smtp.username!r} is set but the environment "
                         f"variable {smtp.password_env} is empty")
    where = f"{smtp.host}:{smtp.port}"
    try:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout_s) as server:
            server.ehlo()
            if smtp.starttls:
                if not server.has_extn("starttls"):
                    raise AlertError(f"smtp {where}: the server does not offer STARTTLS")
                context = ssl.create_default_context(cafile=smtp.ca_file)
                server.starttls(context=context)
                server.ehlo()
            if smtp.username:
                try:
                    server.login(smtp.username, password or "")
                except UnicodeEncodeError:   # smtplib sends user and password as ASCII
                    raise AlertError(f"smtp {where}: the username or the password in "
                                     f"{smtp.password_env} has non-ASCII characters, which "
                                     "SMTP login cannot send") from None
                except smtplib.SMTPException as exc:
                    raise AlertError(f"smtp {where}: login as {smtp.username!r} refused "
                                     f"({_smtp_reason(exc)})") from None
            for mail in mails:
                try:
                    server.send_message(mail)
                    result.sent.append(str(mail["To"]))
                except smtplib.SMTPException as exc:
                    result.failed.append((str(mail["To"]), _smtp_reason(exc)))
    except AlertError:
        raise
    except ssl.SSLError as exc:
        raise AlertError(f"smtp {where}: TLS failed ({exc.reason or exc})") from None
    except (OSError, smtplib.SMTPException) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else _smtp_reason(exc)
        if isinstance(exc, socket.timeout):
            detail = "timed out"
        raise AlertError(f"smtp {where}: {detail}") from None
    return result


def _smtp_reason(exc: BaseException) -> str:
    code = getattr(exc, "smtp_code", None)
    text = getattr(exc, "smtp_error", b"")
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    if code:
        return f"{code} {text}".strip()
    return (str(exc) or type(exc).__name__).splitlines()[0]
