"""Alerts: a fixture site changes between scheduled audits; the digest (sent over
STARTTLS with a login to a real aiosmtpd server on 127.0.0.1) and ``ita-audit
diff`` show exactly that change, and the password never appears anywhere."""

from __future__ import annotations

import base64
import datetime as dt
import email
import email.policy
import ipaddress
import os
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from benchmarks.bench_dashboard import add_run
from ita_audit.alerts import AlertError, build_digest, digests, message, send, site_report
from ita_audit.config import AlertsConfig, SmtpConfig, load_config
from ita_audit.labels import status_label
from ita_audit.store import Store
from tests.conftest import OWN_TEXT, run_cli

AS_OF = "2026-11-20"
PASSWORD = "s3cret-Pw-42!x"
USER = "ita-audit@example.go.th"
WEBMASTER = "web@example.go.th"
DASHBOARD = "http://127.0.0.1:8501/"


def page(title: str, body: str) -> str:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<h1>{title}</h1>{body}<p>{OWN_TEXT} ({title})</p></body></html>")


V1 = {
    "index.html": page("สพป.ทดสอบ", "<ul><li><a href='structure.html'>โครงสร้างองค์กร</a></li>"
                       "<li><a href='plan.html'>แผนปฏิบัติการประจำปี</a></li>"
                       "<li><a href='news.html'>ข่าวประชาสัมพันธ์</a></li></ul>"),
    "structure.html": page("โครงสร้างการบริหารงาน", "<p>ข้อมูล ณ วันที่ 2 ก.พ. 2569</p>"),
    "plan.html": page("แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2566",
                      "<p>ประกาศ ณ วันที่ 1 ตุลาคม 2565</p>"),
    "news.html": page("ข่าวประชาสัมพันธ์", "<ul><li>10 พ.ย. 2569 ประชุมผู้บริหารโรงเรียน</li></ul>"),
}


def change_site(site: Path) -> None:
    """Week 2: the plan is updated (1.3 fixed), a procurement page appears (1.5 fixed),
    the structure page is deleted (1.1 newly missing, a new broken link)."""
    (site / "plan.html").write_text(page("แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2570",
                                         "<p>ประกาศ ณ วันที่ 1 ตุลาคม 2569</p>"), encoding="utf-8")
    (site / "procurement.html").write_text(page(
        "ประกาศผลการจัดซื้อจัดจ้าง", "<p>สรุปผลการจัดซื้อจัดจ้าง ประจำเดือน ตุลาคม 2569</p>"),
        encoding="utf-8")
    index = V1["index.html"].replace(
        "</ul>", "<li><a href='procurement.html'>ข้อมูลการจัดซื้อจัดจ้าง</a></li></ul>")
    (site / "index.html").write_text(index, encoding="utf-8")
    (site / "structure.html").unlink()


# -- a real SMTP server with STARTTLS and login -----------------------------------------
def self_signed(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]),
                critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@dataclass
class Received:
    sender: str
    rcpts: list[str]
    message: Any
    tls: bool
    login: str


@dataclass
class MailServer:
    port: int
    cert: Path
    received: list[Received] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)


@pytest.fixture(scope="module")
def smtp_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MailServer]:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    folder = tmp_path_factory.mktemp("smtp")
    cert, key = self_signed(folder)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = MailServer(port, cert)

    def authenticator(_server, session, _envelope, _mechanism, data):  # type: ignore[no-untyped-def]
        login, password = data.login.decode(), data.password.decode()
        server.logins.append((login, password))
        return AuthResult(success=(login, password) == (USER, PASSWORD), handled=False)

    class Handler:
        async def handle_DATA(self, _server, session, envelope):  # type: ignore[no-untyped-def]  # noqa: N802
            server.received.append(Received(
                envelope.mail_from, list(envelope.rcpt_tos),
                email.message_from_bytes(envelope.original_content or envelope.content,
                                         policy=email.policy.default),
                tls=session.ssl is not None, login=(session.login_data or b"").decode()
                if isinstance(session.login_data, bytes) else str(session.login_data)))
            return "250 OK"

    controller = Controller(Handler(), hostname="127.0.0.1", port=port, tls_context=context,
                            require_starttls=True, authenticator=authenticator,
                            auth_require_tls=True)
    controller.start()
    yield server
    controller.stop()


