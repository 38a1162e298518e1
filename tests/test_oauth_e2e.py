"""OAuth install end to end over HTTP: `python -m bot serve` with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET,
against the fake Web API, on SQLite and on PostgreSQL (one server per kind; each test's workspaces
are its own).

Two workspaces install the app through GET /slack/install and GET /slack/oauth_redirect; each is
answered with its own bot token (one of them rotating, refreshed on its first request); a state is
good for one redirect; a workspace that never installed is refused; one that uninstalls is
forgotten (its installation and its rows) while the other keeps being answered.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from contextlib import closing
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from e2e_bot import LogLine, event_id, log_lines, log_size, log_text, running_bot, wait_for_log
from e2e_http import BotServer, HttpAnswer, http
from fake_slack import Call, FakeSlack, Workspace
from slack_requests import BOT_USER_ID, app_mention, direct_message, event_callback, signed, unique
from sqlalchemy import bindparam, func, insert, select, text
from store_fixtures import PostgresServer

from bot.store import migrate, schema
from bot.store.store import Store

CLIENT_ID = "1111.2222"
REDIRECT_URI = "https://aieng.example/slack/oauth_redirect"
STATE_COOKIE = "slack-app-oauth-state"
NOW = schema.now()


STORE_KIND_SCOPE = "module"  # one server per kind of database for the whole module


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as running:
        yield running


@pytest.fixture(scope="module")
def database_url(
    store_kind: str,
    migrated_urls: dict[str, str],
    postgres_server_or_none: PostgresServer | None,
    tmp_path_factory: pytest.TempPathFactory,
) -> str:
    """A migrated database of this module's own."""
    if store_kind == "sqlite":
        copy = tmp_path_factory.mktemp("oauth") / "store.sqlite3"
        shutil.copyfile(urlsplit(migrated_urls["sqlite"]).path, copy)
        return f"sqlite:///{copy}"
    assert postgres_server_or_none is not None  # deselected otherwise
    url = postgres_server_or_none.create_database()
    with closing(Store.open(url)) as fresh:
        migrate.upgrade(fresh.engine)
    return url


@pytest.fixture(scope="module")
def bot(fake: FakeSlack, database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotServer]:
    settings = {
        "SLACK_BOT_TOKEN": "",  # no single workspace's token: each installation brings its own
        "SLACK_CLIENT_ID": CLIENT_ID,
        "SLACK_CLIENT_SECRET": "client-secret-for-tests",
        "SLACK_REDIRECT_URI": REDIRECT_URI,
        "DATABASE_URL": database_url,
    }
    with running_bot(fake, tmp_path_factory.mktemp("oauth-server"), **settings) as server:
        yield server


@pytest.fixture(scope="module")
def store(database_url: str) -> Iterator[Store]:
    opened = Store.open(database_url)
    yield opened
    opened.close()


def workspace(fake: FakeSlack, rotating: bool = False, expires_in: int = 43200) -> Workspace:
    return fake.add_workspace(unique("T"), rotating=rotating, expires_in=expires_in)


def installed_teams(store: Store, table: str, teams: tuple[str, ...]) -> list[str]:
    query = text(f"SELECT DISTINCT team_id FROM {table} WHERE team_id IN :teams ORDER BY team_id")
    with store.engine.connect() as connection:
        return list(
            connection.execute(query.bindparams(bindparam("teams", expanding=True)), {"teams": teams}).scalars()
        )


def exchanges(fake: FakeSlack, *codes: str) -> list[Call]:
    return [c for c in fake.api_calls("oauth.v2.access") if c.body.get("code") in codes]


# -- installing ---------------------------------------------------------------------------------------


def open_install_page(bot: BotServer) -> tuple[HttpAnswer, str]:
    """GET /slack/install: the page, and the state its Add to Slack link carries."""
    page = http("GET", bot.url + "/slack/install")
    assert page.status == 200, page.text
    [link] = re.findall(r'href="([^"]*oauth/v2/authorize[^"]*)"', page.text)
    state = parse_qs(urlsplit(link.replace("&amp;", "&")).query)["state"][0]
    return page, state


def redirect(bot: BotServer, page: HttpAnswer, state: str, code: str) -> HttpAnswer:
    """Slack sends the browser back to the redirect URL with a code and the state (and its cookie)."""
    cookie = SimpleCookie(page.headers["set-cookie"])[STATE_COOKIE].value
    query = urlencode({"code": code, "state": state})
    return http("GET", f"{bot.url}/slack/oauth_redirect?{query}", headers={"Cookie": f"{STATE_COOKIE}={cookie}"})


