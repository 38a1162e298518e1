"""Salary cards: the figures that answer a SalaryQuery, and only those, each labelled with its place.

What fits a question: every dimension it names (level, place, specialization, company type, role)
must be the figure's own tag. A figure with no level tag ("in general") fits a level only when it is
tied to something else the question named (a place's premium, a company type's pay mix). A figure
for a wider place fits a narrower one, named as what it is: Startupbricks' "US (other)" row answers
Austin, US national figures answer a US city the articles give no figure for.

When the articles give nothing for exactly what was asked, the card says so first, in plain words,
and then shows the nearest figures they do give, labelled as what they are: the neighbouring levels
in the same country, the places with figures in the same region (by button: France gets the UK and
Germany), or else US figures "for comparison". A figure is never shown under another place's or
another role's heading.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from bot import refs
from bot.cards.model import Button, Card, Field, Section, cite, open_button, source_line
from bot.content import Library
from bot.models import Dimension, SalaryFigure, Topic
from bot.refs import SalaryQuery
from bot.text import stem, terms

NATIONAL = "us"
FIELDS_PER_SECTION = 8
NOTE_MAX_CHARS = 40  # a longer note is the article's context, not a qualifier of the figure
Kind = Literal["answer", "fallback"]
GAP = "The articles give no"


@dataclass(frozen=True)
class Group:
    heading: str | None
    figures: tuple[SalaryFigure, ...]


@dataclass(frozen=True)
class SalaryAnswer:
    lead: str
    groups: tuple[Group, ...]
    kind: Kind = "answer"


def salary_card(library: Library, query: SalaryQuery) -> Card:
    answer = _measured_first(library, salary_answer(library, query), query)
    shown = [f for g in answer.groups for f in g.figures]
    sections = tuple(
        Section(g.heading, (), tuple(_field(library, f) for f in g.figures[i : i + FIELDS_PER_SECTION]))
        for g in answer.groups
        for i in range(0, len(g.figures), FIELDS_PER_SECTION)
    )
    return Card(
        kind=answer.kind,
        title=salary_title(library, query),
        summary=answer.lead,
        sections=sections,
        sources=source_line(library, shown),
        buttons=tuple(salary_buttons(library, query)),
        ref=str(refs.salary(query)),
    )


def salary_answer(library: Library, query: SalaryQuery) -> SalaryAnswer:
    if query.is_empty():
        return _overview(library)
    unpaid = [r for r in query.roles if not any(f.role == r for f in library.salary_figures)]
    if unpaid:
        return _role_not_covered(library, unpaid[0])
    if not query.locations:
        if _premium_without_level(library, query):
            return _level_beside_subject(library, query, None)
        return _nowhere_in_particular(library, query)
    places = tuple(dict.fromkeys(p for place in query.locations for p in parts_of(library, place) or (place,)))
    answers = [_at_place(library, query, place) for place in places]
    if len(answers) == 1 and places == query.locations:
        return answers[0]
    groups = tuple(
        Group(g.heading or _place_name(library, place), g.figures)
        for place, a in zip(places, answers, strict=True)
        for g in a.groups
    )
    gaps = " ".join(a.lead.rstrip(":.") + "." for a in answers if _is_gap(a))  # each place's own sentence
    lead = gaps[:-1] + ":" if gaps else _lead_for(groups)
    return SalaryAnswer(_regions_lead(library, query, places) + lead, groups)


def nearest_places(library: Library, place: str) -> tuple[str, ...]:
    """The places with figures in the region of a place without any ("france": uk, germany); () else."""
    region = library.locations[place].region
    return parts_of(library, region) if region and not has_figures(library, place) else ()


def parts_of(library: Library, place: str) -> tuple[str, ...]:
    """The places with figures that lie in a region no figure is for ("europe": uk, germany); () else."""
    if has_figures(library, place):
        return ()
    return tuple(d.id for d in library.locations.values() if d.region == place and has_figures(library, d.id))


def _regions_lead(library: Library, query: SalaryQuery, places: tuple[str, ...]) -> str:
    """What a region's figures are: "No article gives a figure for Europe as a whole; ... each by itself."."""
    regions = [p for p in query.locations if p not in places]
    if not regions:
        return ""
    whole = _series([_the(_place_name(library, r)) for r in regions])
    parts = _series([_the(_place_name(library, p)) for p in places if p not in query.locations])
    return f"No article gives a figure for {whole} as a whole; they give {parts}, each by itself. "


