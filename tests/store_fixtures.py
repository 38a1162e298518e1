"""Store fixtures: every store test runs on SQLite, and on PostgreSQL when AIENG_TEST_DATABASE_URL is set.

    def test_x(store: Store) -> None: ...            # runs as test_x[sqlite] and test_x[postgresql]
    def test_y(postgres_url: str) -> None: ...       # PostgreSQL only: an empty database of its own

AIENG_TEST_DATABASE_URL names a PostgreSQL server and a database to connect to (`.ci/run` sets it to
postgresql://postgres@127.0.0.1:5432/test); each test run creates databases of its own there
(aieng_test_<random>) and drops them at the end. Without it the PostgreSQL half is deselected and
the summary says so in plain words.

The whole session also gets a SQLite DATABASE_URL of its own, so no test (nor any server a test
starts) touches the developer's real store.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from sqlalchemy import delete

from bot.store import migrate
from bot.store.schema import metadata
from bot.store.store import Store
from bot.store.urls import normalise_url

REPO = Path(__file__).resolve().parent.parent
POSTGRES_ENV = "AIENG_TEST_DATABASE_URL"
KINDS = ("sqlite", "postgresql")
_state = {"left_off": 0}
_session_dir = Path(tempfile.mkdtemp(prefix="aieng-tests-"))


def pytest_configure(config: pytest.Config) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{_session_dir / 'session.sqlite3'}"


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_session_dir, ignore_errors=True)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "store_kind" in metafunc.fixturenames:
        # A module may share one server per kind across its tests: STORE_KIND_SCOPE = "module".
        metafunc.parametrize("store_kind", KINDS, scope=getattr(metafunc.module, "STORE_KIND_SCOPE", "function"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get(POSTGRES_ENV):
        return
    kept, left_off = [], []
    for item in items:
        params = getattr(item, "callspec", None)
        on_postgres = (params and params.params.get("store_kind") == "postgresql") or "postgres_url" in getattr(
            item, "fixturenames", ()
        )
        (left_off if on_postgres else kept).append(item)
    if left_off:
        _state["left_off"] = len(left_off)
        config.hook.pytest_deselected(items=left_off)
        items[:] = kept


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    left_off = _state["left_off"]
    if left_off:
        terminalreporter.write_line(
            f"PostgreSQL half SKIPPED: {POSTGRES_ENV} is not set, so {left_off} store test(s) did not run on "
            "PostgreSQL (the SQLite half ran). .ci/run sets it; or set it to e.g. "
            "postgresql://postgres@127.0.0.1:5432/test",
            yellow=True,
            bold=True,
        )
    elif os.environ.get(POSTGRES_ENV):
        terminalreporter.write_line(f"PostgreSQL half run too ({POSTGRES_ENV} is set).", green=True)


# -- PostgreSQL databases of this run's own ---------------------------------------------------------


class PostgresServer:
    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self.created: list[str] = []

    def create_database(self) -> str:
        """A new, empty database; its SQLAlchemy URL."""
        name = f"aieng_test_{secrets.token_hex(4)}"
        with psycopg.connect(self.admin_url, autocommit=True, connect_timeout=5) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        parts = urlsplit(self.admin_url)
        return normalise_url(urlunsplit(parts._replace(path=f"/{name}")))

    def drop_all(self) -> None:
        with psycopg.connect(self.admin_url, autocommit=True, connect_timeout=5) as connection:
            for name in self.created:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres_server(postgres_server_or_none: PostgresServer | None) -> PostgresServer:
    if postgres_server_or_none is None:
        raise pytest.UsageError(f"{POSTGRES_ENV} is not set (these tests are deselected without it)")
    return postgres_server_or_none


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """An empty PostgreSQL database of this test's own (no schema yet)."""
    return postgres_server.create_database()


@pytest.fixture(scope="session")
def migrated_urls(postgres_server_or_none: PostgresServer | None) -> dict[str, str]:
    """One migrated database of each kind, made once per session (tests empty it before use)."""
    template = _session_dir / "template.sqlite3"
    urls = {"sqlite": f"sqlite:///{template}"}
    if postgres_server_or_none is not None:
        urls["postgresql"] = postgres_server_or_none.create_database()
    for url in urls.values():
        store = Store.open(url)
        migrate.upgrade(store.engine)
        store.close()
    return urls


@pytest.fixture(scope="session")
def postgres_server_or_none() -> Iterator[PostgresServer | None]:
    admin_url = os.environ.get(POSTGRES_ENV)
    if not admin_url:
        yield None
        return
    server = PostgresServer(admin_url)
    yield server
    server.drop_all()


@pytest.fixture
def store_url(store_kind: str, migrated_urls: dict[str, str], tmp_path: Path) -> str:
    """A migrated, empty database of `store_kind`: a copy of the SQLite template, or the session's
    PostgreSQL database emptied."""
    if store_kind == "sqlite":
        copy = tmp_path / "store.sqlite3"
        shutil.copyfile(urlsplit(migrated_urls["sqlite"]).path, copy)
        return f"sqlite:///{copy}"
    url = migrated_urls["postgresql"]
    store = Store.open(url)
    with store.engine.begin() as connection:
        for table in reversed(metadata.sorted_tables):
            connection.execute(delete(table))
        for name in ("slack_installations", "slack_bots", "slack_oauth_states"):
            connection.exec_driver_sql(f"DELETE FROM {name}")
        connection.exec_driver_sql(
            "UPDATE alembic_version SET version_num = %(head)s", {"head": migrate.head_revision()}
        )
    store.close()
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = Store.open(store_url)
    yield opened
    opened.close()


def bot_command(*args: str, url: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m bot ARGS` on the store at `url` (migrate, report, forget, ...), with `env` set on top of
    this environment and `stdin` as its input; its output captured."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=REPO,
        env={**os.environ, **env, "DATABASE_URL": url},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
