"""The career quiz: five questions the articles let us answer, and the plan the answers lead to. Pure.

    questions(library)            the questions and their choices (places and company types from content)
    read_answers(library, raw)    the answers, or what is missing or unknown, per question
    make_plan(library, answers)   recommended role and track, level, pay side by side, roadmap, first skills

The Slack modal (handlers/quiz.py) and the terminal quiz (bot/local_chat.py) ask the same questions;
bot/cards/quiz.py turns a Plan into a card.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from bot.content import Library
from bot.models import Figure, Phase, Point, Roadmap, Role, SalaryFigure, Step
from bot.text import clean_question, has_figure

QuestionId = Literal["background", "years", "goal", "location", "company"]
QUESTION_IDS: tuple[QuestionId, ...] = ("background", "years", "goal", "location", "company")
ELSEWHERE = "elsewhere"  # a place the articles give no figures for
UNSURE = "unsure"  # no company type in mind
NATIONAL = "us"  # the location id of United States national figures
FIRST_SKILLS = 3  # steps of the roadmap's first phase shown as "first skills to learn"
YEARS_PREFIX = "Years of experience"  # the level figures that state a level's years


@dataclass(frozen=True)
class Choice:
    id: str
    label: str


@dataclass(frozen=True)
class Question:
    id: QuestionId
    text: str
    choices: tuple[Choice, ...]


BACKGROUNDS = (
    Choice("software-engineer", "Software engineer"),
    Choice("data-scientist", "Data scientist"),
    Choice("data-analyst", "Data analyst"),
    Choice("student", "Student"),
    Choice("other", "Something else"),
)
# The bands are Startupbricks' career ladder (0-2, 2-5, 5-8, 8-12, 12+ years); the card shows each
# article's own years for the level chosen, side by side.
YEARS = (
    Choice("none", "None yet"),
    Choice("0-2", "Under 2 years"),
    Choice("2-5", "2 to 5 years"),
    Choice("5-8", "5 to 8 years"),
    Choice("8-12", "8 to 12 years"),
    Choice("12+", "12 years or more"),
)
LEVEL_FOR_YEARS = {"none": "entry", "0-2": "entry", "2-5": "mid", "5-8": "senior", "8-12": "staff", "12+": "principal"}
GOALS = (
    Choice("llm-apps", "LLM applications and agents"),
    Choice("models", "Models and training"),
    Choice("platforms", "Data and ML platforms"),
    Choice("research", "Research"),
)
# The role that does the work a goal names, and the specialization track (Startupbricks names four:
# applied AI, MLOps/infrastructure, research engineering, AI platform) that leads there.
ROLE_AND_TRACK = {
    "llm-apps": ("ai-engineer", "applied-ai-engineer"),
    "models": ("ml-engineer", "research-engineer"),
    "platforms": ("mlops-engineer", "ai-platform-engineer"),
    "research": ("research-scientist", "research-engineer"),
}
# The roadmap written for each starting point (the data-science one names data analysts too).
ROADMAP_FOR_BACKGROUND = {
    "software-engineer": "swe-to-ai-engineer",
    "data-scientist": "ds-to-ai-engineer",
    "data-analyst": "ds-to-ai-engineer",
    "student": "skill-building-sequence",
    "other": "skill-building-sequence",
}
QUESTION_TEXT: dict[QuestionId, str] = {
    "background": "What do you do now?",
    "years": "Years of professional experience (software, data or ML)",
    "goal": "What do you want to build?",
    "location": "Where do you work, or want to?",
    "company": "What kind of company?",
}


QUIZ_PHRASES = frozenset({"quiz", "quizz", "career quiz", "take the quiz", "take the career quiz", "quiz me"})


def asks_for_quiz(text: str) -> bool:
    """Is this text (a slash command's or a message's) a request for the quiz?"""
    return " ".join(clean_question(text).lower().strip(" !?.").split()) in QUIZ_PHRASES


def questions(library: Library) -> tuple[Question, ...]:
    places = [Choice(loc.id, loc.name) for loc in library.locations.values() if _has_figures(library, loc.id)]
    companies = [Choice(c.id, c.name) for c in library.company_types.values()]
    choices: dict[QuestionId, tuple[Choice, ...]] = {
        "background": BACKGROUNDS,
        "years": YEARS,
        "goal": GOALS,
        "location": (*places, Choice(ELSEWHERE, "Somewhere else")),
        "company": (*companies, Choice(UNSURE, "Not sure yet")),
    }
    return tuple(Question(qid, QUESTION_TEXT[qid], choices[qid]) for qid in QUESTION_IDS)


@dataclass(frozen=True)
class Answers:
    background: str
    years: str
    goal: str
    location: str
    company: str


Problems = dict[QuestionId, str]


def read_answers(library: Library, raw: Mapping[str, str | None]) -> Answers | Problems:
    """The answers, or for each question left empty or answered with an unknown choice, what to say."""
    problems: Problems = {}
    for question in questions(library):
        value = raw.get(question.id)
        if not value:
            problems[question.id] = "Please choose one."
        elif value not in {c.id for c in question.choices}:
            problems[question.id] = "That choice isn't one I know any more; please choose again."
    if problems:
        return problems
    return Answers(**{qid: str(raw[qid]) for qid in QUESTION_IDS})


def label_of(library: Library, question: QuestionId, choice_id: str) -> str:
    [found] = [q for q in questions(library) if q.id == question]
    return next(c.label for c in found.choices if c.id == choice_id)


# -- the plan ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PayGroup:
    heading: str
    figures: tuple[SalaryFigure, ...]


@dataclass(frozen=True)
class Pay:
    """Pay figures for the level, place and company type, each article's own, in labelled groups.

    `exact` is False when no article gives a figure for the level in the place; `note` then says so,
    and the groups are the nearest figures, each group's heading saying what it is instead."""

    exact: bool
    note: str | None
    groups: tuple[PayGroup, ...]


