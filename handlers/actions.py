"""Button clicks: drill-down in place, "Share in channel", feedback and "None of these".

A drill-down replaces the card for the person who clicked: in place when only they can see it
(an ephemeral reply or their DM with the bot), else as a private card of their own, so one
person's click never changes what everyone in a channel sees.

Every click is acknowledged first (Slack wants that within 3 seconds) and answered through its
response_url. A failure after the acknowledgement goes to the error boundary straight from here
(`after_ack`): left to Bolt, it would discard the acknowledgement already given and answer the click
404 after three seconds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from slack_bolt import App, Respond
from slack_sdk import WebClient

from bot import ids
from bot.answering import Engine
from bot.delivery import click_payload
from bot.recording import Recording
from bot.rendering import render
from bot.request_log import logged_request
from bot.roadmap_progress import personal
from bot.slack_body import object_in
from bot.store.progress import ProgressBook
from handlers import feedback
from handlers.ack import acknowledge
from handlers.errors import after_ack
from handlers.home import person_of

_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_ANY_ACTION = re.compile(r".*", re.DOTALL)


def handle_open(
    body: dict[str, Any], action: dict[str, Any], respond: Respond, engine: Engine, book: ProgressBook | None = None
) -> None:
    with logged_request("click") as line:
        line.reply = engine.click(ids.button_action(str(action.get("action_id"))), str(action.get("value") or ""))
        who = person_of(body)
        if book is not None and who is not None and line.reply.card is not None:  # their progress on a roadmap
            line.reply = replace(line.reply, card=personal(engine.library, book, who, line.reply.card))
        payload = click_payload(line.reply)
        if not only_clicker_sees(body):
            payload.update(replace_original=False, response_type="ephemeral")
        respond(**payload)


def handle_share(body: dict[str, Any], action: dict[str, Any], respond: Respond, engine: Engine) -> None:
    with logged_request("share") as line:
        line.reply = engine.click("share", str(action.get("value") or ""))
        if line.reply.card is not None:
            user = str(object_in(body, "user").get("id", ""))
            message = render(line.reply.card, shared_by=user if _USER_ID.match(user) else None)
            respond(**message.payload("in_channel"), replace_original=False)


def handle_feedback(
    body: dict[str, Any],
    action: dict[str, Any],
    respond: Respond,
    client: WebClient,
    engine: Engine,
    recording: Recording,
) -> None:
    """Store the vote (a second click changes it); after 👎 ask what was missing (handlers/feedback.py)."""
    with logged_request("feedback") as line:
        clicked, ref = ids.button_action(str(action.get("action_id"))), str(action.get("value") or "")
        line.reply = engine.click(clicked, ref)
        feedback.handle_vote(body, action, respond, client)
        recording.vote(body, ref, "down" if clicked == "vote_down" else "up", line.reply.topic_id)


def only_clicker_sees(body: dict[str, Any]) -> bool:
    container = object_in(body, "container")
    channel = str(object_in(body, "channel").get("id") or container.get("channel_id") or "")
    return bool(container.get("is_ephemeral")) or channel.startswith("D")


def register(app: App, engine: Engine, recording: Recording | None = None, book: ProgressBook | None = None) -> None:
    """Each click is acknowledged at once; the reply (a post to Slack) runs after, off the request;
    then what the click says about the content (a pick, "None of these", a vote) is recorded."""
    recording = recording or Recording(None, engine)

    def lazily(handle: Callable[..., None], record: bool = False) -> Callable[..., None]:
        def reply(body: dict[str, Any], action: dict[str, Any], respond: Respond, client: WebClient) -> None:
            with after_ack(body, respond, client):
                handle(body, action, respond, engine)
                if record:
                    recording.clicked(body, action)

        return reply

    def opened(body: dict[str, Any], action: dict[str, Any], respond: Respond, client: WebClient) -> None:
        with after_ack(body, respond, client):  # with a book, a roadmap card shows the clicker's own progress
            handle_open(body, action, respond, engine, book)
            recording.clicked(body, action)

    def vote(body: dict[str, Any], action: dict[str, Any], respond: Respond, client: WebClient) -> None:
        with after_ack(body, respond, client):
            handle_feedback(body, action, respond, client, engine, recording)

    app.action(ids.OPEN_PATTERN)(ack=acknowledge, lazy=[opened])
    app.action(ids.NONE_OF_THESE)(ack=acknowledge, lazy=[lazily(handle_open, record=True)])
    app.action(ids.SHARE)(ack=acknowledge, lazy=[lazily(handle_share)])
    app.action(ids.one_of(ids.FEEDBACK_UP, ids.FEEDBACK_DOWN))(ack=acknowledge, lazy=[vote])
    # Registered last (Bolt runs the first listener that matches): a button this version no longer has,
    # on an old message, is answered (Engine.click refuses it with a BotError) rather than left spinning.
    # Only a click on a message: a string pattern alone would also catch dialog submissions and
    # cancellations and workflow-step edits, and the bot has no views whose elements could be ours.
    unknown_click: dict[str, str | re.Pattern[str]] = {"type": "block_actions", "action_id": _ANY_ACTION}
    app.action(unknown_click, matchers=[_on_a_message])(ack=acknowledge, lazy=[lazily(handle_open)])


def _on_a_message(body: dict[str, Any]) -> bool:
    return bool(object_in(body, "container").get("type", "message") == "message")
