"""A command whose words name nothing of its kind, only things the articles never mention (issue #10):
it says plainly there is no such thing and offers what there is, never its plain card as an answer."""

from __future__ import annotations

import pytest

from bot.answering import Engine, gaps_recorded
from bot.kinds import Via

NOTHING_OF_KIND = [
    ("roadmap kitchen renovation", "roadmap"),
    ("roadmap for cello lessons", "roadmap"),
    ("skills sourdough baking", "skill"),
    ("learn guitar", "learning resource"),
    ("compare toyota and honda", "comparison"),
    ("hire a wedding photographer", "way of hiring"),
    ("hire a plumber", "way of hiring"),  # another job, though the articles use the word
    ("salary nba players", "pay figures"),
    ("market price of eggs", "market figures"),
    ("levels in candy crush", "level"),
]
# Words that name something of the command's kind, or only what the articles know: the card as before.
PLAIN_OR_NAMED = [
    "roadmap",
    "roadmap for a career change",
    "roadmap backend developer with kubernetes",
    "skills worth having going forward",  # "forward" says when, not what
    "hire for a fintech startup",
    "salary remote",
    "compare senior ai engineer",
]


@pytest.mark.parametrize(("text", "thing"), NOTHING_OF_KIND)
@pytest.mark.parametrize("via", ["slash", "mention"])
def test_a_command_naming_nothing_of_its_kind_says_so(engine: Engine, text: str, thing: str, via: Via) -> None:
    reply = engine.answer(text, via)
    assert reply.kind == "fallback"
    assert reply.card is not None and reply.card.title == f"No {thing} for that"
    assert reply.card.echo == text.split(" ", 1)[1]


def test_it_offers_what_there_is(engine: Engine) -> None:
    offered = engine.answer("roadmap kitchen renovation", "slash").card
    plain = engine.answer("roadmap", "slash").card
    assert offered is not None and plain is not None
    assert offered.buttons[0].value == plain.ref  # the roadmaps, whole
    assert {b.value for b in plain.buttons} <= {b.value for b in offered.buttons}


def test_it_records_a_gap(engine: Engine) -> None:
    before = gaps_recorded()
    engine.answer("learn to juggle flaming torches", "slash")
    assert gaps_recorded() == before + 1


@pytest.mark.parametrize("text", PLAIN_OR_NAMED)
def test_a_command_naming_what_the_articles_know_keeps_its_card(engine: Engine, text: str) -> None:
    assert engine.answer(text, "slash").kind == "answer"
