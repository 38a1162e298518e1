"""An entry named only in the chatter around a question ("been posting my projects on linkedin for
months.") says what the person has been doing, not what they ask: it gets no bonus for being named."""

from __future__ import annotations

from bot.answering import Engine
from bot.parsing import parse


def test_a_name_only_in_the_aside_gets_no_bonus(engine: Engine) -> None:
    query = parse(
        "Been polishing my portfolio projects for weeks. Where are the openings?", engine.index, grammar=False
    )
    assert "portfolio-projects" in query.entities.ids("roadmap")
    assert engine.finder._entity_bonuses(query).get("portfolio-projects", 0.0) == 0.0


def test_a_name_in_the_asking_sentence_still_gets_it(engine: Engine) -> None:
    query = parse("Which portfolio projects look senior?", engine.index, grammar=False)
    assert engine.finder._entity_bonuses(query).get("portfolio-projects", 0.0) > 0.0
