"""Places in pay questions (issue 10): a place's "figures" or "numbers" are its pay, as a level's are;
a country or major city anywhere, named in a pay question, is recognised from the content's list of
places, so a place no article covers gets the card that says so plainly, then offers what there is."""

from __future__ import annotations

import pytest

from bot.answering import Engine


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("is there a japanese figure for staff engineers in the articles", "japan"),
        ("uk numbers for mid-level please", "uk"),
        ("show me the german figures", "germany"),
        ("any canadian numbers?", "canada"),
        ("the india figures for juniors", "india"),
        ("singapore numbers for a principal", "singapore"),
        ("senior ai engineer in busan. do you have a korean figure?", "south-korea"),
    ],
)
def test_a_places_figures_are_its_pay(engine: Engine, text: str, place: str) -> None:
    card = engine.answer(text, "dm").card
    assert card is not None and card.ref is not None
    assert card.ref.startswith("s:") and f"location={place}" in card.ref, card.ref


@pytest.mark.parametrize(
    "text",
    [
        "what do the job numbers look like in canada",
        "how many ai jobs are there in the uk? any numbers?",
        "what number of years makes someone senior in germany",
    ],
)
def test_figures_not_said_of_a_place_are_not_pay(engine: Engine, text: str) -> None:
    card = engine.answer(text, "dm").card
    assert card is not None and card.ref is not None
    assert not card.ref.startswith("s:"), card.ref
