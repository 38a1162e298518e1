"""Broken content stops the Slack servers before they serve anything: `python -m bot serve` and
`python -m bot socket` exit 1 at once with every problem as `file:line: message` on stderr, never
listen or answer /healthz, and never call Slack. Partial content is never served.

(tests/test_content.py covers the loader itself and the other subcommands.)
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import break_two_files
from e2e_http import REPO, _free_port, _server_env, http, run_bot
from fake_slack import FakeSlack

EXIT_TIMEOUT = 120.0  # loading the content takes seconds; a loaded CI machine can be much slower


def _yaml_syntax_error(editor: Any) -> list[str]:
    editor.replace("roles.yaml", "title: ML Engineer\n", "title: ML Engineer: senior\n")
    return [f"{editor.folder / 'roles.yaml'}:{editor.line_of('roles.yaml', 'ML Engineer: senior')}: "]


BREAKAGES: dict[str, Callable[[Any], list[str]]] = {"schema": break_two_files, "yaml-syntax": _yaml_syntax_error}


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        yield server


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_serve_refuses_broken_content_before_it_listens(
    fake: FakeSlack, edit_content: Any, tmp_path: Path, breakage: str
) -> None:
    expected = BREAKAGES[breakage](edit_content)
    port = _free_port()
    env = {**_server_env(fake), "AIENG_CONTENT_DIR": str(edit_content.folder)}
    out, err = tmp_path / "stdout", tmp_path / "stderr"

    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--port", str(port)],
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=stderr,
        )
        answered = _poll_healthz_until_exit(process, f"http://127.0.0.1:{port}/healthz")

    assert process.returncode == 1
    assert answered == [], "nothing may answer while the content is broken"
    log = err.read_text(errors="replace")
    assert log.startswith("aieng: "), log
    for prefix in expected:
        assert prefix in log
    assert "Traceback" not in log
    assert "Listening at" not in log + out.read_text(errors="replace"), "the port is never bound"
    assert fake.calls() == [], "Slack is never called"


def _poll_healthz_until_exit(process: subprocess.Popen[bytes], url: str) -> list[int]:
    """GET /healthz until the process exits (bounded); the statuses of any answers it got."""
    answered: list[int] = []
    deadline = time.monotonic() + EXIT_TIMEOUT
    try:
        while process.poll() is None and time.monotonic() < deadline:
            with contextlib.suppress(OSError):  # refused: nothing listens, as it should be
                answered.append(http("GET", url, timeout=2).status)
            time.sleep(0.05)
        assert process.poll() is not None, f"serve did not exit within {EXIT_TIMEOUT:.0f}s on broken content"
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
    return answered


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_socket_mode_refuses_broken_content_before_it_connects(
    fake: FakeSlack, edit_content: Any, breakage: str
) -> None:
    expected = BREAKAGES[breakage](edit_content)
    env = {k: v for k, v in _server_env(fake).items() if k != "SLACK_SIGNING_SECRET"}
    env.update(SLACK_APP_TOKEN="xapp-1-A0AIENG-0000-dummy", AIENG_CONTENT_DIR=str(edit_content.folder))

    result = run_bot(["socket"], env, EXIT_TIMEOUT)

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("aieng: "), result.stderr
    for prefix in expected:
        assert prefix in result.stderr
    assert "Traceback" not in result.stderr
    assert fake.calls() == [], "no auth.test, no apps.connections.open: it failed before connecting"