@dataclass(frozen=True)
class Plan:
    answers: Answers
    role: Role
    track: Role
    track_point: Point | None  # how the articles describe the track
    level: str  # a level id
    level_years: tuple[Figure, ...]  # each article's years for that level
    pay: Pay
    roadmap: Roadmap
    first_phase: Phase  # the roadmap's first phase: where the first skills come from
    first_steps: tuple[Step, ...]


def make_plan(library: Library, answers: Answers) -> Plan:
    role_id, track_id = ROLE_AND_TRACK[answers.goal]
    track = library.roles[track_id]
    level = LEVEL_FOR_YEARS[answers.years]
    roadmap = library.roadmaps[ROADMAP_FOR_BACKGROUND[answers.background]]
    first_phase = roadmap.phases[0]
    return Plan(
        answers=answers,
        role=library.roles[role_id],
        track=track,
        track_point=track.points[0] if track.points else None,
        level=level,
        level_years=tuple(f for f in library.levels[level].figures if f.label.startswith(YEARS_PREFIX)),
        pay=pay_for(library, level, answers.location, answers.company),
        roadmap=roadmap,
        first_phase=first_phase,
        first_steps=tuple(first_phase.steps[:FIRST_SKILLS]),
    )


def pay_for(library: Library, level: str, location: str, company: str) -> Pay:
    figures = [f for f in library.salary_figures if not f.specialization and not f.role]
    level_name = library.levels[level].title
    place = library.locations[location].name if location in library.locations else None
    in_us = location == NATIONAL or (place is not None and library.locations[location].within == NATIONAL)
    fits_company = [f for f in figures if f.company_type in (None, company)]
    groups: list[PayGroup] = []

    def add(heading: str, chosen: list[SalaryFigure]) -> None:
        shown = {id(f) for g in groups for f in g.figures}
        fresh = tuple(f for f in chosen if id(f) not in shown)
        if fresh:
            groups.append(PayGroup(heading, fresh))

    here = [f for f in fits_company if level in f.levels and location in f.locations]
    add(f"{level_name}, {place}", here)
    if place and location != NATIONAL:
        add(f"{place}, any level", [f for f in fits_company if not f.levels and location in f.locations])
    if company in library.company_types:
        add(library.company_types[company].name, _company_figures(figures, level, location, company, in_us))
    note = None
    if not here:
        note = (
            "The articles give no figure for your place."
            if place is None
            else f"The articles give no figure for a {_lower_first(level_name)} in {place}."
        )
        if place is not None:
            add(f"Nearest: other levels in {place}", [f for f in figures if _plain(f) and location in f.locations])
        if in_us or place is None:
            national = [f for f in figures if _plain(f) and level in f.levels and list(f.locations) == [NATIONAL]]
            add(f"Nearest: {level_name}, {library.locations[NATIONAL].name}", national)
    if in_us:
        unplaced = [f for f in figures if _plain(f) and level in f.levels and not f.locations]
        add(f"{level_name}, no place named by the article", unplaced)
    return Pay(exact=bool(here), note=note, groups=tuple(groups))


def _company_figures(
    figures: list[SalaryFigure], level: str, location: str, company: str, in_us: bool
) -> list[SalaryFigure]:
    """A company type's figures that fit the level (or name none) and the place: tagged with it, US
    national for a US place, or tagged with no place. Outside the US, an untagged item is shown only
    when it states no figure ("lower base, higher equity potential"): the articles' amounts are dollars."""

    def fits_place(f: SalaryFigure) -> bool:
        if location in f.locations or (in_us and list(f.locations) == [NATIONAL]):
            return True
        return not f.locations and (in_us or not has_figure(f.value))

    return [f for f in figures if f.company_type == company and (not f.levels or level in f.levels) and fits_place(f)]


def _plain(figure: SalaryFigure) -> bool:
    """A figure of plain AI engineer pay at a level: no company type (specializations and roles are out)."""
    return figure.company_type is None and bool(figure.levels)


def _has_figures(library: Library, location: str) -> bool:
    return any(location in f.locations for f in library.salary_figures)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
