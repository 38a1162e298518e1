"""Channel manners end to end, over HTTP: the real server against the fake Slack Web API.

The bot never butts in (help, greetings, thanks, empty or forwarded text in a channel nobody addressed
it in get nothing) and never ignores a person who asks (a DM with a file, a broadcast thread reply, a
message whose words are only in its blocks). Bots, edits and the bot itself get nothing; a trimmed
mention with no channel breaks nothing; a non-button interaction is not told "unknown button".

Event shapes follow what Slack sends for each case, written here in our own words.
"""

from __future__ import annotations

import json
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from e2e_bot import event_id, log_text, request_lines, running_bot, wait_for_log
from e2e_http import (
    BotServer,
    assert_valid_card,
    buttons,
    everything_posted_to,
    header,
    settle,
    wait_for_posts,
)
from fake_slack import FakeSlack
from slack_requests import (
    API_APP_ID,
    BOT_USER_ID,
    TEAM_ID,
    VERIFICATION_TOKEN,
    app_mention,
    block_actions,
    direct_message,
    event_callback,
    signed,
    unique,
)

ASKED = "what does an ML engineer do?"  # a question the content answers confidently, even unasked


@pytest.fixture(scope="module")
def bot(fake: FakeSlack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotServer]:
    with running_bot(fake, tmp_path_factory.mktemp("manners")) as server:
        yield server


# -- event shapes ------------------------------------------------------------------------------------------


def message(channel: str, text: str = "", **fields: Any) -> str:
    """A `message` event; `fields` add or override what Slack sends (subtype, files, blocks, bot_id...)."""
    ts = f"{time.time():.6f}"
    event: dict[str, Any] = {
        "type": "message",
        "text": text,
        "user": "U0ASKER",
        "ts": ts,
        "team": TEAM_ID,
        "channel": channel,
        "event_ts": ts,
        "channel_type": "im" if channel.startswith("D") else "channel",
        **fields,
    }
    return event_callback({k: v for k, v in event.items() if v is not None}, event_id=event_id())


def a_file() -> dict[str, Any]:
    return {"id": unique("F"), "name": "screenshot.png", "mimetype": "image/png", "filetype": "png", "user": "U0ASKER"}


def rich_text(words: str) -> list[dict[str, Any]]:
    section = {"type": "rich_text_section", "elements": [{"type": "text", "text": words}]}
    return [{"type": "rich_text", "block_id": unique("rt"), "elements": [section]}]


def forwarded(words: str) -> list[dict[str, Any]]:
    """How a shared (forwarded) message arrives: empty text, the original in an attachment."""
    return [{"is_share": True, "is_msg_unfurl": True, "text": words, "fallback": f"[forwarded] {words}"}]


def interactive(kind: str, response_url: str, **fields: Any) -> str:
    payload = {
        "type": kind,
        "token": VERIFICATION_TOKEN,
        "api_app_id": API_APP_ID,
        "team": {"id": TEAM_ID, "domain": "aieng-test"},
        "user": {"id": "U0ASKER", "name": "asker"},
        "channel": {"id": "C0GENERAL", "name": "general"},
        "action_ts": f"{time.time():.6f}",
        "response_url": response_url,
        **fields,
    }
    return "payload=" + urllib.parse.quote(json.dumps(payload))


def nothing_posted_to(bot: BotServer, fake: FakeSlack, channel: str) -> bool:
    settle(bot, fake)
    return everything_posted_to(fake, channel) == []


# -- in a channel nobody addressed the bot in: never butt in -------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["help!", "can anyone help me with this?", "what can you do?", "hi there!", "thanks!", ""],
    ids=["help", "asking-others-for-help", "what-can-you-do", "greeting", "thanks", "empty"],
)
def test_help_greetings_thanks_and_empty_text_in_a_channel_get_no_reply(
    bot: BotServer, fake: FakeSlack, text: str
) -> None:
    channel = unique("CQUIET")

    assert bot.post(signed(message(channel, text))).status == 200

    assert nothing_posted_to(bot, fake, channel)


