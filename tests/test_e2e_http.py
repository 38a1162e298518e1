"""End to end over HTTP: the real server (`python -m bot serve`, gunicorn + Bolt) in a subprocess,
Slack's side played by signed requests (tests/slack_requests.py) and a fake Web API
(tests/fake_slack.py) that also receives every `respond()` post.

Listeners run after the HTTP response, so tests wait (bounded, polling) for the calls they expect.
To show that something did *not* happen, a test first sends an unrelated request that does post
and waits for that post (`settle`): by then anything the earlier requests set off has arrived.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from e2e_http import (
    NUMBERED,
    BotServer,
    assert_no_live_markup,
    assert_valid_card,
    button,
    buttons,
    click,
    everything_posted_to,
    has_button,
    header,
    http,
    numbered,
    settle,
    slash,
    slash_card,
    wait_for_posts,
)
from fake_slack import ANY_API, BOT_TOKEN, FakeSlack
from slack_requests import (
    BOT_USER_ID,
    FAULTS,
    WRONG_SIGNATURE,
    app_mention,
    block_actions,
    direct_message,
    signed,
    slash_command,
    unique,
    url_verification,
)


@pytest.fixture(scope="module")
def bot(fake: FakeSlack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotServer]:
    from e2e_bot import running_bot  # e2e_bot builds on this module's helpers, so it is imported late

    with running_bot(fake, tmp_path_factory.mktemp("e2e")) as server:
        yield server


def test_healthz_answers_200(bot: BotServer) -> None:
    answer = http("GET", bot.url + "/healthz")

    assert answer.status == 200
    assert answer.text.strip() == "ok"


def test_startup_checks_the_token_against_the_configured_api_url(bot: BotServer, fake: FakeSlack) -> None:
    [first, *_] = fake.wait_for("auth.test")

    assert first.headers["authorization"] == f"Bearer {BOT_TOKEN}"


def test_url_verification_echoes_the_challenge(bot: BotServer) -> None:
    challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"

    answer = bot.post(signed(url_verification(challenge)))

    assert answer.status == 200
    assert answer.json() == {"challenge": challenge}


# -- the slash command -------------------------------------------------------------------------------


def test_slash_salary_is_answered_privately_in_the_ack_and_posts_nothing(bot: BotServer, fake: FakeSlack) -> None:
    channel = unique("CSLASH")

    answer, response_url = slash(bot, fake, "salary senior", channel_id=channel)

    assert answer.status == 200
    assert answer.headers["content-type"].startswith("application/json")
    card = answer.json()
    assert card["response_type"] == "ephemeral"
    assert_valid_card(card)
    assert "salary" in header(card).lower()
    assert has_button(card, "Share in channel")
    settle(bot, fake)
    assert fake.responses(response_url) == []
    assert everything_posted_to(fake, channel) == []


@pytest.mark.parametrize("text", ["help", ""], ids=["help", "no-text"])
def test_slash_help_lists_what_the_bot_knows(bot: BotServer, fake: FakeSlack, text: str) -> None:
    answer, _ = slash(bot, fake, text)

    assert answer.status == 200
    card = answer.json()
    assert card["response_type"] == "ephemeral"
    assert_valid_card(card)
    assert "/aieng" in card["text"]
    assert len(buttons(card)) >= 3, "help offers topics to click"


# -- mentions and DMs --------------------------------------------------------------------------------


def test_a_mention_is_answered_once_in_a_thread_under_it(bot: BotServer, fake: FakeSlack) -> None:
    channel, ts = unique("CMENTION"), f"{time.time():.6f}"

    answer = bot.post(signed(app_mention("what does an ml engineer do", channel=channel, ts=ts)))

    assert answer.status == 200
    [message] = wait_for_posts(fake, "chat.postMessage", channel)
    assert message["thread_ts"] == ts
    assert_valid_card(message)
    settle(bot, fake)
    assert everything_posted_to(fake, channel) == [message]


def test_a_mention_inside_a_thread_is_answered_in_that_thread(bot: BotServer, fake: FakeSlack) -> None:
    channel, parent = unique("CTHREAD"), f"{time.time() - 60:.6f}"

    bot.post(signed(app_mention("roadmap swe", channel=channel, thread_ts=parent)))

    [message] = wait_for_posts(fake, "chat.postMessage", channel)
    assert message["thread_ts"] == parent


def test_a_pay_question_mentioned_in_a_channel_is_answered_only_to_the_asker(bot: BotServer, fake: FakeSlack) -> None:
    channel, user, ts = unique("CPAY"), unique("UPAY"), f"{time.time():.6f}"

    answer = bot.post(signed(app_mention("how much does a senior AI engineer make", channel=channel, user=user, ts=ts)))

    assert answer.status == 200
    [private] = wait_for_posts(fake, "chat.postEphemeral", channel)
    assert private["user"] == user
    assert private["thread_ts"] == ts
    assert_valid_card(private)
    assert "salary" in header(private).lower()
    assert has_button(private, "Share in channel")
    settle(bot, fake)
    assert everything_posted_to(fake, channel) == [private], "nothing about pay goes to the whole channel"


def test_a_direct_message_is_answered_in_the_dm_without_a_thread(bot: BotServer, fake: FakeSlack) -> None:
    dm = unique("DDM")

    answer = bot.post(signed(direct_message("roadmap swe", channel=dm)))

    assert answer.status == 200
    [message] = wait_for_posts(fake, "chat.postMessage", dm)
    assert "thread_ts" not in message
    assert_valid_card(message)
    assert "response_type" not in message


def test_web_api_calls_carry_the_bot_token(bot: BotServer, fake: FakeSlack) -> None:
    dm = unique("DTOKEN")
    bot.post(signed(direct_message("roadmap swe", channel=dm)))
    wait_for_posts(fake, "chat.postMessage", dm)

    [call] = [c for c in fake.api_calls("chat.postMessage") if c.channel == dm]

    assert call.headers["authorization"] == f"Bearer {BOT_TOKEN}"
    assert call.headers["content-type"].startswith("application/json")


def test_a_retried_event_is_answered_once(bot: BotServer, fake: FakeSlack) -> None:
    channel, event_id = unique("CRETRY"), unique("EvRETRY")
    body = app_mention("what does an ml engineer do", channel=channel, event_id=event_id)

    first = bot.post(signed(body))
    retries = [bot.post(signed(body, retry_num=n, retry_reason="http_timeout")) for n in (1, 2, 3)]

    assert first.status == 200
    assert [r.status for r in retries] == [200, 200, 200]
    wait_for_posts(fake, "chat.postMessage", channel)
    settle(bot, fake)
    assert len(everything_posted_to(fake, channel)) == 1


def test_a_retry_of_an_event_never_seen_is_answered(bot: BotServer, fake: FakeSlack) -> None:
    """Slack retries when the first delivery failed; if it never arrived, the retry is all there is."""
    channel = unique("CLOST")

    answer = bot.post(signed(app_mention("what does an ml engineer do", channel=channel), retry_num=1))

    assert answer.status == 200
    wait_for_posts(fake, "chat.postMessage", channel)


def test_the_bots_own_messages_are_ignored(bot: BotServer, fake: FakeSlack) -> None:
    dm = unique("DSELF")
    own = json.loads(direct_message("roadmap swe", channel=dm, user=BOT_USER_ID))
    own["event"]["bot_id"] = "BBOT"

    assert bot.post(signed(json.dumps(own))).status == 200

    settle(bot, fake)
    assert everything_posted_to(fake, dm) == []


# -- buttons -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "where",
    [
        {"is_ephemeral": True},
        {"is_ephemeral": False, "channel_id": "D0ASKERDM"},
    ],
    ids=["ephemeral-card", "card-in-a-dm"],
)
def test_an_open_button_replaces_the_card_only_the_clicker_sees(
    bot: BotServer, fake: FakeSlack, where: dict[str, Any]
) -> None:
    card = slash_card(bot, fake, "salary senior")
    target = numbered_or_first_open(card)

    reply = click(bot, fake, target, **where)

    assert reply["replace_original"] is True
    assert_valid_card(reply)
    assert header(reply) != header(card)


def test_an_open_button_on_a_channel_message_answers_the_clicker_privately(bot: BotServer, fake: FakeSlack) -> None:
    channel = unique("CPUBLIC")
    bot.post(signed(app_mention("roadmap swe", channel=channel)))
    [public] = wait_for_posts(fake, "chat.postMessage", channel)

    reply = click(bot, fake, numbered(public)[0], is_ephemeral=False, channel_id=channel, message=public)

    assert reply["replace_original"] is False, "one person's click must not change what the channel sees"
    assert reply["response_type"] == "ephemeral"
    assert_valid_card(reply)


def numbered_or_first_open(card: dict[str, Any]) -> dict[str, Any]:
    opens = [b for b in buttons(card) if b["action_id"].startswith("aieng_open")]
    assert opens, "the card has buttons that open other cards"
    return (numbered(card) or opens)[0]


def test_share_posts_the_card_for_everyone_crediting_who_shared_it(bot: BotServer, fake: FakeSlack) -> None:
    card = slash_card(bot, fake, "salary senior")
    user = unique("USHARE")

    shared = click(bot, fake, button(card, "Share in channel"), user_id=user)

    assert shared["response_type"] == "in_channel"
    assert shared["replace_original"] is False
    assert_valid_card(shared)
    assert header(shared) == header(card)
    assert f"<@{user}>" in json.dumps(shared["blocks"])
    assert not has_button(shared, "Share in channel")


@pytest.mark.parametrize("vote", ["👍", "👎"], ids=["thumbs-up", "thumbs-down"])
def test_feedback_buttons_get_a_private_thanks(bot: BotServer, fake: FakeSlack, vote: str) -> None:
    card = slash_card(bot, fake, "salary senior")

    thanks = click(bot, fake, button(card, vote))

    assert thanks["response_type"] == "ephemeral"
    assert thanks["replace_original"] is False
    assert "thank" in thanks["text"].lower()


def test_a_whole_roadmap_can_be_walked_with_buttons(bot: BotServer, fake: FakeSlack) -> None:
    """From `/aieng roadmap swe`: every phase, every step, and every Back / Next / Previous button,
    following only what the cards themselves offer. Next and Previous walk one article's plan, across
    its phases; at the plan's ends they lead to the overviews, in the same place."""
    overview = slash_card(bot, fake, "roadmap swe")
    phase_buttons = numbered(overview)
    assert len(phase_buttons) >= 2, "a roadmap has phases to open"

    phases = [click(bot, fake, b) for b in phase_buttons]
    for phase_button, phase in zip(phase_buttons, phases, strict=True):
        assert_valid_card(phase)
        assert phase["replace_original"] is True
        assert _label_core(phase_button) in header(phase)
    assert len({header(p) for p in phases}) == len(phases), "each phase button opens its own phase"

    extras: dict[str, dict[str, Any]] = {}  # every other button seen on the way, clicked once
    plans = _plans(phases)
    assert len(plans) == 2, "the SWE roadmap holds two articles' plans, each its own walk"
    for plan in plans:
        _walk_chain(bot, fake, overview, [phases[i] for i in plan], "phase", overview, extras)
        steps = []
        for i in plan:
            step_buttons = numbered(phases[i])
            assert step_buttons, f"phase {header(phases[i])!r} has steps"
            these = [click(bot, fake, b) for b in step_buttons]
            for step_button, step in zip(step_buttons, these, strict=True):
                assert_valid_card(step)
                assert _label_core(step_button) in header(step)
                assert click(bot, fake, button(step, "Back"))["blocks"] == phases[i]["blocks"]
            steps += these
        first_phase = phases[plan[0]]
        _walk_chain(bot, fake, first_phase, steps, "step", overview, extras, before_first="Phase overview")

    back_to_list = button(overview, "All roadmaps")
    assert_valid_card(click(bot, fake, back_to_list))
    for extra in extras.values():
        assert_valid_card(click(bot, fake, extra))


