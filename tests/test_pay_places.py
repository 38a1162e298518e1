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


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("how much does a senior ai engineer make in busan", "South Korea"),
        ("ai engineer salary in sk", "South Korea"),
        ("mid-level ai engineer pay in the uae", "the United Arab Emirates"),
        ("senior ai engineer pay in ksa", "Saudi Arabia"),
        ("what do ai engineers earn in almaty", "Kazakhstan"),
        ("ai engineer salary in tbilisi", "Georgia (the country)"),
        ("entry level ai engineer pay in hsinchu", "Taiwan"),
        ("how much do ai engineers make in moscow", "Russia"),
        ("ai engineer salary in belgrade", "Serbia"),
        ("junior ai engineer salary in vilnius", "Lithuania"),
        ("staff ai engineer comp in riga", "Latvia"),
        ("what's the pay for ai engineers in reykjavik", "Iceland"),
        ("ai engineer pay in addis ababa", "Ethiopia"),
        ("ai engineer salary in kampala", "Uganda"),
        ("what do ai engineers earn in tunis", "Tunisia"),
        ("ai engineer salary in quito", "Ecuador"),
        ("ai engineer salary in nz", "New Zealand"),
        ("ai engineer salary in turkiye", "Turkey"),
        ("how much do ai engineers make in tehran", "Iran"),
        ("principal ai engineer salary in dar es salaam", "Tanzania"),
        ("ai engineer salary in cdmx", "Mexico"),
        ("Senior AI Engineer salary in Amman?", "Jordan"),
    ],
)
def test_a_country_or_city_no_article_covers_is_told_so(engine: Engine, text: str, place: str) -> None:
    reply = engine.answer(text, "dm")
    assert reply.kind == "answer" and reply.card is not None
    assert reply.card.summary.startswith(f"The articles give no figure for {place}."), reply.card.summary


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("senior ai engineer pay in belfast", "uk"),
        ("ai engineer salary leipzig", "germany"),
        ("entry level pay in kochi", "india"),
        ("what do ai engineers make in winnipeg", "canada"),
        ("senior ai engineer pay in utah", "us-other"),
        ("what do senior ai engineers make in london", "uk"),
        ("mid-level salary in bengaluru", "india"),
    ],
)
def test_a_city_of_a_covered_country_gets_that_countrys_figures(engine: Engine, text: str, place: str) -> None:
    card = engine.answer(text, "dm").card
    assert card is not None and card.ref is not None and f"location={place}" in card.ref, card.ref
    assert "no figure for" not in card.summary


@pytest.mark.parametrize(
    "text",
    ["is chinese hard to learn", "should i learn spanish or python", "how do i use sk learn pipelines"],
)
def test_a_language_or_a_library_names_no_place(engine: Engine, text: str) -> None:
    reply = engine.answer(text, "dm")
    assert reply.query is not None and not reply.query.entities.ids("location")
