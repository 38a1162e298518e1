"""Mentions, direct messages and (optionally) questions asked in channels the bot is in.

A mention is answered in its thread; a DM in the DM; a channel question only when it is clearly
one the content answers. Pay answers asked for in a channel go privately to the asker.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.answering import Engine, Reply
from bot.delivery import message_payload
from bot.kinds import Via
from bot.recording import Recording
from bot.request_log import logged_request
from bot.slack_client import slack_call
from handlers.ack import acknowledge
from handlers.errors import after_ack
from handlers.message_text import person_text

# The subtypes of a person's own new message: plain, "also send to channel", with a file, /me.
# Edits, deletions, joins and leaves, bots' messages and the rest are never answered.
ANSWERED_SUBTYPES = (None, "thread_broadcast", "file_share", "me_message")

log = logging.getLogger("aieng.messages")


def handle_mention(event: dict[str, Any], client: WebClient, engine: Engine) -> Reply | None:
    with logged_request("mention") as line:
        if not event.get("channel"):
            line.outcome = "dropped"  # a trimmed event: nowhere to reply (the request line says so once)
            return None
        line.reply = engine.answer(person_text(event), "mention")
        deliver(client, event, "mention", line.reply)
    return line.reply


def handle_message(
    event: dict[str, Any], client: WebClient, context: dict[str, Any], engine: Engine, answer_channel_questions: bool
) -> Reply | None:
    """A DM, or a channel message the bot was not mentioned in (mentions come as app_mention); the reply."""
    via: Via = "dm" if event.get("channel_type") == "im" else "channel"
    with logged_request(via) as line:
        text = person_text(event)
        if not _from_a_person(event, context.get("bot_user_id")) or (
            via == "channel" and (not answer_channel_questions or _mentions(text, context.get("bot_user_id")))
        ):
            line.outcome = "ignore"  # an edit, a bot's message, or a mention (answered as app_mention)
            return None
        line.reply = engine.answer(text, via)
        if line.reply.kind != "ignore":
            deliver(client, event, via, line.reply)
    return line.reply


def _from_a_person(event: dict[str, Any], bot_user: object) -> bool:
    """A person's own new message, somewhere a reply can go: not an edit, a join, a bot or the bot itself."""
    return (
        event.get("subtype") in ANSWERED_SUBTYPES
        and not event.get("bot_id")
        and bool(event.get("user"))
        and event.get("user") != bot_user
        and bool(event.get("channel"))
    )


def _mentions(text: str, bot_user: object) -> bool:
    return bool(bot_user) and f"<@{bot_user}>" in text


def deliver(client: WebClient, event: dict[str, Any], via: Via, reply: Reply) -> None:
    payload = message_payload(via, reply)
    if not payload:
        return
    private = payload.pop("response_type", None) == "ephemeral"
    thread_ts = event.get("thread_ts") or (event.get("ts") if via != "dm" else None)
    channel, user = str(event.get("channel") or ""), str(event.get("user") or "")
    if not channel or (private and not user):
        log.warning("reply dropped: the event names no %s to reply to", "user" if channel else "channel")
        return
    if private:
        with slack_call("chat.postEphemeral"):
            client.chat_postEphemeral(channel=channel, user=user, thread_ts=thread_ts, **payload)
    else:
        with slack_call("chat.postMessage"):
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, **payload)


def register(app: App, engine: Engine, *, answer_channel_questions: bool, recording: Recording | None = None) -> None:
    """Events are acknowledged at once; the answer (a post to Slack) runs after, off the request, and
    the question is recorded (queued) once the answer has gone."""
    recording = recording or Recording(None, engine)

    def on_mention(body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        with after_ack(body, None, client):
            recording.question(body, handle_mention(event, client, engine))

    def on_message(body: dict[str, Any], event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        with after_ack(body, None, client):
            recording.question(body, handle_message(event, client, context, engine, answer_channel_questions))

    app.event("app_mention")(ack=acknowledge, lazy=[on_mention])
    app.event("message")(ack=acknowledge, lazy=[on_message])
