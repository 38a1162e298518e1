"""The local terminal chat: type what you would type in Slack, read the card, click by number.

/aieng salary senior     a slash command
@aieng how do I ...?     a mention in a channel
anything else            a direct message
3                        click button 3 of the last card
"""

from __future__ import annotations

from typing import TextIO

from bot import ids
from bot.answering import Engine, Reply
from bot.cards import Button, Card
from bot.delivery import delivery_for
from bot.errors import BotError
from bot.rendering import footer_buttons, text_lines

PROMPT = "you> "
GOODBYE = ("quit", "exit", "bye", ":q")
CLICK_NOTES = {
    ids.SHARE: "(posted in the channel for everyone)",
    ids.FEEDBACK_UP: "(thanks for the feedback)",
    ids.FEEDBACK_DOWN: "(thanks for the feedback; noted for the content editors)",
}


def run_chat(engine: Engine, lines: TextIO, out: TextIO) -> int:
    interactive = lines.isatty()
    if interactive:
        out.write("aieng local chat. Type /aieng help, ask a question, or a button's number. Ctrl-D quits.\n")
    buttons: list[Button] = []
    while True:
        if interactive:
            out.write(PROMPT)
            out.flush()
        line = lines.readline()
        if not line or line.strip().lower() in GOODBYE:
            return 0
        if not line.strip():
            continue
        reply, shareable, note = _respond(engine, line.strip(), buttons)
        if reply is not None and reply.card is not None:
            buttons = [*reply.card.buttons, *footer_buttons(reply.card, shareable)]
            out.write(render_for_terminal(reply.card, buttons) + "\n")
        if note:
            out.write(note + "\n")
        out.flush()


def _respond(engine: Engine, line: str, buttons: list[Button]) -> tuple[Reply | None, bool, str | None]:
    try:
        if line.isdigit():
            return _click(engine, int(line), buttons)
        via, text = _via(line)
        reply = engine.answer(text, via)
        return reply, delivery_for(via, reply).shareable, None
    except BotError as error:
        return None, False, f"aieng: {error}"


def _click(engine: Engine, number: int, buttons: list[Button]) -> tuple[Reply | None, bool, str | None]:
    if not 1 <= number <= len(buttons):
        return None, False, f"No button {number} on the last card." if buttons else "No card to click yet."
    button = buttons[number - 1]
    reply = engine.click(button.action, button.value)
    return reply, True, CLICK_NOTES.get(button.action)


def _via(line: str) -> tuple[str, str]:
    if line.lower().startswith(ids.COMMAND + " ") or line.lower() == ids.COMMAND:
        return "slash", line[len(ids.COMMAND) :]
    if line.lower().startswith("@aieng"):
        return "mention", "<@U0AIENG> " + line[len("@aieng") :]
    return "dm", line


def render_for_terminal(card: Card | None, buttons: list[Button] | None = None) -> str:
    if card is None:
        return "(no reply)"
    buttons = list(card.buttons) if buttons is None else buttons
    lines = text_lines(card)
    if buttons:
        lines += ["", "  ".join(f"[{i}] {b.label}" for i, b in enumerate(buttons, start=1))]
    return "\n".join(lines)
