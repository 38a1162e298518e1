"""Content loading and validation: the real content checks clean; every kind of problem is caught.

Broken fixtures start from tests/fixtures/tiny_content (a small, complete, valid set) and break
one thing. Each case names the file and line the problem must be reported at, either as a number
or as a piece of text that sits on exactly one line of the edited file.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import break_two_files
from pydantic import BaseModel

from bot import models as m
from bot.content import STRUCTURED_FILES, TOPIC_FILES, Library, load_library
from bot.errors import ContentError

ROOT = Path(__file__).resolve().parent.parent
REAL_CONTENT = ROOT / "content"
PROBLEM = re.compile(r"^(?P<file>[^\s:][^:]*\.ya?ml):(?P<line>\d+): (?P<message>\S.*)$")
ALL_FILES = sorted(set(STRUCTURED_FILES) | set(TOPIC_FILES))


def problems_of(folder: Path) -> list[tuple[str, int, str]]:
    """Load `folder`, which must fail; (file name, line, message) for every reported problem."""
    with pytest.raises(ContentError) as caught:
        load_library(folder)
    parsed = []
    for problem in caught.value.problems:
        match = PROBLEM.match(problem)
        assert match, f"not a 'file:line: message' problem: {problem!r}"
        file = Path(match["file"])
        assert file.resolve().parent == folder.resolve(), f"{problem!r} does not name a file in {folder}"
        parsed.append((file.name, int(match["line"]), match["message"]))
    return parsed


# ---------------------------------------------------------------- the real content


def test_real_content_loads() -> None:
    library = load_library(REAL_CONTENT)
    assert isinstance(library, Library)


def test_real_content_counts_are_sane(library: Library) -> None:
    assert len(library.sources) == 5  # the five curated articles
    assert len(library.levels) >= 4
    assert sorted(level.rank for level in library.levels.values()) == list(range(1, len(library.levels) + 1))
    assert len(library.roles) >= 5
    assert len(library.comparisons) >= 2
    assert len(library.roadmaps) >= 2
    assert len(library.salary_figures) >= 50
    assert {"us", "uk", "india"} <= set(library.locations)
    assert library.specializations and library.company_types
    for kind in TOPIC_FILES.values():
        assert library.of_kind(kind), f"no entries of kind {kind!r}"
    assert len(library.entries) >= 100


def _raw_topic_ids() -> Iterator[tuple[str, str]]:
    """(file, id) for every topic-like entry, read straight from the YAML, not through the loader."""
    not_topics = {"sources", "locations", "specializations", "company_types", "figures"}
    not_topics |= {
        "pay_words",
        "level_pay_words",
        "named_pay_words",
        "pay_parts",
        "pay_trends",
        "never_covered",
        "other_professions",
        "pay_measures",
        "asked_across",
        "word_families",
        "short_forms",
        "idioms",
        "quantity_phrases",
    }
    for name in ALL_FILES:
        data = yaml.safe_load((REAL_CONTENT / name).read_text(encoding="utf-8"))
        for section, items in data.items():
            if section not in not_topics:
                yield from ((name, item["id"]) for item in items)


def test_real_content_entry_ids_are_unique(library: Library) -> None:
    ids = Counter(ident for _, ident in _raw_topic_ids())
    assert [ident for ident, count in ids.items() if count > 1] == []
    assert len(library.entries) == len(ids)
    for dimension in (library.locations, library.specializations, library.company_types):
        assert all(key == value.id for key, value in dimension.items())


def _cited(node: Any) -> Iterator[m.Cited]:
    """Every cited thing (figure, point, comparison row, roadmap phase) inside a model."""
    if isinstance(node, m.Cited):
        yield node
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _cited(getattr(node, name))
    elif isinstance(node, list | tuple):
        for child in node:
            yield from _cited(child)


def test_real_content_every_figure_and_point_cites_a_known_source(library: Library) -> None:
    everything = [entry.topic for entry in library.entries.values()] + list(library.salary_figures)
    cited = [c for node in everything for c in _cited(node)]
    assert len(cited) > 500
    assert {c.source for c in cited} == set(library.sources)  # every article is used, nothing else is


def test_real_content_cross_references_resolve(library: Library) -> None:
    skills = {topic.id for topic in library.of_kind("skills")}
    for role in library.roles.values():
        assert set(role.skills) <= skills, role.id
        assert role.roadmap is None or role.roadmap in library.roadmaps, role.id
    for comparison in library.comparisons.values():
        assert set(comparison.roles) <= set(library.roles), comparison.id
    for roadmap in library.roadmaps.values():
        steps = [step for phase in roadmap.phases for step in phase.steps]
        assert {s.skill for s in steps if s.skill} <= skills, roadmap.id
    for figure in library.salary_figures:
        assert set(figure.levels) <= set(library.levels), figure.label
        assert set(figure.locations) <= set(library.locations), figure.label
        assert figure.specialization in {None, *library.specializations}, figure.label
        assert figure.company_type in {None, *library.company_types}, figure.label
        assert figure.role in {None, *library.roles}, figure.label
    for entry in library.entries.values():
        assert set(entry.topic.related) <= set(library.entries), entry.topic.id
    for dimension in library.locations.values():
        assert dimension.within in {None, *library.locations}, dimension.id


def test_tiny_fixture_is_valid_and_complete(tiny_content: Path) -> None:
    assert sorted(p.name for p in tiny_content.iterdir()) == ALL_FILES
    library = load_library(tiny_content)
    assert set(library.roles) == {"ai-engineer", "ml-engineer"}
    assert library.kind_of("python") == "skills"
    assert len(library.salary_figures) == 2


# ---------------------------------------------------------------- one broken fixture per kind of problem


@dataclass(frozen=True)
class Broken:
    id: str
    edit: Callable[[Any], object]  # takes the ContentEditor from conftest
    file: str
    at: int | str  # the line number, or text found on exactly that line of the edited file
    says: str  # a fragment of the plain message


BROKEN = [
    # -- the file is not YAML
    Broken(
        "yaml-syntax-mapping-value",
        lambda c: c.replace("roles.yaml", "title: ML Engineer\n", "title: ML Engineer: senior\n"),
        "roles.yaml",
        "ML Engineer: senior",
        "invalid YAML: mapping values are not allowed",  # libyaml ends "in this context"
    ),
    Broken(
        "yaml-syntax-unclosed-quote",
        lambda c: c.replace("roles.yaml", 'value: "$138,000"', 'value: "$138,000'),
        "roles.yaml",
        'value: "$138,000',
        "invalid YAML",
    ),
    Broken(
        "yaml-syntax-tab-indent",
        lambda c: c.replace("skills.yaml", "    title: Python\n", "\ttitle: Python\n"),
        "skills.yaml",
        "\ttitle: Python",
        "invalid YAML",
    ),
    Broken(
        "yaml-two-documents",
        lambda c: c.append("market.yaml", "---\ntopics: []\n"),
        "market.yaml",
        "---",
        "expected a single document",
    ),
    # -- the YAML does not fit the schema
    Broken(
        "wrong-type-integer",
        lambda c: c.replace("levels.yaml", "rank: 2", "rank: second"),
        "levels.yaml",
        "rank: second",
        "levels.1.rank: should be a whole number",
    ),
    Broken(
        "wrong-type-unquoted-date",
        lambda c: c.replace("sources.yaml", 'dated: "2025-01-19"', "dated: 2025-01-19"),
        "sources.yaml",
        "dated: 2025-01-19",
        "sources.1.dated: should be text",
    ),
    Broken(
        "wrong-type-not-a-list",
        lambda c: c.replace("skills.yaml", "related: [python]", "related: python"),
        "skills.yaml",
        "related: python",
        "topics.1.related: should be a list",
    ),
    Broken(
        "missing-required-field",
        lambda c: c.replace(
            "roles.yaml", "    summary: An ML engineer trains and deploys machine learning models.\n", ""
        ),
        "roles.yaml",
        "- id: ml-engineer",
        "roles.1: missing required field 'summary'",
    ),
    Broken(
        "missing-required-section",
        lambda c: c.replace(
            "salaries.yaml", "specializations:\n  - id: llm-engineering\n    name: LLM engineering\n", ""
        ),
        "salaries.yaml",
        1,
        "missing required field 'specializations'",
    ),
    Broken(
        "empty-required-text",
        lambda c: c.replace("education.yaml", "title: degrees (education)", "title: ''"),
        "education.yaml",
        "title: ''",
        "topics.0.title: should not be empty",
    ),
    Broken(
        "phase-without-steps",
        lambda c: c.replace(
            "roadmaps.yaml",
            "        steps:\n          - title: Build a RAG app\n"
            "            detail: Retrieval over your own notes.\n            skill: llm-apps\n",
            "        steps: []\n",
        ),
        "roadmaps.yaml",
        "steps: []",
        "roadmaps.0.phases.1.steps: should have at least one item",
    ),
    Broken(
        "comparison-with-one-role",
        lambda c: c.replace("roles.yaml", "roles: [ai-engineer, ml-engineer]", "roles: [ai-engineer]"),
        "roles.yaml",
        "roles: [ai-engineer]",
        "comparisons.0.roles: should have 2 or more items",
    ),
    Broken(
        "comparison-with-three-roles",
        lambda c: c.replace(
            "roles.yaml", "roles: [ai-engineer, ml-engineer]", "roles: [ai-engineer, ml-engineer, ml-engineer]"
        ),
        "roles.yaml",
        "roles: [ai-engineer, ml-engineer, ml-engineer]",
        "comparisons.0.roles: should have at most 2 items",
    ),
    Broken(
        "extra-unknown-field",
        lambda c: c.replace("skills.yaml", "    title: Python\n", "    title: Python\n    colour: blue\n"),
        "skills.yaml",
        "colour: blue",
        "topics.0: unknown field 'colour'",
    ),
    Broken(
        "bad-slug-id",
        lambda c: c.replace("market.yaml", "id: job-market", "id: Job_Market"),
        "market.yaml",
        "id: Job_Market",
        "'Job_Market' is not a valid id",
    ),
    Broken(
        "file-not-a-mapping",
        lambda c: c.write("faq.yaml", "- what-is-ai-engineering\n"),
        "faq.yaml",
        1,
        "should be a mapping with 'topics:'",
    ),
    # -- ids defined twice
    Broken(
        "duplicate-id-within-file",
        lambda c: c.append("skills.yaml", "  - id: python  # again\n    title: Py\n    summary: Again.\n"),
        "skills.yaml",
        "# again",
        "id 'python' is already defined at skills.yaml:2",
    ),
    Broken(
        "duplicate-id-across-files",
        lambda c: c.replace("salaries.yaml", "id: salary-overview", "id: hiring-process"),
        "salaries.yaml",
        "id: hiring-process",
        "id 'hiring-process' is already defined at hiring.yaml:2",
    ),
    Broken(
        "duplicate-source-id",
        lambda c: c.append(
            "sources.yaml", "  - id: alpha-guide  # again\n    name: A\n    file: a\n    title: A\n    dated: x\n"
        ),
        "sources.yaml",
        "# again",
        "id 'alpha-guide' is already defined at sources.yaml:3",
    ),
    Broken(
        "duplicate-phase-id",
        lambda c: c.replace("roadmaps.yaml", "id: llm-work", "id: foundations"),
        "roadmaps.yaml",
        16,
        "id 'foundations' is already defined at roadmaps.yaml:6",
    ),
    Broken(
        "duplicate-mapping-key",
        lambda c: c.replace("skills.yaml", "    title: Python\n", "    title: Python\n    title: Snake\n"),
        "skills.yaml",
        "title: Snake",
        "key 'title' appears twice",
    ),
    # -- cross references that do not resolve
    Broken(
        "unknown-source",
        lambda c: c.replace("skills.yaml", "source: alpha-guide", "source: gamma-guide"),
        "skills.yaml",
        "source: gamma-guide",
        "unknown source id 'gamma-guide'",
    ),
    Broken(
        "unknown-source-in-phase",
        lambda c: c.replace("roadmaps.yaml", "        source: beta-guide\n", "        source: gamma-guide\n"),
        "roadmaps.yaml",
        "source: gamma-guide",
        "unknown source id 'gamma-guide'",
    ),
    Broken(
        "unknown-skill-in-role",
        lambda c: c.replace("roles.yaml", "skills: [python, llm-apps]", "skills: [python, cobol]"),
        "roles.yaml",
        "cobol",
        "unknown skill id 'cobol'",
    ),
    Broken(
        "role-skill-that-is-not-a-skill",
        lambda c: c.replace("roles.yaml", "skills: [python]", "skills: [hiring-process]"),
        "roles.yaml",
        "skills: [hiring-process]",
        "unknown skill id 'hiring-process'",
    ),
    Broken(
        "unknown-roadmap-in-role",
        lambda c: c.replace("roles.yaml", "roadmap: swe-to-ai-engineer", "roadmap: dancer-to-ai-engineer"),
        "roles.yaml",
        "dancer-to-ai-engineer",
        "unknown roadmap id 'dancer-to-ai-engineer'",
    ),
    Broken(
        "unknown-role-in-comparison",
        lambda c: c.replace("roles.yaml", "roles: [ai-engineer, ml-engineer]", "roles: [ai-engineer, data-scientist]"),
        "roles.yaml",
        "data-scientist",
        "unknown role id 'data-scientist'",
    ),
    Broken(
        "unknown-level-in-salary",
        lambda c: c.replace("salaries.yaml", "levels: [senior]", "levels: [staff]"),
        "salaries.yaml",
        "levels: [staff]",
        "unknown level id 'staff'",
    ),
    Broken(
        "unknown-location-in-salary",
        lambda c: c.replace("salaries.yaml", "locations: [san-francisco]", "locations: [tokyo]"),
        "salaries.yaml",
        "locations: [tokyo]",
        "unknown location id 'tokyo'",
    ),
    Broken(
        "unknown-specialization-in-salary",
        lambda c: c.replace("salaries.yaml", "specialization: llm-engineering", "specialization: robotics"),
        "salaries.yaml",
        "specialization: robotics",
        "unknown specialization id 'robotics'",
    ),
    Broken(
        "unknown-company-type-in-salary",
        lambda c: c.replace("salaries.yaml", "company_type: big-tech", "company_type: hedge-fund"),
        "salaries.yaml",
        "company_type: hedge-fund",
        "unknown company type id 'hedge-fund'",
    ),
    Broken(
        "unknown-role-in-salary",
        lambda c: c.replace("salaries.yaml", "role: ai-engineer", "role: prompt-engineer"),
        "salaries.yaml",
        "role: prompt-engineer",
        "unknown role id 'prompt-engineer'",
    ),
    Broken(
        "unknown-location-within",
        lambda c: c.replace("salaries.yaml", "within: us", "within: mars"),
        "salaries.yaml",
        "within: mars",
        "'within' names unknown location id 'mars'",
    ),
    Broken(
        "unknown-skill-in-roadmap-step",
        lambda c: c.replace("roadmaps.yaml", "skill: llm-apps", "skill: rust"),
        "roadmaps.yaml",
        "skill: rust",
        "unknown skill id 'rust'",
    ),
    Broken(
        "unknown-related-topic",
        lambda c: c.replace(
            "faq.yaml", "related: [ai-engineer, hiring-process]", "related: [ai-engineer, hiring-tips]"
        ),
        "faq.yaml",
        "hiring-tips",
        "unknown topic id 'hiring-tips'",
    ),
    # -- summaries are our own words, with no figures
    *(
        Broken(
            f"summary-with-figure-{name}",
            lambda c, figure=figure: c.replace("skills.yaml", "the main language", f"the main {figure} language"),
            "skills.yaml",
            "summary: Python is",
            "topics.0.summary: a summary may not state figures",
        )
        for name, figure in [
            ("digit", "7"),
            ("dollar", "$"),
            ("pound", "£"),
            ("euro", "€"),
            ("rupee", "₹"),
            ("percent", "%"),
        ]
    ),
    Broken(
        "phase-summary-with-figure",
        lambda c: c.replace("roadmaps.yaml", "Learn the basics of machine learning.", "Learn the basics in 3 months."),
        "roadmaps.yaml",
        "in 3 months",
        "roadmaps.0.phases.0.summary: a summary may not state figures",
    ),
    # -- word families: single words, at least two to a family
    Broken(
        "phrase-in-word-family",
        lambda c: c.replace("vocabulary.yaml", "[job, jobs, role, roles]", "[job, jobs, job title, roles]"),
        "vocabulary.yaml",
        "job title",
        "word_families.1.2: 'job title' is not one word",
    ),
    Broken(
        "word-family-of-one-word",
        lambda c: c.replace("vocabulary.yaml", "[job, jobs, role, roles]", "[job]"),
        "vocabulary.yaml",
        "[job]",
        "word_families.1: should have at least 2 items",
    ),
    Broken(
        "short-form-of-two-words",
        lambda c: c.replace("vocabulary.yaml", "mle: machine learning engineer", "ml eng: machine learning engineer"),
        "vocabulary.yaml",
        "ml eng:",
        "'ml eng' is not one word",
    ),
    Broken(
        "asked-across-an-unknown-dimension",
        lambda c: c.replace("salaries.yaml", "  company_types: [which companies]", "  cities: [which cities]"),
        "salaries.yaml",
        "cities:",
        "asked_across.cities",
    ),
    Broken(
        "level-pay-word-of-two-words",
        lambda c: c.replace("salaries.yaml", "level_pay_words: [numbers, figures]", "level_pay_words: [pay numbers]"),
        "salaries.yaml",
        "level_pay_words:",
        "'pay numbers' is not one word",
    ),
    # -- the set of files
    Broken("missing-content-file", lambda c: c.remove("market.yaml"), "market.yaml", 1, "file is missing"),
    Broken(
        "unknown-extra-content-file",
        lambda c: c.write("notes.yaml", "topics: []\n"),
        "notes.yaml",
        1,
        "unknown content file",
    ),
    Broken(
        "unknown-extra-content-file-yml",
        lambda c: c.write("roles.yml", "roles: []\n"),
        "roles.yml",
        1,
        "unknown content file",
    ),
    Broken("empty-file", lambda c: c.write("education.yaml", ""), "education.yaml", 1, "file is empty"),
    Broken(
        "file-with-only-comments",
        lambda c: c.write("education.yaml", "# nothing here yet\n"),
        "education.yaml",
        1,
        "file is empty",
    ),
]


@pytest.mark.parametrize("case", BROKEN, ids=[case.id for case in BROKEN])
def test_broken_content_reports_file_line_and_message(case: Broken, edit_content: Any) -> None:
    case.edit(edit_content)
    line = case.at if isinstance(case.at, int) else edit_content.line_of(case.file, case.at)

    problems = problems_of(edit_content.folder)

    assert len(problems) == 1, problems
    file, reported_line, message = problems[0]
    assert (file, reported_line) == (case.file, line), problems
    assert case.says in message


def test_every_problem_in_every_file_is_reported_at_once(edit_content: Any) -> None:
    edit_content.replace("roles.yaml", "    summary: An ML engineer trains and deploys machine learning models.\n", "")
    edit_content.replace("skills.yaml", "source: alpha-guide", "source: gamma-guide")
    edit_content.replace("skills.yaml", "related: [python]", "related: [pithon]")
    edit_content.replace("levels.yaml", "rank: 2", "rank: two")
    edit_content.replace("faq.yaml", "A short plain summary", "A short plain 100% summary")
    edit_content.replace("salaries.yaml", "locations: [us]", "locations: [atlantis]")
    edit_content.append("hiring.yaml", "  - id: hiring-process\n    title: Again\n    summary: Again.\n")
    edit_content.write("notes.yaml", "topics: []\n")

    problems = problems_of(edit_content.folder)

    assert [(file, line) for file, line, _ in problems] == [
        ("faq.yaml", 4),
        ("hiring.yaml", 8),
        ("levels.yaml", 13),
        ("notes.yaml", 1),
        ("roles.yaml", 18),
        ("salaries.yaml", 18),
        ("skills.yaml", 7),
        ("skills.yaml", 11),
    ]
    messages = " | ".join(message for _, _, message in problems)
    for fragment in [
        "may not state figures",
        "id 'hiring-process' is already defined at hiring.yaml:2",
        "should be a whole number",
        "unknown content file",
        "missing required field 'summary'",
        "unknown location id 'atlantis'",
        "unknown source id 'gamma-guide'",
        "unknown topic id 'pithon'",
    ]:
        assert fragment in messages


def test_a_yaml_error_does_not_hide_problems_in_other_files(edit_content: Any) -> None:
    edit_content.replace("market.yaml", "title: job market", "title: [job market")
    edit_content.replace("skills.yaml", "source: alpha-guide", "source: gamma-guide")
    edit_content.replace("levels.yaml", "rank: 2", "rank: two")

    problems = problems_of(edit_content.folder)

    assert [(file, message.split(":")[0]) for file, _, message in problems] == [
        ("levels.yaml", "levels.1.rank"),
        ("market.yaml", "invalid YAML"),
        ("skills.yaml", "unknown source id 'gamma-guide'"),
    ]


def test_a_file_that_cannot_be_read_does_not_flood_references_into_it(edit_content: Any) -> None:
    # skills.yaml defines the skills roles and roadmap steps point at; its own problem is enough
    edit_content.write("skills.yaml", "topics: [\n")

    problems = problems_of(edit_content.folder)

    assert [(file, line) for file, line, _ in problems] == [("skills.yaml", 2)]
    assert "invalid YAML" in problems[0][2]


def test_missing_content_folder_is_one_problem(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        load_library(tmp_path / "nowhere")
    assert caught.value.problems == [f"{tmp_path / 'nowhere'}:1: content folder not found"]


@pytest.mark.parametrize("case", BROKEN[::5], ids=[case.id for case in BROKEN[::5]])
def test_no_library_is_built_or_returned_when_there_is_a_problem(
    case: Broken, edit_content: Any, monkeypatch: Any
) -> None:
    """One problem anywhere: load_library raises, and no Library is even built."""
    import bot.content

    built: list[Library] = []
    real_assemble = bot.content._assemble

    def assemble(loaded: Any) -> Library:
        built.append(real_assemble(loaded))
        return built[-1]

    monkeypatch.setattr(bot.content, "_assemble", assemble)
    case.edit(edit_content)

    with pytest.raises(ContentError) as caught:
        load_library(edit_content.folder)

    assert built == []
    assert str(caught.value) == "\n".join(caught.value.problems)


# ---------------------------------------------------------------- `python -m bot` on broken content


def run_bot(*args: str, content: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "AIENG_"))}
    for name in ("PORT", "LOG_LEVEL", "WEB_CONCURRENCY"):
        env.pop(name, None)
    env["AIENG_CONTENT_DIR"] = str(content)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_check_passes_on_the_real_content() -> None:
    result = run_bot("check", content=REAL_CONTENT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("content OK:")


def test_check_lists_every_problem_as_file_line_message(edit_content: Any) -> None:
    expected = break_two_files(edit_content)

    result = run_bot("check", content=edit_content.folder)

    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    for line, prefix in zip(lines, expected, strict=True):
        assert PROBLEM.match(line), line
        assert line.startswith(prefix)
    assert "unknown skill id 'cobol'" in lines[1]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [["ask", "--batch"], ["ask", "salary"], ["chat"], ["run"]],
    ids=["ask-batch", "ask-once", "chat", "run-local"],
)
def test_bot_refuses_to_start_on_broken_content(args: list[str], edit_content: Any) -> None:
    expected = break_two_files(edit_content)

    result = run_bot(*args, content=edit_content.folder, stdin='{"via": "slash", "text": "salary"}\n')

    assert result.returncode == 1
    assert result.stdout == ""  # nothing was answered from partial content
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("aieng: ")
    for prefix in expected:
        assert prefix in result.stderr
