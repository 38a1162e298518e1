"""The closed sets of values the engine passes around, defined once so the type checker sees them."""

from __future__ import annotations

from typing import Literal

Via = Literal["slash", "mention", "dm", "channel"]  # how a message reached the bot (the assistant pane is a dm)
VIAS: tuple[Via, ...] = ("slash", "mention", "dm", "channel")

CardKind = Literal["answer", "choices", "fallback", "help"]  # choices: "did you mean"
ReplyKind = Literal[CardKind, "ignore"]  # ignore: a channel message the bot should not answer

# t: topic, s: salary table, r: roadmap, rs: a role's skills, cmp: comparison, c: menu (see bot.refs)
RefKind = Literal["t", "s", "r", "rs", "cmp", "c"]
