"""A small business told it needs an ML researcher is answered by the entry saying it almost
certainly needs an AI engineer instead, not offered a choice among research entries."""

from __future__ import annotations

from bot.answering import Engine


def test_a_small_business_told_to_hire_a_researcher_gets_the_answer(engine: Engine) -> None:
    reply = engine.answer(
        "small business owner. my nephew thinks we need an ML researcher to sort our invoices. do we?", "dm"
    )
    assert (reply.kind, reply.topic_id) == ("answer", "ai-engineer-vs-researcher-need")
