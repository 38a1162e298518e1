"""Quiz results: every attempt is kept; a person's latest is the one that counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, and_, insert, select

from bot.store.schema import now, quiz_results


@dataclass(frozen=True)
class QuizResult:
    team_id: str
    user_id: str
    answers: dict[str, Any]
    result: str
    created_at: datetime


def save_result(
    engine: Engine,
    team_id: str,
    user_id: str,
    answers: dict[str, Any],
    result: str,
    *,
    at: datetime | None = None,
) -> None:
    row = {"team_id": team_id, "user_id": user_id, "answers": answers, "result": result, "created_at": at or now()}
    with engine.begin() as connection:
        connection.execute(insert(quiz_results), row)


def latest_result(engine: Engine, team_id: str, user_id: str) -> QuizResult | None:
    c = quiz_results.c
    with engine.connect() as connection:
        row = connection.execute(
            select(c.team_id, c.user_id, c.answers, c.result, c.created_at)
            .where(and_(c.team_id == team_id, c.user_id == user_id))
            .order_by(c.created_at.desc(), c.id.desc())
            .limit(1)
        ).first()
    return QuizResult(**row._mapping) if row else None
