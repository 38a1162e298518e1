"""A fact a question can single out is its own item: an article's list of industries is one point
per industry (as the article lists them), and a comparison row says who each role appeals to, so a
focused card shows the line that answers rather than a paragraph that merely mentions the word."""

from __future__ import annotations

from bot.answering import Engine
from bot.kinds import Via
from bot.rendering import text_lines


def _text(engine: Engine, question: str, via: Via = "dm") -> str:
    reply = engine.answer(question, via)
    assert reply.kind == "answer" and reply.card is not None, question
    return "\n".join(text_lines(reply.card))


def test_an_industry_asked_about_shows_what_ai_does_there(engine: Engine) -> None:
    assert "autonomous vehicles, driver assistance" in _text(engine, "industries automotive", "slash")
    assert "predictive maintenance" in _text(engine, "what does ai do in manufacturing industries?")


def test_the_maths_minded_are_told_which_role_appeals_to_them(engine: Engine) -> None:
    text = _text(engine, "strong in probability and statistics: mle or ai engineer, which suits me?")
    assert "mathematical and statistical backgrounds" in text
