"""What end-to-end tests over HTTP share: the real server started in a subprocess, signed requests
posted to it, and checks on the cards it sends (moved out of test_e2e_http.py so test modules do not
import each other)."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fake_slack import BOT_TOKEN, FakeSlack, strings
from slack_requests import (
    SIGNING_SECRET,
    SignedRequest,
    block_actions,
    direct_message,
    signed,
    slash_command,
    unique,
)
from slack_sdk.models.blocks import Block

REPO = Path(__file__).resolve().parent.parent
EVENTS_PATH = "/slack/events"
STARTUP_TIMEOUT = 90.0  # gunicorn + content load take ~2 s on a quiet machine; CI can be far slower
HTTP_TIMEOUT = 30.0
START_ATTEMPTS = 3  # a free port can be taken between finding it and gunicorn binding it
MAX_BLOCKS = 50
LIVE_MARKUP = re.compile(r"<[!@#]|<(?:https?|mailto):")  # <!channel>, <@U1>, <#C1>, <https://x|y>, ...
NUMBERED = re.compile(r"^\d+\.\s")  # drill-down buttons are numbered ("1. Step 1: ..."); Back/Next are not

# -- the server ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HttpAnswer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()

    def json(self) -> Any:
        return json.loads(self.body)


_no_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def http(
    method: str,
    url: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = HTTP_TIMEOUT,
) -> HttpAnswer:
    request = urllib.request.Request(url, data=body, headers=headers or {}, method=method)
    try:
        with _no_proxy.open(request, timeout=timeout) as answer:
            return HttpAnswer(answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read())
    except urllib.error.HTTPError as error:
        with error:
            return HttpAnswer(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read())


@dataclass(frozen=True)
class BotServer:
    url: str
    log: Path

    def post(self, request: SignedRequest, path: str = EVENTS_PATH) -> HttpAnswer:
        return http("POST", self.url + path, request.body, request.headers)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def run_bot(args: list[str], env: dict[str, str], timeout: float) -> subprocess.CompletedProcess[str]:
    """`python -m bot ARGS` run to its end (a subcommand expected to exit), its output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _server_env(fake: FakeSlack) -> dict[str, str]:
    """This environment minus anything that could point the bot elsewhere, plus the test settings."""
    inherited = {
        k: v
        for k, v in os.environ.items()
        if not k.upper().startswith(("SLACK_", "AIENG_"))
        and k.upper() not in {"PORT", "WEB_CONCURRENCY", "LOG_LEVEL", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"}
    }
    return {
        **inherited,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake.api_url,
        "WEB_CONCURRENCY": "1",
        "LOG_LEVEL": "INFO",
        "PYTHONUNBUFFERED": "1",
    }


def _wait_until_healthy(server: BotServer, process: subprocess.Popen[bytes], last_try: bool) -> bool:
    """True once GET /healthz is 200; False if the free port was taken meanwhile (try another)."""
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            if "Address already in use" in server.log.read_text(errors="replace") and not last_try:
                return False
            pytest.fail(f"the server exited with {process.returncode} before it was healthy:\n{_tail(server.log)}")
        try:
            if http("GET", server.url + "/healthz", timeout=2).status == 200:
                return True
        except OSError:
            pass  # not listening yet
        time.sleep(0.1)
    pytest.fail(f"GET /healthz was not 200 within {STARTUP_TIMEOUT:.0f}s:\n{_tail(server.log)}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)


def _tail(log: Path, lines: int = 60) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


# -- driving it like Slack does ------------------------------------------------------------------


def slash(bot: BotServer, fake: FakeSlack, text: str, **fields: Any) -> tuple[HttpAnswer, str]:
    """Run `/aieng <text>`; return the HTTP answer and the response_url Slack gave the bot."""
    response_url = fake.response_url()
    answer = bot.post(signed(slash_command(text, response_url=response_url, **fields)))
    return answer, response_url


def slash_card(bot: BotServer, fake: FakeSlack, text: str) -> dict[str, Any]:
    answer, _ = slash(bot, fake, text)
    assert answer.status == 200, answer.text
    card: dict[str, Any] = answer.json()
    assert_valid_card(card)
    return card


def click(bot: BotServer, fake: FakeSlack, button: dict[str, Any], **where: Any) -> dict[str, Any]:
    """Click `button` (as the bot sent it); return what the bot posted to the click's response_url."""
    response_url = fake.response_url()
    answer = bot.post(signed(block_actions(button, response_url=response_url, **where)))
    assert answer.status == 200, answer.text
    assert answer.body == b"", "a click is acknowledged with an empty 200; the reply goes to response_url"
    [posted] = fake.wait_for(response_url)
    assert posted.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = posted.body
    return body


def settle(bot: BotServer, fake: FakeSlack) -> None:
    """Send a DM that gets an answer and wait for it: everything set off before it has happened by now."""
    channel = unique("DSETTLE")
    assert bot.post(signed(direct_message("roadmap swe", channel=channel))).status == 200
    wait_for_posts(fake, "chat.postMessage", channel)


def wait_for_posts(fake: FakeSlack, method: str, channel: str, count: int = 1) -> list[dict[str, Any]]:
    return [c.body for c in fake.wait_for(method, count, where=lambda c: c.channel == channel)]


def everything_posted_to(fake: FakeSlack, channel: str) -> list[dict[str, Any]]:
    return [c.body for c in fake.api_calls() if c.channel == channel]


# -- reading cards -----------------------------------------------------------------------------------


def buttons(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for b in card["blocks"] if b["type"] == "actions" for e in b["elements"] if e["type"] == "button"]


def button(card: dict[str, Any], label: str) -> dict[str, Any]:
    found = [b for b in buttons(card) if b["text"]["text"] == label]
    assert len(found) == 1, f"expected one {label!r} button, found {[b['text']['text'] for b in buttons(card)]}"
    return found[0]


def has_button(card: dict[str, Any], label: str) -> bool:
    return any(b["text"]["text"] == label for b in buttons(card))


def numbered(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [b for b in buttons(card) if NUMBERED.match(b["text"]["text"])]


def header(card: dict[str, Any]) -> str:
    text: str = card["blocks"][0]["text"]["text"]
    return text


def assert_valid_card(card: dict[str, Any]) -> None:
    """What Slack would accept (and slack_sdk's own validation agrees), and what every card has."""
    blocks = card["blocks"]
    assert isinstance(card.get("text"), str) and card["text"].strip(), "a card needs its notification text"
    assert 1 <= len(blocks) <= MAX_BLOCKS
    assert blocks[0]["type"] == "header", "every card starts with its header"
    assert 0 < len(header(card)) <= 150
    for block in blocks:
        parsed = Block.parse(block)
        assert parsed is not None, f"not a block slack_sdk knows: {block}"
        assert parsed.to_dict() == block  # raises SlackObjectFormationError on a broken block
        if block["type"] == "section":
            assert len(block.get("text", {}).get("text", "")) <= 3000
            assert len(block.get("fields", [])) <= 10
            assert all(len(f["text"]) <= 2000 for f in block.get("fields", []))
        if block["type"] == "actions":
            action_ids = [e["action_id"] for e in block["elements"]]
            assert len(action_ids) <= 25
            assert len(set(action_ids)) == len(action_ids), f"action_ids repeat within a block: {action_ids}"
            for element in block["elements"]:
                assert 0 < len(element["text"]["text"]) <= 75
                assert len(element.get("value", "")) <= 2000
    block_ids = [b["block_id"] for b in blocks if "block_id" in b]
    assert len(set(block_ids)) == len(block_ids)


def assert_no_live_markup(payload: dict[str, Any]) -> None:
    """No mention, broadcast, channel link or URL link anywhere in what the bot sends."""
    for text in strings(payload):
        assert not LIVE_MARKUP.search(text), f"live Slack markup reached Slack: {text!r}"


# -- the server itself -----------------------------------------------------------------------------
