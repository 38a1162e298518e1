"""What the store could not do is logged once, not once per request.

A database that is down fails every request until it is back; one WARNING says so when it starts
failing, one INFO line when it works again, and the requests in between are answered regardless.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TypeVar

log = logging.getLogger("aieng.store")
T = TypeVar("T")


class StoreHealth:
    def __init__(self, logger: logging.Logger = log) -> None:
        self.log = logger
        self._failing = False
        self._lock = threading.Lock()

    @property
    def failing(self) -> bool:
        return self._failing

    def attempt(self, what: str, action: Callable[[], T], fallback: T) -> T:
        """`action()`, or `fallback` if the store fails (logged once until it works again).

        Any exception counts as a failure: whatever goes wrong in storing, the person's answer goes."""
        try:
            result = action()
        except Exception as error:
            self.failed(what, error)
            return fallback
        self.worked()
        return result

    def failed(self, what: str, error: BaseException) -> None:
        with self._lock:
            first, self._failing = not self._failing, True
        if first:
            self.log.warning(
                "store unavailable; answering without it until it is back",
                extra={"doing": what, "cause": type(error).__name__},
            )

    def worked(self) -> None:
        if not self._failing:  # the common case: no lock
            return
        with self._lock:
            recovered, self._failing = self._failing, False
        if recovered:
            self.log.info("store available again")
