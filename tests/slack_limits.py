"""Slack's limits on a message, checked on a rendered payload (shared by the card and bad-input tests)."""

from __future__ import annotations

from typing import Any

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import Block

from bot import ids

LIMITS = {
    "blocks": 50,
    "header": 150,
    "section": 3000,
    "fields": 10,
    "field": 2000,
    "button": 75,
    "action_id": 255,
    "block_id": 255,
    "value": 2000,
    "elements": 25,
    "text": 4000,
}
# The actions the handlers listen for: a button with any other action_id would do nothing.
LISTENED = (
    ids.SHARE,
    ids.FEEDBACK_UP,
    ids.FEEDBACK_DOWN,
    ids.NONE_OF_THESE,
    ids.QUIZ,
    *ids.PROGRESS_MARKS,  # handlers/progress.py
    ids.PROGRESS_RESET_CONFIRM,
    ids.PROGRESS_RESET_CANCEL,
)
LISTENED_PATTERNS = (ids.OPEN_PATTERN, ids.PLAN_OPEN_PATTERN, ids.HOME_OPEN_PATTERN)


def listened(action_id: str) -> bool:
    return action_id in LISTENED or any(p.match(action_id) for p in LISTENED_PATTERNS)


def problems(payload: dict[str, Any]) -> list[str]:
    blocks = payload["blocks"]
    found = sdk_problems(blocks)
    if not payload["text"].strip() or len(payload["text"]) > LIMITS["text"]:
        found.append("text fallback empty or too long")
    if len(blocks) > LIMITS["blocks"]:
        found.append(f"{len(blocks)} blocks")
    for block in blocks:
        if len(block.get("block_id", "")) > LIMITS["block_id"]:
            found.append("block_id too long")
        if block["type"] == "header" and len(block["text"]["text"]) > LIMITS["header"]:
            found.append("header too long")
        if block["type"] == "section":
            if len(block.get("text", {}).get("text", "")) > LIMITS["section"]:
                found.append("section text too long")
            fields = block.get("fields", [])
            if len(fields) > LIMITS["fields"] or any(len(f["text"]) > LIMITS["field"] for f in fields):
                found.append("fields over limit")
        if block["type"] == "actions":
            found += action_problems(block["elements"])
    return found


def action_problems(elements: list[dict[str, Any]]) -> list[str]:
    found = []
    if len(elements) > LIMITS["elements"]:
        found.append("too many elements")
    action_ids = [e["action_id"] for e in elements]
    if len(set(action_ids)) != len(action_ids):
        found.append("action_ids repeat within a block")
    for e in elements:
        if e["text"]["type"] != "plain_text" or len(e["text"]["text"]) > LIMITS["button"]:
            found.append(f"bad button text {e['text']['text']!r}")
        if len(e["action_id"]) > LIMITS["action_id"] or len(e.get("value", "")) > LIMITS["value"]:
            found.append("action_id or value too long")
        if not listened(e["action_id"]):
            found.append(f"no listener for {e['action_id']}")
    return found


def sdk_problems(blocks: list[dict[str, Any]]) -> list[str]:
    """bot.rendering builds blocks as plain dicts: each must be what slack_sdk's own model of it
    gives back (`Block.parse(...).to_dict()`), which also runs slack_sdk's validation of it."""
    found = []
    for block in blocks:
        try:
            model = Block.parse(block)
            if model is None or model.to_dict() != block:
                found.append(f"not as slack_sdk builds it: {block}")
        except SlackObjectFormationError as error:
            found.append(f"slack_sdk refuses {block['type']} block: {error}")
    return found
