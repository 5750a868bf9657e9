"""The one database of the bot: conversations (Rasa's tracker store), the audit trail, the escalation outbox.

Configured by one variable, `TRIAGE_DATABASE_URL` (an SQLAlchemy URL, e.g.
`postgresql://triage:secret@db.clinic.local:5432/triage`). Unset, it is an SQLite file in `var/`
of the project: nothing to install. Plain SQLAlchemy 1.4 (installed with Rasa), no Rasa imports.
"""

import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url

from bot.settings import setting

ROOT = Path(__file__).resolve().parent.parent
URL_VARIABLE = "TRIAGE_DATABASE_URL"
DEFAULT_SQLITE_FILE = ROOT / "var" / "conversations.db"
CONNECT_TIMEOUT_SECONDS = 3  # a database that does not answer must not hold up a patient for long
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# What the create_all code before migrations could have made: a database without Alembic's version table
# is stamped with the last of these its tables match (the rest of the revisions then run as usual).
CREATE_ALL_REVISIONS = ("0001", "0002", "0003")
MIGRATION_LOCK_KEY = 7_311_986_244_105_432_165  # PostgreSQL advisory lock: one migration at a time

logger = logging.getLogger("triage.database")
metadata = sa.MetaData()
_migrate_lock = threading.Lock()

# Every disposition given, one row each (see clinic/audit.py). Lists are JSON text, times naive UTC.
audit_table = sa.Table(
    "triage_audit",
    metadata,
    sa.Column("id", sa.Integer, sa.Sequence("triage_audit_id_seq", optional=True), primary_key=True),
    sa.Column("audit_id", sa.String(32), nullable=False, unique=True),  # also the hand-off's reference
    sa.Column("recorded_at", sa.DateTime, nullable=False, index=True),
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("level", sa.String(32), nullable=False),
    sa.Column("red_flags", sa.Text, nullable=False),
    sa.Column("symptoms", sa.Text, nullable=False),
    sa.Column("denied", sa.Text, nullable=False),
    sa.Column("rules_fired", sa.Text, nullable=False),
    sa.Column("model_version", sa.String(64), nullable=False),
    sa.Column("lexicon_version", sa.String(32), nullable=False),
    sa.Column("handoff", sa.Text),  # JSON hand-off summary, for call_doctor_now and emergency only
    # Added with the infusion timeline (bot/timeline.py, migration 0002); NULL in rows written before it:
    sa.Column("infusion", sa.Text),  # JSON {"hours_since_start", "in_progress"}: no patient words
    sa.Column("watch_for", sa.Text),  # JSON list: what the patient was told could still come, and until when
    # Why the disposition was given in degraded mode (e.g. action_server_unavailable: the Rasa server
    # answered by itself; migration 0003), else NULL.
    sa.Column("degraded", sa.String(64)),
)

# Escalations to the clinic's webhook that are not yet delivered, and those that were (clinic/escalation.py).
outbox_table = sa.Table(
    "escalation_outbox",
    metadata,
    sa.Column("id", sa.Integer, sa.Sequence("escalation_outbox_id_seq", optional=True), primary_key=True),
    sa.Column("idempotency_key", sa.String(64), nullable=False, unique=True),
    sa.Column("conversation_id", sa.String(255), nullable=False),
    sa.Column("level", sa.String(32), nullable=False),
    sa.Column("body", sa.Text, nullable=False),  # the exact JSON posted, the same bytes on every attempt
    sa.Column("created_at", sa.DateTime, nullable=False, index=True),
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("next_attempt_at", sa.DateTime, nullable=False, index=True),
    sa.Column("delivered_at", sa.DateTime, index=True),
    sa.Column("last_error", sa.String(200)),  # a status code or an exception class: never patient text
)

# Rasa's SQLTrackerStore table, described only as far as retention needs it (Rasa creates it).
rasa_events_table = sa.Table(
    "events",
    sa.MetaData(),
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255)),
    sa.Column("type_name", sa.String(255)),
    sa.Column("timestamp", sa.Float),
)


def database_url(configured: str | None = None) -> str:
    """`TRIAGE_DATABASE_URL`, else a URL from configuration, else the SQLite file in `var/`."""
    url = setting(URL_VARIABLE) or (configured or "").strip()
    if not url:
        return f"sqlite:///{DEFAULT_SQLITE_FILE}"
    if url.startswith("postgres://"):  # the form many hosting panels print
        url = "postgresql://" + url[len("postgres://") :]
    return url


def safe_url(url: str) -> str:
    """The URL without its password, for logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<unparseable database URL>"


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """One engine per URL and process. SQLite in WAL mode, as two servers write to it at once."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":  # patient data: a folder for this user only
            Path(parsed.database).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        engine = sa.create_engine(parsed, connect_args={"timeout": 15})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    connect_args = {"connect_timeout": CONNECT_TIMEOUT_SECONDS} if parsed.get_backend_name() == "postgresql" else {}
    return sa.create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)


