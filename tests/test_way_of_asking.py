"""Two questions can share every term and still ask different things: "how much do AI engineers get paid"
asks for the figures, "why are AI engineers paid so much" for the reasons. Between entries that score
the same, the one listing a question asked the same way ("how much", "why", "what") answers."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.matching import question_opening


@pytest.mark.parametrize(
    "text",
    ["how much do ai engineers get paid", "how much are AI engineers paid?", "what do ai engineers get paid"],
)
def test_asked_for_the_figures_the_pay_overview_answers(engine: Engine, text: str) -> None:
    reply = engine.answer(text, "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "salary-overview")


@pytest.mark.parametrize("text", ["why are ai engineers paid so much", "why do AI engineers get paid so well?"])
def test_asked_for_the_reasons_the_why_entry_answers(engine: Engine, text: str) -> None:
    reply = engine.answer(text, "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "salary-why-so-high")


def test_the_way_of_asking_is_the_first_one_the_text_uses() -> None:
    assert question_opening("hey, how much do they make? why?") == "how much"
    assert question_opening("Why so high") == "why"
    assert question_opening("salary senior") == ""
