"""The acknowledgement of an event or a click: given at once, empty; the reply runs after it (lazy)."""

from __future__ import annotations

from slack_bolt import Ack


def acknowledge(ack: Ack) -> None:
    """Slack wants it within 3 seconds; everything that calls Slack or the store runs after it."""
    ack()