def _measured_first(library: Library, answer: SalaryAnswer, query: SalaryQuery) -> SalaryAnswer:
    """Each group's figures of the asked measure ("total comp": the total-compensation rows) first,
    the rest after them in the articles' order, those saying more of what was asked ("median base":
    a median base before a base range) first; a figure for every level stays after the asked
    level's own ("base for a staff engineer": the staff rows before a base range for all levels)."""
    words = {stem(w) for m in query.measures for w in library.pay_measures[m].label_words}
    if not words:
        return answer

    def order(figure: SalaryFigure) -> tuple[bool, int]:
        return bool(query.levels) and not figure.levels, -len(words & set(terms(figure.label)))

    groups = [Group(g.heading, tuple(sorted(g.figures, key=order))) for g in answer.groups]
    if len(groups) > 1 and not answer.lead.startswith(GAP):  # a gap's groups keep the order its lead gives
        groups.sort(key=lambda g: min(order(f) for f in g.figures) if g.figures else (True, 0))
    return replace(answer, groups=tuple(groups))


# ---------------------------------------------------------------- what fits


def select_figures(library: Library, query: SalaryQuery) -> list[SalaryFigure]:
    """Every figure the card for `query` shows (used to score how well the card covers a question)."""
    return [f for g in salary_answer(library, query).groups for f in g.figures]


def _dims_fit(query: SalaryQuery, figure: SalaryFigure) -> bool:
    """Specialization, company type and role: the figure's tag must be one the question named."""
    for wanted, tag in (
        (query.specializations, figure.specialization),
        (query.company_types, figure.company_type),
        (query.roles, figure.role),
    ):
        if (wanted or tag) and tag not in wanted:
            return False
    return True


def _tied(query: SalaryQuery) -> bool:
    return bool(query.specializations or query.company_types or query.roles)


def _level_fits(query: SalaryQuery, figure: SalaryFigure, *, general_ok: bool) -> bool:
    if not query.levels:
        return True
    if set(query.levels) & set(figure.levels):
        return True
    return general_ok and not figure.levels


def _national(figure: SalaryFigure) -> bool:
    return not figure.locations or tuple(figure.locations) == (NATIONAL,)


def chain(library: Library, place: str) -> list[str]:
    """The place and every place it lies within, narrowest first (austin, us-other, us)."""
    found = [place]
    while (parent := library.locations[found[-1]].within) and parent not in found:
        found.append(parent)
    return found


def has_figures(library: Library, place: str) -> bool:
    """Does any article give a figure for this place or a place it lies within?"""
    return not library.figure_places.isdisjoint(chain(library, place))


def _nowhere_in_particular(library: Library, query: SalaryQuery) -> SalaryAnswer:
    anywhere = [f for f in library.salary_figures if _national(f) and _dims_fit(query, f)]
    if not anywhere and len(subjects(query)) > 1:
        return _each_subject(library, query)
    exact = [f for f in anywhere if _level_fits(query, f, general_ok=False)]
    if exact or not query.levels:
        # The figures that failed the exact test (not `f not in exact`: that compared models field by field).
        rest = [f for f in anywhere if not _level_fits(query, f, general_ok=False)]
        general = [f for f in rest if _level_fits(query, f, general_ok=_tied(query))]
        return _found(library, query, exact + general)
    # A role with figures for no level ("ML engineer, US, 2026"): say so, then show what there is.
    gap = f"The articles give no {_level_names(library, query.levels)} figure for {_subject(library, query)}."
    general = [f for f in anywhere if not f.levels] if _tied(query) else []
    if not general:
        return SalaryAnswer(gap + " Try a button below.", ())
    return SalaryAnswer(gap + " Their figures for all levels:", (Group(None, tuple(general)),))


def subjects(query: SalaryQuery) -> list[SalaryQuery]:
    """Each role, specialization and company type a query names, on its own (with its levels)."""
    return [
        *(SalaryQuery(levels=query.levels, roles=(r,)) for r in query.roles),
        *(SalaryQuery(levels=query.levels, specializations=(s,)) for s in query.specializations),
        *(SalaryQuery(levels=query.levels, company_types=(c,)) for c in query.company_types),
    ]


