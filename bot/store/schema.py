"""Every table the bot keeps, as SQLAlchemy Core tables for the queries in this package.

The schema itself is made by the Alembic migrations in `migrations/versions/` (which spell each
table out as it was at that revision); `tests/test_store_schema.py` checks the two agree.

Times are UTC. They are stored without a zone (as slack_sdk's own tables store theirs) and come
back as aware datetimes in UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal, get_args

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    DateTime,
    Dialect,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)

Vote = Literal["up", "down"]
Outcome = Literal["answer", "choices", "fallback", "none_of_these", "picked"]
StepState = Literal["done", "learning", "skipped"]

VOTES: tuple[Vote, ...] = get_args(Vote)
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)
STEP_STATES: tuple[StepState, ...] = get_args(StepState)

# The Alembic revision these tables describe (bot/store/migrations/versions; a test keeps them in step):
# a database at it needs no migration, which `serve` can tell without loading Alembic.
REVISION = "0001"

ID = 32  # Slack team, user and event ids are short; this leaves room
REF = 200  # a card ref, as buttons carry it
TOPIC = 100


class UtcDateTime(TypeDecorator[datetime]):
    """A datetime stored as naive UTC, returned as aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("store times must be timezone-aware")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


metadata = MetaData()

seen_events = Table(
    "seen_events",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("seen_at", UtcDateTime(), nullable=False),
    Index("ix_seen_events_seen_at", "seen_at"),
)

feedback = Table(
    "feedback",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("team_id", String(ID), nullable=False),
    Column("user_id", String(ID), nullable=False),
    Column("card_ref", String(REF), nullable=False),
    Column("topic_id", String(TOPIC)),
    Column("vote", String(8), nullable=False),
    Column("question", Text),
    Column("comment", Text),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    UniqueConstraint("team_id", "user_id", "card_ref", name="uq_feedback_person_card"),
    CheckConstraint(_one_of("vote", VOTES), name="ck_feedback_vote"),
    Index("ix_feedback_updated_at", "updated_at"),
)

questions = Table(
    "questions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("team_id", String(ID), nullable=False),
    Column("user_id", String(ID), nullable=False),
    Column("text", Text, nullable=False),
    Column("outcome", String(16), nullable=False),
    Column("topic_id", String(TOPIC)),
    Column("picked_ref", String(REF)),
    Column("created_at", UtcDateTime(), nullable=False),
    CheckConstraint(_one_of("outcome", OUTCOMES), name="ck_questions_outcome"),
    Index("ix_questions_created_at", "created_at"),
    Index("ix_questions_person", "team_id", "user_id"),
)

roadmap_progress = Table(
    "roadmap_progress",
    metadata,
    Column("team_id", String(ID), primary_key=True),
    Column("user_id", String(ID), primary_key=True),
    Column("roadmap_id", String(TOPIC), primary_key=True),
    Column("step_key", String(REF), primary_key=True),
    Column("state", String(16), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    CheckConstraint(_one_of("state", STEP_STATES), name="ck_roadmap_progress_state"),
    Index("ix_roadmap_progress_updated_at", "updated_at"),
)

quiz_results = Table(
    "quiz_results",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("team_id", String(ID), nullable=False),
    Column("user_id", String(ID), nullable=False),
    Column("answers", JSON, nullable=False),
    Column("result", String(REF), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_quiz_results_person", "team_id", "user_id", "created_at"),
)

PERSONAL_TABLES: tuple[Table, ...] = (feedback, questions, roadmap_progress, quiz_results)


def now() -> datetime:
    return datetime.now(UTC)


def as_dict(row: Any) -> dict[str, Any]:
    return dict(row._mapping)
