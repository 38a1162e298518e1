"""Words the articles use in one sense, asked in another, are no grounds for an answer: a place's people's
word asked as their language ("is korean tough to master"), a word the articles use only inside a fixed
phrase ("in-house") asked on its own ("how do i buy a house"). The place and the phrase still answer."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.content import Library
from bot.peoples import peoples_words
from bot.text import terms

A_LANGUAGE_OR_A_PEOPLE = [
    "is korean difficult to pick up",
    "can i pick up german in a year",
    "how long does it take to learn german",
    # words for a people no rule of spelling ties to their place's name (Ireland, Switzerland)
    "is irish hard to learn",
    "how long does it take to learn irish",
    "are the swiss hard to work with",
]
THE_PLACE_BY_ITS_PEOPLES_WORD = [
    ("any canadian numbers?", "s:location=canada"),
    ("korean pay", "s:location=south-korea"),
    ("do japanese companies pay ai engineers well", "s:location=japan"),
    ("is the korean market hiring", None),
    ("is the german job market good", None),
    ("irish ai engineer pay", "s:location=ireland"),
    ("do swiss companies pay ai engineers well", "s:location=switzerland"),
    ("how much do british ai engineers make", "s:location=uk"),
]
A_HOUSE = [
    "what does a two bedroom house cost in manchester",
    "how do i buy a house",
    "what's a house worth in toronto these days",
]
IN_HOUSE = [
    "is it cheaper to build an ai team in house",
    "in-house ai engineers or an agency?",
]


@pytest.mark.parametrize("text", A_LANGUAGE_OR_A_PEOPLE + A_HOUSE)
@pytest.mark.parametrize("via", ["dm", "mention"])
def test_a_word_in_another_sense_gets_no_answer(engine: Engine, text: str, via: str) -> None:
    reply = engine.answer(text, via)  # type: ignore[arg-type]
    assert reply.kind != "answer", reply.card.ref if reply.card else None


@pytest.mark.parametrize(("text", "expected"), THE_PLACE_BY_ITS_PEOPLES_WORD)
def test_a_peoples_word_before_what_it_qualifies_is_the_place(engine: Engine, text: str, expected: str | None) -> None:
    reply = engine.answer(text, "dm")
    assert reply.kind == "answer"
    assert expected is None or reply.topic_id == expected


@pytest.mark.parametrize("text", IN_HOUSE)
def test_the_fixed_phrase_still_answers(engine: Engine, text: str) -> None:
    reply = engine.answer(text, "dm")
    assert reply.kind == "answer" and reply.topic_id is not None and reply.topic_id.startswith(("full-time", "hiring"))


def test_a_fixed_phrase_is_one_term_and_its_word_alone_another() -> None:
    assert terms("an in-house team built from scratch") == ["inhous", "team", "built", "fromscratch"]
    assert terms("a house in house") == ["hous", "inhous"]


def test_peoples_words_are_the_places_people_not_their_names(library: Library) -> None:
    words = peoples_words(library)
    assert {"german", "korean", "japanes", "brazilian", "indian", "british", "swiss", "irish", "american"} <= words
    assert not {"japan", "germany", "korea", "milan", "india", "saudi", "zurich"} & words  # names, cities, short forms
