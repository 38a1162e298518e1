"""Where a person is on a roadmap: each step done, being learned, or skipped."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, and_, delete, select

from bot.store.dialects import insert_for
from bot.store.schema import StepState, now, roadmap_progress


def set_step(
    engine: Engine,
    team_id: str,
    user_id: str,
    roadmap_id: str,
    step_key: str,
    state: StepState,
    *,
    at: datetime | None = None,
) -> None:
    """Record a step's state for a person (replacing what it was)."""
    insert = insert_for(engine)(roadmap_progress).values(
        team_id=team_id, user_id=user_id, roadmap_id=roadmap_id, step_key=step_key, state=state, updated_at=at or now()
    )
    upsert = insert.on_conflict_do_update(
        index_elements=["team_id", "user_id", "roadmap_id", "step_key"],
        set_={"state": insert.excluded.state, "updated_at": insert.excluded.updated_at},
    )
    with engine.begin() as connection:
        connection.execute(upsert)


def clear_step(engine: Engine, team_id: str, user_id: str, roadmap_id: str, step_key: str) -> None:
    c = roadmap_progress.c
    with engine.begin() as connection:
        connection.execute(
            delete(roadmap_progress).where(
                and_(c.team_id == team_id, c.user_id == user_id, c.roadmap_id == roadmap_id, c.step_key == step_key)
            )
        )


def progress_of(engine: Engine, team_id: str, user_id: str, roadmap_id: str) -> dict[str, StepState]:
    """Step key -> state, for the steps this person has marked on this roadmap."""
    c = roadmap_progress.c
    with engine.connect() as connection:
        rows = connection.execute(
            select(c.step_key, c.state).where(
                and_(c.team_id == team_id, c.user_id == user_id, c.roadmap_id == roadmap_id)
            )
        ).all()
    return {row.step_key: row.state for row in rows}
