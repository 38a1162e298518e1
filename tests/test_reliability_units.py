"""The small pieces behind the reliability guarantees, one at a time (the end-to-end proof is in
test_slack_faults.py, test_error_boundary.py, test_request_logs.py and test_startup_content.py)."""

from __future__ import annotations

import logging
import urllib.error
from http.client import RemoteDisconnected
from typing import Any

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry import HttpRequest, HttpResponse, RetryState
from slack_sdk.web import SlackResponse

from bot.config import Settings, load_settings
from bot.errors import SLACK_FAULTS, BotError, ConfigError, ResponseUrlFailed, SlackFault
from bot.logs import DemoteSdkAttemptFailures, KeyValueFormatter
from bot.middleware import SkipRepeatedEvents
from bot.request_log import logged_request
from bot.slack_client import ServerErrorsRetryHandler, ShortRateLimitRetryHandler, slack_call, slack_fault, web_client
from bot.store.health import StoreHealth

REQUEST = HttpRequest(method="POST", url="https://slack.com/api/chat.postMessage", headers={}, body_params={})


def _response(status: int, headers: dict[str, list[str]] | None = None) -> HttpResponse:
    return HttpResponse(status_code=status, headers=headers or {}, body={"ok": False}, data=b"")


# -- what is retried --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("retry_after", "retried"),
    [("0", True), ("1", True), ("10", True), ("11", False), ("120", False), ("soon", False), (None, True)],
)
def test_a_429_is_retried_only_when_retry_after_is_short(retry_after: str | None, retried: bool) -> None:
    headers = {"Retry-After": [retry_after]} if retry_after is not None else {}
    handler = ShortRateLimitRetryHandler()

    assert handler.can_retry(state=RetryState(), request=REQUEST, response=_response(429, headers)) is retried


def test_a_rate_limit_handler_ignores_other_statuses() -> None:
    assert not ShortRateLimitRetryHandler().can_retry(state=RetryState(), request=REQUEST, response=_response(503))


@pytest.mark.parametrize(("status", "retried"), [(500, True), (502, True), (503, True), (504, True), (400, False)])
def test_server_errors_are_retried(status: int, retried: bool) -> None:
    handler = ServerErrorsRetryHandler(max_retry_count=2)

    assert handler.can_retry(state=RetryState(), request=REQUEST, response=_response(status)) is retried


# -- Slack's failures in plain words -----------------------------------------------------------------


def _api_error(error: str, status: int = 200) -> SlackApiError:
    response = SlackResponse(
        client=None,
        http_verb="POST",
        api_url="https://slack.com/api/chat.postMessage",
        req_args={},
        data={"ok": False, "error": error},
        headers={},
        status_code=status,
    )
    return SlackApiError(error, response)


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (_api_error("not_in_channel"), "not_in_channel"),
        (_api_error("channel_not_found"), "channel_not_found"),
        (_api_error("is_archived"), "is_archived"),
        (_api_error("ratelimited", 429), "ratelimited"),
        (_api_error("service_unavailable", 503), "slack_unavailable"),
        (_api_error("fatal_error", 500), "slack_unavailable"),
        (TimeoutError("timed out"), "timeout"),
        (urllib.error.URLError(TimeoutError("timed out")), "timeout"),
        (urllib.error.URLError(ConnectionRefusedError(111, "refused")), "unreachable"),
        (RemoteDisconnected("closed"), "unreachable"),
        (ConnectionResetError(104, "reset"), "unreachable"),
    ],
)
def test_slack_failures_become_faults_the_person_is_told_about(error: Exception, code: str) -> None:
    fault = slack_fault(error, "chat.postMessage")

    assert fault is not None
    assert fault.code == code
    assert str(fault) == SLACK_FAULTS[code]


@pytest.mark.parametrize(
    "error",
    [
        _api_error("invalid_blocks"),
        _api_error("invalid_auth"),
        _api_error("missing_scope"),
        KeyError("x"),
        ValueError(),
    ],
)
def test_bugs_and_configuration_problems_are_not_faults(error: Exception) -> None:
    assert slack_fault(error, "chat.postMessage") is None


def test_slack_call_raises_the_fault_from_the_original_and_leaves_bugs_alone() -> None:
    with pytest.raises(SlackFault) as caught, slack_call("chat.postEphemeral"):
        raise _api_error("is_archived")
    assert caught.value.method == "chat.postEphemeral"
    assert isinstance(caught.value.__cause__, SlackApiError)

    with pytest.raises(KeyError), slack_call("chat.postMessage"):
        raise KeyError("a bug")


