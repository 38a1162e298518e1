"""The one place the two dialects differ for us: INSERT ... ON CONFLICT, which both spell the same way
but SQLAlchemy builds from each dialect's own `insert`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, Table
from sqlalchemy.dialects import postgresql, sqlite


def insert_for(engine: Engine | Connection) -> Callable[[Table], Any]:
    """The dialect's `insert` (it has on_conflict_do_nothing/do_update); `Any`: the two differ in type only."""
    return postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert
