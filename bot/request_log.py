"""The one structured log line per request, written however the request ends:

    request type=mention topic=ml-engineer outcome=answer ms=14.9
    request type=mention topic=ml-engineer outcome=error ms=9.1 error=not_in_channel

never with the person's text.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from bot.answering import Reply
from bot.errors import BotError, SlackFault

request_log = logging.getLogger("aieng.requests")


@dataclass
class RequestLine:
    """The request being handled; `emit` writes its one line."""

    kind: str
    started: float = field(default_factory=time.perf_counter)
    reply: Reply | None = None
    outcome: str | None = None  # overrides the reply's kind ("ignore", "error", "duplicate")
    error: str | None = None

    def failed(self, error: BaseException) -> None:
        self.outcome = "error"
        if isinstance(error, SlackFault):
            self.error = error.code
        elif isinstance(error, BotError):
            self.error = type(error).__name__
        else:
            self.error = "unexpected"

    def emit(self) -> None:
        reply = self.reply
        fields: dict[str, object] = {
            "type": self.kind,
            "topic": (reply.topic_id if reply else None) or "-",
            "outcome": self.outcome or (reply.kind if reply else "none"),
            "ms": round((time.perf_counter() - self.started) * 1000, 1),
        }
        if self.error:
            fields["error"] = self.error
        request_log.info("request", extra=fields)


def event_kind(event: object) -> str:
    """The request type an Events API event is logged as: mention, dm, channel (as the handlers do)."""
    if not isinstance(event, dict):
        return "event"
    if event.get("type") == "app_mention":
        return "mention"
    if event.get("type") == "message":
        return "dm" if event.get("channel_type") == "im" else "channel"
    return str(event.get("type") or "event")


@contextmanager
def logged_request(kind: str) -> Iterator[RequestLine]:
    """One `aieng.requests` line for the request handled inside, written however it ends."""
    line = RequestLine(kind)
    try:
        yield line
    except BaseException as error:
        line.failed(error)
        raise
    finally:
        line.emit()
