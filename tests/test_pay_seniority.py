"""A figure an article ties to seniority is not shown to someone asking about entry-level pay."""

from __future__ import annotations

from bot.answering import Engine
from bot.rendering import text_lines

SENIOR_TOTAL_COMP = "$500,000 or more"  # the Consultancy guide: reaching it "typically requires seniority"


def _card(engine: Engine, question: str) -> str:
    reply = engine.answer(question, "dm")
    assert reply.card is not None
    return "\n".join(text_lines(reply.card))


def test_entry_level_pay_at_big_tech_leaves_out_the_total_comp_tied_to_seniority(engine: Engine) -> None:
    card = _card(engine, "junior ai engineer at faang, what base should i expect?")
    assert "$180,000 - $220,000" in card  # the entry-level big-tech range
    assert SENIOR_TOTAL_COMP not in card


def test_senior_pay_at_big_tech_still_shows_it(engine: Engine) -> None:
    assert SENIOR_TOTAL_COMP in _card(engine, "senior ai engineer pay at big tech")
