"""DATABASE_URL: its default, its accepted forms, and the one form SQLAlchemy is given.

Standard library only: `bot.config` checks the setting at start, and commands that never open the
store (`ask`, `check`) should not pay for importing SQLAlchemy.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

Dialect = Literal["sqlite", "postgresql"]

SQLITE_FILE_NAME = "aieng.sqlite3"
_POSTGRES_SCHEMES = ("postgres", "postgresql", "postgresql+psycopg")
_SQLITE_SCHEMES = ("sqlite", "sqlite+pysqlite")


class DatabaseUrlError(ValueError):
    """DATABASE_URL names something the bot cannot use; the message says what is accepted."""


def default_sqlite_path(env: Mapping[str, str] | None = None) -> Path:
    """$XDG_DATA_HOME/aieng/aieng.sqlite3, that is ~/.local/share/aieng/aieng.sqlite3 by default."""
    env = os.environ if env is None else env
    data_home = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "aieng" / SQLITE_FILE_NAME


def default_database_url(env: Mapping[str, str] | None = None) -> str:
    return f"sqlite:///{default_sqlite_path(env)}"


def normalise_url(raw: str) -> str:
    """The URL SQLAlchemy is given: postgres:// and postgresql:// become postgresql+psycopg://."""
    value = raw.strip()
    scheme, separator, rest = value.partition("://")
    scheme = scheme.lower()
    if not separator:
        raise DatabaseUrlError("DATABASE_URL must be a URL such as sqlite:///path/to/file or postgresql://host/db")
    if scheme in _POSTGRES_SCHEMES:
        if not urlsplit(value).hostname and "host=" not in rest:
            raise DatabaseUrlError(f"DATABASE_URL names no PostgreSQL host ({describe(value)})")
        return "postgresql+psycopg://" + rest
    if scheme in _SQLITE_SCHEMES:
        path = rest[1:] if rest.startswith("/") else ""
        if not path or path == ":memory:":
            raise DatabaseUrlError("DATABASE_URL must name a SQLite file (sqlite:///path/to/file), not memory")
        return "sqlite:///" + path
    raise DatabaseUrlError(f"DATABASE_URL must start with sqlite:///, postgresql:// or postgres://, not {scheme}://")


def dialect_of(url: str) -> Dialect:
    return "sqlite" if url.lower().startswith("sqlite") else "postgresql"


def describe(url: str) -> str:
    """The URL with any password replaced by ***, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))
