"""A roadmap's overview answers a question about the path with the facts the question asks about,
above its plans, as a topic card does; the reply still names the roadmap."""

from __future__ import annotations

from bot.answering import Engine
from bot.rendering import text_lines


def _text(engine: Engine, question: str) -> tuple[str, str]:
    reply = engine.answer(question, "dm")
    assert reply.card is not None
    return reply.topic_id or "", "\n".join(text_lines(reply.card))


def test_the_fact_asked_about_shows_on_the_overview(engine: Engine) -> None:
    topic, text = _text(engine, "data scientist to ai engineer path: which teams will i work with, devops?")
    assert topic == "r:ds-to-ai-engineer"
    assert "DevOps teams" in text
    assert "Startupbricks plan" in text  # the plans still follow the facts


def test_an_unasked_fact_stays_behind_more(engine: Engine) -> None:
    _, text = _text(engine, "data scientist to ai engineer path: which teams will i work with, devops?")
    assert "analysis-mode" not in text
