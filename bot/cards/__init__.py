"""Cards: what the bot says, as plain Python (no Slack types). `open_card` turns a ref into its card."""

from __future__ import annotations

from collections.abc import Collection

from bot.cards.levels_compared import levels_compared_card
from bot.cards.menus import help_card, levels_card, list_card
from bot.cards.model import Button, Card, Field, Section
from bot.cards.roadmap import overview_card, roadmap_card
from bot.cards.salary import locations_menu, other_profession_card, salary_card
from bot.cards.topic import role_skills_card, side_by_side_card, topic_card
from bot.content import Library
from bot.errors import StaleButton
from bot.refs import Ref, SalaryQuery, is_picks, parse_ref

__all__ = ["Button", "Card", "Field", "Section", "open_card", "open_ref_text"]


def open_ref_text(library: Library, text: str) -> Card:
    """The card a button's value names; StaleButton if the value no longer names one."""
    try:
        return open_card(library, parse_ref(text))
    except (KeyError, IndexError, ValueError) as error:
        raise StaleButton() from error


def open_card(library: Library, ref: Ref) -> Card:
    if ref.kind == "t" and ref.parts[0] in library.roadmaps:
        return overview_card(library, ref.parts[0], ref.parts[1:])
    if ref.kind == "t":
        return topic_card(library, ref.parts[0], ref.parts[1:])
    if ref.kind == "s" and ref.salary is not None:
        _check_salary_ids(library, ref.salary)
        return salary_card(library, ref.salary)
    if ref.kind == "r":
        roadmap_id, *position = ref.parts
        return roadmap_card(library, roadmap_id, *(int(p) for p in position))
    if ref.kind == "rs":
        return role_skills_card(library, ref.parts[0])
    if ref.kind == "cmp" and len(ref.parts) >= 2 and all(part in library.levels for part in ref.parts[:2]):
        return levels_compared_card(library, ref.parts[0], ref.parts[1], ref.parts[2:])
    if ref.kind == "cmp":
        return side_by_side_card(library, ref.parts)
    if ref.kind == "c":
        return _menu(library, *ref.parts)
    raise ValueError(f"unknown ref {ref}")


def _menu(library: Library, name: str, *args: str) -> Card:
    if name == "help":
        return help_card(library)
    if name == "levels":
        return levels_card(library)
    if name == "unpaid":
        return other_profession_card(library, args[0])
    if name == "locations":
        level = args[0] if args else None
        if level is not None and level not in library.levels:
            raise KeyError(level)
        return locations_menu(library, level)
    if args and not is_picks(args[0]):
        raise KeyError(args[0])
    return list_card(library, name, tuple(int(a) for a in args[0].split(".")) if args else ())


def _check_salary_ids(library: Library, query: SalaryQuery) -> None:
    known: tuple[Collection[str], ...] = (
        library.levels,
        library.locations,
        library.specializations,
        library.company_types,
        library.roles,
        library.pay_measures,
    )
    for ids, table in zip(query.values(), known, strict=True):
        unknown = set(ids) - set(table)
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
