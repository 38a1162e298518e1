"""The schema: made by the migrations shipped in the package, agreeing with the tables the code queries
and with slack_sdk's OAuth stores, and checked before serving."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import MetaData, inspect, text
from store_fixtures import REPO, bot_command

from bot.store import migrate, oauth
from bot.store.schema import REVISION, metadata
from bot.store.store import Store, open_store, revision_of

SLACK_TABLES = {"slack_installations", "slack_bots", "slack_oauth_states"}


def _differences(store: Store, target: MetaData) -> list[object]:
    """What Alembic finds different between the database and `target`, on the tables `target` has."""

    def described(name: str | None, kind: str, parents: dict[str, str | None]) -> bool:
        if kind == "schema":
            return True
        table = name if kind == "table" else parents.get("table_name")
        return table in target.tables

    with store.engine.connect() as connection:
        options = {"compare_type": True, "include_name": described}
        return list(compare_metadata(MigrationContext.configure(connection, opts=options), target))


def test_the_migrations_make_the_tables_the_code_queries(store: Store) -> None:
    assert _differences(store, metadata) == []


def test_the_migrations_make_slack_sdks_oauth_tables_as_slack_sdk_defines_them(store: Store) -> None:
    slack = MetaData()
    SQLAlchemyInstallationStore.build_installations_table(slack, "slack_installations")
    SQLAlchemyInstallationStore.build_bots_table(slack, "slack_bots")
    SQLAlchemyOAuthStateStore.build_oauth_states_table(slack, "slack_oauth_states")
    assert set(slack.tables) == SLACK_TABLES
    assert _differences(store, slack) == []


def test_slack_sdks_installation_store_works_on_our_database(store: Store) -> None:
    installations = oauth.installation_store(store.engine, client_id="111.222")
    installations.save(
        Installation(
            app_id="A1",
            enterprise_id=None,
            team_id="T1",
            user_id="U1",
            bot_token="xoxb-test-token",
            bot_id="B1",
            bot_user_id="UB1",
            bot_scopes=["commands", "chat:write"],
        )
    )
    bot = installations.find_bot(enterprise_id=None, team_id="T1")
    assert bot is not None and bot.bot_token == "xoxb-test-token"
    assert installations.find_bot(enterprise_id=None, team_id="T2") is None


def test_slack_sdks_oauth_state_store_works_on_our_database(store: Store) -> None:
    states = oauth.oauth_state_store(store.engine, expiration_seconds=60)
    state = states.issue()
    assert states.consume(state) is True
    assert states.consume(state) is False  # one use only
    assert states.consume("never-issued") is False


def test_a_time_comes_back_as_it_went_in_in_utc(store: Store) -> None:
    from bot.store import questions

    in_paris = datetime(2026, 6, 1, 14, 30, tzinfo=UTC).astimezone(__import__("zoneinfo").ZoneInfo("Europe/Paris"))
    questions.record_question(store.engine, "T1", "U1", "q", "fallback", at=in_paris)
    [row] = questions.questions_since(store.engine, in_paris - timedelta(minutes=1))
    assert row.created_at == datetime(2026, 6, 1, 14, 30, tzinfo=UTC)
    assert row.created_at.tzinfo is UTC


# -- where a database stands --------------------------------------------------------------------------


def test_a_migrated_schema_is_current(store: Store) -> None:
    state = migrate.schema_state(store.engine)
    assert (state.current, state.standing) == (migrate.head_revision(), "current")
    migrate.require_current(store.engine)  # does not raise


def test_the_revision_the_tables_describe_is_alembics_head(store: Store) -> None:
    assert migrate.head_revision() == REVISION, "a new migration: bot/store/schema.py's REVISION follows it"
    assert revision_of(store.engine) == REVISION


def test_a_database_never_migrated_has_no_revision(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert revision_of(store.engine) is None
    store.close()
    open_store(f"sqlite:///{tmp_path / 'empty.sqlite3'}").close()  # a SQLite file is migrated on opening
    assert revision_of(Store.open(f"sqlite:///{tmp_path / 'empty.sqlite3'}").engine) == REVISION


def test_serving_a_current_database_does_not_load_alembic(store_url: str) -> None:
    """Its imports are a tenth of a second of every start: only a migration needs them."""
    script = (
        "import sys, aieng.wsgi\n"
        "from bot.store.store import open_store\n"
        f"open_store({store_url!r}).close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True)
    assert run.stdout.strip() == "[]", run.stderr


def test_an_empty_postgresql_database_is_behind_and_refused(postgres_url: str) -> None:
    store = Store.open(postgres_url)
    try:
        assert migrate.schema_state(store.engine).standing == "behind"
        with pytest.raises(migrate.SchemaBehind, match=r"run `python -m bot migrate` first"):
            open_store(postgres_url)
        migrate.upgrade(store.engine)
        assert migrate.schema_state(store.engine).standing == "current"
        open_store(postgres_url).close()  # now accepted
    finally:
        store.close()


def test_a_sqlite_file_is_migrated_when_opened(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'aieng.sqlite3'}"
    opened = open_store(url)
    try:
        assert migrate.schema_state(opened.engine).standing == "current"
        with opened.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        opened.close()


def test_a_schema_newer_than_this_version_is_let_through(store: Store) -> None:
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffff_from_the_future'"))
    state = migrate.require_current(store.engine)
    assert state.standing == "unknown"


def test_migrations_go_down_and_up_again(store: Store) -> None:
    from alembic import command

    with store.engine.begin() as connection:
        command.downgrade(migrate._config(connection), "base")
    assert set(inspect(store.engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(store.engine)
    assert set(metadata.tables) | SLACK_TABLES <= set(inspect(store.engine).get_table_names())


# -- the command line ---------------------------------------------------------------------------------


def test_migrate_upgrades_then_says_it_is_current(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.sqlite3'}"
    first = bot_command("migrate", url=url)
    assert first.returncode == 0, first.stderr
    assert f"upgraded from empty to revision {migrate.head_revision()}" in first.stdout
    again = bot_command("migrate", url=url)
    assert f"already at revision {migrate.head_revision()}" in again.stdout


def test_migrate_on_postgresql_names_the_database_without_its_password(postgres_url: str) -> None:
    with_password = postgres_url.replace("postgres@", "postgres:s3cret@", 1)  # trust auth ignores it
    done = bot_command("migrate", url=with_password.replace("postgresql+psycopg://", "postgres://"))
    assert done.returncode == 0, done.stderr
    assert "revision" in done.stdout and "s3cret" not in done.stdout and "***" in done.stdout


def test_migrate_says_plainly_when_the_database_cannot_be_reached() -> None:
    done = bot_command("migrate", url="postgresql://postgres:pw@127.0.0.1:1/nowhere")
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("aieng: cannot reach the database at postgresql+psycopg://postgres:***@127.0.0.1:1/")
    assert "Traceback" not in done.stderr


@pytest.mark.e2e  # starts `serve` in a subprocess
def test_serve_refuses_to_start_on_a_postgresql_schema_behind(postgres_url: str) -> None:
    slack = {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "secret", "SLACK_APP_TOKEN": ""}
    done = bot_command("serve", "--port", "1", url=postgres_url, **slack)
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert line == (
        f"aieng: the database schema is empty, this version needs {migrate.head_revision()}: "
        "run `python -m bot migrate` first"
    )


def test_the_local_chat_migrates_its_sqlite_file_itself(tmp_path: Path) -> None:
    database = tmp_path / "chat" / "aieng.sqlite3"
    done = bot_command("chat", url=f"sqlite:///{database}", stdin="/aieng help\n")
    assert done.returncode == 0, done.stderr
    opened = Store.open(f"sqlite:///{database}")
    try:
        assert migrate.schema_state(opened.engine).standing == "current"
    finally:
        opened.close()
