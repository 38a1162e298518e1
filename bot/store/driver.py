"""One statement compiled once and run on the database driver's own connection, in a transaction
of its own: for the one statement on a request's path (the event memory's claim of an event id).

Going through SQLAlchemy's execution (its Connection, transaction and result objects) cost more CPU
than the statement and its commit together (SQLite: ~68 us a claim, ~29 us on the driver). The
statement is SQLAlchemy's, compiled for the engine's dialect with its parameters' own conversions,
and the connection comes from the engine's pool (so its SQLite pragmas and PostgreSQL timeouts hold).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.sql import Executable


class DriverStatement:
    def __init__(self, engine: Engine, statement: Executable) -> None:
        self.engine = engine
        compiled = statement.compile(dialect=engine.dialect)  # type: ignore[attr-defined]
        self.sql: str = compiled.string
        self._positions: list[str] | None = list(compiled.positiontup) if compiled.positiontup else None
        self._convert: dict[str, Callable[[Any], Any]] = {}
        for name, bind in compiled.binds.items():
            processor = bind.type.bind_processor(engine.dialect)
            if processor is not None:
                self._convert[name] = processor

    def run_once(self, values: Mapping[str, Any], before: tuple[str, ...] = ()) -> tuple[Any, ...] | None:
        """Run the statement (after the `before` statements) and commit; its first row, if any."""
        parameters = self._parameters(values)
        connection = self.engine.raw_connection()
        try:
            cursor = connection.cursor()
            for sql in before:
                cursor.execute(sql)
            cursor.execute(self.sql, parameters)
            row = cursor.fetchone()
            cursor.close()
            connection.commit()
        except BaseException:
            connection.rollback()
            raise
        finally:
            connection.close()  # back to the pool
        return None if row is None else tuple(row)

    def _parameters(self, values: Mapping[str, Any]) -> tuple[Any, ...] | dict[str, Any]:
        converted = {name: self._convert[name](v) if name in self._convert else v for name, v in values.items()}
        if self._positions is None:
            return converted
        return tuple(converted[name] for name in self._positions)
