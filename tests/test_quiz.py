"""The career quiz without Slack: questions, answers, the plan and its card."""

from __future__ import annotations

import io
import itertools

import pytest
from slack_limits import problems

from bot import ids
from bot.answering import Engine
from bot.cards.quiz import plan_card
from bot.cards.salary import chain
from bot.content import Library
from bot.local_chat import run_chat, run_quiz
from bot.quiz import (
    ELSEWHERE,
    QUESTION_IDS,
    Answers,
    asks_for_quiz,
    make_plan,
    pay_for,
    questions,
    read_answers,
)
from bot.rendering import render
from bot.text import has_figure
from handlers.quiz import keep_plan


def answers(**changes: str) -> Answers:
    chosen = dict(background="software-engineer", years="2-5", goal="llm-apps", location="us", company="unsure")
    return Answers(**{**chosen, **changes})


def choice_ids(library: Library, question: str) -> list[str]:
    [found] = [q for q in questions(library) if q.id == question]
    return [c.id for c in found.choices]


# -- the questions and the answers -------------------------------------------------------------------


def test_there_are_five_questions_each_with_choices(library: Library) -> None:
    asked = questions(library)

    assert [q.id for q in asked] == ["background", "years", "goal", "location", "company"]
    assert all(len(q.choices) >= 2 for q in asked)


def test_places_are_those_with_figures_plus_elsewhere(library: Library) -> None:
    places = choice_ids(library, "location")

    assert places[-1] == ELSEWHERE
    for place in places[:-1]:
        assert any(place in f.locations for f in library.salary_figures), place
    assert {"us", "san-francisco", "uk", "india"} <= set(places)


def test_missing_answers_are_named_one_by_one(library: Library) -> None:
    assert set(read_answers(library, {})) == set(QUESTION_IDS)  # type: ignore[arg-type]
    partial = {"background": "student", "years": "none", "goal": "research", "location": "uk", "company": None}

    assert read_answers(library, partial) == {"company": "Please choose one."}


def test_a_choice_the_quiz_does_not_offer_is_refused(library: Library) -> None:
    raw = {**answers().__dict__, "location": "atlantis"}

    found = read_answers(library, raw)

    assert isinstance(found, dict) and list(found) == ["location"]


def test_complete_answers_are_read(library: Library) -> None:
    assert read_answers(library, answers(location="uk").__dict__) == answers(location="uk")


@pytest.mark.parametrize("text", ["quiz", "Quiz!", "  QUIZ  ", "career quiz", "take the quiz", "quiz me"])
def test_asking_for_the_quiz(text: str) -> None:
    assert asks_for_quiz(text)


@pytest.mark.parametrize("text", ["", "salary senior", "what is the interview quiz like?", "quizzes for ml"])
def test_other_text_is_not_a_quiz_request(text: str) -> None:
    assert not asks_for_quiz(text)


# -- the recommendation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("goal", "role", "track"),
    [
        ("llm-apps", "ai-engineer", "applied-ai-engineer"),
        ("models", "ml-engineer", "research-engineer"),
        ("platforms", "mlops-engineer", "ai-platform-engineer"),
        ("research", "research-scientist", "research-engineer"),
    ],
)
def test_the_goal_decides_role_and_track(library: Library, goal: str, role: str, track: str) -> None:
    plan = make_plan(library, answers(goal=goal))

    assert (plan.role.id, plan.track.id) == (role, track)
    assert plan.track_point is not None and plan.track_point.source == "startupbricks"


@pytest.mark.parametrize(
    ("background", "roadmap"),
    [
        ("software-engineer", "swe-to-ai-engineer"),
        ("data-scientist", "ds-to-ai-engineer"),
        ("data-analyst", "ds-to-ai-engineer"),
        ("student", "skill-building-sequence"),
        ("other", "skill-building-sequence"),
    ],
)
def test_the_background_decides_the_roadmap_and_first_skills(library: Library, background: str, roadmap: str) -> None:
    plan = make_plan(library, answers(background=background))

    assert plan.roadmap.id == roadmap
    assert plan.first_steps == tuple(library.roadmaps[roadmap].phases[0].steps[:3])


@pytest.mark.parametrize(
    ("years", "level"),
    [("none", "entry"), ("0-2", "entry"), ("2-5", "mid"), ("5-8", "senior"), ("8-12", "staff"), ("12+", "principal")],
)
def test_years_decide_the_level_with_each_articles_years(library: Library, years: str, level: str) -> None:
    plan = make_plan(library, answers(years=years))

    assert plan.level == level
    assert len({f.source for f in plan.level_years}) >= 2, "the articles' years side by side"


# -- pay -------------------------------------------------------------------------------------------------


def test_pay_in_a_place_with_figures_for_the_level_comes_first_and_exact(library: Library) -> None:
    pay = pay_for(library, "senior", "san-francisco", "unsure")

    assert pay.exact and pay.note is None
    first = pay.groups[0].figures
    assert all("san-francisco" in f.locations for f in first)
    assert any("senior" in f.levels for f in first)


def test_pay_in_a_us_place_sets_the_articles_side_by_side(library: Library) -> None:
    pay = pay_for(library, "mid", "us", "unsure")

    sources = {f.source for g in pay.groups for f in g.figures}
    assert len(sources) >= 3


