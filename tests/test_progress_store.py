"""Roadmap progress in the store (SQLite and PostgreSQL): per person per workspace, cleared on request,
deleted with a workspace; the ProgressBook never raises when the store is down; a person's own
recent questions only; the quiz plan saved for Home."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.cards.home import plan_summary
from bot.content import Library
from bot.quiz import Answers, make_plan, read_answers
from bot.store import progress, questions
from bot.store.progress import ProgressBook
from bot.store.quiz import latest_result
from bot.store.recent import recent_questions
from bot.store.store import Store
from handlers.quiz import keep_result

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_progress_is_kept_per_person_per_workspace_per_roadmap(store: Store) -> None:
    progress.set_step(store.engine, "T1", "U1", "swe", "a/one", "done")
    progress.set_step(store.engine, "T1", "U1", "swe", "a/two", "learning")
    progress.set_step(store.engine, "T1", "U1", "ds", "b/one", "skipped")
    progress.set_step(store.engine, "T1", "U2", "swe", "a/one", "learning")
    progress.set_step(store.engine, "T2", "U1", "swe", "a/one", "skipped")

    assert progress.progress_by_roadmap(store.engine, "T1", "U1") == {
        "swe": {"a/one": "done", "a/two": "learning"},
        "ds": {"b/one": "skipped"},
    }
    assert progress.progress_by_roadmap(store.engine, "T1", "U2") == {"swe": {"a/one": "learning"}}
    assert progress.progress_by_roadmap(store.engine, "T2", "U1") == {"swe": {"a/one": "skipped"}}
    assert progress.progress_by_roadmap(store.engine, "T1", "U3") == {}


def test_a_second_mark_replaces_the_first(store: Store) -> None:
    progress.set_step(store.engine, "T1", "U1", "swe", "a/one", "learning")
    progress.set_step(store.engine, "T1", "U1", "swe", "a/one", "done")
    assert progress.progress_of(store.engine, "T1", "U1", "swe") == {"a/one": "done"}


def test_clearing_one_roadmap_leaves_the_others_and_other_people(store: Store) -> None:
    progress.set_step(store.engine, "T1", "U1", "swe", "a/one", "done")
    progress.set_step(store.engine, "T1", "U1", "ds", "b/one", "done")
    progress.set_step(store.engine, "T1", "U2", "swe", "a/one", "done")

    assert progress.clear_progress(store.engine, "T1", "U1", "swe") == 1

    assert progress.progress_by_roadmap(store.engine, "T1", "U1") == {"ds": {"b/one": "done"}}
    assert progress.progress_of(store.engine, "T1", "U2", "swe") == {"a/one": "done"}
    assert progress.clear_progress(store.engine, "T1", "U1") == 1
    assert progress.progress_by_roadmap(store.engine, "T1", "U1") == {}


def test_deleting_a_workspace_deletes_only_its_progress(store: Store) -> None:
    progress.set_step(store.engine, "T1", "U1", "swe", "a/one", "done")
    progress.set_step(store.engine, "T1", "U2", "swe", "a/one", "done")
    progress.set_step(store.engine, "T2", "U1", "swe", "a/one", "done")

    assert progress.delete_team_progress(store.engine, "T1") == 2

    assert progress.progress_by_roadmap(store.engine, "T1", "U1") == {}
    assert progress.progress_by_roadmap(store.engine, "T2", "U1") == {"swe": {"a/one": "done"}}


def test_the_book_reads_writes_and_resets(store: Store) -> None:
    book = ProgressBook(store)
    assert book.mark("T1", "U1", "swe", "a/one", "done") is True
    assert book.mark("T1", "U1", "swe", "a/two", "skipped") is True
    assert book.mark("T1", "U1", "swe", "a/two", None) is True  # Reset step
    assert book.of("T1", "U1", "swe") == {"a/one": "done"}
    assert book.reset("T1", "U1", None) is True
    assert book.everything("T1", "U1") == {}


def test_a_store_that_is_down_reads_as_no_progress_and_says_a_write_failed_logging_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    down = Store.open(f"sqlite:///{tmp_path}/no-such-dir/store.sqlite3")  # never created: every statement fails
    book = ProgressBook(down)
    with caplog.at_level(logging.WARNING, logger="aieng.store"):
        assert book.of("T1", "U1", "swe") == {}
        assert book.everything("T1", "U1") == {}
        assert book.mark("T1", "U1", "swe", "a/one", "done") is False
        assert book.reset("T1", "U1", "swe") is False
    assert len([r for r in caplog.records if "store unavailable" in r.getMessage()]) == 1
    down.close()


def test_no_store_at_all_reads_as_no_progress() -> None:
    book = ProgressBook(None)
    assert book.everything("T1", "U1") == {}
    assert book.mark("T1", "U1", "swe", "a/one", "done") is False


def test_recent_questions_are_the_persons_own_newest_first_without_repeats(store: Store) -> None:
    ask = questions.record_question
    ask(store.engine, "T1", "U1", "senior pay in berlin?", "answer", at=T0)
    ask(store.engine, "T1", "U1", "what does an ml engineer do", "answer", at=T0 + timedelta(seconds=1))
    ask(store.engine, "T1", "U1", "senior pay in berlin?", "answer", at=T0 + timedelta(seconds=2))
    ask(store.engine, "T1", "U2", "someone else's question", "answer", at=T0 + timedelta(seconds=3))
    ask(store.engine, "T2", "U1", "the same id in another workspace", "answer", at=T0 + timedelta(seconds=4))

    assert recent_questions(store.engine, "T1", "U1") == ["senior pay in berlin?", "what does an ml engineer do"]
    assert recent_questions(store.engine, "T1", "U3") == []


def test_the_quiz_plan_is_saved_and_home_shows_the_latest(store: Store, library: Library) -> None:
    for goal in ("models", "llm-apps"):
        raw = {"background": "data-scientist", "years": "2-5", "goal": goal, "location": "uk", "company": "ai-startup"}
        answers = read_answers(library, raw)
        assert isinstance(answers, Answers)
        keep_result(store, "T1", "U1", make_plan(library, answers))

    saved = latest_result(store.engine, "T1", "U1")
    assert saved is not None and saved.answers["goal"] == "llm-apps"
    summary = plan_summary(library, saved.answers)
    assert summary is not None
    assert make_plan(library, answers).track.title in summary.line
    assert latest_result(store.engine, "T1", "U2") is None
