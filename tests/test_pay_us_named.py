"""The US named in lower case after what it qualifies ("salary senior us", "ai engineer us"), the US
with SF and NY set aside (Startupbricks' "US (other)" row), a place's "location premium", and the
figures for a level that no article ties to a place shown for the US as a whole, each labelled."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.cards.model import Card


def _card(engine: Engine, text: str, via: str = "dm") -> Card:
    card = engine.answer(text, via).card
    assert card is not None and card.ref is not None
    return card


def _text(card: Card) -> str:
    return " ".join(f"{s.heading or ''} {f.label} {f.value}" for s in card.sections for f in s.fields)


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("salary senior us", "s:level=senior,location=us"),
        ("staff comp us", "s:level=staff,location=us"),
        ("median total salary ai engineer us, all levels", "s:location=us,measure=median+total"),
    ],
)
def test_lower_case_us_after_a_name_is_the_country(engine: Engine, text: str, ref: str) -> None:
    assert _card(engine, text).ref == ref


@pytest.mark.parametrize("text", ["how much would they pay us for this", "can you tell us the senior salary"])
def test_us_as_a_pronoun_names_no_place(engine: Engine, text: str) -> None:
    assert "location=" not in (_card(engine, text).ref or "")


@pytest.mark.parametrize(
    "text",
    [
        "entry level pay us but not sf/nyc",
        "what do junior ai engineers make outside the bay area and new york",
        "entry level salary, not sf or ny",
    ],
)
def test_the_us_without_sf_and_ny_is_its_other_cities(engine: Engine, text: str) -> None:
    card = _card(engine, text)
    assert card.ref == "s:level=entry,location=us-other", card.ref
    assert "$120K-$160K" in _text(card)


def test_the_us_without_sf_alone_stays_the_us(engine: Engine) -> None:
    assert "us-other" not in (_card(engine, "senior salary in the US but not sf").ref or "")


@pytest.mark.parametrize(
    ("text", "premium"),
    [
        ("sf location premium %", "+30-50%"),
        ("what's the location premium for seattle", "+10-20%"),
        ("how big is the nyc premium", "+15-25%"),
    ],
)
def test_a_places_premium_is_pay_and_shown_first(engine: Engine, text: str, premium: str) -> None:
    card = _card(engine, text)
    assert card.ref.startswith("s:"), card.ref
    assert card.sections[0].fields[0].value == premium


def test_the_us_level_card_adds_figures_tied_to_no_place(engine: Engine) -> None:
    card = _card(engine, "what's the median base for a senior AI engineer in the US right now?")
    assert card.sections[0].heading == "Senior, no place named by the article"
    assert card.sections[0].fields[0].value == "$236,875"
    assert "$189,375" not in _text(card) and "$70,000" not in _text(card)
