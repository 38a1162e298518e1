"""The closed sets of bot/kinds.py, and refs built only by bot/refs.py's one function per kind."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import get_args

import pytest

from bot import refs
from bot.kinds import VIAS, CardKind, ReplyKind, Via
from bot.refs import SalaryQuery, parse_ref

ROOT = Path(__file__).resolve().parent.parent
CODE = sorted([*ROOT.joinpath("bot").rglob("*.py"), *ROOT.joinpath("handlers").rglob("*.py")])


def test_vias_tuple_is_the_literal() -> None:
    assert VIAS == get_args(Via) == ("slash", "mention", "dm", "channel")


def test_a_reply_kind_is_a_card_kind_or_ignore() -> None:
    assert set(get_args(ReplyKind)) == {"answer", "choices", "fallback", "help", "ignore"}
    assert "error" not in get_args(CardKind)


@pytest.mark.parametrize(
    ("ref", "text"),
    [
        (refs.topic("ml-engineer"), "t:ml-engineer"),
        (refs.focused("ml-engineer", (2, 0)), "t:ml-engineer:2.0"),
        (refs.full("ml-engineer", 2), "t:ml-engineer:all:2"),
        (refs.salary(SalaryQuery(levels=("senior",), locations=("uk",))), "s:level=senior,location=uk"),
        (refs.roadmap("ai-engineer", 1, 3), "r:ai-engineer:1:3"),
        (refs.skills("ml-engineer"), "rs:ml-engineer"),
        (refs.compared(("ml-engineer", "ai-engineer")), "cmp:ml-engineer,ai-engineer"),
        (refs.compared(("ml-engineer", "ai-engineer"), (0, 4)), "cmp:ml-engineer,ai-engineer:0.4"),
        (refs.menu("roles"), "c:roles"),
    ],
)
def test_each_builder_writes_the_ref_parse_reads_back(ref: refs.Ref, text: str) -> None:
    assert str(ref) == text
    assert parse_ref(text) == ref


def _calls(name: str) -> list[str]:
    found = []
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                if called == name:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
                    if name == "Reply" and node.args:
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno} positional")
    return found


def test_refs_are_built_only_in_bot_refs() -> None:
    outside = [where for where in _calls("Ref") if not where.startswith("bot/refs.py:")]
    assert outside == [], "build refs with bot.refs' functions (topic, skills, compared...), not Ref(...)"


def test_replies_are_built_with_keywords() -> None:
    calls = _calls("Reply")
    assert calls, "the engine builds replies"
    assert [c for c in calls if c.endswith("positional")] == []
