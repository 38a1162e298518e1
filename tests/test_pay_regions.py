"""A region no figure is for ("Europe", "Asia") is answered by each place in it the articles give
figures for, under its own name, and by no other place's figures."""

from __future__ import annotations

from bot.answering import Engine
from bot.rendering import text_lines


def _text(engine: Engine, question: str) -> str:
    reply = engine.answer(question, "dm")
    assert reply.card is not None, question
    return "\n".join(text_lines(reply.card))


def test_a_european_question_shows_the_european_countries_only(engine: Engine) -> None:
    text = _text(engine, "how much does an ai engineer make in europe?")
    assert "£90K-£130K" in text and "€95K-€130K" in text  # senior, UK and Germany
    assert not any(other in text for other in ("₹", "CAD", "SGD", "$"))


def test_a_level_in_asia_is_that_level_in_each_asian_place(engine: Engine) -> None:
    text = _text(engine, "senior ai engineer pay in asia")
    assert "₹50L-₹80L" in text and "SGD $130K-$180K" in text
    assert "₹25L-₹40L" not in text  # India's entry level
    assert "$250,000" not in text  # US national


def test_the_card_says_no_figure_is_for_the_region_as_a_whole(engine: Engine) -> None:
    reply = engine.answer("what do principal ai engineers earn in asia?", "dm")
    assert reply.card is not None
    assert reply.card.summary.startswith("No article gives a figure for Asia as a whole")
