"""What the person says they already know, in the chatter around their question, picks the path's
fact about it: a web developer naming TypeScript sees what the articles say of TypeScript."""

from __future__ import annotations

from bot.answering import Engine
from bot.rendering import text_lines


def test_a_developer_naming_typescript_sees_its_place_on_the_path(engine: Engine) -> None:
    reply = engine.answer("web developer, typescript and vue mostly. how do i become an ai engineer?", "dm")
    assert reply.topic_id == "r:swe-to-ai-engineer" and reply.card is not None
    assert "TypeScript for AI product development" in "\n".join(text_lines(reply.card))
