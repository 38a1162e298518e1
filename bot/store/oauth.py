"""slack_sdk's own SQLAlchemy OAuth stores, on our database (the first migration made their tables)."""

from __future__ import annotations

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Engine

OAUTH_STATE_SECONDS = 600  # how long an "Add to Slack" click may take to come back


def installation_store(engine: Engine, client_id: str) -> SQLAlchemyInstallationStore:
    return SQLAlchemyInstallationStore(client_id=client_id, engine=engine)


def oauth_state_store(engine: Engine, expiration_seconds: int = OAUTH_STATE_SECONDS) -> SQLAlchemyOAuthStateStore:
    return SQLAlchemyOAuthStateStore(expiration_seconds=expiration_seconds, engine=engine)
