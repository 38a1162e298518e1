"""Roadmap progress in Slack: the Done / Learning / Skip / Reset buttons, `/aieng progress [reset]`.

Each is acknowledged first; the store is read and written after the acknowledgement. A mark
updates the card in place for the person who clicked when only they can see it (an ephemeral card,
their DM), else it comes to them as a private card of their own: one person's progress never
changes what anyone else sees. Their Home is republished after every change. A click on a step
the content no longer has is answered privately (StaleStep) and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App, Respond
from slack_sdk import WebClient

from bot import ids
from bot.answering import Engine
from bot.cards.model import Card
from bot.rendering import render
from bot.request_log import logged_request
from bot.roadmap_progress import (
    Person,
    asks_for_progress,
    cancelled_reset,
    confirm_reset,
    mark_step,
    progress_command,
    progress_reply,
)
from bot.store.progress import ProgressBook
from handlers.ack import acknowledge
from handlers.actions import only_clicker_sees
from handlers.errors import after_ack
from handlers.home import HomeTab, clicker


def command_person(command: dict[str, Any]) -> Person | None:
    team, user = command.get("team_id"), command.get("user_id")
    return Person(team, user) if isinstance(team, str) and team and isinstance(user, str) and user else None


def show_progress(command: dict[str, Any], respond: Respond, engine: Engine, book: ProgressBook) -> None:
    with logged_request("slash") as line:
        line.outcome = "progress"
        who = command_person(command)
        asked = progress_command(engine, str(command.get("text") or ""))
        if who is None or asked is None:
            line.outcome = "ignore"
            return
        respond(**render(progress_reply(engine, book, who, asked)).payload("ephemeral"))


def on_mark(
    body: dict[str, Any], action: dict[str, Any], respond: Respond, engine: Engine, tab: HomeTab, client: WebClient
) -> None:
    with logged_request("progress") as line:
        if (who := clicker(body, line)) is None:
            return
        clicked = ids.button_action(str(action.get("action_id")))
        card = mark_step(engine, tab.book, who, clicked, str(action.get("value") or ""))
        line.outcome = "marked"
        _reply(body, respond, card, shareable=True)
    tab.republish(client, who)


def on_reset(
    body: dict[str, Any], action: dict[str, Any], respond: Respond, engine: Engine, tab: HomeTab, client: WebClient
) -> None:
    with logged_request("progress") as line:
        if (who := clicker(body, line)) is None:
            return
        if action.get("action_id") == ids.PROGRESS_RESET_CONFIRM:
            line.outcome = "reset"
            card = confirm_reset(engine, tab.book, who, str(action.get("value") or ""))
        else:
            line.outcome = "kept"
            card = cancelled_reset()
        _reply(body, respond, card, shareable=False)
    if line.outcome == "reset":
        tab.republish(client, who)


def _reply(body: dict[str, Any], respond: Respond, card: Card, *, shareable: bool) -> None:
    payload = render(card, shareable=shareable).payload()
    if only_clicker_sees(body):
        payload["replace_original"] = True
    else:
        payload.update(replace_original=False, response_type="ephemeral")
    respond(**payload)


def register_command(app: App, engine: Engine, tab: HomeTab) -> None:
    """Registered before commands: `/aieng progress ...` is answered here, any other text there."""
    book = tab.book

    def is_progress(command: dict[str, Any]) -> bool:
        return asks_for_progress(engine, str(command.get("text") or ""))

    def progress(body: dict[str, Any], command: dict[str, Any], respond: Respond, client: WebClient) -> None:
        with after_ack(body, respond, client):
            show_progress(command, respond, engine, book)

    app.command(ids.COMMAND, matchers=[is_progress])(ack=acknowledge, lazy=[progress])


def register(app: App, engine: Engine, tab: HomeTab) -> None:
    """The progress buttons: a step marked, a reset confirmed or cancelled."""

    def clicked(handle: Callable[..., None]) -> Callable[..., None]:
        def run(body: dict[str, Any], action: dict[str, Any], respond: Respond, client: WebClient) -> None:
            with after_ack(body, respond, client):
                handle(body, action, respond, engine, tab, client)

        return run

    app.action(ids.one_of(*ids.PROGRESS_MARKS))(ack=acknowledge, lazy=[clicked(on_mark)])
    reset_answers = ids.one_of(ids.PROGRESS_RESET_CONFIRM, ids.PROGRESS_RESET_CANCEL)
    app.action(reset_answers)(ack=acknowledge, lazy=[clicked(on_reset)])
