"""AIENG_RETENTION_DAYS, enforced by the bot itself: what people asked, their votes and comments, their
roadmap progress and quiz results are deleted once older than that; spent OAuth states and event ids
once they have expired. The store's writer thread runs this at start and every hour."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import DateTime, Engine, Table, column, delete, table
from sqlalchemy.sql.schema import Column

from bot.store.events import DEFAULT_TTL_SECONDS
from bot.store.schema import feedback, now, questions, quiz_results, roadmap_progress, seen_events

# Each personal table, by the time that says how old a row is (a vote changed today is today's).
_AGE: tuple[tuple[Table, Column[datetime]], ...] = (
    (feedback, feedback.c.updated_at),
    (questions, questions.c.created_at),
    (roadmap_progress, roadmap_progress.c.updated_at),
    (quiz_results, quiz_results.c.created_at),
)


_OAUTH_STATES = table("slack_oauth_states", column("expire_at", DateTime()))


def purge_expired(engine: Engine, retention_days: int, at: datetime | None = None) -> dict[str, int]:
    """Delete what is past its time; rows deleted per table."""
    at = at or now()
    cutoff = at - timedelta(days=retention_days)
    deleted: dict[str, int] = {}
    with engine.begin() as connection:
        for table, age in _AGE:
            deleted[table.name] = connection.execute(delete(table).where(age < cutoff)).rowcount
        expired_events = at - timedelta(seconds=DEFAULT_TTL_SECONDS)
        deleted[seen_events.name] = connection.execute(
            delete(seen_events).where(seen_events.c.seen_at < expired_events)
        ).rowcount
        # slack_sdk's state store deletes a state only when it is used; its times are naive UTC.
        naive_now = at.astimezone(UTC).replace(tzinfo=None)
        deleted[_OAUTH_STATES.name] = connection.execute(
            delete(_OAUTH_STATES).where(_OAUTH_STATES.c.expire_at < naive_now)
        ).rowcount
    return deleted
