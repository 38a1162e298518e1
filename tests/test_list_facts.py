"""A question asking which things there are is answered by the fact that lists them: the list is
written with the words its article uses for what it lists ("job categories", "compliance
constraints"), and everyday kin ("valuable", "value") reach it, so a fact that only mentions one of
the question's words in passing does not take its place."""

from __future__ import annotations

from bot.answering import Engine
from bot.cards import focus
from bot.content import Library
from bot.focusing import _asked, _read_for
from bot.models import Point, Topic
from bot.parsing import parse
from bot.rendering import text_lines

HABITS = Topic(
    id="shipping-habits",
    title="Shipping reliable systems",
    summary="Teams that ship reliably share a few habits.",
    points=[
        Point(text="Engineers who ship reliable systems often go on to lead teams.", source="pensero"),
        Point(text="Shipping small changes behind flags raises an engineer's value to a firm.", source="pensero"),
    ],
)


def _first(library: Library, engine: Engine, topic: Topic, question: str) -> str:
    query = parse(question, engine.index, grammar=False)
    read = _read_for(topic, engine.matcher, _asked(library, engine.matcher, query), library.word_families)
    return topic.points[focus.asked_about([p.text for p in topic.points], read)[0]].text


def test_valuable_asked_finds_the_fact_about_value(library: Library, engine: Engine) -> None:
    assert "value" in _first(library, engine, HABITS, "what makes an engineer valuable")


def _card(engine: Engine, question: str, topic_id: str) -> str:
    reply = engine.answer(question, "dm")
    assert reply.card is not None and reply.topic_id == topic_id
    return "\n".join(text_lines(reply.card))


def test_the_jobs_entry_asked_its_title_shows_the_jobs_it_lists(library: Library, engine: Engine) -> None:
    """Its title is its question, in words that name no one fact: the lead lists, not a passing mention."""
    entry = library.entries["faq-jobs-that-survive-ai"].topic
    for question in (entry.title, "which 5 job types will outlast automation"):
        assert "electricians" in _card(engine, question, entry.id), question


def test_which_compliance_knowledge_shows_the_regimes_named(engine: Engine) -> None:
    text = _card(engine, "what compliance knowledge should an ai engineer in healthcare have", "domain-knowledge")
    assert "SOC 2" in text and "attorney-client privilege" in text
