"""On a role's own card, the words naming that role say whose card it is, but another role the
question sets it against is what is asked: "will prompt engineering fold into AI engineering" on the
prompt engineer's card shows its facts about AI engineering, not the role's opening description."""

from __future__ import annotations

from bot.answering import Engine
from bot.rendering import text_lines


def _card(engine: Engine, question: str, topic_id: str) -> str:
    reply = engine.answer(question, "dm")
    assert reply.card is not None and reply.topic_id == topic_id, reply.topic_id
    return "\n".join(text_lines(reply.card))


def test_a_role_card_asked_against_another_role_shows_the_facts_about_that_role(engine: Engine) -> None:
    for question in (
        "will prompt engineering be absorbed into ai engineering",
        "is being a prompt engineer basically ai engineering lite",
    ):
        assert "prompt engineering is one small skill" in _card(engine, question, "prompt-engineer"), question


def test_the_card_own_role_alone_still_singles_out_no_fact(engine: Engine) -> None:
    """Naming only the card's role asks for the role itself: its card as it leads."""
    reply = engine.answer("prompt engineer", "dm")
    assert reply.card is not None and reply.card.ref == "t:prompt-engineer"
