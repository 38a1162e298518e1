"""More of what end-to-end tests need, on top of e2e_http's helpers: a server started with extra
settings, and its log read back line by line.

    with running_bot(fake, folder, SLACK_API_TIMEOUT="2") as bot:
        ...
        [line] = wait_for_log(bot, lambda l: l.logger == "aieng.errors" and l.fields.get("channel") == ch)

The server writes its log (gunicorn's and the bot's, stderr and stdout) to `bot.log`. Listeners
log after they run, so `wait_for_log` polls, bounded, like FakeSlack.wait_for.
"""

from __future__ import annotations

import re
import secrets
import shlex
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from e2e_http import REPO, START_ATTEMPTS, BotServer, _free_port, _server_env, _stop, _wait_until_healthy
from fake_slack import DEFAULT_TIMEOUT, FakeSlack
from slack_requests import unique

RUN = secrets.token_hex(3).upper()  # event ids differ between runs (the dedupe memory outlives a server)
_LINE = re.compile(r"^(\d{4}-\d\d-\d\d [\d:,]+) (DEBUG|INFO|WARNING|ERROR|CRITICAL) ([\w.]+): (.*)$")


@contextmanager
def running_bot(fake: FakeSlack, folder: Path, **env: str) -> Iterator[BotServer]:
    """`python -m bot serve` against `fake`, with e2e_http's settings plus `env`; stopped after."""
    for attempt in range(1, START_ATTEMPTS + 1):
        log = folder / f"server-{attempt}.log"
        port = _free_port()
        with log.open("wb") as log_file:
            process = subprocess.Popen(
                [sys.executable, "-m", "bot", "serve", "--port", str(port)],
                cwd=REPO,
                env={**_server_env(fake), **env},
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
            try:
                server = BotServer(f"http://127.0.0.1:{port}", log)
                if _wait_until_healthy(server, process, last_try=attempt == START_ATTEMPTS):
                    yield server
                    return
            finally:
                _stop(process)


def event_id() -> str:
    return unique(f"Ev{RUN}")


@dataclass(frozen=True)
class LogLine:
    level: str
    logger: str
    message: str
    fields: dict[str, str]  # the key=value pairs after the message
    text: str  # the whole line

    @staticmethod
    def parse(text: str) -> LogLine | None:
        found = _LINE.match(text)
        if not found:
            return None
        _, level, logger, rest = found.groups()
        message, fields = _split_fields(rest)
        return LogLine(level, logger, message, fields, text)


def _split_fields(rest: str) -> tuple[str, dict[str, str]]:
    """'request type=dm topic=x' -> ('request', {'type': 'dm', 'topic': 'x'}); values may be quoted."""
    try:
        words = shlex.split(rest)
    except ValueError:
        return rest, {}
    message = [w for w in words if "=" not in w]
    fields = dict(w.split("=", 1) for w in words if "=" in w)
    return " ".join(message), fields


def log_text(bot: BotServer, since: int = 0) -> str:
    return bot.log.read_bytes()[since:].decode("utf-8", errors="replace")


def log_size(bot: BotServer) -> int:
    return bot.log.stat().st_size


def log_lines(bot: BotServer, since: int = 0) -> list[LogLine]:
    return [line for text in log_text(bot, since).splitlines() if (line := LogLine.parse(text))]


def request_lines(bot: BotServer, since: int = 0) -> list[LogLine]:
    return [line for line in log_lines(bot, since) if line.logger == "aieng.requests"]


def wait_for_log(
    bot: BotServer,
    accept: Callable[[LogLine], bool],
    count: int = 1,
    since: int = 0,
    timeout: float = DEFAULT_TIMEOUT,
) -> list[LogLine]:
    """Wait (bounded) until at least `count` log lines written after byte `since` satisfy `accept`."""
    deadline = time.monotonic() + timeout
    while True:
        found = [line for line in log_lines(bot, since) if accept(line)]
        if len(found) >= count or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    if len(found) < count:
        tail = "\n".join(log_text(bot, since).splitlines()[-30:])
        raise AssertionError(f"expected {count} matching log line(s) within {timeout:.0f}s, got {len(found)}:\n{tail}")
    return found
