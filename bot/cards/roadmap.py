"""Roadmap cards for drill-down: a roadmap's plans and phases, a phase's steps, a step's resources.

A roadmap may hold the plans of several articles for the same track; consecutive phases citing the
same article are one plan. The overview lists each plan under its own heading, and Previous/Next
walk one plan only: from the last step of a phase into the first step of the plan's next phase,
never from one article's plan into another's. Phase and step cards always start with the same
three buttons, Back, Previous and Next, so they never move under the reader's thumb; a step card's
next four are always Done, Learning, Skip and Reset step (bot/cards/progress.py).
"""

from __future__ import annotations

from dataclasses import replace

from bot import refs
from bot.cards import focus
from bot.cards.model import Button, Card, Section, figure_field, one_source, open_button, point_line, source_line
from bot.cards.progress import progress_buttons
from bot.cards.topic import topic_card
from bot.content import Library
from bot.models import Phase, Roadmap
from bot.progress import step_key
from bot.text import shorten

MAX_LABEL = 70  # Slack cuts button text at 75 characters
Position = tuple[int, int]  # (phase, step)
Link = tuple[str, refs.Ref]  # a button's label and where it leads
# Where Previous and Next lead at the ends of a plan, in their place so no button moves.
OVERVIEW = "Roadmap overview"
PHASE = "Phase overview"


def roadmap_card(library: Library, roadmap_id: str, phase: int | None = None, step: int | None = None) -> Card:
    roadmap = library.roadmaps[roadmap_id]
    if phase is None:
        return overview_card(library, roadmap_id)
    if step is None:
        return _phase(library, roadmap, phase)
    return _step(library, roadmap, phase, step)


def plans(roadmap: Roadmap) -> list[tuple[int, ...]]:
    """The roadmap's phases grouped into plans: runs of consecutive phases citing one article."""
    grouped: list[list[int]] = []
    for index, phase in enumerate(roadmap.phases):
        if grouped and roadmap.phases[grouped[-1][-1]].source == phase.source:
            grouped[-1].append(index)
        else:
            grouped.append([index])
    return [tuple(plan) for plan in grouped]


def plan_of(roadmap: Roadmap, phase: int) -> tuple[int, ...]:
    return next(plan for plan in plans(roadmap) if phase in plan)


def overview_card(library: Library, roadmap_id: str, view: tuple[str, ...] = ()) -> Card:
    """The roadmap: its plans and phases, and a few of its facts (all of them, in pages, with `all`)."""
    roadmap = library.roadmaps[roadmap_id]
    near = None
    if view and view[-1].startswith(refs.NEAREST_FOR):
        near = {refs.NEAREST_FOR + n.id: n for n in roadmap.nearest_for}[view[-1]]  # KeyError: stale
        view = view[:-1]
    if view[:1] == (refs.FULL,):
        full = topic_card(library, roadmap_id, view)
        phases = open_button("Phases", refs.roadmap(roadmap_id))
        return replace(full, buttons=(*full.buttons[:1], phases, *full.buttons[1:]))
    picks = tuple(int(p) for p in view[0].split(".")) if view else focus.default_picks(roadmap, focus.OVERVIEW_BUDGET)
    items = focus.items_of(roadmap)
    if any(not 0 <= p < len(items) for p in picks):
        raise IndexError(f"no such facts in {roadmap_id}: {view}")
    shown = [items[p] for p in picks]
    figures = [roadmap.figures[i.index] for i in shown if i.kind == "figure"]
    points = [roadmap.points[i.index] for i in shown if i.kind == "point"]
    cited = not one_source([*figures, *points, *roadmap.phases])
    sections = []  # the facts answer first; the plans below them are the way in
    if figures:
        sections.append(Section(None, (), tuple(figure_field(library, f, cited) for f in figures)))
    if points:
        sections.append(Section(None, tuple(point_line(library, p, cited) for p in points)))
    sections += _plan_sections(library, roadmap)
    more = [open_button("More", refs.full(roadmap.id))] if focus.hidden_count(roadmap, picks) else []
    phase_buttons = [
        open_button(_label(f"{n}. {roadmap.phases[i].title}"), refs.roadmap(roadmap.id, i))
        for n, i in _numbered_phases(roadmap)
    ]
    return Card(
        kind="answer",
        title=roadmap.title,
        summary=roadmap.summary if near is None else f"{_nearest_lead(roadmap, near.name)} {roadmap.summary}",
        sections=tuple(sections),
        sources=source_line(library, [*figures, *points, *roadmap.phases]),
        buttons=(*phase_buttons, *more, open_button("All roadmaps", refs.menu("roadmaps"))),
        ref=str(_overview_ref(roadmap.id, picks if view else None, near.id if near else None)),
    )


def _nearest_lead(roadmap: Roadmap, whom: str) -> str:
    return f"No article gives a path for {whom}; the closest is this one, {roadmap.title}."


def _overview_ref(roadmap_id: str, picks: tuple[int, ...] | None, near: str | None) -> refs.Ref:
    ref = refs.focused(roadmap_id, picks) if picks is not None else refs.roadmap(roadmap_id)
    return refs.nearest_for(ref, near) if near else ref


