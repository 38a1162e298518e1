"""Writes to the store off the answer path, and the bot's own housekeeping.

Handlers call `recorder.submit(what, write)`: the write is queued (microseconds, never blocking)
and one background thread per process runs the writes in turn. So a slash command's
acknowledgement, and every answer posted to Slack, goes out before anything is stored, and a slow
or broken database holds up no one. A write that fails is logged once (StoreHealth); if the queue
is full (the database far behind), new writes are dropped, also logged once.

The same thread enforces AIENG_RETENTION_DAYS: at start and every hour it deletes what is older.
"""

from __future__ import annotations

import atexit
import logging
import queue
import threading
import time
from collections.abc import Callable

from sqlalchemy import Engine

from bot.store.retention import purge_expired
from bot.store.store import Store

log = logging.getLogger("aieng.store")
Write = Callable[[Engine], object]
MAX_PENDING = 10_000
PURGE_EVERY_SECONDS = 3600.0
FLUSH_AT_EXIT_SECONDS = 3.0


class Recorder:
    def __init__(
        self,
        store: Store,
        retention_days: int,
        max_pending: int = MAX_PENDING,
        purge_every: float = PURGE_EVERY_SECONDS,
    ) -> None:
        self.store = store
        self.retention_days = retention_days
        self.purge_every = purge_every
        self._queue: queue.Queue[tuple[str, Write]] = queue.Queue(max_pending)
        self._next_purge = 0.0  # at once: a bot that was stopped for a while catches up on start
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="store-writer", daemon=True)
        self._thread.start()
        atexit.register(self.flush, FLUSH_AT_EXIT_SECONDS)

    def submit(self, what: str, write: Write) -> None:
        """Queue `write(engine)`; returns at once."""
        try:
            self._queue.put_nowait((what, write))
        except queue.Full:
            self.store.health.failed(f"{what} (writes queued faster than the store takes them)", queue.Full())

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait (bounded) until every write queued so far has run; True if they all did."""
        done = threading.Event()
        try:
            self._queue.put(("flush", lambda _engine: done.set()), timeout=timeout)
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
                what, write = self._queue.get(timeout=min(1.0, max(0.05, self._next_purge - time.monotonic())))
            except queue.Empty:
                continue
            self._write(what, write)
            self._queue.task_done()

    def _write(self, what: str, write: Write) -> None:
        self.store.health.attempt(what, lambda: write(self.store.engine), fallback=None)

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
