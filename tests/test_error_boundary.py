"""The one error boundary (handlers/errors.py): what a person and the log see when a listener fails.

An unexpected exception reaches Bolt's single error handler: the person gets only a short generic
message (never the exception's text or a traceback), and the log gets the traceback, once. The bot's
own exceptions (BotError) carry their message to the person. Tested through a real Bolt app (the
app the server runs, with an engine that fails on cue) against the fake Slack Web API, and on
handle_error itself with stand-ins for respond and the client.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

import pytest
from fake_slack import BOT_TOKEN, DEFAULT_TIMEOUT, FakeSlack
from slack_bolt import App, BoltRequest, BoltResponse
from slack_requests import SIGNING_SECRET, app_mention, block_actions, direct_message, signed, slash_command, unique
from slack_sdk.errors import SlackApiError
from slack_sdk.web import SlackResponse

from aieng.app import create_app
from bot.answering import Engine, Reply
from bot.config import Settings
from bot.content import Library
from bot.errors import BotError, StaleButton
from bot.kinds import ButtonAction
from bot.logs import KeyValueFormatter
from handlers.errors import GENERIC, handle_error

INTERNALS = "KeyError: 'level_index' in /srv/aieng/secret_path.py token=xoxb-1234-leaked"
OWN_WORDS = "That question is one I can only answer on Tuesdays."
BOOM = "kaboomzz"  # text (or button value) that makes the engine below fail unexpectedly
EXPECTED = "expectedzz"  # ... fail with a BotError


class FailingEngine(Engine):
    """The real engine, except that it fails on cue: unexpectedly on BOOM, expectedly on EXPECTED."""

    def answer(self, text: str, via: str) -> Reply:
        self._fail_on(text)
        return super().answer(text, via)

    def click(self, action: ButtonAction, value: str) -> Reply:
        self._fail_on(value)
        return super().click(action, value)

    @staticmethod
    def _fail_on(text: str) -> None:
        if BOOM in text:
            raise RuntimeError(INTERNALS)
        if EXPECTED in text:
            raise BotError(OWN_WORDS)


@pytest.fixture(scope="module")
def app(fake: FakeSlack, library: Library) -> App:
    settings = Settings(bot_token=BOT_TOKEN, signing_secret=SIGNING_SECRET, api_url=fake.api_url, api_timeout=10)
    return create_app(FailingEngine(library), settings)


@pytest.fixture
def errors_log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.INFO, logger="aieng")
    return caplog


def dispatch(app: App, body: str) -> BoltResponse:
    request = signed(body)
    answer: BoltResponse = app.dispatch(BoltRequest(body=request.text, headers=request.headers))
    return answer


def boundary_records(caplog: pytest.LogCaptureFixture, channel: str) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "aieng.errors" and getattr(r, "channel", None) == channel]


def wait_for_boundary(caplog: pytest.LogCaptureFixture, channel: str) -> logging.LogRecord:
    """The boundary's one line about `channel` (it logs after telling the person, so wait for it, bounded)."""
    deadline = time.monotonic() + DEFAULT_TIMEOUT
    while not boundary_records(caplog, channel) and time.monotonic() < deadline:
        time.sleep(0.05)
    [record] = boundary_records(caplog, channel)
    return record


def assert_only_generic(text: str) -> None:
    assert text == GENERIC
    for leak in ("KeyError", "level_index", "secret_path", "xoxb", "Traceback", "RuntimeError"):
        assert leak not in text


def assert_traceback_logged_once(record: logging.LogRecord) -> None:
    assert record.levelno == logging.ERROR
    assert record.exc_info is not None and record.exc_info[0] is RuntimeError
    formatted = KeyValueFormatter("%(levelname)s %(name)s: %(message)s").format(record)
    assert "Traceback (most recent call last)" in formatted
    assert "level_index" in formatted, "the log keeps what the person is not shown"
    assert "xoxb-1234-leaked" not in formatted and "[redacted]" in formatted, "tokens never reach the log"


