"""Two career levels side by side ("staff vs principal", "from mid to senior"): what each article
says of each, years first, a few facts each (those the question asks about, when it does), with
buttons to each level, to their pay and to the ladder."""

from __future__ import annotations

from bot import refs
from bot.cards import focus
from bot.cards.model import Card, open_button, source_line
from bot.cards.topic import side_sections
from bot.content import Library
from bot.models import Level
from bot.refs import SalaryQuery

LADDER = "career-ladder"


def levels_compared_card(library: Library, left_id: str, right_id: str, view: tuple[str, ...] = ()) -> Card:
    """`view`: the positions of the facts to show, numbered across both levels, the lower first."""
    levels = ranked(library, (left_id, right_id))
    picks = tuple(int(p) for p in view[0].split(".")) if view else focus.side_picks(levels, [{}, {}])
    sections, shown = side_sections(library, levels, picks)
    both = SalaryQuery(levels=tuple(lv.id for lv in levels))
    return Card(
        kind="answer",
        title=" vs ".join(lv.title for lv in levels),
        summary="Side by side, as each article puts it; each level's card has the rest.",
        sections=sections,
        sources=source_line(library, shown),
        buttons=(
            *(open_button(lv.title, refs.topic(lv.id)) for lv in levels),
            open_button("Pay at both levels", refs.salary(both)),
            *((open_button("Career ladder", refs.topic(LADDER)),) if LADDER in library.entries else ()),
        ),
        ref=str(refs.compared((left_id, right_id), picks if view else ())),
    )


def ranked(library: Library, level_ids: tuple[str, ...]) -> list[Level]:
    return sorted((library.levels[i] for i in level_ids), key=lambda lv: lv.rank)