def test_a_forwarded_message_in_a_channel_gets_no_reply_even_when_it_asks(bot: BotServer, fake: FakeSlack) -> None:
    channel = unique("CFWD")

    bot.post(signed(message(channel, "", attachments=forwarded(ASKED))))

    assert nothing_posted_to(bot, fake, channel)


def test_a_channel_question_the_content_answers_is_answered_in_its_thread(bot: BotServer, fake: FakeSlack) -> None:
    channel, ts = unique("CASKED"), f"{time.time():.6f}"

    bot.post(signed(message(channel, ASKED, ts=ts)))

    [reply] = wait_for_posts(fake, "chat.postMessage", channel)
    assert reply["thread_ts"] == ts
    assert "machine learning engineer" in header(reply).lower()


def test_a_broadcast_thread_reply_that_asks_is_answered_in_its_thread(bot: BotServer, fake: FakeSlack) -> None:
    channel, parent = unique("CBCAST"), f"{time.time() - 60:.6f}"

    bot.post(signed(message(channel, ASKED, subtype="thread_broadcast", thread_ts=parent)))

    [reply] = wait_for_posts(fake, "chat.postMessage", channel)
    assert reply["thread_ts"] == parent


def test_a_channel_message_mentioning_the_bot_is_answered_once_as_the_mention(bot: BotServer, fake: FakeSlack) -> None:
    channel, ts = unique("CBOTH"), f"{time.time():.6f}"
    said = f"<@{BOT_USER_ID}> {ASKED}"

    bot.post(signed(message(channel, said, ts=ts)))  # Slack sends both: the message...
    bot.post(signed(app_mention(ASKED, channel=channel, ts=ts, event_id=event_id())))  # ...and the mention

    wait_for_posts(fake, "chat.postMessage", channel)
    settle(bot, fake)
    assert len(everything_posted_to(fake, channel)) == 1


# -- whoever addresses the bot: never ignored ----------------------------------------------------------


def test_a_dm_with_a_file_is_answered_like_the_same_dm_without_one(bot: BotServer, fake: FakeSlack) -> None:
    plain, with_file = unique("DPLAIN"), unique("DFILE")

    bot.post(signed(message(plain, ASKED)))
    bot.post(signed(message(with_file, ASKED, subtype="file_share", files=[a_file()], upload=False)))

    [expected] = wait_for_posts(fake, "chat.postMessage", plain)
    [reply] = wait_for_posts(fake, "chat.postMessage", with_file)
    assert header(reply) == header(expected)
    assert_valid_card(reply)


def test_a_dm_whose_words_are_only_in_its_blocks_is_answered(bot: BotServer, fake: FakeSlack) -> None:
    dm = unique("DBLOCKS")

    bot.post(signed(message(dm, "", subtype="file_share", files=[a_file()], blocks=rich_text(ASKED))))

    [reply] = wait_for_posts(fake, "chat.postMessage", dm)
    assert "machine learning engineer" in header(reply).lower()


@pytest.mark.parametrize("send", ["dm", "mention"])
def test_hi_there_gets_a_short_greeting_with_the_topic_buttons(bot: BotServer, fake: FakeSlack, send: str) -> None:
    where = unique("DHI" if send == "dm" else "CHI")
    body = direct_message("hi there!", channel=where) if send == "dm" else app_mention("hi there!", channel=where)

    bot.post(signed(body))

    [reply] = wait_for_posts(fake, "chat.postMessage", where)
    assert_valid_card(reply)
    assert header(reply).startswith("Hi")
    labels = {b["text"]["text"] for b in buttons(reply)}
    assert {"Salary", "Roles", "Roadmaps", "All commands"} <= labels
    assert "I don't know" not in reply["text"]


def test_a_dm_asking_for_help_gets_the_help_card(bot: BotServer, fake: FakeSlack) -> None:
    dm = unique("DHELP")

    bot.post(signed(direct_message("help!", channel=dm)))

    [reply] = wait_for_posts(fake, "chat.postMessage", dm)
    assert "/aieng salary" in reply["text"]