def install(bot: BotServer, workspace: Workspace) -> None:
    page, state = open_install_page(bot)
    answer = redirect(bot, page, state, workspace.code)
    assert answer.status == 200, answer.text


# -- Slack's requests from a given workspace ----------------------------------------------------------


def from_team(body: str, workspace: Workspace | str) -> str:
    """A request the helpers build for team T1, as workspace `workspace` would send it."""
    team = workspace if isinstance(workspace, str) else workspace.team_id
    bot_user = f"UBOT{team}" if isinstance(workspace, str) else workspace.bot_user_id
    envelope: dict[str, Any] = json.loads(body.replace(f"<@{BOT_USER_ID}>", f"<@{bot_user}>"))
    envelope["team_id"] = envelope["context_team_id"] = team
    envelope["authorizations"][0].update(team_id=team, user_id=bot_user)
    envelope["event"]["team"] = team
    envelope["event_id"] = event_id()
    return json.dumps(envelope)


def mention(bot: BotServer, fake: FakeSlack, workspace: Workspace | str) -> str:
    """@aieng in a channel of `workspace`; the channel, to find the reply by."""
    channel = unique("COAUTH")
    answer = bot.post(signed(from_team(app_mention("roadmap swe", channel=channel), workspace)))
    assert answer.status == 200, answer.text
    return channel


def reply_token(fake: FakeSlack, channel: str) -> str | None:
    [reply] = fake.wait_for("chat.postMessage", where=lambda c: c.channel == channel)
    return reply.token


def uninstall(bot: BotServer, workspace: Workspace) -> None:
    event = {"type": "app_uninstalled", "event_ts": "1700000000.000100"}
    answer = bot.post(signed(from_team(event_callback(event), workspace)))
    assert answer.status == 200, answer.text


def forgotten(line: LogLine, team: str) -> bool:
    return (
        line.logger == "aieng.oauth" and line.message.startswith("workspace forgotten") and line.fields["team"] == team
    )


def refused(line: LogLine, team: str) -> bool:
    return line.logger == "aieng.oauth" and line.message.startswith("request refused") and line.fields["team"] == team


# -- the tests ------------------------------------------------------------------------------------------


def test_the_install_page_links_to_the_authorize_page_beside_slack_api_url(bot: BotServer, fake: FakeSlack) -> None:
    page, state = open_install_page(bot)
    [link] = re.findall(r'href="([^"]*oauth/v2/authorize[^"]*)"', page.text)
    parts = urlsplit(link.replace("&amp;", "&"))
    query = parse_qs(parts.query)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == fake.url + "/oauth/v2/authorize"
    assert query["client_id"] == [CLIENT_ID]
    assert query["redirect_uri"] == [REDIRECT_URI]
    assert "chat:write" in query["scope"][0].split(",")
    assert SimpleCookie(page.headers["set-cookie"])[STATE_COOKIE].value == state


def test_two_workspaces_install_and_each_is_answered_with_its_own_token(
    bot: BotServer, fake: FakeSlack, store: Store
) -> None:
    one = workspace(fake)
    two = workspace(fake, rotating=True, expires_in=3600)  # within the 2-hour refresh window
    first_token = two.bot_token
    install(bot, one)
    install(bot, two)
    [exchange_one, exchange_two] = exchanges(fake, one.code, two.code)
    assert (exchange_one.body["code"], exchange_one.body["redirect_uri"]) == (one.code, REDIRECT_URI)
    assert exchange_two.body["code"] == two.code
    with store.engine.connect() as connection:
        query = text(
            "SELECT team_id, bot_token FROM slack_installations WHERE team_id IN (:one, :two) ORDER BY team_id"
        )
        rows = connection.execute(query, {"one": one.team_id, "two": two.team_id}).all()
    assert [tuple(row) for row in rows] == [(one.team_id, one.bot_token), (two.team_id, first_token)]

    assert reply_token(fake, mention(bot, fake, one)) == one.bot_token
    # two's token expires within two hours: its first request refreshes it, and is answered with the new one
    assert reply_token(fake, mention(bot, fake, two)) == two.bot_token != first_token
    assert reply_token(fake, mention(bot, fake, one)) == one.bot_token


def test_a_state_is_refused_the_second_time(bot: BotServer, fake: FakeSlack, store: Store) -> None:
    one, two = workspace(fake), workspace(fake)
    page, state = open_install_page(bot)
    assert redirect(bot, page, state, one.code).status == 200
    again = redirect(bot, page, state, two.code)
    assert again.status >= 400
    assert [c.body["code"] for c in exchanges(fake, one.code, two.code)] == [one.code]
    assert installed_teams(store, "slack_installations", (one.team_id, two.team_id)) == [one.team_id]


