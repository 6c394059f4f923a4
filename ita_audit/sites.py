"""The sites file: many sites, each with its rule set, webmaster and politeness limits.

Format (documented in ``docs/operations.md``)::

    defaults:                      # optional; applies to every site
      ruleset: seed
      limits: {delay_s: 1.0, max_pages: 800}
    sites:
      - name: สพป.ชลบุรี เขต 2
        url: https://www.chon2.go.th/
        ruleset: oit-2569          # bundled name, or a YAML path relative to this file
        webmaster: webmaster@chon2.go.th      # or a list of addresses
        ignore_robots: false       # true only for your own office's site
        limits: {max_pages: 300, delay_s: 2}

Every mistake is a :class:`rules.yamlsource.SourceError` (``FILE:LINE: message``).
Limits are layered: built-in defaults, then ``defaults.limits`` in the file,
then the ``audit`` command's limit options, then the site's own ``limits``
(the most specific wins).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crawler.settings import CrawlLimits
from ita_audit.audit import SiteJob
from ita_audit.config import EMAIL
from ita_audit.inputs import UserError, check_url
from ita_audit.labels import printable
from ita_audit.limits import CRAWL_LIMITS
from rules.ruleset import RuleSet, load_ruleset
from rules.yamlsource import Fields, SourceError, load_yaml

# key in the file -> (CrawlLimits field, type, minimum, maximum): the same bounds as the
# `audit` command's options (ita_audit/limits.py)
LIMIT_KEYS: dict[str, tuple[str, type, float, float]] = CRAWL_LIMITS


@dataclass
class SiteEntry:
    url: str
    name: str
    ruleset: RuleSet
    webmasters: list[str]
    limits: dict[str, Any] = field(default_factory=dict)   # CrawlLimits overrides
    line: int | None = None

    def job(self, base: CrawlLimits) -> SiteJob:
        return SiteJob(self.url, self.name, apply_limits(base, self.limits), self.ruleset)


@dataclass
class SitesFile:
    path: Path
    sites: list[SiteEntry]
    default_limits: dict[str, Any] = field(default_factory=dict)

    def jobs(self, cli_limits: dict[str, Any] | None = None) -> list[SiteJob]:
        """One job per site; ``cli_limits`` (the command's limit options) override the
        file's defaults, the site's own limits override both."""
        base = apply_limits(apply_limits(CrawlLimits(), self.default_limits), cli_limits or {})
        return [site.job(base) for site in self.sites]

    def by_url(self) -> dict[str, SiteEntry]:
        return {s.url: s for s in self.sites}


def apply_limits(base: CrawlLimits, overrides: dict[str, Any]) -> CrawlLimits:
    values = dict(overrides)
    if "delay_s" in values and "autothrottle" not in values:
        values["autothrottle"] = values["delay_s"] > 0   # as `audit --delay`: 0 disables it
    return dataclasses.replace(base, **values)


def _limits(parent: Fields, what: str) -> dict[str, Any]:
    """Read ``limits`` (and ``ignore_robots``) of a site or of the defaults."""
    out: dict[str, Any] = {}
    if "limits" in parent.data:
        limits = parent.child("limits", f"{what}: limits")
        limits.check_keys(set(LIMIT_KEYS))
        for key in limits.keys():
            name, kind, minimum, maximum = LIMIT_KEYS[key]
            value = (limits.get(key, kind) if kind is bool else
                     limits.number(key, kind, minimum=minimum, maximum=maximum))
            out[name] = int(value * 1024 * 1024) if key == "max_mb" else value
    if "ignore_robots" in parent.data:
        out["obey_robots"] = not parent.get("ignore_robots", bool)
    return out


def _webmasters(entry: Fields, what: str) -> list[str]:
    if "webmaster" not in entry.data:
        return []
    raw = entry.data["webmaster"]
    values = [raw] if isinstance(raw, str) else raw
    if not isinstance(values, list) or not values:
        raise entry.error(f"{what}: 'webmaster' must be an e-mail address or a list of them, "
                          f"got {raw!r}", key="webmaster")
    for value in values:
        if not isinstance(value, str) or not EMAIL.match(value.strip()):
            raise entry.error(f"{what}: 'webmaster': not an e-mail address: {value!r}",
                              key="webmaster")
    return [v.strip() for v in values]


class _RuleSets:
    """Loads each rule set once; names are bundled rule sets, paths are relative to
    the sites file; a rule set's own errors keep their own FILE:LINE."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.loaded: dict[str, RuleSet] = {}

    def get(self, value: str, fields: Fields, key: str, what: str) -> RuleSet:
        ref = value
        if "/" in value or value.endswith((".yaml", ".yml")):
            path = Path(value).expanduser()
            ref = str(path if path.is_absolute() else self.base / path)
            # A sites file names rule sets beside it, nothing else: a path that leads
            # out of its folder (../, an absolute path, a symbolic link) is refused
            # before the file is opened, so no error can quote another file's lines.
            folder = self.base.resolve()
            if not Path(ref).resolve().is_relative_to(folder):
                raise fields.error(f"{what}: rule set file {value!r} is outside the sites "
                                   f"file's folder {folder}; put it there (or use a "
                                   "bundled rule set's name)", key=key)
            if not Path(ref).exists():
                raise fields.error(f"{what}: rule set file not found: {ref}", key=key)
        if ref not in self.loaded:
            try:
                self.loaded[ref] = load_ruleset(ref)
            except SourceError as exc:
                if exc.path == ref and exc.line is None:   # unknown bundled name
                    raise fields.error(f"{what}: {exc.message}: {value!r}", key=key) from None
                raise
        return self.loaded[ref]


def load_sites(path: Path | str, default_ruleset: str = "seed") -> SitesFile:
    """Read and validate a sites file; raises :class:`SourceError` (``FILE:LINE: …``).

    ``default_ruleset`` (the command's ``--ruleset``) is used for sites that name
    no rule set when the file has no ``defaults: ruleset``."""
    path = Path(path)
    data = load_yaml(path)
    top = Fields(path, data, "sites file")
    top.check_keys({"defaults", "sites"})
    rulesets = _RuleSets(path.parent)
    file_default: RuleSet | None = None
    default_limits: dict[str, Any] = {}
    if "defaults" in top.data:
        defaults = top.child("defaults", "defaults")
        defaults.check_keys({"ruleset", "limits", "ignore_robots"})
        if "ruleset" in defaults.data:
            file_default = rulesets.get(defaults.get("ruleset", str), defaults, "ruleset",
                                        "defaults")
        default_limits = _limits(defaults, "defaults")
    raw_sites = top.get("sites", list)
    if not raw_sites:
        raise top.error("sites file: 'sites' is empty; list at least one site", key="sites")
    sites: list[SiteEntry] = []
    seen: dict[str, int | None] = {}
    for index, raw in enumerate(raw_sites, start=1):
        what = f"site {index}"
        entry = Fields(path, raw, what, top.key_line("sites"))
        entry.check_keys({"name", "url", "ruleset", "webmaster", "ignore_robots", "limits"})
        try:
            url = check_url(entry.get("url", str))
        except UserError as exc:
            raise entry.error(f"{what}: {exc}", key="url") from None
        if url in seen:
            raise entry.error(f"{what}: {url} is listed twice (first at line {seen[url]})",
                              key="url")
        seen[url] = entry.key_line("url")
        # one line (e-mail subjects), no control characters (memos, spreadsheets)
        name = " ".join(printable(entry.get("name", str, "")).split())
        if "ruleset" in entry.data:
            ruleset = rulesets.get(entry.get("ruleset", str), entry, "ruleset", what)
        elif file_default is not None:
            ruleset = file_default
        else:   # the command's --ruleset (a name, or a path relative to the working folder)
            if default_ruleset not in rulesets.loaded:
                rulesets.loaded[default_ruleset] = load_ruleset(default_ruleset)
            ruleset = rulesets.loaded[default_ruleset]
        sites.append(SiteEntry(url=url, name=name, ruleset=ruleset,
                               webmasters=_webmasters(entry, what),
                               limits=_limits(entry, what), line=entry.line))
    return SitesFile(path=path, sites=sites, default_limits=default_limits)
