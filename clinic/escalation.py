"""Escalation webhook (optional per clinic): each call_doctor_now / emergency is posted to the clinic.

Set `TRIAGE_ESCALATION_URL` to turn it on. Each escalation is first written to the `escalation_outbox`
table, in the same transaction as its audit row, then posted as JSON with an `Idempotency-Key` header.
A failed post (no answer, a timeout, any status but 2xx) stays in the outbox and is retried with
exponential backoff, by the action server's background loop, at the next disposition, and by
`python -m clinic retry`: delivered at least once, never dropped. The receiver must use the
idempotency key to ignore repeats.

Other settings: `TRIAGE_ESCALATION_SECRET` (adds `X-Triage-Signature: sha256=<HMAC of the body>`),
`TRIAGE_ESCALATION_BACKOFF_SECONDS` (first wait, default 5, doubled each time) and
`TRIAGE_ESCALATION_MAX_BACKOFF_SECONDS` (the longest wait, default 600).

Logs name the idempotency key, the conversation id and a status code, never the summary.
"""

import hashlib
import hmac
import json
import logging
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

import requests
import sqlalchemy as sa

from bot.settings import setting
from clinic import database
from clinic.database import outbox_table, utcnow

URL_VARIABLE = "TRIAGE_ESCALATION_URL"
SECRET_VARIABLE = "TRIAGE_ESCALATION_SECRET"
BACKOFF_VARIABLE = "TRIAGE_ESCALATION_BACKOFF_SECONDS"
MAX_BACKOFF_VARIABLE = "TRIAGE_ESCALATION_MAX_BACKOFF_SECONDS"
POST_TIMEOUT_SECONDS = 5
LEASE_SECONDS = 60  # a delivery in progress; if its process dies, the row is due again after this

logger = logging.getLogger("triage.escalation")


def escalation_url() -> str | None:
    return setting(URL_VARIABLE)


def backoff_seconds(attempts: int) -> float:
    """The wait after the `attempts`-th failed attempt: doubled each time, capped, with 10 % jitter."""
    base, cap = setting(BACKOFF_VARIABLE), setting(MAX_BACKOFF_VARIABLE)
    wait = min(cap, base * 2 ** max(0, attempts - 1))
    return wait * random.uniform(0.9, 1.1)


def body_for(summary: dict, text: str) -> str:
    """The JSON posted: the idempotency key is the audit id of the disposition."""
    return json.dumps(
        {
            "type": "ivig_triage.escalation",
            "idempotency_key": summary["audit_id"],
            "reference": summary["reference"],
            "level": summary["level"],
            "conversation_id": summary["conversation_id"],
            "time_utc": summary["time_utc"],
            "infusion": summary.get("infusion"),  # {"hours_since_start", "in_progress", "said"} (README)
            "watch_for": summary.get("watch_for", []),
            "summary": summary,
            "text": text,
        },
        sort_keys=True,
        ensure_ascii=False,
    )


def outbox_row(summary: dict, text: str, now: datetime, delivered_at: datetime | None = None) -> dict:
    return {
        "idempotency_key": summary["audit_id"],
        "conversation_id": summary["conversation_id"],
        "level": summary["level"],
        "body": body_for(summary, text),
        "created_at": now,
        "attempts": 0,
        "next_attempt_at": now,
        "delivered_at": delivered_at,
        "last_error": None,
    }


def post(url: str, body: str, key: str, attempt: int) -> str | None:
    """One attempt. None when delivered, else a short reason (a status or an exception class)."""
    data = body.encode("utf-8")
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "Idempotency-Key": key,
        "X-Triage-Attempt": str(attempt),
        "User-Agent": "ivig-triage-escalation/1",
    }
    secret = setting(SECRET_VARIABLE)
    if secret:
        headers["X-Triage-Signature"] = "sha256=" + hmac.new(secret.encode(), data, hashlib.sha256).hexdigest()
    try:
        with requests.Session() as session:
            session.trust_env = False  # exactly the configured address: no proxy or .netrc from the environment
            response = session.post(
                url, data=data, headers=headers, timeout=POST_TIMEOUT_SECONDS, allow_redirects=False
            )
    except requests.RequestException as error:
        return type(error).__name__
    return None if 200 <= response.status_code < 300 else f"HTTP {response.status_code}"


