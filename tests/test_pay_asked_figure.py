"""A pay question shows the figure asked about, and none that belongs to another role: "what do
seniors get" is pay, "top-tier companies" are big tech, and an executive's pay card names only the
executive asked about."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.intents import gets_as_pay
from bot.parsing import parse
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
        ("what do seniors get asked in interviews?", False),
        ("what do juniors get wrong in their first project?", False),
        ("what does a senior get to decide on a team?", False),
        ("how do seniors get promoted to staff?", False),
    ],
)
def test_what_a_level_gets_is_its_pay(engine: Engine, text: str, pay: bool) -> None:
    assert gets_as_pay(parse(text, engine.index, grammar=False)) is pay


def test_what_juniors_get_in_an_indian_city_is_the_india_figure(engine: Engine) -> None:
    text = _text(engine, "what do juniors typically get in pune?")
    assert "₹25L-₹40L" in text
    assert "$" not in text


def test_top_tier_companies_are_big_tech(engine: Engine) -> None:
    text = _text(engine, "what do top-tier companies pay mid-level AI engineers?")
    assert "$250,000 - $350,000" in text  # Startupbricks' top companies, 2-5 years
    assert "$180,000 - $250,000" not in text  # its average


def test_a_vp_pay_card_shows_no_other_executives_figure(engine: Engine) -> None:
    text = _text(engine, "any pay numbers for a vp of engineering?")
    assert "$395,396" in text
    assert "$417,881" not in text  # the CMO's
