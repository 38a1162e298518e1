"""Events of Slack's assistant panel, shaped as Slack delivers them (see tests/slack_requests.py for the rest).

The panel is a DM with the bot in which each conversation is a thread: Slack reports a new one with
`assistant_thread_started`, a change of the channel the person is looking at with
`assistant_thread_context_changed`, and each question as an ordinary `message.im` inside the thread.
"""

from __future__ import annotations

import time
from typing import Any

from slack_requests import BOT_USER_ID, TEAM_ID, event_callback, im_message


def thread_ts() -> str:
    return f"{time.time():.6f}"


def _thread(channel: str, thread: str, user: str, context_channel: str | None) -> dict[str, Any]:
    context = {"channel_id": context_channel, "team_id": TEAM_ID, "enterprise_id": None} if context_channel else {}
    return {"user_id": user, "context": context, "channel_id": channel, "thread_ts": thread}


def thread_started(
    channel: str, thread: str, *, user: str = "U0ASKER", context_channel: str | None = "C0GENERAL"
) -> str:
    event = {
        "type": "assistant_thread_started",
        "assistant_thread": _thread(channel, thread, user, context_channel),
        "event_ts": thread_ts(),
    }
    return event_callback(event)


def context_changed(channel: str, thread: str, *, context_channel: str, user: str = "U0ASKER") -> str:
    event = {
        "type": "assistant_thread_context_changed",
        "assistant_thread": _thread(channel, thread, user, context_channel),
        "event_ts": thread_ts(),
    }
    return event_callback(event)


def thread_message(text: str, channel: str, thread: str, *, user: str = "U0ASKER", event_id: str | None = None) -> str:
    """The person asks `text` in the panel: a message.im event inside the thread."""
    event = im_message(text, channel=channel, user=user, ts=thread_ts())
    return event_callback({**event, "thread_ts": thread, "parent_user_id": BOT_USER_ID}, event_id=event_id)
