"""The one database of the bot: conversations (Rasa's tracker store), the audit trail, the escalation outbox.

Configured by one variable, `TRIAGE_DATABASE_URL` (an SQLAlchemy URL, e.g.
`postgresql://triage:secret@db.clinic.local:5432/triage`). Unset, it is an SQLite file in `var/`
of the project: nothing to install. Plain SQLAlchemy 1.4 (installed with Rasa), no Rasa imports.
"""

import threading
import time
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

metadata = sa.MetaData()
_create_lock = threading.Lock()

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
    # Added with the infusion timeline (bot/timeline.py); NULL in rows written before it:
    sa.Column("infusion", sa.Text),  # JSON {"hours_since_start", "in_progress"}: no patient words
    sa.Column("watch_for", sa.Text),  # JSON list: what the patient was told could still come, and until when
    # Why the disposition was given in degraded mode (e.g. action_server_unavailable: the Rasa server
    # answered by itself), else NULL.
    sa.Column("degraded", sa.String(64)),
)
# Columns added to a table after its first release: `create_tables` adds them to a table made before.
ADDED_COLUMNS = {"triage_audit": ("infusion", "watch_for", "degraded")}

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

        @sa.event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=15000")
            cursor.close()

        return engine
    connect_args = {"connect_timeout": CONNECT_TIMEOUT_SECONDS} if parsed.get_backend_name() == "postgresql" else {}
    return sa.create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)


def engine(url: str | None = None) -> Engine:
    return engine_for(database_url(url))


def create_tables(eng: Engine) -> None:
    """Our own tables (Rasa creates its `events` table itself). Safe to call again, and at the same
    time from several threads or processes: PostgreSQL fails all but one of two concurrent
    CREATE TABLEs, so a failure is followed by another look (which finds the tables made)."""
    with _create_lock:
        for attempt in range(3):
            try:
                metadata.create_all(eng)
                _add_missing_columns(eng)
                return
            except sa.exc.DBAPIError:
                if attempt == 2:
                    raise
                time.sleep(0.2 * (attempt + 1))


def _add_missing_columns(eng: Engine) -> None:
    """`ALTER TABLE ... ADD COLUMN` for each column of ADDED_COLUMNS a table does not have yet (nullable,
    so old rows stay valid). A server doing the same at the same moment makes ours fail: the caller
    looks again, and finds the column there."""
    inspector = sa.inspect(eng)
    for table_name, names in ADDED_COLUMNS.items():
        present = {c["name"] for c in inspector.get_columns(table_name)}
        for name in names:
            if name not in present:
                column = metadata.tables[table_name].c[name]
                with eng.begin() as conn:
                    conn.execute(
                        sa.text(
                            f"ALTER TABLE {table_name} ADD COLUMN {name} {column.type.compile(dialect=eng.dialect)}"
                        )
                    )


def utcnow() -> datetime:
    """Now in UTC, naive: how times are stored (SQLite keeps no time zone)."""
    return datetime.now(UTC).replace(tzinfo=None)
