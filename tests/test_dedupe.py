"""Each Slack event is answered once: a bounded, expiring memory of event ids."""

from __future__ import annotations

from bot.dedupe import MemorySeenEvents


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
