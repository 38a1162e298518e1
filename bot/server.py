"""`python -m bot serve`: gunicorn in front of Bolt's WSGI adapter, plus GET /healthz.

Each worker loads and validates the content before it accepts a request, so /healthz answering
200 means the content is loaded; invalid content stops the server from starting at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from gunicorn.app.base import BaseApplication
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.app import load_app
from bot.config import Settings

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
THREADS_PER_WORKER = 8
StartResponse = Callable[..., Any]
Wsgi = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def wsgi_app(settings: Settings) -> Wsgi:
    slack = SlackRequestHandler(load_app(settings), path=EVENTS_PATH)

    def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH:
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [b"ok\n"]
        return slack(environ, start_response)

    return application


class _Gunicorn(BaseApplication):  # type: ignore[misc]
    def __init__(self, settings: Settings, port: int) -> None:
        self.settings = settings
        self.port = port
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
        for key, value in options.items():
            self.cfg.set(key, value)

    def load(self) -> Wsgi:
        return wsgi_app(self.settings)


def serve(settings: Settings, port: int) -> int:
    _Gunicorn(settings, port).run()
    return 0
