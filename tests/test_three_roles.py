"""Three roles named together (the bot's subject among them) are answered by the entry that covers
all three, not by the comparison of the first two."""

from __future__ import annotations

from bot.answering import Engine


def test_three_roles_with_the_subject_role_get_the_three_way_overview(engine: Engine) -> None:
    reply = engine.answer("how does the work of an AI engineer, an ML engineer and a data scientist differ?", "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "ai-roles-compared")


def test_two_roles_still_get_their_own_comparison(engine: Engine) -> None:
    reply = engine.answer("how is an AI engineer different from an ML engineer?", "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "compare-ai-engineer-ml-engineer")
