"""The Store: one pooled engine on DATABASE_URL, its health, its event memory; `prepare` before serving."""

from __future__ import annotations

import logging

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from bot.store.database import build_engine, sqlite_file
from bot.store.events import DatabaseSeenEvents
from bot.store.health import StoreHealth
from bot.store.schema import REVISION
from bot.store.urls import describe, dialect_of

log = logging.getLogger("aieng.store")


class Store:
    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        self.dialect = dialect_of(url)
        self.health = StoreHealth()
        self.seen_events = DatabaseSeenEvents(engine)

    @classmethod
    def open(cls, url: str) -> Store:
        """A store on a normalised DATABASE_URL (bot.config checks and normalises it)."""
        return cls(build_engine(url), url)

    def describe(self) -> str:
        return describe(self.url)

    def close(self) -> None:
        self.engine.dispose()


def prepare(store: Store) -> None:
    """Make the store ready to serve, before anything listens.

    SQLite is this host's own file: it is brought up to date here. A PostgreSQL schema is shared by
    every host and changed only by `python -m bot migrate` (the release step): if it is behind, this
    raises SchemaBehind (one line; `serve`/`socket` stop). An unreachable database does not stop the
    bot: it answers without remembering, and says so once.

    A schema at this version's revision is read with one query; Alembic (a tenth of a second of
    imports, before any worker starts) is loaded only when there is something to migrate or explain.
    """
    if store.dialect == "sqlite":
        try:
            sqlite_file(store.url).parent.mkdir(parents=True, exist_ok=True)
            if revision_of(store.engine) != REVISION:
                from bot.store import migrate

                migrate.upgrade(store.engine)
        except (SQLAlchemyError, OSError) as error:  # an unwritable file: answer without remembering
            store.health.failed("migrate the SQLite file", error)
        return
    try:
        if revision_of(store.engine) == REVISION:
            return
        from bot.store import migrate

        state = migrate.require_current(store.engine)
    except OperationalError as error:
        store.health.failed("check the schema", error)
        return
    if state.standing == "unknown":
        log.warning(
            "the database schema is newer than this version knows; starting anyway",
            extra={"revision": state.current, "expected": state.head},
        )


def revision_of(engine: Engine) -> str | None:
    """The schema revision Alembic recorded in the database (None: never migrated)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def open_store(url: str) -> Store:
    """A store ready to serve: `Store.open` then `prepare` (SchemaBehind if PostgreSQL is behind)."""
    store = Store.open(url)
    try:
        prepare(store)
    except BaseException:
        store.close()
        raise
    return store