def _each_subject(library: Library, query: SalaryQuery) -> SalaryAnswer:
    """No figure is for all of them at once ("NLP engineer vs computer vision"): each one's own,
    under its own name, side by side."""
    groups = []
    for one in subjects(query):
        answer = _nowhere_in_particular(library, one)
        shown = tuple(f for g in answer.groups for f in g.figures)
        # No figure for the asked level: the subject's figures are for all levels, and say so.
        which = f", all levels (none for {_level_names(library, one.levels)})" if _is_gap(answer) else ""
        if shown:
            groups.append(Group(_subject(library, one) + which, shown))
    if not groups:
        return SalaryAnswer("The articles give no figure for exactly this. Try a button below.", ())
    return SalaryAnswer("No figure covers them together; each one's own, side by side:", tuple(groups))


def _at_place(library: Library, query: SalaryQuery, place: str) -> SalaryAnswer:
    name = _place_name(library, place)
    if not has_figures(library, place):
        return _place_not_covered(library, query, place)
    here = replace(query, locations=(place,))
    exact, wider = [], []
    places = chain(library, place)
    for f in library.salary_figures:
        if not _dims_fit(query, f):
            continue
        if place in f.locations and _level_fits(query, f, general_ok=True):
            exact.append(f)
        elif set(places[1:]) & set(f.locations) and not _national(f) and _level_fits(query, f, general_ok=False):
            wider.append(f)
    in_us = NATIONAL in places
    if in_us and _premium_without_level(library, query):
        return _level_beside_subject(library, query, place)
    if not exact + wider and _tied(query) and not (query.levels and in_us):  # a US level gap: below
        return _tie_gap_at(library, query, place, name)
    levelled = [f for f in exact + wider if not query.levels or set(query.levels) & set(f.levels)]
    if place == NATIONAL and query.levels and levelled:
        return _with_unplaced(library, query, exact + wider)
    if levelled or not query.levels:
        return _found(library, here, exact + wider)
    return _level_gap_at(library, query, place, name, exact)


def _with_unplaced(library: Library, query: SalaryQuery, figures: list[SalaryFigure]) -> SalaryAnswer:
    """A level in the US as a whole: its figures, then the figures for that level an article ties
    to no place (CareerSteps' table, the long-form guide's medians), under a heading that says so."""
    unplaced = tuple(
        f
        for f in library.salary_figures
        if not f.locations and _dims_fit(query, f) and _level_fits(query, f, general_ok=False)
    )
    heading = f"{short_level(library.levels[query.levels[0]].title)}, no place named by the article"
    groups = (Group(None, tuple(figures)), *([Group(heading, unplaced)] if unplaced else []))
    return SalaryAnswer(_lead_for(groups), groups)


def _premium_without_level(library: Library, query: SalaryQuery) -> bool:
    """Levels asked of one specialization or company type that no figure gives at those levels: the
    articles give its premium (or pay mix) for every level at once."""
    if not query.levels or query.roles or len(subjects(query)) != 1:
        return False
    return not any(_dims_fit(query, f) and set(query.levels) & set(f.levels) for f in library.salary_figures)


def _level_beside_subject(library: Library, query: SalaryQuery, place: str | None) -> SalaryAnswer:
    """An entry-level LLM engineer, a senior at an enterprise: a premium or a pay mix alone is no
    pay, so the level's own figures (in the US place asked, or nationally) come first, then the
    subject's figures for all levels, each labelled as what it is."""
    subject = _subject(library, query)
    where = f" in {_the(_place_name(library, place))}" if place else ""
    gap = f"The articles give no {_level_names(library, query.levels)} figure for {subject}{where}."
    plain = salary_answer(library, SalaryQuery(levels=query.levels, locations=(place,) if place else ()))
    level = " / ".join(short_level(library.levels[lv].title) for lv in query.levels)
    groups = [Group(g.heading or f"{level}, AI engineer pay in general", g.figures) for g in plain.groups]
    general = tuple(f for f in library.salary_figures if _national(f) and _dims_fit(query, f) and not f.levels)
    if general:
        groups.append(Group(f"{subject}, all levels", general))
    if _is_gap(plain):
        return SalaryAnswer(
            f"{gap} {plain.lead.replace('The articles give no', 'Nor do they give a', 1)}", tuple(groups)
        )
    levels = _level_names(library, query.levels)
    return SalaryAnswer(
        f"{gap} What they do give: {levels} pay in general, and {subject} for all levels:", tuple(groups)
    )


