"""The quiz result as a card: recommended role and track, level, pay side by side, roadmap, first skills."""

from __future__ import annotations

from bot import refs
from bot.cards.model import (
    FIELDS_PER_SECTION,
    Button,
    Card,
    Field,
    Section,
    chunks,
    cite,
    open_button,
    point_line,
    source_line,
)
from bot.cards.salary import NOTE_MAX_CHARS
from bot.content import Library
from bot.models import Cited, SalaryFigure
from bot.quiz import QUESTION_IDS, Plan, label_of

QUIZ_BUTTON = Button("Take the career quiz", "quiz", "offer", "primary")


def plan_card(library: Library, plan: Plan) -> Card:
    return Card(
        kind="answer",
        title="Your AI engineering plan",
        summary=_you(library, plan),
        sections=(
            _role_and_track(library, plan),
            _level(library, plan),
            *_pay(library, plan),
            Section(
                f"First skills to learn ({plan.roadmap.title})",
                tuple(f"{s.line} ({cite(library, plan.first_phase)})" for s in plan.first_steps),
            ),
            Section("Your roadmap", (f"{plan.roadmap.title}: {plan.roadmap.summary}",)),
        ),
        sources=source_line(library, _cited(plan)),
        buttons=_buttons(library, plan),
    )


def quiz_offer_card() -> Card:
    """What a message asking for the quiz gets where a modal cannot open by itself (it needs a click)."""
    return Card(
        kind="help",
        title="The career quiz",
        summary="Five questions about where you are and what you want to build; you get a recommended role and "
        "track, pay for your level and place from each article, your roadmap and the first skills to learn.",
        buttons=(QUIZ_BUTTON,),
    )


def _you(library: Library, plan: Plan) -> str:
    a = plan.answers
    picked = [label_of(library, q, getattr(a, q)) for q in QUESTION_IDS]
    return "From your answers: " + " · ".join(picked) + "."


def _role_and_track(library: Library, plan: Plan) -> Section:
    lines = [f"Role: {plan.role.title}. {plan.role.summary}"]
    if plan.track_point is not None:
        lines.append(f"Track: {point_line(library, plan.track_point)}")
    return Section("Recommended role and track", tuple(lines))


def _level(library: Library, plan: Plan) -> Section:
    level = library.levels[plan.level]
    years = label_of(library, "years", plan.answers.years)
    fields = tuple(Field(f"{f.label} ({cite(library, f)})", f.value) for f in plan.level_years[:FIELDS_PER_SECTION])
    return Section(f"Your level: {level.title} (experience: {years}; each article's years below)", (), fields)


def _pay(library: Library, plan: Plan) -> list[Section]:
    pay = plan.pay
    sections = [Section("Pay", (pay.note,))] if pay.note else []
    if not pay.groups:
        sections.append(Section("Pay", ("The articles give no figures to show here.",)))
    for group in pay.groups:
        fields = [_pay_field(library, f, plan.answers.location) for f in group.figures]
        for part in chunks(fields, FIELDS_PER_SECTION):
            sections.append(Section(f"Pay: {group.heading}", (), part))
    return sections


def _pay_field(library: Library, figure: SalaryFigure, location: str) -> Field:
    """A figure, with its place named whenever it is not the person's own."""
    where = ""
    if location not in figure.locations:
        names = [library.locations[loc].name for loc in figure.locations]
        where = f", {' / '.join(names)}" if names else ", no place named"
    note = f"\n{figure.note}" if figure.note and len(figure.note) <= NOTE_MAX_CHARS else ""  # as salary cards do
    return Field(f"{figure.label}{where} ({cite(library, figure)})", f"{figure.value}{note}")


def _buttons(library: Library, plan: Plan) -> tuple[Button, ...]:
    buttons = [open_button(f"Open the roadmap: {plan.roadmap.title}"[:70], refs.roadmap(plan.roadmap.id), "primary")]
    buttons.append(open_button(f"Role: {plan.role.title}"[:70], refs.topic(plan.role.id)))
    if plan.track.id != plan.role.id:
        buttons.append(open_button(f"Track: {plan.track.title}"[:70], refs.topic(plan.track.id)))
    skills = dict.fromkeys(s.skill for s in plan.first_steps if s.skill and s.skill in library.entries)
    buttons += [open_button(f"Skill: {library.entries[s].topic.title}"[:70], refs.topic(s)) for s in skills]
    buttons.append(Button("Retake the quiz", "quiz", "plan"))
    return tuple(buttons)


def _cited(plan: Plan) -> list[Cited]:
    items: list[Cited] = [*plan.level_years, plan.first_phase]
    if plan.track_point is not None:
        items.append(plan.track_point)
    return items + [f for g in plan.pay.groups for f in g.figures]
