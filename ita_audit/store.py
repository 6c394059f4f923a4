"""The audit store: sites, runs, pages and documents, links, verdicts and evidence.

SQLAlchemy Core (not the ORM): one table definition and one set of queries
that run on SQLite today (the embedded default) and on PostgreSQL when audits
move to the distributed engine; Core keeps the SQL visible and the rows plain.
JSON values are stored as text so both databases treat them alike.

Rules of the store:

* A run is created ``incomplete`` ("in progress") and committed before the
  crawl starts; it becomes ``complete`` only in the final transaction that
  writes its pages, links, verdicts and evidence.  A crash or a kill leaves it
  ``incomplete``; earlier runs are never modified.
* SQLite runs in WAL mode so the dashboard can read while a crawl writes.
* The schema is versioned (table ``meta``); older versions are upgraded with
  ``ita-audit db upgrade``, never silently, and unknown layouts are refused.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

SCHEMA_VERSION = 3
# broken and dead link targets are in broken_links / the verdicts' claimed items
STORED_KINDS = ("page", "document", "external")

metadata = sa.MetaData()

meta_table = sa.Table(
    "meta", metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
sites = sa.Table(
    "sites", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("url", sa.Text, nullable=False, unique=True),
    sa.Column("name", sa.Text, nullable=False, default=""),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)
runs = sa.Table(
    "runs", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("site_id", sa.Integer, sa.ForeignKey("sites.id"), nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False),  # incomplete | complete | failed
    sa.Column("reason", sa.Text, nullable=False, default=""),
    sa.Column("as_of", sa.Date, nullable=False),
    sa.Column("ruleset", sa.String(64), nullable=False),
    sa.Column("trigger", sa.String(16), nullable=False, default="manual"),  # v2
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    sa.Column("pages", sa.Integer, nullable=False, default=0),
    sa.Column("documents", sa.Integer, nullable=False, default=0),
    sa.Column("external_links", sa.Integer, nullable=False, default=0),
    sa.Column("broken_links", sa.Integer, nullable=False, default=0),
    sa.Column("errors", sa.Integer, nullable=False, default=0),
    sa.Column("stats_json", sa.Text, nullable=False, default="{}"),
)
documents = sa.Table(
    "documents", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False, index=True),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),  # page | document | external
    sa.Column("http_status", sa.Integer),
    sa.Column("content_type", sa.Text, nullable=False, default=""),
    sa.Column("content_hash", sa.String(64), nullable=False, default=""),
    sa.Column("title", sa.Text, nullable=False, default=""),
    sa.Column("text_length", sa.Integer, nullable=False, default=0),
    sa.Column("text_layer", sa.String(8), nullable=False, default="n/a"),
    sa.Column("size_bytes", sa.Integer, nullable=False, default=0),
    sa.Column("last_modified", sa.Date),
    sa.Column("dates_json", sa.Text, nullable=False, default="[]"),
)
links = sa.Table(
    "links", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False, index=True),
    sa.Column("source_url", sa.Text, nullable=False),
    sa.Column("target_url", sa.Text, nullable=False),
    sa.Column("anchor_text", sa.Text, nullable=False, default=""),
    sa.Column("row_text", sa.Text, nullable=False, default=""),
    sa.Column("heading", sa.Text, nullable=False, default=""),
    sa.Column("external", sa.Boolean, nullable=False, default=False),
)
broken_links = sa.Table(
    "broken_links", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False, index=True),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("status", sa.Integer),
    sa.Column("error", sa.Text, nullable=False, default=""),
    sa.Column("found_on_json", sa.Text, nullable=False, default="[]"),
)
verdicts = sa.Table(
    "verdicts", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False, index=True),
    sa.Column("category", sa.String(16), nullable=False),
    sa.Column("position", sa.Integer, nullable=False, default=0),
    sa.Column("title_th", sa.Text, nullable=False),
    sa.Column("title_en", sa.Text, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("latest_date", sa.Date),
    sa.Column("date_source", sa.String(32)),
    sa.Column("reason_th", sa.Text, nullable=False, default=""),
    sa.Column("reason_en", sa.Text, nullable=False, default=""),
    sa.Column("flags_json", sa.Text, nullable=False, default="[]"),
)
evidence = sa.Table(
    "evidence", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False, index=True),
    sa.Column("category", sa.String(16), nullable=False),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("title", sa.Text, nullable=False, default=""),
    sa.Column("link_text", sa.Text, nullable=False, default=""),
    sa.Column("date", sa.Date),
    sa.Column("date_source", sa.String(32)),
    sa.Column("date_text", sa.Text, nullable=False, default=""),
    sa.Column("matched_json", sa.Text, nullable=False, default="[]"),
    sa.Column("score", sa.Float, nullable=False, default=0.0),
    sa.Column("concept", sa.String(64), nullable=False, default=""),
)
# v3: items that name a category but hold nothing (placeholders, broken and dead links)
claimed = sa.Table(
    "claimed", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False, index=True),
    sa.Column("category", sa.String(16), nullable=False),
    sa.Column("url", sa.Text, nullable=False, default=""),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("label", sa.Text, nullable=False, default=""),
    sa.Column("found_on", sa.Text, nullable=False, default=""),
    sa.Column("why_th", sa.Text, nullable=False, default=""),
    sa.Column("why_en", sa.Text, nullable=False, default=""),
    sa.Column("matched_json", sa.Text, nullable=False, default="[]"),
)
sa.Index("ix_runs_site_started", runs.c.site_id, runs.c.started_at)
sa.Index("ix_verdicts_run_category", verdicts.c.run_id, verdicts.c.category)
sa.Index("ix_evidence_run_category", evidence.c.run_id, evidence.c.category)


class StoreError(Exception):
    """A database problem the user can fix; the message is one line."""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


SUPPORTED_DATABASES = ("sqlite", "postgresql")


def database_url(db: str | Path) -> str:
    text = str(db)
    return text if "://" in text else f"sqlite:///{Path(text).expanduser()}"


def safe_location(db: str | Path) -> str:
    """The database as it may appear in messages and logs: never its password."""
    text = str(db)
    if "://" not in text:
        return text
    try:
        return sa.engine.make_url(text).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return text.split("://", 1)[0] + "://…"


def _in_memory(url: str) -> bool:
    """A SQLite URL whose database lives only as long as the process."""
    try:
        parsed = sa.engine.make_url(url)
    except sa.exc.ArgumentError:
        return False
    if parsed.get_backend_name() != "sqlite":
        return False
    database = parsed.database or ""
    return (database in ("", ":memory:") or database.startswith("file::memory:")
            or (database.startswith("file:") and "mode=memory" in database)
            or parsed.query.get("mode") == "memory")


def check_keeps(db: str | Path) -> None:
    """Refuse a database that would keep nothing: none given, or an in-memory one
    (``:memory:``, ``sqlite://``, ``sqlite:///:memory:`` …)."""
    if not str(db).strip():
        raise StoreError("no database given (an empty --db); give a file (e.g. "
                         "--db ita-audit.db) or a postgresql:// URL")
    if str(db).strip() == ":memory:" or _in_memory(database_url(db)):   # no password here
        raise StoreError(f"{db}: an in-memory database keeps nothing; give a file "
                         "(e.g. --db ita-audit.db) or a postgresql:// URL")


def _check_sqlite_file(path: Path, location: str, create: bool, write: bool) -> None:
    """One clear line for a SQLite file that cannot be used, before SQLite says it in
    several (a folder, a missing folder, a read-only file or folder)."""
    if path.is_dir():
        raise StoreError(f"{location}: is a folder, not a database file")
    if not path.exists():
        if not create:
            raise StoreError(f"{location}: database not found")
        if not path.parent.is_dir():
            raise StoreError(f"{location}: folder {path.parent} does not exist")
        try:
            path.touch()
            path.unlink()
        except OSError as exc:
            raise StoreError(f"{location}: cannot create database ({exc.strerror})") from None
        return
    if write and not os.access(path, os.W_OK):
        raise StoreError(f"{location}: the database file is read-only; nothing could be "
                         "stored (make it writable, or give another --db)")
    if write and not os.access(path.parent, os.W_OK | os.X_OK):
        raise StoreError(f"{location}: folder {path.parent} is read-only; SQLite writes its "
                         "journal beside the database (make it writable, or give another --db)")


# Migrations: version N -> N+1, each one transaction.
def _migrate_1_to_2(conn: Connection) -> None:
    conn.execute(sa.text("ALTER TABLE runs ADD COLUMN trigger VARCHAR(16) NOT NULL "
                         "DEFAULT 'manual'"))
    conn.execute(sa.text("CREATE INDEX IF NOT EXISTS ix_runs_site_started "
                         "ON runs (site_id, started_at)"))


def _migrate_2_to_3(conn: Connection) -> None:
    metadata.create_all(conn, tables=[claimed])


MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _migrate_1_to_2, 2: _migrate_2_to_3}


