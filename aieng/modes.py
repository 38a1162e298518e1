"""The two modes that talk to Slack, as `python -m bot serve` and `socket` reach them.

bot/cli.py finds these through the `aieng.slack_modes` entry points (pyproject.toml, read by
bot/slack_modes.py), so the command line in bot/ runs the Slack app without importing handlers/.
"""

from __future__ import annotations

from aieng.app import load_app
from aieng.wsgi import worker_app
from bot import server
from bot.config import Settings
from bot.content import load_library
from bot.slack_client import check_bot_token
from bot.socket_mode import RefreshSafeSocketModeHandler
from bot.store.store import open_store


def serve(settings: Settings, port: int) -> int:
    """gunicorn on `port` (bot/server.py), each worker serving the Slack app."""
    return server.serve(settings, port, worker_app)


def socket(settings: Settings) -> int:
    """Socket Mode with the app token, until stopped."""
    assert settings.app_token  # checked by Settings.require(Mode.SOCKET) before this is called
    library = load_library(settings.content_dir)
    store = open_store(settings.database_url)
    check_bot_token(settings)
    app = load_app(settings, library=library, store=store)
    RefreshSafeSocketModeHandler(app, settings.app_token).start()  # type: ignore[no-untyped-call]
    return 0