def _plans(phases: list[dict[str, Any]]) -> list[list[int]]:
    """Runs of phases that Next phase links, found from the cards' own headings ("... of the X plan")."""
    plans: list[list[int]] = []
    for i, phase in enumerate(phases):
        plan = _section_heading(phase).partition(" of the ")[2]
        if plans and _section_heading(phases[plans[-1][-1]]).partition(" of the ")[2] == plan:
            plans[-1].append(i)
        else:
            plans.append([i])
    return plans


def _section_heading(card: dict[str, Any]) -> str:
    sections = [b["text"]["text"] for b in card["blocks"] if b["type"] == "section" and "text" in b]
    text: str = next(t for t in sections if "steps*" in t)
    return text.split("\n")[0]


def _walk_chain(
    bot: BotServer,
    fake: FakeSlack,
    back_to: dict[str, Any],
    chain: list[dict[str, Any]],
    noun: str,
    overview: dict[str, Any],
    extras: dict[str, dict[str, Any]],
    before_first: str = "Roadmap overview",
) -> None:
    """Every card of `chain` starts with Back, Previous and Next in that order. Next leads to the
    following card (the last card's to the roadmap overview), Previous to the one before (the first
    card's to `before_first`); Back leads to `back_to` for phases."""
    for i, card in enumerate(chain):
        labels = [b["text"]["text"] for b in buttons(card)]
        following = f"Next {noun}" if i + 1 < len(chain) else "Roadmap overview"
        previous = f"Previous {noun}" if i > 0 else before_first
        assert labels[:3] == ["Back", previous, following], f"the first three buttons of {header(card)!r}"
        if noun == "phase":
            assert click(bot, fake, button(card, "Back"))["blocks"] == back_to["blocks"]
        after = click(bot, fake, buttons(card)[2])
        expected = chain[i + 1] if i + 1 < len(chain) else overview
        assert after["blocks"] == expected["blocks"], f"Next from {header(card)!r}"
        if i > 0:
            before = click(bot, fake, buttons(card)[1])
            assert before["blocks"] == chain[i - 1]["blocks"], f"Previous from {header(card)!r}"
        navigation = {"Back", f"Next {noun}", f"Previous {noun}", "Share in channel", "👍", "👎"}
        for other in buttons(card):
            if other["action_id"].startswith("aieng_progress"):
                continue  # marks write the clicker's progress (and republish Home): test_progress_e2e.py
            if other["text"]["text"] not in navigation and not NUMBERED.match(other["text"]["text"]):
                extras.setdefault(other["value"], other)