@dataclass
class DeliveryResult:
    delivered: int = 0
    failed: int = 0
    pending: int = 0  # undelivered after this run


def deliver_due(
    webhook_url: str | None = None,
    db_url: str | None = None,
    now: datetime | None = None,
    ignore_schedule: bool = False,
    limit: int = 100,
) -> DeliveryResult:
    """Post every undelivered escalation that is due (or all of them, with `ignore_schedule`).

    Raises only when the database cannot be read; a failed post is recorded for a later retry."""
    webhook_url = webhook_url or escalation_url()
    result = DeliveryResult()
    eng = database.engine(db_url)
    database.migrate(eng)
    now = now or utcnow()
    undelivered = outbox_table.c.delivered_at.is_(None)
    query = sa.select(
        outbox_table.c.id,
        outbox_table.c.idempotency_key,
        outbox_table.c.conversation_id,
        outbox_table.c.body,
        outbox_table.c.attempts,
        outbox_table.c.next_attempt_at,
    ).where(undelivered)
    if not ignore_schedule:
        query = query.where(outbox_table.c.next_attempt_at <= now)
    with eng.connect() as conn:
        rows = conn.execute(query.order_by(outbox_table.c.id).limit(limit)).fetchall()
    if rows and not webhook_url:
        logger.error("%d escalation(s) waiting but %s is not set", len(rows), URL_VARIABLE)
    for row in rows if webhook_url else ():
        with eng.begin() as conn:  # claim it, so that two workers do not post it at the same moment
            claimed = conn.execute(
                outbox_table.update()
                .where(outbox_table.c.id == row.id, undelivered, outbox_table.c.next_attempt_at == row.next_attempt_at)
                .values(next_attempt_at=utcnow() + timedelta(seconds=LEASE_SECONDS))
            ).rowcount
        if not claimed:
            continue
        attempt = row.attempts + 1
        error = post(webhook_url or "", row.body, row.idempotency_key, attempt)
        done = utcnow()
        if error is None:
            values = {"attempts": attempt, "delivered_at": done, "last_error": None}
            result.delivered += 1
            logger.info(
                "escalation %s of conversation %s delivered (attempt %d)",
                row.idempotency_key,
                row.conversation_id,
                attempt,
            )
        else:
            wait = backoff_seconds(attempt)
            values = {"attempts": attempt, "last_error": error[:200], "next_attempt_at": done + timedelta(seconds=wait)}
            result.failed += 1
            logger.error(
                "escalation %s of conversation %s not delivered (attempt %d: %s); next try in %.1f s",
                row.idempotency_key,
                row.conversation_id,
                attempt,
                error,
                wait,
            )
        with eng.begin() as conn:
            conn.execute(outbox_table.update().where(outbox_table.c.id == row.id).values(**values))
    with eng.connect() as conn:
        result.pending = conn.execute(sa.select(sa.func.count()).select_from(outbox_table).where(undelivered)).scalar()
    return result


def next_due_at(db_url: str | None = None) -> datetime | None:
    """When the next undelivered escalation is due, if any."""
    with database.engine(db_url).connect() as conn:
        return conn.execute(
            sa.select(sa.func.min(outbox_table.c.next_attempt_at)).where(outbox_table.c.delivered_at.is_(None))
        ).scalar()


def status(db_url: str | None = None) -> dict:
    eng = database.engine(db_url)
    database.migrate(eng)
    undelivered = outbox_table.c.delivered_at.is_(None)
    with eng.connect() as conn:
        count = lambda *where: conn.execute(  # noqa: E731
            sa.select(sa.func.count()).select_from(outbox_table).where(*where)
        ).scalar()
        oldest = conn.execute(sa.select(sa.func.min(outbox_table.c.created_at)).where(undelivered)).scalar()
        return {
            "pending": count(undelivered),
            "delivered": count(outbox_table.c.delivered_at.is_not(None)),
            "oldest_pending_utc": oldest.strftime("%Y-%m-%dT%H:%M:%SZ") if oldest else None,
            "webhook_configured": escalation_url() is not None,
        }
