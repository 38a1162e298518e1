"""The SQLAlchemy engine for DATABASE_URL (read and normalised by bot.store.urls).

Two kinds of database are supported:

- SQLite, the default: one file on this host (`default_sqlite_path()`), in WAL mode so readers never
  wait for the writer; enough for the local chat, Socket Mode and a single HTTP host.
- PostgreSQL (`postgresql://` or the `postgres://` form hosting platforms hand out), through
  psycopg 3: for production and for more than one host sharing what the bot remembers.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

# Short waits: a store that cannot answer at once must not hold a request (the answer goes anyway).
CONNECT_TIMEOUT_SECONDS = 3
STATEMENT_TIMEOUT_MS = 5000
POOL_TIMEOUT_SECONDS = 2
SQLITE_BUSY_TIMEOUT_MS = 5000


def build_engine(url: str) -> Engine:
    """A pooled engine for a normalised URL (nothing connects yet)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    return create_engine(
        parsed,
        pool_size=5,
        max_overflow=10,
        pool_timeout=POOL_TIMEOUT_SECONDS,
        pool_recycle=1800,
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_SECONDS,
            "application_name": "aieng",
            "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
        },
    )


def _sqlite_engine(url: URL) -> Engine:
    busy_seconds = SQLITE_BUSY_TIMEOUT_MS / 1000
    engine = create_engine(url, pool_timeout=POOL_TIMEOUT_SECONDS, connect_args={"timeout": busy_seconds})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")  # readers never wait for the one writer
        cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; no fsync per commit
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine


def sqlite_file(url: str) -> Path:
    return Path(str(make_url(url).database)).expanduser()
