"""Settings read from the environment, validated once at start with one message naming every problem."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from urllib.parse import urlsplit

from bot.errors import ConfigError
from bot.store.urls import DatabaseUrlError, default_database_url, normalise_url

DEFAULT_API_URL = "https://slack.com/api/"
DEFAULT_CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


class Mode(Enum):
    SOCKET = "socket"
    HTTP = "http"  # one workspace, its bot token (SLACK_BOT_TOKEN)
    OAUTH = "oauth"  # HTTP for any workspace that installs the app (SLACK_CLIENT_ID + SLACK_CLIENT_SECRET)
    LOCAL = "local"


@dataclass(frozen=True)
class Settings:
    bot_token: str | None = None
    signing_secret: str | None = None
    app_token: str | None = None
    api_url: str = DEFAULT_API_URL
    port: int = 3000
    log_level: str = "INFO"
    content_dir: Path = DEFAULT_CONTENT_DIR
    answer_channel_questions: bool = True
    web_workers: int = 2
    gap_log: Path | None = None
    api_timeout: int = 10  # seconds for each Web API / response_url request
    database_url: str = field(default_factory=default_database_url)  # normalised (postgresql+psycopg://)
    retention_days: int = 90  # questions, feedback, progress and quiz results are kept this long at most
    client_id: str | None = None  # OAuth install: with client_secret, every workspace that installs has its own token
    client_secret: str | None = None
    redirect_uri: str | None = None  # the Redirect URL registered with Slack (None: the app config's only one)

    @property
    def oauth(self) -> bool:
        """OAuth install is selected by the app's client credentials (load_settings refuses them with a bot token)."""
        return bool(self.client_id and self.client_secret)

    @property
    def mode(self) -> Mode:
        if self.oauth:
            return Mode.OAUTH
        if self.app_token and self.bot_token:
            return Mode.SOCKET
        if self.bot_token and self.signing_secret:
            return Mode.HTTP
        return Mode.LOCAL

    @property
    def http_mode(self) -> Mode:
        """The mode `serve` runs in: OAuth install when the client credentials are set, else one workspace."""
        return Mode.OAUTH if self.oauth else Mode.HTTP

    def require(self, mode: Mode) -> None:
        """Fail with one message if the variables a mode needs are not all set."""
        needed = {
            Mode.SOCKET: {"SLACK_BOT_TOKEN": self.bot_token, "SLACK_APP_TOKEN": self.app_token},
            Mode.HTTP: {"SLACK_BOT_TOKEN": self.bot_token, "SLACK_SIGNING_SECRET": self.signing_secret},
            Mode.OAUTH: {
                "SLACK_CLIENT_ID": self.client_id,
                "SLACK_CLIENT_SECRET": self.client_secret,
                "SLACK_SIGNING_SECRET": self.signing_secret,
            },
            Mode.LOCAL: {},
        }[mode]
        missing = [name for name, value in needed.items() if not value]
        if missing:
            raise ConfigError([f"{name} is not set (needed for {mode.value} mode)" for name in missing])


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Build Settings from `env` (default: os.environ); raise ConfigError listing every bad variable."""
    env = os.environ if env is None else env
    problems: list[str] = []

    def text(name: str) -> str | None:
        value = env.get(name, "").strip()
        return value or None

    def token(name: str, prefix: str) -> str | None:
        value = text(name)
        if value and not value.startswith(prefix):
            problems.append(f"{name} should start with '{prefix}'")
        return value

    def integer(name: str, default: int, low: int, high: int) -> int:
        raw = text(name)
        if raw is None:
            return default
        if not (raw.isascii() and raw.isdigit()) or not low <= int(raw) <= high:  # "²".isdigit() is True
            problems.append(f"{name} must be a whole number from {low} to {high}, not {raw!r}")
            return default
        return int(raw)

    def flag(name: str, default: bool) -> bool:
        raw = text(name)
        if raw is None:
            return default
        if raw.lower() not in TRUE_WORDS | FALSE_WORDS:
            problems.append(f"{name} must be true or false, not {raw!r}")
            return default
        return raw.lower() in TRUE_WORDS

    api_url = text("SLACK_API_URL") or DEFAULT_API_URL
    if not _is_http_url(api_url):
        problems.append(f"SLACK_API_URL must be an http(s) URL, not {api_url!r}")
    log_level = (text("LOG_LEVEL") or "INFO").upper()
    if log_level not in LOG_LEVELS:
        problems.append(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, not {log_level!r}")
    content_dir = Path(text("AIENG_CONTENT_DIR") or DEFAULT_CONTENT_DIR)
    try:
        database_url = normalise_url(text("DATABASE_URL") or default_database_url())
    except DatabaseUrlError as error:
        problems.append(str(error))
        database_url = default_database_url()

    settings = Settings(
        bot_token=token("SLACK_BOT_TOKEN", "xoxb-"),
        signing_secret=text("SLACK_SIGNING_SECRET"),
        app_token=token("SLACK_APP_TOKEN", "xapp-"),
        api_url=api_url if api_url.endswith("/") else api_url + "/",
        port=integer("PORT", 3000, 1, 65535),
        log_level=log_level,
        content_dir=content_dir,
        answer_channel_questions=flag("AIENG_CHANNEL_ANSWERS", True),
        web_workers=integer("WEB_CONCURRENCY", 2, 1, 64),
        gap_log=Path(gap) if (gap := text("AIENG_GAP_LOG")) else None,
        api_timeout=integer("SLACK_API_TIMEOUT", 10, 1, 120),
        database_url=database_url,
        retention_days=integer("AIENG_RETENTION_DAYS", 90, 1, 3650),
        client_id=text("SLACK_CLIENT_ID"),
        client_secret=text("SLACK_CLIENT_SECRET"),
        redirect_uri=text("SLACK_REDIRECT_URI"),
    )
    problems.extend(_oauth_problems(settings))
    if problems:
        raise ConfigError(problems)
    return settings


def _oauth_problems(settings: Settings) -> list[str]:
    """OAuth install needs both client credentials, and is not mixed with one workspace's token."""
    problems = []
    if settings.client_id and not settings.client_secret:
        problems.append("SLACK_CLIENT_SECRET is not set but SLACK_CLIENT_ID is (OAuth install needs both)")
    if settings.client_secret and not settings.client_id:
        problems.append("SLACK_CLIENT_ID is not set but SLACK_CLIENT_SECRET is (OAuth install needs both)")
    if settings.oauth and settings.bot_token:
        problems.append(
            "SLACK_BOT_TOKEN is set with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET: set the bot token for one "
            "workspace, or the client credentials to let any workspace install the app, not both"
        )
    if settings.redirect_uri and not _is_http_url(settings.redirect_uri):
        problems.append(f"SLACK_REDIRECT_URI must be an http(s) URL, not {settings.redirect_uri!r}")
    return problems


def _is_http_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
        port_ok = parts.port is None or parts.port > 0  # .port raises ValueError when out of range
    except ValueError:  # also "http://[::1"
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and port_ok
