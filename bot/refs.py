"""Card refs: short strings that name a card, so a button can carry "open this card" in its value.

t:<topic-id>                       any content entry (role, skill, salary topic, FAQ, ...), focused:
                                   the direct answer and the few facts that bear on the question
t:<topic-id>:<i>.<j>...            the same, focused on the entry's facts i, j... (see bot.cards.focus)
t:<topic-id>:all[:<page>]          the full card, every fact (1-based pages when it is long)
t:<roadmap>[:<i>.<j>...]:for-<id>  a roadmap's overview for people it is only the nearest path for
                                   (one of its `nearest_for`), which it says first
s:level=senior,location=uk         a salary table for the given dimensions ("s:" = by level);
                                   `measure=total` shows the figures of that measure first
r:<roadmap>[:<phase>[:<step>]]     a roadmap, one of its phases, or one step (0-based positions)
rs:<role>                          the skills a role needs
cmp:<role>,<role>[,<role>][:<i>.<j>...]
                                   two or three roles side by side (focused on their facts i, j...,
                                   numbered across the roles); two levels compared
c:<menu>[:<arg>]                   a menu: help, roles, roadmaps, levels, learn, compare, locations
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.kinds import RefKind

MAX_COMPARED = 3  # roles a comparison sets side by side
SALARY_DIMENSIONS = ("level", "location", "specialization", "company_type", "role", "measure")


@dataclass(frozen=True)
class SalaryQuery:
    """Which salary figures to show; empty tuples mean "any"."""

    levels: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    specializations: tuple[str, ...] = ()
    company_types: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()  # what the figures shown first measure ("total", "base")

    def is_empty(self) -> bool:
        return not any(self.values())

    def values(self) -> list[tuple[str, ...]]:
        return [self.levels, self.locations, self.specializations, self.company_types, self.roles, self.measures]


@dataclass(frozen=True)
class Ref:
    kind: RefKind
    parts: tuple[str, ...] = field(default_factory=tuple)
    salary: SalaryQuery | None = None

    def __str__(self) -> str:
        if self.salary is not None:
            pairs = [
                f"{dim}={'+'.join(ids)}"
                for dim, ids in zip(SALARY_DIMENSIONS, self.salary.values(), strict=True)
                if ids
            ]
            return "s:" + ",".join(pairs)
        if self.kind == "cmp":
            names = [p for p in self.parts if not is_picks(p)]
            return "cmp:" + ":".join([",".join(names), *self.parts[len(names) :]])
        return f"{self.kind}:{':'.join(self.parts)}"

    @property
    def topic_id(self) -> str:
        """The content id the card is about, or the ref itself for cards made of several entries."""
        return self.parts[0] if self.kind == "t" else str(self)


def topic(topic_id: str) -> Ref:
    return Ref("t", (topic_id,))


FULL = "all"  # the view part of a ref that opens the full card


NEAREST_FOR = "for-"  # the view part that names whom a roadmap is only the nearest path for


def nearest_for(ref: Ref, near_id: str) -> Ref:
    """A roadmap overview ref (`r:<id>` or a focused `t:<id>:<picks>`) for people it is only the
    nearest path for."""
    view = ref.parts[1:] if ref.kind == "t" else ()
    return Ref("t", (ref.parts[0], *view, NEAREST_FOR + near_id))


def focused(topic_id: str, picks: tuple[int, ...]) -> Ref:
    """A topic's focused card showing its facts at positions `picks` (see bot.cards.focus)."""
    return Ref("t", (topic_id, ".".join(str(p) for p in picks)))


def full(topic_id: str, page: int = 1) -> Ref:
    """A topic's full card; long ones are split into pages, numbered from 1."""
    return Ref("t", (topic_id, FULL) if page == 1 else (topic_id, FULL, str(page)))


def salary(query: SalaryQuery) -> Ref:
    return Ref("s", salary=query)


def roadmap(roadmap_id: str, *position: int) -> Ref:
    return Ref("r", (roadmap_id, *(str(p) for p in position)))


def menu(name: str, *args: str) -> Ref:
    return Ref("c", (name, *args))


def skills(role_id: str) -> Ref:
    """The skills a role needs."""
    return Ref("rs", (role_id,))


def compared(names: tuple[str, ...], picks: tuple[int, ...] = ()) -> Ref:
    """Roles (or levels) side by side, focused on their facts at `picks` (numbered across them) if any."""
    return Ref("cmp", (*names, ".".join(str(p) for p in picks)) if picks else names)


def parse_ref(text: str) -> Ref:
    """The inverse of str(ref); raises ValueError for anything malformed."""
    kind, sep, rest = text.partition(":")
    if kind == "s" and sep:
        return salary(_salary_query(rest))
    if not sep or not rest:
        raise ValueError(f"not a card ref: {text!r}")
    if kind == "cmp":
        roles, _, view = rest.partition(":")
        parts = tuple(roles.split(","))
        if not 2 <= len(parts) <= MAX_COMPARED or any(not p or is_picks(p) for p in parts):
            raise ValueError(f"a comparison names two or three roles: {text!r}")
        if view and not is_picks(view):
            raise ValueError(f"bad comparison ref: {text!r}")
        return Ref("cmp", (*parts, view) if view else parts)
    if kind == "t":
        return _topic_ref(text, tuple(rest.split(":")))
    if kind == "rs":
        return skills(rest)
    if kind == "c":
        return menu(*rest.split(":"))
    if kind == "r":
        parts = tuple(rest.split(":"))
        if len(parts) > 3 or not all(p.isdigit() for p in parts[1:]):
            raise ValueError(f"bad roadmap ref: {text!r}")
        return Ref("r", parts)
    raise ValueError(f"unknown card ref kind: {text!r}")


def _topic_ref(text: str, parts: tuple[str, ...]) -> Ref:
    view = parts[1:]
    if view and view[-1].startswith(NEAREST_FOR) and len(view[-1]) > len(NEAREST_FOR):
        view = view[:-1]
    picks = len(view) == 1 and is_picks(view[0])
    full_view = view[:1] == (FULL,) and (len(view) == 1 or (len(view) == 2 and view[1].isdigit()))
    if view and not (picks or full_view):
        raise ValueError(f"bad topic ref: {text!r}")
    return Ref("t", parts)


def _salary_query(text: str) -> SalaryQuery:
    found: dict[str, tuple[str, ...]] = {}
    for pair in filter(None, text.split(",")):
        dim, sep, ids = pair.partition("=")
        if not sep or dim not in SALARY_DIMENSIONS:
            raise ValueError(f"bad salary dimension: {pair!r}")
        found[dim] = tuple(ids.split("+"))
    return SalaryQuery(*(found.get(dim, ()) for dim in SALARY_DIMENSIONS))


def is_picks(text: str) -> bool:
    return all(p.isdigit() for p in text.split("."))
