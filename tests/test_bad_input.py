"""Whatever people type, the reply is valid, inside Slack's limits, and never a live mention or link.

Property-based (hypothesis): text built from Slack markup, control characters, right-to-left
text, emoji, code fences, JSON- and SQL-looking text, and sheer length.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slack_limits import problems

from bot.answering import Engine
from bot.delivery import message_payload

SLACK_MARKUP = [
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "<@U123>",
    "<#C123|general>",
    "<https://x.io|click>",
    "<!subteam^S1>",
    "<mailto:a@b.c|mail>",
]
ODD = [
    "\x00",
    "\x1b[31m",
    "\u202e",
    "\u200f",
    "שלום",
    "مرحبا",
    "🤖",
    "👩🏽‍💻",
    "```code```",
    "*bold*",
    "_it_",
    "~s~",
    '{"text": "x"}',
    "'; DROP TABLE users; --",
    "&amp;",
    "&lt;",
    "\r\n",
    "\t",
]
WORDS = ["salary", "senior", "sf", "role", "mle", "compare", "vs", "roadmap", "hire", "what", "?", "ai", "engineer"]

pieces = st.one_of(st.sampled_from(SLACK_MARKUP + ODD + WORDS), st.text(max_size=30))
messages = st.lists(pieces, max_size=25).map(" ".join)
vias = st.sampled_from(["slash", "mention", "dm"])


def texts_of(payload: dict[str, object]) -> list[str]:
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                (found.append(value) if key == "text" and isinstance(value, str) else walk(value))
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(payload)
    return found


def assert_safe_reply(engine: Engine, text: str, via: str) -> None:
    reply = engine.answer(text, via)
    assert reply.kind in ("answer", "choices", "fallback", "help")
    assert reply.card is not None
    payload = message_payload(via, reply)
    json.dumps(payload)  # serialisable as Slack needs it
    assert problems(payload) == []
    for shown in texts_of(payload):
        assert "<" not in shown and ">" not in shown, f"unescaped markup in {shown[:80]!r}"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=messages, via=vias)
def test_any_message_gets_a_safe_valid_reply(engine: Engine, text: str, via: str) -> None:
    assert_safe_reply(engine, text, via)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1), via=vias)
def test_arbitrary_unicode_gets_a_safe_valid_reply(engine: Engine, text: str, via: str) -> None:
    assert_safe_reply(engine, text, via)


def test_extremes(engine: Engine) -> None:
    for text in ["", " ", "\n\t ", "x" * 40_000, "🤖" * 10_000, "<!channel>" * 4000, "a\x00b", "?" * 500]:
        for via in ("slash", "mention", "dm"):
            assert_safe_reply(engine, text, via)


def test_broadcasts_in_the_question_are_never_echoed_live(engine: Engine) -> None:
    for via in ("mention", "dm"):
        payload = json.dumps(message_payload(via, engine.answer("<!here> <@U999> what is mlops? <!channel>", via)))
        assert "<!here>" not in payload and "<!channel>" not in payload and "<@U999>" not in payload