def smtp_config(server: MailServer, **over: Any) -> SmtpConfig:
    values: dict[str, Any] = {"host": "127.0.0.1", "port": server.port, "username": USER,
                              "from_addr": f"ita-audit <{USER}>", "ca_file": str(server.cert),
                              "timeout_s": 10}
    values.update(over)
    return SmtpConfig(**values)


# -- two scheduled audits of a changing site ------------------------------------------------
@dataclass
class Scenario:
    db: Path
    url: str
    runs: list[Any]
    mails: list[Received]
    store: Store
    diff: Any


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory, smtp_server: MailServer
             ) -> Iterator[Scenario]:
    from ita_audit.siteserver import serve

    root = tmp_path_factory.mktemp("changing")
    site = root / "site"
    site.mkdir()
    for name, text in V1.items():
        (site / name).write_text(text, encoding="utf-8")
    server = serve(site)
    (root / "sites.yaml").write_text(
        "defaults:\n  limits: {delay_s: 0}\nsites:\n"
        f"  - name: สพป.ทดสอบ\n    url: {server.url}\n    webmaster: {WEBMASTER}\n",
        encoding="utf-8")
    (root / "ita-audit.yaml").write_text(
        f"smtp:\n  host: 127.0.0.1\n  port: {smtp_server.port}\n  starttls: true\n"
        f"  username: {USER}\n  from: \"ita-audit <{USER}>\"\n  ca_file: {smtp_server.cert}\n"
        f"dashboard_url: {DASHBOARD}\n", encoding="utf-8")
    db = root / "audit.db"
    start = dt.datetime.now().astimezone()
    later = (start + dt.timedelta(weeks=3, hours=1)).isoformat(timespec="seconds")

    def scheduled(now: str):  # type: ignore[no-untyped-def]
        return run_cli("schedule", "run", "--once", "--sites", "sites.yaml", "--db", str(db),
                       "--as-of", AS_OF, "--now", now, cwd=root)

    os.environ["ITA_AUDIT_SMTP_PASSWORD"] = PASSWORD
    try:
        first = scheduled(start.isoformat(timespec="seconds"))
        change_site(site)
        second = scheduled(later)           # three weeks later: caught up once
        third = scheduled(later)            # the same hour again: not due
        diff = run_cli("diff", "--site", server.url, "--db", str(db), cwd=root)
    finally:
        del os.environ["ITA_AUDIT_SMTP_PASSWORD"]
        server.close()
    store = Store.open(db, create=False)
    yield Scenario(db, server.url, [first, second, third], smtp_server.received, store, diff)
    store.close()


def test_scheduled_runs_catch_up_once(scenario: Scenario) -> None:
    first, second, third = scenario.runs
    for result in scenario.runs:
        assert result.code == 0, result.text
        assert "Traceback" not in result.text
    assert "auditing 1 site(s)" in first.out
    assert "3 weekly audits were missed (machine off?); catching up once" in second.out
    assert "not due" in third.out and "auditing" not in third.out
    runs = scenario.store.runs()
    assert [(r["status"], r["trigger"]) for r in runs] == [("complete", "schedule")] * 2


def test_digest_is_sent_over_starttls_with_login(scenario: Scenario,
                                                 smtp_server: MailServer) -> None:
    assert len(scenario.mails) == 2                  # one per scheduled audit that ran
    for mail in scenario.mails:
        assert mail.tls                              # STARTTLS before the message
        assert mail.rcpts == [WEBMASTER] and mail.sender == USER
    assert smtp_server.logins[-1] == (USER, PASSWORD)   # the password came from the env
    first, second = scenario.runs[:2]
    assert f"digest sent to {WEBMASTER}" in first.out and f"digest sent to {WEBMASTER}" in second.out


def section(body: str, title: str) -> list[str]:
    lines = body.splitlines()
    start = lines.index(title) + 1
    out = []
    for line in lines[start:]:
        if not line.startswith("  - "):
            break
        out.append(line[4:])
    return out


