"""Card refs: short strings that name a card, so a button can carry "open this card" in its value.

t:<topic-id>                       any content entry (role, skill, salary topic, FAQ, ...)
s:level=senior,location=uk         a salary table for the given dimensions ("s:" = by level)
r:<roadmap>[:<phase>[:<step>]]     a roadmap, one of its phases, or one step (0-based positions)
rs:<role>                          the skills a role needs
cmp:<role>,<role>                  two roles side by side
c:<menu>[:<arg>]                   a menu: help, roles, roadmaps, levels, learn, compare, locations
"""

from __future__ import annotations

from dataclasses import dataclass, field

SALARY_DIMENSIONS = ("level", "location", "specialization", "company_type", "role")


@dataclass(frozen=True)
class SalaryQuery:
    """Which salary figures to show; empty tuples mean "any"."""

    levels: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    specializations: tuple[str, ...] = ()
    company_types: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return not any(self.values())

    def values(self) -> list[tuple[str, ...]]:
        return [self.levels, self.locations, self.specializations, self.company_types, self.roles]


@dataclass(frozen=True)
class Ref:
    kind: str  # t, s, r, rs, cmp, c
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
        separator = "," if self.kind == "cmp" else ":"
        return f"{self.kind}:{separator.join(self.parts)}"

    @property
    def topic_id(self) -> str:
        """The content id the card is about, or the ref itself for cards made of several entries."""
        return self.parts[0] if self.kind == "t" else str(self)


def topic(topic_id: str) -> Ref:
    return Ref("t", (topic_id,))


def salary(query: SalaryQuery) -> Ref:
    return Ref("s", salary=query)


def roadmap(roadmap_id: str, *position: int) -> Ref:
    return Ref("r", (roadmap_id, *(str(p) for p in position)))


def menu(name: str, *args: str) -> Ref:
    return Ref("c", (name, *args))


def parse_ref(text: str) -> Ref:
    """The inverse of str(ref); raises ValueError for anything malformed."""
    kind, sep, rest = text.partition(":")
    if kind == "s" and sep:
        return salary(_salary_query(rest))
    if not sep or not rest:
        raise ValueError(f"not a card ref: {text!r}")
    if kind == "cmp":
        parts = tuple(rest.split(","))
        if len(parts) != 2:
            raise ValueError(f"a comparison names two roles: {text!r}")
        return Ref(kind, parts)
    if kind in ("t", "rs"):
        return Ref(kind, (rest,))
    if kind == "c":
        return Ref(kind, tuple(rest.split(":")))
    if kind == "r":
        parts = tuple(rest.split(":"))
        if len(parts) > 3 or not all(p.isdigit() for p in parts[1:]):
            raise ValueError(f"bad roadmap ref: {text!r}")
        return Ref(kind, parts)
    raise ValueError(f"unknown card ref kind: {text!r}")


def _salary_query(text: str) -> SalaryQuery:
    found: dict[str, tuple[str, ...]] = {}
    for pair in filter(None, text.split(",")):
        dim, sep, ids = pair.partition("=")
        if not sep or dim not in SALARY_DIMENSIONS:
            raise ValueError(f"bad salary dimension: {pair!r}")
        found[dim] = tuple(ids.split("+"))
    return SalaryQuery(*(found.get(dim, ()) for dim in SALARY_DIMENSIONS))
