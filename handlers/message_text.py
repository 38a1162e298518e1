"""What a person wrote in a message event, wherever Slack put it.

Usually `text`. A message sent with a file, or composed in a client that sends only blocks, can come
with `text` empty and the words in its rich-text blocks; a message posted with attachments only can
carry them there. A forwarded message or a link preview is also an attachment, but those are someone
else's words (or a page's): they are never read as the person's question.
"""

from __future__ import annotations

from typing import Any

# Attachment fields that mark it as a share, an unfurl or a preview: not what the person wrote.
_NOT_THEIR_WORDS = ("is_share", "is_msg_unfurl", "is_app_unfurl", "from_url", "original_url", "message_blocks")
_ATTACHMENT_TEXT = ("pretext", "text", "fallback")


def person_text(event: dict[str, Any]) -> str:
    """The words the person wrote: `text`, else their rich-text blocks, else their own attachments."""
    text = event.get("text")
    if isinstance(text, str) and text.strip():
        return text
    return _blocks_text(event.get("blocks")) or _attachments_text(event.get("attachments"))


def _blocks_text(blocks: object) -> str:
    found: list[str] = []
    for block in _objects(blocks):
        if block.get("type") == "rich_text":
            _collect(block.get("elements"), found)
    return "".join(found).strip()


def _collect(elements: object, found: list[str]) -> None:
    """Rich-text leaves in order: text and links as shown, user mentions as Slack writes them in `text`."""
    for element in _objects(elements):
        kind = element.get("type")
        if kind in ("text", "link"):
            found.append(str(element.get("text") or element.get("url") or ""))
        elif kind == "user" and element.get("user_id"):
            found.append(f"<@{element['user_id']}>")
        elif kind in ("rich_text_section", "rich_text_list", "rich_text_quote", "rich_text_preformatted"):
            _collect(element.get("elements"), found)
            found.append("\n")


def _attachments_text(attachments: object) -> str:
    own = [a for a in _objects(attachments) if not any(a.get(mark) for mark in _NOT_THEIR_WORDS)]
    for attachment in own:
        for name in _ATTACHMENT_TEXT:
            value = attachment.get(name)
            if isinstance(value, str) and value.strip():
                return value
    return ""


def _objects(value: object) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
