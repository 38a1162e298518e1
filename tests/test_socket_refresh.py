"""Socket Mode through a connection refresh, against a fake Socket Mode server on loopback.

Slack refreshes every Socket Mode connection from time to time: `disconnect` (refresh_requested) on
the old connection, the app opens a new one (apps.connections.open, then `hello`), the old one is
closed later. Every envelope must be acknowledged well within Slack's 3 seconds, on whichever
connection it arrives, and exactly once.

To see what these tests guard against, run them over Bolt's own Socket Mode handler (slack_sdk's
built-in client): `AIENG_TEST_SOCKET_HANDLER=bolt .venv/bin/python -m pytest tests/test_socket_refresh.py`.
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fake_slack import BOT_TOKEN, FakeSlack
from fake_socket_mode import FakeSocketMode, Link

from aieng.app import create_app
from bot.answering import Engine
from bot.config import Settings
from bot.socket_mode import RefreshSafeSocketModeHandler

APP_TOKEN = "xapp-1-test"
ACK_BOUND = 1.5  # seconds: well within Slack's 3
_envelopes = itertools.count(1)


def slash_command(text: str) -> dict[str, Any]:
    """A Socket Mode `slash_commands` envelope for `/aieng <text>`, with a fresh envelope id."""
    number = next(_envelopes)
    return {
        "envelope_id": f"env-{number}",
        "type": "slash_commands",
        "accepts_response_payload": True,
        "payload": {
            "token": "unused-in-socket-mode",
            "team_id": "T1",
            "team_domain": "aieng-test",
            "channel_id": "C1",
            "channel_name": "general",
            "user_id": "U1",
            "user_name": "asker",
            "command": "/aieng",
            "text": text,
            "api_app_id": "A1",
            "is_enterprise_install": "false",
            "response_url": f"https://hooks.invalid/commands/T1/{number}",
            "trigger_id": f"trigger-{number}",
        },
    }


class RefreshScript:
    """What the fake server sends on each new connection right after its `hello`."""

    def __init__(self) -> None:
        self.sent: dict[str, float] = {}  # envelope id -> when it was sent
        self.after_hello = slash_command("salary senior")

    def send(self, link: Link, envelope: dict[str, Any]) -> str:
        self.sent[envelope["envelope_id"]] = link.send(envelope)
        return str(envelope["envelope_id"])

    def on_connect(self, link: Link) -> None:
        if link.index == 1:  # the connection opened by the refresh: a command right after its hello
            self.send(link, self.after_hello)


@pytest.fixture
def script() -> RefreshScript:
    return RefreshScript()


@pytest.fixture
def server(fake: FakeSlack, script: RefreshScript) -> Iterator[FakeSocketMode]:
    with FakeSocketMode(on_connect=script.on_connect) as socket_server:
        fake.fail("apps.connections.open", body={"ok": True, "url": socket_server.url}, times=None)
        yield socket_server
    fake.reset()


@pytest.fixture
def handler(fake: FakeSlack, server: FakeSocketMode, engine: Engine) -> Iterator[Any]:
    settings = Settings(bot_token=BOT_TOKEN, app_token=APP_TOKEN, api_url=fake.api_url)
    app = create_app(engine, settings)
    socket_handler: Any = RefreshSafeSocketModeHandler(app, APP_TOKEN)
    if os.environ.get("AIENG_TEST_SOCKET_HANDLER") == "bolt":  # the handler before issue 17 (see the docstring)
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        socket_handler = SocketModeHandler(app, APP_TOKEN)
    socket_handler.connect()
    yield socket_handler
    socket_handler.close()


def test_every_envelope_is_acknowledged_at_once_and_once_through_a_refresh(
    fake: FakeSlack, server: FakeSocketMode, script: RefreshScript, handler: Any
) -> None:
    old = server.wait_for_link(0)
    before = script.send(old, slash_command("salary senior"))
    assert_prompt_answer(server, script, before)

    old.disconnect("refresh_requested")
    during = script.send(old, slash_command("salary mid"))  # still delivered on the old connection
    new = server.wait_for_link(1)
    right_after_hello = script.after_hello["envelope_id"]
    assert_prompt_answer(server, script, right_after_hello)
    assert_prompt_answer(server, script, during)
    later = script.send(new, slash_command("salary junior"))
    assert_prompt_answer(server, script, later)

    time.sleep(0.5)  # a second answer to any of them would come right after the first
    answered = {envelope: len(server.acks(envelope)) for envelope in script.sent}
    assert answered == {envelope: 1 for envelope in script.sent}, "every envelope answered exactly once"
    assert [ack.link for ack in server.acks(during)] == [0], "answered on the connection it came on"
    assert [ack.link for ack in server.acks(right_after_hello)] == [1]
    assert len(server.links()) == 2, "one refresh opens one new connection"
    assert len(fake.api_calls("apps.connections.open")) == 2


def assert_prompt_answer(server: FakeSocketMode, script: RefreshScript, envelope: str) -> None:
    ack = server.wait_for_ack(envelope)
    took = ack.received - script.sent[envelope]
    assert took < ACK_BOUND, f"{envelope} acknowledged after {took:.2f} s (bound {ACK_BOUND} s)"
    assert ack.payload and ack.payload.get("blocks"), f"{envelope} acknowledged without its answer: {ack.payload}"


def test_envelopes_on_the_old_connection_are_answered_while_the_new_one_is_slow_to_open(
    fake: FakeSlack, server: FakeSocketMode, script: RefreshScript, handler: Any
) -> None:
    old = server.wait_for_link(0)
    fake.reset()
    fake.fail("apps.connections.open", body={"ok": True, "url": server.url}, delay=2.5)  # Slack slow once
    fake.fail("apps.connections.open", body={"ok": True, "url": server.url}, times=None)

    old.disconnect("refresh_requested")
    during = [script.send(old, slash_command(text)) for text in ("salary mid", "salary senior")]
    for envelope in during:
        assert_prompt_answer(server, script, envelope)
    assert_prompt_answer(server, script, script.after_hello["envelope_id"])
    assert [ack.link for envelope in during for ack in server.acks(envelope)] == [0, 0]


def test_too_many_websockets_then_a_close_gets_one_new_connection_that_answers(
    fake: FakeSlack, server: FakeSocketMode, script: RefreshScript, handler: Any
) -> None:
    old = server.wait_for_link(0)
    old.disconnect("too_many_websockets")
    old.close()  # Slack ends the connection it refused

    assert_prompt_answer(server, script, script.after_hello["envelope_id"])
    time.sleep(1.0)  # a second replacement (the close and the disconnect each reconnecting) would show by now
    assert len(server.links()) == 2, "one new connection, not one per signal"


def test_a_dropped_connection_is_replaced_at_once(
    fake: FakeSlack, server: FakeSocketMode, script: RefreshScript, handler: Any
) -> None:
    old = server.wait_for_link(0)
    dropped = time.monotonic()
    old.drop()  # no close frame: the network failed

    server.wait_for_link(1)
    reconnected = time.monotonic() - dropped
    assert reconnected < 3.0, f"reconnected {reconnected:.1f} s after the drop (the ping check alone takes 10 s+)"
    assert_prompt_answer(server, script, script.after_hello["envelope_id"])
