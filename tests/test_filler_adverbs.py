"""How often something happens ("always", "usually", "sometimes") and "because" are how a question is
said, not what it asks about: they are no terms, so a title that happens to use one ("Myth: AI
engineers always build models from scratch") is not matched on it."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.text import terms


@pytest.mark.parametrize("word", ["always", "usually", "often", "sometimes", "because"])
def test_a_filler_adverb_is_no_term(word: str) -> None:
    assert terms(f"does it {word} need") == []


def test_a_title_word_said_in_passing_does_not_pull_its_entry_first(engine: Engine) -> None:
    reply = engine.answer("can we run a model on a phone or does it always need a big server", "dm")
    assert reply.candidates[0].ref.parts[0] == "efficient-models"


def test_the_myth_is_still_found_by_what_it_says(engine: Engine) -> None:
    reply = engine.answer("do ai engineers always build models from scratch?", "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "misconception-builds-models-from-scratch")
