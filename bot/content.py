"""Load `content/*.yaml` into an immutable Library, or fail with every problem as `file:line: message`.

The loader is all-or-nothing: one problem anywhere means no Library, so the bot never serves
part of its content.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from bot import content_refs
from bot import models as m
from bot.errors import ContentError
from bot.text import stem, terms, words
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
PAY_KINDS = frozenset({"salary"})  # the kinds of entry that are about pay (salaries.yaml's topics)
STRUCTURED_FILES: dict[str, type[BaseModel]] = {
    "sources.yaml": m.SourcesFile,
    "levels.yaml": m.LevelsFile,
    "roles.yaml": m.RolesFile,
    "salaries.yaml": m.SalariesFile,
    "roadmaps.yaml": m.RoadmapsFile,
    "vocabulary.yaml": m.VocabularyFile,
}


def model_of(name: str) -> type[BaseModel]:
    """The schema of the content file `name`."""
    return STRUCTURED_FILES.get(name, m.TopicsFile)


@dataclass(frozen=True)
class Entry:
    """A topic with the kind of card that shows it (role, salary, roadmap, skills, ...)."""

    kind: str
    topic: m.Topic

    @property
    def about_pay(self) -> bool:
        """Pay is personal: answers from such an entry go privately to whoever asked in a channel."""
        return self.kind in PAY_KINDS


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
    pay_words: tuple[str, ...] = ()
    pay_terms: frozenset[str] = frozenset()  # the one-word pay_words, stemmed as question terms are
    pay_parts: tuple[str, ...] = ()  # parts of pay no salary table shows: the topics about them answer
    pay_trends: frozenset[str] = frozenset()  # stems of words for how pay moves ("growing", "yoy")
    # what no article covers ("benefits and perks") -> the stemmed words of each phrase that names it
    never_covered: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # stems of words that are pay right after a level or place ("senior numbers")
    level_pay_words: frozenset[str] = frozenset()
    named_pay_words: frozenset[str] = frozenset()  # pay when a level, place or role is named anywhere
    other_professions: dict[str, m.Profession] = field(default_factory=dict)
    pay_measures: dict[str, m.PayMeasure] = field(default_factory=dict)
    word_families: tuple[frozenset[str], ...] = ()  # stems of vocabulary.yaml's everyday kin
    short_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "vp" -> ("vice", "president")
    idioms: tuple[tuple[str, ...], ...] = ()  # lower-case words of vocabulary.yaml's idioms
    quantity_phrases: tuple[tuple[str, ...], ...] = ()  # lower-case words of vocabulary.yaml's quantity phrases
    asked_across: dict[str, tuple[str, ...]] = field(
        default_factory=dict
    )  # "company_types" -> ("which companies", ...)

    def kind_of(self, topic_id: str) -> str:
        return self.entries[topic_id].kind

    def about_pay(self, topic_id: str) -> bool:
        entry = self.entries.get(topic_id)
        return entry is not None and entry.about_pay

    def of_kind(self, kind: str) -> list[m.Topic]:
        return [e.topic for e in self.entries.values() if e.kind == kind]

    def comparing(self, roles: Iterable[str]) -> str | None:
        """The entry that sets `roles` side by side: the comparison of two; for more, the entry that links
        the comparison of every pair of them (the AI vs ML engineer vs data scientist table)."""
        wanted = frozenset(roles)
        pairs = {c.id for c in self.comparisons.values() if frozenset(c.roles) <= wanted}
        if len(wanted) == 2:
            return next(iter(pairs), None)
        if len(pairs) < len(wanted) * (len(wanted) - 1) // 2:
            return None  # some pair has no comparison: no entry can set them all side by side
        return next((i for i, e in self.entries.items() if pairs <= links(e.topic)), None)

    def overviews_of(self, named: frozenset[str]) -> list[str]:
        """Entries whose cards cover every one of `named` (levels or roles) and are none of them:
        asked about "junior, senior, staff", the ladder answers better than any one level."""
        return [i for i, e in self.entries.items() if i not in named and named <= self.covered_by(e.topic)]

    def covered_by(self, topic: m.Topic) -> set[str]:
        """What an entry's card covers: what it links to, and the roles of the comparisons it links to."""
        linked = links(topic)
        for ident in list(linked):
            if (comparison := self.comparisons.get(ident)) is not None:
                linked.update(comparison.roles)
        return linked

    @cached_property
    def figure_places(self) -> frozenset[str]:
        """Every place some salary figure names (worked out once: salary cards ask it of every place)."""
        return frozenset(place for f in self.salary_figures for place in f.locations)


