"""A pay question shows the figure asked about, and none that belongs to another role: "what do
seniors get" is pay, "top-tier companies" are big tech, and an executive's pay card names only the
executive asked about."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.intents import gets_as_pay
from bot.parsing import parse
from bot.refs import SalaryQuery, parse_ref
from bot.rendering import text_lines


def _text(engine: Engine, question: str) -> str:
    reply = engine.answer(question, "dm")
    assert reply.card is not None, question
    return "\n".join(text_lines(reply.card))


@pytest.mark.parametrize(
    ("text", "pay"),
    [
        ("what do juniors typically get in pune?", True),
        ("what would a staff engineer get at google?", True),
        ("what do mid-level engineers get in london", True),
        ("what do entry level ai engineers usually get?", True),
        ("what do mid-level folks get at startups?", True),
        ("what do seniors get asked in interviews?", False),
        ("what do juniors get wrong in their first project?", False),
        ("what does a senior get to decide on a team?", False),
        ("how do seniors get promoted to staff?", False),
        ("what could I expect as a principal", True),
        ("what would I take home as a mid-level in berlin?", True),
        ("what does a staff engineer bring home?", True),
        ("realistically what would a principal pull in", True),
        ("what can a junior expect in their first week?", False),
        ("what should I expect as a principal in terms of scope?", False),
        ("what do seniors make of the new agent frameworks?", False),
        ("what should a senior expect from interviews?", False),
    ],
)
def test_what_a_level_gets_is_its_pay(engine: Engine, text: str, pay: bool) -> None:
    assert gets_as_pay(parse(text, engine.index, grammar=False)) is pay


def test_what_a_level_can_expect_is_its_pay_card(engine: Engine) -> None:
    reply = engine.answer("what could I expect as a principal", "dm")
    assert reply.kind == "answer"
    assert reply.card is not None
    assert "$350,000 - $450,000" in "\n".join(text_lines(reply.card))  # Startupbricks, Staff/Principal average


def test_what_juniors_get_in_an_indian_city_is_the_india_figure(engine: Engine) -> None:
    text = _text(engine, "what do juniors typically get in pune?")
    assert "₹25L-₹40L" in text
    assert "$" not in text


def test_top_tier_companies_are_big_tech(engine: Engine) -> None:
    text = _text(engine, "what do top-tier companies pay mid-level AI engineers?")
    assert "$250,000 - $350,000" in text  # Startupbricks' top companies, 2-5 years
    assert "$180,000 - $250,000" not in text  # its average


def test_top_paying_companies_are_big_tech(engine: Engine) -> None:
    text = _text(engine, "senior base at the top-paying companies?")
    assert "$350,000 - $500,000" in text  # Startupbricks' top companies, 5-8 years


def test_a_vp_pay_card_shows_no_other_executives_figure(engine: Engine) -> None:
    text = _text(engine, "any pay numbers for a vp of engineering?")
    assert "$395,396" in text
    assert "$417,881" not in text  # the CMO's


def _first_figure(engine: Engine, question: str) -> str:
    reply = engine.answer(question, "dm")
    assert reply.card is not None, question
    fields = [f for s in reply.card.sections for f in s.fields]
    return f"{fields[0].label}: {fields[0].value}"


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("what is total compensation for a mid-level AI engineer including equity?", "Total compensation (2-5 years)"),
        ("base pay for an entry level ai engineer in the US?", "Base salary range, Entry-level"),
        ("senior ai engineer median salary", "Median base salary, senior AI engineers"),
        ("staff ai engineer pay including equity, not just base", "Total compensation, Staff/Principal"),
        ("how much is the base for a staff AI engineer in the US?", "Average, Staff/Principal"),  # the level's own
    ],
)
def test_the_measure_asked_for_comes_first(engine: Engine, question: str, first: str) -> None:
    assert _first_figure(engine, question).startswith(first), question


def test_equity_alone_is_still_the_topic_about_it(engine: Engine) -> None:
    reply = engine.answer("how much equity do AI engineers get?", "dm")
    assert reply.topic_id == "salary-total-compensation"


def test_a_measure_travels_in_the_salary_ref() -> None:
    ref = parse_ref("s:level=senior,measure=total")
    assert ref.salary == SalaryQuery(levels=("senior",), measures=("total",))
    assert str(ref) == "s:level=senior,measure=total"


def test_a_company_type_in_a_us_city_shows_the_citys_own_level_figure(engine: Engine) -> None:
    text = _text(engine, "what's the total comp for a principal at google in the bay area?")
    assert "$400K-$600K" in text  # Startupbricks' principal row for SF/NY
    assert "$450,000 - $700,000+" in text  # its top companies row, national


def test_a_head_of_ai_engineering_is_the_ai_director_no_article_gives_pay_for(engine: Engine) -> None:
    reply = engine.answer("how much does a head of AI engineering make at a startup?", "dm")
    assert reply.kind == "fallback"
    assert "AI Director" in _text(engine, "how much does a head of AI engineering make at a startup?")


@pytest.mark.parametrize(
    "question",
    [
        "chief data officer salary",
        "what's the pay for a head of data science?",
        "what does a CFO with an AI focus earn?",
        "how much does the CEO of an AI startup make",
        "how much does a chief AI officer make?",
    ],
)
def test_a_leader_no_article_prices_is_told_so_and_offered_the_leadership_pay_by_button(
    engine: Engine, question: str
) -> None:
    reply = engine.answer(question, "dm")
    assert reply.kind == "fallback" and reply.card is not None, question
    assert "no pay figure for" in reply.card.summary
    assert not [f for s in reply.card.sections for f in s.fields]  # no other role's figure as this one's
    assert reply.card.buttons[0].value == "t:salary-executive"


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("how much does a CTO at an AI startup make?", "$434,453"),
        ("what would a cto make in sf", "$434,453"),
        ("vp engineering median salary", "$395,396"),
        ("what's a VP of engineering paid at big tech?", "$395,396"),
    ],
)
def test_a_priced_leader_gets_its_own_figure_whatever_else_is_named(engine: Engine, question: str, figure: str) -> None:
    reply = engine.answer(question, "dm")
    assert reply.card is not None and reply.topic_id == "salary-executive", question
    values = [f.value for s in reply.card.sections for f in s.fields]
    assert figure in values[:2], question  # not the AI startups, San Francisco or big tech AI engineer rows


@pytest.mark.parametrize(
    "question",
    [
        "what's the starting salary for ai engineers fresh out of college",
        "how much can I make straight out of school as an ai engineer",
        "what do college grads make in ai engineering",
    ],
)
def test_out_of_college_is_entry_level(engine: Engine, question: str) -> None:
    reply = engine.answer(question, "dm")
    assert reply.card is not None and reply.card.ref == "s:level=entry", question
