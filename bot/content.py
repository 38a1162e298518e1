"""Load `content/*.yaml` into an immutable Library, or fail with every problem as `file:line: message`.

The loader is all-or-nothing: one problem anywhere means no Library, so the bot never serves
part of its content.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from bot import models as m
from bot.errors import ContentError
from bot.yaml_lines import LocatedYaml

# Files of plain topics, and the kind of card their topics get.
TOPIC_FILES = {
    "skills.yaml": "skills",
    "hiring.yaml": "hire",
    "learning.yaml": "learn",
    "interviews.yaml": "interview",
    "market.yaml": "market",
    "challenges.yaml": "challenge",
    "misconceptions.yaml": "misconception",
    "education.yaml": "education",
    "faq.yaml": "faq",
}
STRUCTURED_FILES: dict[str, type[BaseModel]] = {
    "sources.yaml": m.SourcesFile,
    "levels.yaml": m.LevelsFile,
    "roles.yaml": m.RolesFile,
    "salaries.yaml": m.SalariesFile,
    "roadmaps.yaml": m.RoadmapsFile,
}


@dataclass(frozen=True)
class Entry:
    """A topic with the kind of card that shows it (role, salary, roadmap, skills, ...)."""

    kind: str
    topic: m.Topic


@dataclass(frozen=True)
class Library:
    sources: dict[str, m.Source]
    levels: dict[str, m.Level]
    roles: dict[str, m.Role]
    comparisons: dict[str, m.Comparison]
    roadmaps: dict[str, m.Roadmap]
    locations: dict[str, m.Dimension]
    specializations: dict[str, m.Dimension]
    company_types: dict[str, m.Dimension]
    salary_figures: tuple[m.SalaryFigure, ...]
    entries: dict[str, Entry] = field(default_factory=dict)

    def kind_of(self, topic_id: str) -> str:
        return self.entries[topic_id].kind

    def of_kind(self, kind: str) -> list[m.Topic]:
        return [e.topic for e in self.entries.values() if e.kind == kind]


@dataclass
class _Loaded:
    content_dir: Path
    docs: dict[str, LocatedYaml] = field(default_factory=dict)
    models: dict[str, BaseModel] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def load_library(content_dir: Path) -> Library:
    """Parse, validate and cross-check every content file; raise ContentError listing all problems."""
    loaded = _parse_all(content_dir)
    if not loaded.problems:
        library = _assemble(loaded)
        loaded.problems.extend(_reference_problems(library, loaded))
    if loaded.problems:
        raise ContentError(loaded.problems)
    return library


def _parse_all(content_dir: Path) -> _Loaded:
    loaded = _Loaded(content_dir)
    if not content_dir.is_dir():
        loaded.problems.append(f"{_display(content_dir)}:1: content folder not found")
        return loaded
    expected = set(STRUCTURED_FILES) | set(TOPIC_FILES)
    present = {p.name for p in content_dir.glob("*.yaml")}
    loaded.problems += [f"{_display(content_dir / n)}:1: file is missing" for n in sorted(expected - present)]
    loaded.problems += [
        f"{_display(content_dir / n)}:1: unknown content file (expected one of: {', '.join(sorted(expected))})"
        for n in sorted(present - expected)
    ]
    for name in sorted(expected & present):
        _parse_file(content_dir / name, loaded)
    return loaded


def _parse_file(file: Path, loaded: _Loaded) -> None:
    path = _display(file)
    try:
        doc = LocatedYaml(file.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark is not None else 1
        loaded.problems.append(f"{path}:{line}: invalid YAML: {error.problem}")
        return
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        loaded.problems.append(f"{path}:1: cannot read: {error}")
        return
    loaded.problems += [f"{path}:{line}: key '{key}' appears twice" for line, key in doc.duplicate_keys()]
    model = STRUCTURED_FILES.get(file.name, m.TopicsFile)
    try:
        loaded.models[file.name] = model.model_validate(doc.data)
        loaded.docs[file.name] = doc
    except ValidationError as error:
        for problem in error.errors():
            loc = problem["loc"]
            where = ".".join(str(p) for p in loc) or "(file)"
            loaded.problems.append(f"{path}:{doc.line(loc)}: {where}: {problem['msg']}")


def _assemble(loaded: _Loaded) -> Library:
    got: Any = loaded.models
    roles, salaries, roadmaps = got["roles.yaml"], got["salaries.yaml"], got["roadmaps.yaml"]
    entries: dict[str, Entry] = {}

    def add(kind: str, topics: list[Any]) -> None:
        for topic in topics:
            entries.setdefault(topic.id, Entry(kind, topic))

    add("level", got["levels.yaml"].levels)
    add("role", roles.roles)
    add("compare", roles.comparisons)
    add("salary", salaries.topics)
    add("roadmap", roadmaps.roadmaps)
    add("roadmap-topic", roadmaps.topics)
    for name, kind in TOPIC_FILES.items():
        add(kind, got[name].topics)
    return Library(
        sources={s.id: s for s in got["sources.yaml"].sources},
        levels={lv.id: lv for lv in got["levels.yaml"].levels},
        roles={r.id: r for r in roles.roles},
        comparisons={c.id: c for c in roles.comparisons},
        roadmaps={r.id: r for r in roadmaps.roadmaps},
        locations={d.id: d for d in salaries.locations},
        specializations={d.id: d for d in salaries.specializations},
        company_types={d.id: d for d in salaries.company_types},
        salary_figures=tuple(salaries.figures),
        entries=entries,
    )


def _reference_problems(library: Library, loaded: _Loaded) -> list[str]:
    """Every id a file mentions must exist; every id a file defines must be unique."""
    namespaces = {
        "source": set(library.sources),
        "topic": set(library.entries),
        "level": set(library.levels),
        "role": set(library.roles),
        "skill": {t.id for t in library.of_kind("skills")},
        "roadmap": set(library.roadmaps),
        "location": set(library.locations),
        "specialization": set(library.specializations),
        "company type": set(library.company_types),
    }
    problems = []
    for name, doc in loaded.docs.items():
        path = _path_of(name, loaded)
        for loc, ref, namespace in _references(doc.data):
            if ref not in namespaces[namespace]:
                problems.append(f"{path}:{doc.line(loc)}: unknown {namespace} id '{ref}'")
        for loc, ident in _duplicate_ids(name, doc.data, loaded):
            problems.append(f"{path}:{doc.line(loc)}: id '{ident}' is defined more than once")
    return problems


def _path_of(name: str, loaded: _Loaded) -> str:
    return _display(loaded.content_dir / name)


def _display(path: Path) -> str:
    """The path as a person would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# Which keys hold references, and to what. Keys are unambiguous within a topic-like entry.