def _numbered_phases(roadmap: Roadmap) -> list[tuple[int, int]]:
    """(number shown, phase index) of every phase: numbered within its plan, or straight through
    when every plan is a single phase (each article's one plan, side by side)."""
    grouped = plans(roadmap)
    if all(len(plan) == 1 for plan in grouped):
        return [(n, plan[0]) for n, plan in enumerate(grouped, 1)]
    return [(n, i) for plan in grouped for n, i in enumerate(plan, 1)]


def _plan_sections(library: Library, roadmap: Roadmap) -> list[Section]:
    grouped = plans(roadmap)
    if len(grouped) > 1 and all(len(plan) == 1 for plan in grouped):
        lines = tuple(_phase_line(n, roadmap.phases[i]) for n, i in _numbered_phases(roadmap))
        return [Section("Each article's plan", lines)]
    sections = []
    for plan in grouped:
        lines = tuple(_phase_line(n, roadmap.phases[i]) for n, i in enumerate(plan, 1))
        heading = _plan_name(library, roadmap, plan[0]) if len(grouped) > 1 else "Phases"
        sections.append(Section(heading, lines))
    return sections


def _phase_line(number: int, phase: Phase) -> str:
    return f"{number}. {phase.title}" + (f" ({phase.duration})" if phase.duration else "")


def _plan_name(library: Library, roadmap: Roadmap, phase: int) -> str:
    return f"{library.sources[roadmap.phases[phase].source].name} plan"


def _where(library: Library, roadmap: Roadmap, phase: int) -> str:
    """'phase 2 of 4' or, in a roadmap of several plans, 'phase 2 of 4 of the Startupbricks plan'."""
    plan = plan_of(roadmap, phase)
    where = f"phase {plan.index(phase) + 1} of {len(plan)}"
    return where if len(plans(roadmap)) == 1 else f"{where} of the {_plan_name(library, roadmap, phase)}"


def _phase(library: Library, roadmap: Roadmap, index: int) -> Card:
    phase = roadmap.phases[index]
    plan = plan_of(roadmap, index)
    steps = tuple(f"{j + 1}. {s.line}" for j, s in enumerate(phase.steps))
    duration = f" ({phase.duration})" if phase.duration else ""
    at = plan.index(index)
    overview = refs.roadmap(roadmap.id)
    buttons = _nav(
        ("Back", overview),
        ("Previous phase", refs.roadmap(roadmap.id, plan[at - 1])) if at > 0 else (OVERVIEW, overview),
        ("Next phase", refs.roadmap(roadmap.id, plan[at + 1])) if at + 1 < len(plan) else (OVERVIEW, overview),
    )
    buttons += [
        open_button(_label(f"{j + 1}. {s.title}"), refs.roadmap(roadmap.id, index, j))
        for j, s in enumerate(phase.steps)
    ]
    return Card(
        kind="answer",
        title=_label(f"{roadmap.title}: {phase.title}{duration}", 150),
        summary=phase.summary,
        sections=(Section(f"{_capitalized(_where(library, roadmap, index))}: steps", steps),),
        sources=source_line(library, [phase]),
        buttons=tuple(buttons),
        ref=str(refs.roadmap(roadmap.id, index)),
    )


def _step(library: Library, roadmap: Roadmap, phase_index: int, index: int) -> Card:
    phase = roadmap.phases[phase_index]
    step = phase.steps[index]
    where = f"Step {index + 1} of {len(phase.steps)} in {phase.title}"
    # A detail that only says the title again is not said twice: where the step is stands alone.
    sections = [Section(None, (f"{where}.",)) if step.restates else Section(where, (step.detail,))]
    if step.resources:
        sections.append(Section("Resources", tuple(step.resources)))
    walk = _plan_steps(roadmap, phase_index)
    at = walk.index((phase_index, index))
    phase_ref = refs.roadmap(roadmap.id, phase_index)
    buttons = _nav(
        ("Back", phase_ref),
        ("Previous step", refs.roadmap(roadmap.id, *walk[at - 1])) if at > 0 else (PHASE, phase_ref),
        ("Next step", refs.roadmap(roadmap.id, *walk[at + 1]))
        if at + 1 < len(walk)
        else (OVERVIEW, refs.roadmap(roadmap.id)),
    )
    buttons += progress_buttons(roadmap.id, step_key(roadmap, phase_index, index))
    if step.skill and step.skill in library.entries:
        buttons.append(open_button(_label(f"Skill: {library.entries[step.skill].topic.title}"), refs.topic(step.skill)))
    return Card(
        kind="answer",
        title=_label(step.title, 150),
        summary=f"Part of {roadmap.title}, {_where(library, roadmap, phase_index)}: {phase.title}.",
        sections=tuple(sections),
        sources=source_line(library, [phase]),
        buttons=tuple(buttons),
        ref=str(refs.roadmap(roadmap.id, phase_index, index)),
    )


def _plan_steps(roadmap: Roadmap, phase: int) -> list[Position]:
    """Every step of the phase's plan in reading order, across its phases."""
    return [(p, s) for p in plan_of(roadmap, phase) for s in range(len(roadmap.phases[p].steps))]


def _nav(back: Link, previous: Link, following: Link) -> list[Button]:
    """Back, Previous and Next, always these three in this order (Next the primary one)."""
    return [
        open_button(*back),
        open_button(previous[0], previous[1]),
        open_button(following[0], following[1], "primary"),
    ]


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _label(text: str, limit: int = MAX_LABEL) -> str:
    return shorten(text, limit)
