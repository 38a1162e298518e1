"""A bot token Slack refuses, or no way to reach Slack, stops `python -m bot serve` and `socket` before
they listen or connect: exit 1 with one line that says which and what to check, never a traceback
(before, every gunicorn worker failed to boot with Bolt's auth.test traceback and the master halted).
"""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator

import pytest
from e2e_http import _free_port, _server_env, run_bot
from fake_slack import FakeSlack

EXIT_TIMEOUT = 120.0  # loading the content takes seconds; a loaded CI machine can be much slower
SOCKET_ENV = {"SLACK_APP_TOKEN": "xapp-1-A0AIENG-0000-dummy"}


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        yield server


def _closed_api_url() -> str:
    """An address on this machine where nothing listens (the port was free a moment ago)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/"


def _run(mode: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    args = ["serve", "--port", str(_free_port())] if mode == "serve" else ["socket"]
    if mode == "socket":
        env = {**{k: v for k, v in env.items() if k != "SLACK_SIGNING_SECRET"}, **SOCKET_ENV}
    return run_bot(args, env, EXIT_TIMEOUT)


@pytest.mark.parametrize("mode", ["serve", "socket"])
def test_a_token_slack_refuses_stops_the_server_with_one_clear_line(fake: FakeSlack, mode: str) -> None:
    fake.fail("auth.test", error="invalid_auth", times=None)

    result = _run(mode, _server_env(fake))

    assert result.returncode == 1, result.stderr
    assert "Slack refused SLACK_BOT_TOKEN (invalid_auth)" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "Listening at" not in result.stderr + result.stdout, "the port is never bound"
    assert [call.api_method for call in fake.api_calls()] == ["auth.test"], "asked once, nothing else"


@pytest.mark.parametrize("mode", ["serve", "socket"])
def test_no_way_to_slack_stops_the_server_naming_the_address(fake: FakeSlack, mode: str) -> None:
    api_url = _closed_api_url()

    result = _run(mode, {**_server_env(fake), "SLACK_API_URL": api_url})

    assert result.returncode == 1, result.stderr
    assert f"could not reach Slack at {api_url}" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "Listening at" not in result.stderr + result.stdout
