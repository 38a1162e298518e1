"""When Slack's Web API misbehaves: end to end, the real server (`python -m bot serve`) against the fake.

For a mention (answered with chat.postMessage in its thread) and a DM (chat.postMessage in the DM),
and for a button click (answered through its response_url):

- what Slack says to retry is retried, and the answer is delivered once: a 429 after its
  Retry-After (when that is short), a 500/502/503/504, a connection dropped before any answer;
- a timeout is not retried (Slack may have posted the message already; a second copy is worse):
  the person is told privately that the answer may not have arrived;
- what retrying cannot fix (not_in_channel, channel_not_found, is_archived, a long Retry-After,
  Slack still failing after the retries) is not retried: the person gets a private explanation
  where one can be sent, and the problem is logged once, in one line, without a traceback;
- after every fault the server answers the next request normally, and a burst of answers waiting
  on Slack does not stop slash commands from being answered meanwhile.

The server here runs with SLACK_API_TIMEOUT=2 so a timeout takes two seconds, not ten.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from e2e_bot import LogLine, event_id, log_lines, log_size, log_text, request_lines, running_bot, wait_for_log
from e2e_http import (
    BotServer,
    assert_valid_card,
    everything_posted_to,
    header,
    numbered,
    settle,
    slash_card,
    wait_for_posts,
)
from fake_slack import Call, FakeSlack
from slack_requests import app_mention, block_actions, direct_message, signed, unique

API_TIMEOUT = 2  # seconds: SLACK_API_TIMEOUT for this module's server
SLOW = API_TIMEOUT + 4  # a fake answer this late has timed out
QUESTION = "what does an ml engineer do"
SURFACES = ["mention", "dm"]
BURST = 12  # slow deliveries at once: more than Bolt's default listener executor has threads
BOLT_DEFAULT_EXECUTOR_THREADS = 5


@pytest.fixture(scope="module")
def bot(fake: FakeSlack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotServer]:
    with running_bot(fake, tmp_path_factory.mktemp("faults"), SLACK_API_TIMEOUT=str(API_TIMEOUT)) as server:
        yield server


@pytest.fixture
def log_start(bot: BotServer) -> int:
    """Where this test's part of the server log begins."""
    return log_size(bot)


# -- helpers -----------------------------------------------------------------------------------------


class Asked:
    """One question asked on a surface, in a channel of its own."""

    def __init__(self, surface: str) -> None:
        self.surface = surface
        self.user = unique("UASK")
        self.channel = unique("CFAULT" if surface == "mention" else "DFAULT")
        self.ts = f"1700000{unique('')}.000100"

    def body(self, text: str = QUESTION) -> str:
        if self.surface == "mention":
            return app_mention(text, channel=self.channel, user=self.user, ts=self.ts, event_id=event_id())
        return direct_message(text, channel=self.channel, user=self.user, ts=self.ts, event_id=event_id())

    def only_here(self) -> Callable[[Call], bool]:
        return lambda call: call.channel == self.channel


def ask(bot: BotServer, asked: Asked) -> None:
    answer = bot.post(signed(asked.body()))
    assert answer.status == 200, "an event is acknowledged at once, whatever happens to its answer later"


def posts(fake: FakeSlack, method: str, channel: str) -> list[Call]:
    return [c for c in fake.api_calls(method) if c.channel == channel]


def fault_lines(bot: BotServer, since: int, channel: str) -> list[LogLine]:
    """Every line at WARNING or above about `channel` (the boundary names the channel)."""
    return [
        line
        for line in log_lines(bot, since)
        if line.level in ("WARNING", "ERROR", "CRITICAL") and line.fields.get("channel") == channel
    ]


def assert_logged_once(bot: BotServer, fake: FakeSlack, since: int, channel: str, error: str, told: str) -> LogLine:
    """The fault is logged in exactly one line, without a traceback, and the request in one line too."""
    wait_for_log(bot, lambda line: line.fields.get("channel") == channel and line.logger == "aieng.errors", since=since)
    settle(bot, fake)  # anything the faulty request still had to log has been logged by now
    [line] = fault_lines(bot, since, channel)
    assert line.logger == "aieng.errors"
    assert line.level == "WARNING"
    assert line.fields["error"] == error
    assert line.fields["told"] == told
    assert "Traceback" not in log_text(bot, since)
    failed = [r for r in request_lines(bot, since) if r.fields.get("outcome") == "error"]
    assert [r.fields.get("error") for r in failed] == [error], "one request line, saying how it ended"
    return line


def assert_still_answers(bot: BotServer, fake: FakeSlack, asked: Asked) -> None:
    """The same person asks again in the same conversation, and is answered normally."""
    before = len(posts(fake, "chat.postMessage", asked.channel))
    ask(bot, asked)
    sent = wait_for_posts(fake, "chat.postMessage", asked.channel, count=before + 1)
    assert_valid_card(sent[-1])


