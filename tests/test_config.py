"""Settings from the environment: the mode rules, defaults, and one error naming every bad variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import DEFAULT_API_URL, DEFAULT_CONTENT_DIR, Mode, Settings, load_settings
from bot.errors import ConfigError

BOT = "xoxb-1-abc"
APP = "xapp-1-abc"
SECRET = "s3cr3t"


def problems(env: dict[str, str]) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_settings(env)
    return caught.value.problems


def test_empty_environment_gives_local_mode_and_defaults() -> None:
    settings = load_settings({})

    assert settings.mode is Mode.LOCAL
    assert settings == Settings()
    assert (settings.bot_token, settings.app_token, settings.signing_secret) == (None, None, None)
    assert settings.api_url == DEFAULT_API_URL == "https://slack.com/api/"
    assert settings.port == 3000
    assert settings.log_level == "INFO"
    assert settings.content_dir == DEFAULT_CONTENT_DIR == Path(__file__).resolve().parent.parent / "content"
    assert settings.answer_channel_questions is True
    assert settings.web_workers == 2


def test_blank_values_count_as_unset() -> None:
    settings = load_settings({"SLACK_BOT_TOKEN": "  ", "PORT": "", "LOG_LEVEL": " ", "SLACK_API_URL": ""})
    assert settings == Settings()


def test_default_env_is_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "SLACK_BOT_TOKEN",
        "SLACK_APP_TOKEN",
        "SLACK_SIGNING_SECRET",
        "SLACK_API_URL",
        "LOG_LEVEL",
        "WEB_CONCURRENCY",
        "AIENG_CHANNEL_ANSWERS",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PORT", "4321")
    assert load_settings().port == 4321


@pytest.mark.parametrize(
    ("env", "mode"),
    [
        ({}, Mode.LOCAL),
        ({"SLACK_BOT_TOKEN": BOT, "SLACK_APP_TOKEN": APP}, Mode.SOCKET),
        ({"SLACK_BOT_TOKEN": BOT, "SLACK_SIGNING_SECRET": SECRET}, Mode.HTTP),
        ({"SLACK_BOT_TOKEN": BOT, "SLACK_APP_TOKEN": APP, "SLACK_SIGNING_SECRET": SECRET}, Mode.SOCKET),
        ({"SLACK_BOT_TOKEN": BOT}, Mode.LOCAL),
        ({"SLACK_APP_TOKEN": APP}, Mode.LOCAL),
        ({"SLACK_SIGNING_SECRET": SECRET}, Mode.LOCAL),
        ({"SLACK_APP_TOKEN": APP, "SLACK_SIGNING_SECRET": SECRET}, Mode.LOCAL),
    ],
    ids=[
        "nothing-local",
        "app+bot-socket",
        "bot+secret-http",
        "all-three-socket-wins",
        "bot-only-local",
        "app-only-local",
        "secret-only-local",
        "app+secret-without-bot-local",
    ],
)
def test_mode_selection(env: dict[str, str], mode: Mode) -> None:
    assert load_settings(env).mode is mode


def test_tokens_are_kept_without_surrounding_space() -> None:
    settings = load_settings({"SLACK_BOT_TOKEN": f" {BOT}\n", "SLACK_SIGNING_SECRET": f"\t{SECRET} "})
    assert (settings.bot_token, settings.signing_secret) == (BOT, SECRET)


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("PORT", "abc", "PORT must be a whole number from 1 to 65535, not 'abc'"),
        ("PORT", "0", "PORT must be a whole number"),
        ("PORT", "65536", "PORT must be a whole number"),
        ("PORT", "-1", "PORT must be a whole number"),
        ("PORT", "80.5", "PORT must be a whole number"),
        ("PORT", "²", "PORT must be a whole number"),
        ("WEB_CONCURRENCY", "0", "WEB_CONCURRENCY must be a whole number from 1 to 64"),
        ("LOG_LEVEL", "LOUD", "LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL, not 'LOUD'"),
        ("SLACK_API_URL", "slack.com/api", "SLACK_API_URL must be an http(s) URL, not 'slack.com/api'"),
        ("SLACK_API_URL", "ftp://slack.com/api", "SLACK_API_URL must be an http(s) URL"),
        ("SLACK_API_URL", "https://", "SLACK_API_URL must be an http(s) URL"),
        ("SLACK_API_URL", "http://[::1", "SLACK_API_URL must be an http(s) URL"),
        ("SLACK_API_URL", "https://slack.com:99999/api", "SLACK_API_URL must be an http(s) URL"),
        ("SLACK_BOT_TOKEN", "xoxp-1-user-token", "SLACK_BOT_TOKEN should start with 'xoxb-'"),
        ("SLACK_APP_TOKEN", BOT, "SLACK_APP_TOKEN should start with 'xapp-'"),
        ("AIENG_CHANNEL_ANSWERS", "Maybe", "AIENG_CHANNEL_ANSWERS must be true or false, not 'Maybe'"),
    ],
    ids=[
        "port-not-a-number",
        "port-zero",
        "port-too-high",
        "port-negative",
        "port-decimal",
        "port-superscript-digit",
        "web-concurrency-zero",
        "log-level-unknown",
        "api-url-no-scheme",
        "api-url-ftp",
        "api-url-no-host",
        "api-url-unparseable",
        "api-url-bad-port",
        "bot-token-wrong-prefix",
        "app-token-wrong-prefix",
        "channel-answers-not-a-flag",
    ],
)
def test_each_malformed_variable_is_named(name: str, value: str, says: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings({name: value})

    assert caught.value.problems == [caught.value.problems[0]]
    assert says in caught.value.problems[0]
    assert caught.value.problems[0].startswith(name)
    assert says in str(caught.value)


def test_several_problems_come_in_one_error() -> None:
    found = problems(
        {
            "PORT": "eighty",
            "LOG_LEVEL": "chatty",
            "SLACK_API_URL": "slack.com",
            "SLACK_BOT_TOKEN": "bot-token",
            "SLACK_APP_TOKEN": "app-token",
            "AIENG_CHANNEL_ANSWERS": "sometimes",
        }
    )

    named = sorted(problem.split(" ")[0] for problem in found)
    assert named == [
        "AIENG_CHANNEL_ANSWERS",
        "LOG_LEVEL",
        "PORT",
        "SLACK_API_URL",
        "SLACK_APP_TOKEN",
        "SLACK_BOT_TOKEN",
    ]


def test_config_error_message_lists_every_problem() -> None:
    error = ConfigError(["PORT is bad", "LOG_LEVEL is bad"])
    assert "  - PORT is bad\n  - LOG_LEVEL is bad" in str(error)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("true", True),
        ("YES", True),
        ("1", True),
        ("on", True),
        ("False", False),
        ("no", False),
        ("0", False),
        ("OFF", False),
    ],
    ids=lambda v: repr(v),
)
def test_channel_answers_flag(value: str, expected: bool) -> None:
    assert load_settings({"AIENG_CHANNEL_ANSWERS": value}).answer_channel_questions is expected


@pytest.mark.parametrize(
    ("env", "attribute", "expected"),
    [
        ({"PORT": "8080"}, "port", 8080),
        ({"WEB_CONCURRENCY": "8"}, "web_workers", 8),
        ({"LOG_LEVEL": "debug"}, "log_level", "DEBUG"),
        ({"AIENG_CONTENT_DIR": "/srv/aieng/content"}, "content_dir", Path("/srv/aieng/content")),
        ({"SLACK_API_URL": "http://localhost:8080/api"}, "api_url", "http://localhost:8080/api/"),
        ({"SLACK_API_URL": "https://slack.example/api"}, "api_url", "https://slack.example/api/"),
        ({"SLACK_API_URL": "https://slack.example/api/"}, "api_url", "https://slack.example/api/"),
    ],
    ids=[
        "port",
        "web-concurrency",
        "log-level-any-case",
        "content-dir",
        "api-url-gets-trailing-slash",
        "api-url-https-gets-trailing-slash",
        "api-url-slash-not-doubled",
    ],
)
def test_valid_values_are_read(env: dict[str, str], attribute: str, expected: object) -> None:
    assert getattr(load_settings(env), attribute) == expected


@pytest.mark.parametrize(
    ("settings", "mode", "missing"),
    [
        (Settings(), Mode.SOCKET, ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"]),
        (Settings(), Mode.HTTP, ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"]),
        (Settings(bot_token=BOT), Mode.SOCKET, ["SLACK_APP_TOKEN"]),
        (Settings(bot_token=BOT), Mode.HTTP, ["SLACK_SIGNING_SECRET"]),
        (Settings(app_token=APP), Mode.SOCKET, ["SLACK_BOT_TOKEN"]),
        (Settings(app_token=APP, signing_secret=SECRET), Mode.HTTP, ["SLACK_BOT_TOKEN"]),
    ],
    ids=["socket-nothing", "http-nothing", "socket-no-app", "http-no-secret", "socket-no-bot", "http-no-bot"],
)
def test_require_names_each_missing_variable(settings: Settings, mode: Mode, missing: list[str]) -> None:
    with pytest.raises(ConfigError) as caught:
        settings.require(mode)

    assert [problem.split(" ")[0] for problem in caught.value.problems] == missing
    assert all(f"needed for {mode.value} mode" in problem for problem in caught.value.problems)


@pytest.mark.parametrize(
    ("settings", "mode"),
    [
        (Settings(), Mode.LOCAL),
        (Settings(bot_token=BOT, app_token=APP), Mode.SOCKET),
        (Settings(bot_token=BOT, signing_secret=SECRET), Mode.HTTP),
    ],
    ids=["local-needs-nothing", "socket-complete", "http-complete"],
)
def test_require_passes_when_the_mode_has_what_it_needs(settings: Settings, mode: Mode) -> None:
    settings.require(mode)  # raises ConfigError otherwise
    assert settings.mode is mode


# -- OAuth install --------------------------------------------------------------------------------

OAUTH = {"SLACK_CLIENT_ID": "1111.2222", "SLACK_CLIENT_SECRET": "client-secret", "SLACK_SIGNING_SECRET": SECRET}


def test_the_client_credentials_select_oauth_install() -> None:
    settings = load_settings({**OAUTH, "SLACK_REDIRECT_URI": "https://aieng.example/slack/oauth_redirect"})
    assert settings.mode is Mode.OAUTH
    assert settings.http_mode is Mode.OAUTH
    assert settings.redirect_uri == "https://aieng.example/slack/oauth_redirect"
    settings.require(Mode.OAUTH)


def test_a_bot_token_alone_still_selects_one_workspace_over_http() -> None:
    settings = load_settings({"SLACK_BOT_TOKEN": BOT, "SLACK_SIGNING_SECRET": SECRET})
    assert (settings.mode, settings.http_mode, settings.oauth) == (Mode.HTTP, Mode.HTTP, False)


def test_oauth_install_names_every_missing_or_clashing_setting_in_one_message() -> None:
    with pytest.raises(ConfigError) as error:
        load_settings({"SLACK_CLIENT_ID": "1111.2222", "SLACK_REDIRECT_URI": "not a url"})
    message = str(error.value)
    assert "SLACK_CLIENT_SECRET is not set but SLACK_CLIENT_ID is" in message
    assert "SLACK_REDIRECT_URI must be an http(s) URL" in message


def test_a_bot_token_and_client_credentials_together_are_refused() -> None:
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN is set with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET"):
        load_settings({**OAUTH, "SLACK_BOT_TOKEN": BOT})


def test_oauth_install_needs_the_signing_secret() -> None:
    settings = load_settings({k: v for k, v in OAUTH.items() if k != "SLACK_SIGNING_SECRET"})
    with pytest.raises(ConfigError, match="SLACK_SIGNING_SECRET is not set"):
        settings.require(settings.http_mode)
