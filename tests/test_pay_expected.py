"""What a person can expect, asked by their years or as the hire they would be, and a "ballpark"
for a level or place: pay questions, answered by the salary table for that level."""

from __future__ import annotations

import pytest

from bot.answering import Engine


def _ref(engine: Engine, text: str) -> str:
    card = engine.answer(text, "dm").card
    assert card is not None and card.ref is not None
    return card.ref


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("what can an AI engineer with 3 years of experience expect", "s:level=mid"),
        ("what would someone with 2 yoe expect", "s:level=entry+mid"),
        ("what can I expect as an entry level hire at a startup", "s:level=entry,company_type=ai-startup"),
    ],
)
def test_what_one_can_expect_is_pay(engine: Engine, text: str, ref: str) -> None:
    assert _ref(engine, text) == ref


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("ballpark for a staff eng in nyc?", "s:level=staff,location=new-york"),
        ("ballpark for a senior ai engineer?", "s:level=senior"),
        ("any ballpark on what a principal makes in the bay area", "s:level=principal,location=san-francisco"),
    ],
)
def test_a_ballpark_for_a_level_or_place_is_pay(engine: Engine, text: str, ref: str) -> None:
    assert _ref(engine, text) == ref


def test_expecting_something_else_is_not_pay(engine: Engine) -> None:
    assert not _ref(engine, "what can a junior expect in their first week").startswith("s:")
