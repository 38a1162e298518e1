"""OAuth install's storage, on SQLite and PostgreSQL: one-time states, one refresh per installation
however many workers find its token expiring, and a workspace forgotten whole."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fake_slack import FakeSlack, Workspace
from slack_bolt import BoltContext
from slack_bolt.authorization import AuthorizeResult
from slack_sdk import WebClient
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import func, insert, select

from bot.config import Settings
from bot.oauth import SerialRefreshAuthorize, oauth_settings
from bot.store import schema
from bot.store.installations import one_time_state_store, refresh_lock
from bot.store.oauth import installation_store
from bot.store.store import Store
from bot.store.workspaces import NOT_ABOUT_A_WORKSPACE, forget_workspace, workspace_tables

CLIENT_ID = "111.222"
WORKERS = 6

# -- one-time state ------------------------------------------------------------------------------


def test_a_state_is_good_for_one_redirect(store: Store) -> None:
    states = one_time_state_store(store.engine)
    state = states.issue()
    assert states.consume(state) is True
    assert states.consume(state) is False


def test_an_expired_state_is_refused(store: Store) -> None:
    states = one_time_state_store(store.engine, expiration_seconds=-1)
    assert states.consume(states.issue()) is False


def test_of_redirects_racing_with_one_state_exactly_one_gets_through(store: Store) -> None:
    states = one_time_state_store(store.engine)
    state = states.issue()
    results = _at_once(lambda: states.consume(state))
    assert sorted(results) == [False] * (WORKERS - 1) + [True]


# -- token refresh -----------------------------------------------------------------------------------


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as running:
        yield running


def _install_expiring(store: Store, workspace: Workspace) -> None:
    """The workspace's installation as Bolt saved it, its token 10 minutes from expiry."""
    installation_store(store.engine, CLIENT_ID).save(
        Installation(
            app_id="AAIENG",
            enterprise_id=None,
            team_id=workspace.team_id,
            bot_token=workspace.bot_token,
            bot_id=workspace.bot_id,
            bot_user_id=workspace.bot_user_id,
            bot_scopes="commands,chat:write",
            bot_refresh_token=workspace.refresh_token,
            bot_token_expires_in=600,
            user_id="UINSTALLER",
            installed_at=time.time(),
        )
    )


def _authorize(store: Store, fake: FakeSlack) -> SerialRefreshAuthorize:
    settings = Settings(client_id=CLIENT_ID, client_secret="secret", signing_secret="s", api_url=fake.api_url)
    client = WebClient(base_url=fake.api_url)
    return SerialRefreshAuthorize(oauth_settings(settings, store.engine), store.engine, client)


def _request_from(authorize: SerialRefreshAuthorize, fake: FakeSlack, team_id: str) -> AuthorizeResult | None:
    context = BoltContext({"client": WebClient(base_url=fake.api_url), "is_enterprise_install": False})
    return authorize(context=context, enterprise_id=None, team_id=team_id, user_id="U1")


def test_an_expiring_token_is_refreshed_once_by_many_workers_at_once(store: Store, fake: FakeSlack) -> None:
    workspace = fake.add_workspace("T300", rotating=True)
    _install_expiring(store, workspace)
    fake.fail("oauth.v2.access", delay=0.3, times=None)  # a slow refresh: the others find it expiring too
    authorizers = [_authorize(store, fake) for _ in range(WORKERS)]  # one per worker, sharing the database
    results = _at_once(lambda: _request_from(authorizers.pop(), fake, "T300"))
    refreshes = [c for c in fake.api_calls("oauth.v2.access") if c.body.get("grant_type") == "refresh_token"]
    assert len(refreshes) == 1
    assert {r.bot_token for r in results if r is not None} == {"xoxb-t300-1"}
    assert len([r for r in results if r is not None]) == WORKERS
    stored = installation_store(store.engine, CLIENT_ID).find_installation(enterprise_id=None, team_id="T300")
    assert stored is not None
    assert (stored.bot_token, stored.bot_refresh_token) == ("xoxb-t300-1", "xoxe-1-t300-1")


