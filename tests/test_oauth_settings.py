"""What OAuth install asks Slack for and where it sends people: the manifest's scopes, Slack's
authorize page beside SLACK_API_URL, the state's 10 minutes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.config import Settings
from bot.oauth import BOT_SCOPES, REDIRECT_PATH, authorization_url, oauth_settings
from bot.store.store import Store

MANIFEST = Path(__file__).resolve().parent.parent / "manifest.yaml"


def test_the_install_asks_for_the_bot_scopes_the_manifest_lists() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text())
    assert list(BOT_SCOPES) == manifest["oauth_config"]["scopes"]["bot"]


def test_the_manifest_tells_how_to_register_the_redirect_path_the_server_serves() -> None:
    # As written the manifest is for Socket Mode (no public URL), so the redirect URL is in its comment.
    assert f"oauth_config.redirect_urls:           [https://YOUR-HOST{REDIRECT_PATH}]" in MANIFEST.read_text()


@pytest.mark.parametrize(
    ("api_url", "page"),
    [
        ("https://slack.com/api/", "https://slack.com/oauth/v2/authorize"),
        ("https://slack-gov.com/api/", "https://slack-gov.com/oauth/v2/authorize"),
        ("http://127.0.0.1:8123/api/", "http://127.0.0.1:8123/oauth/v2/authorize"),
    ],
)
def test_the_authorize_page_is_beside_the_web_api(api_url: str, page: str) -> None:
    assert authorization_url(api_url) == page


def test_the_oauth_settings_use_our_database_and_a_ten_minute_state(store: Store) -> None:
    settings = Settings(
        client_id="1111.2222", client_secret="x", signing_secret="s", api_url="https://slack-gov.com/api/"
    )
    built = oauth_settings(settings, store.engine)
    assert built.state_expiration_seconds == 600
    assert built.state_store.expiration_seconds == 600  # type: ignore[attr-defined]
    assert built.authorization_url == "https://slack-gov.com/oauth/v2/authorize"
    assert built.installation_store.engine is store.engine  # type: ignore[attr-defined]
    assert built.user_scopes == []
