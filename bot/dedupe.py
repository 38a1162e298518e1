"""Answer each Slack event once, though Slack may deliver it up to four times.

`SeenEvents` is the interface; `MemorySeenEvents` keeps a bounded, expiring set in this process;
`SqliteSeenEvents` shares one between the worker processes of one host. With several hosts behind
a load balancer, a shared store (Redis SET NX with a TTL, say) can implement the same one method.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Protocol

DEFAULT_TTL_SECONDS = 600.0  # Slack's last retry comes about five minutes after the first try
DEFAULT_MAX_EVENTS = 10_000


class SeenEvents(Protocol):
    def first_time(self, event_id: str) -> bool:
        """True the first time an id is offered (and remembers it); False for a repeat."""
        ...


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


class SqliteSeenEvents:
    """The same memory shared by every worker process on one host, in a SQLite file.

    gunicorn runs several workers; Slack's retry of an event may reach a different worker than the
    first delivery did, so an in-process memory alone would answer it twice.
    """

    def __init__(
        self, path: Path, ttl_seconds: float = DEFAULT_TTL_SECONDS, clock: Callable[[], float] = time.time
    ) -> None:
        self.path = path
        self.ttl = ttl_seconds
        self.clock = clock
        with closing(self._connect()) as db, db:
            db.execute("CREATE TABLE IF NOT EXISTS seen (event_id TEXT PRIMARY KEY, at REAL NOT NULL)")

    def first_time(self, event_id: str) -> bool:
        now = self.clock()
        with closing(self._connect()) as db, db:
            db.execute("DELETE FROM seen WHERE at < ?", (now - self.ttl,))
            inserted = db.execute("INSERT OR IGNORE INTO seen (event_id, at) VALUES (?, ?)", (event_id, now))
            return inserted.rowcount == 1

    def _connect(self) -> sqlite3.Connection:
        # IMMEDIATE: take the write lock at the start, so two workers cannot both insert the same id.
        return sqlite3.connect(self.path, timeout=5, isolation_level="IMMEDIATE")
