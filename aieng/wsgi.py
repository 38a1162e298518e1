"""The HTTP app: Bolt's WSGI adapter over the Slack app, behind bot/server.py's guard."""

from __future__ import annotations

from slack_bolt.adapter.wsgi import SlackRequestHandler

from aieng.app import load_app
from bot.config import Settings
from bot.content import Library
from bot.server import EVENTS_PATH, Wsgi, guarded
from bot.store.events import SeenEvents
from bot.store.store import Store


def wsgi_app(
    settings: Settings, seen: SeenEvents | None = None, library: Library | None = None, store: Store | None = None
) -> Wsgi:
    # The guard verifies every POST on its raw body before Bolt sees it; Bolt need not do it again.
    app = load_app(settings, seen, library, store, request_verification_enabled=False)
    return guarded(SlackRequestHandler(app, path=EVENTS_PATH), settings)


def worker_app(settings: Settings, library: Library, store: Store) -> Wsgi:
    """What each gunicorn worker of `python -m bot serve` serves (bot.server.WorkerApp)."""
    return wsgi_app(settings, library=library, store=store)
