"""Each Slack event is answered once: a bounded, expiring memory of event ids."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bot.dedupe import MemorySeenEvents, SqliteSeenEvents


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_an_event_id_is_new_once() -> None:
    seen = MemorySeenEvents()
    assert seen.first_time("Ev1") is True
    assert seen.first_time("Ev1") is False
    assert seen.first_time("Ev2") is True


def test_ids_are_forgotten_after_the_ttl() -> None:
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


def test_sqlite_memory_is_shared_between_instances(tmp_path: Path) -> None:
    """Two workers (two instances on one file) answer a repeated event once between them."""
    first, second = SqliteSeenEvents(tmp_path / "seen.sqlite"), SqliteSeenEvents(tmp_path / "seen.sqlite")
    assert first.first_time("Ev1") is True
    assert second.first_time("Ev1") is False
    assert second.first_time("Ev2") is True


def test_sqlite_memory_expires(tmp_path: Path) -> None:
    clock = Clock()
    seen = SqliteSeenEvents(tmp_path / "seen.sqlite", ttl_seconds=60, clock=clock)
    seen.first_time("Ev1")
    clock.now += 61
    assert seen.first_time("Ev1") is True


def test_sqlite_memory_holds_under_concurrent_workers(tmp_path: Path) -> None:
    path = tmp_path / "seen.sqlite"
    SqliteSeenEvents(path)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: SqliteSeenEvents(path).first_time("EvSame"), range(32)))
    assert results.count(True) == 1
