"""Build the Bolt app: the only place Bolt, the Web API client, middleware and handlers meet."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

import handlers
from bot.answering import Engine
from bot.config import Settings
from bot.content import load_library
from bot.dedupe import MemorySeenEvents, SeenEvents
from bot.logs import configure_logging

log = logging.getLogger("aieng.app")
WEB_API_TIMEOUT_SECONDS = 10


def web_client(settings: Settings) -> WebClient:
    """A WebClient for SLACK_API_URL that retries dropped connections, 429s (after Retry-After) and 5xx."""
    return WebClient(
        token=settings.bot_token,
        base_url=settings.api_url,
        timeout=WEB_API_TIMEOUT_SECONDS,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=2),
            RateLimitErrorRetryHandler(max_retry_count=2),
            ServerErrorRetryHandler(max_retry_count=2),
        ],
    )


def create_app(engine: Engine, settings: Settings, seen: SeenEvents | None = None, **bolt_options: Any) -> App:
    """The Bolt app; tests pass `authorize=` (no auth.test) or point SLACK_API_URL at a fake API."""
    app = App(signing_secret=settings.signing_secret, client=web_client(settings), **bolt_options)
    app.use(skip_repeated_events(seen or MemorySeenEvents()))
    handlers.register(app, engine, settings)
    return app


def skip_repeated_events(seen: SeenEvents) -> Callable[..., BoltResponse | None]:
    """Global middleware: an event Slack delivers again (same event_id) is acknowledged and dropped."""

    def middleware(body: dict[str, Any], next: Callable[[], BoltResponse]) -> BoltResponse | None:
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id and not seen.first_time(str(event_id)):
            log.info("repeated event skipped", extra={"event_id": event_id})
            return BoltResponse(status=200, body="")
        return next()

    return middleware


def load_app(settings: Settings, seen: SeenEvents | None = None) -> App:
    configure_logging(settings.log_level, settings.gap_log)
    return create_app(Engine(load_library(settings.content_dir)), settings, seen)


def run_socket_mode(settings: Settings) -> int:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    SocketModeHandler(load_app(settings), settings.app_token).start()  # type: ignore[no-untyped-call]
    return 0
