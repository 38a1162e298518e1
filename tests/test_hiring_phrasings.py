"""Hiring questions in a leader's own words: how common a Chief AI Officer is wants the "one in four"
(a prevalence asked is an amount asked), and knowledge that sits with one leaving engineer is the
team card's single point of failure."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.rendering import render, visible_text


def _shown(engine: Engine, text: str) -> tuple[str | None, str]:
    reply = engine.answer(text, "dm")
    assert reply.kind == "answer" and reply.card is not None
    return reply.topic_id, visible_text(render(reply.card).payload())


@pytest.mark.parametrize(
    "text",
    [
        "should we create a Chief AI Officer role? how common are CAIOs at this point?",
        "how common is it for companies to have a chief ai officer",
        "are CAIOs actually a thing at companies?",
    ],
)
def test_how_common_a_chief_ai_officer_is_gives_the_share(engine: Engine, text: str) -> None:
    topic, shown = _shown(engine, text)
    assert topic == "chief-ai-officer"
    assert "one in four" in shown


@pytest.mark.parametrize(
    "text",
    [
        "what if the only person who understands our AI system leaves?",
        "how do we avoid all AI knowledge sitting with one engineer",
        "the engineer who built our rag pipeline is leaving, what should we do about handoff",
    ],
)
def test_knowledge_leaving_with_one_engineer_is_the_teams_single_point_of_failure(engine: Engine, text: str) -> None:
    topic, shown = _shown(engine, text)
    assert topic == "hiring-building-ai-teams"
    assert "document" in shown.lower()


def test_a_market_called_thin_or_scarce_shows_the_share_of_junior_openings(engine: Engine) -> None:
    """ "Scarce", "sparse", "thin": the articles' "limited entry-level opportunities", the 2.5%."""
    _, shown = _shown(engine, "are junior ai jobs scarce right now")
    assert "2.5%" in shown
