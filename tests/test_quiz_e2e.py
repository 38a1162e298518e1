"""The career quiz end to end over HTTP: `/aieng quiz` and the Quiz buttons open the modal, a submission
posts the plan privately or is refused inside the modal."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, quote, unquote

import pytest
from assistant_requests import thread_message, thread_ts
from e2e_http import (
    BotServer,
    assert_valid_card,
    button,
    buttons,
    everything_posted_to,
    header,
    settle,
    slash,
    slash_card,
    wait_for_posts,
)
from fake_slack import FakeSlack
from slack_limits import problems
from slack_requests import API_APP_ID, TEAM_ID, VERIFICATION_TOKEN, block_actions, signed, slash_command, unique
from slack_sdk.models.views import View

from bot import ids
from bot.store.quiz import latest_result
from bot.store.store import Store

QUESTIONS = ("background", "years", "goal", "location", "company")
A_PLAN = {
    "background": "data-scientist",
    "years": "2-5",
    "goal": "models",
    "location": "uk",
    "company": "ai-startup",
}


@pytest.fixture(scope="module")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('quiz-store') / 'aieng.sqlite3'}"


@pytest.fixture(scope="module")
def bot(fake: FakeSlack, tmp_path_factory: pytest.TempPathFactory, database_url: str) -> Iterator[BotServer]:
    from e2e_bot import running_bot

    with running_bot(fake, tmp_path_factory.mktemp("quiz"), DATABASE_URL=database_url) as server:
        yield server


def opened_views(fake: FakeSlack, trigger_id: str) -> list[dict[str, Any]]:
    views = []
    for call in fake.api_calls("views.open"):
        if call.body.get("trigger_id") == trigger_id:
            view = call.body["view"]
            views.append(json.loads(view) if isinstance(view, str) else view)
    return views


def trigger_of(form_or_payload: str) -> str:
    fields = parse_qs(form_or_payload)
    if "payload" in fields:
        return str(json.loads(unquote(fields["payload"][0]))["trigger_id"])
    return fields["trigger_id"][0]


def submission(view: dict[str, Any], chosen: dict[str, str], *, user: str) -> str:
    """The `payload=` body Slack sends when the person presses the modal's submit button."""
    values: dict[str, Any] = {}
    for block in view["blocks"]:
        if block["type"] != "input":
            continue
        element = block["element"]
        options = {o["value"]: o for o in element["options"]}
        picked = chosen.get(block["block_id"])
        values[block["block_id"]] = {
            element["action_id"]: {"type": "static_select", "selected_option": options[picked] if picked else None}
        }
    payload = {
        "type": "view_submission",
        "team": {"id": TEAM_ID, "domain": "aieng-test"},
        "user": {"id": user, "username": "asker", "name": "asker", "team_id": TEAM_ID},
        "api_app_id": API_APP_ID,
        "token": VERIFICATION_TOKEN,
        "trigger_id": f"{int(time.time())}.{unique('')}.abcdefabcdefabcdefabcdefabcdef12",
        "view": {**view, "id": unique("V"), "state": {"values": values}, "team_id": TEAM_ID},
        "response_urls": [],
        "is_enterprise_install": False,
    }
    return "payload=" + quote(json.dumps(payload))


def open_quiz_by_slash(bot: BotServer, fake: FakeSlack) -> tuple[Any, dict[str, Any]]:
    form = slash_command("quiz", response_url=fake.response_url(), channel_id=unique("CQUIZ"))
    answer = bot.post(signed(form))
    [view] = opened_views(fake, trigger_of(form))
    return answer, view


def assert_modal_within_limits(view: dict[str, Any]) -> None:
    parsed = View(**view)
    assert parsed.to_dict() == view  # slack_sdk validates: title <= 24, 1..100 blocks, lengths
    assert len(view["blocks"]) <= 100
    inputs = [b for b in view["blocks"] if b["type"] == "input"]
    assert [b["block_id"] for b in inputs] == list(QUESTIONS)
    for block in inputs:
        assert block.get("optional", False) is False, "every question is required"
        options = block["element"]["options"]
        assert 2 <= len(options) <= 100
        assert all(len(o["text"]["text"]) <= 75 and len(o["value"]) <= 150 for o in options)
    assert len(json.dumps(view)) < 250_000


def test_slash_quiz_opens_the_modal_inside_the_acknowledgement(bot: BotServer, fake: FakeSlack) -> None:
    answer, view = open_quiz_by_slash(bot, fake)  # opened_views looks without waiting: already there

    assert answer.status == 200
    assert answer.body == b"", "the ack carries no card: the modal is the answer"
    assert view["type"] == "modal" and view["callback_id"] == ids.QUIZ_VIEW
    assert_modal_within_limits(view)


def test_a_complete_submission_closes_the_modal_and_sends_the_plan_to_the_dm(bot: BotServer, fake: FakeSlack) -> None:
    _, view = open_quiz_by_slash(bot, fake)
    user = unique("UQUIZ")

    answer = bot.post(signed(submission(view, A_PLAN, user=user)))

    assert answer.status == 200
    assert answer.body == b"", "an empty 200 closes the modal"
    [plan] = wait_for_posts(fake, "chat.postMessage", user)
    assert_valid_card(plan)
    assert problems(plan) == []
    assert header(plan) == "Your AI engineering plan"
    text = plan["text"]
    assert "Machine Learning Engineer" in text and "Research Engineer" in text
    assert "The articles give no mid-level figure for the United Kingdom" in text
    assert "£" in text, "the nearest figures are the UK's own"
    assert "Data scientist to AI engineer" in text
    roadmap = button(plan, "Open the roadmap: Data scientist to AI engineer")
    assert ids.PLAN_OPEN_PATTERN.match(roadmap["action_id"])


