"""The server's log at LOG_LEVEL=INFO: exactly one structured `aieng.requests` line per request, with
its type, topic, outcome and latency, however the request ends (answered, ignored, a duplicate,
refused, failed), and never a token, the signing secret or the words people typed.

Every question below carries a marker word that appears nowhere else; none may reach the log.
Requests are sent one at a time, each waited for, so the n-th line belongs to the n-th request.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from e2e_bot import LogLine, event_id, log_text, request_lines, running_bot, wait_for_log
from e2e_http import BotServer, button, buttons, click, slash, wait_for_posts
from fake_slack import BOT_TOKEN, FakeSlack
from slack_requests import (
    SIGNING_SECRET,
    WRONG_SIGNATURE,
    app_mention,
    direct_message,
    signed,
    slash_command,
    unique,
)

MARKERS = ("quokkamarker", "narwhalmarker", "wombatmarker", "axolotlmarker", "pangolinmarker", "capybaramarker")
MS = re.compile(r"^\d+(\.\d+)?$")


@pytest.fixture(scope="module")
def bot(fake: FakeSlack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotServer]:
    with running_bot(fake, tmp_path_factory.mktemp("logs"), LOG_LEVEL="INFO") as server:
        yield server


class Requests:
    """Sends requests one by one; after each, waits for its one request line and records it."""

    def __init__(self, bot: BotServer) -> None:
        self.bot = bot
        self.lines: list[LogLine] = []

    def expect_line(self, kind: str, **fields: str) -> LogLine:
        count = len(self.lines) + 1
        wait_for_log(self.bot, lambda line: line.logger == "aieng.requests", count=count)
        line = request_lines(self.bot)[count - 1]
        assert line.fields.get("type") == kind, line.text
        for name, value in fields.items():
            assert line.fields.get(name) == value, line.text
        self.lines.append(line)
        return line


def channel_message(text: str, channel: str) -> str:
    """A message in a public channel the bot is in, without a mention (message.channels)."""
    body = json.loads(direct_message(text, channel=channel, event_id=event_id()))
    body["event"]["channel_type"] = "channel"
    return json.dumps(body)


def edited_dm(channel: str) -> str:
    body = json.loads(direct_message(f"roadmap swe {MARKERS[2]}", channel=channel, event_id=event_id()))
    body["event"]["subtype"] = "message_changed"
    return json.dumps(body)


def test_one_line_per_request_with_its_fields_and_none_of_what_people_typed(bot: BotServer, fake: FakeSlack) -> None:
    sent = Requests(bot)

    # the slash command, answered in its ack
    answer, _ = slash(bot, fake, f"salary senior {MARKERS[0]}")
    card = answer.json()
    sent.expect_line("slash", outcome="answer")

    # a mention, a DM, and a question in a channel
    mention_channel = unique("CLOG")
    mention = app_mention(f"what does an ml engineer do {MARKERS[1]}", channel=mention_channel, event_id=event_id())
    assert bot.post(signed(mention)).status == 200
    wait_for_posts(fake, "chat.postMessage", mention_channel)
    sent.expect_line("mention")

    dm = unique("DLOG")
    assert bot.post(signed(direct_message(f"roadmap swe {MARKERS[2]}", channel=dm, event_id=event_id()))).status == 200
    wait_for_posts(fake, "chat.postMessage", dm)
    sent.expect_line("dm", outcome="answer")

    assert bot.post(signed(channel_message(f"what does an ml engineer do? {MARKERS[3]}", unique("CASK")))).status == 200
    sent.expect_line("channel")

    # buttons: open, "None of these" (its value is the question), feedback, share, a stale one
    click(bot, fake, next(b for b in buttons(card) if b["action_id"].startswith("aieng_open")))
    sent.expect_line("click")

    none = {"action_id": "aieng_none", "value": f"how do I tame a {MARKERS[4]}"}
    click(bot, fake, none)
    sent.expect_line("click", outcome="fallback")

    click(bot, fake, button(card, "👍"))
    sent.expect_line("feedback")

    click(bot, fake, button(card, "Share in channel"))
    sent.expect_line("share")

    stale = click(bot, fake, {"action_id": "aieng_open_1", "value": "t:gone-since-the-last-release"})
    assert "no longer leads anywhere" in stale["text"]
    sent.expect_line("click", outcome="error", error="StaleButton")

    # Slack's retry of the mention, a request Slack did not sign, an edit in a DM
    assert bot.post(signed(mention, retry_num=1)).status == 200
    sent.expect_line("mention", outcome="duplicate")

    forged = slash_command(f"salary {MARKERS[5]}", response_url=fake.response_url())
    assert bot.post(signed(forged, fault=WRONG_SIGNATURE)).status == 401
    sent.expect_line("unsigned", outcome="refused")

    assert bot.post(signed(edited_dm(dm))).status == 200
    sent.expect_line("dm", outcome="ignore")

    # a mention Slack refuses to post (and refuses the private note about it too)
    refused = unique("CLOGNOTIN")
    fake.fail("chat.postMessage", error="not_in_channel", where=lambda c: c.channel == refused)
    fake.fail("chat.postEphemeral", error="not_in_channel", where=lambda c: c.channel == refused)
    body = app_mention(f"how do I become an AI engineer {MARKERS[5]}", channel=refused, event_id=event_id())
    assert bot.post(signed(body)).status == 200
    sent.expect_line("mention", outcome="error", error="not_in_channel")
    wait_for_log(bot, lambda line: line.logger == "aieng.errors" and line.fields.get("channel") == refused)

    # one more, fully answered: any second line an earlier request wrote would show up by now
    last = unique("DLAST")
    assert bot.post(signed(direct_message("roadmap swe", channel=last, event_id=event_id()))).status == 200
    wait_for_posts(fake, "chat.postMessage", last)
    sent.expect_line("dm", outcome="answer")

    lines = request_lines(bot)
    assert len(lines) == len(sent.lines), "exactly one line per request"
    for line in lines:
        assert line.level == "INFO"
        assert line.message == "request"
        assert set(line.fields) >= {"type", "topic", "outcome", "ms"}, line.text
        assert MS.match(line.fields["ms"]), line.text

    log = log_text(bot)
    assert BOT_TOKEN not in log
    assert SIGNING_SECRET not in log
    for marker in MARKERS:
        assert marker not in log, f"what someone typed ({marker}) reached the INFO log"
