"""Whose pay is asked: a role that says who is asking ("data scientist here", "as a data scientist")
is not the subject when the question names a level; AI engineers beside another role are one side
of the comparison, not dropped."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.parsing import parse
from bot.rendering import text_lines


def _text(engine: Engine, question: str) -> str:
    reply = engine.answer(question, "dm")
    assert reply.card is not None, question
    return "\n".join(text_lines(reply.card))


@pytest.mark.parametrize(
    ("text", "askers"),
    [
        ("data scientist here, what does a senior ai engineer earn?", ["data-scientist"]),
        ("as a data scientist, what would a mid-level role pay?", ["data-scientist"]),
        ("im an ml engineer, do ai engineers get paid more?", ["ml-engineer"]),
        ("what do data scientists earn?", []),
        ("Quick question. As a data scientist, what would a senior role pay?", ["data-scientist"]),
        ("how much would i make as a data scientist at senior level?", []),  # asks about being one
    ],
)
def test_a_role_that_says_who_is_asking(engine: Engine, text: str, askers: list[str]) -> None:
    found = parse(text, engine.index, grammar=False).entities.askers
    assert [f.id for f in found if f.kind == "role"] == askers


@pytest.mark.parametrize(
    "question",
    [
        "data scientist here, what does a senior AI engineer earn?",
        "As a data scientist, what would a mid-level AI engineer role pay me?",
    ],
)
def test_the_askers_role_is_not_whose_pay_is_asked(engine: Engine, question: str) -> None:
    text = _text(engine, question)
    assert "Data Scientist" not in text and "$100,000–$200,000+" not in text, question


def test_the_askers_own_pay_is_still_theirs(engine: Engine) -> None:
    assert "$100,000–$200,000+" in _text(engine, "data scientist here, what's the pay like for my role?")


def test_ai_engineers_beside_another_role_are_shown_too(engine: Engine) -> None:
    text = _text(engine, "im an ml engineer, do ai engineers get paid more?")
    assert "$130,000–$280,000+" in text  # AI engineer
    assert "$130,000–$260,000+" in text  # ML engineer


def test_a_role_asked_about_being_is_whose_pay_is_asked(engine: Engine) -> None:
    text = _text(engine, "how much would i make as a data scientist at senior level?")
    assert "$100,000–$200,000+" in text, "'as a data scientist' inside the question is what is asked"


def test_a_role_said_as_who_asks_gets_no_bonus_for_being_named(engine: Engine) -> None:
    reply = engine.answer("mlops engineer here, how do i get promoted?", "dm")
    assert reply.topic_id != "mlops-engineer", "'X here' says who is asking, as 'I'm an X' does"
