"""The assistant panel's own words and memory, without Slack."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

import assistant_requests
import pytest
import slack_requests
from slack_bolt.request import payload_utils

from bot import ids
from bot.answering import Engine
from bot.delivery import message_payload
from bot.panel import MAX_TITLE, SUGGESTED_PROMPTS, Prompt, greeting_card, thread_title
from bot.rendering import render
from handlers.assistant import ThreadMemory, answer_in_thread, may_be_for_assistant

MAX_PROMPTS = 4  # Slack shows at most four suggested prompts


@pytest.mark.parametrize("prompt", SUGGESTED_PROMPTS, ids=[p.title for p in SUGGESTED_PROMPTS])
def test_each_suggested_prompt_gets_a_clear_answer(engine: Engine, prompt: Prompt) -> None:
    reply = engine.answer(prompt.message, "dm")

    assert reply.kind == "answer", f"{prompt} should show off an answer, got {reply.kind}"


def test_there_are_three_or_four_prompts_with_distinct_answers(engine: Engine) -> None:
    topics = {engine.answer(p.message, "dm").topic_id for p in SUGGESTED_PROMPTS}

    assert 3 <= len(SUGGESTED_PROMPTS) <= MAX_PROMPTS
    assert len(topics) == len(SUGGESTED_PROMPTS), "each prompt shows a different kind of answer"


def test_the_greeting_offers_the_quiz_and_no_feedback_buttons() -> None:
    payload = render(greeting_card()).payload()

    elements = [e for b in payload["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert payload["text"].strip()
    assert [e["action_id"] for e in elements] == [ids.QUIZ], "one button: the quiz; no 👍/👎 on a greeting"


def test_a_short_question_is_its_own_title() -> None:
    assert thread_title("  what does an  ML engineer do? ") == "what does an ML engineer do?"


def test_a_long_question_is_cut_at_a_word_with_an_ellipsis() -> None:
    question = "how do I move from data science into AI engineering if I have never shipped software to production"

    title = thread_title(question)

    assert len(title) <= MAX_TITLE
    assert title.endswith("…")
    assert question.startswith(title[:-1])
    assert question[len(title) - 1] == " ", "cut between words"


def test_markup_never_reaches_a_title() -> None:
    assert thread_title("<@U123> salary <!channel>") == "salary"
    assert thread_title("   ") == "Career question"


def test_thread_memory_keeps_the_latest_context_per_thread() -> None:
    memory = ThreadMemory()
    memory.save(channel_id="D1", thread_ts="1.0", context={"channel_id": "C1"})
    memory.save(channel_id="D1", thread_ts="1.0", context={"channel_id": "C2"})

    found = memory.find(channel_id="D1", thread_ts="1.0")

    assert found is not None and found.channel_id == "C2"
    assert memory.find(channel_id="D1", thread_ts="2.0") is None


def test_thread_memory_titles_a_thread_once_and_forgets_the_oldest_threads() -> None:
    memory = ThreadMemory(max_threads=2)

    assert memory.first_question("D1", "1") is True
    assert memory.first_question("D1", "1") is False
    memory.first_question("D1", "2")
    memory.first_question("D1", "3")

    assert memory.first_question("D1", "1") is True, "the oldest thread was forgotten"


def test_a_question_sent_with_a_file_is_read_from_its_blocks_like_any_message(engine: Engine) -> None:
    """A message with a file can come with `text` empty and the words only in its rich-text blocks."""
    question = "what does an mlops engineer do?"
    event = {
        "type": "message",
        "subtype": "file_share",
        "channel": "D1",
        "thread_ts": "1.0",
        "user": "U1",
        "text": "",
        "files": [{"id": "F1", "name": "cv.pdf"}],
        "blocks": [
            {
                "type": "rich_text",
                "elements": [{"type": "rich_text_section", "elements": [{"type": "text", "text": question}]}],
            }
        ],
    }
    said: list[dict[str, object]] = []
    titles: list[str] = []

    answer_in_thread(event, lambda **p: said.append(p), lambda _: None, titles.append, ThreadMemory(), engine)

    assert said == [message_payload("dm", engine.answer(question, "dm"))]
    assert titles == [thread_title(question)]


def test_the_assistant_is_passed_over_only_for_what_bolts_assistant_could_never_take() -> None:
    """Every body Bolt's Assistant would take (its own predicates) reaches it; slash commands,
    clicks, mentions, channel messages and other events go on to the listeners without it."""
    channel, thread = "D0PANEL", "1700000000.000100"
    panel = [
        assistant_requests.thread_started(channel, thread),
        assistant_requests.context_changed(channel, thread, context_channel="C0OTHER"),
        assistant_requests.thread_message("salary senior", channel, thread),
    ]
    others = [
        slack_requests.slash_command("salary", response_url="http://127.0.0.1:9/r"),
        slack_requests.block_actions({"action_id": ids.SHARE, "value": "t:x"}, response_url="http://127.0.0.1:9/r"),
        slack_requests.app_mention("salary"),
        slack_requests.url_verification("challenge"),
        slack_requests.event_callback({"type": "app_home_opened", "user": "U0ASKER", "tab": "home"}),
    ]
    bodies = [json.loads(b) for b in panel] + [_parsed(b) for b in others]
    for body in bodies:
        bolt_takes = payload_utils.is_assistant_event(body) or (
            payload_utils.is_other_message_sub_event_in_assistant_thread(body)
        )
        if bolt_takes:
            assert may_be_for_assistant(body), body
    assert all(may_be_for_assistant(json.loads(b)) for b in panel)
    assert not any(may_be_for_assistant(_parsed(b)) for b in others)
    # A DM outside the panel is a message event: the Assistant sees it (and passes it on itself).
    assert may_be_for_assistant(json.loads(slack_requests.direct_message("hi")))


def _parsed(raw: str) -> dict[str, object]:
    """A body as Bolt parses it: JSON, a form with a JSON `payload`, or a plain form."""
    if raw.startswith("{"):
        return dict(json.loads(raw))
    form = dict(parse_qsl(raw))
    return dict(json.loads(form["payload"])) if "payload" in form else dict(form)