def _tie_gap_at(library: Library, query: SalaryQuery, place: str, name: str) -> SalaryAnswer:
    """No figure for this specialization, company type or role here (computer vision in Germany):
    say so, then the place's own figures; in the US also the subject's national ones. Outside the US
    no other place's amount is shown, not even as the subject's."""
    subject = _subject(library, query)
    gap = f"The articles give no {subject} figure for {_the(name)}."
    plain = _at_place(library, SalaryQuery(levels=query.levels, locations=(place,)), place)
    groups = [Group(f"{name}, AI engineer pay in general", tuple(f for g in plain.groups for f in g.figures))]
    if NATIONAL in chain(library, place):
        national = _nowhere_in_particular(library, replace(query, locations=()))
        groups.append(Group(f"{subject}, US national", tuple(f for g in national.groups for f in g.figures)))
    shown = tuple(g for g in groups if g.figures)
    if _is_gap(plain):  # no figure for the level here either: say so, and which levels these are
        return SalaryAnswer(f"{gap} {plain.lead.replace('The articles give no', 'Nor do they give a', 1)}", shown)
    return SalaryAnswer(gap + (" What they do give:" if shown else " Try a button below."), shown)


def _level_gap_at(
    library: Library, query: SalaryQuery, place: str, name: str, general: list[SalaryFigure]
) -> SalaryAnswer:
    """No figure for this level here: the place's general figures, then the nearest levels here
    (a country) or the US national figures for the level (a US city). Asked of a company type,
    specialization or role here, the place's own figures for the level come first, as what they are."""
    whom = f"{_subject(library, query)} in " if _tied(query) else ""
    gap = f"The articles give no {_level_names(library, query.levels)} figure for {whom}{_the(name)}."
    groups = [Group(f"{name}, all levels", tuple(general))] if general else []
    if _tied(query):
        plain = _at_place(library, SalaryQuery(levels=query.levels, locations=(place,)), place)
        if not _is_gap(plain):
            levels = _level_names(library, query.levels)
            here = tuple(f for g in plain.groups for f in g.figures if f not in general)
            groups.insert(0, Group(f"{name}, {levels} AI engineer pay in general", here))
    if NATIONAL in chain(library, place):
        us = _nowhere_in_particular(library, replace(query, locations=()))
        national = _one_per_article([f for g in us.groups for f in g.figures])
        if national:
            which = "all levels" if _is_gap(us) else _level_names(library, query.levels)
            groups.append(Group(f"US national figures, {which}", tuple(national)))
        return SalaryAnswer(gap + " The nearest figures they do give:", tuple(groups))
    neighbours = _nearest_levels(library, query, place)
    if not neighbours:
        return SalaryAnswer(gap, tuple(groups))
    names = " and ".join(short_level(library.levels[lv].title).lower() for lv in neighbours)
    at = [f for f in library.salary_figures if place in f.locations and set(neighbours) & set(f.levels)]
    groups.append(Group(f"{name}: {names}", tuple(at)))
    return SalaryAnswer(gap + f" The nearest levels they give there are {names}:", tuple(groups))


def _one_per_article(figures: list[SalaryFigure]) -> list[SalaryFigure]:
    """For comparison only: each article's first figure (its headline range), not its whole table."""
    seen: set[str] = set()
    kept = []
    for f in figures:
        if f.source not in seen:
            seen.add(f.source)
            kept.append(f)
    return kept


def _the(name: str) -> str:
    """A place name as it reads in a sentence: "the United Kingdom", "remote roles"."""
    if name == "Remote":
        return "remote roles"
    return f"the {name}" if name.startswith(("United", "Netherlands")) else name


def _nearest_levels(library: Library, query: SalaryQuery, place: str) -> list[str]:
    """The closest level below and above the asked one that has a figure for this place."""
    given = {lv for f in library.salary_figures if place in f.locations and _dims_fit(query, f) for lv in f.levels}
    asked = [library.levels[lv].rank for lv in query.levels]
    ranked = sorted(given, key=lambda lv: library.levels[lv].rank)
    below = [lv for lv in ranked if library.levels[lv].rank < min(asked)]
    above = [lv for lv in ranked if library.levels[lv].rank > max(asked)]
    return below[-1:] + above[:1]


