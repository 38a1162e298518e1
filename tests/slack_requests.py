"""Requests shaped and signed exactly as Slack sends them to a bot's Request URL.

Bodies: a slash command is a form; a button click is a form with one `payload=<JSON>` field;
Events API deliveries (event_callback, url_verification) are JSON. Signing follows Slack's
"verifying requests" recipe, implemented here independently of slack_sdk:

    X-Slack-Request-Timestamp: <epoch seconds>
    X-Slack-Signature: v0=hex(HMAC-SHA256(signing secret, "v0:<timestamp>:<raw body>"))

`signed(body, secret, fault=...)` can also produce the requests Slack would never send (a wrong or
missing signature, a stale timestamp, a body changed after signing) and Slack's retry headers.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

SIGNING_SECRET = "e2e-test-signing-secret-8f14e45fceea167a"
TEAM_ID = "T1"
TEAM_DOMAIN = "aieng-test"
API_APP_ID = "A0AIENG"
BOT_USER_ID = "UBOT"
VERIFICATION_TOKEN = "legacy-verification-token"  # deprecated, still sent; Bolt ignores it
USER_AGENT = "Slackbot 1.0 (+https://api.slack.com/robots)"
REPLAY_WINDOW_SECONDS = 300

# Ways a request can be wrong (for parametrized 401 tests).
WRONG_SIGNATURE = "wrong-signature"  # signed with another secret
NO_SIGNATURE = "no-signature"  # neither signing header
NO_TIMESTAMP = "no-timestamp"  # a signature but no timestamp
STALE = "stale"  # correctly signed, but more than 5 minutes ago
FUTURE = "future"  # correctly signed, timestamp more than 5 minutes ahead
TAMPERED = "tampered"  # signed, then the body was changed
GARBAGE_TIMESTAMP = "garbage-timestamp"  # a timestamp that is not a number
FAULTS = (WRONG_SIGNATURE, NO_SIGNATURE, NO_TIMESTAMP, STALE, FUTURE, TAMPERED, GARBAGE_TIMESTAMP)

_ids = itertools.count(1)


@dataclass(frozen=True)
class SignedRequest:
    body: bytes
    headers: dict[str, str]

    @property
    def text(self) -> str:
        return self.body.decode()


def unique(prefix: str) -> str:
    """An id no other request in this test run uses (channels, users, event ids, ...)."""
    return f"{prefix}{next(_ids):05d}"


def signature(secret: str, timestamp: str, body: bytes) -> str:
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def signed(
    body: str | bytes,
    secret: str = SIGNING_SECRET,
    *,
    fault: str | None = None,
    retry_num: int | None = None,
    retry_reason: str = "http_timeout",
    now: float | None = None,
) -> SignedRequest:
    """Headers Slack would send with `body` (or, with `fault`, a request Slack would never send)."""
    raw = body.encode() if isinstance(body, str) else body
    when = int(time.time() if now is None else now)
    if fault == STALE:
        when -= REPLAY_WINDOW_SECONDS + 60
    elif fault == FUTURE:
        when += REPLAY_WINDOW_SECONDS + 60
    timestamp = str(when)
    key = "not-the-signing-secret" if fault == WRONG_SIGNATURE else secret
    headers = {
        "Content-Type": "application/json" if raw.lstrip().startswith(b"{") else "application/x-www-form-urlencoded",
        "User-Agent": USER_AGENT,
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": signature(key, timestamp, raw),
    }
    if fault == NO_SIGNATURE:
        del headers["X-Slack-Signature"], headers["X-Slack-Request-Timestamp"]
    elif fault == NO_TIMESTAMP:
        del headers["X-Slack-Request-Timestamp"]
    elif fault == GARBAGE_TIMESTAMP:
        headers["X-Slack-Request-Timestamp"] = "yesterday"
    elif fault == TAMPERED:
        raw = _tamper(raw)
    elif fault is not None and fault not in (WRONG_SIGNATURE, STALE, FUTURE):
        raise ValueError(f"unknown fault {fault!r}; one of {FAULTS}")
    if retry_num is not None:
        headers["X-Slack-Retry-Num"] = str(retry_num)
        headers["X-Slack-Retry-Reason"] = retry_reason
    return SignedRequest(raw, headers)


def _tamper(raw: bytes) -> bytes:
    """The same request with one thing changed, as an attacker replaying it would do."""
    if raw.startswith(b"{"):
        return raw.rstrip()[:-1] + b', "tampered": true}'
    return raw + b"&text=tampered"


# -- bodies -----------------------------------------------------------------------------------------


def slash_command(
    text: str,
    *,
    response_url: str,
    channel_id: str = "C0GENERAL",
    channel_name: str = "general",
    user_id: str = "U0ASKER",
    user_name: str = "asker",
    command: str = "/aieng",
) -> str:
    """The form body of a slash command (urlencoded; `command` arrives as %2Faieng)."""
    fields = {
        "token": VERIFICATION_TOKEN,
        "team_id": TEAM_ID,
        "team_domain": TEAM_DOMAIN,
        "channel_id": channel_id,
        "channel_name": channel_name,
        "user_id": user_id,
        "user_name": user_name,
        "command": command,
        "text": text,
        "api_app_id": API_APP_ID,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": f"{int(time.time())}.{unique('')}.0123456789abcdef0123456789abcdef",
    }
    return urlencode(fields)


def block_actions(
    button: Mapping[str, Any],
    *,
    response_url: str,
    message: Mapping[str, Any] | None = None,
    channel_id: str = "C0GENERAL",
    channel_name: str = "general",
    user_id: str = "U0ASKER",
    is_ephemeral: bool = True,
    block_id: str = "actions",
) -> str:
    """The `payload=` form body of a click on `button` (a button element as the bot sent it).

    `message` is the message the button was in; Slack includes it for in-channel messages but not
    for ephemeral ones (and neither for replies sent through response_url).
    """
    now = time.time()
    message_ts = f"{now - 5:.6f}"
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": {"id": user_id, "username": "asker", "name": "asker", "team_id": TEAM_ID},
        "api_app_id": API_APP_ID,
        "token": VERIFICATION_TOKEN,
        "container": {
            "type": "message",
            "message_ts": message_ts,
            "channel_id": channel_id,
            "is_ephemeral": is_ephemeral,
        },
        "trigger_id": f"{int(now)}.{unique('')}.fedcba9876543210fedcba9876543210",
        "team": {"id": TEAM_ID, "domain": TEAM_DOMAIN},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": channel_id, "name": channel_name},
        "state": {"values": {}},
        "response_url": response_url,
        "actions": [
            {
                "action_id": button["action_id"],
                "block_id": block_id,
                "text": button.get("text", {"type": "plain_text", "text": "button", "emoji": True}),
                "value": button.get("value", ""),
                "type": button.get("type", "button"),
                "action_ts": f"{now:.6f}",
                **({"style": button["style"]} if "style" in button else {}),
            }
        ],
    }
    if message is not None and not is_ephemeral:
        payload["message"] = {"type": "message", "user": BOT_USER_ID, "ts": message_ts, **message}
    return "payload=" + quote(json.dumps(payload))


def event_callback(event: Mapping[str, Any], *, event_id: str | None = None) -> str:
    """An Events API delivery wrapping `event`."""
    envelope = {
        "token": VERIFICATION_TOKEN,
        "team_id": TEAM_ID,
        "context_team_id": TEAM_ID,
        "context_enterprise_id": None,
        "api_app_id": API_APP_ID,
        "event": dict(event),
        "type": "event_callback",
        "event_id": event_id or unique("Ev0"),
        "event_time": int(time.time()),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": f"4-{unique('ctx')}",
    }
    return json.dumps(envelope)


def app_mention(
    text: str,
    *,
    channel: str = "C0GENERAL",
    user: str = "U0ASKER",
    ts: str | None = None,
    thread_ts: str | None = None,
    event_id: str | None = None,
) -> str:
    """Someone writes "@aieng <text>" in a channel (Slack puts "<@UBOT> " in front)."""
    ts = ts or _ts()
    event = {
        "client_msg_id": unique("msg-"),
        "type": "app_mention",
        "text": f"<@{BOT_USER_ID}> {text}",
        "user": user,
        "ts": ts,
        "team": TEAM_ID,
        "channel": channel,
        "event_ts": ts,
        "blocks": _rich_text(f"<@{BOT_USER_ID}> {text}"),
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event_callback(event, event_id=event_id)


def direct_message(
    text: str,
    *,
    channel: str = "D0ASKER",
    user: str = "U0ASKER",
    ts: str | None = None,
    event_id: str | None = None,
) -> str:
    """A message in the bot's DM (delivered through the message.im subscription)."""
    event = im_message(text, channel=channel, user=user, ts=ts or _ts())
    return event_callback({**event, "blocks": _rich_text(text)}, event_id=event_id)


def im_message(text: str, *, channel: str, user: str, ts: str) -> dict[str, Any]:
    """The event of a message in a DM with the bot (the assistant panel's too), without blocks."""
    return {
        "client_msg_id": unique("msg-"),
        "type": "message",
        "text": text,
        "user": user,
        "ts": ts,
        "team": TEAM_ID,
        "channel": channel,
        "event_ts": ts,
        "channel_type": "im",
    }


def url_verification(challenge: str) -> str:
    return json.dumps({"token": VERIFICATION_TOKEN, "challenge": challenge, "type": "url_verification"})


def _ts() -> str:
    return f"{time.time():.6f}"


def _rich_text(text: str) -> list[dict[str, Any]]:
    return [
        {
            "type": "rich_text",
            "block_id": unique("b"),
            "elements": [{"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}],
        }
    ]
