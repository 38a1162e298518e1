"""Where replies go: private or public, with or without Share, and what clicks do."""

from __future__ import annotations

import json

import pytest
from slack_bolt import Ack

from bot import ids
from bot.answering import Engine
from bot.delivery import click_payload, delivery_for, message_json, message_payload
from handlers.ack import ack_with_json
from handlers.commands import handle_aieng_command

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


@pytest.mark.parametrize("text", ["salary senior", "what does an mlops engineer do?", "help"])
def test_a_slash_command_is_acknowledged_with_the_cards_json_as_rendered(engine: Engine, text: str) -> None:
    ack = Ack()
    handle_aieng_command(ack, {"text": text}, engine)
    reply = engine.answer(text, "slash")
    assert ack.response is not None and ack.response.status == 200
    assert ack.response.body == message_json("slash", reply)
    assert json.loads(ack.response.body) == message_payload("slash", reply)
    assert ack.response.headers["content-type"] == ["application/json;charset=utf-8"]


def test_an_acknowledgement_without_a_message_is_empty() -> None:
    ack = Ack()
    ack_with_json(ack, "")
    assert ack.response is not None and (ack.response.status, ack.response.body) == (200, "")
