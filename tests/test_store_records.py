"""What the store keeps per person: votes, questions, roadmap progress, quiz results; and forgetting it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from bot.store import feedback, progress, questions, quiz
from bot.store.people import forget_person
from bot.store.store import Store

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_a_second_click_changes_the_vote(store: Store) -> None:
    feedback.record_vote(store.engine, "T1", "U1", "o:s:senior", "up", topic_id="salary", question="pay?", at=T0)
    feedback.record_vote(store.engine, "T1", "U1", "o:s:senior", "down", at=T0 + timedelta(minutes=1))
    [vote] = feedback.feedback_since(store.engine, T0)
    assert (vote.vote, vote.question, vote.topic_id) == ("down", "pay?", "salary")  # the question is kept
    assert (vote.created_at, vote.updated_at) == (T0, T0 + timedelta(minutes=1))


def test_votes_are_per_person_per_card(store: Store) -> None:
    feedback.record_vote(store.engine, "T1", "U1", "o:a", "up", at=T0)
    feedback.record_vote(store.engine, "T1", "U2", "o:a", "down", at=T0)
    feedback.record_vote(store.engine, "T1", "U1", "o:b", "down", at=T0)
    feedback.record_vote(store.engine, "T2", "U1", "o:a", "down", at=T0)
    votes = {(v.team_id, v.user_id, v.card_ref): v.vote for v in feedback.feedback_since(store.engine, T0)}
    assert votes == {
        ("T1", "U1", "o:a"): "up",
        ("T1", "U2", "o:a"): "down",
        ("T1", "U1", "o:b"): "down",
        ("T2", "U1", "o:a"): "down",
    }


def test_what_was_missing_is_attached_to_the_vote(store: Store) -> None:
    feedback.record_vote(store.engine, "T1", "U1", "o:a", "down", topic_id="a", question="q?", at=T0)
    feedback.record_missing(store.engine, "T1", "U1", "o:a", "no figures for Berlin")
    vote = feedback.vote_of(store.engine, "T1", "U1", "o:a")
    assert vote is not None
    assert (vote.vote, vote.comment, vote.topic_id, vote.question) == ("down", "no figures for Berlin", "a", "q?")


def test_what_was_missing_written_before_the_vote_is_kept(store: Store) -> None:
    """Two hosts: the comment's write may land before the vote's."""
    feedback.record_missing(store.engine, "T1", "U2", "o:a", "figures for Lisbon", at=T0)
    feedback.record_vote(store.engine, "T1", "U2", "o:a", "down", topic_id="a", question="pay?", at=T0)
    vote = feedback.vote_of(store.engine, "T1", "U2", "o:a")
    assert vote is not None
    assert (vote.vote, vote.comment, vote.topic_id, vote.question) == ("down", "figures for Lisbon", "a", "pay?")


def test_a_vote_must_be_up_or_down(store: Store) -> None:
    with pytest.raises(IntegrityError):
        feedback.record_vote(store.engine, "T1", "U1", "o:a", "sideways", at=T0)  # type: ignore[arg-type]


def test_questions_are_kept_with_their_outcome(store: Store) -> None:
    questions.record_question(store.engine, "T1", "U1", "what about rust?", "fallback", at=T0)
    questions.record_question(store.engine, "T1", "U1", "ml pay", "choices", at=T0 + timedelta(seconds=1))
    questions.record_question(
        store.engine, "T1", "U1", "ml pay", "picked", picked_ref="o:s:mid", at=T0 + timedelta(seconds=2)
    )
    questions.record_question(store.engine, "T1", "U1", "old", "fallback", at=T0 - timedelta(days=1))
    kept = questions.questions_since(store.engine, T0)
    assert [(q.text, q.outcome, q.picked_ref) for q in kept] == [
        ("what about rust?", "fallback", None),
        ("ml pay", "choices", None),
        ("ml pay", "picked", "o:s:mid"),
    ]


def test_an_outcome_must_be_one_the_report_knows(store: Store) -> None:
    with pytest.raises(IntegrityError):
        questions.record_question(store.engine, "T1", "U1", "x", "shrug", at=T0)  # type: ignore[arg-type]


def test_a_very_long_question_is_cut(store: Store) -> None:
    questions.record_question(store.engine, "T1", "U1", "why " * 5000, "fallback", at=T0)
    [kept] = questions.questions_since(store.engine, T0)
    assert len(kept.text) == questions.MAX_QUESTION_CHARS


def test_a_step_state_replaces_the_last_one(store: Store) -> None:
    progress.set_step(store.engine, "T1", "U1", "swe", "phase-1/step-1", "learning", at=T0)
    progress.set_step(store.engine, "T1", "U1", "swe", "phase-1/step-1", "done", at=T0)
    progress.set_step(store.engine, "T1", "U1", "swe", "phase-1/step-2", "skipped", at=T0)
    progress.set_step(store.engine, "T1", "U2", "swe", "phase-1/step-1", "learning", at=T0)
    progress.set_step(store.engine, "T1", "U1", "ds", "phase-1/step-1", "learning", at=T0)
    assert progress.progress_of(store.engine, "T1", "U1", "swe") == {
        "phase-1/step-1": "done",
        "phase-1/step-2": "skipped",
    }
    progress.clear_step(store.engine, "T1", "U1", "swe", "phase-1/step-2")
    assert progress.progress_of(store.engine, "T1", "U1", "swe") == {"phase-1/step-1": "done"}


def test_a_step_state_must_be_done_learning_or_skipped(store: Store) -> None:
    with pytest.raises(IntegrityError):
        progress.set_step(store.engine, "T1", "U1", "swe", "s", "half", at=T0)  # type: ignore[arg-type]


def test_the_latest_quiz_result_counts(store: Store) -> None:
    assert quiz.latest_result(store.engine, "T1", "U1") is None
    quiz.save_result(store.engine, "T1", "U1", {"q1": "python"}, "swe", at=T0)
    quiz.save_result(store.engine, "T1", "U1", {"q1": "stats", "q2": ["a", "b"]}, "ds", at=T0 + timedelta(hours=1))
    quiz.save_result(store.engine, "T1", "U2", {"q1": "python"}, "mle", at=T0 + timedelta(hours=2))
    latest = quiz.latest_result(store.engine, "T1", "U1")
    assert latest is not None
    assert (latest.result, latest.answers, latest.created_at) == (
        "ds",
        {"q1": "stats", "q2": ["a", "b"]},
        T0 + timedelta(hours=1),
    )


def _fill_for(store: Store, team: str, user: str) -> None:
    feedback.record_vote(store.engine, team, user, "o:a", "down", at=T0)
    questions.record_question(store.engine, team, user, "a question", "fallback", at=T0)
    progress.set_step(store.engine, team, user, "swe", "s1", "done", at=T0)
    quiz.save_result(store.engine, team, user, {}, "swe", at=T0)


def test_forgetting_a_person_deletes_everything_about_them_and_nothing_else(store: Store) -> None:
    _fill_for(store, "T1", "U1")
    _fill_for(store, "T2", "U1")
    _fill_for(store, "T1", "U2")
    deleted = forget_person(store.engine, "U1", team_id="T1")
    assert deleted == {"feedback": 1, "questions": 1, "roadmap_progress": 1, "quiz_results": 1}
    assert feedback.vote_of(store.engine, "T1", "U1", "o:a") is None
    assert feedback.vote_of(store.engine, "T2", "U1", "o:a") is not None  # another workspace's U1
    assert quiz.latest_result(store.engine, "T1", "U2") is not None
    assert forget_person(store.engine, "U1") == {
        "feedback": 1,
        "questions": 1,
        "roadmap_progress": 1,
        "quiz_results": 1,
    }
    assert [q.user_id for q in questions.questions_since(store.engine, T0)] == ["U2"]
