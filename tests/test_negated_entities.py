"""A level or place the question sets aside is not asked about: "not the national avg" adds no US figures."""

from __future__ import annotations

from bot.answering import Engine
from bot.content import Library
from bot.entities import EntityIndex
from bot.text import words


def test_a_place_set_aside_is_not_added(engine: Engine) -> None:
    reply = engine.answer("senior ai engineer pay in london, not the national average", "dm")
    assert reply.topic_id == "s:level=senior,location=uk"


def test_a_level_set_aside_is_not_added(engine: Engine) -> None:
    reply = engine.answer("i'm not senior yet, what does a mid level ai engineer earn", "dm")
    assert reply.topic_id == "s:level=mid"


def test_a_place_named_plainly_still_counts(engine: Engine) -> None:
    assert engine.answer("what do staff engineers earn in the US", "dm").topic_id == "s:level=staff,location=us"


def _places(library: Library, text: str) -> list[str]:
    return EntityIndex(library).extract(words(text)).ids("location")


def test_a_list_set_aside_is_set_aside_whole(library: Library) -> None:
    # "/" leaves no word between the two places; "or" joins them: both are set aside, not only the first.
    assert _places(library, "chicago so not sf/ny") == ["us-other"]
    found = EntityIndex(library).extract(words("staff pay excluding sf or ny"))
    assert {f.id for f in found.set_aside} == {"san-francisco", "new-york"}
    assert found.ids("location") == ["us-other"]  # the US but SF and NY: its other cities (besides)


def test_two_word_negations_set_aside(library: Library) -> None:
    assert _places(library, "senior pay other than the bay area") == []
    assert _places(library, "senior pay in germany rather than the uk") == ["germany"]
    assert _places(library, "mid level pay apart from london") == []


def test_outside_a_place_is_not_that_place(library: Library) -> None:
    assert _places(library, "staff pay outside london") == []
    assert _places(library, "staff pay outside sf/ny") == ["us-other"]  # a name of its own: the rest of the US


def test_a_list_of_another_kind_after_a_set_aside_place_still_counts(library: Library) -> None:
    index = EntityIndex(library)
    found = index.extract(words("not london, senior"))
    assert found.ids("location") == [] and found.ids("level") == ["senior"]


def test_a_place_set_aside_in_an_aside_is_not_shown(engine: Engine) -> None:
    reply = engine.answer("principal ai eng in chicago (so not sf/ny). what's the principal range?", "dm")
    assert reply.topic_id == "s:level=principal,location=us-other"


def test_a_level_anywhere_but_the_us_is_each_other_country_that_gives_it(engine: Engine) -> None:
    reply = engine.answer("what do senior ai engineers make anywhere other than the US?", "dm")
    assert reply.topic_id == "s:level=senior,location=uk+germany+canada+india+singapore"


def test_pay_outside_the_us_with_no_level_is_no_table_of_every_country(engine: Engine) -> None:
    reply = engine.answer("how much do ai engineers earn outside the us", "dm")
    assert not (reply.topic_id or "").startswith("s:")


def test_what_is_set_aside_is_kept_apart(library: Library) -> None:
    found = EntityIndex(library).extract(words("senior pay except the us"))
    assert found.ids("location") == [] and [f.id for f in found.set_aside] == ["us"]