def explanation(fake: FakeSlack, asked: Asked) -> dict[str, Any]:
    [note] = wait_for_posts(fake, "chat.postEphemeral", asked.channel)
    assert note["user"] == asked.user, "only the person who asked sees the explanation"
    assert "blocks" not in note
    if asked.surface == "mention":
        assert note["thread_ts"] == asked.ts, "the explanation goes in the thread the question started"
    return note


# -- retried, then delivered once ------------------------------------------------------------------


@pytest.mark.parametrize("surface", SURFACES)
def test_a_429_is_retried_after_retry_after_and_delivered_once(
    bot: BotServer, fake: FakeSlack, log_start: int, surface: str
) -> None:
    asked = Asked(surface)
    fake.fail("chat.postMessage", status=429, headers={"Retry-After": "1"}, where=asked.only_here())

    ask(bot, asked)

    refused, delivered = fake.wait_for("chat.postMessage", 2, where=asked.only_here())
    assert delivered.body == refused.body
    assert delivered.received - refused.received >= 1.0, "the retry waited for Retry-After"
    assert_valid_card(delivered.body)
    settle(bot, fake)
    assert len(posts(fake, "chat.postMessage", asked.channel)) == 2, "delivered once: no third post"
    assert posts(fake, "chat.postEphemeral", asked.channel) == []
    assert fault_lines(bot, log_start, asked.channel) == []


@pytest.mark.parametrize(
    ("surface", "fault"),
    [
        *[(surface, {"status": status}) for surface in SURFACES for status in (500, 503)],
        ("mention", {"status": 502}),
        ("dm", {"drop": True}),
    ],
    ids=["mention-500", "mention-503", "dm-500", "dm-503", "mention-502", "dm-connection-dropped"],
)
def test_a_server_error_once_is_retried_and_delivered_once(
    bot: BotServer, fake: FakeSlack, log_start: int, surface: str, fault: dict[str, Any]
) -> None:
    asked = Asked(surface)
    fake.fail("chat.postMessage", **fault, where=asked.only_here())

    ask(bot, asked)

    refused, delivered = fake.wait_for("chat.postMessage", 2, where=asked.only_here())
    assert delivered.body == refused.body
    settle(bot, fake)
    assert len(posts(fake, "chat.postMessage", asked.channel)) == 2
    assert posts(fake, "chat.postEphemeral", asked.channel) == []
    assert fault_lines(bot, log_start, asked.channel) == []
    assert "Traceback" not in log_text(bot, log_start)


# -- not retried: the person is told, the problem logged once --------------------------------------


@pytest.mark.parametrize("surface", SURFACES)
def test_a_timeout_is_not_sent_twice_and_the_person_is_told(
    bot: BotServer, fake: FakeSlack, log_start: int, surface: str
) -> None:
    asked = Asked(surface)
    fake.fail("chat.postMessage", delay=SLOW, where=asked.only_here())

    ask(bot, asked)

    note = explanation(fake, asked)
    assert "didn't confirm" in note["text"]
    assert_logged_once(bot, fake, log_start, asked.channel, error="timeout", told="yes")
    assert len(posts(fake, "chat.postMessage", asked.channel)) == 1, "a post that may have landed is not repeated"
    assert_still_answers(bot, fake, asked)


@pytest.mark.parametrize("surface", SURFACES)
@pytest.mark.parametrize(
    ("error", "says"),
    [("channel_not_found", "can't see this conversation"), ("is_archived", "archived")],
)
def test_a_refusal_retrying_cannot_fix_is_explained_privately(
    bot: BotServer, fake: FakeSlack, log_start: int, surface: str, error: str, says: str
) -> None:
    asked = Asked(surface)
    fake.fail("chat.postMessage", error=error, where=asked.only_here())

    ask(bot, asked)

    note = explanation(fake, asked)
    assert says in note["text"]
    assert_logged_once(bot, fake, log_start, asked.channel, error=error, told="yes")
    assert len(posts(fake, "chat.postMessage", asked.channel)) == 1, "not retried"
    assert_still_answers(bot, fake, asked)


@pytest.mark.parametrize("surface", SURFACES)
def test_not_in_channel_when_even_the_private_note_is_refused(
    bot: BotServer, fake: FakeSlack, log_start: int, surface: str
) -> None:
    """The bot can't post an ephemeral message where it isn't a member either: nothing crashes, one line."""
    asked = Asked(surface)
    fake.fail("chat.postMessage", error="not_in_channel", where=asked.only_here())
    fake.fail("chat.postEphemeral", error="not_in_channel", where=asked.only_here())

    ask(bot, asked)

    [tried] = fake.wait_for("chat.postEphemeral", where=asked.only_here())
    assert "/invite" in tried.body["text"]
    line = assert_logged_once(bot, fake, log_start, asked.channel, error="not_in_channel", told="no:not_in_channel")
    assert line.fields["method"] == "chat.postMessage"
    assert len(posts(fake, "chat.postMessage", asked.channel)) == 1, "not retried"
    assert_still_answers(bot, fake, asked)


