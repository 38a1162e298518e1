"""What the store's command-line subcommands do (`python -m bot migrate`; bot.cli parses the arguments)."""

from __future__ import annotations

from typing import TextIO

from sqlalchemy.exc import OperationalError

from bot.errors import BotError
from bot.store import migrate
from bot.store.store import Store


class StoreUnreachable(BotError):
    def __init__(self, where: str, error: OperationalError) -> None:
        reason = str(error.orig or error).strip().splitlines()[0] if str(error.orig or error).strip() else "no reason"
        super().__init__(f"cannot reach the database at {where}: {reason}")


def migrate_database(url: str, out: TextIO) -> int:
    """Upgrade the schema to this version's head and say where it now stands."""
    store = Store.open(url)
    try:
        before = migrate.schema_state(store.engine).current
        migrate.upgrade(store.engine)
        after = migrate.schema_state(store.engine).current
    except OperationalError as error:
        raise StoreUnreachable(store.describe(), error) from error
    finally:
        store.close()
    change = "already at" if before == after else f"upgraded from {before or 'empty'} to"
    out.write(f"database {change} revision {after} ({store.describe()})\n")
    return 0