def _label_core(button: dict[str, Any]) -> str:
    """The button's label without its number and any "…": the start of the header it opens."""
    return NUMBERED.sub("", button["text"]["text"]).rstrip("…")[:40]


# -- requests Slack did not send ---------------------------------------------------------------------


def _slash_body(fake: FakeSlack, channel: str) -> str:
    return slash_command("salary senior", response_url=fake.response_url(), channel_id=channel)


def _click_body(fake: FakeSlack, channel: str) -> str:
    share = {"action_id": "aieng_share", "value": "s:level=senior", "type": "button"}
    return block_actions(share, response_url=fake.response_url(), channel_id=channel)


def _mention_body(fake: FakeSlack, channel: str) -> str:
    return app_mention("what does an ml engineer do", channel=channel)


def _dm_body(fake: FakeSlack, channel: str) -> str:
    return direct_message("roadmap swe", channel="D" + channel)


def _challenge_body(fake: FakeSlack, channel: str) -> str:
    return url_verification("challenge-" + channel)


BODIES = {
    "slash-command": _slash_body,
    "button-click": _click_body,
    "app-mention": _mention_body,
    "direct-message": _dm_body,
    "url-verification": _challenge_body,
}


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("kind", list(BODIES))
def test_a_request_slack_did_not_sign_gets_401_and_does_nothing(
    bot: BotServer, fake: FakeSlack, kind: str, fault: str
) -> None:
    channel = unique("CFORGED")
    before = len(fake.calls())
    body = BODIES[kind](fake, channel)

    answer = bot.post(signed(body, fault=fault))

    assert answer.status == 401
    assert "challenge" not in answer.text
    assert "blocks" not in answer.text
    settle(bot, fake)
    unexpected = [c for c in fake.calls()[before:] if not _is_settle_call(c.body)]
    assert unexpected == [], "a rejected request made Web API calls or respond() posts"


