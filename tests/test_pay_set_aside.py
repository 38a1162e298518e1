"""Pay the question sets aside ("apart from pay", "beyond the salary itself", "pay aside") does not
make it a pay question; pay asked beside a set-aside place or level still does."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.intents import without_set_aside


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("apart from pay, what makes a good job?", " , what makes a good job?"),
        ("beyond the salary itself what else matters", "  what else matters"),
        ("salary aside, is it fun?", " , is it fun?"),
        ("senior pay in london, not the national average", "senior pay in london,  "),
    ],
)
def test_what_is_set_aside_is_taken_out(text: str, left: str) -> None:
    assert without_set_aside(text) == left


def test_a_question_that_sets_pay_aside_gets_no_pay_table(engine: Engine) -> None:
    for question in (
        "other than the money, what is good about being an ai engineer?",
        "pay aside, what do ai engineers like about the job?",
    ):
        reply = engine.answer(question, "dm")
        assert not reply.about_pay, f"{question!r} got {reply.topic_id}"


def test_pay_still_asked_beside_a_place_set_aside(engine: Engine) -> None:
    assert engine.answer("mid level pay in berlin, not the uk", "dm").topic_id == "s:level=mid,location=germany"
