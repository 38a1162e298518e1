"""Installations (slack_sdk's SQLAlchemy stores on our database) and what OAuth install adds to them:
a one-time state that only one redirect can use, and a lock per installation for token refresh.

Slack's refresh tokens are single-use: two workers refreshing one installation at once would each
spend the same refresh token, and whichever saved last could leave a token Slack no longer honours.
`refresh_lock` serialises refreshes per installation across every worker that shares the database:
a PostgreSQL advisory lock (every host), or an exclusive lock on a file beside the SQLite database
(every worker of this host; SQLite is one host's store).
"""

from __future__ import annotations

import fcntl
import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Engine, and_, text

from bot.store.oauth import OAUTH_STATE_SECONDS

_memory_locks: dict[str, threading.Lock] = {}
_memory_locks_guard = threading.Lock()


class OneTimeStateStore(SQLAlchemyOAuthStateStore):
    """slack_sdk's state store, but a state is used up by one atomic DELETE: of two redirects carrying
    the same state at once, exactly one gets through (slack_sdk's own selects, then deletes)."""

    def consume(self, state: str) -> bool:
        now = datetime.now(UTC).replace(tzinfo=None)  # the table stores naive UTC, as slack_sdk writes it
        c = self.oauth_states.c
        with self.engine.begin() as connection:
            deleted = connection.execute(self.oauth_states.delete().where(and_(c.state == state, c.expire_at > now)))
        return deleted.rowcount > 0


def one_time_state_store(engine: Engine, expiration_seconds: int = OAUTH_STATE_SECONDS) -> OneTimeStateStore:
    return OneTimeStateStore(expiration_seconds=expiration_seconds, engine=engine)


def installation_key(client_id: str, enterprise_id: str | None, team_id: str | None) -> str:
    return f"{client_id}:{enterprise_id or '-'}:{team_id or '-'}"


@contextmanager
def refresh_lock(engine: Engine, key: str) -> Iterator[None]:
    """Held by one worker at a time for `key` (one installation), on every host sharing `engine`'s database."""
    if engine.dialect.name == "postgresql":
        with _advisory_lock(engine, key):
            yield
    elif engine.url.database and engine.url.database != ":memory:":
        with _file_lock(Path(engine.url.database).with_suffix(".token-refresh.lock")):
            yield
    else:  # an in-memory database lives in one process
        with _memory_lock(key):
            yield


@contextmanager
def _advisory_lock(engine: Engine, key: str) -> Iterator[None]:
    lock_id = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:id)"), {"id": lock_id})
        connection.commit()
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:id)"), {"id": lock_id})
            connection.commit()


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    # flock belongs to this open file, so it also keeps apart two threads of one worker.
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def _memory_lock(key: str) -> Iterator[None]:
    with _memory_locks_guard:
        lock = _memory_locks.setdefault(key, threading.Lock())
    with lock:
        yield
