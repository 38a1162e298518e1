"""The schema, upgraded by Alembic from inside the package (no alembic.ini, no working directory needed).

`upgrade` brings a database to the newest revision (`python -m bot migrate`, and the SQLite file on
every start); `schema_state` says where a database stands, so `serve` and `socket` can refuse a
PostgreSQL schema that is behind rather than fail on the first query.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from bot.errors import BotError

SCRIPT_LOCATION = "bot.store:migrations"
# Two hosts releasing at once take turns (PostgreSQL advisory lock; the number is arbitrary but fixed).
_MIGRATION_LOCK = 0x41_49_45_4E_47


class SchemaBehind(BotError):
    """The database's schema is older than this version of the bot needs."""

    def __init__(self, current: str | None, head: str) -> None:
        self.current, self.head = current, head
        at = f"at revision {current}" if current else "empty"
        super().__init__(f"the database schema is {at}, this version needs {head}: run `python -m bot migrate` first")


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str
    standing: Literal["current", "behind", "unknown"]  # unknown: a revision this version does not know


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "the package ships at least one migration"
    return head


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision (a no-op when it is there)."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        command.upgrade(_config(connection), "head")


def schema_state(engine: Engine) -> SchemaState:
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    script = ScriptDirectory.from_config(_config())
    head = head_revision()
    if current == head:
        return SchemaState(current, head, "current")
    known = current is None or any(r.revision == current for r in script.walk_revisions())
    return SchemaState(current, head, "behind" if known else "unknown")


def require_current(engine: Engine) -> SchemaState:
    """Raise SchemaBehind unless the schema is current (a newer, unknown one is let through)."""
    state = schema_state(engine)
    if state.standing == "behind":
        raise SchemaBehind(state.current, state.head)
    return state
