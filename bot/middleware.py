"""Bolt's global middleware: an event Slack delivers again is dropped; `respond` follows Slack's retry rules.

Both are `Middleware` subclasses, which Bolt calls as `process(req=, resp=, next=)`: a function
middleware costs a build of some 30 injectable arguments on every request, these nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware

from bot.request_log import RequestLine, event_kind
from bot.slack_client import ReliableRespond
from bot.store.events import SeenEvents
from bot.store.health import StoreHealth

Next = Callable[[], BoltResponse]


class SkipRepeatedEvents(Middleware):
    """An event Slack delivers again (same event_id) is acknowledged and dropped.

    If the memory itself fails (the database is down, a SQLite file is locked or unwritable), the
    event is answered: a rare second answer is better than none. `health` logs that once.
    """

    def __init__(self, seen: SeenEvents, health: StoreHealth) -> None:
        self.seen = seen
        self.health = health

    def process(self, *, req: BoltRequest, resp: BoltResponse, next: Next) -> BoltResponse | None:
        return self.screen(req.body, next)

    def screen(self, body: dict[str, Any], next: Next) -> BoltResponse | None:
        started = time.perf_counter()
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id:
            first = self.health.attempt("remember an event", lambda: self.seen.first_time(str(event_id)), fallback=True)
            if not first:
                line = RequestLine(event_kind(body.get("event")), started, outcome="duplicate")
                line.emit()
                return BoltResponse(status=200, body="")
        return next()


class ReliableResponds(Middleware):
    """`respond` in every listener is a ReliableRespond."""

    def __init__(self, timeout: int) -> None:
        self.timeout = timeout

    def process(self, *, req: BoltRequest, resp: BoltResponse, next: Next) -> BoltResponse | None:
        context = req.context
        if context.response_url:
            client = context.client
            context["respond"] = ReliableRespond(
                response_url=context.response_url,
                timeout=self.timeout,
                proxy=client.proxy if client else None,
                ssl=client.ssl if client else None,
            )
        return next()
