"""Rasa's Redis lock store with atomic ticket updates, for several Rasa servers (endpoints.yml
`lock_store: {type: components.stores.lock_store.AtomicRedisLockStore, url: ..., port: ..., db: ...}`).

Rasa 3.6's RedisLockStore changes a conversation's ticket lock by reading it, changing it in Python
and writing it back, with nothing in between to stop another server doing the same: issuing a ticket,
finishing one, and the "remove expired tickets" that every waiting message does once a second. With
two servers and messages of one conversation waiting on both (tests/load/test_scale_out.py), writes
get lost: a finished ticket comes back and blocks the conversation until it expires (60 s, then the
next one...), or two messages get the same ticket and run at once. Here each of those changes is one
Redis transaction (WATCH / MULTI / EXEC, retried when the lock changed meanwhile), and the last ticket
deletes the lock in the same transaction. Same keys and format as Rasa's, so both can share a Redis.
"""

import json
import logging
from collections.abc import Callable
from typing import Any

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)

KEEP, SAVE, DELETE = "keep", "save", "delete"
Change = Callable[[TicketLock | None], tuple[str, TicketLock | None, Any]]


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: EndpointConfig | None = None, **kwargs: Any) -> None:
        if endpoint_config is not None:  # as Rasa builds a lock store named by its module path
            kwargs = {**endpoint_config.kwargs, **kwargs}
            kwargs.setdefault("host", endpoint_config.url or "localhost")
        super().__init__(**kwargs)

    def _transaction(self, conversation_id: str, change: Change) -> Any:
        import redis

        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    lock = TicketLock.from_dict(json.loads(raw)) if raw else None
                    action, lock, result = change(lock)
                    pipe.multi()
                    if action == SAVE:
                        pipe.set(key, lock.dumps())
                    elif action == DELETE:
                        pipe.delete(key)
                    pipe.execute()
                    return result
                except redis.WatchError:  # another server changed the lock meanwhile: again
                    continue

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def change(lock: TicketLock | None):
            lock = lock or TicketLock(conversation_id)
            return SAVE, lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._transaction(conversation_id, change)
        except Exception as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: str) -> None:
        def change(lock: TicketLock | None):
            if lock is None:
                return KEEP, None, None
            lock.remove_expired_tickets()
            return SAVE, lock, None

        self._transaction(conversation_id, change)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        def change(lock: TicketLock | None):
            if lock is None:
                return KEEP, None, None
            lock.remove_ticket_for(ticket_number)
            return SAVE, lock, None

        self._transaction(conversation_id, change)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        def change(lock: TicketLock | None):
            if lock is None:
                return KEEP, None, None
            lock.remove_ticket_for(ticket_number)
            return (SAVE, lock, None) if lock.is_someone_waiting() else (DELETE, None, None)

        self._transaction(conversation_id, change)
