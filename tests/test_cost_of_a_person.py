"""What a person costs is their pay: a cost word beside a role or level the question names
("why do ML engineers cost so much") makes a pay question, so the pay entries may answer it; the
cost of a thing ("running AI systems", "inference") stays a question about that thing."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.intents import prices_a_person
from bot.parsing import parse


@pytest.mark.parametrize(
    ("text", "priced"),
    [
        ("why do ml engineers cost so much", True),
        ("is a senior really that expensive", True),
        ("how costly is an ai engineer compared to a contractor", True),
        ("the cost of running large models in production for ai engineers", False),
        ("why is inference so expensive", False),
    ],
)
def test_a_cost_word_beside_a_person_prices_that_person(engine: Engine, text: str, priced: bool) -> None:
    assert prices_a_person(parse(text, engine.index, grammar=False)) is priced


@pytest.mark.parametrize(
    "question",
    [
        "why do ai engineers cost so much?",
        "my director asked why an ai engineer costs this much. what are the reasons?",
    ],
)
def test_why_a_person_costs_so_much_is_why_the_pay_is_high(engine: Engine, question: str) -> None:
    reply = engine.answer(question, "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "salary-why-so-high"), question


def test_what_running_ai_costs_is_not_pay(engine: Engine) -> None:
    reply = engine.answer("why is running ai systems so expensive?", "dm")
    assert not reply.about_pay
    assert reply.topic_id == "challenge-cost"