def _place_not_covered(library: Library, query: SalaryQuery, place: str) -> SalaryAnswer:
    """No figure for this place: say so first; then name the places with figures in its region
    ("France": the UK and Germany), whose cards its buttons open (their pounds and euros are no
    figure for France, so none is shown here), or else show the US figures for the level, for comparison."""
    gap = f"The articles give no figure for {_the(_place_name(library, place))}."
    if nearby := nearest_places(library, place):
        names = _series([_the(_place_name(library, p)) for p in nearby])
        region = _the(_place_name(library, library.locations[place].region or place))
        return SalaryAnswer(
            f"{gap} The nearest places they give figures for are in {region}: {names} (buttons below).", ()
        )
    covered = [d.name for d in covered_places(library) if d.within is None]
    gap += f" They give figures for {_series([_the(c) for c in covered])}."
    if not query.levels:
        return SalaryAnswer(gap, ())
    us = _nowhere_in_particular(library, replace(query, locations=()))
    figures = tuple(_one_per_article([f for g in us.groups for f in g.figures]))
    return SalaryAnswer(gap, (Group("US figures, for comparison", figures),) if figures else ())


def _role_not_covered(library: Library, role: str) -> SalaryAnswer:
    title = library.roles[role].title
    nearest = _pay_entries_naming(library, (role,))
    what = (
        f"The nearest they give is the first button, {nearest[0].title}, each figure labelled with its own role."
        if nearest
        else "The buttons below open what they do give."
    )
    return SalaryAnswer(
        f"The articles give no pay figure for the {title} role: they cover AI engineer pay. {what}", (), kind="fallback"
    )


def _pay_entries_naming(library: Library, roles: Sequence[str]) -> list[Topic]:
    """The pay entries that link to one of these roles (AI leadership pay for the AI Director)."""
    return [e.topic for e in library.entries.values() if e.kind == "salary" and set(roles) & set(e.topic.related)]


def _overview(library: Library) -> SalaryAnswer:
    groups = []
    for level in sorted(library.levels.values(), key=lambda lv: lv.rank):
        figures = [
            f
            for f in library.salary_figures
            if f.levels and f.levels[0] == level.id and _national(f) and not _tied_figure(f)
        ]
        if figures:
            groups.append(Group(level.title, tuple(_one_per_article(figures))))
    lead = "US pay by level: each article's headline figure, as it states it. A level's button shows all its figures."
    return SalaryAnswer(lead, tuple(groups))


def _tied_figure(figure: SalaryFigure) -> bool:
    return bool(figure.specialization or figure.company_type or figure.role)


# ---------------------------------------------------------------- wording


def _found(library: Library, query: SalaryQuery, figures: list[SalaryFigure]) -> SalaryAnswer:
    if not figures:
        return SalaryAnswer("The articles give no figure for exactly this. Try a button below.", ())
    groups = (Group(None, tuple(figures)),)
    return SalaryAnswer(_lead_for(groups), groups)


def _lead_for(groups: Sequence[Group]) -> str:
    figures = [f for g in groups for f in g.figures]
    articles = len({f.source for f in figures})
    if articles == 1:
        return "One article gives this, as it states it:"
    return f"As each of the {articles} articles states it:"


def _is_gap(answer: SalaryAnswer) -> bool:
    return answer.lead.startswith(GAP)


def _place_name(library: Library, place: str) -> str:
    return library.locations[place].name


def _level_names(library: Library, levels: Iterable[str]) -> str:
    return " or ".join(short_level(library.levels[lv].title).lower() for lv in levels)


def _subject(library: Library, query: SalaryQuery) -> str:
    names = [library.roles[r].title for r in query.roles]
    names += [library.specializations[s].name for s in query.specializations]
    names += [library.company_types[c].name for c in query.company_types]
    return " / ".join(names) or "AI engineers"


def _series(names: list[str]) -> str:
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)


def _field(library: Library, figure: SalaryFigure) -> Field:
    note = f"\n{figure.note}" if figure.note and len(figure.note) <= NOTE_MAX_CHARS else ""
    return Field(f"{figure.label} ({cite(library, figure)})", f"{figure.value}{note}")


def salary_title(library: Library, query: SalaryQuery) -> str:
    if query.is_empty():
        return "AI engineer salary by level"
    levels = " / ".join(library.levels[i].title for i in query.levels)
    roles = [library.roles[i].title for i in query.roles]
    others, suffix = [], ""
    for ids, table, what in (
        (query.specializations, library.specializations, "specialization"),
        (query.company_types, library.company_types, "company type"),
    ):
        if len(ids) > 2:
            suffix += f" by {what}"
        else:
            others += [table[i].name for i in ids]
    if roles:
        level = f"{short_level(levels)} " if levels else ""
        title = f"{level}{' vs '.join(roles + others)} salary{suffix}"
    else:
        title = f"{levels or 'AI engineer'} salary" + (f": {' vs '.join(others)}" if others else "") + suffix
    where = " / ".join(_place_name(library, i) for i in query.locations)
    return title + (f" in {_the(where)}" if where else "")


