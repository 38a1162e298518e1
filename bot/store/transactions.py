"""Store functions run on an Engine (in a transaction of their own) or on a Connection (in the
transaction its holder began: the store's writer runs every queued write of a drain in one)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

Database = Engine | Connection


@contextmanager
def writing(db: Database) -> Iterator[Connection]:
    """A connection in a transaction: the caller's, or a new one committed at the end."""
    if isinstance(db, Connection):
        yield db
        return
    with db.begin() as connection:
        yield connection


@contextmanager
def reading(db: Database) -> Iterator[Connection]:
    if isinstance(db, Connection):
        yield db
        return
    with db.connect() as connection:
        yield connection
