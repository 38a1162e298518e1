"""Salary tables: the figures that fit a SalaryQuery, grouped so each article's figure stands on its own.

Which figures fit: for every dimension the query names, the figure must be tagged with one of
the named values, or be untagged ("in general") when the dimension is a level or a location and
the figure is about the other one (a location premium applies to every level). Figures that fit
every named dimension exactly come first: "senior in SF" shows the SF senior cell before the
national senior figures.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot import refs
from bot.cards.model import Button, Card, Field, Section, chunks, figure_field, open_button, source_line
from bot.content import Library
from bot.models import SalaryFigure
from bot.refs import SalaryQuery

FIELDS_PER_SECTION = 10
NATIONAL = ("us",)
EXACT, GENERAL, NEUTRAL = "exact", "general", "neutral"


def salary_card(library: Library, query: SalaryQuery) -> Card:
    shown, figures = nearest_figures(library, query)
    sections = [Section(heading, (), group) for heading, group in _grouped(library, shown, figures)]
    if not sections:
        sections = [Section(None, ("The articles give no figure for exactly this; try a button below.",))]
    summary = _summary(figures)
    if shown != query and figures:
        summary = f"No article gives a figure for exactly this; the nearest are for {salary_title(library, shown)}. "
        summary += summary_of_sources(figures)
    return Card(
        kind="answer",
        title=salary_title(library, query),
        summary=summary,
        sections=tuple(sections),
        sources=source_line(library, figures),
        buttons=tuple(salary_buttons(library, query)),
        ref=str(refs.salary(query)),
    )


def nearest_figures(library: Library, query: SalaryQuery) -> tuple[SalaryQuery, list[SalaryFigure]]:
    """The figures for `query`, or, when no article gives one, for the nearest wider question:
    first without the role, company type and specialization, then the level alone, then the place alone."""
    for wider in (
        query,
        SalaryQuery(levels=query.levels, locations=query.locations),
        SalaryQuery(levels=query.levels),
        SalaryQuery(locations=query.locations),
    ):
        figures = select_figures(library, wider)
        if figures and not wider.is_empty():
            return wider, figures
    return query, []


def select_figures(library: Library, query: SalaryQuery) -> list[SalaryFigure]:
    if query.is_empty():
        return [f for f in library.salary_figures if f.levels and _is_national(f) and not _special(f)]
    scored = [(score, f) for f in library.salary_figures if (score := _fit(library, query, f)) is not None]
    # Best fit first; among equals, the place asked about before the level (stable: content order).
    scored.sort(key=lambda pair: (-pair[0], not set(query.locations) & set(pair[1].locations)))
    return [f for _, f in scored]


def _fit(library: Library, query: SalaryQuery, figure: SalaryFigure) -> int | None:
    """How many named dimensions the figure matches exactly; None when it does not fit."""
    exact = 0
    for wanted, tag in (
        (query.specializations, figure.specialization),
        (query.company_types, figure.company_type),
        (query.roles, figure.role),
    ):
        if wanted or tag:
            if tag not in wanted:
                return None
            exact += 1
    level = _level_fit(query, figure)
    location = _location_fit(library, query, figure)
    if level is None or location is None:
        return None
    exact += (level == EXACT) + (location == EXACT)
    return exact or None


def _level_fit(query: SalaryQuery, figure: SalaryFigure) -> str | None:
    if not query.levels:
        return NEUTRAL
    if set(query.levels) & set(figure.levels):
        return EXACT
    if not figure.levels and query.locations:
        return GENERAL  # a location's premium applies to every level
    return None


def _location_fit(library: Library, query: SalaryQuery, figure: SalaryFigure) -> str | None:
    if set(query.locations) & set(figure.locations):
        return EXACT
    if not _is_national(figure):
        return None  # never show another country's figures unasked
    if not query.locations:
        return NEUTRAL
    in_us = all(library.locations[loc].within == "us" for loc in query.locations)
    return GENERAL if in_us and query.levels and figure.levels else None


def _is_national(figure: SalaryFigure) -> bool:
    return not figure.locations or tuple(figure.locations) == NATIONAL


def _special(figure: SalaryFigure) -> bool:
    return bool(figure.specialization or figure.company_type or figure.role)


def _grouped(
    library: Library, query: SalaryQuery, figures: list[SalaryFigure]
) -> Iterable[tuple[str | None, tuple[Field, ...]]]:
    """One section per level for the overview, else one per article, each at most ten fields."""
    if query.is_empty():
        for level in sorted(library.levels.values(), key=lambda lv: lv.rank):
            fields = [figure_field(library, f) for f in figures if level.id in f.levels]
            for group in chunks(fields, FIELDS_PER_SECTION):
                yield level.title, group
        return
    fields = [figure_field(library, f) for f in figures]
    for group in chunks(fields, FIELDS_PER_SECTION):
        yield None, group


def salary_title(library: Library, query: SalaryQuery) -> str:
    names = [
        *(library.levels[i].title for i in query.levels),
        *(library.specializations[i].name for i in query.specializations),
        *(library.company_types[i].name for i in query.company_types),
        *(library.roles[i].title for i in query.roles),
    ]
    subject = " / ".join(names) if names else "AI engineer"
    where = " / ".join(library.locations[i].name for i in query.locations)
    title = f"{subject} salary" + (f" in {where}" if where else "")
    return title if not query.is_empty() else "AI engineer salary by level"


def _summary(figures: list[SalaryFigure]) -> str:
    if not figures:
        return "No article gives a figure for exactly this."
    return summary_of_sources(figures)


def summary_of_sources(figures: list[SalaryFigure]) -> str:
    if len({f.source for f in figures}) == 1:
        return "One article gives figures for this; each is shown as the article states it."
    return "The articles disagree, so each article's figure is shown side by side as it states it."


def salary_buttons(library: Library, query: SalaryQuery) -> list[Button]:
    levels = sorted(library.levels.values(), key=lambda lv: lv.rank)
    here = query.locations
    buttons = [
        open_button(short_level(level.title), refs.salary(SalaryQuery(levels=(level.id,), locations=here)))
        for level in levels
        if (level.id,) != query.levels
    ]
    level_arg = query.levels[:1]
    buttons.append(open_button("By location", refs.menu("locations", *level_arg)))
    buttons.append(
        open_button("By specialization", refs.salary(SalaryQuery(specializations=tuple(library.specializations))))
    )
    buttons.append(open_button("By company type", refs.salary(SalaryQuery(company_types=tuple(library.company_types)))))
    return buttons


def short_level(title: str) -> str:
    """ "Mid-level AI engineer" -> "Mid-level": the level is what a button needs to say."""
    return title.replace(" AI engineer", "").strip() or title


def locations_menu(library: Library, level: str | None) -> Card:
    levels = (level,) if level else ()
    buttons = tuple(
        open_button(loc.name, refs.salary(SalaryQuery(levels=levels, locations=(loc.id,))))
        for loc in library.locations.values()
    )
    what = library.levels[level].title if level else "AI engineer"
    return Card(
        kind="answer",
        title=f"{what} salary by location",
        summary="Pick a location to see each article's figures for it.",
        buttons=buttons,
        ref=str(refs.menu("locations", *levels)),
    )
