"""When a rule applies and how heavy its penalties are, asked in everyday words ("when does it kick in",
"how bad are the fines"), reads as the articles' "full effectiveness" and "serious violations": the
regulation card answers with its dates and fines rather than a did-you-mean."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.rendering import render, visible_text

ASKED = [
    "our legal team keeps mentioning the EU AI Act. when does it kick in and how bad are the fines?",
    "EU AI Act came up at work. when does it fully kick in?",
    "when will the eu ai act be enforced and what are the penalties",
]


@pytest.mark.parametrize("text", ASKED)
def test_everyday_words_for_a_rule_starting_find_the_regulation_card(engine: Engine, text: str) -> None:
    reply = engine.answer(text, "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "challenge-regulation")
    assert reply.card is not None and "August 2026" in visible_text(render(reply.card).payload())
