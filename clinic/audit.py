"""Audit trail of dispositions, for clinical review; export, report and retention commands.

Every disposition the bot gives is one row of the `triage_audit` table, in the bot's database
(`TRIAGE_DATABASE_URL`, SQLite in `var/` by default): when (UTC), the conversation id, the level,
the red flags, the symptoms reported and denied, every rule that fired, the model version and the
clinical-core fingerprint (`lexicon_version`: bot.version.fingerprint()), when the infusion was (hours since its start, running or not: not the patient's
words) and what the patient was told to watch for; for call_doctor_now and emergency also the nurse
hand-off summary (bot/handoff.py).

    python -m clinic export --since 2026-01-01 [--until 2026-02-01] [--format csv|json] [--output FILE]
    python -m clinic report --since 2026-01-01 [--until ...] [--format text|json]
    python -m clinic purge [--older-than-days N]     # default: TRIAGE_RETENTION_DAYS, else 90

Writing a row never raises: a disposition must reach the patient whatever the database does.
Plain Python and SQLAlchemy: no Rasa, no spaCy.
"""

import csv
import io
import json
import logging
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from bot import version
from bot.advice import name_of, watch_list
from bot.findings import Findings
from bot.handoff import handoff_summary, handoff_text, needs_handoff
from bot.lexicon import CALL_DOCTOR_NOW, EMERGENCY, MANAGE_AT_HOME
from bot.settings import Settings, setting
from bot.triage import Disposition
from clinic import database
from clinic.database import audit_table, outbox_table, rasa_events_table, utcnow

RETENTION_VARIABLE = "TRIAGE_RETENTION_DAYS"
DEFAULT_RETENTION_DAYS = setting(RETENTION_VARIABLE, {})  # its default (bot/settings.py)
LIST_FIELDS = ("red_flags", "symptoms", "denied", "rules_fired")
EXPORT_FIELDS = (
    "recorded_at",
    "conversation_id",
    "level",
    "red_flags",
    "symptoms",
    "denied",
    "rules_fired",
    "infusion_hours_since_start",
    "infusion_in_progress",
    "watch_for",
    "model_version",
    "lexicon_version",
    "audit_id",
    "reference",
    "handoff",
    "degraded",
)

logger = logging.getLogger("triage.audit")


@dataclass
class AuditEntry:
    conversation_id: str
    level: str
    red_flags: list[str]
    symptoms: list[str]
    denied: list[str]
    rules_fired: list[str]
    model_version: str
    lexicon_version: str
    audit_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    recorded_at: datetime = field(default_factory=utcnow)
    handoff: dict | None = None  # the hand-off summary, for call_doctor_now and emergency
    handoff_text: str | None = None  # the same, as the patient reads it out
    infusion: dict | None = None  # {"hours_since_start": float | None, "in_progress": bool}
    watch_for: list[str] = field(default_factory=list)
    degraded: str | None = None  # why it was given in degraded mode (action_server_unavailable), else None

    def row(self) -> dict:
        return {
            "audit_id": self.audit_id,
            "recorded_at": self.recorded_at,
            "conversation_id": self.conversation_id,
            "level": self.level,
            **{f: json.dumps(list(getattr(self, f))) for f in LIST_FIELDS},
            "model_version": self.model_version[:64],
            "lexicon_version": self.lexicon_version[:32],
            "handoff": json.dumps(self.handoff, ensure_ascii=False) if self.handoff else None,
            "infusion": json.dumps(self.infusion) if self.infusion else None,
            "watch_for": json.dumps(self.watch_for, ensure_ascii=False),
            "degraded": self.degraded,
        }


def entry_for(
    d: Disposition,
    findings: Findings,
    settings: Settings,
    *,
    conversation_id: str,
    model_version: str,
    now: datetime | None = None,
    degraded: str | None = None,
) -> AuditEntry:
    """The audit row of one disposition, with its hand-off when the level needs one."""
    entry = AuditEntry(
        conversation_id=conversation_id,
        level=d.level or "",  # a disposition always has a level
        red_flags=list(d.red_flags),
        symptoms=list(d.symptoms),
        denied=list(d.denied),
        rules_fired=list(d.rules_fired),
        model_version=model_version or "unknown",
        lexicon_version=version.fingerprint(),
        recorded_at=now or utcnow(),
        watch_for=watch_list(d, findings, settings),
        degraded=degraded,
    )
    if findings.infusion:  # the hours and whether it runs; the patient's words go to the hand-off only
        entry.infusion = {k: v for k, v in findings.infusion.contract().items() if k != "said"}
    if needs_handoff(d):
        entry.handoff = handoff_summary(
            d,
            findings,
            settings,
            conversation_id=conversation_id,
            audit_id=entry.audit_id,
            recorded_at=entry.recorded_at,
        )
        entry.handoff_text = handoff_text(entry.handoff)
    return entry


