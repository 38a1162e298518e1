"""The command-line contract: chat, ask (text, --json, --explain, --batch)."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from typing import Any

from bot import ids
from bot.answering import Engine
from bot.asking import batch
from bot.local_chat import run_chat
from tests.conftest import ROOT


def run_bot(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
    )


def test_chat_prints_the_help_card_for_piped_input() -> None:
    done = run_bot("chat", stdin="/aieng help\n")
    assert done.returncode == 0
    assert "/aieng salary" in done.stdout and "[1] Salary" in done.stdout


def test_ask_json_prints_the_slack_payload() -> None:
    done = run_bot("ask", "--json", "salary", "senior")
    payload = json.loads(done.stdout)
    assert payload["response_type"] == "ephemeral"
    assert payload["text"].startswith("Senior AI engineer salary")
    assert payload["blocks"][0]["type"] == "header"


def test_ask_explain_shows_the_candidates_and_thresholds() -> None:
    done = run_bot("ask", "--explain", "--via", "dm", "which vector dbs are worth learning?")
    assert "entities:" in done.stdout and "candidates:" in done.stdout and "thresholds:" in done.stdout
    assert "vector-databases" in done.stdout


def batch_lines(engine: Engine, *requests: Any) -> list[dict[str, Any]]:
    lines = "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in requests)
    out = io.StringIO()
    batch(engine, io.StringIO(lines), out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_batch_answers_each_line_in_order_and_survives_bad_lines(engine: Engine) -> None:
    replies = batch_lines(
        engine,
        {"via": "slash", "text": "salary senior"},
        "this is not json",
        {"via": "pigeon", "text": "hi"},
        {"via": "dm", "text": "weather tomorrow in paris"},
        {"via": "slash", "text": ""},
        {"via": "mention", "text": "<@U0BOT> what does an mlops engineer do?"},
    )
    assert [r["kind"] for r in replies] == ["answer", "error", "error", "fallback", "help", "answer"]
    assert replies[0]["topic_id"] == "s:level=senior" and replies[0]["message"]["response_type"] == "ephemeral"
    assert replies[5]["topic_id"] == "mlops-engineer"
    assert all(set(r) == {"kind", "topic_id", "score", "message"} for r in replies)


def test_batch_clicks_a_button_from_an_earlier_reply(engine: Engine) -> None:
    first = batch_lines(engine, {"via": "slash", "text": "roadmap swe"})[0]
    button = next(e for b in first["message"]["blocks"] if b["type"] == "actions" for e in b["elements"])
    clicked = batch_lines(engine, {"action_id": button["action_id"], "value": button["value"]})[0]
    assert clicked["kind"] == "answer" and clicked["topic_id"] == button["value"]
    assert clicked["message"]["replace_original"] is True


def test_batch_stale_button_is_an_error_line(engine: Engine) -> None:
    replies = batch_lines(engine, {"action_id": ids.action_id("open", 0), "value": "t:no-such-topic"})
    assert replies[0]["kind"] == "error" and "no longer" in replies[0]["message"]["text"]


def test_local_chat_walks_a_roadmap_with_numbers(engine: Engine) -> None:
    out = io.StringIO()
    # the roadmap, its first phase, that phase's first step (after Back, Previous, Next), Next step, Back
    run_chat(engine, io.StringIO("/aieng roadmap ds\n1\n4\n3\n1\n12\nquit\n"), out)
    text = out.getvalue()
    assert card_titles(text)[0] == engine.library.roadmaps["ds-to-ai-engineer"].title, "'ds' opens that roadmap"
    assert "Phase 1 of" in text and "Step 1 of" in text and "Step 2 of" in text
    assert "No button 12" in text


def test_local_chat_clicks_a_button_typed_by_name(engine: Engine) -> None:
    out = io.StringIO()
    # the roadmap, its first phase, that phase's first step; then "next" typed, not its number
    run_chat(engine, io.StringIO("/aieng roadmap ds\n1\n4\nnext\nNext step\nquit\n"), out)
    text = out.getvalue()
    assert "Step 2 of" in text and "Step 3 of" in text, "'next' and 'Next step' click the Next step button"
    assert len(card_titles(text)) == 5, "every line is a card: none was read as a question"


def test_local_chat_reads_slash_mention_and_dm(engine: Engine) -> None:
    out = io.StringIO()
    run_chat(engine, io.StringIO("/aieng levels\n@aieng what is mlops?\nwhat do staff engineers earn?\n"), out)
    titles = card_titles(out.getvalue())
    assert len(titles) == 3, "one card for each line"
    assert "career ladder" in titles[0].lower(), "/aieng levels: the slash command"
    assert "MLOps" in titles[1], "@aieng ...: a mention"
    assert titles[2].startswith("Staff") and "salary" in titles[2], "anything else: a DM"


def card_titles(text: str) -> list[str]:
    """The titles of the cards the local chat printed (each underlined with '=')."""
    return re.findall(r"^(.+)\n=+$", text, re.MULTILINE)