def test_a_redirect_without_the_state_cookie_installs_nothing(bot: BotServer, fake: FakeSlack) -> None:
    one = workspace(fake)
    _, state = open_install_page(bot)
    answer = http("GET", f"{bot.url}/slack/oauth_redirect?{urlencode({'code': one.code, 'state': state})}")
    assert answer.status >= 400
    assert exchanges(fake, one.code) == []


def test_a_workspace_that_never_installed_is_refused_and_logged_once(bot: BotServer, fake: FakeSlack) -> None:
    one, stranger = workspace(fake), workspace(fake)
    install(bot, one)
    since = log_size(bot)
    refused_channels = [mention(bot, fake, stranger) for _ in range(2)]
    dm = signed(from_team(direct_message("roadmap swe", channel=unique("DOAUTH")), stranger))
    assert bot.post(dm).status == 200
    assert reply_token(fake, mention(bot, fake, one)) == one.bot_token  # answered after the three refusals
    [line] = wait_for_log(bot, lambda line: refused(line, stranger.team_id), since=since)
    assert line.level == "WARNING"
    assert [c for c in fake.api_calls("chat.postMessage") if c.channel in refused_channels] == []
    assert not any(c.token == stranger.bot_token for c in fake.api_calls())
    assert "Traceback" not in bot.log.read_text()
    assert "Although the app should be installed" not in log_text(bot, since)  # Bolt's line, replaced by ours


def test_uninstalling_forgets_one_workspace_and_the_other_keeps_working(
    bot: BotServer, fake: FakeSlack, store: Store
) -> None:
    one, two = workspace(fake), workspace(fake)
    teams = (one.team_id, two.team_id)
    install(bot, one)
    install(bot, two)
    with store.engine.begin() as connection:
        for team in teams:
            connection.execute(
                insert(schema.questions).values(team_id=team, user_id="U1", text="q", outcome="answer", created_at=NOW)
            )
            connection.execute(
                insert(schema.feedback).values(
                    team_id=team, user_id="U1", card_ref="r", vote="up", created_at=NOW, updated_at=NOW
                )
            )
    since = log_size(bot)
    uninstall(bot, one)
    fake.revoke(one.team_id)
    [line] = wait_for_log(
        bot,
        lambda line: line.message.startswith("workspace forgotten") and line.fields["team"] == one.team_id,
        since=since,
    )
    assert (line.fields["why"], line.fields["rows"]) == ("app_uninstalled", "2")
    assert installed_teams(store, "slack_installations", teams) == [two.team_id]
    assert installed_teams(store, "slack_bots", teams) == [two.team_id]
    with store.engine.connect() as connection:
        for table in (schema.questions, schema.feedback):
            counts = connection.execute(
                select(table.c.team_id, func.count()).where(table.c.team_id.in_(teams)).group_by(table.c.team_id)
            ).all()
            assert [tuple(row) for row in counts] == [(two.team_id, 1)], table.name

    gone = mention(bot, fake, one)
    assert reply_token(fake, mention(bot, fake, two)) == two.bot_token
    wait_for_log(bot, lambda line: refused(line, one.team_id), since=since)
    assert [c for c in fake.api_calls("chat.postMessage") if c.channel == gone] == []


def test_revoking_the_bot_token_forgets_the_workspace_too(bot: BotServer, fake: FakeSlack, store: Store) -> None:
    one = workspace(fake)
    install(bot, one)
    since = log_size(bot)
    event = {"type": "tokens_revoked", "tokens": {"oauth": [], "bot": [one.bot_user_id]}, "event_ts": "1700000000.1"}
    assert bot.post(signed(from_team(event_callback(event), one))).status == 200
    [line] = wait_for_log(
        bot,
        lambda line: line.message.startswith("workspace forgotten") and line.fields["team"] == one.team_id,
        since=since,
    )
    assert line.fields["why"] == "tokens_revoked"
    assert installed_teams(store, "slack_installations", (one.team_id,)) == []


def test_revoking_only_a_persons_token_keeps_the_workspace(bot: BotServer, fake: FakeSlack, store: Store) -> None:
    one = workspace(fake)
    install(bot, one)
    since = log_size(bot)
    event = {"type": "tokens_revoked", "tokens": {"oauth": ["U0SOMEONE"], "bot": []}, "event_ts": "1700000000.2"}
    assert bot.post(signed(from_team(event_callback(event), one))).status == 200
    wait_for_log(bot, lambda line: line.message.startswith("user tokens revoked"), since=since)
    assert installed_teams(store, "slack_installations", (one.team_id,)) == [one.team_id]
    assert reply_token(fake, mention(bot, fake, one)) == one.bot_token
    assert not any(forgotten(line, one.team_id) for line in log_lines(bot, since))
