"""The background worker behind the audit trail, the nurse hand-off and the escalation webhook.

`record_disposition` is called where a disposition is uttered. It builds the audit row and, for
call_doctor_now and emergency, the hand-off summary the patient is shown, then stores the row (and
the escalation, when `TRIAGE_ESCALATION_URL` is set) in a worker thread. It waits for the write at
most `TRIAGE_AUDIT_WAIT_SECONDS` (default 1.5): the answer never waits long on the database, and it
never fails because of it. A row that could not be written is kept in memory and written again by
the maintenance loop, which also posts due escalations and applies the retention period once a day.
"""

import asyncio
import logging
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor

from bot.findings import Findings
from bot.settings import load_settings, setting
from bot.triage import Disposition
from clinic import audit, escalation
from clinic.database import utcnow

logger = logging.getLogger("triage.audit")

WAIT_SECONDS = setting("TRIAGE_AUDIT_WAIT_SECONDS")
MAINTENANCE_SECONDS = setting("TRIAGE_MAINTENANCE_SECONDS")  # the loop's longest sleep
PURGE_EVERY_SECONDS = 24 * 3600
BACKLOG_SIZE = 10_000

_writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="triage-audit")
_backlog: "deque[audit.AuditEntry]" = deque(maxlen=BACKLOG_SIZE)  # rows the database refused, oldest first
_wake = threading.Event()
_maintenance_lock = threading.Lock()
_maintenance: threading.Thread | None = None


async def record_disposition(
    conversation_id: str, model_version: str, disposition: Disposition, findings: Findings, degraded: str | None = None
) -> str | None:
    """Audit one disposition; return the hand-off text to show the patient (call_doctor_now and emergency).
    `degraded`: why it was given in degraded mode (the Rasa server's fail-safe), else None.

    Never raises and never waits long: whatever happens to the database, the patient gets the answer."""
    try:
        entry = audit.entry_for(
            disposition,
            findings,
            load_settings(),
            conversation_id=conversation_id,
            model_version=model_version,
            degraded=degraded,
        )
    except Exception as error:
        logger.error("could not build the audit row of conversation %s: %s", conversation_id, type(error).__name__)
        return None
    _start_maintenance()
    write = asyncio.get_running_loop().run_in_executor(_writer, _write, entry)
    try:
        await asyncio.wait_for(asyncio.shield(write), WAIT_SECONDS)
    except TimeoutError:
        logger.warning("audit %s still being written after %.1f s; answering now", entry.audit_id, WAIT_SECONDS)
    except Exception as error:
        logger.error("audit %s: %s", entry.audit_id, type(error).__name__)
    return entry.handoff_text


def _write(entry: "audit.AuditEntry") -> None:
    """In the writer thread: store the row (and its escalation), or keep it for a later try."""
    if not audit.record(entry, escalate=escalation.escalation_url() is not None):
        _backlog.append(entry)
    _wake.set()  # post the escalation now, and retry whatever is waiting


def _flush_backlog() -> None:
    for _ in range(len(_backlog)):
        entry = _backlog.popleft()
        if not audit.record(entry, escalate=escalation.escalation_url() is not None):
            _backlog.appendleft(entry)
            return


def _maintain_once(last_purge: float) -> tuple[float, float]:
    """One round: rows kept back, due escalations, retention. Returns (seconds to sleep, last purge)."""
    sleep = MAINTENANCE_SECONDS
    if _backlog:
        _writer.submit(_flush_backlog).result()
    if escalation.escalation_url():
        escalation.deliver_due()
        due = escalation.next_due_at()
        if due is not None:
            sleep = min(sleep, max(0.2, (due - utcnow()).total_seconds()))
    if time.monotonic() - last_purge >= PURGE_EVERY_SECONDS:
        counts = audit.purge(audit.retention_days())
        logger.info(
            "retention: removed %d audit rows, %d conversation events (%d conversations)",
            counts["audit_rows"],
            counts["conversation_events"],
            counts["conversations_removed"],
        )
        last_purge = time.monotonic()
    return sleep, last_purge


def _maintenance_loop() -> None:
    last_purge = -float(PURGE_EVERY_SECONDS)
    while True:
        _wake.clear()
        try:
            sleep, last_purge = _maintain_once(last_purge)
        except Exception as error:
            logger.error("maintenance round failed: %s", audit.describe_error(error))
            sleep = MAINTENANCE_SECONDS
        _wake.wait(sleep)


def _start_maintenance() -> None:
    global _maintenance
    with _maintenance_lock:
        if _maintenance is None or not _maintenance.is_alive():
            _maintenance = threading.Thread(target=_maintenance_loop, name="triage-maintenance", daemon=True)
            _maintenance.start()


if escalation.escalation_url():  # escalations left undelivered before a restart are retried at once
    _start_maintenance()
