"""Answer each Slack event once, though Slack may deliver it up to four times.

`SeenEvents` is the interface the app's middleware uses. `DatabaseSeenEvents` keeps the memory in
the store, shared by every worker of every host on the same database: one INSERT ... ON CONFLICT
statement decides, so two deliveries racing each other cannot both be first. `MemorySeenEvents`
keeps a bounded, expiring set in one process (tests and tools that run without a store).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import Engine, bindparam, delete

from bot.store.dialects import insert_for
from bot.store.driver import DriverStatement
from bot.store.schema import UtcDateTime, now, seen_events

DEFAULT_TTL_SECONDS = 600.0  # Slack's last retry comes about five minutes after the first try
DEFAULT_MAX_EVENTS = 10_000
PURGE_EVERY_SECONDS = 60.0


class SeenEvents(Protocol):
    def first_time(self, event_id: str) -> bool:
        """True the first time an id is offered (and remembers it); False for a repeat."""
        ...


class DatabaseSeenEvents:
    def __init__(
        self,
        engine: Engine,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        clock: Callable[[], datetime] = now,
    ) -> None:
        self.engine = engine
        self.ttl = timedelta(seconds=ttl_seconds)
        self.clock = clock
        insert = insert_for(engine)(seen_events)
        # Absent, or present but expired: this delivery is the first (an expired row is taken over).
        claim = insert.on_conflict_do_update(
            index_elements=[seen_events.c.event_id],
            set_={"seen_at": insert.excluded.seen_at},
            where=seen_events.c.seen_at < bindparam("expired_before", type_=UtcDateTime()),
        ).returning(seen_events.c.event_id)  # a row back: this delivery claimed the id
        self._claim = DriverStatement(engine, claim)
        self._next_purge = 0.0
        # An event id need not outlive a database crash (at worst a retry is answered twice), so on
        # PostgreSQL its commit does not wait for the write-ahead log to reach the disk: that flush,
        # not the statement, was most of an event's cost (one more statement, answered from memory).
        self._first = ("SET LOCAL synchronous_commit TO OFF",) if engine.dialect.name == "postgresql" else ()

    def first_time(self, event_id: str) -> bool:
        at = self.clock()
        row = self._claim.run_once(
            {"event_id": event_id, "seen_at": at, "expired_before": at - self.ttl}, before=self._first
        )
        self._purge_now_and_then(at)
        return row is not None

    def purge(self, before: datetime) -> int:
        """Forget events seen before `before`; returns how many."""
        with self.engine.begin() as connection:
            return connection.execute(delete(seen_events).where(seen_events.c.seen_at < before)).rowcount

    def _purge_now_and_then(self, at: datetime) -> None:
        if time.monotonic() < self._next_purge:
            return
        self._next_purge = time.monotonic() + PURGE_EVERY_SECONDS
        self.purge(at - self.ttl)


class MemorySeenEvents:
    def __init__(
        self,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        max_events: int = DEFAULT_MAX_EVENTS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl = ttl_seconds
        self.max_events = max_events
        self.clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, event_id: str) -> bool:
        now = self.clock()
        with self._lock:
            self._forget_expired(now)
            if event_id in self._seen:
                return False
            self._seen[event_id] = now
            while len(self._seen) > self.max_events:
                self._seen.popitem(last=False)
            return True

    def __len__(self) -> int:
        return len(self._seen)

    def _forget_expired(self, now: float) -> None:
        while self._seen:
            oldest_id, seen_at = next(iter(self._seen.items()))
            if now - seen_at < self.ttl:
                return
            del self._seen[oldest_id]
