"""Rasa tracker store: conversations kept in the bot's database, configured by one URL.

In endpoints.yml: `tracker_store: {type: components.stores.tracker_store.TriageTrackerStore}`. The database
is `TRIAGE_DATABASE_URL` (any SQLAlchemy URL: `postgresql://user:pw@host:5432/db`), else the
endpoint's `url:`, else the SQLite file `var/conversations.db` (see clinic/database.py). Rasa's own
SQLTrackerStore does the storing (its `events` table, one row per event).

Fail safe: a broken database must never silence the bot. Rasa's SQLTrackerStore waits forever for a
database that is down at start; this one starts anyway. Every conversation is also kept in a small
in-memory cache: when the database fails, the error is logged (without patient text), the
conversation goes on from the cache, and the events missed are written when the database is back.
"""

import logging
import time
from collections import Counter, OrderedDict
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from clinic import database

logger = logging.getLogger("triage.tracker_store")

CACHE_SIZE = 2000  # conversations kept in memory as the fall-back
RETRY_AFTER_SECONDS = 10.0  # after a failure, leave the database alone this long (no slow turn after slow turn)


class TriageTrackerStore(SQLTrackerStore):
    def __init__(
        self,
        domain: Domain | None = None,
        host: str | None = None,
        event_broker: EventBroker | None = None,
        **kwargs: dict[str, Any],
    ) -> None:
        self.url = database.database_url(host)
        self.engine = database.engine_for(self.url)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        self._tables_ready = False
        self._down_until = 0.0
        self._cache: OrderedDict[str, str] = OrderedDict()  # sender id -> serialised tracker
        self._unsaved: set[str] = set()  # conversations with events the database does not have yet
        TrackerStore.__init__(self, domain, event_broker, **kwargs)
        try:
            self._ensure_tables()
            logger.info("conversations are stored in %s", database.safe_url(self.url))
        except Exception as error:
            self._failed("connect", error)

    # ------------------------------------------------------------ the database, with a circuit breaker

    def _ensure_tables(self) -> None:
        """Rasa's `events` table, made by one server at a time: two starting together on an empty database
        both found it missing, and the second's CREATE failed (PostgreSQL's DuplicateTable)."""
        if not self._tables_ready:
            with database.one_at_a_time(self.engine) as connection:
                self.Base.metadata.create_all(connection)
            self._tables_ready = True

    def _database_usable(self) -> bool:
        return time.monotonic() >= self._down_until

    def _failed(self, what: str, error: Exception, sender_id: str | None = None) -> None:
        self._down_until = time.monotonic() + RETRY_AFTER_SECONDS
        original = getattr(error, "orig", None)
        logger.error(
            "conversation store: could not %s%s in %s (%s%s); using the in-memory copy",
            what,
            f" conversation {sender_id}" if sender_id else "",
            database.safe_url(self.url),
            type(error).__name__,
            f": {type(original).__name__}" if original is not None else "",
        )
        logger.debug("conversation store failure", exc_info=True)

    # ------------------------------------------------------------ the in-memory copy

    def _remember(self, tracker: DialogueStateTracker) -> None:
        self._cache[tracker.sender_id] = self.serialise_tracker(tracker)
        self._cache.move_to_end(tracker.sender_id)
        while len(self._cache) > CACHE_SIZE:
            oldest, _ = self._cache.popitem(last=False)
            self._unsaved.discard(oldest)

    def _cached(self, sender_id: str) -> DialogueStateTracker | None:
        serialised = self._cache.get(sender_id)
        return self.deserialise_tracker(sender_id, serialised) if serialised else None

    # ------------------------------------------------------------ the TrackerStore interface

    async def save(self, tracker: DialogueStateTracker) -> None:
        self._remember(tracker)
        if not self._database_usable():
            self._unsaved.add(tracker.sender_id)
            return
        try:
            await self._write(tracker)
            self._unsaved.discard(tracker.sender_id)
        except Exception as error:
            self._unsaved.add(tracker.sender_id)
            self._failed("save", error, tracker.sender_id)

    async def _write(self, tracker: DialogueStateTracker) -> None:
        """Every event the database does not have yet; tried twice, as a loaded machine can miss one connect
        (one miss would otherwise send this server to its in-memory copy for RETRY_AFTER_SECONDS)."""
        self._ensure_tables()
        try:
            await super().save(tracker)
        except Exception:
            logger.warning("conversation store: a write failed, trying once more")
            await super().save(tracker)

    def _additional_events(self, session: sa.orm.Session, tracker: DialogueStateTracker) -> Iterable:
        """The tracker's events the database does not hold, known by their type and time (as many times as
        each is there). Rasa counts the stored events and writes the tracker's events past that count, which
        drops a patient's words when another server has written meanwhile from a copy this one did not see (a
        server that ran on its in-memory copy while the database failed for it, tests/load)."""
        rows = session.query(self.SQLEvent.type_name, self.SQLEvent.timestamp).filter(
            self.SQLEvent.sender_id == tracker.sender_id
        )
        stored = Counter((type_name, timestamp) for type_name, timestamp in rows)
        for event in tracker.events:
            key = (event.type_name, event.timestamp)
            if stored[key]:
                stored[key] -= 1
            else:
                yield event

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool) -> DialogueStateTracker | None:
        if sender_id in self._unsaved and self._database_usable():
            # The database is back: what this server told the patient meanwhile is written first, so that the
            # database (which the other servers read) holds the whole conversation again.
            cached = self._cached(sender_id)
            try:
                if cached is not None:
                    await self._write(cached)
                self._unsaved.discard(sender_id)
            except Exception as error:
                self._failed("save", error, sender_id)
        if sender_id in self._unsaved or not self._database_usable():
            return self._cached(sender_id)  # the newest state is the one in memory
        try:
            self._ensure_tables()
            stored = await super()._retrieve(sender_id, fetch_events_from_all_sessions)
        except Exception as error:
            self._failed("read", error, sender_id)
            return self._cached(sender_id)
        return stored if stored is not None else self._cached(sender_id)

    async def keys(self) -> Iterable[str]:
        try:
            return set(await super().keys()) | set(self._cache)
        except Exception as error:
            self._failed("list", error)
            return list(self._cache)
