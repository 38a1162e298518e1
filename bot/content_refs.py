"""The checks across content files: every id an entry names exists, and no id is defined twice.

They read the raw YAML, so a file that fails its schema still has its references checked and one run
reports every problem. What is a reference is not listed here: the schema says it, by typing such a
field `SourceId`, `SkillId`, ... (a `RefersTo` marker, bot/models.py). Each file's raw data is walked
along its pydantic model, so a reference field is checked as soon as the model declares it.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterator, Mapping
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from bot import models as m
from bot.yaml_lines import LocatedYaml

Loc = tuple[str | int, ...]
Problem = tuple[str, int, str]  # file name, line, message
Marker = m.RefersTo | m.RefersToSibling
ModelOf = Callable[[str], type[BaseModel]]  # a content file's name -> the model of the whole file

# Where each kind of id is defined: (file, top-level list). A "topic" is an item of any list of topics.
DEFINED_IN: dict[m.Namespace, tuple[str, str]] = {
    "source": ("sources.yaml", "sources"),
    "level": ("levels.yaml", "levels"),
    "role": ("roles.yaml", "roles"),
    "skill": ("skills.yaml", "topics"),
    "roadmap": ("roadmaps.yaml", "roadmaps"),
    "location": ("salaries.yaml", "locations"),
    "specialization": ("salaries.yaml", "specializations"),
    "company type": ("salaries.yaml", "company_types"),
}
_KIND_OF_LIST = {place: namespace for namespace, place in DEFINED_IN.items()}


def problems(docs: Mapping[str, LocatedYaml], model_of: ModelOf, some_file_unreadable: bool) -> list[Problem]:
    """Unknown ids and ids defined twice, in every file that parsed as YAML. Ids of a kind whose defining
    list could not be read are not checked (that file's own problem is reported)."""
    return _reference_problems(docs, model_of, some_file_unreadable) + _duplicate_id_problems(docs, model_of)


def references(data: Any, model: type[BaseModel], loc: Loc = ()) -> Iterator[tuple[Loc, str, Marker]]:
    """(path, id, marker) for every reference field in `data`: raw YAML read along `model`."""
    if not isinstance(data, dict):
        return
    for key, value in data.items():
        field = model.model_fields.get(key) if isinstance(key, str) else None
        if field is not None:
            yield from _walk(value, (*loc, key), field.annotation, tuple(field.metadata))


def _walk(value: Any, loc: Loc, annotation: Any, metadata: tuple[Any, ...] = ()) -> Iterator[tuple[Loc, str, Marker]]:
    if get_origin(annotation) is Annotated:
        annotation, *extra = get_args(annotation)
        metadata = (*metadata, *extra)
    marker = next((x for x in metadata if isinstance(x, m.RefersTo | m.RefersToSibling)), None)
    if marker is not None:
        if isinstance(value, str):
            yield loc, value, marker
        return
    origin, args = get_origin(annotation), [a for a in get_args(annotation) if a is not Ellipsis]
    if origin in (Union, types.UnionType):
        for arm in args:
            yield from _walk(value, loc, arm)
    elif origin in (list, tuple) and isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*loc, index), args[min(index, len(args) - 1)])
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield from references(value, annotation, loc)


def topic_lists(model: type[BaseModel]) -> set[str]:
    """The top-level lists of a file whose items are topics (one id namespace across every file)."""
    return {name for name, field in model.model_fields.items() if _is_list_of_topics(field.annotation)}


def _is_list_of_topics(annotation: Any) -> bool:
    if get_origin(annotation) is not list:
        return False
    (item,) = get_args(annotation)
    return isinstance(item, type) and issubclass(item, m.Topic)


def _reference_problems(docs: Mapping[str, LocatedYaml], model_of: ModelOf, some_unreadable: bool) -> list[Problem]:
    spaces = _namespaces(docs, model_of, some_unreadable)
    found: list[Problem] = []
    for name, doc in docs.items():
        for loc, ref, marker in references(doc.data, model_of(name)):
            if isinstance(marker, m.RefersTo):
                known = spaces[marker.namespace]
                if known is not None and ref not in known:
                    found.append((name, doc.line(loc), f"unknown {marker.namespace} id '{ref}'"))
            elif not _names_a_sibling(doc.data, loc, ref):
                kind = _KIND_OF_LIST.get((name, str(loc[0])), str(loc[0]))
                found.append((name, doc.line(loc), f"'{loc[-1]}' names unknown {kind} id '{ref}'"))
    return found


def _namespaces(
    docs: Mapping[str, LocatedYaml], model_of: ModelOf, some_unreadable: bool
) -> dict[m.Namespace, set[str] | None]:
    """The ids of each kind, from the raw files; None when a list defining them could not be read."""
    spaces: dict[m.Namespace, set[str] | None] = {}
    for namespace, (name, section) in DEFINED_IN.items():
        doc = docs.get(name)
        readable = doc is not None and isinstance(doc.data.get(section), list)
        spaces[namespace] = {ident for _, ident, _ in _ids(doc.data, section)} if doc and readable else None
    topics: set[str] | None = None if some_unreadable else set()
    for name, doc in docs.items():
        for section in topic_lists(model_of(name)) & set(doc.data):
            if topics is None or not isinstance(doc.data[section], list):
                topics = None
                break
            topics.update(ident for _, ident, _ in _ids(doc.data, section))
    spaces["topic"] = topics
    return spaces


def _names_a_sibling(data: dict[str, Any], loc: Loc, ref: str) -> bool:
    """Whether `ref`, at `loc` in an item of a list (in a field of it, or in a list that field
    holds), is the id of another item of that list."""
    if isinstance(loc[-1], int):
        loc = loc[:-1]  # one of a field's list of ids ("besides: [san-francisco, new-york]")
    *list_path, index, _field = loc
    siblings: Any = data
    for step in list_path:
        siblings = siblings[step]
    own_id = siblings[index].get("id")
    return ref != own_id and any(isinstance(item, dict) and item.get("id") == ref for item in siblings)


def _ids(data: dict[str, Any], section: str) -> Iterator[tuple[int, str, dict[str, Any]]]:
    """(index, id, item) for each entry of a top-level list that has a text id."""
    items = data.get(section)
    if not isinstance(items, list):
        return
    for index, item in enumerate(items):
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            yield index, item["id"], item


def _duplicate_id_problems(docs: Mapping[str, LocatedYaml], model_of: ModelOf) -> list[Problem]:
    """Ids defined twice: topic ids across all files, other ids within their own list, phase ids per roadmap.

    Files are read in name order; the later definition is reported, naming where the first one is.
    """
    found: list[Problem] = []
    topics: dict[str, tuple[str, int]] = {}
    for name, doc in docs.items():
        shared = topic_lists(model_of(name))
        for section in doc.data:
            seen: dict[str, tuple[str, int]] = topics if section in shared else {}
            for index, ident, item in _ids(doc.data, section):
                found += _again(seen, ident, name, doc.line((section, index, "id")))
                phases: dict[str, tuple[str, int]] = {}
                for p_index, phase_id, _ in _ids(item, "phases"):
                    found += _again(phases, phase_id, name, doc.line((section, index, "phases", p_index, "id")))
    return found


def _again(seen: dict[str, tuple[str, int]], ident: str, name: str, line: int) -> list[Problem]:
    """The problem if `ident` was seen before; else remembers where it is defined."""
    if ident in seen:
        first_name, first_line = seen[ident]
        return [(name, line, f"id '{ident}' is already defined at {first_name}:{first_line}")]
    seen[ident] = (name, line)
    return []
