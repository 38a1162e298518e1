"""`python -m bot ask`: one reply as text or JSON, a JSON Lines batch, or an explanation."""

from __future__ import annotations

import json
import logging
from typing import Any, TextIO

from bot import ids
from bot.answering import (
    ANSWER_THRESHOLD,
    CHANNEL_THRESHOLD,
    MARGIN,
    SUGGEST_THRESHOLD,
    Engine,
    Reply,
)
from bot.delivery import click_payload, message_payload
from bot.errors import BotError
from bot.kinds import Via
from bot.local_chat import render_for_terminal
from bot.thresholds import CLEAR_LEAD

BATCH_VIAS: tuple[Via, ...] = ("slash", "mention", "dm")
log = logging.getLogger(__name__)


def ask_once(engine: Engine, text: str, via: Via, as_json: bool, out: TextIO) -> int:
    reply = engine.answer(text, via)
    if as_json:
        out.write(json.dumps(message_payload(via, reply), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(render_for_terminal(reply.card) + "\n")
    return 0


def batch(engine: Engine, lines: TextIO, out: TextIO) -> int:
    """One JSON line out per line in; a bad line gets an `error` line and the batch goes on."""
    for line in lines:
        if not line.strip():
            continue
        out.write(json.dumps(batch_line(engine, line), ensure_ascii=False) + "\n")
        out.flush()
    return 0


def batch_line(engine: Engine, line: str) -> dict[str, Any]:
    try:
        request = json.loads(line)
        if not isinstance(request, dict):
            raise ValueError("each line must be a JSON object")
        if "action_id" in request:
            reply = engine.click(ids.button_action(str(request["action_id"])), str(request.get("value", "")))
            return _line(reply, click_payload(reply))
        via, text = request.get("via"), request.get("text", "")
        if via not in BATCH_VIAS or not isinstance(text, str):
            raise ValueError(f"expected {{'via': one of {list(BATCH_VIAS)}, 'text': string}}")
        reply = engine.answer(text, via)
        return _line(reply, message_payload(via, reply))
    except (ValueError, BotError) as error:
        return _error_line(f"bad input line: {error}")
    except Exception:  # the batch goes on whatever one line does; the traceback goes to the log
        log.exception("batch line failed")
        return _error_line("something went wrong answering this line")


def _error_line(text: str) -> dict[str, Any]:
    return {"kind": "error", "topic_id": None, "score": None, "message": {"text": text}}


def _line(reply: Reply, message: dict[str, Any]) -> dict[str, Any]:
    return {"kind": reply.kind, "topic_id": reply.topic_id, "score": reply.score, "message": message}


def explain(engine: Engine, text: str, via: Via, out: TextIO) -> int:
    """Why this answer: the parsed query, the top candidates with scores, and the thresholds."""
    reply = engine.answer(text, via)
    query = reply.query
    out.write(f"question:   {text!r} (via {via})\n")
    if query is not None:
        out.write(f"cleaned:    {query.text!r}\n")
        out.write(f"command:    {query.command or '(free question)'}\n")
        found = ", ".join(f"{f.kind}={f.id}{'' if f.exact else '~'}" for f in query.entities.found) or "(none)"
        out.write(f"entities:   {found}   (~ = matched despite a typo)\n")
        q_terms = engine.matcher.query_terms(query.text)
        out.write(
            f"terms:      {q_terms}   ({engine.matcher.unknown_asked(q_terms)} asked words the content never uses)\n"
        )
    out.write("candidates:\n")
    for c in reply.candidates[:8]:
        out.write(f"  {c.score:6.1f}  {c.family:<14} {c.ref}  ({c.label})\n")
    if not reply.candidates:
        out.write("  (none: a command, or nothing matched)\n")
    out.write(
        f"thresholds: answer >= {ANSWER_THRESHOLD} (rivals within {MARGIN} of it offered as buttons); "
        f"between {SUGGEST_THRESHOLD} and {ANSWER_THRESHOLD}: answered when the close candidates are one "
        f"family, or entries its card links to with every other rival {MARGIN} behind, or it leads every rival by "
        f"{CLEAR_LEAD} (none of these when the asking sentence has as many words the content never uses as the "
        f"best shares with the question), else did-you-mean; "
        f"unasked channel answer >= {CHANNEL_THRESHOLD} with a lead of {MARGIN}\n"
    )
    out.write(f"result:     {reply.kind} -> {reply.topic_id} (score {reply.score})\n")
    if reply.why:
        out.write(f"why:        {reply.why}\n")
    return 0