# -- an unexpected exception -------------------------------------------------------------------------


def test_a_slash_command_that_fails_before_its_ack_is_answered_generically_in_the_ack(
    app: App, fake: FakeSlack, errors_log: pytest.LogCaptureFixture
) -> None:
    channel, response_url = unique("CBOOM"), fake.response_url()

    answer = dispatch(app, slash_command(f"what about {BOOM}", response_url=response_url, channel_id=channel))

    assert answer.status == 200, "Slack would show its own failure for a 500"
    body = json.loads(answer.body)
    assert body["response_type"] == "ephemeral"
    assert_only_generic(body["text"])
    record = wait_for_boundary(errors_log, channel)
    assert_traceback_logged_once(record)
    assert fake.responses(response_url) == [], "told once, in the ack, not again through the response_url"


@pytest.mark.parametrize("surface", ["mention", "dm"])
def test_a_message_whose_answer_fails_gets_a_generic_private_note(
    app: App, fake: FakeSlack, errors_log: pytest.LogCaptureFixture, surface: str
) -> None:
    channel, user = unique("CBOOM" if surface == "mention" else "DBOOM"), unique("UBOOM")
    make = app_mention if surface == "mention" else direct_message

    answer = dispatch(app, make(f"tell me about {BOOM}", channel=channel, user=user))

    assert answer.status == 200
    record = wait_for_boundary(errors_log, channel)
    [note] = [c.body for c in fake.api_calls("chat.postEphemeral") if c.channel == channel]
    assert note["user"] == user
    assert_only_generic(note["text"])
    assert_traceback_logged_once(record)
    assert [c for c in fake.api_calls("chat.postMessage") if c.channel == channel] == []


def test_a_click_that_fails_after_its_ack_keeps_the_ack_and_gets_a_generic_reply(
    app: App, fake: FakeSlack, errors_log: pytest.LogCaptureFixture
) -> None:
    channel, response_url = unique("CBOOM"), fake.response_url()
    button = {"action_id": "aieng_open_1", "value": f"t:{BOOM}"}

    answer = dispatch(app, block_actions(button, response_url=response_url, channel_id=channel))

    assert (answer.status, answer.body) == (200, ""), "the click stays acknowledged (Bolt alone would answer 404)"
    [reply] = fake.wait_for(response_url)
    assert reply.body["response_type"] == "ephemeral"
    assert reply.body["replace_original"] is False
    assert_only_generic(reply.body["text"])
    record = wait_for_boundary(errors_log, channel)
    assert_traceback_logged_once(record)


# -- the bot's own exceptions carry their own words ------------------------------------------------


def test_a_bot_error_in_a_slash_command_is_told_in_its_own_words(app: App, fake: FakeSlack) -> None:
    answer = dispatch(app, slash_command(f"what about {EXPECTED}", response_url=fake.response_url()))

    assert answer.status == 200
    assert json.loads(answer.body) == {"response_type": "ephemeral", "text": OWN_WORDS}


def test_a_bot_error_in_a_message_is_told_in_its_own_words(
    app: App, fake: FakeSlack, errors_log: pytest.LogCaptureFixture
) -> None:
    channel = unique("CEXPECT")

    dispatch(app, app_mention(f"tell me about {EXPECTED}", channel=channel))

    record = wait_for_boundary(errors_log, channel)
    [note] = [c.body for c in fake.api_calls("chat.postEphemeral") if c.channel == channel]
    assert note["text"] == OWN_WORDS
    assert record.levelno == logging.INFO and record.exc_info is None, "an expected problem needs no traceback"


