"""The other close candidates of an answer, offered as buttons under it ("Also: ...")."""

from __future__ import annotations

from dataclasses import replace

from bot.cards.model import Card, open_button
from bot.refs import Ref
from bot.text import shorten

ALSO_PREFIX = "Also: "
LABEL_CHARS = 60  # Slack cuts button text at 75 characters


def with_alternatives(card: Card, others: list[tuple[str, Ref]]) -> Card:
    """The card with a button for each other close candidate it does not already link to."""
    linked = {b.value for b in card.buttons}
    extra = tuple(
        open_button(_label(label), ref) for label, ref in others if str(ref) not in linked and str(ref) != card.ref
    )
    return replace(card, buttons=extra + card.buttons) if extra else card


def _label(label: str) -> str:
    return shorten(ALSO_PREFIX + label, LABEL_CHARS)