@pytest.mark.parametrize("surface", ["dm"])
def test_a_long_retry_after_is_not_waited_for(bot: BotServer, fake: FakeSlack, log_start: int, surface: str) -> None:
    """Waiting minutes would hold a worker thread: the person is asked to try again instead."""
    asked = Asked(surface)
    fake.fail("chat.postMessage", status=429, headers={"Retry-After": "120"}, where=asked.only_here())

    ask(bot, asked)

    note = explanation(fake, asked)
    assert "slow down" in note["text"]
    assert_logged_once(bot, fake, log_start, asked.channel, error="ratelimited", told="yes")
    assert len(posts(fake, "chat.postMessage", asked.channel)) == 1
    assert_still_answers(bot, fake, asked)


@pytest.mark.parametrize("surface", ["mention"])
def test_slack_still_failing_after_the_retries(bot: BotServer, fake: FakeSlack, log_start: int, surface: str) -> None:
    asked = Asked(surface)
    fake.fail("chat.postMessage", status=503, times=3, where=asked.only_here())

    ask(bot, asked)

    note = explanation(fake, asked)
    assert "trouble" in note["text"]
    line = assert_logged_once(bot, fake, log_start, asked.channel, error="slack_unavailable", told="yes")
    assert line.fields["status"] == "503"
    assert len(posts(fake, "chat.postMessage", asked.channel)) == 3, "the first try and two retries"
    assert_still_answers(bot, fake, asked)


# -- a click's response_url ----------------------------------------------------------------------------


def _click_first_open(bot: BotServer, fake: FakeSlack, channel: str, response_url: str) -> str:
    card = slash_card(bot, fake, "roadmap swe")
    target = numbered(card)[0]
    body = block_actions(target, response_url=response_url, channel_id=channel, user_id=unique("UCLICK"))
    answer = bot.post(signed(body))
    assert answer.status == 200 and answer.body == b"", "the click is acknowledged at once"
    return str(target["text"]["text"])


@pytest.mark.parametrize(
    "fault", [{"status": 500}, {"status": 503}, {"drop": True}], ids=["500", "503", "connection-dropped"]
)
def test_a_click_reply_the_response_url_refuses_for_a_moment_is_sent_again(
    bot: BotServer, fake: FakeSlack, log_start: int, fault: dict[str, Any]
) -> None:
    channel, response_url = unique("CCLICK"), fake.response_url()
    fake.fail(response_url, **fault)

    _click_first_open(bot, fake, channel, response_url)

    refused, delivered = fake.wait_for(response_url, 2)
    assert delivered.body == refused.body
    assert_valid_card(delivered.body)
    settle(bot, fake)
    assert len(fake.responses(response_url)) == 2
    assert fault_lines(bot, log_start, channel) == []


def test_an_expired_response_url_is_logged_once_and_explained_another_way(
    bot: BotServer, fake: FakeSlack, log_start: int
) -> None:
    """Slack refuses a response_url after 30 minutes or five uses (404 expired_url / used_url)."""
    channel, response_url = unique("CEXPIRED"), fake.response_url()
    fake.fail(response_url, status=404, body="expired_url")

    _click_first_open(bot, fake, channel, response_url)

    [note] = wait_for_posts(fake, "chat.postEphemeral", channel)
    assert "/aieng again" in note["text"]
    line = assert_logged_once(bot, fake, log_start, channel, error="expired_url", told="yes")
    assert line.fields["method"] == "response_url"
    assert len(fake.responses(response_url)) == 1, "a refused response_url is not tried again"


# -- under a burst of slow answers ---------------------------------------------------------------------


def test_slow_deliveries_do_not_hold_up_slash_commands(bot: BotServer, fake: FakeSlack) -> None:
    """Slack rate-limits a burst of answers (each waits out Retry-After: 4 before its retry): slash
    commands, answered in their ack without the Web API, must still be answered meanwhile.

    Bolt runs every listener, slash commands' included, on one executor of 5 threads by default:
    five answers waiting on Slack would leave a slash command unacknowledged past Slack's 3 s.
    """
    burst = [Asked("mention") for _ in range(BURST)]
    channels = {asked.channel for asked in burst}
    for asked in burst:
        fake.fail("chat.postMessage", status=429, headers={"Retry-After": "4"}, where=asked.only_here())
        ask(bot, asked)
    # at least as many listeners as Bolt's default executor has threads are now waiting to retry
    fake.wait_for("chat.postMessage", BOLT_DEFAULT_EXECUTOR_THREADS, where=lambda call: call.channel in channels)

    card = slash_card(bot, fake, "salary senior")  # a 200 with a card, not Bolt's 404 after a 3 s ack timeout

    assert "salary" in header(card).lower()
    for asked in burst:
        fake.wait_for("chat.postMessage", 2, where=asked.only_here())


def test_after_all_these_faults_the_server_still_serves(bot: BotServer, fake: FakeSlack) -> None:
    card = slash_card(bot, fake, "salary senior")
    assert "salary" in header(card).lower()
    channel = unique("CFINE")
    bot.post(signed(app_mention(QUESTION, channel=channel, event_id=event_id())))
    [message] = wait_for_posts(fake, "chat.postMessage", channel)
    assert_valid_card(message)
    assert everything_posted_to(fake, channel) == [message]
