"""'day' is a content word: a question about what fills an AI engineer's day is about their daily work."""

from __future__ import annotations

from bot.answering import Engine
from bot.text import terms


def test_day_is_kept_as_a_term() -> None:
    assert "day" in terms("what fills your day")


def test_all_day_asks_about_daily_work(engine: Engine) -> None:
    reply = engine.answer("so what does an ai engineer actually do all day", "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "ai-engineer-responsibilities")


def test_a_morning_asks_about_daily_work_not_a_plan_counted_in_days(engine: Engine) -> None:
    reply = engine.answer("walk me through an AI engineer's morning", "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "ai-engineer-responsibilities")


def test_a_typical_week_asks_about_the_work_not_the_weeks_of_a_plan(engine: Engine) -> None:
    reply = engine.answer("what is a typical week for an ai engineer like", "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "ai-engineer-responsibilities")
