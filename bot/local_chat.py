"""The local terminal chat: type what you would type in Slack, read the card, click by number.

/aieng salary senior     a slash command
@aieng how do I ...?     a mention in a channel
quiz                     the career quiz: its questions one by one (answer by number), then your plan
/aieng progress          your roadmap progress (one local person; kept in the local store)
anything else            a direct message
3                        click button 3 of the last card
next                     click the last card's button of that name ("next", "more", "previous step")
"""

from __future__ import annotations

from dataclasses import replace
from typing import TextIO

from bot import ids
from bot.answering import Engine, Reply
from bot.cards import Button, Card
from bot.cards.quiz import plan_card
from bot.content import Library
from bot.delivery import delivery_for
from bot.errors import BotError
from bot.kinds import PROGRESS_MARKS, ButtonAction, Via
from bot.quiz import Answers, asks_for_quiz, make_plan, questions, read_answers
from bot.rendering import footer_buttons, text_lines
from bot.roadmap_progress import (
    Person,
    cancelled_reset,
    confirm_reset,
    mark_step,
    personal,
    progress_command,
    progress_reply,
)
from bot.store.progress import ProgressBook

PROMPT = "you> "
QUIZ_PROMPT = "choice> "
GOODBYE = ("quit", "exit", "bye", ":q")
LOCAL_PERSON = Person("local", "local")  # the local chat's one person, in its own workspace
CLICK_NOTES: dict[ButtonAction, str] = {
    "share": "(posted in the channel for everyone)",
    "vote_up": "(thanks for the feedback)",
    "vote_down": "(thanks for the feedback; noted for the content editors)",
}


def run_chat(engine: Engine, lines: TextIO, out: TextIO, book: ProgressBook | None = None) -> int:
    book = book or ProgressBook(None)
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
        if _wants_quiz(line.strip(), buttons):
            plan = run_quiz(engine.library, lines, out)
            if plan is not None:
                buttons = list(plan.buttons)
                out.write(render_for_terminal(plan, buttons) + "\n")
            continue
        reply, shareable, note = _respond(engine, book, line.strip(), buttons)
        if reply is not None and reply.card is not None:
            buttons = [*reply.card.buttons, *footer_buttons(reply.card, shareable)]
            out.write(render_for_terminal(reply.card, buttons) + "\n")
        if note:
            out.write(note + "\n")
        out.flush()


def _wants_quiz(line: str, buttons: list[Button]) -> bool:
    """`quiz` (or `/aieng quiz`), or the number of a card's quiz button."""
    if line.isdigit():
        return 1 <= int(line) <= len(buttons) and buttons[int(line) - 1].action == "quiz"
    return asks_for_quiz(_via(line)[1])


def run_quiz(library: Library, lines: TextIO, out: TextIO) -> Card | None:
    """Ask the quiz's questions in the terminal; the plan's card, or None if input ends first."""
    chosen: dict[str, str | None] = {}
    for number, question in enumerate(questions(library), start=1):
        out.write(f"\nQuestion {number}: {question.text}\n")
        out.write("".join(f"  [{i}] {c.label}\n" for i, c in enumerate(question.choices, start=1)))
        choice = _read_choice(lines, out, len(question.choices))
        if choice is None:
            out.write("Quiz stopped; nothing was saved.\n")
            return None
        chosen[question.id] = question.choices[choice - 1].id
    answers = read_answers(library, chosen)
    return plan_card(library, make_plan(library, answers)) if isinstance(answers, Answers) else None


def _read_choice(lines: TextIO, out: TextIO, count: int) -> int | None:
    while True:
        if lines.isatty():
            out.write(QUIZ_PROMPT)
            out.flush()
        line = lines.readline()
        if not line or line.strip().lower() in GOODBYE:
            return None
        if line.strip().isdigit() and 1 <= int(line.strip()) <= count:
            return int(line.strip())
        out.write(f"Type a number from 1 to {count}.\n")


def _respond(
    engine: Engine, book: ProgressBook, line: str, buttons: list[Button]
) -> tuple[Reply | None, bool, str | None]:
    try:
        number = int(line) if line.isdigit() else _button_named(line, buttons)
        if number is not None:
            return _click(engine, book, number, buttons)
        via, text = _via(line)
        command = progress_command(engine, text) if via == "slash" else None
        if command is not None:
            return Reply(kind="help", card=progress_reply(engine, book, LOCAL_PERSON, command)), False, None
        reply = engine.answer(text, via)
        return _personal(engine, book, reply), delivery_for(via, reply).shareable, None
    except BotError as error:
        return None, False, f"aieng: {error}"


def _click(
    engine: Engine, book: ProgressBook, number: int, buttons: list[Button]
) -> tuple[Reply | None, bool, str | None]:
    if not 1 <= number <= len(buttons):
        return None, False, f"No button {number} on the last card." if buttons else "No card to click yet."
    button = buttons[number - 1]
    if button.action in PROGRESS_MARKS:
        return Reply(kind="answer", card=mark_step(engine, book, LOCAL_PERSON, button.action, button.value)), True, None
    if button.action == "confirm_reset":
        return Reply(kind="help", card=confirm_reset(engine, book, LOCAL_PERSON, button.value)), False, None
    if button.action == "cancel_reset":
        return Reply(kind="help", card=cancelled_reset()), False, None
    reply = engine.click(button.action, button.value)
    return _personal(engine, book, reply), True, CLICK_NOTES.get(button.action)


def _button_named(line: str, buttons: list[Button]) -> int | None:
    """The number of the button a typed word names: its whole label ("next step") or the label's
    first word ("next"), when exactly one button answers to it."""
    typed = _plain(line)
    named = [i for i, b in enumerate(buttons, start=1) if typed in (_plain(b.label), _plain(b.label).split(" ")[0])]
    return named[0] if len(named) == 1 else None


def _plain(label: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in label.lower()).split())


def _personal(engine: Engine, book: ProgressBook, reply: Reply) -> Reply:
    """A roadmap card with the local person's progress on it."""
    if reply.card is None:
        return reply
    return replace(reply, card=personal(engine.library, book, LOCAL_PERSON, reply.card))


def _via(line: str) -> tuple[Via, str]:
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
