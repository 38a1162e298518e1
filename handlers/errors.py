"""The one error boundary: every exception a listener or middleware raises ends here.

Expected problems are the bot's own exceptions (BotError), each carrying what to tell the person:
a button that leads nowhere, or a SlackFault (bot/errors.py) when Slack would not take a reply
(the bot is not in the channel, Slack is busy or did not answer in time). Anything else is a bug:
it is logged with its traceback and the person hears only that something went wrong.

Each problem is logged once, in one line that also says whether the person could be told; the
person is told privately, however the request allows (in the acknowledgement of a command that
failed before it was acknowledged, through the response_url, or as an ephemeral message). Nothing
here raises: the server keeps serving.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from slack_bolt import App, BoltResponse, Respond
from slack_sdk import WebClient

from bot.errors import BotError, ResponseUrlFailed, SlackFault
from bot.slack_body import object_in
from bot.slack_client import slack_call, slack_fault

log = logging.getLogger("aieng.errors")

GENERIC = "Sorry, something went wrong on my side. Please try again in a moment."


def handle_error(
    error: Exception,
    body: dict[str, Any],
    respond: Respond | None,
    client: WebClient | None,
    response: BoltResponse | None = None,
) -> BoltResponse | None:
    """Bolt's error handler. Returns the HTTP answer for a request that failed before its ack."""
    expected = error if isinstance(error, BotError) else slack_fault(error, "-")
    message = str(expected) if expected is not None else GENERIC
    answer: BoltResponse | None = None
    try:
        if response is not None and response.status >= 500 and not _is_event(body):
            # Bolt answers 500 when a command or click failed before ack(); Slack would show the
            # person its own error. Acknowledge it instead, with the message if the ack can carry one.
            if "command" in body:
                answer = BoltResponse(status=200, body={"response_type": "ephemeral", "text": message})
                told = "yes"
            else:
                answer = BoltResponse(status=200, body="")
                told = tell(body, respond, client, message)
        else:
            told = tell(body, respond, client, message, use_response_url=not isinstance(error, ResponseUrlFailed))
    except Exception as failure:  # the boundary itself must never raise
        told = f"no:{type(failure).__name__}"
    _log(error, expected, body, told)
    return answer


@contextmanager
def after_ack(body: dict[str, Any], respond: Respond | None, client: WebClient | None) -> Iterator[None]:
    """For a listener that has called ack(): a failure inside goes to handle_error directly.

    Bolt's own route for it replaces the acknowledgement already given with none at all (its
    ThreadListenerRunner sets ack.response = None), so the request would wait out the 3-second ack
    timeout and answer Slack 404. The same handler runs either way.
    """
    try:
        yield
    except Exception as error:
        handle_error(error, body, respond, client)


def _log(error: Exception, expected: BaseException | None, body: dict[str, Any], told: str) -> None:
    where = {"request": _kind(body), "channel": _where(body)[0] or "-", "told": told}
    if isinstance(expected, SlackFault):
        fields: dict[str, Any] = {"error": expected.code, "method": expected.method, **where}
        if expected.status:
            fields["status"] = expected.status
        log.warning("slack did not take the reply", extra=fields)
    elif expected is not None:
        log.info("expected problem", extra={"problem": type(expected).__name__, **where})
    else:
        log.error("unexpected error", exc_info=error, extra={"problem": type(error).__name__, **where})


def tell(
    body: dict[str, Any],
    respond: Respond | None,
    client: WebClient | None,
    message: str,
    *,
    use_response_url: bool = True,
) -> str:
    """Say `message` privately to whoever caused the request, however we can; never raise.

    Returns "yes", or "no:<why>" (Slack's reason, or "nowhere" when the request names no one).
    """
    try:
        if use_response_url and respond is not None and respond.response_url:
            respond(text=message, response_type="ephemeral", replace_original=False)
            return "yes"
        channel, user, thread_ts = _where(body)
        if client is not None and channel and user:
            with slack_call("chat.postEphemeral"):
                client.chat_postEphemeral(channel=channel, user=user, text=message, thread_ts=thread_ts)
            return "yes"
        return "no:nowhere"
    except Exception as failure:  # the person can't be reached; the caller logs why
        return f"no:{failure.code if isinstance(failure, SlackFault) else type(failure).__name__}"


def _is_event(body: dict[str, Any]) -> bool:
    return body.get("type") == "event_callback"


def _kind(body: dict[str, Any]) -> str:
    if _is_event(body):
        event = object_in(body, "event")
        return f"event:{event.get('type') or '-'}"
    if "command" in body:
        return "command"
    return str(body.get("type") or "-")


def _where(body: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    """The channel, user and thread a private note about this request belongs in."""
    if _is_event(body):
        event = object_in(body, "event")
        in_dm = event.get("channel_type") == "im"
        thread = event.get("thread_ts") or (None if in_dm else event.get("ts"))
        return _text(event.get("channel")), _text(event.get("user")), _text(thread)
    if "command" in body:
        return _text(body.get("channel_id")), _text(body.get("user_id")), None
    channel = object_in(body, "channel").get("id") or object_in(body, "container").get("channel_id")
    return _text(channel), _text(object_in(body, "user").get("id")), None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def register(app: App) -> None:
    app.error(handle_error)