@pytest.mark.parametrize(
    ("button", "says"),
    [
        ({"action_id": "aieng_open_2", "value": "t:no-such-topic-anymore"}, str(StaleButton())),
        ({"action_id": "aieng_retired_button", "value": "x"}, "isn't one I know"),
    ],
    ids=["stale-card", "unknown-button"],
)
def test_a_stale_or_unknown_button_is_explained(
    app: App, fake: FakeSlack, errors_log: pytest.LogCaptureFixture, button: dict[str, str], says: str
) -> None:
    channel, response_url = unique("CSTALE"), fake.response_url()

    answer = dispatch(app, block_actions(button, response_url=response_url, channel_id=channel))

    assert (answer.status, answer.body) == (200, "")
    [reply] = fake.wait_for(response_url)
    assert says in reply.body["text"]
    assert reply.body["response_type"] == "ephemeral"
    record = wait_for_boundary(errors_log, channel)
    assert record.levelno == logging.INFO and record.exc_info is None


# -- handle_error on its own ---------------------------------------------------------------------------


class Recorder:
    """Stands in for Bolt's respond (with a response_url) or for the WebClient."""

    def __init__(self, response_url: str | None = "https://hooks.slack.example/r/1", fail: Exception | None = None):
        self.response_url = response_url
        self.fail = fail
        self.calls: list[dict[str, Any]] = []

    def __call__(self, **message: Any) -> None:
        self.calls.append(message)
        if self.fail:
            raise self.fail

    def chat_postEphemeral(self, **message: Any) -> None:  # the WebClient's method name
        self(**message)


def _event(channel: str = "C1", user: str = "U1") -> dict[str, Any]:
    return {"type": "event_callback", "event": {"type": "app_mention", "channel": channel, "user": user, "ts": "1.2"}}


def _not_in_channel() -> SlackApiError:
    response = SlackResponse(
        client=None,
        http_verb="POST",
        api_url="https://slack.com/api/chat.postEphemeral",
        req_args={},
        data={"ok": False, "error": "not_in_channel"},
        headers={},
        status_code=200,
    )
    return SlackApiError("not_in_channel", response)


def test_handle_error_tells_the_generic_message_and_logs_the_traceback(caplog: pytest.LogCaptureFixture) -> None:
    respond, client = Recorder(), Recorder()
    caplog.set_level(logging.INFO, logger="aieng")

    try:
        raise RuntimeError(INTERNALS)
    except RuntimeError as error:
        handle_error(error, {"type": "block_actions", "channel": {"id": "C9"}}, respond, client)  # type: ignore[arg-type]

    assert respond.calls == [{"text": GENERIC, "response_type": "ephemeral", "replace_original": False}]
    assert client.calls == []
    [record] = [r for r in caplog.records if r.name == "aieng.errors"]
    assert_traceback_logged_once(record)
    assert record.told == "yes"  # type: ignore[attr-defined]


def test_handle_error_never_raises_when_the_person_cannot_be_told(caplog: pytest.LogCaptureFixture) -> None:
    client = Recorder(fail=_not_in_channel())
    caplog.set_level(logging.INFO, logger="aieng")

    handle_error(RuntimeError(INTERNALS), _event(), None, client)  # type: ignore[arg-type]

    assert [c["text"] for c in client.calls] == [GENERIC]
    [record] = [r for r in caplog.records if r.name == "aieng.errors"]
    assert record.told == "no:not_in_channel"  # type: ignore[attr-defined]


def test_handle_error_gives_a_bot_error_its_own_words() -> None:
    client = Recorder()

    handle_error(BotError(OWN_WORDS), _event(channel="C7", user="U7"), None, client)  # type: ignore[arg-type]

    assert client.calls == [{"channel": "C7", "user": "U7", "text": OWN_WORDS, "thread_ts": "1.2"}]


def test_handle_error_on_a_request_that_names_no_one_only_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="aieng")

    assert handle_error(RuntimeError("x"), {"type": "event_callback", "event": {}}, None, None) is None

    [record] = [r for r in caplog.records if r.name == "aieng.errors"]
    assert record.told == "no:nowhere"  # type: ignore[attr-defined]
