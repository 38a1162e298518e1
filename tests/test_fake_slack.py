"""The test doubles themselves: the fake Web API answers and fails as scripted, and signed
requests verify exactly when they should (checked against slack_sdk's own verifier)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from fake_slack import BOT_TOKEN, RESPONSES, FakeSlack
from slack_requests import FAULTS, SIGNING_SECRET, TAMPERED, block_actions, signed, slash_command
from slack_sdk import WebClient, WebhookClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler, ServerErrorRetryHandler
from slack_sdk.signature import SignatureVerifier


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        yield server


def client(fake: FakeSlack, **options: Any) -> WebClient:
    return WebClient(token=BOT_TOKEN, base_url=fake.api_url, timeout=10, **options)


def test_auth_test_answers_as_the_bot(fake: FakeSlack) -> None:
    answer = client(fake).auth_test()

    assert (answer["user_id"], answer["bot_id"], answer["team_id"]) == ("UBOT", "BBOT", "T1")
    [call] = fake.calls("auth.test")
    assert call.headers["authorization"] == f"Bearer {BOT_TOKEN}"


def test_posts_are_recorded_with_their_json_body(fake: FakeSlack) -> None:
    answer = client(fake).chat_postMessage(channel="C1", text="hi", thread_ts="1.2")

    assert answer["ok"] and answer["channel"] == "C1" and answer["ts"]
    [call] = fake.wait_for("chat.postMessage")
    assert call.body == {"channel": "C1", "text": "hi", "thread_ts": "1.2"}
    assert call.channel == "C1"
    assert call.api_method == "chat.postMessage"


def test_a_wrong_token_is_refused(fake: FakeSlack) -> None:
    with pytest.raises(SlackApiError) as refused:
        WebClient(token="xoxb-other", base_url=fake.api_url).chat_postMessage(channel="C1", text="hi")

    assert refused.value.response["error"] == "invalid_auth"


def test_respond_posts_to_a_response_url_are_recorded(fake: FakeSlack) -> None:
    url = fake.response_url()

    answer = WebhookClient(url).send(text="hello", response_type="ephemeral")

    assert answer.status_code == 200
    [call] = fake.wait_for(url)
    assert call.is_response
    assert call.body == {"text": "hello", "response_type": "ephemeral"}
    assert fake.responses() == [call]
    assert fake.response_url() != url


def test_an_ok_false_error_is_scripted_once(fake: FakeSlack) -> None:
    fake.fail("chat.postMessage", error="not_in_channel")
    web = client(fake)

    with pytest.raises(SlackApiError) as refused:
        web.chat_postMessage(channel="C1", text="hi")
    assert refused.value.response["error"] == "not_in_channel"
    assert web.chat_postMessage(channel="C1", text="hi")["ok"]


def test_a_429_with_retry_after_is_retried_by_the_rate_limit_handler(fake: FakeSlack) -> None:
    fake.fail("chat.postMessage", status=429, headers={"Retry-After": "0"})

    answer = client(fake, retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=1)]).chat_postMessage(
        channel="C1", text="hi"
    )

    assert answer["ok"]
    first, second = fake.calls("chat.postMessage")
    assert first.body == second.body


@pytest.mark.parametrize("status", [500, 503])
def test_server_errors_are_scripted_for_several_calls(fake: FakeSlack, status: int) -> None:
    fake.fail("chat.postMessage", status=status, times=2)
    web = client(fake)

    for _ in range(2):
        with pytest.raises(SlackApiError) as failed:
            web.chat_postMessage(channel="C1", text="hi")
        assert failed.value.response.status_code == status
    assert web.chat_postMessage(channel="C1", text="hi")["ok"]


def test_a_server_error_is_retried_by_the_server_error_handler(fake: FakeSlack) -> None:
    fake.fail("chat.postMessage", status=503)

    answer = client(fake, retry_handlers=[ServerErrorRetryHandler(max_retry_count=1)]).chat_postMessage(
        channel="C1", text="hi"
    )

    assert answer["ok"]
    assert len(fake.calls("chat.postMessage")) == 2


def test_a_fault_can_be_limited_to_some_requests(fake: FakeSlack) -> None:
    fake.fail("chat.postMessage", error="channel_not_found", times=None, where=lambda call: call.channel == "C2")
    web = client(fake)

    assert web.chat_postMessage(channel="C1", text="hi")["ok"]
    for _ in range(2):
        with pytest.raises(SlackApiError):
            web.chat_postMessage(channel="C2", text="hi")


def test_a_delay_answers_normally_but_late(fake: FakeSlack) -> None:
    fake.fail("chat.update", delay=0.3)

    started = time.monotonic()
    answer = client(fake).chat_update(channel="C1", ts="1.2", text="new")

    assert answer["ok"]
    assert time.monotonic() - started >= 0.3


def test_a_dropped_connection_fails_the_call(fake: FakeSlack) -> None:
    fake.fail(RESPONSES, drop=True)

    with pytest.raises(Exception):  # noqa: B017 - urllib reports a dropped connection in several ways
        WebhookClient(fake.response_url(), retry_handlers=[]).send(text="lost")

    assert len(fake.responses()) == 1


def test_wait_for_gives_up_saying_what_arrived(fake: FakeSlack) -> None:
    client(fake).chat_postMessage(channel="C1", text="hi")

    with pytest.raises(AssertionError, match="chat.postMessage channel=C1"):
        fake.wait_for("chat.postEphemeral", timeout=0.2)


def test_reset_forgets_calls_and_faults(fake: FakeSlack) -> None:
    fake.fail("chat.postMessage", error="not_in_channel")
    client(fake).auth_test()

    fake.reset()

    assert fake.calls() == []
    assert client(fake).chat_postMessage(channel="C1", text="hi")["ok"]


# -- signed requests ---------------------------------------------------------------------------------


def test_a_signed_request_passes_slack_sdks_verifier() -> None:
    request = signed(slash_command("help", response_url="https://hooks.slack.com/commands/T1/1/x"))

    assert SignatureVerifier(SIGNING_SECRET).is_valid_request(request.body, request.headers)


@pytest.mark.parametrize("fault", FAULTS)
def test_every_fault_fails_slack_sdks_verifier(fault: str) -> None:
    body = block_actions({"action_id": "aieng_share", "value": "s:"}, response_url="https://hooks.slack.com/x")
    request = signed(body, fault=fault)

    try:
        valid = SignatureVerifier(SIGNING_SECRET).is_valid_request(request.body, request.headers)
    except ValueError:  # slack_sdk can't even read a non-numeric timestamp
        valid = False
    assert not valid
    if fault == TAMPERED:
        assert request.body != body.encode()


def test_retry_headers_are_added_when_asked() -> None:
    request = signed("{}", retry_num=2, retry_reason="http_error")

    assert request.headers["X-Slack-Retry-Num"] == "2"
    assert request.headers["X-Slack-Retry-Reason"] == "http_error"
    assert request.headers["Content-Type"] == "application/json"