WAL_SWITCH_SECONDS = 15.0  # how long a new connection waits for another's lock to switch the file to WAL


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """WAL mode and a busy timeout. The switch to WAL needs the file to itself and SQLite answers it "database
    is locked" at once, without waiting, while another connection writes (two servers starting together):
    it is tried again until it holds or the file is in WAL already."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=15000")
    deadline = time.monotonic() + WAL_SWITCH_SECONDS
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            break
        except sqlite3.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    cursor.close()


def engine(url: str | None = None) -> Engine:
    return engine_for(database_url(url))


def migrate(eng: Engine) -> str | None:
    """Bring our tables to the newest revision (clinic/migrations, Alembic) and return it; Rasa creates its
    `events` table itself. A database made before migrations (by create_all, with or without the columns
    added since) is first stamped with the revision its tables match. Safe to call again, and at the same
    time from several threads or processes: one migrates at a time (a lock in the process; across
    processes PostgreSQL's advisory lock, SQLite's write lock taken first), the others then find it done."""
    _quiet_alembic()
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    head = _script(str(MIGRATIONS)).get_current_head()
    if current_revision(eng) == head:  # the usual case: one read, no lock
        return head
    with _migrate_lock, one_at_a_time(eng) as conn:
        config = _alembic_config(conn)
        current = MigrationContext.configure(conn).get_current_revision()
        if current == head:  # another thread or process was first
            return head
        made = None
        if current is None:
            made = _revision_made_before_migrations(conn)
            if made:
                command.stamp(config, made)
        command.upgrade(config, "head")
    logger.info(
        "database %s: schema from revision %s to %s", safe_url(str(eng.url)), current or made or "(empty)", head
    )
    return head


def _quiet_alembic() -> None:
    """Alembic says at INFO how it set itself up, about fifteen lines per migration: our one line says it."""
    for name in ("alembic.runtime.plugins", "alembic.runtime.migration"):
        logging.getLogger(name).setLevel(logging.WARNING)


def ours(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's include_object: our tables only (Rasa's `events` table and its indexes are Rasa's)."""
    if type_ == "table":
        return name in metadata.tables
    table = getattr(obj, "table", None)
    return table is None or table.name in metadata.tables


def schema_differences(eng: Engine) -> list:
    """What Alembic finds between the database and `metadata` (our tables): [] when they agree."""
    _quiet_alembic()
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with eng.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn, opts={"include_object": ours}), metadata)


def current_revision(eng: Engine) -> str | None:
    _quiet_alembic()
    from alembic.runtime.migration import MigrationContext

    with eng.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _alembic_config(connection=None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=2)
def _script(location: str):
    from alembic.script import ScriptDirectory

    return ScriptDirectory(location)


@contextmanager
def one_at_a_time(eng: Engine) -> Iterator[sa.engine.Connection]:
    """A connection in a transaction that only one process at a time gets: for schema changes, which two
    servers starting together would otherwise both try (migrations here, Rasa's `events` table in
    components/stores/tracker_store.py)."""
    parsed = eng.url
    if parsed.get_backend_name() == "postgresql":
        with eng.begin() as conn:
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            yield conn
        return
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        with eng.begin() as conn:
            yield conn
        return
    # SQLite: pysqlite starts no transaction before DDL; this engine does, with BEGIN IMMEDIATE, which
    # takes the write lock at once (another process waits for it, up to the busy timeout).
    locked = sa.create_engine(parsed, connect_args={"timeout": 15}, poolclass=sa.pool.NullPool)

    @sa.event.listens_for(locked, "connect")
    def _connect(dbapi_connection, record):
        _sqlite_pragmas(dbapi_connection, record)
        dbapi_connection.isolation_level = None

    @sa.event.listens_for(locked, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        with locked.begin() as conn:
            yield conn
    finally:
        locked.dispose()


def _revision_made_before_migrations(conn: sa.engine.Connection) -> str | None:
    """The revision an unversioned database's tables match (None: none of our tables yet)."""
    inspector = sa.inspect(conn)
    tables = set(inspector.get_table_names())
    script = _script(str(MIGRATIONS))
    made = None
    for name in CREATE_ALL_REVISIONS:
        module = script.get_revision(name).module
        if made is None:
            created = set(module.CREATES_TABLES)
            if not created & tables:
                return None
            if not created <= tables:
                raise RuntimeError(f"the database has only some of {sorted(created)}: not a schema this bot made")
        else:
            wanted = {(t, c) for t, columns in module.ADDS_COLUMNS.items() for c in columns}
            present = {(t, c["name"]) for t in {t for t, _ in wanted} for c in inspector.get_columns(t)}
            if not wanted & present:
                break
            if not wanted <= present:
                raise RuntimeError(
                    f"the database has only some of revision {name}'s columns: {sorted(wanted - present)}"
                )
        made = name
    return made


def utcnow() -> datetime:
    """Now in UTC, naive: how times are stored (SQLite keeps no time zone)."""
    return datetime.now(UTC).replace(tzinfo=None)
