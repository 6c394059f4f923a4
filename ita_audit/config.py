"""The configuration file ``ita-audit.yaml``: mail, dashboard link, retention, alerts.

::

    smtp:
      host: mail.example.go.th
      port: 587
      starttls: true
      username: ita-audit@example.go.th
      from: "ita-audit <ita-audit@example.go.th>"
      # password_env: ITA_AUDIT_SMTP_PASSWORD   (the default)
      # ca_file: /etc/ssl/certs/office-ca.pem  (trust an internal CA)
    dashboard_url: https://ita.example.go.th/
    retention:
      keep_days: 730        # runs older than this are deleted (null: keep forever)
      detail_runs: 10       # page-level rows only for the newest N runs per site (null: all)
    alerts:
      send_when_unchanged: false

Secrets are never in the file: the SMTP password is read from the environment
variable named by ``password_env`` when mail is sent, and never printed.
Errors are :class:`rules.yamlsource.SourceError` (``FILE:LINE: message``).
"""

from __future__ import annotations

import os
import re
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from ita_audit.limits import DETAIL_RUNS_MAX, KEEP_DAYS_MAX, SMTP_TIMEOUT_MAX
from rules.yamlsource import Fields, SourceError, load_yaml

DEFAULT_CONFIG = "ita-audit.yaml"
PASSWORD_ENV = "ITA_AUDIT_SMTP_PASSWORD"
EMAIL = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$")


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    from_addr: str
    port: int = 587
    starttls: bool = True
    username: str | None = None
    password_env: str = PASSWORD_ENV
    ca_file: str | None = None
    timeout_s: int = 30

    def password(self) -> str | None:
        """The password from the environment (never stored, never printed)."""
        return os.environ.get(self.password_env) or None


@dataclass(frozen=True)
class RetentionPolicy:
    keep_days: int | None = 730     # None: keep every run
    detail_runs: int | None = 10    # None: keep page-level detail of every run


@dataclass(frozen=True)
class AlertsConfig:
    send_when_unchanged: bool = False


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    smtp: SmtpConfig | None = None
    dashboard_url: str | None = None
    retention: RetentionPolicy = field(default_factory=RetentionPolicy)
    alerts: AlertsConfig = field(default_factory=AlertsConfig)


def _optional_positive(f: Fields, key: str, default: int | None,
                       maximum: int) -> int | None:
    if key not in f.data:
        return default
    if f.data[key] is None:
        return None
    return f.number(key, int, minimum=1, maximum=maximum,
                    low="must be at least 1 (or null for no limit)")


def _smtp(f: Fields) -> SmtpConfig:
    f.check_keys({"host", "port", "starttls", "username", "from", "password_env", "ca_file",
                  "timeout_s"})
    host = f.get("host", str).strip()
    if not host or "/" in host or " " in host:
        raise f.error(f"smtp: 'host' must be a host name, got {host!r}", key="host")
    port = f.get("port", int, 587)
    if not 1 <= port <= 65535:
        raise f.error(f"smtp: 'port' must be 1–65535, got {port}", key="port")
    sender = f.get("from", str).strip()
    address = sender.rsplit("<", 1)[-1].rstrip(">").strip()
    if not EMAIL.match(address):
        raise f.error(f"smtp: 'from' is not an e-mail address: {sender!r}", key="from")
    starttls = f.get("starttls", bool, True)
    username = f.get("username", str, None)
    if username is not None and not username.strip():
        raise f.error("smtp: 'username' is empty (leave it out for a server without login)",
                      key="username")
    if username and not starttls:
        raise f.error("smtp: a 'username' needs 'starttls: true' (the password is never "
                      "sent unencrypted)", key="starttls")
    password_env = f.get("password_env", str, PASSWORD_ENV)
    if not password_env.replace("_", "").isalnum():
        raise f.error(f"smtp: 'password_env' must be an environment variable name, got "
                      f"{password_env!r}", key="password_env")
    ca_file = f.get("ca_file", str, None)
    if ca_file is not None:
        ca_path = Path(ca_file).expanduser()
        if not ca_path.is_absolute() and f.path:
            ca_path = Path(f.path).parent / ca_path
        if not ca_path.is_file():
            raise f.error(f"smtp: 'ca_file' not found: {ca_path}", key="ca_file")
        ca_file = str(ca_path)
    timeout = f.number("timeout_s", int, 30, minimum=1, maximum=SMTP_TIMEOUT_MAX)
    return SmtpConfig(host=host, port=port, starttls=starttls, username=username,
                      from_addr=sender, password_env=password_env, ca_file=ca_file,
                      timeout_s=timeout)


def load_config(path: Path | str | None) -> Config:
    """Read and validate the configuration file.

    ``path`` None means ``ita-audit.yaml`` in the working folder if it exists
    (built-in defaults otherwise); an explicit path must exist.
    """
    if path is None:
        path = Path(DEFAULT_CONFIG)
        if not path.exists():
            return Config()
    path = Path(path)
    data = load_yaml(path)
    if data is None:   # an empty file: every default
        return Config(path=path)
    top = Fields(path, data, "config")
    top.check_keys({"smtp", "dashboard_url", "retention", "alerts"})
    smtp = _smtp(top.child("smtp", "smtp")) if top.data.get("smtp") is not None else None
    dashboard_url = top.get("dashboard_url", str, None)
    if dashboard_url is not None:
        parts = urllib.parse.urlsplit(dashboard_url.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise top.error(f"config: 'dashboard_url' must be an http(s) URL, got "
                            f"{dashboard_url!r}", key="dashboard_url")
        dashboard_url = dashboard_url.strip()
    retention = RetentionPolicy()
    if top.data.get("retention") is not None:
        r = top.child("retention", "retention")
        r.check_keys({"keep_days", "detail_runs"})
        retention = RetentionPolicy(
            keep_days=_optional_positive(r, "keep_days", 730, KEEP_DAYS_MAX),
            detail_runs=_optional_positive(r, "detail_runs", 10, DETAIL_RUNS_MAX))
    alerts = AlertsConfig()
    if top.data.get("alerts") is not None:
        a = top.child("alerts", "alerts")
        a.check_keys({"send_when_unchanged"})
        alerts = AlertsConfig(send_when_unchanged=a.get("send_when_unchanged", bool, False))
    return Config(path=path, smtp=smtp, dashboard_url=dashboard_url, retention=retention,
                  alerts=alerts)


__all__ = ["AlertsConfig", "Config", "RetentionPolicy", "SmtpConfig", "SourceError",
           "load_config"]
