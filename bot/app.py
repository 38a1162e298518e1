"""Build the Bolt app: the only place Bolt, the Web API client, middleware and handlers meet.

Every request to Slack (Web API calls and `respond()` posts to a response_url) is retried only
where Slack says a retry can succeed: a 429 after its Retry-After (when that is short enough to
wait for), a 500/502/503/504, and a connection dropped before any answer. A request that timed
out is not sent again: Slack may have posted the message already, and a second copy is worse than
a note to the person. Whatever still fails reaches the error boundary (handlers/errors.py).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import App, BoltContext, BoltResponse
from slack_bolt.context.respond import Respond
from slack_bolt.context.respond.internals import _build_message
from slack_sdk import WebClient
from slack_sdk.http_retry import HttpRequest, HttpResponse, RetryHandler, RetryState
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.models.attachments import Attachment
from slack_sdk.models.blocks import Block
from slack_sdk.webhook import WebhookClient, WebhookResponse

import handlers
from bot.answering import Engine
from bot.config import Settings
from bot.content import Library, load_library
from bot.dedupe import MemorySeenEvents, SeenEvents
from bot.logs import configure_logging
from handlers.common import RequestLine, ResponseUrlFailed, event_kind

log = logging.getLogger("aieng.app")
MAX_RETRIES = 2
MAX_RETRY_AFTER_SECONDS = 10  # a longer Retry-After is not waited for: the thread is needed for other requests
# Bolt runs every listener on one executor, 5 threads by default; slash commands and clicks need one
# to acknowledge within 3 s, so answers waiting on a slow or rate-limiting Slack must not take them all.
LISTENER_THREADS = 32
RETRIED_STATUSES = (500, 502, 503, 504)


class ShortRateLimitRetryHandler(RateLimitErrorRetryHandler):
    """A 429 is retried after its Retry-After, but only when that is at most `max_wait` seconds."""

    def __init__(self, max_retry_count: int = MAX_RETRIES, max_wait: float = MAX_RETRY_AFTER_SECONDS) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None or response.status_code != 429:
            return False
        values = next((v for k, v in response.headers.items() if k.lower() == "retry-after"), None)
        raw = values[0] if isinstance(values, list) and values else values
        try:
            wait = int(str(raw)) if raw is not None else 1
        except ValueError:
            return False  # slack_sdk's handler would raise on a Retry-After that is not a number
        return 0 <= wait <= self.max_wait


class ServerErrorsRetryHandler(ServerErrorRetryHandler):
    """500/503 (slack_sdk's own) plus 502 and 504, which a proxy in front of Slack answers."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and response.status_code in RETRIED_STATUSES


def retry_handlers() -> list[RetryHandler]:
    """Fresh handlers (they keep no state of their own; the client keeps a RetryState per call)."""
    return [
        ConnectionErrorRetryHandler(max_retry_count=MAX_RETRIES),
        ShortRateLimitRetryHandler(),
        ServerErrorsRetryHandler(max_retry_count=MAX_RETRIES),
    ]


def web_client(settings: Settings) -> WebClient:
    """A WebClient for SLACK_API_URL with SLACK_API_TIMEOUT and the retries above."""
    return WebClient(
        token=settings.bot_token,
        base_url=settings.api_url,
        timeout=settings.api_timeout,
        retry_handlers=retry_handlers(),
    )


class ReliableRespond(Respond):
    """Bolt's `respond()`, with the same timeout and retries as the Web API client, and loud failure.

    Bolt's own posts to the response_url with no retry but for a dropped connection, and returns
    Slack's refusal (404 expired_url, 500, ...) without raising, so a lost reply would go unnoticed.
    """

    def __init__(self, *, response_url: str | None, timeout: int, proxy: str | None = None, ssl: Any = None) -> None:
        super().__init__(response_url=response_url, proxy=proxy, ssl=ssl)
        self.timeout = timeout

    def __call__(
        self,
        text: str | dict[Any, Any] = "",
        blocks: Sequence[dict[Any, Any] | Block] | None = None,
        attachments: Sequence[dict[Any, Any] | Attachment] | None = None,
        response_type: str | None = None,
        replace_original: bool | None = None,
        delete_original: bool | None = None,
        unfurl_links: bool | None = None,
        unfurl_media: bool | None = None,
        thread_ts: str | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> WebhookResponse:
        if self.response_url is None:
            raise ValueError("respond is unsupported here as there is no response_url")
        if isinstance(text, dict):
            message = _build_message(**text)
        else:
            message = _build_message(
                text, blocks, attachments, response_type, replace_original, delete_original,
                unfurl_links, unfurl_media, thread_ts, metadata,
            )  # fmt: skip
        client = WebhookClient(
            url=self.response_url, timeout=self.timeout, proxy=self.proxy, ssl=self.ssl, retry_handlers=retry_handlers()
        )
        answer = client.send_dict(message)
        if answer.status_code != 200:
            raise ResponseUrlFailed(answer.status_code, str(answer.body or "")[:100])
        return answer


def create_app(engine: Engine, settings: Settings, seen: SeenEvents | None = None, **bolt_options: Any) -> App:
    """The Bolt app; tests pass `authorize=` (no auth.test) or point SLACK_API_URL at a fake API."""
    bolt_options.setdefault("listener_executor", ThreadPoolExecutor(LISTENER_THREADS, thread_name_prefix="listener"))
    # Answer each request when its listener has acknowledged it, not on Bolt's 10 ms polling of ack:
    # slash commands are answered inside the ack, and everything that posts to Slack is a lazy
    # listener that runs after the response (handlers/), so nothing slow holds the 3-second budget.
    bolt_options.setdefault("process_before_response", True)
    app = App(signing_secret=settings.signing_secret, client=web_client(settings), **bolt_options)
    app.use(skip_repeated_events(seen or MemorySeenEvents()))
    app.use(reliable_respond(settings.api_timeout))
    handlers.register(app, engine, settings)
    return app


def skip_repeated_events(seen: SeenEvents) -> Callable[..., BoltResponse | None]:
    """Global middleware: an event Slack delivers again (same event_id) is acknowledged and dropped.

    If the memory itself fails (a locked or unwritable SQLite file), the event is answered: a rare
    second answer is better than none.
    """

    def middleware(body: dict[str, Any], next: Callable[[], BoltResponse]) -> BoltResponse | None:
        started = time.perf_counter()
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id:
            try:
                first = seen.first_time(str(event_id))
            except Exception as error:  # any failure of the store: answer rather than drop
                log.warning("event memory failed; answering anyway", extra={"cause": type(error).__name__})
                first = True
            if not first:
                line = RequestLine(event_kind(body.get("event")), started, outcome="duplicate")
                line.emit()
                return BoltResponse(status=200, body="")
        return next()

    return middleware


def reliable_respond(timeout: int) -> Callable[..., BoltResponse | None]:
    """Global middleware: `respond` in every listener is a ReliableRespond."""

    def middleware(context: BoltContext, next: Callable[[], BoltResponse]) -> BoltResponse | None:
        if context.response_url:
            client = context.client
            context["respond"] = ReliableRespond(
                response_url=context.response_url,
                timeout=timeout,
                proxy=client.proxy if client else None,
                ssl=client.ssl if client else None,
            )
        return next()

    return middleware


def load_app(
    settings: Settings, seen: SeenEvents | None = None, library: Library | None = None, **bolt_options: Any
) -> App:
    """The app over `library`, or over the content in settings.content_dir loaded now."""
    configure_logging(settings.log_level, settings.gap_log)
    return create_app(Engine(library or load_library(settings.content_dir)), settings, seen, **bolt_options)


def run_socket_mode(settings: Settings) -> int:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    SocketModeHandler(load_app(settings), settings.app_token).start()  # type: ignore[no-untyped-call]
    return 0
