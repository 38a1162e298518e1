"""The /aieng slash command: answered inside the acknowledgement, privately, in milliseconds."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot import ids
from bot.answering import Engine
from bot.delivery import message_json
from bot.recording import Recording
from bot.request_log import logged_request
from handlers.ack import ack_with_json


def handle_aieng_command(ack: Ack, command: dict[str, Any], engine: Engine, recording: Recording | None = None) -> None:
    """/aieng <topic> [arguments]: the card goes back as the ack itself (no second request).

    The question is recorded after the ack (queued: the store never holds the acknowledgement)."""
    with logged_request("slash") as line:
        line.reply = engine.answer(str(command.get("text") or ""), "slash")
        ack_with_json(ack, message_json("slash", line.reply))
    if recording is not None:
        recording.question(command, line.reply)


def register(app: App, engine: Engine, recording: Recording | None = None) -> None:
    @app.command(ids.COMMAND)
    def on_aieng(ack: Ack, command: dict[str, Any]) -> None:
        handle_aieng_command(ack, command, engine, recording)
