"""Everything stored about one workspace, forgotten when it uninstalls the app.

A table is about a workspace when it has a `team_id` column: every such table in bot.store.schema is
covered here without being named, so a new one is forgotten too. A table without one must be listed
in NOT_ABOUT_A_WORKSPACE with the reason (tests/test_workspaces.py fails otherwise). slack_sdk's
installation tables are emptied by its installation store (`delete_all`), not here.
"""

from __future__ import annotations

from sqlalchemy import Engine, Table, delete

from bot.store.schema import metadata

NOT_ABOUT_A_WORKSPACE: dict[str, str] = {
    "seen_events": "Slack event ids only, no content, kept 10 minutes",
}


def workspace_tables() -> tuple[Table, ...]:
    """Every table of ours that holds rows about a workspace (it has a team_id column)."""
    return tuple(table for table in metadata.sorted_tables if "team_id" in table.c)


def forget_workspace(engine: Engine, team_id: str) -> dict[str, int]:
    """Delete every row about workspace `team_id`, in one transaction; rows deleted per table."""
    deleted: dict[str, int] = {}
    with engine.begin() as connection:
        for table in reversed(workspace_tables()):  # children before parents, should a foreign key appear
            deleted[table.name] = connection.execute(delete(table).where(table.c.team_id == team_id)).rowcount
    return deleted
