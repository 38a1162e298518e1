"""The one error boundary: every exception a listener raises ends here.

Expected problems (BotError, and Slack refusals a person can act on) are told to the person in
plain words; anything else is logged with its traceback and the person hears only that something
went wrong. Nothing here raises: the server keeps serving.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.errors import BotError

log = logging.getLogger("aieng.errors")

GENERIC = "Sorry, something went wrong on my side. Please try again in a moment."
SLACK_REFUSALS = {
    "not_in_channel": "I'm not a member of this channel, so I can't reply here. Invite me with /invite @aieng.",
    "channel_not_found": "I can't see this conversation. If it's private, invite me to it first.",
    "is_archived": "This channel is archived, so I can't reply in it.",
    "ratelimited": "Slack asked me to slow down. Please try again in a minute.",
    "msg_too_long": "That answer was too long for Slack. Try a narrower question.",
}


def user_message(error: BaseException) -> str:
    if isinstance(error, BotError):
        return str(error)
    if isinstance(error, SlackApiError):
        return SLACK_REFUSALS.get(str(error.response.get("error")), GENERIC)
    return GENERIC


def handle_error(error: Exception, body: dict[str, Any], respond: Respond | None, client: WebClient | None) -> None:
    message = user_message(error)
    if isinstance(error, BotError):
        log.info("expected problem", extra={"problem": type(error).__name__})
    elif isinstance(error, SlackApiError) and message != GENERIC:
        log.warning("slack refused", extra={"error": error.response.get("error")})
    else:
        log.exception("unexpected error", exc_info=error)
    tell(body, respond, client, message)


def tell(body: dict[str, Any], respond: Respond | None, client: WebClient | None, message: str) -> None:
    """Say `message` privately to whoever caused the request, however we can; give up quietly."""
    try:
        if respond is not None and respond.response_url:
            respond(text=message, response_type="ephemeral", replace_original=False)
            return
        event = body.get("event") or {}
        if client is not None and event.get("channel") and event.get("user"):
            client.chat_postEphemeral(channel=event["channel"], user=event["user"], text=message)
    except Exception as error:  # the person can't be reached; the log has the cause
        log.warning("could not tell the person about an error", extra={"cause": type(error).__name__})


def register(app: App) -> None:
    app.error(handle_error)
