"""The bot's own exceptions. Each carries a message fit to show a person.

BotError                 anything the bot expects and can explain
├── ConfigError          the environment is missing or has malformed variables
├── ContentError         content/ failed to load or validate (every problem, as file:line)
├── StaleButton          a clicked button names a card that no longer exists
└── SlackDeliveryError   Slack refused a reply for a reason the person can act on
    └── SlackFault       ...naming why (Slack's error code, or timeout/unreachable)
        └── ResponseUrlFailed   a post to a response_url refused even after the retries Slack allows

handlers/ raise and catch these from here: concepts live in bot/, and handlers/ import bot/, not the reverse.
"""

from __future__ import annotations

from collections.abc import Sequence


class BotError(Exception):
    """An expected failure; `str(error)` is what the person sees."""


class ConfigError(BotError):
    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"Configuration problem(s):\n{lines}\nSee the Configuration table in README.md.")


class ContentError(BotError):
    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class SlackDeliveryError(BotError):
    """Slack would not take the reply; the message says what the person can do about it."""


class StaleButton(BotError):
    def __init__(self) -> None:
        super().__init__("That button no longer leads anywhere (the content has changed). Try /aieng help.")


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
