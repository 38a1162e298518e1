"""Build the Bolt app: the one place Bolt, the Web API client, the middleware and the listeners meet."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

import handlers
from bot import oauth
from bot.answering import Engine
from bot.config import Settings
from bot.content import Library, load_library
from bot.logs import configure_logging
from bot.middleware import ReliableResponds, SkipRepeatedEvents
from bot.oauth import Uninstaller
from bot.recording import Recording
from bot.slack_client import web_client
from bot.store.events import MemorySeenEvents, SeenEvents
from bot.store.health import StoreHealth
from bot.store.recorder import Recorder
from bot.store.store import Store

# Bolt runs every listener on one executor, 5 threads by default; slash commands and clicks need one
# to acknowledge within 3 s, so answers waiting on a slow or rate-limiting Slack must not take them all.
LISTENER_THREADS = 32


def create_app(
    engine: Engine,
    settings: Settings,
    seen: SeenEvents | None = None,
    store: Store | None = None,
    **bolt_options: Any,
) -> App:
    """The Bolt app; tests pass `authorize=` (no auth.test) or point SLACK_API_URL at a fake API.

    With a `store`, events are remembered in it (unless `seen` says otherwise), and questions, votes
    and picks are recorded in it by a writer thread (which also enforces AIENG_RETENTION_DAYS);
    without one, events are remembered in memory and nothing is recorded.
    """
    bolt_options.setdefault("listener_executor", ThreadPoolExecutor(LISTENER_THREADS, thread_name_prefix="listener"))
    # Answer each request when its listener has acknowledged it, not on Bolt's 10 ms polling of ack:
    # slash commands are answered inside the ack, and everything that posts to Slack is a lazy
    # listener that runs after the response (handlers/), so nothing slow holds the 3-second budget.
    bolt_options.setdefault("process_before_response", True)
    client = web_client(settings)
    uninstaller = None
    if settings.oauth:
        bolt_options, uninstaller = _with_oauth(settings, store, client, bolt_options)
    app = App(signing_secret=settings.signing_secret, client=client, **bolt_options)
    if seen is None:
        seen = store.seen_events if store is not None else MemorySeenEvents()
    app.use(SkipRepeatedEvents(seen, store.health if store is not None else StoreHealth()))
    app.use(ReliableResponds(settings.api_timeout))
    recording = Recording(Recorder(store, settings.retention_days) if store is not None else None, engine)
    handlers.register(app, engine, settings, store, recording, uninstaller)
    return app


def _with_oauth(
    settings: Settings, store: Store | None, client: WebClient, bolt_options: dict[str, Any]
) -> tuple[dict[str, Any], Uninstaller]:
    """Bolt's options for OAuth install: installations and states in the store, our authorize."""
    if store is None:
        raise ValueError("OAuth install keeps its installations in the store: pass one")
    settings_for_oauth = oauth.oauth_settings(settings, store.engine)
    oauth.quiet_bolts_refusal_line()
    options = {
        **bolt_options,
        "oauth_settings": settings_for_oauth,
        "authorize": oauth.SerialRefreshAuthorize(settings_for_oauth, store.engine, client),
    }
    return options, oauth.Uninstaller(settings_for_oauth.installation_store, store.engine)


def load_app(
    settings: Settings,
    seen: SeenEvents | None = None,
    library: Library | None = None,
    store: Store | None = None,
    **bolt_options: Any,
) -> App:
    """The app over `library`, or over the content in settings.content_dir loaded now."""
    configure_logging(settings.log_level, settings.gap_log)
    engine = Engine(library or load_library(settings.content_dir))
    return create_app(engine, settings, seen, store, **bolt_options)
