"""Two roles with "than" between them are weighed against each other ("do data scientists need more
math than AI engineers?"), as with "or" or "vs": their comparison answers."""

from __future__ import annotations

import pytest

from bot.answering import Engine


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("do data scientists need more math than ai engineers?", "compare-ai-engineer-data-scientist"),
        ("is an ml engineer more technical than an ai engineer", "compare-ai-engineer-ml-engineer"),
        ("do prompt engineers code less than ai engineers?", "compare-ai-engineer-prompt-engineer"),
    ],
)
def test_two_roles_with_than_between_are_compared(engine: Engine, question: str, topic: str) -> None:
    reply = engine.answer(question, "dm")
    assert (reply.kind, reply.topic_id) == ("answer", topic), question


def test_who_earns_more_than_whom_is_still_their_pay(engine: Engine) -> None:
    assert engine.answer("does a data scientist earn more than an ml engineer?", "dm").topic_id == (
        "s:role=data-scientist+ml-engineer"
    )
