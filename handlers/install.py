"""Uninstalling (OAuth install mode): Slack's `app_uninstalled` and `tokens_revoked` events.

Bolt authorises neither (the token is already gone); the workspace is named by the event's context.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext

from bot.oauth import Uninstaller


def register(app: App, uninstaller: Uninstaller) -> None:
    @app.event("app_uninstalled")
    def app_uninstalled(context: BoltContext) -> None:
        uninstaller.forget(context.enterprise_id, context.team_id, why="app_uninstalled")

    @app.event("tokens_revoked")
    def tokens_revoked(event: dict[str, Any], context: BoltContext) -> None:
        tokens = event.get("tokens") or {}
        if tokens.get("bot"):  # without its bot token the app can do nothing in that workspace
            uninstaller.forget(context.enterprise_id, context.team_id, why="tokens_revoked")
        elif people := [str(user) for user in tokens.get("oauth") or []]:
            uninstaller.forget_people(context.enterprise_id, context.team_id, people)
