"""Cards for single content entries: any topic, with extras for roles, comparisons and levels."""

from __future__ import annotations

from bot import refs
from bot.cards.model import (
    Button,
    Card,
    Field,
    Section,
    chunks,
    cite,
    figure_field,
    open_button,
    point_line,
    source_line,
)
from bot.content import Library
from bot.models import Comparison, Level, Role, Topic

FIELDS_PER_SECTION = 10  # Slack's limit for a section's fields
MAX_RELATED_BUTTONS = 5


def topic_card(library: Library, topic_id: str) -> Card:
    entry = library.entries[topic_id]
    topic = entry.topic
    sections = list(_figure_sections(library, topic))
    if isinstance(topic, Comparison):
        sections = [_comparison_section(library, topic), *sections]
    if topic.points:
        sections.append(Section(None, tuple(point_line(library, p) for p in topic.points)))
    buttons = _unique([*_kind_buttons(library, topic), *_related_buttons(library, topic)])
    cited = [*topic.figures, *topic.points, *getattr(topic, "rows", [])]
    return Card(
        kind="answer",
        title=topic.title,
        summary=topic.summary,
        sections=tuple(sections),
        sources=source_line(library, cited),
        buttons=tuple(buttons),
        ref=str(refs.topic(topic_id)),
    )


def _unique(buttons: list[Button]) -> list[Button]:
    """One button per destination, the first one kept."""
    by_value: dict[str, Button] = {}
    for button in buttons:
        by_value.setdefault(button.value, button)
    return list(by_value.values())


def _figure_sections(library: Library, topic: Topic) -> list[Section]:
    fields = [figure_field(library, f) for f in topic.figures]
    return [Section(None, (), group) for group in chunks(fields, FIELDS_PER_SECTION)]


def _comparison_section(library: Library, comparison: Comparison) -> Section:
    left, right = (library.roles[r].title for r in comparison.roles)
    lines = tuple(
        f"{row.aspect}: {left}: {row.left} | {right}: {row.right} ({cite(library, row)})" for row in comparison.rows
    )
    return Section(f"{left} vs {right}", lines)


def _kind_buttons(library: Library, topic: Topic) -> list[Button]:
    if isinstance(topic, Role):
        return role_buttons(library, topic)
    if isinstance(topic, Level):
        return _level_buttons(library, topic)
    if isinstance(topic, Comparison):
        return [open_button(library.roles[r].title, refs.topic(r)) for r in topic.roles]
    return []


def role_buttons(library: Library, role: Role) -> list[Button]:
    partner = "ai-engineer" if role.id != "ai-engineer" else None
    compare = refs.Ref("cmp", (role.id, partner)) if partner else refs.menu("compare")
    buttons = [open_button("Compare", compare)]
    if role.skills:
        buttons.append(open_button("Skills", refs.Ref("rs", (role.id,))))
    if role.roadmap:
        buttons.append(open_button("Roadmap", refs.roadmap(role.roadmap)))
    if any(f.role == role.id for f in library.salary_figures):
        buttons.append(open_button("Salary", refs.salary(refs.SalaryQuery(roles=(role.id,)))))
    return buttons


def _level_buttons(library: Library, level: Level) -> list[Button]:
    return [
        open_button(f"{level.title} salary", refs.salary(refs.SalaryQuery(levels=(level.id,)))),
        open_button("All levels", refs.menu("levels")),
    ]


def _related_buttons(library: Library, topic: Topic) -> list[Button]:
    return [
        open_button(library.entries[r].topic.title, refs.topic(r))
        for r in topic.related[:MAX_RELATED_BUTTONS]
        if r in library.entries
    ]


def role_skills_card(library: Library, role_id: str) -> Card:
    role = library.roles[role_id]
    skills = [library.entries[s].topic for s in role.skills]
    lines = tuple(f"{s.title}: {s.summary}" for s in skills)
    return Card(
        kind="answer",
        title=f"Skills for {role.title}",
        summary=f"The skill areas the articles tie to the {role.title} role; open one for the details.",
        sections=(Section(None, lines),),
        sources=source_line(library, [p for s in skills for p in s.points]),
        buttons=(*(open_button(s.title, refs.topic(s.id)) for s in skills), open_button("Back", refs.topic(role_id))),
        ref=str(refs.Ref("rs", (role_id,))),
    )


def side_by_side_card(library: Library, left_id: str, right_id: str) -> Card:
    """Two roles compared: the curated comparison if there is one, else each role's own card text."""
    for comparison in library.comparisons.values():
        if set(comparison.roles) == {left_id, right_id}:
            return topic_card(library, comparison.id)
    left, right = library.roles[left_id], library.roles[right_id]
    fields = (Field(left.title, left.summary), Field(right.title, right.summary))
    return Card(
        kind="answer",
        title=f"{left.title} vs {right.title}",
        summary="The articles don't compare these two roles directly; here is what they say of each.",
        sections=(
            Section(None, (), fields),
            Section(left.title, tuple(point_line(library, p) for p in left.points[:4])),
            Section(right.title, tuple(point_line(library, p) for p in right.points[:4])),
        ),
        sources=source_line(library, [*left.points[:4], *right.points[:4]]),
        buttons=(open_button(left.title, refs.topic(left_id)), open_button(right.title, refs.topic(right_id))),
        ref=str(refs.Ref("cmp", (left_id, right_id))),
    )
