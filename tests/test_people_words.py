"""Who else is talked about ("someone's", "everybody", "they're") and contractions typed without an
apostrophe ("theres", "ive") are how a story is told, not what it asks about: no terms, so they
neither count as words the articles never use nor name someone whose pay is asked."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.text import stem, terms


@pytest.mark.parametrize(
    "word", ["someone's", "everybody", "everyone's", "they're", "theyve", "youre", "ive", "theres"]
)
def test_a_word_for_people_or_a_contraction_is_no_term(word: str) -> None:
    assert terms(f"{word} hiring") == [stem("hiring")]


def test_someones_pay_in_a_story_is_no_unknown_person_asked_about(engine: Engine) -> None:
    reply = engine.answer(
        "heard someone's salary doubled after moving into ai eng, how much do staff engineers make?", "dm"
    )
    assert (reply.kind, reply.topic_id) == ("answer", "s:level=staff")


def test_talking_about_a_thing_asks_about_the_thing_not_about_talks(engine: Engine) -> None:
    reply = engine.answer("people are talking about rag, what is it exactly?", "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "llm")