class Store:
    def __init__(self, engine: Engine, location: str) -> None:
        self.engine = engine
        self.location = location

    # -- opening -------------------------------------------------------
    @classmethod
    def open(cls, db: str | Path, create: bool = True, upgrade: bool = False,
             write: bool | None = None) -> Store:
        """Open (and, for a new database, create) the store.

        Raises :class:`StoreError` for an unwritable path, an in-memory database
        (it keeps nothing), a file that is not an ita-audit database, or a schema
        that needs ``ita-audit db upgrade``.  ``write`` (default: ``create`` or
        ``upgrade``) checks that the database takes writes — before a crawl, not
        when its results are stored.
        """
        write = (create or upgrade) if write is None else write
        url = database_url(db)
        location = safe_location(db)
        check_keeps(db)
        if "://" in str(db):
            try:
                backend = sa.engine.make_url(url).get_backend_name()
            except sa.exc.ArgumentError:
                raise StoreError(f"{location}: not a database URL") from None
            if backend not in SUPPORTED_DATABASES:
                raise StoreError(f"{location}: unsupported database "
                                 f"(use a SQLite file or a postgresql:// URL)")
        if url.startswith("sqlite:///"):
            _check_sqlite_file(Path(url.removeprefix("sqlite:///").split("?", 1)[0]),
                               location, create, write)
        engine = sa.create_engine(url, future=True)
        if engine.dialect.name == "sqlite":
            sa.event.listen(engine, "connect", _sqlite_pragmas)
        store = cls(engine, location)
        try:
            store._prepare(create=create, upgrade=upgrade, write=write)
        except sa.exc.DatabaseError as exc:
            engine.dispose()
            detail = str(exc.orig).splitlines()[0] if exc.orig else str(exc).splitlines()[0]
            raise StoreError(f"{location}: not a usable ita-audit database ({detail})") from None
        except StoreError:
            engine.dispose()
            raise
        return store

    def schema_version(self, conn: Connection) -> int | None:
        inspector = sa.inspect(conn)
        tables = set(inspector.get_table_names())
        if not tables:
            return None
        if "meta" not in tables:
            raise StoreError(f"{self.location}: not an ita-audit database "
                             f"(it has tables {', '.join(sorted(tables)[:5])})")
        row = conn.execute(sa.select(meta_table.c.value)
                           .where(meta_table.c.key == "schema_version")).first()
        if row is None:
            raise StoreError(f"{self.location}: ita-audit database without a schema version")
        return int(row[0])

    def _prepare(self, create: bool, upgrade: bool, write: bool = False) -> None:
        with self.engine.begin() as conn:
            version = self.schema_version(conn)
            if version is None:
                if not create:
                    raise StoreError(f"{self.location}: empty database")
                metadata.create_all(conn)
                conn.execute(meta_table.insert().values(key="schema_version",
                                                        value=str(SCHEMA_VERSION)))
                version = SCHEMA_VERSION
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.location}: database schema version {version} is newer than this "
                    f"ita-audit supports ({SCHEMA_VERSION}); upgrade ita-audit"
                )
            if version < SCHEMA_VERSION and not upgrade:
                raise StoreError(
                    f"{self.location}: database schema version {version} is older than "
                    f"{SCHEMA_VERSION}; run `ita-audit db upgrade --db {self.location}` first"
                )
        if write:
            self._check_writes()
        if version < SCHEMA_VERSION:
            self.upgrade_from(version)
        self._enable_wal()

    def _check_writes(self) -> None:
        """Write something that changes nothing, so a database that refuses writes
        (read-only file, read-only PostgreSQL role or replica) is found now."""
        try:
            with self.engine.begin() as conn:
                conn.execute(meta_table.update().where(meta_table.c.key == "schema_version")
                             .values(value=meta_table.c.value))
        except sa.exc.DatabaseError as exc:
            detail = str(exc.orig).splitlines()[0] if exc.orig else str(exc).splitlines()[0]
            raise StoreError(f"{self.location}: the database does not take writes ({detail}); "
                             "nothing could be stored") from None

    def _enable_wal(self) -> None:
        """WAL (persistent per file) lets the dashboard read while a crawl writes;
        set only once the file is known to be an ita-audit database."""
        if self.engine.dialect.name == "sqlite":
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")

    def upgrade_from(self, version: int) -> None:
        while version < SCHEMA_VERSION:
            step = MIGRATIONS.get(version)
            if step is None:
                raise StoreError(f"{self.location}: no migration from schema version {version}")
            with self.engine.begin() as conn:
                step(conn)
                version += 1
                conn.execute(meta_table.update().where(meta_table.c.key == "schema_version")
                             .values(value=str(version)))

    def close(self) -> None:
        self.engine.dispose()

    # -- writing -------------------------------------------------------
    def site_id(self, conn: Connection, url: str, name: str = "") -> int:
        row = conn.execute(sa.select(sites.c.id, sites.c.name).where(sites.c.url == url)).first()
        if row:
            if name and name != row.name:
                conn.execute(sites.update().where(sites.c.id == row.id).values(name=name))
            return int(row.id)
        result = conn.execute(sites.insert().values(url=url, name=name, created_at=_now()))
        return int(result.inserted_primary_key[0])

    def begin_run(self, site_url: str, as_of: dt.date, ruleset: str, name: str = "",
                  trigger: str = "manual", started_at: dt.datetime | None = None) -> int:
        """Create the run, committed as ``incomplete`` before any crawling starts.

        ``started_at`` (default: now) lets ``schedule run --now`` record the time it
        pretends it is, so the schedule's due check stays consistent."""
        with self.engine.begin() as conn:
            site = self.site_id(conn, site_url, name)
            result = conn.execute(runs.insert().values(
                site_id=site, status="incomplete", reason="in progress", as_of=as_of,
                ruleset=ruleset, trigger=trigger, started_at=started_at or _now(), pages=0,
                documents=0,
                external_links=0, broken_links=0, errors=0, stats_json="{}",
            ))
            return int(result.inserted_primary_key[0])

    def finish_run(self, run_id: int, result: Any, run_verdicts: Iterable[Any]) -> None:
        """Write a run's crawl result and verdicts in one transaction.

        ``result`` is a :class:`crawler.collect.CrawlResult`; ``run_verdicts``
        :class:`rules.verdicts.Verdict` objects.  The run becomes ``complete``
        only here, when the crawl itself was complete.
        """
        stats = dict(result.stats)
        with self.engine.begin() as conn:
            doc_rows = [{
                "run_id": run_id, "url": r.url, "kind": r.kind, "http_status": r.http_status,
                "content_type": r.content_type, "content_hash": r.content_hash,
                "title": r.title, "text_length": len(r.body_text), "text_layer": r.text_layer,
                "size_bytes": r.size_bytes, "last_modified": r.last_modified,
                "dates_json": json.dumps([{"start": d.start.isoformat(), "end": d.end.isoformat(),
                                           "source": d.source, "text": d.text, "kind": d.kind}
                                          for d in r.dates], ensure_ascii=False),
            } for r in result.records if r.kind in STORED_KINDS]
            if doc_rows:
                conn.execute(documents.insert(), doc_rows)
            link_rows = [{
                "run_id": run_id, "source_url": lc.source_url, "target_url": r.url,
                "anchor_text": lc.label, "row_text": lc.row_text, "heading": lc.heading,
                "external": r.kind == "external",
            } for r in result.records if r.kind in STORED_KINDS for lc in r.links_in]
            if link_rows:
                conn.execute(links.insert(), link_rows)
            broken_rows = [{
                "run_id": run_id, "url": b.url, "status": b.status, "error": b.error,
                "found_on_json": json.dumps(b.found_on, ensure_ascii=False),
            } for b in result.broken_links]
            if broken_rows:
                conn.execute(broken_links.insert(), broken_rows)
            evidence_rows = []
            claimed_rows = []
            for position, v in enumerate(run_verdicts):
                conn.execute(verdicts.insert().values(
                    run_id=run_id, category=v.category, position=position, title_th=v.title_th,
                    title_en=v.title_en, status=v.status, latest_date=v.latest_date,
                    date_source=v.date_source, reason_th=v.reason_th, reason_en=v.reason_en,
                    flags_json=json.dumps(v.flags),
                ))
                evidence_rows += [{
                    "run_id": run_id, "category": v.category, "url": e.url, "kind": e.kind,
                    "title": e.title, "link_text": e.link_text, "date": e.date,
                    "date_source": e.date_source, "date_text": e.date_text,
                    "matched_json": json.dumps(e.matched, ensure_ascii=False),
                    "score": e.score, "concept": e.concept,
                } for e in v.evidence]
                claimed_rows += [{
                    "run_id": run_id, "category": v.category, "url": c.url, "kind": c.kind,
                    "label": c.label, "found_on": c.found_on, "why_th": c.why_th,
                    "why_en": c.why_en, "matched_json": json.dumps(c.matched, ensure_ascii=False),
                } for c in getattr(v, "claimed", [])]
            if evidence_rows:
                conn.execute(evidence.insert(), evidence_rows)
            if claimed_rows:
                conn.execute(claimed.insert(), claimed_rows)
            conn.execute(runs.update().where(runs.c.id == run_id).values(
                status=result.status, reason=result.reason, finished_at=_now(),
                pages=stats.get("pages", 0), documents=stats.get("documents", 0),
                external_links=stats.get("external_links", 0),
                broken_links=stats.get("broken_links", 0), errors=stats.get("errors", 0),
                stats_json=json.dumps(stats, ensure_ascii=False, default=str),
            ))

    def fail_run(self, run_id: int, reason: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(runs.update().where(runs.c.id == run_id).values(
                status="failed", reason=reason, finished_at=_now()))

    def abandon_run(self, run_id: int, reason: str) -> None:
        """Say why a run that is still ``in progress`` stopped (Ctrl+C) — it stays
        ``incomplete`` and unfinished, as a killed run does, so a scheduled audit
        is retried; a finished run is never touched."""
        with self.engine.begin() as conn:
            conn.execute(runs.update().where(runs.c.id == run_id,
                                             runs.c.finished_at.is_(None))
                         .values(status="incomplete", reason=reason))

    # -- reading -------------------------------------------------------
    def _rows(self, query: sa.Select) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def _runs_query(self, site_url: str | None) -> sa.Select:
        query = (sa.select(runs, sites.c.url.label("site_url"), sites.c.name.label("site_name"))
                 .join(sites, sites.c.id == runs.c.site_id))
        return query.where(sites.c.url == site_url) if site_url else query

    def runs(self, site_url: str | None = None) -> list[dict[str, Any]]:
        return self._rows(self._runs_query(site_url).order_by(runs.c.id))

    def run(self, run_id: int) -> dict[str, Any] | None:
        rows = self._rows(self._runs_query(None).where(runs.c.id == run_id))
        return rows[0] if rows else None

    def latest_run(self, site_url: str | None = None, complete_only: bool = False
                   ) -> dict[str, Any] | None:
        query = self._runs_query(site_url)
        if complete_only:
            query = query.where(runs.c.status == "complete")
        rows = self._rows(query.order_by(runs.c.id.desc()).limit(1))
        return rows[0] if rows else None

    def verdicts(self, run_id: int) -> list[dict[str, Any]]:
        rows = self._rows(sa.select(verdicts).where(verdicts.c.run_id == run_id)
                          .order_by(verdicts.c.position))
        for r in rows:
            r["flags"] = json.loads(r.pop("flags_json"))
        return rows

    def evidence(self, run_id: int) -> list[dict[str, Any]]:
        rows = self._rows(sa.select(evidence).where(evidence.c.run_id == run_id)
                          .order_by(evidence.c.category, evidence.c.id))
        for r in rows:
            r["matched"] = json.loads(r.pop("matched_json"))
        return rows

    def claimed(self, run_id: int) -> list[dict[str, Any]]:
        """Items that name a category but hold nothing (placeholders, broken, dead links)."""
        rows = self._rows(sa.select(claimed).where(claimed.c.run_id == run_id)
                          .order_by(claimed.c.category, claimed.c.id))
        for r in rows:
            r["matched"] = json.loads(r.pop("matched_json"))
        return rows

    def broken(self, run_id: int) -> list[dict[str, Any]]:
        rows = self._rows(sa.select(broken_links).where(broken_links.c.run_id == run_id)
                          .order_by(broken_links.c.url))
        for r in rows:
            r["found_on"] = json.loads(r.pop("found_on_json"))
        return rows

    def documents(self, run_id: int, kind: str | None = None) -> list[dict[str, Any]]:
        query = sa.select(documents).where(documents.c.run_id == run_id)
        if kind:
            query = query.where(documents.c.kind == kind)
        return self._rows(query.order_by(documents.c.url))
