"""Answer each Slack event once, though Slack may deliver it up to four times.

`SeenEvents` is the interface; `MemorySeenEvents` keeps a bounded, expiring set in this process.
With several processes behind a load balancer, a shared store (Redis SET NX with a TTL, say)
can implement the same one method.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
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