def links(topic: m.Topic) -> set[str]:
    """The entries a topic's card has buttons to."""
    linked = set(topic.related)
    if isinstance(topic, m.Role) and topic.roadmap:
        linked.add(topic.roadmap)
    if isinstance(topic, m.Comparison):
        linked.update(topic.roles)
    return linked


@dataclass
class _Loaded:
    content_dir: Path
    docs: dict[str, LocatedYaml] = field(default_factory=dict)  # every file that parsed as YAML
    models: dict[str, BaseModel] = field(default_factory=dict)  # every file that also passed its schema
    unreadable: set[str] = field(default_factory=set)  # expected files whose ids cannot be known
    problems: list[tuple[str, int, str]] = field(default_factory=list)

    def problem(self, name: str, line: int, message: str) -> None:
        self.problems.append((_display(self.content_dir / name), line, message))


def load_library(content_dir: Path) -> Library:
    """Parse, validate and cross-check every content file; raise ContentError listing all problems.

    Every check runs even when an earlier one failed, so one run reports everything; a reference
    into a file that could not be read at all is not checked (that file's own problem is reported).
    """
    loaded = _parse_all(content_dir)
    for name, line, message in content_refs.problems(loaded.docs, model_of, bool(loaded.unreadable)):
        loaded.problem(name, line, message)
    if loaded.problems:
        ordered = sorted(dict.fromkeys(loaded.problems), key=lambda p: (p[0], p[1]))
        raise ContentError([f"{path}:{line}: {message}" for path, line, message in ordered])
    return _assemble(loaded)


def _parse_all(content_dir: Path) -> _Loaded:
    loaded = _Loaded(content_dir)
    expected = set(STRUCTURED_FILES) | set(TOPIC_FILES)
    if not content_dir.is_dir():
        loaded.problems.append((_display(content_dir), 1, "content folder not found"))
        loaded.unreadable |= expected
        return loaded
    present = {p.name for p in content_dir.iterdir() if p.is_file() and p.suffix in (".yaml", ".yml")}
    for name in sorted(expected - present):
        loaded.problem(name, 1, "file is missing")
        loaded.unreadable.add(name)
    for name in sorted(present - expected):
        loaded.problem(name, 1, f"unknown content file (expected one of: {', '.join(sorted(expected))})")
    for name in sorted(expected & present):
        _parse_file(content_dir / name, loaded)
    return loaded


