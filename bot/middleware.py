"""Bolt's global middleware: an event Slack delivers again is dropped; `respond` follows Slack's retry rules."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, BoltResponse

from bot.request_log import RequestLine, event_kind
from bot.slack_client import ReliableRespond
from bot.store.events import SeenEvents
from bot.store.health import StoreHealth


def skip_repeated_events(seen: SeenEvents, health: StoreHealth) -> Callable[..., BoltResponse | None]:
    """Global middleware: an event Slack delivers again (same event_id) is acknowledged and dropped.

    If the memory itself fails (the database is down, a SQLite file is locked or unwritable), the
    event is answered: a rare second answer is better than none. `health` logs that once.
    """

    def middleware(body: dict[str, Any], next: Callable[[], BoltResponse]) -> BoltResponse | None:
        started = time.perf_counter()
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id:
            first = health.attempt("remember an event", lambda: seen.first_time(str(event_id)), fallback=True)
            if not first:
                line = RequestLine(event_kind(body.get("event")), started, outcome="duplicate")
                line.emit()
                return BoltResponse(status=200, body="")
        return next()

    return middleware


def reliable_respond(timeout: int) -> Callable[..., BoltResponse | None]:
    """Global middleware: `respond` in every listener is a ReliableRespond."""

    def middleware(context: BoltContext, next: Callable[[], BoltResponse]) -> BoltResponse | None:
        if context.response_url:
            client = context.client
            context["respond"] = ReliableRespond(
                response_url=context.response_url,
                timeout=timeout,
                proxy=client.proxy if client else None,
                ssl=client.ssl if client else None,
            )
        return next()

    return middleware
