"""A person's progress on roadmap cards, and the cards of `/aieng progress`.

Roadmap cards are built once per ref (bot/cards/roadmap.py, remembered by the engine); the
person's progress is laid over them here, from a plain value the handler read from the store:
each step's mark (✓ done, ◐ learning, ↷ skipped, ○ not yet), "3 of 12 done", and a Continue
button to the first step neither done nor skipped. The buttons already on a card keep their places;
Continue goes last. A roadmap the person has not marked anything on is shown as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from bot import refs
from bot.cards.model import Button, Card, Section, open_button
from bot.content import Library
from bot.kinds import ButtonAction
from bot.models import Roadmap
from bot.progress import (
    MARKS,
    WORDS,
    RoadmapProgress,
    StepState,
    next_step,
    phase_tally,
    positions,
    state_at,
    step_key,
    tally,
)
from bot.refs import Ref

ALL = "*"  # a reset's value for every roadmap
LEGEND = "✓ done · ◐ learning · ↷ skipped · ○ not yet"
STEP_STATES: dict[ButtonAction, StepState] = {
    "mark_done": "done",
    "mark_learning": "learning",
    "mark_skipped": "skipped",
}


def progress_buttons(roadmap_id: str, key: str) -> tuple[Button, ...]:
    """Done / Learning / Skip / Reset for one step; the value names the step by key, not by position."""
    value = step_value(roadmap_id, key)
    return (
        Button("✓ Done", "mark_done", value),
        Button("◐ Learning", "mark_learning", value),
        Button("↷ Skip", "mark_skipped", value),
        Button("Reset step", "reset_step", value),
    )


def step_value(roadmap_id: str, key: str) -> str:
    return f"{roadmap_id}|{key}"


def parse_step_value(value: str) -> tuple[str, str] | None:
    roadmap_id, sep, key = value.partition("|")
    return (roadmap_id, key) if sep and roadmap_id and key else None


def with_progress(library: Library, ref: Ref, card: Card, progress: RoadmapProgress) -> Card:
    """The roadmap card `ref` names, as this person sees it; any other card unchanged."""
    if ref.kind != "r" or card.kind != "answer" or ref.parts[0] not in library.roadmaps:
        return card
    roadmap = library.roadmaps[ref.parts[0]]
    if not tally(roadmap, progress).started:
        return card  # nothing marked yet: the card everyone gets (its step cards carry the buttons)
    position = tuple(int(p) for p in ref.parts[1:])
    if len(position) == 2:
        return _step(roadmap, card, progress, position[0], position[1])
    if len(position) == 1:
        return _phase(roadmap, card, progress, position[0])
    return _overview(roadmap, card, progress)


def _overview(roadmap: Roadmap, card: Card, progress: RoadmapProgress) -> Card:
    lines = tuple(
        f"{phase.title}: {phase_tally(roadmap, progress, p).done} of {len(phase.steps)} done"
        for p, phase in enumerate(roadmap.phases)
    )
    mine = Section(f"Your progress: {tally(roadmap, progress).line()}", lines)
    return replace(card, sections=(mine, *card.sections), buttons=(*card.buttons, *_continue(roadmap, progress)))


def _phase(roadmap: Roadmap, card: Card, progress: RoadmapProgress, phase: int) -> Card:
    if not card.sections:
        return card
    steps, *rest = card.sections
    marked = tuple(f"{MARKS[state_at(roadmap, progress, phase, s)]} {line}" for s, line in enumerate(steps.lines))
    mine = f"{phase_tally(roadmap, progress, phase).done} of {len(marked)} done in this phase"
    summary = f"{card.summary}\nYour progress: {mine}; {tally(roadmap, progress).line()} on this roadmap. {LEGEND}"
    return replace(
        card,
        summary=summary,
        sections=(replace(steps, lines=marked), *rest),
        buttons=(*card.buttons, *_continue(roadmap, progress)),
    )


def _step(roadmap: Roadmap, card: Card, progress: RoadmapProgress, phase: int, step: int) -> Card:
    state = state_at(roadmap, progress, phase, step)
    said = f"{MARKS[state]} {WORDS[state]}" if state else f"{MARKS[None]} not marked yet"
    line = f"This step: {said}. This roadmap: {tally(roadmap, progress).line()}."
    return replace(card, summary=f"{card.summary}\n{line}", buttons=(*card.buttons, *_continue(roadmap, progress)))


def _continue(roadmap: Roadmap, progress: RoadmapProgress) -> tuple[Button, ...]:
    at = next_step(roadmap, progress)
    return (open_button("Continue ▸", refs.roadmap(roadmap.id, *at)),) if at is not None else ()


def step_title(roadmap: Roadmap, key: str) -> str | None:
    return next(
        (roadmap.phases[p].steps[s].title for p, s in positions(roadmap) if step_key(roadmap, p, s) == key), None
    )


# -- /aieng progress --------------------------------------------------------------------------------


def summary_card(library: Library, everything: Mapping[str, RoadmapProgress]) -> Card:
    """Each roadmap this person has started, with its tally and Continue; or how to start."""
    started = [
        (library.roadmaps[rid], tally(library.roadmaps[rid], marks))
        for rid, marks in everything.items()
        if rid in library.roadmaps and tally(library.roadmaps[rid], marks).started
    ]
    if not started:
        return Card(
            kind="help",
            title="Your roadmap progress",
            summary="You haven't marked any roadmap step yet. Open a roadmap, then a step, and mark it "
            "Done, Learning or Skip; your progress shows here and in the bot's Home tab.",
            buttons=(open_button("All roadmaps", refs.menu("roadmaps")),),
        )
    lines = tuple(f"{roadmap.title}: {counts.line()}" for roadmap, counts in started)
    buttons = [
        open_button(f"Continue: {roadmap.title}"[:70], refs.roadmap(roadmap.id, *at))
        for roadmap, _ in started
        if (at := next_step(roadmap, everything[roadmap.id])) is not None
    ]
    return Card(
        kind="help",
        title="Your roadmap progress",
        summary="Only you can see this. `/aieng progress reset [roadmap]` clears it.",
        sections=(Section("Roadmaps you have started", lines),),
        buttons=(*buttons, open_button("All roadmaps", refs.menu("roadmaps"))),
    )


def confirm_reset_card(library: Library, roadmap_id: str | None) -> Card:
    what = f"your progress on {library.roadmaps[roadmap_id].title}" if roadmap_id else "your progress on every roadmap"
    return Card(
        kind="help",
        title="Clear your progress?",
        summary=f"This clears {what}. It cannot be undone.",
        buttons=(
            Button("Yes, clear it", "confirm_reset", roadmap_id or ALL, "danger"),
            Button("Cancel", "cancel_reset", roadmap_id or ALL),
        ),
    )


def notice_card(title: str, text: str) -> Card:
    return Card(kind="help", title=title, summary=text)
