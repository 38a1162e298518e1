"""The acknowledgement of an event or a click: given at once, empty; the reply runs after it (lazy)."""

from __future__ import annotations

from slack_bolt import Ack, BoltResponse

JSON = "application/json;charset=utf-8"


def acknowledge(ack: Ack) -> None:
    """Slack wants it within 3 seconds; everything that calls Slack or the store runs after it."""
    ack()


def ack_with_json(ack: Ack, message: str) -> None:
    """Acknowledge with a message already encoded as JSON (a card's, rendered once and remembered).

    `ack(**message)` would make Bolt encode the message again (~14% of a new question's CPU with the
    decoding); this is the response `ack` builds for a dict body, with the JSON as it is. No message:
    an empty acknowledgement, as `ack()`."""
    if not message:
        ack()
        return
    ack.response = BoltResponse(status=200, body=message, headers={"content-type": JSON})
