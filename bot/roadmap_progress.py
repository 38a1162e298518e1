"""What progress clicks and `/aieng progress` do, shared by the Slack handlers and the local chat.

The cards stay pure (bot/cards/progress.py takes progress as a value); this module is the edge
that reads and writes the person's progress through a ProgressBook (which never raises) and says
what to show. A click on a step the content no longer has (the card was sent before the content
changed) is refused with a clear message and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from bot import ids, refs
from bot.answering import Engine
from bot.cards import open_card
from bot.cards.model import Card
from bot.cards.progress import (
    ALL,
    STEP_STATES,
    confirm_reset_card,
    notice_card,
    parse_step_value,
    summary_card,
    with_progress,
)
from bot.content import Library
from bot.errors import BotError
from bot.kinds import ButtonAction
from bot.parsing import parse
from bot.progress import find_step
from bot.refs import Ref, parse_ref
from bot.store.progress import ProgressBook
from bot.text import words

STALE_STEP = (
    "That step is no longer in this roadmap (the roadmap changed since this card was sent), so nothing "
    "was saved. Open the roadmap again with /aieng roadmap to see its steps now."
)
NOT_SAVED = "I couldn't save that just now, so your progress is as it was. Please try again in a minute."
COMMAND_WORD = "progress"
RESET_WORDS = ("reset", "clear")


class StaleStep(BotError):
    def __init__(self) -> None:
        super().__init__(STALE_STEP)


@dataclass(frozen=True)
class Person:
    team_id: str
    user_id: str


@dataclass(frozen=True)
class ProgressCommand:
    action: Literal["show", "reset"]
    roadmap_id: str | None = None  # for a reset: one roadmap, or None for every roadmap
    unknown: str | None = None  # words naming no roadmap


def asks_for_progress(engine: Engine, text: str) -> bool:
    return progress_command(engine, text) is not None


def progress_command(engine: Engine, text: str) -> ProgressCommand | None:
    """`progress`, `progress reset`, `progress reset <roadmap>`; None for any other text."""
    said = words(text.lower())
    if not said or said[0] != COMMAND_WORD:
        return None
    if len(said) == 1:
        return ProgressCommand("show")
    if said[1] not in RESET_WORDS:
        return None
    rest = " ".join(said[2:])
    if not rest:
        return ProgressCommand("reset")
    roadmap_id = roadmap_named(engine, rest)
    return ProgressCommand("reset", roadmap_id, None if roadmap_id else rest)


def roadmap_named(engine: Engine, text: str) -> str | None:
    if text in engine.library.roadmaps:
        return text
    ref = engine.router.route(parse(f"roadmap {text}", engine.index, grammar=True))
    return ref.parts[0] if ref is not None and ref.kind == "r" else None


def personal(library: Library, book: ProgressBook, who: Person, card: Card) -> Card:
    """A card as this person sees it: their progress on a roadmap card; any other card as it is."""
    ref = _roadmap_ref(card)
    if ref is None or ref.parts[0] not in library.roadmaps:
        return card
    return with_progress(library, ref, card, book.of(who.team_id, who.user_id, ref.parts[0]))


def mark_step(engine: Engine, book: ProgressBook, who: Person, action: ButtonAction, value: str) -> Card:
    """Done / Learning / Skip / Reset step: store it, and the step card as it now stands for them."""
    library = engine.library
    named = parse_step_value(value)
    if named is None or named[0] not in library.roadmaps:
        raise StaleStep()
    roadmap_id, key = named
    at = find_step(library.roadmaps[roadmap_id], key)
    if at is None:
        raise StaleStep()
    state = STEP_STATES.get(action)
    if state is None and action != "reset_step":
        raise BotError(ids.UNKNOWN_BUTTON)
    saved = book.mark(who.team_id, who.user_id, roadmap_id, key, state)
    card = personal(library, book, who, open_card(library, refs.roadmap(roadmap_id, *at)))
    return card if saved else replace(card, summary=f"{card.summary}\n⚠ {NOT_SAVED}")


def progress_reply(engine: Engine, book: ProgressBook, who: Person, command: ProgressCommand) -> Card:
    library = engine.library
    if command.unknown:
        return notice_card(
            "Which roadmap?",
            f"I don't know a roadmap called “{command.unknown}”. `/aieng roadmap` lists them; "
            "`/aieng progress reset` clears every roadmap.",
        )
    if command.action == "reset":
        return confirm_reset_card(library, command.roadmap_id)
    return summary_card(library, book.everything(who.team_id, who.user_id))


def confirm_reset(engine: Engine, book: ProgressBook, who: Person, value: str) -> Card:
    """The confirm button of a reset: clear, then show what is left."""
    library = engine.library
    roadmap_id = None if value == ALL else value
    if roadmap_id is not None and roadmap_id not in library.roadmaps:
        roadmap_id = value  # a roadmap since removed: its rows are cleared all the same
    if not book.reset(who.team_id, who.user_id, roadmap_id):
        return notice_card("Nothing cleared", NOT_SAVED)
    what = library.roadmaps[roadmap_id].title if roadmap_id in library.roadmaps else "every roadmap"
    left = summary_card(library, book.everything(who.team_id, who.user_id))
    return replace(left, summary=f"Cleared your progress on {what}. {left.summary}")


def cancelled_reset() -> Card:
    return notice_card("Nothing cleared", "Your progress is as it was.")


def _roadmap_ref(card: Card) -> Ref | None:
    if not card.ref or not card.ref.startswith("r:"):
        return None
    try:
        return parse_ref(card.ref)
    except ValueError:
        return None
