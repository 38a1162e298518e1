"""What the surfaces share: the one structured log line per request, and Slack's failures in plain words.

Every request a listener handles logs exactly one `aieng.requests` line, however it ends:

    request type=mention topic=ml-engineer outcome=answer ms=14.9
    request type=mention topic=ml-engineer outcome=error ms=9.1 error=not_in_channel

never with the person's text. A Slack call that fails for a reason Slack names (the bot is not in
the channel, Slack is busy, it did not answer in time) becomes a `SlackFault`: the bot's own
exception, carrying what to tell the person, which the error boundary (handlers/errors.py) reports.
"""

from __future__ import annotations

import http.client
import logging
import time
import urllib.error
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from slack_sdk.errors import SlackApiError

from bot.answering import Reply
from bot.errors import BotError, SlackDeliveryError

request_log = logging.getLogger("aieng.requests")

# What the person is told, by Slack's error code (or our name for a failure Slack did not name).
SLACK_FAULTS = {
    "not_in_channel": "I'm not a member of this channel, so I can't reply here. Invite me with /invite @aieng.",
    "channel_not_found": "I can't see this conversation. If it's private, invite me to it first.",
    "is_archived": "This channel is archived, so I can't reply in it.",
    "msg_too_long": "That answer was too long for Slack. Try a narrower question.",
    "ratelimited": "Slack asked me to slow down, so my answer didn't go through. Please try again in a minute.",
    "slack_unavailable": "Slack is having trouble right now, so my answer didn't go through. Please try again soon.",
    "timeout": "Slack didn't confirm my answer in time. If you don't see it, please ask again in a minute.",
    "unreachable": "I couldn't reach Slack to send my answer. Please try again in a minute.",
    "expired_url": "That message is too old for me to update. Run /aieng again for a fresh one.",
}
_EXPIRED = ("expired_url", "used_url", "invalid_token")  # a response_url Slack no longer accepts


class SlackFault(SlackDeliveryError):
    """Slack did not take a reply; `code` says why (Slack's error code, or timeout/unreachable)."""

    def __init__(self, code: str, method: str, status: int | None = None) -> None:
        self.code = code
        self.method = method
        self.status = status
        super().__init__(SLACK_FAULTS.get(code, SLACK_FAULTS["slack_unavailable"]))


class ResponseUrlFailed(SlackFault):
    """A post to a response_url (`respond()`) was refused even after the retries Slack allows."""

    def __init__(self, status: int, body: str) -> None:
        if status == 429:
            code = "ratelimited"
        elif status >= 500:
            code = "slack_unavailable"
        else:
            code = "expired_url" if body.strip() in _EXPIRED else "response_url_refused"
        super().__init__(code, "response_url", status)


def slack_fault(error: BaseException, method: str) -> SlackFault | None:
    """The SlackFault `error` amounts to, or None when it is not one Slack explains (a bug of ours)."""
    if isinstance(error, SlackFault):
        return error
    if isinstance(error, SlackApiError):
        status = int(getattr(error.response, "status_code", 0) or 0)
        code = str(error.response.get("error") or "")
        if code in SLACK_FAULTS:
            return SlackFault(code, method, status)
        if status == 429:
            return SlackFault("ratelimited", method, status)
        if status >= 500:
            return SlackFault("slack_unavailable", method, status)
        return None  # invalid_blocks, invalid_auth, missing_scope...: ours to fix, with a traceback
    if isinstance(error, TimeoutError) or (
        isinstance(error, urllib.error.URLError) and isinstance(error.reason, TimeoutError)
    ):
        return SlackFault("timeout", method)
    if isinstance(error, (ConnectionError, urllib.error.URLError, http.client.HTTPException)):
        return SlackFault("unreachable", method)
    return None


@contextmanager
def slack_call(method: str) -> Iterator[None]:
    """Run a Slack call; a failure Slack explains is raised as a SlackFault, anything else as it is."""
    try:
        yield
    except Exception as error:
        fault = slack_fault(error, method)
        if fault is None or fault is error:
            raise
        raise fault from error


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
