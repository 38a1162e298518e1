"""`python -m bench.card_lengths` (`make card-lengths`): how long the answer cards are that people read.

Every `expect: answer` case of the development sets goes through the engine as the scorer sends it;
each reply that is an answer card is rendered as Slack receives it and measured:

- visible characters: what Slack shows in the message body: the text of header, section (text and
  fields) and context blocks. Button labels and the notification `text` fallback are not counted.
- bullets: bullet lines in sections plus section fields (each a line a person reads).

Prints one table: cards, median, p90 and max visible characters, cards over 700 / 1,200 / 2,000,
and median and max bullets; `--each` also lists every card, longest first.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.answering import Engine
from bot.config import DEFAULT_CONTENT_DIR
from bot.content import load_library
from bot.delivery import message_payload
from bot.rendering import visible_text

ROOT = Path(__file__).resolve().parent.parent
DEV_SETS = (ROOT / ".." / "shared" / "eval" / "dev.yaml", ROOT / ".." / "shared" / "eval" / "dev2.yaml")
BOT_MENTION = "<@U0BOT> "  # what the eval scorer puts in front of mention cases
THRESHOLDS = (700, 1200, 2000)


@dataclass(frozen=True)
class Measured:
    case_id: str
    ref: str
    chars: int
    bullets: int


def bullet_count(payload: dict[str, Any]) -> int:
    sections = [b for b in payload.get("blocks", []) if b["type"] == "section"]
    lines = sum(
        line.lstrip().startswith("•") for b in sections for line in b.get("text", {}).get("text", "").splitlines()
    )
    return lines + sum(len(b.get("fields", [])) for b in sections)


def measure(engine: Engine, cases: list[dict[str, Any]]) -> list[Measured]:
    out = []
    for case in cases:
        if case.get("expect") != "answer":
            continue
        text = str(case.get("text") or "")
        via = str(case["via"])
        reply = engine.answer(BOT_MENTION + text if via == "mention" else text, via)
        if reply.kind != "answer" or reply.card is None:
            continue
        payload = message_payload(via, reply)
        ref = reply.card.ref or ""
        out.append(Measured(str(case["id"]), ref, len(visible_text(payload)), bullet_count(payload)))
    return out


def percentile(values: list[int], fraction: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def table(rows: list[tuple[str, list[Measured]]]) -> str:
    head = "| Set | Answer cards | Median chars | p90 | Max | >700 | >1,200 | >2,000 | Median bullets | Max bullets |"
    lines = [head, "|" + " --- |" * (head.count("|") - 1)]
    for name, measured in rows:
        chars = [m.chars for m in measured] or [0]
        bullets = [m.bullets for m in measured] or [0]
        over = [sum(c > t for c in chars) for t in THRESHOLDS]
        cells = [
            name,
            str(len(measured)),
            f"{statistics.median(chars):,.0f}",
            f"{percentile(chars, 0.9):,}",
            f"{max(chars):,}",
            *(str(n) for n in over),
            f"{statistics.median(bullets):.0f}",
            str(max(bullets)),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", type=Path, default=list(DEV_SETS), help="evaluation sets (YAML)")
    parser.add_argument("--each", action="store_true", help="also list every card, longest first")
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.sets if not p.is_file()]
    if missing:
        print(f"card_lengths: no such set: {', '.join(missing)}", file=sys.stderr)
        return 2
    engine = Engine(load_library(ROOT / DEFAULT_CONTENT_DIR))
    rows = [(p.name, measure(engine, yaml.safe_load(p.read_text(encoding="utf-8")))) for p in args.sets]
    if len(rows) > 1:
        rows.append(("all", [m for _, measured in rows for m in measured]))
    print(table(rows))
    if args.each:
        for m in sorted(rows[-1][1], key=lambda m: -m.chars):
            print(f"{m.chars:6,} chars {m.bullets:3} bullets  {m.case_id}  {m.ref}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