@pytest.mark.parametrize(
    ("status", "body", "code", "told"),
    [
        (404, "expired_url", "expired_url", "too old for me to update"),
        (404, "used_url", "expired_url", "too old for me to update"),
        (429, "", "ratelimited", "slow down"),
        (500, "", "slack_unavailable", "Slack is having trouble"),
        (400, "no_text", "response_url_refused", "Slack is having trouble"),  # no words of its own: the general one
    ],
)
def test_response_url_refusals(status: int, body: str, code: str, told: str) -> None:
    fault = ResponseUrlFailed(status, body)

    assert (fault.code, fault.method, fault.status) == (code, "response_url", status)
    assert told in str(fault), "what the person is told"


# -- the request line ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raised", "error"),
    [
        (_api_error("not_in_channel"), "unexpected"),
        (SlackFault("timeout", "x"), "timeout"),
        (BotError("y"), "BotError"),
    ],
)
def test_a_failed_request_still_gets_its_one_line(
    caplog: pytest.LogCaptureFixture, raised: Exception, error: str
) -> None:
    caplog.set_level(logging.INFO, logger="aieng.requests")

    with pytest.raises(type(raised)), logged_request("mention"):
        raise raised

    [record] = caplog.records
    fields: dict[str, Any] = record.__dict__
    assert (fields["type"], fields["topic"], fields["outcome"], fields["error"]) == ("mention", "-", "error", error)
    assert isinstance(fields["ms"], float)


# -- the event memory fails open ---------------------------------------------------------------------


class BrokenMemory:
    def first_time(self, event_id: str) -> bool:
        raise OSError("database is locked")


def test_an_event_is_answered_when_the_event_memory_fails(caplog: pytest.LogCaptureFixture) -> None:
    middleware = SkipRepeatedEvents(BrokenMemory(), StoreHealth())
    calls: list[str] = []

    middleware.screen({"type": "event_callback", "event_id": "Ev1", "event": {}}, lambda: calls.append("next"))

    assert calls == ["next"]
    assert any(r.getMessage() == "store unavailable; answering without it until it is back" for r in caplog.records)


# -- slack_sdk's per-attempt ERROR lines ---------------------------------------------------------------


@pytest.mark.parametrize(("root_level", "shown"), [(logging.INFO, False), (logging.DEBUG, True)])
def test_slack_sdk_attempt_failures_are_demoted_to_debug(root_level: int, shown: bool) -> None:
    root = logging.getLogger()
    before = root.level
    root.setLevel(root_level)
    try:
        record = logging.LogRecord(
            "slack_sdk.web.base_client",
            logging.ERROR,
            "x",
            1,
            "Failed to send a request to Slack API server: timed out",
            None,
            None,
        )
        other = logging.LogRecord("slack_sdk.web.base_client", logging.ERROR, "x", 1, "Something else", None, None)

        assert DemoteSdkAttemptFailures().filter(record) is shown
        assert record.levelname == "DEBUG"
        assert DemoteSdkAttemptFailures().filter(other) is True
        assert other.levelname == "ERROR"
    finally:
        root.setLevel(before)


# -- the log never carries what lets someone act as the bot ----------------------------------------------


@pytest.mark.parametrize(
    "secret",
    [
        "xoxb-1234-5678-abcdefABCDEF",
        "xapp-1-A0AIENG-1234-abcdef",
        "https://hooks.slack.com/actions/T1/1234/AbCdEf0123",
        "https://hooks.slack.com/commands/T1/1234/AbCdEf0123",
        "https://hooks.slack-gov.com/services/T1/B1/XyZ",
    ],
)
def test_tokens_and_response_urls_are_redacted_from_log_lines(secret: str) -> None:
    record = logging.LogRecord(
        "slack_sdk.webhook.client", logging.INFO, "x", 1, f"Going to retry the same request: POST {secret}", None, None
    )
    record.cause = f"for {secret}"

    line = KeyValueFormatter("%(levelname)s %(name)s: %(message)s").format(record)

    assert secret not in line
    assert line.count("[redacted]") == 2


# -- SLACK_API_TIMEOUT --------------------------------------------------------------------------------


def test_the_slack_api_timeout_is_configurable_and_checked() -> None:
    assert load_settings({}).api_timeout == 10
    assert load_settings({"SLACK_API_TIMEOUT": "3"}).api_timeout == 3
    for bad in ("0", "121", "2.5", "soon"):
        with pytest.raises(ConfigError, match="SLACK_API_TIMEOUT"):
            load_settings({"SLACK_API_TIMEOUT": bad})


def test_the_web_client_uses_the_configured_timeout_and_retries() -> None:
    client = web_client(Settings(bot_token="xoxb-1", api_timeout=4))

    assert client.timeout == 4
    kinds = {type(h) for h in client.retry_handlers}
    assert {ShortRateLimitRetryHandler, ServerErrorsRetryHandler} <= kinds
