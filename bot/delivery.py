"""How a reply goes out: privately or for everyone, in a thread or not, with "Share" or not.

Pay is personal: a pay answer asked for in a channel goes only to the person who asked (ephemeral),
with a "Share in channel" button should they want everyone to see it. Slash commands are always
answered privately, as Slack users expect.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bot.answering import Reply
from bot.kinds import Via
from bot.rendering import payload_json


@dataclass(frozen=True)
class Delivery:
    private: bool  # ephemeral: only the asker sees it
    shareable: bool  # carries a "Share in channel" button


def delivery_for(via: Via, reply: Reply) -> Delivery:
    if via == "slash":
        return Delivery(private=True, shareable=reply.kind == "answer")
    if via in ("mention", "channel") and is_about_pay(reply):
        return Delivery(private=True, shareable=True)
    return Delivery(private=False, shareable=False)


def is_about_pay(reply: Reply) -> bool:
    return reply.kind == "answer" and reply.about_pay


def message_payload(via: Via, reply: Reply) -> dict[str, Any]:
    """The Slack message body for a reply (what `ask --json` prints and the handlers send)."""
    return dict(json.loads(message_json(via, reply))) if reply.card is not None else {}


def message_json(via: Via, reply: Reply) -> str:
    """`message_payload` as JSON, as rendered once per card and remembered ("" for no card): what a
    slash command's acknowledgement sends as it is, without decoding it to encode it again."""
    if reply.card is None:
        return ""
    how = delivery_for(via, reply)
    response_type = "ephemeral" if how.private else None  # a slash reply is always private
    return payload_json(reply.card, how.shareable, response_type)


def click_payload(reply: Reply) -> dict[str, Any]:
    """A button's reply replaces the card it was clicked on (drill-down in place)."""
    if reply.card is None:
        return {}
    payload = dict(json.loads(payload_json(reply.card, True, None)))
    payload["replace_original"] = True
    return payload
