"""The content schema: one pydantic model per kind of entry in `content/*.yaml`.

Every figure and statement carries its `source` (an id from `sources.yaml`), so a card
can always say where a fact comes from. Cross references between files are ids; the
loader (`bot.content`) checks that each one resolves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from bot.text import has_figure, terms

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG)]

# The kinds of id one entry can name in another (bot/content_refs.py says where each is defined).
Namespace = Literal[
    "source", "topic", "skill", "roadmap", "level", "location", "specialization", "company type", "role"
]


@dataclass(frozen=True)
class RefersTo:
    """Marks an id field as naming an entry defined elsewhere; the loader checks that the id exists."""

    namespace: Namespace


@dataclass(frozen=True)
class RefersToSibling:
    """Marks an id field as naming another item of the same list (a place within another place)."""


SourceId = Annotated[Slug, RefersTo("source")]
TopicId = Annotated[Slug, RefersTo("topic")]
SkillId = Annotated[Slug, RefersTo("skill")]
RoadmapId = Annotated[Slug, RefersTo("roadmap")]
LevelId = Annotated[Slug, RefersTo("level")]
LocationId = Annotated[Slug, RefersTo("location")]
SpecializationId = Annotated[Slug, RefersTo("specialization")]
CompanyTypeId = Annotated[Slug, RefersTo("company type")]
RoleId = Annotated[Slug, RefersTo("role")]
SiblingId = Annotated[Slug, RefersToSibling()]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _no_figures(value: str) -> str:
    """A summary is our own words; figures belong in cited points and figures."""
    if has_figure(value):
        raise ValueError("a summary may not state figures or numbers; put them in a cited point or figure")
    return value


Summary = Annotated[Text, AfterValidator(_no_figures)]


def _one_word(value: str) -> str:
    """Word families, short forms and level pay words are matched word by word: a phrase would never be found."""
    if len(value.split()) != 1:
        raise ValueError(f"'{value}' is not one word: this list is matched word by word")
    return value


Word = Annotated[Text, AfterValidator(_one_word)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    id: Slug
    name: Text
    file: Text
    title: Text
    dated: Text


class Cited(Strict):
    source: SourceId
    credits: Text | None = None
    as_of: Text | None = None


class Point(Cited):
    """One statement, in the article's terms."""

    text: Text


class Figure(Cited):
    """One figure exactly as its article states it: `value` "$236,875", `label` what it measures."""

    label: Text
    value: Text
    note: Text | None = None


class Topic(Strict):
    """Anything a person can ask about: it has a title, the words people use, and cited facts."""

    id: Slug
    title: Text
    aliases: list[Text] = Field(default_factory=list)
    questions: list[Text] = Field(default_factory=list)
    summary: Summary
    figures: list[Figure] = Field(default_factory=list)
    points: list[Point] = Field(default_factory=list)
    related: list[TopicId] = Field(default_factory=list)


class Dimension(Strict):
    """A value a salary figure can be tagged with: a location, a specialization, a company type."""

    id: Slug
    name: Text
    aliases: list[Text] = Field(default_factory=list)
    # A place's word for its people ("japanese", "swiss"): a name of the place before what it qualifies
    # ("japanese companies"); alone it may be the people or their language (bot.peoples).
    people: list[Text] = Field(default_factory=list)
    within: SiblingId | None = None  # a location inside another ("san-francisco" within "us")
    # A part of a wider region no figure is for ("uk" in "europe"): asked about the region, its parts answer.
    region: SiblingId | None = None
    # The rest of the place it lies within once these are set aside ("us-other": the US but SF and
    # NY), so "the US but not SF or NYC" asks about it.
    besides: list[SiblingId] = Field(default_factory=list)


class Profession(Dimension):
    """A job other than AI engineer. Either no article gives its pay (`nearest`: the pay entry whose
    figures come closest, other leadership roles each labelled with its own, offered after saying
    so), or one gives it only in a pay entry of its own (`paid_in`: the CTO's median in the AI
    leadership entry), never tagged on a figure, so no table by level, place or employer has it."""

    nearest: TopicId | None = None
    paid_in: TopicId | None = None


class PayMeasure(Strict):
    """What a pay figure measures (total compensation, base, median), by the words people ask it with."""

    id: Slug
    name: Text
    aliases: list[Text] = Field(min_length=1)
    label_words: list[Word] = Field(min_length=1)  # a figure whose label uses one measures this


class Level(Topic):
    rank: int


class Role(Topic):
    emerging: bool = False
    skills: list[SkillId] = Field(default_factory=list)
    roadmap: RoadmapId | None = None


class ComparisonRow(Cited):
    aspect: Text
    left: Text
    right: Text


class Comparison(Topic):
    roles: tuple[RoleId, RoleId]
    rows: list[ComparisonRow] = Field(default_factory=list)


class SalaryFigure(Figure):
    """A salary figure tagged with what it describes; untagged dimensions mean "in general"."""

    levels: list[LevelId] = Field(default_factory=list)
    locations: list[LocationId] = Field(default_factory=list)
    specialization: SpecializationId | None = None
    company_type: CompanyTypeId | None = None
    role: RoleId | None = None


