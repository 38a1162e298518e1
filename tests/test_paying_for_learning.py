"""An employer paying for a way to learn ("my company will pay for one certification") is buying a
course, not asking anyone's pay: the learning card answers, not the pay table. What a company pays
a person is still pay."""

from __future__ import annotations

import pytest

from bot.answering import Engine

PAID_FOR_LEARNING = [
    (
        "my company will pay for one certification this year, which one is worth it for AI eng?",
        "learning-certifications",
    ),
    ("work will cover for a cert, which AI certs are worth the money?", "learning-certifications"),
    ("my employer pays for my online courses, which ones are worth it?", None),
]


@pytest.mark.parametrize(("text", "topic"), PAID_FOR_LEARNING)
def test_paying_for_a_way_to_learn_is_not_pay(engine: Engine, text: str, topic: str | None) -> None:
    reply = engine.answer(text, "dm")
    assert reply.kind == "answer"
    assert reply.topic_id is not None and not reply.topic_id.startswith("s:")
    assert topic is None or reply.topic_id == topic


def test_what_a_company_pays_for_a_person_is_still_pay(engine: Engine) -> None:
    reply = engine.answer("how much does google pay for a senior AI engineer?", "dm")
    assert reply.topic_id is not None and reply.topic_id.startswith("s:")
