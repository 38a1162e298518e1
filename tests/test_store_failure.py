"""A store that fails never costs a person their answer, and is logged once, not once per request."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from slack_bolt import BoltResponse

from bot.middleware import SkipRepeatedEvents
from bot.store.health import StoreHealth
from bot.store.store import Store, open_store

REPO = Path(__file__).resolve().parent.parent
UNREACHABLE = "postgresql+psycopg://postgres@127.0.0.1:1/nowhere"  # nothing listens on port 1


def _event(event_id: str) -> dict[str, object]:
    return {"type": "event_callback", "event_id": event_id, "event": {"type": "app_mention"}}


def _store_warnings(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "aieng.store" and r.levelno >= logging.WARNING]


def test_events_are_answered_while_the_database_is_down_and_that_is_logged_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    store = Store.open(UNREACHABLE)
    middleware = SkipRepeatedEvents(store.seen_events, store.health)
    answered: list[str] = []
    caplog.set_level(logging.INFO)
    started = time.monotonic()
    try:
        for n in range(5):
            event_id = f"EvDown{n}"
            middleware.screen(_event(event_id), lambda e=event_id: answered.append(e) or BoltResponse(status=200))
    finally:
        store.close()
    assert answered == [f"EvDown{n}" for n in range(5)]
    [warning] = _store_warnings(caplog)
    assert warning.getMessage() == "store unavailable; answering without it until it is back"
    assert warning.__dict__["cause"] == "OperationalError"
    assert time.monotonic() - started < 10  # a refused connection fails fast, it does not hang requests


def test_a_store_that_comes_back_is_logged_once_more_and_used_again(caplog: pytest.LogCaptureFixture) -> None:
    health = StoreHealth()
    caplog.set_level(logging.INFO)
    outcomes = [RuntimeError("down"), RuntimeError("down"), "ok", "ok", RuntimeError("down again")]

    def action(outcome: object) -> str:
        if isinstance(outcome, Exception):
            raise outcome
        return str(outcome)

    got = [health.attempt("write", lambda o=o: action(o), fallback="fallback") for o in outcomes]
    assert got == ["fallback", "fallback", "ok", "ok", "fallback"]
    lines = [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "aieng.store"]
    assert lines == [
        ("WARNING", "store unavailable; answering without it until it is back"),
        ("INFO", "store available again"),
        ("WARNING", "store unavailable; answering without it until it is back"),
    ]


def test_an_unreachable_postgresql_database_does_not_stop_the_bot_from_starting(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    store = open_store(UNREACHABLE)  # no SchemaBehind: the schema cannot be known; answers go on
    store.close()
    assert store.health.failing
    assert len(_store_warnings(caplog)) == 1


def test_a_sqlite_file_that_cannot_be_made_does_not_stop_the_bot(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the database's folder should be")
    caplog.set_level(logging.INFO)
    store = open_store(f"sqlite:///{blocker / 'aieng.sqlite3'}")
    store.close()
    assert store.health.failing
    [warning] = _store_warnings(caplog)
    assert warning.__dict__["doing"] == "migrate the SQLite file"


def test_the_local_chat_answers_when_its_sqlite_file_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the database's folder should be")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "chat"],
        cwd=REPO,
        env={**os.environ, "DATABASE_URL": f"sqlite:///{blocker / 'aieng.sqlite3'}"},
        input="/aieng levels\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "level" in done.stdout.lower()
    assert "Traceback" not in done.stderr
    assert done.stderr.count("store unavailable") == 1
