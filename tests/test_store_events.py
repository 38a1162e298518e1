"""Each Slack event is answered once: the event memory in the store (shared by every worker of every
host on one database) and the in-process one, both expiring."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.store.events import DatabaseSeenEvents, MemorySeenEvents
from bot.store.schema import seen_events
from bot.store.store import Store


class SpiedConnection:
    """A driver connection that notes every statement its cursors run, and its commit."""

    def __init__(self, connection: Any, statements: list[str]) -> None:
        self.connection, self.statements = connection, statements

    def cursor(self) -> Any:
        cursor, statements = self.connection.cursor(), self.statements

        class Spied:
            def execute(self, sql: str, *args: Any) -> Any:
                statements.append(sql)
                return cursor.execute(sql, *args)

            def __getattr__(self, name: str) -> Any:
                return getattr(cursor, name)

        return Spied()

    def commit(self) -> None:
        self.statements.append("commit")
        self.connection.commit()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.connection, name)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class UtcClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


# -- in the store ------------------------------------------------------------------------------------


def test_an_event_id_is_new_once_in_the_store(store: Store) -> None:
    seen = store.seen_events
    assert seen.first_time("Ev1") is True
    assert seen.first_time("Ev1") is False
    assert seen.first_time("Ev2") is True


def test_two_hosts_on_one_database_answer_a_retry_once(store_url: str) -> None:
    """Two Store objects are two engines with their own pools, as two hosts (or workers) would have."""
    first, second = Store.open(store_url), Store.open(store_url)
    try:
        assert first.seen_events.first_time("EvHosts") is True
        assert second.seen_events.first_time("EvHosts") is False
        assert second.seen_events.first_time("EvOther") is True
        assert first.seen_events.first_time("EvOther") is False
    finally:
        first.close()
        second.close()


def test_deliveries_racing_each_other_are_first_once(store_url: str) -> None:
    """16 threads over two engines offer the same id at the same moment: exactly one wins."""
    stores = [Store.open(store_url), Store.open(store_url)]
    barrier = threading.Barrier(16)
    results: list[bool] = []

    def deliver(n: int) -> None:
        barrier.wait()
        results.append(stores[n % 2].seen_events.first_time("EvRace"))

    threads = [threading.Thread(target=deliver, args=(n,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for opened in stores:
        opened.close()
    assert sorted(results) == [False] * 15 + [True]


def test_an_event_is_forgotten_after_the_ttl(store: Store) -> None:
    clock = UtcClock()
    seen = DatabaseSeenEvents(store.engine, ttl_seconds=60, clock=clock)
    assert seen.first_time("EvTtl") is True
    clock.now += timedelta(seconds=59)
    assert seen.first_time("EvTtl") is False
    clock.now += timedelta(seconds=2)
    assert seen.first_time("EvTtl") is True  # expired: a delivery this late is new again
    assert seen.first_time("EvTtl") is False  # ...and remembered from then on


def test_expired_rows_are_deleted(store: Store) -> None:
    clock = UtcClock()
    seen = DatabaseSeenEvents(store.engine, ttl_seconds=60, clock=clock)
    for n in range(5):
        seen.first_time(f"EvOld{n}")
    clock.now += timedelta(seconds=120)
    seen.first_time("EvNew")
    assert seen.purge(clock.now - timedelta(seconds=60)) == 5
    with store.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(seen_events)).scalar() == 1


def test_rows_expire_without_being_asked(store: Store) -> None:
    """A store that is only ever written to still deletes what expired (at most once a minute)."""
    clock = UtcClock()
    seen = DatabaseSeenEvents(store.engine, ttl_seconds=60, clock=clock)
    seen.first_time("EvA")
    clock.now += timedelta(seconds=120)
    seen._next_purge = 0.0  # the minute between purges has passed
    seen.first_time("EvB")
    with store.engine.connect() as connection:
        ids = connection.execute(select(seen_events.c.event_id)).scalars().all()
    assert ids == ["EvB"]


# -- in one process ------------------------------------------------------------------------------------


def test_an_event_id_is_new_once_in_memory() -> None:
    seen = MemorySeenEvents()
    assert seen.first_time("Ev1") is True
    assert seen.first_time("Ev1") is False
    assert seen.first_time("Ev2") is True


def test_ids_are_forgotten_after_the_ttl_in_memory() -> None:
    clock = Clock()
    seen = MemorySeenEvents(ttl_seconds=60, clock=clock)
    seen.first_time("Ev1")
    clock.now += 59
    assert seen.first_time("Ev1") is False
    clock.now += 2
    assert seen.first_time("Ev1") is True


def test_memory_is_bounded_by_dropping_the_oldest() -> None:
    seen = MemorySeenEvents(max_events=3)
    for n in range(5):
        seen.first_time(f"Ev{n}")
    assert len(seen) == 3
    assert seen.first_time("Ev0") is True  # forgotten: the oldest went first
    assert seen.first_time("Ev4") is False  # still remembered


def test_an_event_id_does_not_wait_for_a_disk_flush_on_postgresql(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its commit is asynchronous there (an id lost in a crash costs at most a second answer);
    SQLite in WAL mode with synchronous=NORMAL does not flush per commit either."""
    statements: list[str] = []
    real = store.engine.raw_connection
    monkeypatch.setattr(store.engine, "raw_connection", lambda: SpiedConnection(real(), statements))
    assert store.seen_events.first_time("EvFlush")
    claims = [n for n, s in enumerate(statements) if s.lstrip().upper().startswith("INSERT INTO SEEN_EVENTS")]
    assert len(claims) == 1
    if store.dialect == "postgresql":
        assert statements[claims[0] - 1] == "SET LOCAL synchronous_commit TO OFF"
        assert statements[-1] == "commit", "the setting and the claim in one transaction"
    else:
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
