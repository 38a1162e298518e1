"""`python -m bot serve`: gunicorn in front of Bolt's WSGI adapter, plus GET /healthz.

With OAuth install (SLACK_CLIENT_ID and SLACK_CLIENT_SECRET) Bolt's adapter also serves its two GET
pages, GET /slack/install (Add to Slack) and GET /slack/oauth_redirect (bot/oauth.py); GETs carry no
Slack signature (the redirect is checked by its one-time state instead).

The content is loaded and validated once, before gunicorn binds the port or starts a worker: invalid
content stops `serve` at once with every problem as file:line (exit 1), and nothing ever listens.
The workers are forked from that process and share the loaded content; each builds its own engine
and Bolt app before it accepts a request, so /healthz answering 200 means the content is loaded.
What a worker builds comes from the caller (`build`): the Slack app with its listeners is put
together outside bot/ (aieng/wsgi.py), since bot/ never imports handlers/.

Every POST must carry a valid Slack signature before Bolt sees it: Bolt parses the body before it
checks the signature, so an unsigned body that is not UTF-8 or not JSON would otherwise be a 500
with a traceback, and an unsigned request with a non-numeric timestamp would reach the error
handler, which then posts "something went wrong" to whatever response_url the request names.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable, Iterable
from typing import Any

from gunicorn.app.base import BaseApplication
from slack_sdk.signature import SignatureVerifier

from bot.config import Settings
from bot.content import Library, load_library
from bot.request_log import RequestLine
from bot.slack_client import check_bot_token
from bot.store.store import Store, open_store

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
THREADS_PER_WORKER = 8
MAX_BODY_BYTES = 1_000_000  # Slack's payloads are a few kilobytes; refuse anything absurd unread
REFUSED = b'{"error": "invalid request"}'  # what Bolt itself answers to a bad signature
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
StartResponse = Callable[..., Any]
Wsgi = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
# What each worker serves: the Slack app over the content `serve` loaded and the worker's own store.
WorkerApp = Callable[[Settings, Library, Store], Wsgi]


def guarded(slack: Wsgi, settings: Settings) -> Wsgi:
    """`slack` (Bolt's WSGI adapter, built with request verification off: every POST is verified here,
    on the raw body, before Bolt sees it) behind GET /healthz, the body limit and the signature check."""
    verifier = SignatureVerifier(settings.signing_secret or "")  # ValueError if unset

    def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH:
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [b"ok\n"]
        started = time.perf_counter()
        if _content_length(environ) > MAX_BODY_BYTES:
            RequestLine("unknown", started, outcome="too_large").emit()
            start_response("413 Payload Too Large", [("Content-Type", "text/plain")])
            return [b"request too large\n"]
        if environ.get("REQUEST_METHOD") == "POST" and not signed_by_slack(environ, verifier):
            # Many of these at once usually means SLACK_SIGNING_SECRET is not this app's secret.
            RequestLine("unsigned", started, outcome="refused").emit()
            start_response(
                "401 Unauthorized", [("Content-Type", "application/json"), ("Content-Length", str(len(REFUSED)))]
            )
            return [REFUSED]
        return slack(environ, start_response)

    return application


def _content_length(environ: dict[str, Any]) -> int:
    try:
        return max(0, int(environ.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


def signed_by_slack(environ: dict[str, Any], verifier: SignatureVerifier) -> bool:
    """Check the signature over the raw body (then hand the body on to Bolt unchanged)."""
    try:
        length = max(0, int(environ.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return False
    body = environ["wsgi.input"].read(length) if length else b""
    environ["wsgi.input"], environ["CONTENT_LENGTH"] = io.BytesIO(body), str(len(body))
    timestamp = str(environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP") or "")
    signature = environ.get("HTTP_X_SLACK_SIGNATURE")
    if not _TIMESTAMP.fullmatch(timestamp) or not signature:
        return False
    try:
        return verifier.is_valid(body.decode("utf-8"), timestamp, signature)
    except UnicodeDecodeError:  # Slack sends UTF-8
        return False


class _Gunicorn(BaseApplication):  # type: ignore[misc]
    def __init__(self, settings: Settings, port: int, library: Library, build: WorkerApp) -> None:
        self.settings = settings
        self.port = port
        self.library = library
        self.build = build
        super().__init__()

    def load_config(self) -> None:
        options = {
            "bind": f"0.0.0.0:{self.port}",
            "workers": self.settings.web_workers,
            "worker_class": "gthread",
            "threads": THREADS_PER_WORKER,
            "timeout": 30,
            "accesslog": None,
            "loglevel": self.settings.log_level.lower(),
        }
        if "control_socket_disable" in self.cfg.settings:
            # gunicorn >= 25.1 otherwise opens a control socket at one fixed per-user path
            # (~/.gunicorn/gunicorn.ctl), which every server on the host fights over.
            options["control_socket_disable"] = True
        for key, value in options.items():
            self.cfg.set(key, value)

    def load(self) -> Wsgi:
        # Each worker opens its own pool on the one database every worker of every host shares, so a
        # retry is skipped whichever worker (or host) it reaches.
        return self.build(self.settings, self.library, Store.open(self.settings.database_url))


def serve(settings: Settings, port: int, build: WorkerApp) -> int:
    """Run until stopped, each worker serving what `build` makes. Before anything listens: ContentError if
    the content is invalid, SchemaBehind if a PostgreSQL schema needs `python -m bot migrate` (a SQLite
    file is migrated here), BotError if Slack refuses the bot token or cannot be reached."""
    library = load_library(settings.content_dir)
    open_store(settings.database_url).close()  # checked in this process; workers open their own after the fork
    if not settings.oauth:  # with OAuth install each workspace's token is checked when it is used
        check_bot_token(settings)
    _Gunicorn(settings, port, library, build).run()
    return 0
