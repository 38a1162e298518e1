"""What counts as a reference between content entries comes from the schema, not from a second list:
every id field but an entry's own `id` says what it names, and the loader's walk finds whatever a model
declares."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel, Field, StringConstraints

from bot import models as m
from bot.content_refs import DEFINED_IN, references

MARKERS = (m.RefersTo, m.RefersToSibling)


def schema_models() -> list[type[BaseModel]]:
    return [
        cls
        for _, cls in inspect.getmembers(m, inspect.isclass)
        if issubclass(cls, BaseModel) and cls.__module__ == m.__name__
    ]


def annotated_groups(annotation: Any, metadata: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Each set of Annotated metadata in a field's type, the field's own first."""
    if metadata:
        yield metadata
    if get_origin(annotation) is Annotated:
        yield tuple(get_args(annotation)[1:])
    for arg in get_args(annotation):
        if not isinstance(arg, StringConstraints | m.RefersTo | m.RefersToSibling):
            yield from annotated_groups(arg)


def is_an_id(group: tuple[Any, ...]) -> bool:
    return any(isinstance(x, StringConstraints) and x.pattern == m.SLUG for x in group)


def test_every_id_field_but_an_entrys_own_says_what_it_names() -> None:
    unmarked = sorted(
        f"{model.__name__}.{name}"
        for model in schema_models()
        for name, field in model.model_fields.items()
        if name != "id"
        for group in annotated_groups(field.annotation, tuple(field.metadata))
        if is_an_id(group) and not any(isinstance(x, MARKERS) for x in group)
    )
    assert unmarked == [], (
        "an id field must be typed with what it names (SourceId, SkillId, ... or SiblingId in bot/models.py), "
        "or the loader will not check that the id exists"
    )


def test_the_check_finds_the_markers_in_the_real_schema() -> None:
    """The rule above is not vacuous: it sees the references the schema has today."""
    marked = {
        f"{model.__name__}.{name}"
        for model in schema_models()
        for name, field in model.model_fields.items()
        for group in annotated_groups(field.annotation, tuple(field.metadata))
        if any(isinstance(x, MARKERS) for x in group)
    }
    assert {"Cited.source", "Topic.related", "Role.skills", "Comparison.roles", "Step.skill", "Dimension.within"} <= (
        marked
    )


class Mentoring(m.Strict):
    id: m.Slug
    mentors: list[m.RoleId] = Field(default_factory=list)
    backup: m.RoleId | None = None
    pair: tuple[m.LevelId, m.LevelId] | None = None
    near: m.SiblingId | None = None
    note: str | None = None


class MentoringFile(m.Strict):
    topics: list[Mentoring]


def test_a_reference_field_a_model_declares_is_found_without_more_wiring() -> None:
    data = {
        "topics": [
            {"id": "a", "mentors": ["ml-engineer", 3], "backup": "ai-engineer", "note": "senior"},
            {"id": "b", "pair": ["junior", "senior"], "near": "a", "unknown-key": "staff"},
        ]
    }

    found = [(loc, ref, marker) for loc, ref, marker in references(data, MentoringFile)]

    assert found == [
        (("topics", 0, "mentors", 0), "ml-engineer", m.RefersTo("role")),
        (("topics", 0, "backup"), "ai-engineer", m.RefersTo("role")),
        (("topics", 1, "pair", 0), "junior", m.RefersTo("level")),
        (("topics", 1, "pair", 1), "senior", m.RefersTo("level")),
        (("topics", 1, "near"), "a", m.RefersToSibling()),
    ]


def test_raw_data_of_the_wrong_shape_yields_no_reference_and_no_error() -> None:
    assert list(references({"topics": {"id": "a"}}, MentoringFile)) == []
    assert list(references({"topics": [["a"], "b", None]}, MentoringFile)) == []
    assert list(references(["topics"], MentoringFile)) == []


def test_every_kind_of_reference_has_a_place_where_its_ids_are_defined() -> None:
    assert set(get_args(m.Namespace)) == set(DEFINED_IN) | {"topic"}
