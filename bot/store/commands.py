"""What the store's command-line subcommands do (`python -m bot migrate`, `report`, `forget`; bot.cli
parses the arguments with the argument types here)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import TextIO

from sqlalchemy.exc import OperationalError

from bot.errors import BotError
from bot.store import migrate, report
from bot.store.database import sqlite_file
from bot.store.people import forget_person
from bot.store.schema import now
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


def print_report(url: str, since: timedelta, as_json: bool, out: TextIO) -> int:
    """The report over the last `since`, as text or as JSON (README: python -m bot report)."""
    with _opened(url) as store:
        built = report.build_report(store.engine, now() - since)
    out.write(json.dumps(built, ensure_ascii=False, indent=2) + "\n" if as_json else report.render_text(built))
    return 0


def forget(url: str, user_id: str, team_id: str | None, out: TextIO) -> int:
    """Delete everything stored about one person; say how many rows went from where."""
    with _opened(url) as store:
        deleted = forget_person(store.engine, user_id, team_id)
    where = f"in {team_id}" if team_id else "in every workspace"
    counts = ", ".join(f"{n} {table}" for table, n in deleted.items())
    out.write(f"forgot {user_id} {where}: {counts} row(s) deleted\n")
    return 0


@contextmanager
def _opened(url: str) -> Iterator[Store]:
    """A store for a command: SQLite migrated, PostgreSQL checked; unreachable said in one line."""
    store = Store.open(url)
    try:
        if store.dialect == "sqlite":
            sqlite_file(url).parent.mkdir(parents=True, exist_ok=True)
            migrate.upgrade(store.engine)
        else:
            migrate.require_current(store.engine)
        yield store
    except OperationalError as error:
        raise StoreUnreachable(store.describe(), error) from error
    finally:
        store.close()