_tables_ready: set[str] = set()


def _ensure_tables(eng: sa.engine.Engine) -> None:
    key = str(eng.url)
    if key not in _tables_ready:
        database.migrate(eng)
        _tables_ready.add(key)


def describe_error(error: BaseException) -> str:
    """An exception, named without its message: SQL errors carry the statement's values (patient words)."""
    original = getattr(error, "orig", None)
    return type(error).__name__ + (f" ({type(original).__name__})" if original is not None else "")


def record(
    entry: AuditEntry,
    db_url: str | None = None,
    escalate: bool = False,
    escalation_delivered_at: datetime | None = None,
) -> bool:
    """Store one disposition (and, with `escalate`, its escalation in the outbox, in the same transaction).

    Never raises. False when it could not be stored; the error is logged without patient text."""
    from clinic.escalation import outbox_row

    url = database.database_url(db_url)
    try:
        eng = database.engine_for(url)
        _ensure_tables(eng)
        with eng.begin() as conn:
            conn.execute(audit_table.insert().values(**entry.row()))
            if escalate and entry.handoff:
                conn.execute(
                    outbox_table.insert().values(
                        **outbox_row(
                            entry.handoff, entry.handoff_text or "", entry.recorded_at, escalation_delivered_at
                        )
                    )
                )
        return True
    except sa.exc.IntegrityError as error:
        if _is_recorded(eng, entry.audit_id):  # a retried write that had in fact succeeded
            logger.warning("audit %s of conversation %s was already recorded", entry.audit_id, entry.conversation_id)
            return True
        logger.error(
            "could not record audit %s (conversation %s, level %s): %s",
            entry.audit_id,
            entry.conversation_id,
            entry.level,
            describe_error(error),
        )
        return False
    except Exception as error:
        logger.error(
            "could not record audit %s (conversation %s, level %s) in %s: %s",
            entry.audit_id,
            entry.conversation_id,
            entry.level,
            database.safe_url(url),
            describe_error(error),
        )
        logger.debug("audit write failure", exc_info=True)
        return False


def _is_recorded(eng: sa.engine.Engine, audit_id: str) -> bool:
    try:
        with eng.connect() as conn:
            return (
                conn.execute(sa.select(audit_table.c.id).where(audit_table.c.audit_id == audit_id)).first() is not None
            )
    except Exception:
        return False


# ---------------------------------------------------------------- reading: export and report


def parse_time(text: str) -> datetime:
    """`2026-01-01` or an ISO time (`2026-01-01T08:00`, `...Z`, `...+02:00`), as naive UTC."""
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def rows(
    since: datetime | None = None,
    until: datetime | None = None,
    db_url: str | None = None,
    reference: str | None = None,
) -> list[dict]:
    """Audit rows in time order, `since` included, `until` excluded, lists and hand-off decoded."""
    eng = database.engine(db_url)
    _ensure_tables(eng)
    query = sa.select(audit_table).order_by(audit_table.c.recorded_at, audit_table.c.id)
    if since:
        query = query.where(audit_table.c.recorded_at >= since)
    if until:
        query = query.where(audit_table.c.recorded_at < until)
    if reference:
        query = query.where(audit_table.c.audit_id.like(reference.lower().strip() + "%"))
    with eng.connect() as conn:
        result = []
        for row in conn.execute(query).mappings():
            item = {k: row[k] for k in EXPORT_FIELDS if k in row}
            item["recorded_at"] = row["recorded_at"].strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            for name in LIST_FIELDS:
                item[name] = json.loads(row[name])
            item["handoff"] = json.loads(row["handoff"]) if row["handoff"] else None
            infusion = json.loads(row["infusion"]) if row["infusion"] else {}  # NULL: before the timeline, or not said
            item["infusion_hours_since_start"] = infusion.get("hours_since_start")
            item["infusion_in_progress"] = infusion.get("in_progress")
            item["watch_for"] = json.loads(row["watch_for"]) if row["watch_for"] else []
            item["reference"] = item["handoff"]["reference"] if item["handoff"] else row["audit_id"][:8].upper()
            result.append({k: item[k] for k in EXPORT_FIELDS})
        return result


def to_json(items: list[dict]) -> str:
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"