@pytest.mark.parametrize(
    "body",
    [b"payload=not-json", b"{not json", b"\xff\xfe not utf-8", b""],
    ids=["form-not-json", "json-not-json", "not-utf-8", "empty"],
)
def test_an_unsigned_malformed_body_gets_401_not_a_server_error(bot: BotServer, fake: FakeSlack, body: bytes) -> None:
    answer = bot.post(signed(body, fault=WRONG_SIGNATURE))

    assert answer.status == 401
    assert answer.json() == {"error": "invalid request"}


def _is_settle_call(body: Any) -> bool:
    return isinstance(body, dict) and str(body.get("channel", "")).startswith("DSETTLE")


def test_a_correctly_signed_copy_of_the_same_request_is_accepted(bot: BotServer, fake: FakeSlack) -> None:
    """The 401s above are about the signature, not the request: signed properly it is answered."""
    channel = unique("CGENUINE")

    answer = bot.post(signed(_mention_body(fake, channel)))

    assert answer.status == 200
    wait_for_posts(fake, "chat.postMessage", channel)


# -- people's words never become mentions or links ---------------------------------------------------

HOSTILE = {
    "broadcasts": "how do I become an AI engineer <!channel> <!here> <!everyone>",
    "mentions": "zzqx <@U123> <@U123|bob> <!subteam^S123|team>",
    "links": "florp <https://x|y> <https://evil.example> <mailto:a@b.example|mail> <#C123|general>",
    "broken-markup": "blorp <!channel <<!here>> < !channel > <!date^1^{date}|x>",
    "pre-escaped": "qq &lt;!channel&gt; &amp;lt;@U1&amp;gt;",
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_markup_in_a_slash_command_is_not_echoed_live(bot: BotServer, fake: FakeSlack, text: str) -> None:
    answer, _ = slash(bot, fake, text)

    assert answer.status == 200
    card = answer.json()
    assert_valid_card(card)
    assert_no_live_markup(card)


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize("surface", ["mention", "dm"])
def test_hostile_markup_in_a_message_is_not_echoed_live(
    bot: BotServer, fake: FakeSlack, surface: str, text: str
) -> None:
    channel = unique("CHOSTILE") if surface == "mention" else unique("DHOSTILE")
    body = app_mention(text, channel=channel) if surface == "mention" else direct_message(text, channel=channel)

    assert bot.post(signed(body)).status == 200

    fake.wait_for(ANY_API, where=lambda c: c.channel == channel)
    settle(bot, fake)
    sent = everything_posted_to(fake, channel)
    for payload in sent:
        assert_no_live_markup(payload)
        for target in buttons(payload):  # "None of these", say, carries the question back
            if target["action_id"] != "aieng_share":  # sharing credits the sharer with a real mention
                assert_no_live_markup(click(bot, fake, target, is_ephemeral=False, channel_id=channel))


# -- when Slack's Web API misbehaves -------------------------------------------------------------------


def _in(channel: str) -> Any:
    return lambda call: call.channel == channel


@pytest.mark.parametrize(
    "fault",
    [{"status": 429, "headers": {"Retry-After": "1"}}, {"status": 503}, {"status": 500}],
    ids=["rate-limited", "unavailable", "server-error"],
)
def test_a_post_slack_refuses_for_a_moment_is_sent_again(
    bot: BotServer, fake: FakeSlack, fault: dict[str, Any]
) -> None:
    dm = unique("DFLAKY")
    fake.fail("chat.postMessage", **fault, where=_in(dm))

    assert bot.post(signed(direct_message("roadmap swe", channel=dm))).status == 200

    refused, sent = wait_for_posts(fake, "chat.postMessage", dm, count=2)
    assert refused == sent


def test_not_in_channel_is_explained_privately_to_the_asker(bot: BotServer, fake: FakeSlack) -> None:
    channel, user = unique("CNOTIN"), unique("UNOTIN")
    fake.fail("chat.postMessage", error="not_in_channel", where=_in(channel))

    bot.post(signed(app_mention("what does an ml engineer do", channel=channel, user=user)))

    [explained] = wait_for_posts(fake, "chat.postEphemeral", channel)
    assert explained["user"] == user
    assert "/invite" in explained["text"]
