"""The escalation outbox on both databases: at-least-once delivery, backoff, the retry command."""

import hashlib
import hmac
import json
import socket
import subprocess
import sys
import time

import sqlalchemy as sa

from clinic import audit, database, escalation
from tests.clinic.conftest import Receiver
from tests.clinic.test_audit import EMERGENCY, RED, disposition_entry
from tests.support.servers import ROOT, server_env


def outbox(url: str) -> list:
    with database.engine(url).connect() as conn:
        return conn.execute(sa.select(database.outbox_table).order_by(database.outbox_table.c.id)).fetchall()


def test_at_least_once_with_the_receiver_failing_the_first_tries(use_database, receiver, monkeypatch):
    monkeypatch.setenv("TRIAGE_ESCALATION_URL", receiver.url)
    monkeypatch.setenv("TRIAGE_ESCALATION_BACKOFF_SECONDS", "0.2")
    monkeypatch.setenv("TRIAGE_ESCALATION_SECRET", "shared-secret")
    entry = disposition_entry("conv-escalated", RED)
    assert audit.record(entry, escalate=True)

    deadline = time.monotonic() + 30
    while not receiver.delivered and time.monotonic() < deadline:
        result = escalation.deliver_due()  # as the action server's loop does, polling faster
        time.sleep(0.02)
    assert len(receiver.requests) == 3 and [r["ok"] for r in receiver.requests] == [False, False, True]
    first_wait, second_wait = (b["at"] - a["at"] for a, b in zip(receiver.requests, receiver.requests[1:]))
    assert first_wait >= 0.2 * 0.9 and second_wait >= 0.4 * 0.9, "exponential backoff between attempts"
    assert result.delivered == 1 and result.pending == 0

    keys = {r["headers"]["Idempotency-Key"] for r in receiver.requests}
    bodies = {r["body"] for r in receiver.requests}
    assert keys == {entry.audit_id} and len(bodies) == 1, "every attempt is the same event"
    assert [r["headers"]["X-Triage-Attempt"] for r in receiver.requests] == ["1", "2", "3"]
    body = next(iter(bodies))
    signature = hmac.new(b"shared-secret", body, hashlib.sha256).hexdigest()
    assert receiver.requests[-1]["headers"]["X-Triage-Signature"] == f"sha256={signature}"
    posted = json.loads(body)
    assert posted["idempotency_key"] == entry.audit_id and posted["level"] == "call_doctor_now"
    assert posted["summary"] == entry.handoff and posted["text"] == entry.handoff_text

    (row,) = outbox(use_database)
    assert row.attempts == 3 and row.delivered_at is not None and row.last_error is None
    assert escalation.deliver_due(ignore_schedule=True).delivered == 0, "a delivered escalation is not sent again"


def test_undelivered_stays_in_the_outbox_until_the_retry_command(use_database, monkeypatch):
    with socket.socket() as s:  # a port where nothing listens: the receiver is down
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/escalations"
    monkeypatch.setenv("TRIAGE_ESCALATION_URL", url)
    entry = disposition_entry("conv-waiting", EMERGENCY)
    assert audit.record(entry, escalate=True)
    for _ in range(2):
        result = escalation.deliver_due(ignore_schedule=True)
        assert result.failed == 1 and result.pending == 1
    (row,) = outbox(use_database)
    assert row.attempts == 2 and row.delivered_at is None and row.last_error == "ConnectionError"
    assert row.next_attempt_at > database.utcnow(), "backing off"
    assert escalation.deliver_due().failed == 0, "not due yet: not tried"

    env = {**server_env(), "TRIAGE_DATABASE_URL": use_database, "TRIAGE_ESCALATION_URL": url}
    status = subprocess.run(
        [sys.executable, "-m", "clinic", "status"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert json.loads(status.stdout)["pending"] == 1
    receiver = Receiver(port=port)  # the clinic's receiver is back
    try:
        retry = subprocess.run(
            [sys.executable, "-m", "clinic", "retry"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
        )
        assert retry.returncode == 0, retry.stderr
        assert json.loads(retry.stdout) == {"delivered": 1, "failed": 0, "pending": 0}
        assert [d["idempotency_key"] for d in receiver.delivered] == [entry.audit_id]
        assert "throat" not in retry.stderr, "logs name the event, never what the patient said"
    finally:
        receiver.close()


def test_no_outbox_row_when_no_webhook_is_configured(use_database, monkeypatch):
    monkeypatch.delenv("TRIAGE_ESCALATION_URL", raising=False)
    assert audit.record(disposition_entry("conv-plain", RED), escalate=escalation.escalation_url() is not None)
    assert outbox(use_database) == []


def test_backoff_doubles_up_to_the_cap(monkeypatch):
    monkeypatch.setenv("TRIAGE_ESCALATION_BACKOFF_SECONDS", "5")
    monkeypatch.setenv("TRIAGE_ESCALATION_MAX_BACKOFF_SECONDS", "60")
    waits = [escalation.backoff_seconds(n) for n in range(1, 8)]
    for wait, expected in zip(waits, (5, 10, 20, 40, 60, 60, 60)):
        assert expected * 0.9 <= wait <= expected * 1.1
