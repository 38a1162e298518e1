"""A path another word names ("the management path", "the career path") runs along the work, not
into the field: it gives no bonus to the way in, so the career ladder (with its management track)
answers; the way in still answers "the path into AI" and a path the question names ("the swe path")."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.rendering import text_lines


def test_the_management_path_is_the_ladder_with_its_management_track(engine: Engine) -> None:
    reply = engine.answer("is there a people-manager path for ai engineers?", "dm")
    assert reply.topic_id == "career-ladder" and reply.card is not None
    assert "Engineering Manager" in "\n".join(text_lines(reply.card))


def test_a_path_along_the_work_is_not_the_way_in(engine: Engine) -> None:
    assert engine.answer("how does the leadership path work for ai engineers", "dm").topic_id != (
        "r:skill-building-sequence"
    )


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("what's the best path into ai engineering", "r:skill-building-sequence"),
        ("what's the swe path to ai", "r:swe-to-ai-engineer"),
    ],
)
def test_a_path_into_the_field_is_still_the_way_in(engine: Engine, question: str, topic: str) -> None:
    assert engine.answer(question, "dm").topic_id == topic
