"""👍/👎 on cards: one vote per person per card (a second click changes it), and what was missing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Engine, RowMapping, and_, func, select

from bot.store.dialects import insert_for
from bot.store.schema import Vote, feedback, now
from bot.store.transactions import Database, writing


@dataclass(frozen=True)
class Feedback:
    team_id: str
    user_id: str
    card_ref: str
    topic_id: str | None
    vote: Vote
    question: str | None
    comment: str | None
    created_at: datetime
    updated_at: datetime


def record_vote(
    db: Database,
    team_id: str,
    user_id: str,
    card_ref: str,
    vote: Vote,
    *,
    topic_id: str | None = None,
    question: str | None = None,
    at: datetime | None = None,
) -> None:
    """Store a vote; the same person voting on the same card again replaces their vote."""
    at = at or now()
    insert = insert_for(db)(feedback).values(
        team_id=team_id,
        user_id=user_id,
        card_ref=card_ref,
        topic_id=topic_id,
        vote=vote,
        question=question,
        created_at=at,
        updated_at=at,
    )
    upsert = insert.on_conflict_do_update(
        index_elements=["team_id", "user_id", "card_ref"],
        set_={
            "vote": insert.excluded.vote,
            "updated_at": insert.excluded.updated_at,
            # What is not known now (the comment came first, or no question led here) stays as it was.
            "topic_id": func.coalesce(insert.excluded.topic_id, feedback.c.topic_id),
            "question": func.coalesce(insert.excluded.question, feedback.c.question),
        },
    )
    with writing(db) as connection:
        connection.execute(upsert)


def record_missing(
    db: Database, team_id: str, user_id: str, card_ref: str, comment: str, *, at: datetime | None = None
) -> None:
    """What was missing, after this person's 👎 on this card.

    The modal that asks is only shown after a 👎, so the row is a 👎 whichever write lands first:
    with several hosts the vote and the comment may be written by different ones, in either order.
    """
    at = at or now()
    insert = insert_for(db)(feedback).values(
        team_id=team_id,
        user_id=user_id,
        card_ref=card_ref,
        vote="down",
        comment=comment,
        created_at=at,
        updated_at=at,
    )
    upsert = insert.on_conflict_do_update(
        index_elements=["team_id", "user_id", "card_ref"],
        set_={"comment": insert.excluded.comment, "updated_at": insert.excluded.updated_at},
    )
    with writing(db) as connection:
        connection.execute(upsert)


def vote_of(engine: Engine, team_id: str, user_id: str, card_ref: str) -> Feedback | None:
    with engine.connect() as connection:
        row = connection.execute(select(feedback).where(_person_card(team_id, user_id, card_ref))).first()
    return _feedback(row._mapping) if row else None


def feedback_since(engine: Engine, since: datetime) -> list[Feedback]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(feedback).where(feedback.c.updated_at >= since).order_by(feedback.c.updated_at)
        ).all()
    return [_feedback(row._mapping) for row in rows]


def _person_card(team_id: str, user_id: str, card_ref: str) -> ColumnElement[bool]:
    return and_(feedback.c.team_id == team_id, feedback.c.user_id == user_id, feedback.c.card_ref == card_ref)


def _feedback(row: RowMapping) -> Feedback:
    return Feedback(**{k: v for k, v in row.items() if k != "id"})