# -- nobody asking: never answered -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        {"subtype": "bot_message", "bot_id": "B0OTHER", "user": None, "username": "other bot"},
        {"bot_id": "B0OTHER", "user": "U0OTHERBOT", "app_id": "A0OTHER"},
        {"user": BOT_USER_ID},
        {"subtype": "message_changed", "user": None, "message": {"type": "message", "text": ASKED, "user": "U0ASKER"}},
        {"subtype": "channel_join", "text": f"<@U0ASKER> has joined the channel. {ASKED}"},
        {"user": None},
    ],
    ids=["other-bot", "app-posting-as-user", "the-bot-itself", "an-edit", "a-join", "no-user"],
)
@pytest.mark.parametrize("where", ["D", "C"], ids=["dm", "channel"])
def test_messages_nobody_asked_are_never_answered(
    bot: BotServer, fake: FakeSlack, fields: dict[str, Any], where: str
) -> None:
    conversation = unique(f"{where}NOBODY")

    assert bot.post(signed(message(conversation, fields.pop("text", ASKED), **fields))).status == 200

    assert nothing_posted_to(bot, fake, conversation)


def test_a_mention_without_a_channel_breaks_nothing(bot: BotServer, fake: FakeSlack) -> None:
    since = len(log_text(bot))
    ts = f"{time.time():.6f}"
    trimmed = {"type": "app_mention", "text": f"<@{BOT_USER_ID}> {ASKED}", "user": "U0ASKER", "ts": ts, "event_ts": ts}

    answer = bot.post(signed(event_callback(trimmed, event_id=event_id())))

    assert answer.status == 200
    [line] = wait_for_log(
        bot, lambda line: line.logger == "aieng.requests" and line.fields.get("type") == "mention", since=since
    )
    assert line.fields["outcome"] == "dropped"
    settle(bot, fake)
    assert "Traceback" not in log_text(bot, since)
    assert "aieng.errors" not in log_text(bot, since)


# -- interactions that are not button clicks ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        ("dialog_cancellation", {"callback_id": "some-dialog", "state": ""}),
        ("dialog_submission", {"callback_id": "some-dialog", "submission": {"where": "Tokyo"}, "state": ""}),
        ("workflow_step_edit", {"callback_id": "some-step", "trigger_id": "1.2.3", "workflow_step": {}}),
    ],
)
def test_non_button_interactions_are_not_told_unknown_button(
    bot: BotServer, fake: FakeSlack, kind: str, fields: dict[str, Any]
) -> None:
    response_url = fake.response_url()

    answer = bot.post(signed(interactive(kind, response_url, **fields)))

    assert answer.status < 500
    settle(bot, fake)
    assert fake.responses(response_url) == []
    assert everything_posted_to(fake, "C0GENERAL") == []


def test_an_unknown_button_on_a_message_is_still_explained(bot: BotServer, fake: FakeSlack) -> None:
    response_url = fake.response_url()
    gone = {"action_id": "a-button-of-an-older-version", "value": "x"}

    bot.post(signed(block_actions(gone, response_url=response_url)))

    [told] = fake.wait_for(response_url)
    assert "isn't one I know" in told.body["text"]


# -- channel answers switched off ----------------------------------------------------------------------------


def test_with_channel_answers_off_a_channel_question_gets_nothing(
    fake: FakeSlack, tmp_path_factory: pytest.TempPathFactory
) -> None:
    channel = unique("COFF")
    with running_bot(fake, Path(tmp_path_factory.mktemp("off")), AIENG_CHANNEL_ANSWERS="false") as quiet:
        quiet.post(signed(message(channel, ASKED)))
        quiet.post(signed(message(channel, ASKED, subtype="file_share", files=[a_file()])))

        settle(quiet, fake)
        assert everything_posted_to(fake, channel) == []
        assert [line.fields["outcome"] for line in request_lines(quiet) if line.fields["type"] == "channel"] == [
            "ignore",
            "ignore",
        ]
