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

from bot.cards.salary import chain, has_figures, salary_answer
from bot.content import Library
from bot.models import Figure, Phase, Point, Roadmap, Role, SalaryFigure, Step
from bot.refs import SalaryQuery
from bot.text import clean_question

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
    places = [Choice(loc.id, loc.name) for loc in library.locations.values() if has_figures(library, loc.id)]
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
    """The salary card's answer for the level in the place (bot.cards.salary decides what fits and
    what is nearest), then the company type's own figures there, then, in the US, the level's
    figures the articles tie to no place: each article's figures side by side."""
    level_name = library.levels[level].title
    if location not in library.locations:  # "somewhere else"
        us = salary_answer(library, SalaryQuery(levels=(level,)))
        national = [f for g in us.groups for f in g.figures if list(f.locations) == [NATIONAL]]
        group = PayGroup(f"Nearest: {level_name}, US national figures, for comparison", tuple(national))
        return Pay(False, "The articles give no figure for your place.", (group,) if national else ())
    place = library.locations[location].name
    answer = salary_answer(library, SalaryQuery(levels=(level,), locations=(location,)))
    around = set(chain(library, location))
    own = around - {NATIONAL} if location != NATIONAL else around  # national figures are the fallback
    exact = any(level in f.levels and own & set(f.locations) for g in answer.groups for f in g.figures)
    groups = [PayGroup(g.heading or f"{level_name}, {place}", g.figures) for g in answer.groups]
    note = None if exact else answer.lead
    if company in library.company_types:
        name = library.company_types[company].name
        tied = salary_answer(library, SalaryQuery(levels=(level,), locations=(location,), company_types=(company,)))
        groups += [PayGroup(f"{name}: {g.heading}" if g.heading else name, g.figures) for g in tied.groups]
    if NATIONAL in around:
        unplaced = [f for f in library.salary_figures if _plain(f) and level in f.levels and not f.locations]
        groups.append(PayGroup(f"{level_name}, no place named by the article", tuple(unplaced)))
    return Pay(exact, note, _without_repeats(groups))


def _without_repeats(groups: list[PayGroup]) -> tuple[PayGroup, ...]:
    """Each figure once, in the first group that shows it; empty groups dropped."""
    seen: set[int] = set()
    kept = []
    for group in groups:
        fresh = tuple(f for f in group.figures if id(f) not in seen)
        seen.update(id(f) for f in fresh)
        if fresh:
            kept.append(PayGroup(group.heading, fresh))
    return tuple(kept)


def _plain(figure: SalaryFigure) -> bool:
    """Plain AI engineer pay: not tied to a company type, a specialization or a role."""
    return not (figure.company_type or figure.specialization or figure.role)
