"""Talking to Slack: a Web API client and a `respond()` that both retry only where Slack says a
retry can succeed: a 429 after its Retry-After (when that is short enough to wait for), a
500/502/503/504, and a connection dropped before any answer. A request that timed out is not sent
again: Slack may have posted the message already, and a second copy is worse than a note to the
person. Whatever still fails reaches the error boundary (handlers/errors.py); a failure Slack names
(the bot is not in the channel, Slack is busy, it did not answer in time) is raised as a SlackFault.
"""

from __future__ import annotations

import http.client
import urllib.error
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from slack_bolt.context.respond import Respond
from slack_bolt.context.respond.internals import _build_message
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry import HttpRequest, HttpResponse, RetryHandler, RetryState
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.models.attachments import Attachment
from slack_sdk.models.blocks import Block
from slack_sdk.webhook import WebhookClient, WebhookResponse

from bot.config import Settings
from bot.errors import SLACK_FAULTS, BotError, ResponseUrlFailed, SlackFault

MAX_RETRIES = 2
MAX_RETRY_AFTER_SECONDS = 10  # a longer Retry-After is not waited for: the thread is needed for other requests
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


def check_bot_token(settings: Settings) -> None:
    """Ask Slack once (auth.test) whether SLACK_BOT_TOKEN works, so a wrong token or no way to Slack
    stops the server with one clear line instead of every worker failing to boot with a traceback."""
    try:
        web_client(settings).auth_test()
    except SlackApiError as error:
        code = error.response.get("error", "unknown_error")
        raise BotError(
            f"Slack refused SLACK_BOT_TOKEN ({code}): copy the Bot User OAuth Token from the app's "
            "OAuth & Permissions page (and reinstall the app if it was revoked)"
        ) from error
    except OSError as error:  # URLError, timeouts, refused connections: after the retries above
        reason = getattr(error, "reason", None) or error
        raise BotError(
            f"could not reach Slack at {settings.api_url} to check SLACK_BOT_TOKEN ({reason}): "
            "check the network, a proxy, or SLACK_API_URL"
        ) from error


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


def slack_fault(error: BaseException, method: str) -> SlackFault | None:
    """The SlackFault `error` amounts to, or None when it is not one Slack explains (a bug of ours)."""
    if isinstance(error, SlackFault):
        return error
    if isinstance(error, SlackApiError):
        status = int(getattr(error.response, "status_code", 0) or 0)
        code = str(error.response.get("error") or "")
        if code in SLACK_FAULTS:
            return SlackFault(code, method, status)
        if status == 429:
            return SlackFault("ratelimited", method, status)
        if status >= 500:
            return SlackFault("slack_unavailable", method, status)
        return None  # invalid_blocks, invalid_auth, missing_scope...: ours to fix, with a traceback
    if isinstance(error, TimeoutError) or (
        isinstance(error, urllib.error.URLError) and isinstance(error.reason, TimeoutError)
    ):
        return SlackFault("timeout", method)
    if isinstance(error, (ConnectionError, urllib.error.URLError, http.client.HTTPException)):
        return SlackFault("unreachable", method)
    return None


@contextmanager
def slack_call(method: str) -> Iterator[None]:
    """Run a Slack call; a failure Slack explains is raised as a SlackFault, anything else as it is."""
    try:
        yield
    except Exception as error:
        fault = slack_fault(error, method)
        if fault is None or fault is error:
            raise
        raise fault from error
