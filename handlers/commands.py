"""The /aieng slash command: answered inside the acknowledgement, privately, in milliseconds."""

from __future__ import annotations

from collections.abc import Callable, Sequence
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


def register(
    app: App, engine: Engine, recording: Recording | None = None, taken: Sequence[Callable[[str], bool]] = ()
) -> None:
    """`taken`: what tells the texts other `/aieng` listeners answer (the quiz, progress), registered after
    this one. Bolt checks each listener in turn, building ~30 arguments for every matcher it asks; with
    the commonest `/aieng` first, a question is matched by 2 matchers, not 6 (3 listeners before it)."""

    def for_answering(command: dict[str, Any]) -> bool:
        text = str(command.get("text") or "")
        return not any(other(text) for other in taken)

    @app.command(ids.COMMAND, matchers=[for_answering])
    def on_aieng(ack: Ack, command: dict[str, Any]) -> None:
        handle_aieng_command(ack, command, engine, recording)
