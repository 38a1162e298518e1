"""Every reply the bot gives to the benchmark's questions, and every card reachable by buttons, as
Slack receives them: one JSON line each. For checking that a speed-up changed no reply:

    python -m bench.replies > before.jsonl   # on the old code
    python -m bench.replies > after.jsonl    # on the new code
    cmp before.jsonl after.jsonl

Covers each line of bench/questions.txt and each repeated slash text by every way in (slash, mention,
DM, unaddressed channel message: the reply's kind, topic and Slack payload), and each card reachable
from the content's start cards by its buttons, rendered as a click shows it and as shared in a channel.
"""

from __future__ import annotations

import json
import sys
from collections import deque
from collections.abc import Iterator
from typing import Any

from bench.load import SLASH_TEXTS, questions
from bot import refs
from bot.answering import Engine
from bot.cards import open_ref_text
from bot.config import DEFAULT_CONTENT_DIR
from bot.content import load_library
from bot.delivery import click_payload, message_payload
from bot.kinds import VIAS
from bot.rendering import render

MENTION = "<@UBOT> "


def answers(engine: Engine) -> Iterator[dict[str, Any]]:
    for text in [*questions(), *SLASH_TEXTS]:
        for via in VIAS:
            reply = engine.answer(MENTION + text if via == "mention" else text, via)
            yield {"via": via, "text": text, "kind": reply.kind, "topic": reply.topic_id}
            yield {"payload": message_payload(via, reply)}


def reachable(engine: Engine) -> Iterator[dict[str, Any]]:
    starts = [str(refs.menu(name)) for name in ("help", "roles", "roadmaps", "levels", "learn", "compare")]
    starts += [str(refs.topic(t)) for t in engine.library.entries]
    queue = deque([*starts, str(refs.salary(refs.SalaryQuery()))])
    seen: set[str] = set()
    while queue:
        ref = queue.popleft()
        if ref in seen:
            continue
        seen.add(ref)
        card = open_ref_text(engine.library, ref)
        yield {"ref": ref, "click": click_payload(engine.click("open", ref))}
        yield {"ref": ref, "shared": render(card, shared_by="U123").payload("in_channel")}
        queue.extend(b.value for b in card.buttons if b.action == "open")


def main() -> int:
    engine = Engine(load_library(DEFAULT_CONTENT_DIR))
    for record in [*answers(engine), *reachable(engine)]:
        sys.stdout.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