def _parse_file(file: Path, loaded: _Loaded) -> None:
    name = file.name
    try:
        doc = LocatedYaml(file.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as error:
        loaded.problem(name, *_yaml_problem(error))
        loaded.unreadable.add(name)
        return
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        loaded.problem(name, 1, f"cannot read: {error}")
        loaded.unreadable.add(name)
        return
    model = model_of(name)
    keys = ", ".join(f"'{key}:'" for key in model.model_fields)
    if doc.root is None:
        loaded.problem(name, 1, f"file is empty (expected {keys})")
        loaded.unreadable.add(name)
        return
    if not isinstance(doc.data, dict):
        loaded.problem(name, doc.line(()), f"the file should be a mapping with {keys}")
        loaded.unreadable.add(name)
        return
    loaded.docs[name] = doc
    for line, key in doc.duplicate_keys():
        loaded.problem(name, line, f"key '{key}' appears twice in the same entry")
    try:
        loaded.models[name] = model.model_validate(doc.data)
    except ValidationError as error:
        for problem in error.errors():
            loc = tuple(problem["loc"])
            where, message = _plain(problem)
            loaded.problem(name, doc.line(loc), f"{where}: {message}")


def _yaml_problem(error: yaml.MarkedYAMLError) -> tuple[int, str]:
    """(line, message) for a YAML syntax error: the line of the problem, or where the unfinished part began."""
    problem = error.problem or "not valid YAML"
    line = error.problem_mark.line + 1 if error.problem_mark is not None else 1
    context_line = error.context_mark.line + 1 if error.context_mark is not None else None
    if context_line is not None and "end of stream" in problem:
        line = context_line  # an unclosed quote or bracket: the end of the file is not where to look
    if error.context and not error.context.startswith("while"):
        return line, f"invalid YAML: {error.context}, {problem}"  # "expected a single document ..., but found ..."
    if error.context and context_line is not None and context_line != line:
        return line, f"invalid YAML: {problem} ({error.context} from line {context_line})"
    if error.context:
        return line, f"invalid YAML: {problem} ({error.context})"
    return line, f"invalid YAML: {problem}"


# pydantic error types, said plainly. `{field}` is the last part of the location.
_PLAIN = {
    "missing": "missing required field '{field}'",
    "extra_forbidden": "unknown field '{field}'",
    "string_type": "should be text (quote it if YAML reads it as a number, date or true/false)",
    "string_too_short": "should not be empty",
    "string_pattern_mismatch": "'{input}' is not a valid id: use lowercase letters, digits and single hyphens",
    "list_type": "should be a list",
    "too_short": "should have at least one item",
    "int_type": "should be a whole number",
    "int_parsing": "should be a whole number",
    "int_from_float": "should be a whole number",
    "bool_type": "should be true or false",
    "bool_parsing": "should be true or false",
    "model_type": "should be a mapping of fields (key: value)",
    "dict_type": "should be a mapping of fields (key: value)",
    "model_attributes_type": "should be a mapping of fields (key: value)",
}


def _plain(error: Any) -> tuple[str, str]:
    """(where, message) for one pydantic error: a dotted path such as `roles.3.skills.0`, and a plain message."""
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind in ("missing", "extra_forbidden") and loc:
        where, field_name = loc[:-1], loc[-1]
    else:
        where, field_name = loc, loc[-1] if loc else ""
    if kind == "missing" and isinstance(field_name, int):  # a fixed-size tuple, like a comparison's two roles
        message = f"should have {field_name + 1} or more items"
    elif kind == "too_short" and error.get("ctx", {}).get("min_length", 1) > 1:
        message = f"should have at least {error['ctx']['min_length']} items"
    elif kind in ("too_short", "too_long") and "max_length" in error.get("ctx", {}):
        message = f"should have at most {error['ctx']['max_length']} items"
    elif kind == "value_error":
        message = str(error["ctx"]["error"])
    elif kind in _PLAIN:
        message = _PLAIN[kind].format(field=field_name, input=error.get("input"))
    else:
        message = error["msg"]
    return ".".join(str(p) for p in where) or "(file)", message


def _assemble(loaded: _Loaded) -> Library:
    got: Any = loaded.models
    roles, salaries, roadmaps = got["roles.yaml"], got["salaries.yaml"], got["roadmaps.yaml"]
    entries: dict[str, Entry] = {}

    def add(kind: str, topics: list[Any]) -> None:
        for topic in topics:
            entries.setdefault(topic.id, Entry(kind, topic))

    add("level", got["levels.yaml"].levels)
    add("level-topic", got["levels.yaml"].topics)
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
        pay_words=tuple(salaries.pay_words),
        pay_terms=frozenset(stem(w) for w in salaries.pay_words if len(words(w)) == 1),
        level_pay_words=frozenset(map(stem, salaries.level_pay_words)),
        named_pay_words=frozenset(map(stem, salaries.named_pay_words)),
        pay_parts=tuple(salaries.pay_parts),
        pay_trends=frozenset(map(stem, salaries.pay_trends)),
        other_professions={d.id: d for d in salaries.other_professions},
        pay_measures={d.id: d for d in salaries.pay_measures},
        asked_across={dimension: tuple(phrases) for dimension, phrases in salaries.asked_across.items()},
        word_families=tuple(frozenset(map(stem, family)) for family in got["vocabulary.yaml"].word_families),
        short_forms={stem(short): tuple(terms(long)) for short, long in got["vocabulary.yaml"].short_forms.items()},
        idioms=tuple(tuple(words(idiom)) for idiom in got["vocabulary.yaml"].idioms),
        quantity_phrases=tuple(tuple(words(phrase)) for phrase in got["vocabulary.yaml"].quantity_phrases),
        never_covered={
            thing.name: tuple(tuple(map(stem, words(phrase))) for phrase in thing.words)
            for thing in got["vocabulary.yaml"].never_covered
        },
    )


def _display(path: Path) -> str:
    """The path as a person would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except (ValueError, OSError):
        return str(path)
