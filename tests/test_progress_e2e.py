"""Roadmap progress and App Home end to end over HTTP: the real server, signed requests, the fake Web API.

Mark a step done, open Home, see "1 of N done"; a second person's Home shows none of it; a click on
a step the content no longer has is refused privately and changes nothing; `/aieng progress` and
its reset with a confirm button; a Home button opens its card in the person's DM.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from e2e_http import (
    BotServer,
    assert_valid_card,
    button,
    buttons,
    click,
    header,
    numbered,
    slash,
    slash_card,
    wait_for_posts,
)
from fake_slack import FakeSlack
from slack_requests import API_APP_ID, TEAM_ID, event_callback, signed, unique

from bot.content import Library

SWE = "swe-to-ai-engineer"


@pytest.fixture(scope="module")
def bot(fake: FakeSlack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotServer]:
    from e2e_bot import running_bot

    with running_bot(fake, tmp_path_factory.mktemp("progress")) as server:
        yield server


def swe_steps(library: Library) -> int:
    return sum(len(phase.steps) for phase in library.roadmaps[SWE].phases)


def first_step_card(bot: BotServer, fake: FakeSlack, user: str) -> dict[str, Any]:
    """`/aieng roadmap swe`, its first phase, that phase's first step, as `user` clicks through."""
    overview = slash_card(bot, fake, "roadmap swe")
    phase = click(bot, fake, numbered(overview)[0], user_id=user)
    return click(bot, fake, numbered(phase)[0], user_id=user)


def open_home(bot: BotServer, fake: FakeSlack, user: str) -> dict[str, Any]:
    """The person opens the app's Home tab; the view the bot publishes for them."""
    event = {
        "type": "app_home_opened",
        "user": user,
        "channel": unique("D"),
        "tab": "home",
        "event_ts": f"{time.time():.6f}",
    }
    before = len(published(fake, user))
    assert bot.post(signed(event_callback(event))).status == 200
    fake.wait_for("views.publish", where=lambda c: c.body.get("user_id") == user, count=before + 1)
    return published(fake, user)[-1]


def published(fake: FakeSlack, user: str) -> list[dict[str, Any]]:
    views = []
    for call in fake.api_calls("views.publish"):
        if call.body.get("user_id") == user:
            view = call.body["view"]
            views.append(json.loads(view) if isinstance(view, str) else view)
    return views


def view_text(view: dict[str, Any]) -> str:
    return json.dumps(view["blocks"], ensure_ascii=False)