class Step(Strict):
    title: Text
    detail: Text
    skill: SkillId | None = None
    resources: list[Text] = Field(default_factory=list)

    @property
    def restates(self) -> bool:
        """Does the detail only say the title again, in other forms of its words ("Master Git,
        testing, code review": "Master Git, testing and code review.", "Build deployable
        applications": "Build applications that can be deployed.")?"""
        titled = terms(self.title)
        return all(any(_one_root(word, said) for said in titled) for word in terms(self.detail))

    @property
    def line(self) -> str:
        """The step as a line: its title and detail; the title alone where the detail only repeats it,
        the detail alone where it opens as the title does and says all of it and more: "Learn MLOps
        basics (MLflow, DVC, or similar).", not "Learn MLOps basics: Learn MLOps basics (MLflow, ...)"."""
        if self.restates:
            return self.title
        titled, detailed = terms(self.title), terms(self.detail)
        opens_alike = bool(titled and detailed) and _one_root(titled[0], detailed[0])
        if opens_alike and all(any(_one_root(word, said) for said in detailed) for word in titled):
            return self.detail
        return f"{self.title}: {self.detail}"


SHARED_ROOT = 5  # letters two stems must share to be forms of one word ("deploy", "deployable")


def _one_root(a: str, b: str) -> bool:
    """Are two stems forms of one word: equal, or one the start of the other ("specializ", "specialization")?"""
    return a == b or (min(len(a), len(b)) >= SHARED_ROOT and (a.startswith(b) or b.startswith(a)))


class Phase(Cited):
    id: Slug
    title: Text
    aliases: list[Text] = Field(default_factory=list)  # the names people give this phase ("ml foundations")
    duration: Text | None = None
    summary: Summary
    steps: list[Step] = Field(min_length=1)


class Roadmap(Topic):
    phases: list[Phase] = Field(min_length=1)
    # Who the path is for, in the words people describe themselves with ("phd", "postdoc"): named
    # in the chatter around a question ("Physics PhD here. How do I pivot?"), it is the asker's own.
    backgrounds: list[Text] = Field(default_factory=list)
    # Who no article gives a path of their own but comes nearest to this one ("data analysts"): named
    # as who is asking, they get this path, labelled as the closest there is, never as their own.
    nearest_for: list[Dimension] = Field(default_factory=list)


class SourcesFile(Strict):
    sources: list[Source]


class TopicsFile(Strict):
    topics: list[Topic]


class LevelsFile(Strict):
    levels: list[Level]
    topics: list[Topic] = Field(default_factory=list)


class RolesFile(Strict):
    roles: list[Role]
    comparisons: list[Comparison] = Field(default_factory=list)


class SalariesFile(Strict):
    locations: list[Dimension]
    specializations: list[Dimension]
    company_types: list[Dimension]
    figures: list[SalaryFigure]
    topics: list[Topic] = Field(default_factory=list)
    pay_words: list[Text] = Field(default_factory=list)  # words that make a question about pay
    # pay when right after a level or place ("senior numbers")
    level_pay_words: list[Word] = Field(default_factory=list)
    named_pay_words: list[Word] = Field(default_factory=list)
    pay_parts: list[Text] = Field(default_factory=list)  # parts of pay no salary table shows ("bonus", "equity")
    pay_trends: list[Word] = Field(default_factory=list)  # how pay moves, which no one-year table shows
    pay_measures: list[PayMeasure] = Field(default_factory=list)  # asked for ("total comp"), shown first
    other_professions: list[Profession] = Field(default_factory=list)  # jobs whose pay no article gives
    # Phrases that ask about every value of a dimension at once ("which companies"): they name them all.
    asked_across: dict[Literal["company_types", "specializations"], list[Text]] = Field(default_factory=dict)


class RoadmapsFile(Strict):
    roadmaps: list[Roadmap]
    topics: list[Topic] = Field(default_factory=list)


class NeverCovered(Strict):
    """Something people ask about beside their careers that no article covers, by the words that name it."""

    name: Text
    words: list[Text] = Field(min_length=1)


class VocabularyFile(Strict):
    # Everyday kin: a question's word that no fact of its answer uses stands for the rest of its family.
    word_families: list[Annotated[list[Word], Field(min_length=2)]]
    # Short forms people type for what the articles spell out ("vp": "vice president"): one and the same.
    short_forms: dict[Word, Text] = Field(default_factory=dict)
    # Everyday phrases whose words, read one by one, name something else ("rule of thumb" is no rule).
    idioms: list[Text] = Field(default_factory=list)
    # Phrases that ask for an amount ("how many", "what share"): a fact stating a figure answers them.
    quantity_phrases: list[Text] = Field(default_factory=list)
    # What no article covers ("benefits and perks"), by the words that name it ("401k", "pto").
    never_covered: list[NeverCovered] = Field(default_factory=list)