_ENTRY_REFS = {
    "source": "source",
    "related": "topic",
    "skills": "skill",
    "skill": "skill",
    "roadmap": "roadmap",
    "levels": "level",
    "locations": "location",
    "specialization": "specialization",
    "company_type": "company type",
    "role": "role",
    "roles": "role",
}


def _references(data: Any) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """(path, id, namespace) for every reference inside the file's entries (not its top-level lists)."""
    if not isinstance(data, dict):
        return
    for section, items in data.items():
        if section in ("locations", "specializations", "company_types"):
            continue  # dimension definitions, not references
        for index, item in enumerate(items or []):
            yield from _walk_refs(item, (section, index))


def _walk_refs(node: Any, loc: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    if isinstance(node, list):
        for i, child in enumerate(node):
            yield from _walk_refs(child, (*loc, i))
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        namespace = _ENTRY_REFS.get(key)
        if namespace and isinstance(value, str):
            yield (*loc, key), value, namespace
        elif namespace and isinstance(value, list) and all(isinstance(v, str) for v in value):
            yield from (((*loc, key, i), v, namespace) for i, v in enumerate(value))
        else:
            yield from _walk_refs(value, (*loc, key))


_NOT_TOPICS = ("locations", "specializations", "company_types", "figures", "sources")


def _duplicate_ids(name: str, data: Any, loaded: _Loaded) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Ids defined twice: topic ids across all files, other ids within their own list."""
    earlier = _topic_ids_before(name, loaded)
    for section, items in (data or {}).items():
        seen: set[str] = set()
        shared = section not in _NOT_TOPICS
        for index, item in enumerate(items or []):
            ident = item.get("id") if isinstance(item, dict) else None
            if not isinstance(ident, str):
                continue
            if ident in seen or (shared and ident in earlier):
                yield (section, index, "id"), ident
            seen.add(ident)
            if shared:
                earlier.add(ident)
            yield from _duplicate_phase_ids(item, (section, index))


def _duplicate_phase_ids(item: dict[str, Any], loc: tuple[str | int, ...]) -> Iterator[Any]:
    seen: set[str] = set()
    for index, phase in enumerate(item.get("phases") or []):
        ident = phase.get("id")
        if ident in seen:
            yield (*loc, "phases", index, "id"), ident
        seen.add(ident)


def _topic_ids_before(name: str, loaded: _Loaded) -> set[str]:
    """Topic ids defined in files that sort before `name` (so each duplicate is reported once)."""
    ids: set[str] = set()
    for other in sorted(loaded.docs):
        if other >= name:
            break
        data = loaded.docs[other].data or {}
        for section, items in data.items():
            if section in _NOT_TOPICS:
                continue
            ids.update(i["id"] for i in items or [] if isinstance(i, dict) and "id" in i)
    return ids
