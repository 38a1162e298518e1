""" "Main" ranks what follows ("the main risk", "my main worry") as "best" and "most" do: it is how a
question is said, not what it is about, so a title that happens to use it ("The main challenges of
AI engineering") does not pull a question about something the question names."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.text import terms


def test_main_is_no_term() -> None:
    assert terms("what is the main risk") == terms("what is the risk")


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("how does rag help ai engineers, and what's its main weakness?", "llm"),
        ("why should ai engineers care about model monitoring and what is the main trap?", "mlops"),
    ],
)
def test_a_named_subject_is_not_outweighed_by_main(engine: Engine, question: str, topic: str) -> None:
    reply = engine.answer(question, "dm")
    assert (reply.kind, reply.topic_id) == ("answer", topic)


def test_the_challenges_are_still_found_by_what_they_are(engine: Engine) -> None:
    assert engine.answer("what are the main challenges of ai engineering?", "dm").topic_id == "challenges-overview"
