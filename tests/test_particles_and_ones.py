"""Small words that carry no subject: "up" in "study up on", "read up on" is how a thing is asked,
not a word of any entry; "which ones" refers back to what the sentence before it named."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.text import sentence_weights, terms


def test_up_is_no_term() -> None:
    assert terms("what should i study up on") == terms("what should i study on")


def test_which_ones_refers_back_to_the_sentence_before() -> None:
    weights = sentence_weights("I learn better from books than videos. which ones would you point me to?")
    assert [w for _, w in weights] == [1.0, 1.0]


@pytest.mark.parametrize(
    "question",
    [
        "devsecops engineer moving toward ML work. which attack types on ML models should I study up on?",
        "pentester getting into AI. what attack types against ML systems should i study up on?",
    ],
)
def test_attacks_to_study_up_on_are_the_security_challenge(engine: Engine, question: str) -> None:
    assert engine.answer(question, "dm").topic_id == "challenge-security", question
