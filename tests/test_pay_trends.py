"""A salary table gives one year's ranges by role and level; it cannot show how pay moves. A pay
question asking how it moves ("growing", "yoy", "trend") gets no bonus for the role it names, so the
entry on pay growth answers it; the same question without a trend word still gets the role's table."""

from __future__ import annotations

import pytest

from bot.answering import Engine


@pytest.mark.parametrize(
    "text",
    [
        "what's the salary trend for machine learning engineers",
        "how fast is machine learning engineer pay increasing",
        "is machine learning engineer compensation on the rise",
    ],
)
def test_a_role_named_in_a_question_about_pay_moving_gets_the_growth_entry(engine: Engine, text: str) -> None:
    reply = engine.answer(text, "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "salary-growth"), text


@pytest.mark.parametrize("text", ["what's the salary for machine learning engineers", "ml engineer compensation"])
def test_without_a_trend_word_the_role_named_gets_its_table(engine: Engine, text: str) -> None:
    reply = engine.answer(text, "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "s:role=ml-engineer"), text
