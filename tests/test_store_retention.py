"""Retention (AIENG_RETENTION_DAYS, enforced by the bot), forgetting a person, and the writer that keeps
the store off the answer path."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from store_fixtures import bot_command

from bot.store import feedback, progress, questions, quiz
from bot.store.recorder import Recorder
from bot.store.retention import purge_expired
from bot.store.schema import seen_events
from bot.store.store import Store

NOW = datetime.now(UTC)
UNREACHABLE = "postgresql+psycopg://postgres@127.0.0.1:1/nowhere"


def _person_rows(store: Store, at: datetime, user: str = "U1") -> None:
    db = store.engine
    feedback.record_vote(db, "T1", user, "o:a", "down", at=at)
    questions.record_question(db, "T1", user, "a question", "fallback", at=at)
    progress.set_step(db, "T1", user, "swe", "s1", "done", at=at)
    quiz.save_result(db, "T1", user, {}, "swe", at=at)


def _count(store: Store) -> dict[str, int]:
    from bot.store.schema import PERSONAL_TABLES

    with store.engine.connect() as connection:
        return {t.name: connection.execute(select(func.count()).select_from(t)).scalar_one() for t in PERSONAL_TABLES}


def test_rows_past_the_retention_are_deleted_and_newer_ones_kept(store: Store) -> None:
    _person_rows(store, NOW - timedelta(days=31), user="UOLD")
    _person_rows(store, NOW - timedelta(days=29), user="UNEW")
    deleted = purge_expired(store.engine, retention_days=30, at=NOW)
    assert {k: deleted[k] for k in ("feedback", "questions", "roadmap_progress", "quiz_results")} == {
        "feedback": 1,
        "questions": 1,
        "roadmap_progress": 1,
        "quiz_results": 1,
    }
    assert _count(store) == {"feedback": 1, "questions": 1, "roadmap_progress": 1, "quiz_results": 1}
    assert questions.questions_since(store.engine, NOW - timedelta(days=365))[0].user_id == "UNEW"


def test_a_vote_changed_recently_is_kept(store: Store) -> None:
    feedback.record_vote(store.engine, "T1", "U1", "o:a", "down", at=NOW - timedelta(days=100))
    feedback.record_vote(store.engine, "T1", "U1", "o:a", "up", at=NOW - timedelta(days=1))
    purge_expired(store.engine, retention_days=90, at=NOW)
    assert feedback.vote_of(store.engine, "T1", "U1", "o:a") is not None


def test_expired_event_ids_and_oauth_states_go_too(store: Store) -> None:
    from bot.store.oauth import oauth_state_store

    store.seen_events.first_time("EvOld")
    states = oauth_state_store(store.engine, expiration_seconds=1)
    states.issue()
    deleted = purge_expired(store.engine, retention_days=90, at=NOW + timedelta(hours=1))
    assert (deleted["seen_events"], deleted["slack_oauth_states"]) == (1, 1)
    with store.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(seen_events)).scalar_one() == 0


def test_the_bot_enforces_retention_itself_when_its_writer_starts(store: Store) -> None:
    _person_rows(store, NOW - timedelta(days=91))
    recorder = Recorder(store, retention_days=90)
    assert recorder.flush()
    recorder.close()
    assert _count(store) == {"feedback": 0, "questions": 0, "roadmap_progress": 0, "quiz_results": 0}


def test_the_writer_purges_again_when_due(store: Store) -> None:
    recorder = Recorder(store, retention_days=1, purge_every=0.2)
    assert recorder.flush()
    _person_rows(store, NOW - timedelta(days=2))
    deadline = time.monotonic() + 10
    while _count(store)["questions"] and time.monotonic() < deadline:
        time.sleep(0.05)
    recorder.close()
    assert _count(store)["questions"] == 0


def test_writes_never_wait_for_a_store_that_is_down(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    store = Store.open(UNREACHABLE)
    recorder = Recorder(store, retention_days=90)
    started = time.perf_counter()
    for n in range(200):
        recorder.submit(
            "record a question", lambda db, n=n: questions.record_question(db, "T", "U", f"q{n}", "fallback")
        )
    queued_in = time.perf_counter() - started
    assert recorder.flush(timeout=60)
    recorder.close()
    store.close()
    assert queued_in < 0.05  # 200 writes queued in well under a millisecond each
    warnings = [r for r in caplog.records if r.name == "aieng.store" and r.levelno == logging.WARNING]
    assert len(warnings) == 1  # one line for the outage, not one per write


def test_a_full_queue_drops_writes_and_says_so_once(store_url: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    store = Store.open(store_url)
    recorder = Recorder(store, retention_days=90, max_pending=1)
    release = __import__("threading").Event()
    recorder.submit("hold the writer", lambda db: release.wait(10))
    time.sleep(0.2)  # the writer has taken the first write and waits in it
    recorder.submit("fills the queue", lambda db: None)
    for _ in range(5):
        recorder.submit("dropped", lambda db: None)
    release.set()
    assert recorder.flush()
    recorder.close()
    store.close()
    full = [r for r in caplog.records if r.levelno == logging.WARNING and "queue" in str(r.__dict__.get("doing"))]
    assert len(full) == 1


# -- python -m bot forget -------------------------------------------------------------------------------


def test_forget_deletes_everything_about_a_person(store: Store, store_url: str) -> None:
    _person_rows(store, NOW, user="U0FORGET")
    _person_rows(store, NOW, user="U0KEEP")
    done = bot_command("forget", "--user", "U0FORGET", "--team", "T1", url=store_url)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "forgot U0FORGET in T1: 1 feedback, 1 questions, 1 roadmap_progress, 1 quiz_results row(s) deleted"
    )
    assert _count(store) == {"feedback": 1, "questions": 1, "roadmap_progress": 1, "quiz_results": 1}
    again = bot_command("forget", "--user", "U0FORGET", url=store_url)
    assert again.stdout.strip().startswith("forgot U0FORGET in every workspace: 0 feedback")


def test_forget_refuses_what_is_not_a_slack_user_id(tmp_path: Path) -> None:
    done = bot_command("forget", "--user", "everyone", url=f"sqlite:///{tmp_path / 'f.sqlite3'}")
    assert done.returncode == 2
    assert "--user" in done.stderr and "Traceback" not in done.stderr