def test_the_submitted_plan_is_kept_as_the_persons_latest_result(
    bot: BotServer, fake: FakeSlack, database_url: str
) -> None:
    _, view = open_quiz_by_slash(bot, fake)
    user = unique("UQUIZ")

    bot.post(signed(submission(view, A_PLAN, user=user)))
    wait_for_posts(fake, "chat.postMessage", user)

    store = Store.open(database_url)
    try:
        latest = latest_result(store.engine, TEAM_ID, user)
    finally:
        store.close()
    assert latest is not None
    assert latest.answers == A_PLAN
    assert latest.result == "r:ds-to-ai-engineer"


def test_a_plan_drill_down_opens_below_the_plan(bot: BotServer, fake: FakeSlack) -> None:
    _, view = open_quiz_by_slash(bot, fake)
    user, dm = unique("UQUIZ"), unique("DQUIZ")
    bot.post(signed(submission(view, A_PLAN, user=user)))
    [plan] = wait_for_posts(fake, "chat.postMessage", user)
    roadmap = button(plan, "Open the roadmap: Data scientist to AI engineer")

    response_url = fake.response_url()
    body = block_actions(roadmap, response_url=response_url, channel_id=dm, is_ephemeral=False, message=plan)
    assert bot.post(signed(body)).status == 200

    [card] = wait_for_posts(fake, "chat.postMessage", dm)
    assert_valid_card(card)
    assert header(card) == "Data scientist to AI engineer"
    assert fake.responses(response_url) == [], "the plan is not replaced"


def test_an_empty_submission_is_refused_in_the_modal_and_posts_nothing(bot: BotServer, fake: FakeSlack) -> None:
    _, view = open_quiz_by_slash(bot, fake)
    user = unique("UQUIZ")

    answer = bot.post(signed(submission(view, {}, user=user)))

    assert answer.status == 200
    refusal = answer.json()
    assert refusal["response_action"] == "errors"
    assert set(refusal["errors"]) == set(QUESTIONS)
    assert all(isinstance(why, str) and why for why in refusal["errors"].values())
    settle(bot, fake)
    assert everything_posted_to(fake, user) == []


def test_one_missing_answer_is_the_only_error(bot: BotServer, fake: FakeSlack) -> None:
    _, view = open_quiz_by_slash(bot, fake)
    chosen = {k: v for k, v in A_PLAN.items() if k != "location"}

    answer = bot.post(signed(submission(view, chosen, user=unique("UQUIZ"))))

    assert answer.json() == {"response_action": "errors", "errors": {"location": "Please choose one."}}


def test_the_help_cards_quiz_button_opens_the_modal(bot: BotServer, fake: FakeSlack) -> None:
    help_card = slash_card(bot, fake, "help")
    quiz = button(help_card, "Career quiz")
    form = block_actions(quiz, response_url=fake.response_url())

    answer = bot.post(signed(form))

    assert answer.status == 200
    [view] = opened_views(fake, trigger_of(form))
    assert_modal_within_limits(view)


def test_a_quiz_opened_in_the_assistant_panel_answers_in_that_thread(bot: BotServer, fake: FakeSlack) -> None:
    dm, thread, user = unique("DPANEL"), thread_ts(), unique("UQUIZ")
    bot.post(signed(thread_message("quiz", dm, thread, user=user)))
    [offer] = wait_for_posts(fake, "chat.postMessage", dm)
    assert offer["thread_ts"] == thread
    quiz = button(offer, "Take the career quiz")
    message = {**offer, "thread_ts": thread}
    form = block_actions(quiz, response_url=fake.response_url(), channel_id=dm, is_ephemeral=False, message=message)
    bot.post(signed(form))
    [view] = opened_views(fake, trigger_of(form))

    bot.post(signed(submission(view, A_PLAN, user=user)))

    [_, plan] = wait_for_posts(fake, "chat.postMessage", dm, count=2)
    assert plan["thread_ts"] == thread
    assert header(plan) == "Your AI engineering plan"
    assert everything_posted_to(fake, user) == [], "not also in the plain DM"


def test_when_slack_will_not_open_the_modal_the_person_is_told(bot: BotServer, fake: FakeSlack) -> None:
    form = slash_command("quiz", response_url=fake.response_url(), channel_id=unique("CQUIZ"))
    trigger = trigger_of(form)
    fake.fail("views.open", error="expired_trigger_id", where=lambda c: c.body.get("trigger_id") == trigger)

    answer = bot.post(signed(form))

    assert answer.status == 200
    assert answer.json()["response_type"] == "ephemeral"
    assert "couldn't open the quiz" in answer.json()["text"]


def test_other_slash_commands_are_not_taken_by_the_quiz(bot: BotServer, fake: FakeSlack) -> None:
    answer, _ = slash(bot, fake, "salary senior")

    assert answer.status == 200
    assert "salary" in header(answer.json()).lower()
    assert buttons(answer.json())
