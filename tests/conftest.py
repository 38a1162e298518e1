"""Shared fixtures: the real content and engine (loaded once), a fake Slack Web API, content editors."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_slack import FakeSlack

from bot.answering import Engine
from bot.content import Library, load_library

pytest_plugins = ["store_fixtures"]  # the store on SQLite and PostgreSQL (see tests/store_fixtures.py)

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
# Modules that start the real server (or a Socket Mode client) in a subprocess: `make test-fast` leaves them out.
E2E_MODULES = {
    "test_assistant_e2e",
    "test_e2e_channel_manners",
    "test_e2e_http",
    "test_oauth_e2e",
    "test_progress_e2e",
    "test_quiz_e2e",
    "test_request_logs",
    "test_slack_faults",
    "test_socket_refresh",
    "test_startup_content",
    "test_startup_token",
    "test_store_e2e",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.nodeid.split("::")[0].rsplit("/", 1)[-1].removesuffix(".py") in E2E_MODULES:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeSlack]:
    """A fake Slack Web API on loopback, one per test module (tests that need a fresh one define their own)."""
    with FakeSlack() as server:
        yield server


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(CONTENT)


@pytest.fixture(scope="session")
def engine(library: Library) -> Engine:
    return Engine(library)


# --- Content fixtures: a tiny, complete, valid content set to break one thing at a time. ---

TINY_CONTENT = Path(__file__).resolve().parent / "fixtures" / "tiny_content"


class ContentEditor:
    """Edits one copy of the tiny content set; every edit must find the text it changes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def read(self, name: str) -> str:
        return (self.folder / name).read_text(encoding="utf-8")

    def write(self, name: str, text: str) -> Path:
        path = self.folder / name
        path.write_text(text, encoding="utf-8")
        return path

    def replace(self, name: str, old: str, new: str) -> Path:
        text = self.read(name)
        assert text.count(old) == 1, f"{name} should contain {old!r} exactly once"
        return self.write(name, text.replace(old, new))

    def append(self, name: str, text: str) -> Path:
        return self.write(name, self.read(name) + text)

    def remove(self, name: str) -> None:
        (self.folder / name).unlink()

    def line_of(self, name: str, anchor: str) -> int:
        """The 1-based line of `name` that contains `anchor` (which must be on exactly one line)."""
        lines = [i for i, line in enumerate(self.read(name).splitlines(), 1) if anchor in line]
        assert len(lines) == 1, f"{anchor!r} should be on exactly one line of {name}, found on {lines}"
        return lines[0]


@pytest.fixture
def tiny_content(tmp_path: Path) -> Path:
    """A fresh copy of tests/fixtures/tiny_content: every content file, one or two entries each."""
    folder = tmp_path / "content"
    shutil.copytree(TINY_CONTENT, folder)
    return folder


@pytest.fixture
def edit_content(tiny_content: Path) -> ContentEditor:
    """Write modified files into `tiny_content` (see ContentEditor)."""
    return ContentEditor(tiny_content)


def break_two_files(editor: Any) -> list[str]:
    """Two problems in two files; returns their expected `file:line:` prefixes."""
    editor.replace("roles.yaml", "skills: [python, llm-apps]", "skills: [python, cobol]")
    editor.replace("levels.yaml", "rank: 2", "rank: two")
    folder = editor.folder
    return [
        f"{folder / 'levels.yaml'}:{editor.line_of('levels.yaml', 'rank: two')}: ",
        f"{folder / 'roles.yaml'}:{editor.line_of('roles.yaml', 'cobol')}: ",
    ]
