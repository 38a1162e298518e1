"""Cards for single content entries: any topic, with extras for roles, comparisons and levels."""

from __future__ import annotations

import re
from dataclasses import replace

from bot import refs
from bot.cards import focus
from bot.cards.model import (
    FIELDS_PER_SECTION,
    Button,
    Card,
    Field,
    Section,
    chunks,
    cite,
    figure_field,
    glosses,
    one_source,
    open_button,
    point_line,
    source_line,
)
from bot.content import Library
from bot.models import Comparison, ComparisonRow, Figure, Level, Point, Role, Topic
from bot.text import terms

MAX_RELATED_BUTTONS = 5


def topic_card(library: Library, topic_id: str, view: tuple[str, ...] = ()) -> Card:
    """An entry's card: focused (`view` empty, or the positions of the facts to show) or full (`all`)."""
    topic = library.entries[topic_id].topic
    if view[:1] == (refs.FULL,):
        return _full_card(library, topic, int(view[1]) if len(view) > 1 else 1)
    picks = tuple(int(p) for p in view[0].split(".")) if view else focus.default_picks(topic)
    items = focus.items_of(topic)
    if any(not 0 <= p < len(items) for p in picks):
        raise IndexError(f"no such facts in {topic_id}: {view}")
    label = "All rows" if isinstance(topic, Comparison) and topic.rows else "More"
    more = [open_button(label, refs.full(topic_id))] if focus.hidden_count(topic, picks) else []
    ref = refs.focused(topic_id, picks) if view else refs.topic(topic_id)
    return _card(library, topic, picks, topic.summary, [*more, *_topic_buttons(library, topic)], ref)


def _full_card(library: Library, topic: Topic, page: int) -> Card:
    pages = focus.pages(topic)
    if not 1 <= page <= len(pages):
        raise IndexError(f"no page {page} of {topic.id}")
    count = len(pages)
    title = topic.title if count == 1 else f"{topic.title} ({page}/{count})"
    summary = topic.summary if page == 1 else f"Continued: part {page} of {count}."
    more = [open_button(f"More ({page + 1}/{count})", refs.full(topic.id, page + 1))] if page < count else []
    buttons = [*more, *_topic_buttons(library, topic)]
    card = _card(library, topic, pages[page - 1], summary, buttons, refs.full(topic.id, page))
    return replace(card, title=title)


def _card(
    library: Library, topic: Topic, picks: tuple[int, ...], summary: str, buttons: list[Button], ref: refs.Ref
) -> Card:
    items = focus.items_of(topic)
    shown = [items[p] for p in picks]
    rows = [topic.rows[i.index] for i in shown if i.kind == "row"] if isinstance(topic, Comparison) else []
    figures = [topic.figures[i.index] for i in shown if i.kind == "figure"]
    points = [p for p in (topic.points[i.index] for i in shown if i.kind == "point") if not restates(p, figures)]
    cited = not one_source([*rows, *figures, *points])  # else the one source line names the article
    sections: list[Section] = []
    if isinstance(topic, Comparison):
        sections += _table_sections(library, topic, rows, cited)
    sections += _figure_sections(library, figures, cited)
    if points:
        sections.append(Section(None, tuple(point_line(library, p, cited) for p in points)))
    return Card(
        kind="answer",
        title=topic.title,
        summary=summary,
        sections=tuple(sections),
        sources=source_line(library, [*rows, *figures, *points]),
        buttons=tuple(_unique(buttons)),
        ref=str(ref),
    )


_AMOUNT = re.compile(r"[$£€₹]?\d+(?:[,.]\d+)*(?:%|[KkLM]\b)?")
RESTATED = 0.6  # share of a point's words its article's figures shown beside it already say


def restates(point: Point, figures: list[Figure]) -> bool:
    """Does the point only say again, in a sentence, what the card already shows as its article's
    figures ("Senior remote AI engineers earn median base salaries of $206,600" beside that figure)?
    Every amount it states is a shown figure's, and most of its words are those figures' labels."""
    own = [f for f in figures if f.source == point.source]
    amounts = _AMOUNT.findall(point.text)
    if not own or not amounts or not all(any(a in f.value for f in own) for a in amounts):
        return False
    said = {t for f in own for t in terms(f"{f.label} {f.value}")}
    words = terms(point.text)
    return sum(t in said for t in words) >= RESTATED * len(words)


def _topic_buttons(library: Library, topic: Topic) -> list[Button]:
    return [*_kind_buttons(library, topic), *_related_buttons(library, topic)]