def covered_places(library: Library) -> list[Dimension]:
    return [d for d in library.locations.values() if has_figures(library, d.id)]


# ---------------------------------------------------------------- buttons


def salary_buttons(library: Library, query: SalaryQuery) -> list[Button]:
    """Drill-down buttons that keep what the person already chose (level, place, role)."""
    if query.roles and all(not any(f.role == r for f in library.salary_figures) for r in query.roles):
        return _buttons_without_role(library, query)
    buttons = [
        open_button(
            salary_title(library, replace(query, locations=(near,))), refs.salary(replace(query, locations=(near,)))
        )
        for place in query.locations
        for near in nearest_places(library, place)
    ]
    buttons += [
        open_button(short_level(level.title), refs.salary(replace(query, levels=(level.id,))))
        for level in sorted(library.levels.values(), key=lambda lv: lv.rank)
        if (level.id,) != query.levels and _level_button_useful(library, query, level.id)
    ]
    level_arg = query.levels[:1]
    buttons.append(open_button("By location", refs.menu("locations", *level_arg)))
    if not query.specializations:
        buttons.append(
            open_button(
                "By specialization",
                refs.salary(SalaryQuery(levels=query.levels, specializations=tuple(library.specializations))),
            )
        )
    if not query.company_types:
        buttons.append(
            open_button(
                "By company type",
                refs.salary(SalaryQuery(levels=query.levels, company_types=tuple(library.company_types))),
            )
        )
    if query.roles or query.specializations or query.company_types:
        plain = SalaryQuery(levels=query.levels, locations=query.locations)
        buttons.append(open_button(salary_title(library, plain), refs.salary(plain)))
    return buttons


def _level_button_useful(library: Library, query: SalaryQuery, level: str) -> bool:
    """A level button on a role's card only when some figure for that role is tied to a level."""
    if not query.roles:
        return True
    return any(f.role in query.roles and f.levels for f in library.salary_figures)


def _buttons_without_role(library: Library, query: SalaryQuery) -> list[Button]:
    plain = SalaryQuery(levels=query.levels, locations=query.locations)
    buttons = [open_button(t.title, refs.topic(t.id)) for t in _pay_entries_naming(library, query.roles)]
    buttons.append(open_button(salary_title(library, plain), refs.salary(plain)))
    if not plain.is_empty():
        buttons.append(open_button("AI engineer salary by level", refs.salary(SalaryQuery())))
    return buttons


def short_level(title: str) -> str:
    """ "Mid-level AI engineer" -> "Mid-level": the level is what a button needs to say."""
    return title.replace(" AI engineer", "").strip() or title


def locations_menu(library: Library, level: str | None) -> Card:
    levels = (level,) if level else ()
    buttons = tuple(
        open_button(loc.name, refs.salary(SalaryQuery(levels=levels, locations=(loc.id,))))
        for loc in covered_places(library)
    )
    what = library.levels[level].title if level else "AI engineer"
    return Card(
        kind="answer",
        title=f"{what} salary by location",
        summary="Pick a location to see each article's figures for it.",
        buttons=buttons,
        ref=str(refs.menu("locations", *levels)),
    )


def other_profession_card(library: Library, profession: str) -> Card:
    """A pay question about a job the articles do not cover: say so, then offer what they do give."""
    job = library.other_professions[profession]
    nearest = library.entries[job.nearest].topic if job.nearest else None
    summary = f"The articles give no pay figure for {job.name}: they cover AI engineer pay"
    if nearest:
        summary += (
            f". The nearest they give is the first button, {nearest.title}, each figure labelled with its own role."
        )
    else:
        summary += ". The buttons below open what they do give."
    return Card(
        kind="fallback",
        title=f"Pay for {job.name}",
        summary=summary,
        buttons=(
            *([open_button(nearest.title, refs.topic(nearest.id))] if nearest else []),
            open_button("AI engineer salary by level", refs.salary(SalaryQuery())),
            open_button("By location", refs.menu("locations")),
        ),
        ref=str(other_profession_ref(profession)),
    )


def other_profession_ref(profession: str) -> refs.Ref:
    return refs.menu("unpaid", profession)
