"""A short form stands for its whole long form: "CTO" is "chief technology officer", so a fact that
says "Chief Marketing Officer" (two of its three words) does not answer it."""

from __future__ import annotations

from bot.answering import Engine
from bot.cards.focus import uses_phrase, wording
from bot.rendering import text_lines


def test_a_phrase_is_used_only_when_every_word_is() -> None:
    cmo = wording(["chief", "market", "officer"])
    assert not uses_phrase(cmo, "chief technology officer")
    assert uses_phrase(wording(["chief", "technology", "officer", "rol"]), "chief technology officer")
    assert uses_phrase(cmo, "market")


def test_asked_about_one_executive_the_card_shows_that_executive_only(engine: Engine) -> None:
    reply = engine.answer("whats the typical pay of a cto", "dm")
    assert reply.card is not None
    text = "\n".join(text_lines(reply.card))
    assert "$434,453" in text  # the CTO median
    assert "$417,881" not in text  # the CMO's


def test_ml_and_yoy_find_the_facts_that_spell_them_out(engine: Engine) -> None:
    reply = engine.answer("how fast are ML engineer salaries growing yoy?", "dm")
    assert reply.card is not None
    lines = text_lines(reply.card)
    assert any("machine learning engineers" in line and "6%" in line for line in lines[:6])