def _unique(buttons: list[Button]) -> list[Button]:
    """One button per destination, the first one kept."""
    by_value: dict[str, Button] = {}
    for button in buttons:
        by_value.setdefault(button.value, button)
    return list(by_value.values())


def _figure_sections(library: Library, figures: list[Figure], cited: bool) -> list[Section]:
    fields = [figure_field(library, f, cited) for f in figures]
    return [Section(None, (), group) for group in chunks(fields, FIELDS_PER_SECTION)]


def _table_sections(library: Library, comparison: Comparison, rows: list[ComparisonRow], cited: bool) -> list[Section]:
    """Rows as a two-column table (Slack shows a section's fields in two columns): the two roles as
    the header, then each row's two cells, the aspect heading both so a phone's single column reads."""
    if not rows:
        return []
    left, right = (library.roles[r].title for r in comparison.roles)
    heading = f"{left} vs {right}"
    cells = [
        cell
        for row in rows
        for cell in (
            Field(row.aspect, row.left),
            Field(row.aspect, f"{row.right} ({cite(library, row)})" if cited else row.right),
        )
    ]
    header = (Field(left, ""), Field(right, ""))
    groups = chunks(cells, FIELDS_PER_SECTION - len(header))
    return [Section(heading if i == 0 else None, (), (*header, *group)) for i, group in enumerate(groups)]


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
    compare = refs.compared((role.id, partner)) if partner else refs.menu("compare")
    buttons = [open_button("Compare", compare)]
    if role.skills:
        buttons.append(open_button("Skills", refs.skills(role.id)))
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
    lines = glosses([(s.title, s.summary) for s in skills])
    return Card(
        kind="answer",
        title=f"Skills for {role.title}",
        summary=f"The skill areas the articles tie to the {role.title} role; open one for the details.",
        sections=(Section(None, lines),),
        sources=source_line(library, [p for s in skills for p in s.points]),
        buttons=(*(open_button(s.title, refs.topic(s.id)) for s in skills), open_button("Back", refs.topic(role_id))),
        ref=str(refs.skills(role_id)),
    )


def side_by_side_card(library: Library, parts: tuple[str, ...]) -> Card:
    """Two or three roles compared: the curated comparison of two if there is one, else each role's
    own summary and a few of its facts (the ref's last part, if any: their positions, numbered across
    the roles in order)."""
    names = tuple(p for p in parts if not refs.is_picks(p))
    view = parts[len(names) :]
    for comparison in library.comparisons.values():
        if len(names) == 2 and set(comparison.roles) == set(names):
            return topic_card(library, comparison.id, view)
    roles = [library.roles[n] for n in names]
    picks = _picks(view) if view else focus.side_picks(roles, [{} for _ in roles])
    sections, shown = side_sections(library, roles, picks)
    these = "these two roles" if len(roles) == 2 else "these roles"
    return Card(
        kind="answer",
        title=" vs ".join(r.title for r in roles),
        summary=f"The articles don't compare {these} directly; here is what they say of each.",
        sections=sections,
        sources=source_line(library, shown),
        buttons=tuple(open_button(r.title, refs.topic(r.id)) for r in roles),
        ref=str(refs.compared(names, _picks(view) if view else ())),
    )


def side_sections(
    library: Library, topics: list[Role] | list[Level], picks: tuple[int, ...]
) -> tuple[tuple[Section, ...], list[Figure | Point]]:
    """Each entry's summary, then its picked facts (positions numbered across the entries in order):
    figures as fields, points as bullets; and the facts shown, for the source line."""
    items = [(topic, item) for topic in topics for item in focus.items_of(topic)]
    if any(not 0 <= p < len(items) for p in picks):
        raise IndexError(f"no such facts in {', '.join(t.id for t in topics)}: {picks}")
    sections = [Section(None, (), tuple(Field(t.title, t.summary) for t in topics))]
    shown: list[Figure | Point] = []
    for topic in topics:
        mine = [item for p, (owner, item) in enumerate(items) if p in picks and owner is topic]
        figures = [topic.figures[i.index] for i in mine if i.kind == "figure"]
        points = [topic.points[i.index] for i in mine if i.kind == "point"]
        fields = tuple(figure_field(library, f) for f in figures)
        sections.append(Section(topic.title, tuple(point_line(library, p) for p in points), fields))
        shown += [*figures, *points]
    return tuple(sections), shown


def _picks(view: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(int(p) for p in view[0].split("."))
