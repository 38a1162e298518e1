"""Where a person is on a roadmap: each step done, being learned, or skipped."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, and_, delete, select

from bot.store.dialects import insert_for
from bot.store.schema import StepState, now, roadmap_progress
from bot.store.store import Store


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


def progress_by_roadmap(engine: Engine, team_id: str, user_id: str) -> dict[str, dict[str, StepState]]:
    """Roadmap id -> (step key -> state), for every roadmap this person has marked a step on."""
    c = roadmap_progress.c
    with engine.connect() as connection:
        rows = connection.execute(
            select(c.roadmap_id, c.step_key, c.state).where(and_(c.team_id == team_id, c.user_id == user_id))
        ).all()
    found: dict[str, dict[str, StepState]] = {}
    for row in rows:
        found.setdefault(row.roadmap_id, {})[row.step_key] = row.state
    return found


def clear_progress(engine: Engine, team_id: str, user_id: str, roadmap_id: str | None = None) -> int:
    """Forget this person's progress on one roadmap (or on every roadmap); rows deleted."""
    c = roadmap_progress.c
    about = and_(c.team_id == team_id, c.user_id == user_id)
    if roadmap_id is not None:
        about = and_(about, c.roadmap_id == roadmap_id)
    with engine.begin() as connection:
        return connection.execute(delete(roadmap_progress).where(about)).rowcount


def delete_team_progress(engine: Engine, team_id: str) -> int:
    """Forget the progress of everyone in a workspace (the app was uninstalled there); rows deleted."""
    with engine.begin() as connection:
        return connection.execute(delete(roadmap_progress).where(roadmap_progress.c.team_id == team_id)).rowcount


class ProgressBook:
    """Progress as the bot's edges use it: reads and writes on the store that never raise.

    A store that is down (or none at all) reads as no progress and a write reports False, so a
    person always gets their card; the failure is logged once by the store's health.
    """

    def __init__(self, store: Store | None) -> None:
        self.store = store

    def of(self, team_id: str, user_id: str, roadmap_id: str) -> dict[str, StepState]:
        store = self.store
        if store is None:
            return {}
        return store.health.attempt(
            "read roadmap progress", lambda: progress_of(store.engine, team_id, user_id, roadmap_id), {}
        )

    def everything(self, team_id: str, user_id: str) -> dict[str, dict[str, StepState]]:
        store = self.store
        if store is None:
            return {}
        return store.health.attempt(
            "read roadmap progress", lambda: progress_by_roadmap(store.engine, team_id, user_id), {}
        )

    def mark(self, team_id: str, user_id: str, roadmap_id: str, step_key: str, state: StepState | None) -> bool:
        """Set (or, with None, clear) one step's state; False if it could not be stored."""
        store = self.store
        if store is None:
            return False

        def write() -> bool:
            if state is None:
                clear_step(store.engine, team_id, user_id, roadmap_id, step_key)
            else:
                set_step(store.engine, team_id, user_id, roadmap_id, step_key, state)
            return True

        return store.health.attempt("save roadmap progress", write, False)

    def reset(self, team_id: str, user_id: str, roadmap_id: str | None) -> bool:
        store = self.store
        if store is None:
            return False

        def clear() -> bool:
            clear_progress(store.engine, team_id, user_id, roadmap_id)
            return True

        return store.health.attempt("clear roadmap progress", clear, False)
