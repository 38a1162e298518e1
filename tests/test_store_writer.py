"""The store's writer: what is queued while it works is written in one transaction, and one bad
write among them costs the others nothing."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Connection, event

from bot.store import questions
from bot.store.recorder import Recorder
from bot.store.schema import now
from bot.store.store import Store


def _question(n: int) -> Any:
    return lambda db: questions.record_question(db, "T", "U", f"q{n}", "answer")


def _held(recorder: Recorder) -> threading.Event:
    """The writer busy in a write until the returned event is set: what comes next is queued behind it."""
    release, holding = threading.Event(), threading.Event()
    recorder.submit("hold the writer", lambda db: (holding.set(), release.wait(10)))
    assert holding.wait(10)
    return release


def _asked(store: Store) -> list[str]:
    return sorted(q.text for q in questions.questions_since(store.engine, now() - timedelta(hours=1)))


def test_writes_queued_while_the_writer_works_are_committed_together(store: Store) -> None:
    recorder = Recorder(store, retention_days=90)
    assert recorder.flush()  # the start's retention purge is done
    release = _held(recorder)
    commits: list[Connection] = []
    event.listen(store.engine, "commit", commits.append)
    for n in range(20):
        recorder.submit("record a question", _question(n))
    release.set()
    assert recorder.flush()
    recorder.close()
    assert _asked(store) == sorted(f"q{n}" for n in range(20))
    assert len(commits) == 2, "the holding write, then the 20 queued behind it in one transaction"


def test_writes_arriving_while_the_writer_gathers_are_committed_together(store: Store) -> None:
    recorder = Recorder(store, retention_days=90, gather_seconds=1.0)
    assert recorder.flush()
    commits: list[Connection] = []
    event.listen(store.engine, "commit", commits.append)
    for n in range(10):
        recorder.submit("record a question", _question(n))
    assert recorder.flush()
    recorder.close()
    assert _asked(store) == sorted(f"q{n}" for n in range(10))
    assert len(commits) == 1, "the writer was idle: it waited for more before writing the first"


def test_one_failing_write_costs_the_others_nothing(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    recorder = Recorder(store, retention_days=90)
    release = _held(recorder)
    for n in range(5):
        recorder.submit("record a question", _question(n))
    recorder.submit("a broken write", lambda db: 1 / 0)
    for n in range(5, 10):
        recorder.submit("record a question", _question(n))
    release.set()
    assert recorder.flush()
    recorder.close()
    assert _asked(store) == sorted(f"q{n}" for n in range(10))
    failed = [r for r in caplog.records if r.name == "aieng.store" and r.levelno == logging.WARNING]
    assert [r.__dict__.get("doing") for r in failed] == ["a broken write"]


def test_a_flush_returns_after_what_was_queued_before_it_is_committed(store: Store) -> None:
    recorder = Recorder(store, retention_days=90)
    release = _held(recorder)
    recorder.submit("record a question", _question(1))
    flushed: list[bool] = []
    waiter = threading.Thread(target=lambda: flushed.append(recorder.flush()))
    waiter.start()
    release.set()
    waiter.join(10)
    assert flushed == [True]
    assert _asked(store) == ["q1"]
    recorder.close()
