"""A level or place the question sets aside is not asked about: "not the national avg" adds no US figures."""

from __future__ import annotations

from bot.answering import Engine


def test_a_place_set_aside_is_not_added(engine: Engine) -> None:
    reply = engine.answer("senior ai engineer pay in london, not the national average", "dm")
    assert reply.topic_id == "s:level=senior,location=uk"


def test_a_level_set_aside_is_not_added(engine: Engine) -> None:
    reply = engine.answer("i'm not senior yet, what does a mid level ai engineer earn", "dm")
    assert reply.topic_id == "s:level=mid"


def test_a_place_named_plainly_still_counts(engine: Engine) -> None:
    assert engine.answer("what do staff engineers earn in the US", "dm").topic_id == "s:level=staff,location=us"
