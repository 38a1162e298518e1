"""The bot's own exceptions. Each carries a message fit to show a person.

BotError                 anything the bot expects and can explain
├── ConfigError          the environment is missing or has malformed variables
├── ContentError         content/ failed to load or validate (every problem, as file:line)
├── StaleButton          a clicked button names a card that no longer exists
└── SlackDeliveryError   Slack refused a reply for a reason the person can act on
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
