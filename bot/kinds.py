"""The closed sets of values the engine passes around, defined once so the type checker sees them."""

from __future__ import annotations

from typing import Literal

Via = Literal["slash", "mention", "dm", "channel"]  # how a message reached the bot (the assistant pane is a dm)
VIAS: tuple[Via, ...] = ("slash", "mention", "dm", "channel")

CardKind = Literal["answer", "choices", "fallback", "help"]  # choices: "did you mean"
ReplyKind = Literal[CardKind, "ignore"]  # ignore: a channel message the bot should not answer

# What a button does, in the domain's words. Cards say this; rendering gives each its Slack action_id
# (bot/ids.py), and a click's action_id is read back into one of these.
ButtonAction = Literal[
    "open",  # value: a card ref (bot.refs): drill-down, Back/Next, did-you-mean choices
    "share",  # value: the ref of the card to post for everyone
    "vote_up",  # value: the ref of the card being rated
    "vote_down",
    "none_of_these",  # value: the question that had no good match
    "quiz",  # opens the career quiz; value: where it was offered (help, assistant, plan, home)
    "mark_done",  # roadmap progress; value: "<roadmap id>|<step key>" (bot/cards/progress.py)
    "mark_learning",
    "mark_skipped",
    "reset_step",
    "confirm_reset",  # value: a roadmap id, or "*" for every roadmap
    "cancel_reset",
]
PROGRESS_MARKS: tuple[ButtonAction, ...] = ("mark_done", "mark_learning", "mark_skipped", "reset_step")

# t: topic, s: salary table, r: roadmap, rs: a role's skills, cmp: comparison, c: menu (see bot.refs)
RefKind = Literal["t", "s", "r", "rs", "cmp", "c"]