def test_digest_shows_exactly_the_change(scenario: Scenario) -> None:
    mail = scenario.mails[-1].message
    url = scenario.url
    subject = str(mail["Subject"])
    assert subject.startswith("[ita-audit] ผลการตรวจเว็บไซต์ประจำสัปดาห์: สพป.ทดสอบ")
    assert "Weekly website audit" in subject and "มีการเปลี่ยนแปลง" in subject
    assert mail["Auto-Submitted"] == "auto-generated"
    body = mail.get_content()
    thai, english = body.split("\nEnglish\n")
    assert thai.startswith("เรียน ผู้ดูแลเว็บไซต์")                  # Thai first
    assert section(thai, "ไม่พบข้อมูล (ใหม่):") == ["1.1 ข้อมูลพื้นฐานเกี่ยวกับโครงสร้าง ภารกิจ และผู้บริหาร"]
    fixed = section(thai, "แก้ไขแล้ว:")
    assert [line.split(":")[0] for line in fixed] == [
        "1.3 แผนปฏิบัติการประจำปี และการติดตามประเมินผลการดำเนินงานตามแผน",
        "1.5 ข้อมูลการจัดซื้อจัดจ้าง"]
    assert f"{status_label('stale')} → {status_label('ok')}" in fixed[0]
    assert f"{status_label('missing')} → {status_label('ok')}" in fixed[1]
    assert section(thai, "ลิงก์เสียใหม่:") == [url + "structure.html"]
    assert "ไม่เป็นปัจจุบัน (ใหม่):" not in thai and "ลิงก์เสียที่แก้แล้ว:" not in thai
    assert f"{DASHBOARD}?view=site&site=1" in thai
    assert "เทียบกับรอบ #1" in thai
    # English second, the same items
    assert section(english, "Newly missing:") == ["1.1 Structure, mission and executives"]
    assert [line.split(":")[0] for line in section(english, "Fixed:")] == [
        "1.3 Annual action plan and its monitoring and evaluation",
        "1.5 Procurement information"]
    assert section(english, "New broken links:") == [url + "structure.html"]
    assert "Newly stale:" not in english
    assert f"Details in the dashboard: {DASHBOARD}?view=site&site=1" in english


def test_diff_command_shows_the_same_change(scenario: Scenario) -> None:
    result = scenario.diff
    assert result.code == 0, result.text
    out = result.out
    assert out.startswith(f"เว็บไซต์ / Site: สพป.ทดสอบ ({scenario.url})\n")
    assert "เทียบรอบ / Runs: #1 (20 พ.ย. 2569 / 2026-11-20, สมบูรณ์/complete, seed) → #2" in out
    thai, english = out.split("\nEnglish\n")
    mail = scenario.mails[-1].message.get_content()
    mail_thai, mail_english = mail.split("\nEnglish\n")
    for title in ("ไม่พบข้อมูล (ใหม่):", "แก้ไขแล้ว:", "ลิงก์เสียใหม่:"):
        assert section(thai, title) == section(mail_thai, title)
    for title in ("Newly missing:", "Fixed:", "New broken links:"):
        assert section(english, title) == section(mail_english, title)
    # the full diff also lists evidence: the procurement page was added as evidence of 1.5
    assert f"    + {scenario.url}procurement.html" in english


def test_password_never_printed(scenario: Scenario) -> None:
    plain = base64.b64encode(f"\0{USER}\0{PASSWORD}".encode()).decode()
    for result in [*scenario.runs, scenario.diff]:
        assert PASSWORD not in result.text and plain not in result.text
    assert PASSWORD not in (scenario.db.parent / "ita-audit.yaml").read_text(encoding="utf-8")


# -- in-process: failures and rules of what is told -------------------------------------------
SITE = "https://esa.example.go.th/"
ALL_OK = {f"1.{i}": "ok" for i in range(1, 10)}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "alerts.db")
    yield s
    s.close()


