"""A button's name typed alone ("next", "go back", "show more") is someone trying to move through a card:
they are told those are buttons under the card, not given a topic that happens to use the word."""

from __future__ import annotations

import pytest

from bot.answering import Engine

BUTTON_NAMES_TYPED = [
    "next",
    "Next please",
    "back",
    "go back",
    "previous",
    "more",
    "show more",
    "continue",
    "next step",
]
QUESTIONS_WITH_THOSE_WORDS = [
    "what's next for ai engineering?",
    "what is the next step after learning python?",
    "what should i learn next after python",
    "tell me more about rag",
]


@pytest.mark.parametrize("text", BUTTON_NAMES_TYPED)
@pytest.mark.parametrize("via", ["dm", "mention", "slash"])
def test_a_button_name_typed_alone_says_the_buttons_are_under_the_card(engine: Engine, text: str, via: str) -> None:
    reply = engine.answer(text, via)  # type: ignore[arg-type]
    assert reply.kind == "help" and reply.card is not None
    assert reply.card.title == "Next, Back and More are buttons"


@pytest.mark.parametrize("text", QUESTIONS_WITH_THOSE_WORDS)
def test_a_question_using_those_words_is_answered(engine: Engine, text: str) -> None:
    assert engine.answer(text, "dm").kind == "answer"