def test_a_us_city_without_the_level_says_so_and_labels_the_national_figures(library: Library) -> None:
    cities = [p for p in library.locations if "us" in chain(library, p)[1:]]
    city = next(p for p in cities if not pay_for(library, "mid", p, "unsure").exact)

    pay = pay_for(library, "mid", city, "unsure")

    assert pay.note is not None and pay.note.startswith("The articles give no")
    [national] = [g for g in pay.groups if g.heading.startswith("US national figures")]
    assert all(list(f.locations) in ([], ["us"]) and "mid" in f.levels for f in national.figures)


def test_a_place_with_no_figures_says_so_and_labels_the_nearest(library: Library) -> None:
    pay = pay_for(library, "mid", ELSEWHERE, "unsure")

    assert not pay.exact
    assert pay.note == "The articles give no figure for your place."
    assert pay.groups and all(g.heading.startswith("Nearest:") for g in pay.groups)
    assert all(list(f.locations) == ["us"] for g in pay.groups for f in g.figures), "only national US, labelled"


def test_a_level_missing_in_a_place_says_so_and_shows_that_place_only(library: Library) -> None:
    pay = pay_for(library, "mid", "uk", "unsure")

    assert not pay.exact
    assert pay.note is not None and "United Kingdom" in pay.note and "mid-level" in pay.note
    shown = [f for g in pay.groups for f in g.figures]
    assert shown and all(f.locations == ["uk"] for f in shown), "never another country's figures"


def test_the_company_type_adds_its_own_figures(library: Library) -> None:
    pay = pay_for(library, "senior", "us", "big-tech")

    [group] = [g for g in pay.groups if g.heading == library.company_types["big-tech"].name]
    assert all(f.company_type == "big-tech" for f in group.figures)
    assert any(has_figure(f.value) for f in group.figures)


def test_no_place_ever_shows_another_places_amounts(library: Library) -> None:
    """Outside the US only the place's own figures carry amounts; in the US, the place's, a wider
    place's, or ones tied to no place; for "elsewhere", national ones labelled as the nearest."""
    levels = ["entry", "mid", "senior", "staff", "principal"]
    places, companies = choice_ids(library, "location"), choice_ids(library, "company")
    for place, level, company in itertools.product(places, levels, companies):
        around = set(chain(library, place)) if place in library.locations else set()
        for group in pay_for(library, level, place, company).groups:
            for figure in group.figures:
                if not has_figure(figure.value) or around & set(figure.locations):
                    continue  # the place's own, or a wider place's it lies within (US (other) for Austin)
                if "us" in around:
                    assert not figure.locations, (place, level, figure)
                else:
                    assert place == ELSEWHERE and list(figure.locations) == ["us"], (place, level, figure)
                    assert group.heading.startswith("Nearest:")


# -- the card -------------------------------------------------------------------------------------------


def test_every_plan_card_fits_slack_and_cites_its_sources(library: Library) -> None:
    backgrounds, goals = choice_ids(library, "background"), choice_ids(library, "goal")
    combos = [answers(background=b, goal=g) for b in backgrounds for g in goals]
    combos += [
        answers(location=p, years=y, company=c)
        for p in choice_ids(library, "location")
        for y in choice_ids(library, "years")
        for c in ("unsure", "big-tech")
    ]
    for chosen in combos:
        payload = keep_plan(render(plan_card(library, make_plan(library, chosen))).payload())
        assert problems(payload) == [], chosen
        contexts = [e["text"] for b in payload["blocks"] if b["type"] == "context" for e in b["elements"]]
        assert any(t.startswith("Sources:") for t in contexts), chosen


def test_the_plan_offers_its_roadmap_and_keeps_itself_when_clicked(library: Library) -> None:
    plan = make_plan(library, answers(background="data-scientist"))
    payload = keep_plan(render(plan_card(library, plan)).payload())

    elements = [e for b in payload["blocks"] if b["type"] == "actions" for e in b["elements"]]
    [roadmap] = [e for e in elements if e["value"] == "r:ds-to-ai-engineer"]
    assert ids.PLAN_OPEN_PATTERN.match(roadmap["action_id"])
    assert not any(ids.OPEN_PATTERN.match(e["action_id"]) for e in elements), "no drill-down replaces the plan"
    assert any(e["action_id"] == ids.QUIZ for e in elements)


# -- the terminal quiz ------------------------------------------------------------------------------------


def test_the_terminal_quiz_asks_each_question_and_prints_the_plan(engine: Engine) -> None:
    out = io.StringIO()

    run_chat(engine, io.StringIO("quiz\n2\n7\n3\n3\n8\n2\n"), out)

    text = out.getvalue()
    assert text.count("Question ") == 5
    assert "Type a number from 1 to 6." in text, "7 is not a choice of the years question"
    assert "Your AI engineering plan" in text and "Data scientist to AI engineer" in text
    assert "United Kingdom" in text


def test_the_terminal_quiz_stops_cleanly_when_input_ends(library: Library) -> None:
    out = io.StringIO()

    assert run_quiz(library, io.StringIO("1\n2\n"), out) is None
    assert "Quiz stopped" in out.getvalue()
