"""Where replies go: private or public, with or without Share, and what clicks do."""

from __future__ import annotations

import pytest

from bot import ids
from bot.answering import Engine
from bot.delivery import click_payload, delivery_for, message_payload

CASES = [
    # (via, text, private, shareable)
    ("slash", "salary senior", True, True),
    ("slash", "role mle", True, True),
    ("mention", "<@U0BOT> what do senior ai engineers earn?", True, True),
    ("mention", "<@U0BOT> what does an mlops engineer do?", False, False),
    ("dm", "what do senior ai engineers earn?", False, False),
]


@pytest.mark.parametrize(("via", "text", "private", "shareable"), CASES, ids=[f"{c[0]}: {c[1][-30:]}" for c in CASES])
def test_delivery_rules(engine: Engine, via: str, text: str, private: bool, shareable: bool) -> None:
    reply = engine.answer(text, via)
    how = delivery_for(via, reply)
    assert (how.private, how.shareable) == (private, shareable)
    payload = message_payload(via, reply)
    assert (payload.get("response_type") == "ephemeral") == private
    actions = [e["action_id"] for b in payload["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert (ids.SHARE in actions) == shareable


def test_every_answer_carries_feedback_buttons(engine: Engine) -> None:
    payload = message_payload("dm", engine.answer("what is mlops?", "dm"))
    actions = [e["action_id"] for b in payload["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert ids.FEEDBACK_UP in actions and ids.FEEDBACK_DOWN in actions


def test_a_click_replaces_the_card(engine: Engine) -> None:
    payload = click_payload(engine.click("open", "r:thirty-day-plan:0"))
    assert payload["replace_original"] is True
    actions = [e["action_id"] for b in payload["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert ids.SHARE in actions, "a card opened by a click can be shared like any answer"
    assert payload["blocks"][0]["text"]["text"].startswith("Startupbricks 30-day action plan: Week 1")
