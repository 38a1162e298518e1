"""Card -> Slack message (Block Kit blocks as plain dicts, plus a plain `text` fallback).

Every string that reaches Slack is escaped (`&`, `<`, `>`), so neither content nor a person's own
words can become a mention, a broadcast or a link. Slack's limits are enforced here, by
truncating, so no card can be rejected: 50 blocks, 3,000 characters a section, 10 fields of
2,000, 150 for a header, 75 for a button, 25 elements an actions block.

The blocks are built as the dicts slack_sdk's model classes (`HeaderBlock`, `SectionBlock`, ...) would
give from `to_dict()`, not through them: their validating `to_dict` made rendering a card ~8x
slower (270 vs 32 us with the JSON, every reachable card), and it can never fail here. The tests
validate every reachable card with those classes instead (tests/slack_limits.py), and check that
they give back exactly these dicts.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bot import ids
from bot.cards import Button, Card, Section
from bot.text import escape_mrkdwn, shorten

MAX_BLOCKS = 50
MAX_SECTION = 3000
MAX_FIELD = 2000
MAX_HEADER = 150
MAX_BUTTON = 75
MAX_ACTIONS = 25
MAX_VALUE = 2000
MAX_TEXT = 3000  # the notification / screen-reader text; Slack advises staying well under 4,000
MAX_ECHO = 200
RESERVED_BLOCKS = 4  # context, two actions blocks, and a "more" note


Block = dict[str, Any]


@dataclass(frozen=True)
class Message:
    text: str
    blocks: list[Block]

    def payload(self, response_type: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {"text": self.text, "blocks": self.blocks}
        if response_type:
            body["response_type"] = response_type
        return body


@lru_cache(maxsize=1024)
def payload_json(card: Card, shareable: bool, response_type: str | None) -> str:
    """The Slack payload of a card as JSON, remembered: cards are values of immutable content."""
    return json.dumps(render(card, shareable=shareable).payload(response_type))


def render(card: Card, *, shareable: bool = False, shared_by: str | None = None) -> Message:
    """The Slack message for a card; `shareable` adds "Share in channel" (for ephemeral replies).

    `shared_by` is a Slack user id (checked by the caller) credited when a card is shared.
    """
    body = [*_head(card), *_body(card)]
    if shared_by:
        body.insert(1, {"type": "context", "elements": [_mrkdwn(f"Shared by <@{shared_by}>")]})
    if len(body) > MAX_BLOCKS - RESERVED_BLOCKS:
        body = body[: MAX_BLOCKS - RESERVED_BLOCKS - 1]
        body.append(_context("More in the full article; use the buttons to narrow down."))
    if card.sources:
        body.append(_context("Sources: " + " · ".join(card.sources)))
    body += list(_actions(card.buttons, footer_buttons(card, shareable and not shared_by)))
    return Message(text=plain_text(card), blocks=body)


def _head(card: Card) -> Iterator[Block]:
    yield {"type": "header", "text": _plain(shorten(card.title, MAX_HEADER))}
    if card.echo:
        yield _context(f"You asked: “{shorten(card.echo, MAX_ECHO)}”")
    yield _section(shorten(escape_mrkdwn(card.summary), MAX_SECTION))


def _body(card: Card) -> Iterator[Block]:
    for section in card.sections:
        if section.lines or section.heading:
            yield from _line_blocks(section)
        if section.fields:
            fields = [_field_text(f.label, f.value) for f in section.fields[:10]]
            yield {"type": "section", "fields": [_mrkdwn(t) for t in fields]}


def _line_blocks(section: Section) -> Iterator[Block]:
    """A section's bullet lines, split across blocks so none passes 3,000 characters."""
    heading = f"*{escape_mrkdwn(section.heading)}*\n" if section.heading else ""
    chunk = heading
    for line in section.lines:
        bullet = f"• {shorten(escape_mrkdwn(line), MAX_SECTION - 10)}\n"
        if len(chunk) + len(bullet) > MAX_SECTION:
            yield _section(chunk.rstrip())
            chunk = ""
        chunk += bullet
    if chunk.strip():
        yield _section(chunk.rstrip())


def _field_text(label: str, value: str) -> str:
    text = f"*{escape_mrkdwn(label)}*\n{escape_mrkdwn(value)}" if value else f"*{escape_mrkdwn(label)}*"
    return shorten(text, MAX_FIELD)


def footer_buttons(card: Card, shareable: bool) -> list[Button]:
    if card.kind != "answer" or not card.ref:
        return []
    footer = [Button("Share in channel", "share", card.ref)] if shareable else []
    return [*footer, Button("👍", "vote_up", card.ref), Button("👎", "vote_down", card.ref)]


def _actions(buttons: tuple[Button, ...], footer: list[Button]) -> Iterator[Block]:
    main = [_button(b, i) for i, b in enumerate(buttons[:MAX_ACTIONS])]
    if main:
        yield {"type": "actions", "elements": main}
    if footer:
        yield {"type": "actions", "elements": [_button(b, i) for i, b in enumerate(footer)]}


def _button(button: Button, position: int) -> Block:
    element: Block = {
        "type": "button",
        "text": _plain(shorten(button.label, MAX_BUTTON)),
        "action_id": ids.action_id(button.action, position),
    }
    if button.value:  # slack_sdk leaves out an empty value, and a style of None
        element["value"] = button.value[:MAX_VALUE]
    if button.style:
        element["style"] = button.style
    return element


def _context(text: str) -> Block:
    return {"type": "context", "elements": [_mrkdwn(shorten(escape_mrkdwn(text), MAX_FIELD))]}


def _section(text: str) -> Block:
    return {"type": "section", "text": _mrkdwn(text)}


def _mrkdwn(text: str) -> Block:
    return {"type": "mrkdwn", "text": text}


def _plain(text: str) -> Block:
    return {"type": "plain_text", "text": text, "emoji": True}


def _bullet(text: str) -> str:
    return "  • " + text.replace("\n", "\n    ")


SHOWN_BLOCKS = ("header", "section", "context")


def visible_text(payload: dict[str, Any]) -> str:
    """What Slack shows of a message in the channel: the text of its header, section (text and
    fields) and context blocks. Not button labels, nor the `text` fallback (notifications only)."""
    parts: list[str] = []
    for block in payload.get("blocks", []):
        if block["type"] not in SHOWN_BLOCKS:
            continue
        if "text" in block:
            parts.append(block["text"]["text"])
        parts += [f["text"] for f in block.get("fields", [])]
        parts += [e["text"] for e in block.get("elements", []) if "text" in e]
    return "\n".join(parts)


def plain_text(card: Card) -> str:
    """The notification and screen-reader text: the card without its buttons, escaped, capped."""
    return shorten(escape_mrkdwn("\n".join(text_lines(card, underline=False))), MAX_TEXT)


def text_lines(card: Card, underline: bool = True) -> list[str]:
    """The card as lines of plain text (the terminal chat adds numbered buttons). Screen readers read
    the Slack `text`, so it gets no decorative underline."""
    lines = [card.title, "=" * min(len(card.title), 60)] if underline else [card.title]
    if card.echo:
        lines.append(f"You asked: “{shorten(card.echo, MAX_ECHO)}”")
    lines.append(card.summary)
    for section in card.sections:
        lines.append("")
        if section.heading:
            lines.append(f"{section.heading}:")
        lines += [_bullet(line) for line in section.lines]
        lines += [_bullet(f"{f.label}: {f.value}" if f.value else f.label) for f in section.fields]
    if card.sources:
        lines += ["", "Sources: " + " · ".join(card.sources)]
    return lines
