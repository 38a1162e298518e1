"""What people asked and how it went, so content can grow where people ask.

Every question a person asks is one row: answered, "did you mean" shown (choices), nothing good
(fallback), then maybe the choice they picked or "None of these". The text is personal data: it is
kept for AIENG_RETENTION_DAYS at most and never logged at INFO.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, RowMapping, insert, select

from bot.store.schema import Outcome, now, questions
from bot.store.transactions import Database, reading, writing

MAX_QUESTION_CHARS = 2000  # Slack messages can be 40k characters; a question worth keeping is short


@dataclass(frozen=True)
class Question:
    team_id: str
    user_id: str
    text: str
    outcome: Outcome
    topic_id: str | None
    picked_ref: str | None
    created_at: datetime


def record_question(
    db: Database,
    team_id: str,
    user_id: str,
    text: str,
    outcome: Outcome,
    *,
    topic_id: str | None = None,
    picked_ref: str | None = None,
    at: datetime | None = None,
) -> None:
    row = {
        "team_id": team_id,
        "user_id": user_id,
        "text": text[:MAX_QUESTION_CHARS],
        "outcome": outcome,
        "topic_id": topic_id,
        "picked_ref": picked_ref,
        "created_at": at or now(),
    }
    with writing(db) as connection:
        connection.execute(insert(questions), row)


def questions_since(engine: Engine, since: datetime) -> list[Question]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(questions).where(questions.c.created_at >= since).order_by(questions.c.created_at)
        ).all()
    return [_question(row._mapping) for row in rows]


def _question(row: RowMapping) -> Question:
    return Question(**{k: v for k, v in row.items() if k != "id"})


def latest_answered(db: Database, team_id: str, user_id: str, topic_id: str, since: datetime) -> str | None:
    """The text of this person's latest question answered with `topic_id` since `since`, if any."""
    c = questions.c
    with reading(db) as connection:
        return connection.execute(
            select(c.text)
            .where(
                c.team_id == team_id,
                c.user_id == user_id,
                c.topic_id == topic_id,
                c.outcome.in_(("answer", "picked")),
                c.created_at >= since,
            )
            .order_by(c.created_at.desc(), c.id.desc())
            .limit(1)
        ).scalar()


def open_choices(db: Database, team_id: str, user_id: str, since: datetime) -> str | None:
    """The text of this person's latest "did you mean" since `since`, unless they already picked or
    said "None of these" after it."""
    c = questions.c
    with reading(db) as connection:
        latest = connection.execute(
            select(c.text, c.outcome)
            .where(
                c.team_id == team_id,
                c.user_id == user_id,
                c.outcome.in_(("choices", "picked", "none_of_these")),
                c.created_at >= since,
            )
            .order_by(c.created_at.desc(), c.id.desc())
            .limit(1)
        ).first()
    return latest.text if latest is not None and latest.outcome == "choices" else None
