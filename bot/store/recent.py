"""A person's own last few questions, for their App Home: only theirs, only within retention."""

from __future__ import annotations

from sqlalchemy import Engine, and_, select

from bot.store.schema import questions

HOME_QUESTIONS = 5


def recent_questions(engine: Engine, team_id: str, user_id: str, limit: int = HOME_QUESTIONS) -> list[str]:
    """The texts of this person's latest distinct questions, newest first."""
    c = questions.c
    with engine.connect() as connection:
        rows = connection.execute(
            select(c.text)
            .where(and_(c.team_id == team_id, c.user_id == user_id, c.outcome != "picked"))
            .order_by(c.created_at.desc(), c.id.desc())
            .limit(limit * 4)
        ).all()
    return list(dict.fromkeys(row.text for row in rows))[:limit]