def test_a_token_far_from_expiry_is_used_without_refreshing(store: Store, fake: FakeSlack) -> None:
    workspace = fake.add_workspace("T301")
    _install_expiring(store, workspace)
    with store.engine.begin() as connection:  # not rotating after all: no expiry, no refresh token
        connection.exec_driver_sql(
            "UPDATE slack_installations SET bot_token_expires_at = NULL, bot_refresh_token = NULL"
        )
    result = _request_from(_authorize(store, fake), fake, "T301")
    assert result is not None and result.bot_token == "xoxb-t301-0"
    assert fake.api_calls("oauth.v2.access") == []


def test_a_workspace_without_an_installation_gets_no_token(store: Store, fake: FakeSlack) -> None:
    fake.add_workspace("T302")
    assert _request_from(_authorize(store, fake), fake, "T302") is None
    assert fake.api_calls("auth.test") == []


def test_the_refresh_lock_keeps_two_holders_of_one_installation_apart(store: Store) -> None:
    inside, most = [0], [0]
    guard = threading.Lock()

    def hold() -> None:
        with refresh_lock(store.engine, "111.222:-:T1"):
            with guard:
                inside[0] += 1
                most[0] = max(most[0], inside[0])
            time.sleep(0.05)
            with guard:
                inside[0] -= 1

    _at_once(hold)
    assert most[0] == 1


def _at_once(action: Any) -> list[Any]:
    """Run `action` in WORKERS threads released together; their results."""
    start = threading.Barrier(WORKERS)
    results: list[Any] = []
    lock = threading.Lock()

    def run() -> None:
        start.wait()
        result = action()
        with lock:
            results.append(result)

    threads = [threading.Thread(target=run) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(results) == WORKERS, "a worker did not finish"
    return results


# -- forgetting a workspace ---------------------------------------------------------------------------

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
# One row per table about a workspace. A new such table needs its row here (the test below says so).
SAMPLE_ROWS: dict[str, dict[str, Any]] = {
    "feedback": {"user_id": "U1", "card_ref": "salary:senior", "vote": "up", "created_at": NOW, "updated_at": NOW},
    "questions": {"user_id": "U1", "text": "what do seniors make?", "outcome": "answer", "created_at": NOW},
    "roadmap_progress": {"user_id": "U1", "roadmap_id": "swe", "step_key": "1.1", "state": "done", "updated_at": NOW},
    "quiz_results": {"user_id": "U1", "answers": {"background": "swe"}, "result": "role:mle", "created_at": NOW},
}


def test_every_table_is_either_about_a_workspace_or_says_why_not() -> None:
    about = {table.name for table in workspace_tables()}
    unexplained = set(schema.metadata.tables) - about - set(NOT_ABOUT_A_WORKSPACE)
    assert unexplained == set(), f"tables with no team_id column and no reason in NOT_ABOUT_A_WORKSPACE: {unexplained}"
    assert about, "no table has a team_id column: workspace_tables() finds nothing"


def test_every_table_about_a_workspace_has_a_sample_row_here() -> None:
    assert {table.name for table in workspace_tables()} == set(SAMPLE_ROWS)


def test_forgetting_a_workspace_deletes_its_rows_in_every_table_and_keeps_the_others(store: Store) -> None:
    tables = workspace_tables()
    with store.engine.begin() as connection:
        for table in tables:
            for team in ("T1", "T2"):
                connection.execute(insert(table).values(team_id=team, **SAMPLE_ROWS[table.name]))
    deleted = forget_workspace(store.engine, "T1")
    assert deleted == {table.name: 1 for table in tables}
    with store.engine.connect() as connection:
        for table in tables:
            teams = connection.execute(select(table.c.team_id, func.count()).group_by(table.c.team_id)).all()
            assert [tuple(row) for row in teams] == [("T2", 1)], table.name


def test_the_state_a_redirect_brings_back_expires_after_ten_minutes(store: Store) -> None:
    states = one_time_state_store(store.engine)
    state = states.issue()
    table = states.oauth_states
    with store.engine.connect() as connection:
        [expire_at] = connection.execute(select(table.c.expire_at).where(table.c.state == state)).scalars()
    lifetime = expire_at.replace(tzinfo=UTC) - datetime.now(UTC)
    assert timedelta(minutes=9) < lifetime <= timedelta(minutes=10)
