"""The tracker store in-process, on both databases: one URL configures it, and a database failure in
the middle of a conversation loses nothing."""

import asyncio
import threading

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from components.stores import tracker_store as module
from components.stores.tracker_store import TriageTrackerStore
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def turn(tracker: DialogueStateTracker, text: str, level: str | None = None) -> None:
    tracker.update(UserUttered(text, {"name": "report_symptoms", "confidence": 1.0}))
    tracker.update(ActionExecuted("action_triage"))
    if level:
        tracker.update(SlotSet("triage_level", level))
    tracker.update(ActionExecuted("action_listen"))


def stored_events(url: str, sender: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT count(*) FROM events WHERE sender_id = :s"), {"s": sender}).scalar()
    finally:
        engine.dispose()


def test_the_url_variable_configures_it_and_a_new_process_reads_the_conversation(use_database, domain):
    store = TriageTrackerStore(domain=domain)
    assert store.url == use_database
    tracker = DialogueStateTracker("patient-a", domain.slots)
    turn(tracker, "I have a headache", level="manage_at_home")
    asyncio.run(store.save(tracker))

    fresh = TriageTrackerStore(domain=domain)  # another process: nothing in memory
    again = asyncio.run(fresh.retrieve("patient-a"))
    assert again is not None and again.get_slot("triage_level") == "manage_at_home"
    assert [e.text for e in again.events if isinstance(e, UserUttered)] == ["I have a headache"]


def test_a_failing_database_mid_conversation_loses_nothing(use_database, domain, monkeypatch, caplog):
    store = TriageTrackerStore(domain=domain)
    tracker = DialogueStateTracker("patient-b", domain.slots)
    turn(tracker, "I feel sick")
    asyncio.run(store.save(tracker))
    written = stored_events(use_database, "patient-b")

    def broken(*args, **kwargs):
        raise sa.exc.OperationalError("SELECT", {}, Exception("server closed the connection"))

    with monkeypatch.context() as down:
        down.setattr(SQLTrackerStore, "save", broken)
        down.setattr(SQLTrackerStore, "_retrieve", broken)
        tracker = asyncio.run(store.retrieve("patient-b"))
        turn(tracker, "and now I threw up", level="call_doctor_now")
        asyncio.run(store.save(tracker))  # no exception: the conversation goes on from memory
        during = asyncio.run(store.retrieve("patient-b"))
        assert during.get_slot("triage_level") == "call_doctor_now"
        assert "conversation store: could not" in caplog.text and "threw up" not in caplog.text

    # the database is back
    monkeypatch.setattr(module, "RETRY_AFTER_SECONDS", 0.0)
    store._down_until = 0.0
    tracker = asyncio.run(store.retrieve("patient-b"))
    assert tracker.get_slot("triage_level") == "call_doctor_now", "the newest state, from memory"
    turn(tracker, "it is getting worse")
    asyncio.run(store.save(tracker))  # writes what the database missed, then this turn
    assert stored_events(use_database, "patient-b") == len(tracker.events) > written

    restarted = asyncio.run(TriageTrackerStore(domain=domain).retrieve("patient-b"))
    assert [e.text for e in restarted.events if isinstance(e, UserUttered)] == [
        "I feel sick",
        "and now I threw up",
        "it is getting worse",
    ]
    assert restarted.get_slot("triage_level") == "call_doctor_now"


def test_two_servers_one_on_a_stale_copy_lose_none_of_the_patients_words(use_database, domain):
    """Server A answers from its in-memory copy while the database fails for it; server B, reading the
    database, answers the next message from an older state. Each then writes what it has: every message the
    patient sent is stored, none twice (Rasa's own store counted rows and dropped A's)."""
    a, b = TriageTrackerStore(domain=domain), TriageTrackerStore(domain=domain)
    tracker = DialogueStateTracker("patient-c", domain.slots)
    turn(tracker, "I have a headache")
    asyncio.run(a.save(tracker))

    on_a = asyncio.run(a.retrieve("patient-c"))
    turn(on_a, "my neck is stiff")  # A's turn, not yet in the database
    on_b = asyncio.run(b.retrieve("patient-c"))
    turn(on_b, "and I threw up")  # B's turn, from the database's older state
    asyncio.run(b.save(on_b))
    asyncio.run(a.save(on_a))

    stored = asyncio.run(TriageTrackerStore(domain=domain).retrieve("patient-c"))
    said = [e.text for e in stored.events if isinstance(e, UserUttered)]
    assert sorted(said) == sorted(["I have a headache", "my neck is stiff", "and I threw up"])
    assert stored_events(use_database, "patient-c") == len(tracker.events) + 2 * (
        len(on_a.events) - len(tracker.events)
    )


def test_a_write_that_fails_once_is_tried_again_without_leaving_the_database(use_database, domain, monkeypatch):
    store = TriageTrackerStore(domain=domain)
    real, calls = SQLTrackerStore.save, []

    async def once_broken(self, tracker):
        calls.append(1)
        if len(calls) == 1:
            raise sa.exc.OperationalError("INSERT", {}, Exception("timeout expired"))
        await real(self, tracker)

    monkeypatch.setattr(SQLTrackerStore, "save", once_broken)
    tracker = DialogueStateTracker("patient-d", domain.slots)
    turn(tracker, "I feel sick")
    asyncio.run(store.save(tracker))
    assert store._database_usable() and "patient-d" not in store._unsaved
    assert stored_events(use_database, "patient-d") == len(tracker.events)


def test_servers_starting_together_on_a_fresh_database_all_use_it(use_database, domain, caplog):
    """Two Rasa servers start at once on an empty database: both create the `events` table. One used to lose
    the race (PostgreSQL's DuplicateTable) and serve its patients from memory for a while (CI, tests/load)."""
    stores, ready = [], threading.Barrier(6)

    def start() -> None:
        ready.wait()
        stores.append(TriageTrackerStore(domain=domain))

    threads = [threading.Thread(target=start) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(stores) == 6 and all(store._tables_ready and store._database_usable() for store in stores)
    assert "in-memory copy" not in caplog.text
