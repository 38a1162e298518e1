"""A rating is a score, not a rate of pay: the light stemmer keeps "rating" apart from "rate", so a
question about the articles' ratings (CareerSteps rates remote work 8/10) is not read as a pay question,
while a rate of pay still is."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.rendering import text_lines
from bot.text import stem


def test_rating_and_rate_are_different_words() -> None:
    assert stem("rating") == stem("ratings") != stem("rate")
    assert stem("rates") == stem("rate")


@pytest.mark.parametrize("via", ["slash", "dm"])
def test_a_rating_asked_is_no_pay_question(engine: Engine, via: str) -> None:
    reply = engine.answer("what rating does remote work get in the ratings?", via)  # type: ignore[arg-type]
    assert reply.kind == "answer" and not (reply.topic_id or "").startswith("s:")
    assert reply.card is not None and "8/10" in "\n".join(text_lines(reply.card))


def test_a_rate_of_pay_is_still_pay(engine: Engine) -> None:
    assert (
        engine.answer("what's the hourly rate for a fractional ai engineer", "dm").topic_id == "salary-consulting-rates"
    )
