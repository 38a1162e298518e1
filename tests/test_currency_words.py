"""A currency code that is also an everyday word ("CAD", drawing software) makes a pay question only
when a sum is asked for in it ("in CAD", "150k CAD"), not when it is mentioned."""

from __future__ import annotations

from bot.answering import Engine


def test_cad_as_software_is_no_pay_question(engine: Engine) -> None:
    reply = engine.answer("civil engineer who draws in CAD all day: could i retrain as an ai engineer?", "dm")
    assert not (reply.topic_id or "").startswith("s:")


def test_a_sum_asked_in_a_currency_is_a_pay_question(engine: Engine) -> None:
    assert (
        engine.answer("staff ai engineer in vancouver, in cad please", "dm").topic_id == "s:level=staff,location=canada"
    )
    assert engine.answer("is 140k CAD ok for a mid level ai engineer", "dm").topic_id == "s:level=mid,location=canada"