def to_csv(items: list[dict]) -> str:
    """One line per disposition; lists joined with `;`, the hand-off as the text the patient read out."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS, lineterminator="\n")
    writer.writeheader()
    for item in items:
        flat = dict(item)
        for name in LIST_FIELDS + ("watch_for",):
            flat[name] = ";".join(item[name])
        flat["handoff"] = handoff_text(item["handoff"]) if item["handoff"] else ""
        writer.writerow(flat)
    return out.getvalue()


def report(items: list[dict]) -> dict:
    """Counts per level (all three, zeros included) and per red flag."""
    levels = Counter(item["level"] for item in items)
    flags = Counter(flag for item in items for flag in item["red_flags"])
    return {
        "total": len(items),
        "by_level": {level: levels.get(level, 0) for level in (EMERGENCY, CALL_DOCTOR_NOW, MANAGE_AT_HOME)},
        "by_red_flag": [
            {"red_flag": flag, "name": name_of(flag), "count": n}
            for flag, n in sorted(flags.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
    }


def report_text(counts: dict, since: datetime | None, until: datetime | None) -> str:
    window = f"{since.isoformat() if since else 'the start'} to {until.isoformat() if until else 'now'} (UTC)"
    lines = [f"Dispositions from {window}: {counts['total']}", "", "By level:"]
    lines += [f"  {level:<18} {n:>6}" for level, n in counts["by_level"].items()]
    lines += ["", "By red flag:"]
    lines += [f"  {f['red_flag']:<28} {f['count']:>6}  ({f['name']})" for f in counts["by_red_flag"]] or ["  (none)"]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- retention


def retention_days() -> int:
    """`TRIAGE_RETENTION_DAYS` (whole days, at least 1), else 90; SettingsError (a ValueError) when bad."""
    return setting(RETENTION_VARIABLE)


def purge(older_than_days: int, db_url: str | None = None, now: datetime | None = None) -> dict:
    """Delete what is older than the cutoff: audit rows, delivered escalations, and conversations.

    A conversation (Rasa's `events` rows) goes session by session: a session is deleted when all its
    events are older than the cutoff, so a conversation still going on is never cut in the middle.
    An undelivered escalation is kept (and counted): it is never dropped unsent."""
    cutoff = (now or utcnow()) - timedelta(days=older_than_days)
    cutoff_epoch = cutoff.replace(tzinfo=UTC).timestamp()
    eng = database.engine(db_url)
    _ensure_tables(eng)
    counts = {
        "cutoff_utc": cutoff.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "audit_rows": 0,
        "escalations": 0,
        "undelivered_escalations_kept": 0,
        "conversation_events": 0,
        "conversations_removed": 0,
    }
    with eng.begin() as conn:
        counts["audit_rows"] = conn.execute(audit_table.delete().where(audit_table.c.recorded_at < cutoff)).rowcount
        old = outbox_table.c.created_at < cutoff
        counts["escalations"] = conn.execute(
            outbox_table.delete().where(old, outbox_table.c.delivered_at.is_not(None))
        ).rowcount
        counts["undelivered_escalations_kept"] = conn.execute(
            sa.select(sa.func.count()).select_from(outbox_table).where(old)
        ).scalar()
        if sa.inspect(conn).has_table("events"):
            _purge_conversations(conn, cutoff_epoch, counts)
    if counts["undelivered_escalations_kept"]:
        logger.error(
            "%d escalation(s) older than the retention period are still undelivered: kept; "
            "check the webhook and run `python -m clinic retry`",
            counts["undelivered_escalations_kept"],
        )
    return counts


def _purge_conversations(conn: sa.engine.Connection, cutoff_epoch: float, counts: dict) -> None:
    events = rasa_events_table.c
    senders = (
        conn.execute(sa.select(events.sender_id).where(events.timestamp < cutoff_epoch).distinct()).scalars().all()
    )
    for sender in senders:
        of_sender = events.sender_id == sender
        first_recent = conn.execute(
            sa.select(sa.func.min(events.timestamp)).where(of_sender, events.timestamp >= cutoff_epoch)
        ).scalar()
        if first_recent is None:  # nothing recent: the whole conversation goes
            deleted = conn.execute(rasa_events_table.delete().where(of_sender)).rowcount
            counts["conversations_removed"] += 1
        else:  # keep from the start of the session that holds the first recent event
            keep_from = conn.execute(
                sa.select(sa.func.max(events.timestamp)).where(
                    of_sender, events.type_name == "session_started", events.timestamp <= first_recent
                )
            ).scalar()
            if keep_from is None:
                continue
            deleted = conn.execute(rasa_events_table.delete().where(of_sender, events.timestamp < keep_from)).rowcount
        counts["conversation_events"] += deleted