def test_wrong_password_is_refused_without_echoing_it(smtp_server: MailServer,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ITA_AUDIT_SMTP_PASSWORD", "wrong-" + PASSWORD)
    config = smtp_config(smtp_server)
    mail = message(_dummy_digest(), config)
    with pytest.raises(AlertError) as info:
        send(config, [mail])
    assert "login as 'ita-audit@example.go.th' refused" in str(info.value)
    assert PASSWORD not in str(info.value)
    monkeypatch.setenv("ITA_AUDIT_SMTP_PASSWORD", "ไม่บอก")
    with pytest.raises(AlertError, match="non-ASCII") as info:
        send(config, [mail])
    assert "ไม่บอก" not in str(info.value)
    monkeypatch.delenv("ITA_AUDIT_SMTP_PASSWORD")
    with pytest.raises(AlertError, match="ITA_AUDIT_SMTP_PASSWORD is empty"):
        send(config, [mail])


def test_untrusted_certificate_is_refused(smtp_server: MailServer,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ITA_AUDIT_SMTP_PASSWORD", PASSWORD)
    config = smtp_config(smtp_server, ca_file=None)
    with pytest.raises(AlertError, match="TLS failed"):
        send(config, [message(_dummy_digest(), config)])


def _dummy_digest():  # type: ignore[no-untyped-def]
    from ita_audit.alerts import Digest

    return Digest(to=WEBMASTER, reports=[], subject="ทดสอบ / test", body="ทดสอบ\n")


def test_incomplete_run_never_raises_a_missing_alert(store: Store) -> None:
    add_run(store, SITE, dt.date(2026, 11, 2), ALL_OK)
    later = add_run(store, SITE, dt.date(2026, 11, 9), dict(ALL_OK, **{"1.4": "missing"}),
                    status="incomplete", reason="time limit reached")
    report = site_report(store, later)
    assert report.diff is not None and report.diff.newly_missing == []
    digest = build_digest(WEBMASTER, [report], DASHBOARD)
    assert "ไม่พบข้อมูล (ใหม่)" not in digest.body and "Newly missing" not in digest.body
    assert "this run is incomplete, so no category is called missing" in digest.body
    # the next complete run that finds it missing raises it (judged against the last
    # complete run, even though the incomplete run in between said the same)
    complete = add_run(store, SITE, dt.date(2026, 11, 16), dict(ALL_OK, **{"1.4": "missing"}))
    body = build_digest(WEBMASTER, [site_report(store, complete)], DASHBOARD).body
    assert section(body, "Newly missing:") == [
        "1.4 Anti-corruption plan and conflict-of-interest risk analysis"]
    # … and once: complete (missing) → incomplete (unknown) → complete (missing) is not new
    add_run(store, SITE, dt.date(2026, 11, 23), dict(ALL_OK, **{"1.4": "unknown"}),
            status="incomplete", reason="blocked")
    again = add_run(store, SITE, dt.date(2026, 11, 30), dict(ALL_OK, **{"1.4": "missing"}))
    report = site_report(store, again)
    assert report.diff is not None and report.diff.newly_missing == []
    assert [c.category for c in report.diff.other] == ["1.4"]      # unknown → missing


def test_no_mail_when_nothing_changed_unless_configured(store: Store) -> None:
    add_run(store, SITE, dt.date(2026, 11, 2), ALL_OK)
    same = add_run(store, SITE, dt.date(2026, 11, 9), ALL_OK)
    owners = {SITE: [WEBMASTER]}
    mails, quiet = digests(store, [same], owners, DASHBOARD, AlertsConfig())
    assert mails == [] and quiet == [WEBMASTER]
    mails, quiet = digests(store, [same], owners, DASHBOARD,
                           AlertsConfig(send_when_unchanged=True))
    assert [m.to for m in mails] == [WEBMASTER] and not mails[0].changed
    assert "ไม่มีการเปลี่ยนแปลง" in mails[0].subject and "no changes" in mails[0].subject
    assert "No changes" in mails[0].body


def test_failed_run_is_told_once(store: Store) -> None:
    add_run(store, SITE, dt.date(2026, 11, 2), ALL_OK)
    down = add_run(store, SITE, dt.date(2026, 11, 9), {}, status="failed",
                   reason="cannot reach https://esa.example.go.th/: connection refused")
    still = add_run(store, SITE, dt.date(2026, 11, 16), {}, status="failed",
                    reason="cannot reach https://esa.example.go.th/: connection refused")
    owners = {SITE: [WEBMASTER]}
    (mail,), _ = digests(store, [down], owners, None, AlertsConfig())
    assert "ตรวจเว็บไซต์ไม่สำเร็จ" in mail.body and "connection refused" in mail.body
    assert digests(store, [still], owners, None, AlertsConfig())[0] == []


def test_one_digest_per_webmaster_for_all_their_sites(store: Store) -> None:
    other = "https://school.example.go.th/"
    first = add_run(store, SITE, dt.date(2026, 11, 2), dict(ALL_OK, **{"1.2": "stale"}))
    second = add_run(store, other, dt.date(2026, 11, 2), ALL_OK, broken=[other + "x.pdf"])
    owners = {SITE: [WEBMASTER, "boss@example.go.th"], other: [WEBMASTER]}
    mails, _ = digests(store, [first, second], owners, DASHBOARD, AlertsConfig())
    by_to = {m.to: m for m in mails}
    assert set(by_to) == {WEBMASTER, "boss@example.go.th"}
    assert "2 เว็บไซต์" in by_to[WEBMASTER].subject and "2 sites" in by_to[WEBMASTER].subject
    body = by_to[WEBMASTER].body
    assert section(body.split("\nEnglish\n")[1], "Newly stale:")[0].startswith(
        "1.2 Policy and strategy")
    assert f"{DASHBOARD}?view=site&site=2" in body and other + "x.pdf" in body
    assert other not in by_to["boss@example.go.th"].body


def test_config_errors_name_file_and_line(tmp_path: Path) -> None:
    from rules.yamlsource import SourceError

    cases = [
        ("smtp:\n  host: mail.go.th\n  from: a@b.go.th\n  port: 99999\n", 4, "'port' must be"),
        ("smtp:\n  host: mail.go.th\n  from: nobody\n", 3, "'from' is not an e-mail"),
        ("smtp:\n  host: mail.go.th\n  from: a@b.go.th\n  username: u\n  starttls: false\n", 5,
         "needs 'starttls: true'"),
        ("smtp:\n  host: mail.go.th\n  from: a@b.go.th\n  password: hunter2\n", 4,
         "unknown key 'password'"),
        ("smtp:\n  from: a@b.go.th\n", 2, "missing required key 'host'"),
        ("dashboard_url: localhost:8501\n", 1, "'dashboard_url' must be an http(s) URL"),
        ("retention:\n  keep_days: 0\n", 2, "'keep_days' must be at least 1"),
        ("retention:\n  detail_runs: many\n", 2, "'detail_runs' must be int"),
        ("alerts:\n  send_when_unchanged: sometimes\n", 2, "must be bool"),
        ("alerts: [1]\n", 1, "alerts must be a mapping"),
        ("retension:\n  keep_days: 1\n", 1, "unknown key 'retension'"),
    ]
    for text, line, words in cases:
        path = tmp_path / "ita-audit.yaml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(SourceError) as info:
            load_config(path)
        assert str(info.value).startswith(f"{path}:{line}: "), (text, str(info.value))
        assert words in str(info.value), (text, str(info.value))
    path.write_text("retention:\n  keep_days: null\n  detail_runs: 3\n", encoding="utf-8")
    config = load_config(path)
    assert (config.retention.keep_days, config.retention.detail_runs) == (None, 3)
    assert config.smtp is None and not config.alerts.send_when_unchanged


def test_config_error_is_one_line_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "ita-audit.yaml"
    path.write_text("smtp:\n  host: mail.go.th\n  from: a@b.go.th\n  port: 99999\n",
                    encoding="utf-8")
    result = run_cli("prune", "--db", str(tmp_path / "x.db"), "--config", str(path),
                     cwd=tmp_path)
    assert result.code == 2
    assert result.err.strip().splitlines() == [
        f"ita-audit: error: {path}:4: smtp: 'port' must be 1–65535, got 99999"]
