"""Roadmap cards for drill-down: a roadmap's phases, a phase's steps, a step's resources.

Each level has Back (one level up) and Previous/Next (siblings), so a whole roadmap can be walked
with buttons alone.
"""

from __future__ import annotations

from bot import refs
from bot.cards.model import Button, Card, Section, figure_field, open_button, point_line, source_line
from bot.content import Library
from bot.models import Roadmap

MAX_LABEL = 70  # Slack cuts button text at 75 characters


def roadmap_card(library: Library, roadmap_id: str, phase: int | None = None, step: int | None = None) -> Card:
    roadmap = library.roadmaps[roadmap_id]
    if phase is None:
        return _overview(library, roadmap)
    if step is None:
        return _phase(library, roadmap, phase)
    return _step(library, roadmap, phase, step)


def _overview(library: Library, roadmap: Roadmap) -> Card:
    phases = tuple(
        f"{i + 1}. {p.title}" + (f" ({p.duration}, {library.sources[p.source].name})" if p.duration else "")
        for i, p in enumerate(roadmap.phases)
    )
    sections = [Section("Phases", phases)]
    if roadmap.figures:
        sections.insert(0, Section(None, (), tuple(figure_field(library, f) for f in roadmap.figures[:10])))
    if roadmap.points:
        sections.append(Section(None, tuple(point_line(library, p) for p in roadmap.points)))
    buttons = [
        open_button(_label(f"{i + 1}. {p.title}"), refs.roadmap(roadmap.id, i)) for i, p in enumerate(roadmap.phases)
    ]
    buttons.append(open_button("All roadmaps", refs.menu("roadmaps")))
    return Card(
        kind="answer",
        title=roadmap.title,
        summary=roadmap.summary,
        sections=tuple(sections),
        sources=source_line(library, [*roadmap.figures, *roadmap.points, *roadmap.phases]),
        buttons=tuple(buttons),
        ref=str(refs.roadmap(roadmap.id)),
    )


def _phase(library: Library, roadmap: Roadmap, index: int) -> Card:
    phase = roadmap.phases[index]
    steps = tuple(f"{j + 1}. {s.title}: {s.detail}" for j, s in enumerate(phase.steps))
    duration = f" ({phase.duration})" if phase.duration else ""
    buttons = [
        open_button(_label(f"{j + 1}. {s.title}"), refs.roadmap(roadmap.id, index, j))
        for j, s in enumerate(phase.steps)
    ]
    buttons += _siblings(roadmap.id, (), index, len(roadmap.phases), "phase")
    return Card(
        kind="answer",
        title=_label(f"{roadmap.title}: {phase.title}{duration}", 150),
        summary=phase.summary,
        sections=(Section(f"Phase {index + 1} of {len(roadmap.phases)}: steps", steps),),
        sources=source_line(library, [phase]),
        buttons=tuple(buttons),
        ref=str(refs.roadmap(roadmap.id, index)),
    )


def _step(library: Library, roadmap: Roadmap, phase_index: int, index: int) -> Card:
    phase = roadmap.phases[phase_index]
    step = phase.steps[index]
    sections = [Section(f"Step {index + 1} of {len(phase.steps)} in {phase.title}", (step.detail,))]
    if step.resources:
        sections.append(Section("Resources", tuple(step.resources)))
    buttons = _siblings(roadmap.id, (phase_index,), index, len(phase.steps), "step")
    if step.skill and step.skill in library.entries:
        buttons.append(open_button(_label(f"Skill: {library.entries[step.skill].topic.title}"), refs.topic(step.skill)))
    return Card(
        kind="answer",
        title=_label(step.title, 150),
        summary=f"Part of {roadmap.title}, phase {phase_index + 1}: {phase.title}.",
        sections=tuple(sections),
        sources=source_line(library, [phase]),
        buttons=tuple(buttons),
        ref=str(refs.roadmap(roadmap.id, phase_index, index)),
    )


def _siblings(roadmap_id: str, parent: tuple[int, ...], index: int, count: int, noun: str) -> list[Button]:
    buttons = [open_button("Back", refs.roadmap(roadmap_id, *parent))]
    if index > 0:
        buttons.append(open_button(f"Previous {noun}", refs.roadmap(roadmap_id, *parent, index - 1)))
    if index + 1 < count:
        buttons.append(open_button(f"Next {noun}", refs.roadmap(roadmap_id, *parent, index + 1), "primary"))
    return buttons


def _label(text: str, limit: int = MAX_LABEL) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
