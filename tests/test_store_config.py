"""DATABASE_URL and AIENG_RETENTION_DAYS: the forms accepted, the one SQLAlchemy gets, and clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import load_settings
from bot.errors import ConfigError
from bot.store.urls import default_sqlite_path, describe


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgres://u:p@db.example:5432/aieng", "postgresql+psycopg://u:p@db.example:5432/aieng"),
        ("postgresql://u@db.example/aieng?sslmode=require", "postgresql+psycopg://u@db.example/aieng?sslmode=require"),
        ("postgresql+psycopg://u@db.example/aieng", "postgresql+psycopg://u@db.example/aieng"),
        ("  sqlite:////var/lib/aieng/bot.sqlite3 ", "sqlite:////var/lib/aieng/bot.sqlite3"),
        ("sqlite:///relative.sqlite3", "sqlite:///relative.sqlite3"),
    ],
)
def test_database_urls_are_normalised_for_psycopg_3(given: str, used: str) -> None:
    assert load_settings({"DATABASE_URL": given}).database_url == used


def test_the_default_is_a_sqlite_file_in_the_users_data_folder(tmp_path: Path) -> None:
    assert load_settings({}).database_url.startswith("sqlite:///")
    assert default_sqlite_path({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path / "aieng" / "aieng.sqlite3"
    assert default_sqlite_path({}) == Path.home() / ".local" / "share" / "aieng" / "aieng.sqlite3"


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        ("mysql://u@h/db", "DATABASE_URL must start with sqlite:///, postgresql:// or postgres://, not mysql://"),
        ("sqlite://", "DATABASE_URL must name a SQLite file"),
        ("sqlite:///:memory:", "DATABASE_URL must name a SQLite file"),
        ("just-a-name", "DATABASE_URL must be a URL"),
        ("postgresql:///db", "DATABASE_URL names no PostgreSQL host"),
    ],
)
def test_an_unusable_database_url_is_named_in_the_start_up_message(given: str, problem: str) -> None:
    with pytest.raises(ConfigError) as raised:
        load_settings({"DATABASE_URL": given, "PORT": "0"})
    assert any(p.startswith(problem) for p in raised.value.problems), raised.value.problems
    assert any(p.startswith("PORT") for p in raised.value.problems)  # every problem, in one message


def test_a_bad_url_in_the_message_hides_its_password() -> None:
    with pytest.raises(ConfigError) as raised:
        load_settings({"DATABASE_URL": "postgresql://u:hunter2@/db"})
    assert "hunter2" not in str(raised.value)
    assert describe("postgresql+psycopg://u:hunter2@h/db") == "postgresql+psycopg://u:***@h/db"


def test_retention_days_default_to_90_and_must_be_a_sane_number() -> None:
    assert load_settings({}).retention_days == 90
    assert load_settings({"AIENG_RETENTION_DAYS": "30"}).retention_days == 30
    for bad in ("0", "-5", "ninety", "100000"):
        with pytest.raises(ConfigError, match="AIENG_RETENTION_DAYS"):
            load_settings({"AIENG_RETENTION_DAYS": bad})
