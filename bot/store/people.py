"""Everything stored about one person, found and forgotten (`python -m bot forget`)."""

from __future__ import annotations

from sqlalchemy import Engine, and_, delete

from bot.store.schema import PERSONAL_TABLES


def forget_person(engine: Engine, user_id: str, team_id: str | None = None) -> dict[str, int]:
    """Delete every row about `user_id` (in `team_id`, or in every workspace); rows deleted per table."""
    deleted: dict[str, int] = {}
    with engine.begin() as connection:
        for table in PERSONAL_TABLES:
            about = table.c.user_id == user_id
            if team_id is not None:
                about = and_(about, table.c.team_id == team_id)
            deleted[table.name] = connection.execute(delete(table).where(about)).rowcount
    return deleted
