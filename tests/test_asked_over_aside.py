"""In a pay question, the level and place the asking sentence names win over those only the chatter
around it names (who the person is now): "Senior in London here. What would a staff role pay?"."""

from __future__ import annotations

from bot.answering import Engine


def test_the_asked_level_wins_over_the_askers_own(engine: Engine) -> None:
    reply = engine.answer("Mid level ai engineer in Toronto. What does a senior make?", "dm")
    assert reply.topic_id == "s:level=senior,location=canada"


def test_the_asked_place_wins_over_where_the_asker_lives(engine: Engine) -> None:
    reply = engine.answer("I live in Singapore. What do entry level ai engineers earn in Germany?", "dm")
    assert reply.topic_id == "s:level=entry,location=germany"


def test_with_nothing_named_in_the_asking_sentence_the_aside_counts(engine: Engine) -> None:
    assert engine.answer("Senior ai engineer in Berlin. What should I expect to earn?", "dm").topic_id == (
        "s:level=senior,location=germany"
    )
