"""Writes to the store off the answer path, and the bot's own housekeeping.

Handlers call `recorder.submit(what, write)`: the write is queued (microseconds, never blocking)
and one background thread per process runs the writes. So a slash command's acknowledgement, and
every answer posted to Slack, goes out before anything is stored, and a slow or broken database
holds up no one. A write that fails is logged once (StoreHealth); if the queue is full (the
database far behind), new writes are dropped, also logged once.

The writer waits GATHER_SECONDS after a write arrives, then takes every write queued (up to
MAX_BATCH) and runs them in one transaction: a transaction of its own was most of a recorded
question's cost (on SQLite ~70 us a row, ~22 us in a shared one), and a writer woken for each
write took the GIL from the request threads as often (a record is first read seconds later: a
click after the answer, a vote, App Home). If that transaction fails, each of its writes runs again
on its own, so one bad write costs the others nothing; an unreachable database fails them together.

The same thread enforces AIENG_RETENTION_DAYS: at start and every hour it deletes what is older.
"""

from __future__ import annotations

import atexit
import logging
import queue
import threading
import time
from collections.abc import Callable
from functools import partial

from sqlalchemy import Connection

from bot.store.retention import purge_expired
from bot.store.store import Store

log = logging.getLogger("aieng.store")
Write = Callable[[Connection], object]
Queued = tuple[str, Write] | threading.Event  # a write, or a flush waiting for what was queued before it
MAX_PENDING = 10_000
MAX_BATCH = 200
GATHER_SECONDS = 0.05
PURGE_EVERY_SECONDS = 3600.0
FLUSH_AT_EXIT_SECONDS = 3.0


class Recorder:
    def __init__(
        self,
        store: Store,
        retention_days: int,
        max_pending: int = MAX_PENDING,
        purge_every: float = PURGE_EVERY_SECONDS,
        gather_seconds: float = GATHER_SECONDS,
    ) -> None:
        self.store = store
        self.gather_seconds = gather_seconds
        self.retention_days = retention_days
        self.purge_every = purge_every
        self._queue: queue.Queue[Queued] = queue.Queue(max_pending)
        self._next_purge = 0.0  # at once: a bot that was stopped for a while catches up on start
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="store-writer", daemon=True)
        self._thread.start()
        atexit.register(self.flush, FLUSH_AT_EXIT_SECONDS)

    def submit(self, what: str, write: Write) -> None:
        """Queue `write(connection)` (inside a transaction the writer commits); returns at once."""
        try:
            self._queue.put_nowait((what, write))
        except queue.Full:
            self.store.health.failed(f"{what} (writes queued faster than the store takes them)", queue.Full())

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait (bounded) until every write queued so far has run; True if they all did."""
        done = threading.Event()
        try:
            self._queue.put(done, timeout=timeout)
        except queue.Full:
            return False
        return done.wait(timeout)

    def close(self, timeout: float = 10.0) -> None:
        """Run what is queued, then stop the writer (the store itself stays open)."""
        self.flush(timeout)
        self._stopped.set()
        self._thread.join(timeout)
        atexit.unregister(self.flush)

    def _run(self) -> None:
        while not self._stopped.is_set():
            self._purge_when_due()
            try:
                first = self._queue.get(timeout=min(1.0, max(0.05, self._next_purge - time.monotonic())))
            except queue.Empty:
                continue
            if not isinstance(first, threading.Event):
                self._stopped.wait(self.gather_seconds)  # what comes meanwhile joins this transaction
            batch = self._more_after(first)
            writes = [item for item in batch if not isinstance(item, threading.Event)]
            if writes:
                self._write(writes)
            for item in batch:
                if isinstance(item, threading.Event):
                    item.set()
                self._queue.task_done()

    def _more_after(self, first: Queued) -> list[Queued]:
        """`first` and what is queued behind it, up to MAX_BATCH writes or a flush (which ends a batch)."""
        batch = [first]
        while not isinstance(batch[-1], threading.Event) and len(batch) < MAX_BATCH:
            try:
                batch.append(self._queue.get_nowait())
            except queue.Empty:
                break
        return batch

    def _write(self, writes: list[tuple[str, Write]]) -> None:
        if len(writes) == 1 or not self._write_together(writes):
            for what, write in writes:
                self.store.health.attempt(what, partial(self._alone, write), fallback=None)

    def _write_together(self, writes: list[tuple[str, Write]]) -> bool:
        """All in one transaction; False if it failed and each should be tried on its own."""
        try:
            connection = self.store.engine.connect()
        except Exception as error:  # unreachable: trying each again would only wait again
            self.store.health.failed(f"{writes[0][0]} and {len(writes) - 1} more writes", error)
            return True
        try:
            with connection, connection.begin():
                for _what, write in writes:
                    write(connection)
        except Exception:
            return False
        self.store.health.worked()
        return True

    def _alone(self, write: Write) -> None:
        with self.store.engine.begin() as connection:
            write(connection)

    def _purge_when_due(self) -> None:
        if time.monotonic() < self._next_purge:
            return
        self._next_purge = time.monotonic() + self.purge_every
        deleted = self.store.health.attempt(
            "delete what is past AIENG_RETENTION_DAYS",
            lambda: purge_expired(self.store.engine, self.retention_days),
            fallback=None,
        )
        if deleted and any(deleted.values()):
            log.info("retention: deleted what was past its time", extra={k: v for k, v in deleted.items() if v})