def home_buttons(view: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for block in view["blocks"]:
        found += [e for e in block.get("elements", []) if e.get("type") == "button"]
        if (block.get("accessory") or {}).get("type") == "button":
            found.append(block["accessory"])
    return found


def test_a_step_marked_done_shows_on_the_card_and_in_home_and_nowhere_else(
    bot: BotServer, fake: FakeSlack, library: Library
) -> None:
    me, other = unique("UMARK"), unique("UOTHER")
    step = first_step_card(bot, fake, me)
    labels = [b["text"]["text"] for b in buttons(step)]
    assert labels[:7] == ["Back", "Phase overview", "Next step", "✓ Done", "◐ Learning", "↷ Skip", "Reset step"]

    marked = click(bot, fake, button(step, "✓ Done"), user_id=me)

    assert marked["replace_original"] is True, "the clicker's own (ephemeral) card changes in place"
    assert_valid_card(marked)
    assert header(marked) == header(step)
    assert "This step: ✓ done" in json.dumps(marked["blocks"], ensure_ascii=False)
    total = swe_steps(library)
    assert f"1 of {total} done" in json.dumps(marked["blocks"], ensure_ascii=False)

    home = open_home(bot, fake, me)
    assert f"1 of {total} done" in view_text(home)
    assert "Software engineer to AI engineer" in view_text(home)
    assert any(b["text"]["text"] == "Continue" for b in home_buttons(home))
    assert len(home["blocks"]) <= 100

    theirs = open_home(bot, fake, other)
    assert "of " + str(total) + " done" not in view_text(theirs)
    assert "haven't started a roadmap" in view_text(theirs)


def test_marking_a_step_republishes_home(bot: BotServer, fake: FakeSlack, library: Library) -> None:
    me = unique("UREPUB")
    step = first_step_card(bot, fake, me)
    click(bot, fake, button(step, "◐ Learning"), user_id=me)
    fake.wait_for("views.publish", where=lambda c: c.body.get("user_id") == me)
    assert f"0 of {swe_steps(library)} done (1 learning)" in view_text(published(fake, me)[-1])


def test_a_mark_on_a_channel_message_answers_only_the_clicker(bot: BotServer, fake: FakeSlack) -> None:
    me = unique("UCHAN")
    step = first_step_card(bot, fake, me)
    channel = unique("CPUBLIC")

    reply = click(bot, fake, button(step, "✓ Done"), user_id=me, is_ephemeral=False, channel_id=channel, message=step)

    assert reply["replace_original"] is False, "one person's progress never changes what the channel sees"
    assert reply["response_type"] == "ephemeral"


def test_a_click_on_a_step_the_content_no_longer_has_is_refused_and_changes_nothing(
    bot: BotServer, fake: FakeSlack
) -> None:
    me = unique("USTALE")
    stale = {
        "action_id": "aieng_progress_done",
        "type": "button",
        "text": {"type": "plain_text", "text": "✓ Done"},
        "value": f"{SWE}|a-phase-since-removed/a-step-since-removed",
    }

    reply = click(bot, fake, stale, user_id=me)

    assert reply["response_type"] == "ephemeral"
    assert "no longer in this roadmap" in reply["text"]
    assert "haven't started a roadmap" in view_text(open_home(bot, fake, me))


def test_progress_command_shows_it_privately_and_reset_clears_it_after_confirming(
    bot: BotServer, fake: FakeSlack, library: Library
) -> None:
    me = unique("URESET")
    click(bot, fake, button(first_step_card(bot, fake, me), "✓ Done"), user_id=me)

    shown = slash_private(bot, fake, "progress", me)
    assert f"Software engineer to AI engineer: 1 of {swe_steps(library)} done" in json.dumps(
        shown["blocks"], ensure_ascii=False
    )

    confirm = slash_private(bot, fake, "progress reset swe", me)
    assert "Clear your progress?" in header(confirm)
    assert f"1 of {swe_steps(library)} done" in json.dumps(slash_private(bot, fake, "progress", me)["blocks"]), (
        "asking for a reset clears nothing until it is confirmed"
    )

    cleared = click(bot, fake, button(confirm, "Yes, clear it"), user_id=me)
    assert "Cleared your progress on Software engineer to AI engineer" in json.dumps(cleared["blocks"])
    fake.wait_for("views.publish", where=lambda c: c.body.get("user_id") == me, count=2)
    assert "haven't started a roadmap" in view_text(published(fake, me)[-1])


def test_a_home_button_opens_its_card_in_the_persons_dm(bot: BotServer, fake: FakeSlack) -> None:
    me = unique("UHOME")
    click(bot, fake, button(first_step_card(bot, fake, me), "✓ Done"), user_id=me)
    home = open_home(bot, fake, me)
    go_on = next(b for b in home_buttons(home) if b["text"]["text"] == "Continue")

    answer = bot.post(signed(home_click(go_on, me)))
    assert answer.status == 200

    [card] = wait_for_posts(fake, "chat.postMessage", me)
    assert_valid_card(card)
    assert "Build 2-3 small ML projects" in header(card), "Continue opens the first step not done"


def slash_private(bot: BotServer, fake: FakeSlack, text: str, user: str) -> dict[str, Any]:
    answer, response_url = slash(bot, fake, text, user_id=user)
    assert answer.status == 200
    [posted] = fake.wait_for(response_url)
    body: dict[str, Any] = posted.body
    assert body["response_type"] == "ephemeral"
    return body


def home_click(element: dict[str, Any], user: str) -> str:
    """The `payload=` body of a click in the Home tab: a view container, no channel, no response_url."""
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": "me", "name": "me", "team_id": TEAM_ID},
        "api_app_id": API_APP_ID,
        "container": {"type": "view", "view_id": "VHOME1"},
        "trigger_id": f"{int(time.time())}.{unique('')}.0123",
        "team": {"id": TEAM_ID, "domain": "aieng-test"},
        "view": {"id": "VHOME1", "type": "home", "blocks": []},
        "actions": [
            {
                "action_id": element["action_id"],
                "block_id": "b1",
                "text": element["text"],
                "value": element.get("value", ""),
                "type": "button",
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }
    return "payload=" + quote(json.dumps(payload))


def test_home_shows_the_persons_own_recent_questions_and_nobody_elses(bot: BotServer, fake: FakeSlack) -> None:
    me, other = unique("UASKS"), unique("UNOSY")
    slash(bot, fake, "what do senior ai engineers earn in germany", user_id=me)
    deadline = time.monotonic() + 20  # questions are written by the store's writer thread, after the reply
    while "senior ai engineers earn in germany" not in view_text(home := open_home(bot, fake, me)):
        assert time.monotonic() < deadline, "the question never showed in the asker's Home"
        time.sleep(0.2)
    assert "Your recent questions" in view_text(home)
    assert "earn in germany" not in view_text(open_home(bot, fake, other))
