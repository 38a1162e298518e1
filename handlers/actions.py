"""Button clicks: drill-down in place, "Share in channel", feedback and "None of these".

A drill-down replaces the card for the person who clicked: in place when only they can see it
(an ephemeral reply or their DM with the bot), else as a private card of their own, so one
person's click never changes what everyone in a channel sees.
"""

from __future__ import annotations

import re
import time
from typing import Any

from slack_bolt import Ack, App, Respond

from bot import ids
from bot.answering import Engine
from bot.delivery import click_payload
from bot.rendering import render
from handlers.common import log_request

_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")


def handle_open(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond, engine: Engine) -> None:
    ack()
    started = time.perf_counter()
    reply = engine.click(str(action.get("action_id")), str(action.get("value") or ""))
    payload = click_payload(reply)
    if not _only_clicker_sees(body):
        payload.update(replace_original=False, response_type="ephemeral")
    respond(**payload)
    log_request("click", reply, started)


def handle_share(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond, engine: Engine) -> None:
    ack()
    started = time.perf_counter()
    reply = engine.click(ids.SHARE, str(action.get("value") or ""))
    if reply.card is not None:
        user = str(body.get("user", {}).get("id", ""))
        message = render(reply.card, shared_by=user if _USER_ID.match(user) else None)
        respond(**message.payload("in_channel"), replace_original=False)
    log_request("share", reply, started)


def handle_feedback(ack: Ack, action: dict[str, Any], respond: Respond, engine: Engine) -> None:
    ack()
    started = time.perf_counter()
    reply = engine.click(str(action.get("action_id")), str(action.get("value") or ""))
    respond(text="Thanks for the feedback!", response_type="ephemeral", replace_original=False)
    log_request("feedback", reply, started)


def _only_clicker_sees(body: dict[str, Any]) -> bool:
    container = body.get("container") or {}
    channel = str((body.get("channel") or {}).get("id") or container.get("channel_id") or "")
    return bool(container.get("is_ephemeral")) or channel.startswith("D")


def register(app: App, engine: Engine) -> None:
    @app.action(ids.OPEN_PATTERN)
    def on_open(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        handle_open(ack, body, action, respond, engine)

    @app.action(ids.NONE_OF_THESE)
    def on_none(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        handle_open(ack, body, action, respond, engine)

    @app.action(ids.SHARE)
    def on_share(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        handle_share(ack, body, action, respond, engine)

    for feedback in (ids.FEEDBACK_UP, ids.FEEDBACK_DOWN):

        @app.action(feedback)
        def on_feedback(ack: Ack, action: dict[str, Any], respond: Respond) -> None:
            handle_feedback(ack, action, respond, engine)
