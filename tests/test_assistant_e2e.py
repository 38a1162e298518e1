"""The assistant panel end to end over HTTP: the real server, signed assistant events, the fake Web API."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from assistant_requests import context_changed, thread_message, thread_started, thread_ts
from e2e_http import (
    BotServer,
    assert_no_live_markup,
    assert_valid_card,
    button,
    buttons,
    everything_posted_to,
    header,
    settle,
    wait_for_posts,
)
from fake_slack import Call, FakeSlack
from slack_requests import block_actions, signed, unique

from bot import ids
from bot.panel import SUGGESTED_PROMPTS


@pytest.fixture(scope="module")
def bot(fake: FakeSlack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotServer]:
    from e2e_bot import running_bot

    with running_bot(fake, tmp_path_factory.mktemp("assistant")) as server:
        yield server


def in_thread(method: str, channel: str) -> Any:
    """A `where` for the assistant.threads.* calls, which name the DM as channel_id."""
    return lambda call: isinstance(call.body, dict) and call.body.get("channel_id") == channel


def thread_calls(fake: FakeSlack, method: str, channel: str) -> list[Call]:
    return [c for c in fake.api_calls(method) if in_thread(method, channel)(c)]


def test_a_new_thread_is_greeted_with_suggested_prompts(bot: BotServer, fake: FakeSlack) -> None:
    dm, thread = unique("DPANEL"), thread_ts()

    answer = bot.post(signed(thread_started(dm, thread)))

    assert answer.status == 200
    [prompts] = fake.wait_for("assistant.threads.setSuggestedPrompts", where=in_thread("", dm))
    assert prompts.body["thread_ts"] == thread
    offered = prompts.body["prompts"]
    assert 3 <= len(offered) <= 4
    assert all(p["title"].strip() and p["message"].strip() for p in offered)
    [greeting] = wait_for_posts(fake, "chat.postMessage", dm)
    assert greeting["thread_ts"] == thread
    assert_valid_card(greeting)
    assert button(greeting, "Take the career quiz")["action_id"] == ids.QUIZ


def test_a_question_in_the_thread_is_answered_once_in_that_thread(bot: BotServer, fake: FakeSlack) -> None:
    dm, thread = unique("DPANEL"), thread_ts()

    answer = bot.post(signed(thread_message("roadmap swe", dm, thread)))

    assert answer.status == 200
    [card] = wait_for_posts(fake, "chat.postMessage", dm)
    assert card["thread_ts"] == thread
    assert_valid_card(card)
    assert_no_live_markup(card)
    assert "software engineer" in header(card).lower()
    settle(bot, fake)
    assert everything_posted_to(fake, dm) == [card], "answered once: by the panel, not again as a DM"


def test_the_thread_shows_a_status_while_working_and_takes_its_first_question_as_title(
    bot: BotServer, fake: FakeSlack
) -> None:
    dm, thread = unique("DPANEL"), thread_ts()

    bot.post(signed(thread_message("what does an ml engineer do?", dm, thread)))
    [first] = wait_for_posts(fake, "chat.postMessage", dm)
    bot.post(signed(thread_message("roadmap swe", dm, thread)))
    wait_for_posts(fake, "chat.postMessage", dm, count=2)

    [title] = thread_calls(fake, "assistant.threads.setTitle", dm)
    assert title.body["title"] == "what does an ml engineer do?"
    assert title.body["thread_ts"] == thread
    statuses = thread_calls(fake, "assistant.threads.setStatus", dm)
    assert len(statuses) == 2 and all(s.body["status"] and s.body["thread_ts"] == thread for s in statuses)
    [post] = [c for c in fake.api_calls("chat.postMessage") if c.channel == dm and c.body == first]
    assert statuses[0].received <= post.received, "the status shows before the answer arrives"


def test_an_answer_still_arrives_when_slack_refuses_the_status(bot: BotServer, fake: FakeSlack) -> None:
    dm, thread = unique("DPANEL"), thread_ts()
    fake.fail("assistant.threads.setStatus", error="missing_scope", where=in_thread("", dm))

    bot.post(signed(thread_message("roadmap swe", dm, thread)))

    [card] = wait_for_posts(fake, "chat.postMessage", dm)
    assert card["thread_ts"] == thread
    assert_valid_card(card)


def test_the_thread_context_is_kept_and_attached_to_answers(bot: BotServer, fake: FakeSlack) -> None:
    dm, thread = unique("DPANEL"), thread_ts()
    bot.post(signed(thread_started(dm, thread, context_channel="C0FIRST")))
    wait_for_posts(fake, "chat.postMessage", dm)

    assert bot.post(signed(context_changed(dm, thread, context_channel="C0SECOND"))).status == 200
    bot.post(signed(thread_message("roadmap swe", dm, thread)))

    [_, answer] = wait_for_posts(fake, "chat.postMessage", dm, count=2)
    assert answer["metadata"]["event_type"] == "assistant_thread_context"
    assert answer["metadata"]["event_payload"]["channel_id"] == "C0SECOND"
    assert fake.api_calls("conversations.replies") == [], "the context comes from memory, not Slack's history"


def test_buttons_on_an_answer_in_the_thread_work_as_in_a_dm(bot: BotServer, fake: FakeSlack) -> None:
    dm, thread = unique("DPANEL"), thread_ts()
    bot.post(signed(thread_message("roadmap swe", dm, thread)))
    [card] = wait_for_posts(fake, "chat.postMessage", dm)
    first_phase = buttons(card)[0]

    for clicked in (first_phase, button(card, "👍")):
        response_url = fake.response_url()
        body = block_actions(clicked, response_url=response_url, channel_id=dm, is_ephemeral=False, message=card)
        assert bot.post(signed(body)).status == 200
        [reply] = fake.wait_for(response_url)
        if clicked is first_phase:
            assert reply.body["replace_original"] is True, "a drill-down replaces the card in place"
            assert_valid_card(reply.body)
        else:
            assert reply.body["text"].startswith("Thanks")


def test_a_suggested_prompt_sent_in_the_thread_gets_an_answer_card(bot: BotServer, fake: FakeSlack) -> None:
    dm, thread = unique("DPANEL"), thread_ts()

    bot.post(signed(thread_message(SUGGESTED_PROMPTS[0].message, dm, thread)))

    [card] = wait_for_posts(fake, "chat.postMessage", dm)
    assert_valid_card(card)
    assert any(b["text"]["text"] == "👍" for b in buttons(card)), "an answer card with feedback buttons"
