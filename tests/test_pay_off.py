"""A hire that "pays off" (or "pays for themselves", as the articles put it) is worth its cost: the
question asks for the return on it, not for anyone's pay."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.parsing import parse


@pytest.mark.parametrize(
    "question",
    ["an ai engineer costs a lot, does that pay off?", "roi of an ai engineer hire, how soon does it pay off"],
)
def test_paying_off_is_the_return_on_a_hire(engine: Engine, question: str) -> None:
    reply = engine.answer(question, "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "hiring-roi"), question


def test_paying_off_is_no_pay_question(engine: Engine) -> None:
    query = parse("does an ai engineer pay off?", engine.index, grammar=False)
    assert not engine.finder.asks_about_pay(query, engine.matcher.query_terms(query.text))
    query = parse("what do ai engineers get paid?", engine.index, grammar=False)
    assert engine.finder.asks_about_pay(query, engine.matcher.query_terms(query.text))
