"""End to end over HTTP with the store: a 👎 asks what was missing and both land in `python -m bot report`;
and on one PostgreSQL database shared by two `python -m bot serve` processes, as two hosts behind a
load balancer would share it, a retried event is answered once whichever host each delivery
reaches, and a vote cast through one host is in the report read through another. The two-host
tests run when AIENG_TEST_DATABASE_URL is set (tests/store_fixtures.py)."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any
from urllib.parse import quote, unquote

import pytest
from e2e_bot import running_bot
from e2e_http import BotServer, button, settle, wait_for_posts
from fake_slack import FakeSlack
from slack_requests import API_APP_ID, TEAM_ID, block_actions, direct_message, signed, unique
from store_fixtures import bot_command

from bot import ids
from bot.store import feedback
from bot.store.schema import now
from bot.store.store import Store
from handlers.feedback import COMMENT_VIEW

Hosts = tuple[BotServer, BotServer, str]


@pytest.fixture(scope="module")
def sqlite_host(fake: FakeSlack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[BotServer, str]]:
    folder = tmp_path_factory.mktemp("one-host")
    url = f"sqlite:///{folder / 'aieng.sqlite3'}"
    with running_bot(fake, folder, DATABASE_URL=url) as server:
        yield server, url


@pytest.fixture(scope="module")
def hosts(fake: FakeSlack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hosts]:
    from store_fixtures import POSTGRES_ENV, PostgresServer

    database = PostgresServer(os.environ[POSTGRES_ENV])
    url = database.create_database()
    try:
        migrated = bot_command("migrate", url=url)
        assert migrated.returncode == 0, migrated.stderr
        folder = tmp_path_factory.mktemp("two-hosts")
        (folder / "a").mkdir()
        (folder / "b").mkdir()
        with (
            running_bot(fake, folder / "a", DATABASE_URL=url) as first,
            running_bot(fake, folder / "b", DATABASE_URL=url) as second,
        ):
            yield first, second, url
    finally:
        database.drop_all()


@pytest.fixture
def postgres_hosts(postgres_url: str, hosts: Hosts) -> Hosts:
    """`hosts`; asking for postgres_url puts the test in the PostgreSQL half."""
    return hosts


def view_submission(view: dict[str, Any], comment: str, user_id: str) -> str:
    """The `payload=` body Slack posts when someone submits `view` with `comment` typed in."""
    submitted = {
        "id": unique("V"),
        "type": "modal",
        "callback_id": view["callback_id"],
        "private_metadata": view["private_metadata"],
        "state": {"values": {"missing": {"missing_text": {"type": "plain_text_input", "value": comment}}}},
    }
    payload = {
        "type": "view_submission",
        "team": {"id": TEAM_ID, "domain": "aieng-test"},
        "user": {"id": user_id, "username": "asker", "name": "asker", "team_id": TEAM_ID},
        "api_app_id": API_APP_ID,
        "token": "legacy-verification-token",
        "trigger_id": unique("trigger."),
        "view": submitted,
        "response_urls": [],
        "is_enterprise_install": False,
        "enterprise": None,
    }
    return "payload=" + quote(json.dumps(payload))


def vote_down_and_say_why(voting: BotServer, commenting: BotServer, fake: FakeSlack, user: str, why: str) -> str:
    """Ask in a DM through `voting`, click 👎 there, submit the modal through `commenting`; the card's ref."""
    channel = unique("DVOTE")
    assert voting.post(signed(direct_message("what does an ml engineer do", channel=channel, user=user))).status == 200
    [card] = wait_for_posts(fake, "chat.postMessage", channel)
    down = button(card, "👎")
    assert down["action_id"] == ids.FEEDBACK_DOWN
    clicked = block_actions(down, response_url=fake.response_url(), user_id=user)
    trigger = json.loads(unquote(clicked.removeprefix("payload=")))["trigger_id"]
    assert voting.post(signed(clicked)).status == 200
    [opened] = fake.wait_for("views.open", where=lambda c: c.body.get("trigger_id") == trigger)
    view = opened.body["view"]
    view = json.loads(view) if isinstance(view, str) else view
    assert view["callback_id"] == COMMENT_VIEW
    submitted = commenting.post(signed(view_submission(view, why, user)))
    assert submitted.status == 200
    assert submitted.json()["response_action"] == "update"  # the modal turns into a thank-you
    return str(down["value"])


def wait_for_comment(url: str, why: str) -> None:
    """The writes happen after the responses: poll the database, bounded."""
    store = Store.open(url)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if any(v.comment == why for v in feedback.feedback_since(store.engine, now() - timedelta(hours=1))):
                return
            time.sleep(0.1)
    finally:
        store.close()
    raise AssertionError(f"the comment {why!r} was not stored within 30 s")


def report(url: str) -> dict[str, Any]:
    done = bot_command("report", "--json", url=url)
    assert done.returncode == 0, done.stderr
    parsed: dict[str, Any] = json.loads(done.stdout)
    return parsed


def test_a_thumbs_down_asks_what_was_missing_and_the_report_has_both(
    sqlite_host: tuple[BotServer, str], fake: FakeSlack
) -> None:
    server, url = sqlite_host
    why = f"figures for Lisbon {unique('')}"
    vote_down_and_say_why(server, server, fake, unique("U0VOTER"), why)
    wait_for_comment(url, why)
    [rated] = [f for f in report(url)["feedback"] if why in f["comments"]]
    assert (rated["up"], rated["down"]) == (0, 1)


def test_a_retried_event_is_answered_once_across_two_hosts(postgres_hosts: Hosts, fake: FakeSlack) -> None:
    first, second, _ = postgres_hosts
    channel, event_id = unique("DTWOHOSTS"), unique("EvTWOHOSTS")
    body = direct_message("what does an ml engineer do", channel=channel, event_id=event_id)
    assert first.post(signed(body)).status == 200
    assert second.post(signed(body, retry_num=1)).status == 200
    assert first.post(signed(body, retry_num=2)).status == 200
    assert second.post(signed(body, retry_num=3)).status == 200
    wait_for_posts(fake, "chat.postMessage", channel)
    settle(first, fake)
    settle(second, fake)
    assert len([c for c in fake.api_calls("chat.postMessage") if c.channel == channel]) == 1


def test_a_vote_through_one_host_is_in_the_report_read_through_another(postgres_hosts: Hosts, fake: FakeSlack) -> None:
    first, second, url = postgres_hosts
    why = f"what it pays in Lisbon {unique('')}"
    vote_down_and_say_why(first, second, fake, unique("U0VOTER"), why)
    wait_for_comment(url, why)
    read = report(url)
    [rated] = [f for f in read["feedback"] if why in f["comments"]]
    assert (rated["up"], rated["down"]) == (0, 1)
    assert read["counts"]["answer"] >= 1  # the question before the vote, recorded by the first host
