"""👍/👎 on a card: the vote is stored; after 👎 a small modal asks what was missing (optional, one line).

The modal needs the click's trigger_id, which Slack accepts for 3 seconds: it is opened first thing
in the lazy listener. Every vote also gets a private thanks, so a vote is acknowledged whether the
modal opened, was skipped, or Slack would not open it.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot import ids
from bot.recording import Recording
from bot.slack_client import slack_call

log = logging.getLogger("aieng.feedback")

COMMENT_VIEW = "aieng_feedback_comment"  # callback_id of the "what was missing?" modal
COMMENT_BLOCK = "missing"
COMMENT_INPUT = "missing_text"
MAX_COMMENT_CHARS = 300
THANKS = "Thanks for the feedback!"


def ask_what_was_missing(client: WebClient, trigger_id: str, ref: str) -> bool:
    """Open the modal; False if Slack would not (the trigger expired, a fault): the vote stands."""
    if not trigger_id:
        return False
    try:
        with slack_call("views.open"):
            client.views_open(trigger_id=trigger_id, view=comment_view(ref))
    except Exception as error:  # the vote is stored either way; the person is thanked instead
        log.info("feedback modal not opened", extra={"cause": getattr(error, "code", type(error).__name__)})
        return False
    return True


def comment_view(ref: str) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": COMMENT_VIEW,
        "private_metadata": json.dumps({"ref": ref}),
        "title": {"type": "plain_text", "text": "Thanks for the feedback"},
        "submit": {"type": "plain_text", "text": "Send"},
        "close": {"type": "plain_text", "text": "Skip"},
        "blocks": [
            {
                "type": "input",
                "block_id": COMMENT_BLOCK,
                "optional": True,
                "label": {"type": "plain_text", "text": "What was missing?"},
                "hint": {"type": "plain_text", "text": "One line is plenty. The people who keep the content read it."},
                "element": {
                    "type": "plain_text_input",
                    "action_id": COMMENT_INPUT,
                    "max_length": MAX_COMMENT_CHARS,
                    "placeholder": {"type": "plain_text", "text": "e.g. figures for my city"},
                },
            }
        ],
    }


def thanks_view() -> dict[str, Any]:
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": "Thanks for the feedback"},
        "close": {"type": "plain_text", "text": "Done"},
        "blocks": [
            {"type": "section", "text": {"type": "plain_text", "text": "Noted for the people who keep the content."}}
        ],
    }


def submitted_comment(view: dict[str, Any]) -> tuple[str, str]:
    """(card ref, comment) from a submitted modal; empty strings where missing."""
    try:
        ref = str(json.loads(view.get("private_metadata") or "{}").get("ref") or "")
    except (ValueError, AttributeError):
        ref = ""
    value = view.get("state", {}).get("values", {}).get(COMMENT_BLOCK, {}).get(COMMENT_INPUT, {}).get("value")
    return ref, (str(value)[:MAX_COMMENT_CHARS] if value else "")


def handle_vote(body: dict[str, Any], action: dict[str, Any], respond: Respond, client: WebClient) -> None:
    """After 👎 ask what was missing (first: the trigger expires); thank the person either way."""
    if action.get("action_id") == ids.FEEDBACK_DOWN:
        ask_what_was_missing(client, str(body.get("trigger_id") or ""), str(action.get("value") or ""))
    respond(text=THANKS, response_type="ephemeral", replace_original=False)


def register(app: App, recording: Recording) -> None:
    def acknowledge(ack: Ack) -> None:
        ack(response_action="update", view=thanks_view())

    def store_comment(body: dict[str, Any], view: dict[str, Any]) -> None:
        ref, comment = submitted_comment(view)
        recording.comment(body, ref, comment)

    app.view(COMMENT_VIEW)(ack=acknowledge, lazy=[store_comment])
