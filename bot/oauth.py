"""OAuth install (SLACK_CLIENT_ID + SLACK_CLIENT_SECRET): Bolt's own flow on our database.

- GET /slack/install shows the Add to Slack page; GET /slack/oauth_redirect exchanges the code at
  oauth.v2.access (on SLACK_API_URL) and saves the installation with slack_sdk's SQLAlchemy store.
  The state each install page hands out is good for one redirect within 10 minutes.
- Each request is answered with its own workspace's bot token (Bolt's authorize from the
  installation store); a workspace with no installation is refused, logged once per workspace.
- With token rotation on, Bolt refreshes a token that expires within two hours while authorising
  a request. `SerialRefreshAuthorize` takes the installation's refresh lock first
  (bot/store/installations.py) and Bolt then reads the installation again inside it, so of several
  workers that find the token expiring, one refreshes and the others use what it saved.
- Uninstalling (`app_uninstalled`, or `tokens_revoked` for the bot token) deletes the installation
  and every row about that workspace (bot/store/workspaces.py).
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any
from urllib.parse import urljoin

from slack_bolt import BoltContext
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.authorization.authorize import InstallationStoreAuthorize
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.installation_store import InstallationStore
from sqlalchemy import Engine

from bot.config import Settings
from bot.store.installations import installation_key, one_time_state_store, refresh_lock
from bot.store.oauth import OAUTH_STATE_SECONDS, installation_store
from bot.store.workspaces import forget_workspace

log = logging.getLogger("aieng.oauth")

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
REFRESH_MINUTES_BEFORE_EXPIRY = 120  # Bolt's default; a rotated token lives 12 hours
# What the app asks each workspace for: the same list as oauth_config.scopes.bot in manifest.yaml.
BOT_SCOPES = (
    "commands",
    "chat:write",
    "app_mentions:read",
    "im:history",
    "assistant:write",
    "channels:history",
    "groups:history",
)
# Bolt's own line for a refused workspace names none; ours (once per workspace) replaces it.
_BOLT_REFUSAL = "Although the app should be installed into this workspace"


def authorization_url(api_url: str) -> str:
    """Slack's authorize page beside its Web API: https://slack.com/api/ -> https://slack.com/oauth/v2/authorize
    (GovSlack's https://slack-gov.com/api/ likewise; a fake API in tests serves its own)."""
    return urljoin(api_url, "../oauth/v2/authorize")


def oauth_settings(settings: Settings, engine: Engine) -> OAuthSettings:
    assert settings.client_id and settings.client_secret  # Settings.require(Mode.OAUTH) checked them
    return OAuthSettings(
        client_id=settings.client_id,
        client_secret=settings.client_secret,
        scopes=list(BOT_SCOPES),
        user_scopes=[],
        redirect_uri=settings.redirect_uri,
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        authorization_url=authorization_url(settings.api_url),
        installation_store=installation_store(engine, settings.client_id),
        token_rotation_expiration_minutes=REFRESH_MINUTES_BEFORE_EXPIRY,
        state_store=one_time_state_store(engine, OAUTH_STATE_SECONDS),
        state_expiration_seconds=OAUTH_STATE_SECONDS,
    )


class SerialRefreshAuthorize(InstallationStoreAuthorize):
    """Bolt's authorize from the installation store, with each installation's refresh serialised."""

    def __init__(self, settings: OAuthSettings, engine: Engine, client: WebClient) -> None:
        super().__init__(
            logger=log,
            installation_store=settings.installation_store,
            client_id=settings.client_id,
            client_secret=settings.client_secret,
            token_rotation_expiration_minutes=settings.token_rotation_expiration_minutes,
            cache_enabled=True,  # auth.test once per token: a refreshed or new token is a new key
            client=client,  # the refresh goes to SLACK_API_URL, with our timeouts and retries
        )
        self.engine = engine
        self.client_id = settings.client_id
        self._refused: set[str] = set()
        self._refused_guard = threading.Lock()

    def __call__(
        self,
        *,
        context: BoltContext,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None,
        **actor: Any,
    ) -> AuthorizeResult | None:
        def authorize() -> AuthorizeResult | None:
            return super(SerialRefreshAuthorize, self).__call__(
                context=context, enterprise_id=enterprise_id, team_id=team_id, user_id=user_id, **actor
            )

        key = installation_key(self.client_id, enterprise_id, team_id)
        if self._expiring(context, enterprise_id, team_id):
            with refresh_lock(self.engine, key):
                result = authorize()  # reads the installation again: another worker may have refreshed it
        else:
            result = authorize()
        if result is None:
            self._log_refusal(key, enterprise_id, team_id)
        return result

    def _expiring(self, context: BoltContext, enterprise_id: str | None, team_id: str | None) -> bool:
        installation = self.installation_store.find_installation(
            enterprise_id=enterprise_id, team_id=team_id, is_enterprise_install=context.is_enterprise_install
        )
        return installation is not None and expiring(installation, self.token_rotation_expiration_minutes)

    def _log_refusal(self, key: str, enterprise_id: str | None, team_id: str | None) -> None:
        with self._refused_guard:
            first = key not in self._refused
            self._refused.add(key)
        log.log(
            logging.WARNING if first else logging.DEBUG,
            "request refused: this workspace has not installed the app (or uninstalled it)",
            extra={"team": team_id or "-", "enterprise": enterprise_id or "-"},
        )


def expiring(installation: Installation, minutes: int) -> bool:
    """A token of this installation is rotating and expires within `minutes`."""
    deadline = time.time() + minutes * 60
    expiries = (installation.bot_token_expires_at, installation.user_token_expires_at)
    return any(expires_at is not None and expires_at <= deadline for expires_at in expiries)


class WithoutBoltsRefusalLine(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(_BOLT_REFUSAL)


def quiet_bolts_refusal_line() -> None:
    bolt = logging.getLogger("slack_bolt.MultiTeamsAuthorization")
    if not any(isinstance(f, WithoutBoltsRefusalLine) for f in bolt.filters):
        bolt.addFilter(WithoutBoltsRefusalLine())


class Uninstaller:
    """Forgets a workspace: its installation (slack_sdk's tables) and every row of ours about it."""

    def __init__(self, installations: InstallationStore, engine: Engine) -> None:
        self.installations = installations
        self.engine = engine

    def forget(self, enterprise_id: str | None, team_id: str | None, why: str) -> None:
        self.installations.delete_all(enterprise_id=enterprise_id, team_id=team_id)
        deleted = forget_workspace(self.engine, team_id) if team_id else {}
        log.info(
            "workspace forgotten: installation and stored data deleted",
            extra={
                "why": why,
                "team": team_id or "-",
                "enterprise": enterprise_id or "-",
                "rows": sum(deleted.values()),
                **{f"rows_{table}": count for table, count in deleted.items() if count},
            },
        )

    def forget_people(self, enterprise_id: str | None, team_id: str | None, user_ids: list[str]) -> None:
        """Revoked user tokens: those people's installations go (the app asks for no user scopes)."""
        for user_id in user_ids:
            self.installations.delete_installation(enterprise_id=enterprise_id, team_id=team_id, user_id=user_id)
        log.info(
            "user tokens revoked: their installations deleted", extra={"team": team_id or "-", "people": len(user_ids)}
        )
