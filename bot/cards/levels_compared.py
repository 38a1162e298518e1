"""Two career levels side by side ("staff vs principal", "from mid to senior"): what each article
says of each, years first, a few points each, with buttons to each level and to their pay."""

from __future__ import annotations

from bot import refs
from bot.cards.model import Card, Field, Section, figure_field, open_button, point_line, source_line
from bot.content import Library
from bot.refs import SalaryQuery

LADDER = "career-ladder"
POINTS_EACH = 3  # the rest is one click away, on the level's own card


def levels_compared_card(library: Library, left_id: str, right_id: str) -> Card:
    left, right = sorted((library.levels[left_id], library.levels[right_id]), key=lambda lv: lv.rank)
    sections = [Section(None, (), (Field(left.title, left.summary), Field(right.title, right.summary)))]
    for level in (left, right):
        years = tuple(figure_field(library, f) for f in level.figures[:2])
        lines = tuple(point_line(library, p) for p in level.points[:POINTS_EACH])
        sections.append(Section(level.title, lines, years))
    cited = [*left.figures[:2], *left.points[:POINTS_EACH], *right.figures[:2], *right.points[:POINTS_EACH]]
    both = SalaryQuery(levels=(left.id, right.id))
    return Card(
        kind="answer",
        title=f"{left.title} vs {right.title}",
        summary="What the articles say of each level, side by side; each level's card has the rest.",
        sections=tuple(sections),
        sources=source_line(library, cited),
        buttons=(
            open_button(left.title, refs.topic(left.id)),
            open_button(right.title, refs.topic(right.id)),
            open_button("Pay at both levels", refs.salary(both)),
            *((open_button("Career ladder", refs.topic(LADDER)),) if LADDER in library.entries else ()),
        ),
        ref=str(refs.Ref("cmp", (left.id, right.id))),
    )
