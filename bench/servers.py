"""Servers the end-to-end benchmark starts beside `python -m bot serve`, on the same stack.

    python -m bench.servers floor [--workers N] [--threads N] [--process-before-response] --port P
    python -m bench.servers ours  [--workers N] [--threads N] --port P
    python -m bench.servers null  [--workers N] [--threads N] --port P

floor: a bare Bolt app, built with a token (so auth.test at start, against SLACK_API_URL) and the
       signing secret, behind gunicorn's gthread worker and Bolt's WSGI SlackRequestHandler, with
       the same GET /healthz wrapper and gunicorn options as bot/server.py. Its /aieng listener only
       acks with a fixed text; its app_mention listener acks and then (lazily, as the bot does) posts
       a fixed text in the thread. With --process-before-response the listener runs on the request
       thread instead of Bolt's listener executor (see bench/README.md).
ours:  aieng.wsgi.wsgi_app (the real bot) under other worker/thread settings than `bot serve` has;
       with --process-before-response, aieng.app.create_app(..., process_before_response=True): an
       experiment showing what that one-line change to aieng/app.py would give.
null:  no Bolt at all: gunicorn answering every request with a fixed text, to calibrate what
       gunicorn plus the load client cost on their own. Not a floor: it checks no signature.
Settings come from the environment as for `python -m bot serve`.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterable
from typing import Any

from gunicorn.app.base import BaseApplication

StartResponse = Callable[..., Any]
Wsgi = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
FIXED_TEXT = "ok: this is the floor"


def with_health(slack: Wsgi) -> Wsgi:
    """The same wrapper as bot.server.guarded: GET /healthz answers 200, the rest goes to Bolt."""

    def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH:
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [b"ok\n"]
        return slack(environ, start_response)

    return application


def floor_app(process_before_response: bool) -> Wsgi:
    from slack_bolt import Ack, App, Say
    from slack_bolt.adapter.wsgi import SlackRequestHandler
    from slack_sdk import WebClient

    client = WebClient(token=os.environ["SLACK_BOT_TOKEN"], base_url=os.environ["SLACK_API_URL"])
    app = App(
        signing_secret=os.environ["SLACK_SIGNING_SECRET"],
        client=client,
        process_before_response=process_before_response,
    )

    @app.command("/aieng")
    def on_aieng(ack: Ack) -> None:
        ack(text=FIXED_TEXT)

    def ack_event(ack: Ack) -> None:
        ack()

    def reply_in_thread(event: dict[str, Any], say: Say) -> None:
        say(text=FIXED_TEXT, thread_ts=event.get("ts"))

    # As the bot answers a mention: acknowledged at once, the reply posted after (a lazy listener).
    app.event("app_mention")(ack=ack_event, lazy=[reply_in_thread])

    return with_health(SlackRequestHandler(app, path=EVENTS_PATH))


def ours_app(process_before_response: bool) -> Wsgi:
    import aieng.app
    from aieng.wsgi import wsgi_app
    from bot.config import load_settings
    from bot.store.store import Store

    if process_before_response:
        # An experiment: the shipped wiring (aieng.wsgi.wsgi_app -> aieng.app.load_app -> create_app)
        # with this one Bolt option added.
        create_app = aieng.app.create_app

        def with_pbr(*args: Any, **options: Any) -> Any:
            return create_app(*args, **{**options, "process_before_response": True})

        aieng.app.create_app = with_pbr
    settings = load_settings()
    # As `bot serve` runs: the event memory and the recorded questions in the store (migrated in main()).
    return wsgi_app(settings, store=Store.open(settings.database_url))


def null_app() -> Wsgi:
    body = FIXED_TEXT.encode()

    def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        stream = environ["wsgi.input"]
        stream.read(int(environ.get("CONTENT_LENGTH") or 0))
        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
        return [body]

    return application


class Server(BaseApplication):  # type: ignore[misc]
    """gunicorn with bot/server.py's options (gthread, timeout 30, no access log), bound to loopback."""

    def __init__(self, load: Callable[[], Wsgi], port: int, workers: int, threads: int, log_level: str) -> None:
        self._load = load
        self.options: dict[str, Any] = {
            "bind": f"127.0.0.1:{port}",
            "workers": workers,
            "worker_class": "gthread",
            "threads": threads,
            "timeout": 30,
            "accesslog": None,
            "loglevel": log_level.lower(),
        }
        super().__init__()

    def load_config(self) -> None:
        if "control_socket_disable" in self.cfg.settings:  # as bot/server.py: no shared control socket
            self.options["control_socket_disable"] = True
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Wsgi:
        return self._load()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.servers")
    parser.add_argument("app", choices=["floor", "ours", "null"])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--process-before-response", action="store_true")
    args = parser.parse_args()
    loaders: dict[str, Callable[[], Wsgi]] = {
        "floor": lambda: floor_app(args.process_before_response),
        "ours": lambda: ours_app(args.process_before_response),
        "null": null_app,
    }
    log_level = os.environ.get("LOG_LEVEL", "WARNING")
    if args.app == "ours":
        from bot.config import load_settings
        from bot.store.store import open_store

        open_store(load_settings().database_url).close()  # migrated once, before the workers fork
    Server(loaders[args.app], args.port, args.workers, args.threads, log_level).run()


if __name__ == "__main__":
    main()
